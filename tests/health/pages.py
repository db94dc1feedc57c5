"""Reading a health report's page back, as the tests look at it: its headline tiles,
tables, text, attributes, links and policy."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from orgroles.health.words import decimal, number

__all__ = ["Page", "as_number", "shown"]


def as_number(text: str, lang: str) -> float:
    """A number as the page writes it, read back."""
    text = text.replace("\u202f", "").replace(",", "" if lang == "en" else ".")
    return float(text)


class Page(HTMLParser):
    """Everything the tests check on a page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = text
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []  # tag, name, value
        self.ids: list[str] = []
        self.urls: list[str] = []
        self.metas: list[dict[str, str | None]] = []
        self.styles: list[str] = []
        self.texts: list[str] = []  # every text node outside <style>
        self.tiles: dict[str, dict[str, str]] = {}  # data-key -> value, text
        self.tables: dict[str, list[list[str]]] = {}  # by class: rows of cell text
        self._stack: list[tuple[str, dict[str, str | None]]] = []
        self._tile: str | None = None
        self._in_value = False
        self._table: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]
        if "id" in found and found["id"] is not None:
            self.ids.append(found["id"])
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "action", "xlink:href")]
        if tag == "meta":
            self.metas.append(found)
        key = found.get("data-key")
        if tag == "div" and key:
            self._tile = key
            self.tiles[key] = {}
        if tag == "div" and found.get("class") == "value" and self._tile:
            self._in_value = True
            self.tiles[self._tile]["value"] = found.get("data-value") or ""
            self.tiles[self._tile]["text"] = ""
        if tag == "table":
            self._table = []
            self.tables.setdefault(found.get("class") or "", [])
            self._table_class = found.get("class") or ""
        if tag == "tr" and self._table is not None:
            self._table.append([])
        if tag in ("td", "th") and self._table is not None:
            self._cell = []
        if tag not in ("meta", "link", "br", "img", "input", "path", "use", "rect"):
            self._stack.append((tag, found))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]
        found = dict(attrs)
        if "id" in found and found["id"] is not None:
            self.ids.append(found["id"])
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "xlink:href")]
        if tag == "meta":
            self.metas.append(found)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._in_value:
            self._in_value = False
        if tag in ("td", "th") and self._cell is not None and self._table is not None:
            self._table[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        if tag == "table" and self._table is not None:
            self.tables[self._table_class] += [r for r in self._table if r]
            self._table = None
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        inside = [t for t, _ in self._stack]
        if "style" in inside:
            self.styles.append(data)
            return
        self.texts.append(data)
        if self._in_value and self._tile:
            self.tiles[self._tile]["text"] += data
        if self._cell is not None:
            self._cell.append(data)

    @property
    def text(self) -> str:
        """The page's text, as one string (white space collapsed)."""
        return " ".join(" ".join(self.texts).split())

    @property
    def csp(self) -> dict[str, str]:
        [policy] = [
            m["content"] or ""
            for m in self.metas
            if m.get("http-equiv") == "Content-Security-Policy"
        ]
        return dict(d.split(" ", 1) for d in policy.split("; "))

    def tile(self, key: str, lang: str = "en") -> float:
        """A headline figure as the page shows it, read back as a number."""
        return as_number(self.tiles[key]["text"], lang)

    def table(self, cls: str) -> list[list[str]]:
        return self.tables[cls]


def shown(value: Any, lang: str = "en") -> str:
    """How the page writes a number."""
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value, lang)
    return decimal(value, lang)
