"""The pieces of the health report's page: its style sheet, escaped org text, the words
and numbers of one language, links to the roles it names, and tables.

Every text from the org goes through `esc()`: one clean line, escaped, in a
`<bdi>` element so that a right-to-left name cannot reorder the text around it.
"""

from __future__ import annotations

import html
from functools import lru_cache

from orgroles._internal.package_files import files
from orgroles.health.plots import figure_of
from orgroles.health.sections import Cited, Numbers
from orgroles.health.svg import inline_svg
from orgroles.health.words import decimal, number, word
from orgroles.render.quoting import clean

__all__ = ["PageText", "details", "esc", "page_css", "table"]


@lru_cache(maxsize=1)
def page_css() -> str:
    """The page's style sheet (`report.css`, shipped beside this module)."""
    css = files("orgroles.health").joinpath("report.css").read_text(encoding="utf-8")
    if "</" in css or "<!--" in css:
        raise RuntimeError("report.css would end its <style> element")
    return css.strip()


def esc(text: str) -> str:
    """Org text for the page: one clean line, escaped, isolated from its neighbours."""
    return f"<bdi>{html.escape(clean(text), quote=True)}</bdi>"


class PageText:
    """Builds the page of one set of numbers: the words, numbers and role links."""

    def __init__(self, numbers: Numbers) -> None:
        self.n = numbers
        self.lang = numbers.lang
        self.anchor = {rid: f"role-{k}" for k, rid in enumerate(numbers.cited, start=1)}

    def w(self, key: str, **values: object) -> str:
        """A word of the page, escaped (values are numbers and words, never org text)."""
        return html.escape(word(key, self.lang, **values), quote=False)

    def num(self, n: int) -> str:
        return number(n, self.lang)

    def dec(self, x: float | None) -> str:
        return decimal(x, self.lang)

    def role(self, rid: str | None, *, who: bool = True) -> str:
        """A role as its title linked to its entry at the end, and who holds it."""
        if rid is None:
            return self.w("whole_org")
        cited = self.n.cited.get(rid)
        if cited is None:
            return f"<code>{esc(rid)}</code>"
        link = f'<a href="#{self.anchor[rid]}">{esc(cited.title)}</a>'
        if not who:
            return link
        return f'{link} <span class="who">{self._holder(cited)}</span>'

    def _holder(self, cited: Cited) -> str:
        if cited.planned:
            return self.w("planned_seat")
        if cited.vacant or not cited.holders:
            return self.w("vacant")
        return esc(cited.holders)

    def more(self, shown: int, total: int) -> str:
        left = total - shown
        return f'<p class="more">{self.w("more", n=self.num(left))}</p>' if left > 0 else ""

    def chart(self, name: str) -> str:
        fig = figure_of(name, self.n, title=False)
        svg = inline_svg(fig, name)
        label = html.escape(word(f"{name}_title", self.lang), quote=True)
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
        return f"<figure>{svg}</figure>"


def table(head: list[tuple[str, bool]], rows: list[list[str]], cls: str = "") -> str:
    """A table; `head` is (escaped header, numeric?) per column, rows hold escaped cells."""
    numeric = [n for _, n in head]
    attr = f' class="{cls}"' if cls else ""
    out = [f"<table{attr}><thead><tr>"]
    out += [f"<th{' class=n' if n else ''}>{h}</th>" for h, n in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = [f"<td{' class=n' if numeric[k] else ''}>{cell}</td>" for k, cell in enumerate(row)]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def details(p: PageText, table: str) -> str:
    return f"<details><summary>{p.w('data_of')}</summary>{table}</details>"
