"""Positions inside JSON text, found on demand.

JSON is parsed on the fast path (pydantic's Rust parser) without positions. When a
position is needed (an error to report, a rule violation to locate), this module walks
the text to the node, skipping whole values with the C-accelerated `raw_decode`.

Examples:
    >>> marks = JsonMarks('{"name": "Acme",\\n "roles": [{"id": "cto"},\\n   {"id": "dev"}]}')
    >>> marks.position(("roles", 1, "id"))
    (3, 11)
    >>> marks.items("roles")
    [(2, 12), (3, 4)]
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from json.decoder import scanstring  # type: ignore[attr-defined]

__all__ = ["JsonMarks"]

_WS = " \t\n\r"
_decoder = json.JSONDecoder()

Pos = tuple[int, int]

_NEWLINE = re.compile("\n")
_DIRECT = 8  # positions found by counting lines directly, before a table of lines is made


class JsonMarks:
    """Positions of the nodes of one JSON text (1-based line and column).

    Every object and array on the way to a node is walked once and remembered, and lines
    are counted once (a table of line starts, made when many positions are asked for):
    locating any number of nodes costs one walk of the text, not one walk per node.
    """

    __slots__ = ("_cache", "_direct", "_members_at", "_newlines", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        # Element offsets of arrays and members of objects already walked, by offset.
        self._cache: dict[int, list[int]] = {}
        self._members_at: dict[int, dict[str, tuple[int, int]]] = {}
        self._newlines: list[int] | None = None
        self._direct = 0

    def _skip_ws(self, i: int) -> int:
        text = self._text
        while i < len(text) and text[i] in _WS:
            i += 1
        return i

    def _line_col(self, offset: int) -> Pos:
        text = self._text
        if self._newlines is None and self._direct < _DIRECT:
            self._direct += 1
            line = text.count("\n", 0, offset) + 1
            return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
        if self._newlines is None:
            self._newlines = [m.start() for m in _NEWLINE.finditer(text)]
        before = bisect_left(self._newlines, offset)  # newlines before the offset
        start = self._newlines[before - 1] + 1 if before else 0
        return before + 1, offset - start + 1

    def _members(self, i: int) -> list[tuple[str, int, int]]:
        """(key, key offset, value offset) for each member of the object at `i`."""
        text = self._text
        out = []
        i = self._skip_ws(i + 1)
        while i < len(text) and text[i] == '"':
            key, end = scanstring(text, i + 1)
            colon = self._skip_ws(end)
            start = self._skip_ws(colon + 1)
            out.append((key, i, start))
            _, i = _decoder.raw_decode(text, start)
            i = self._skip_ws(i)
            if i < len(text) and text[i] == ",":
                i = self._skip_ws(i + 1)
        return out

    def _elements(self, i: int) -> list[int]:
        """The offset of each element of the array at `i`."""
        text = self._text
        out: list[int] = []
        i = self._skip_ws(i + 1)
        while i < len(text) and text[i] != "]":
            out.append(i)
            _, i = _decoder.raw_decode(text, i)
            i = self._skip_ws(i)
            if i < len(text) and text[i] == ",":
                i = self._skip_ws(i + 1)
        return out

    def _offset(self, loc: tuple[str | int, ...], key: bool) -> int:
        i = self._skip_ws(0)
        text = self._text
        try:
            for n, part in enumerate(loc):
                if i >= len(text):
                    break
                if text[i] == "{" and isinstance(part, str):
                    members = self._members_at.get(i)
                    if members is None:  # the last one of a repeated key wins, as in a parse
                        members = self._members_at[i] = {
                            k: (key_at, value_at) for k, key_at, value_at in self._members(i)
                        }
                    found = members.get(part)
                    if found is None:
                        break
                    i = found[0] if key and n == len(loc) - 1 else found[1]
                elif text[i] == "[" and isinstance(part, int):
                    elements = self._cache.get(i)
                    if elements is None:
                        elements = self._cache[i] = self._elements(i)
                    if part >= len(elements):
                        break
                    i = elements[part]
                else:
                    break
        except ValueError:  # malformed text past this point: keep the last good offset
            pass
        return i

    def position(self, loc: tuple[str | int, ...], *, key: bool = False) -> Pos | None:
        """The position of the node at `loc`, or of its nearest ancestor that exists."""
        return self._line_col(self._offset(loc, key))

    def items(self, section: str) -> list[Pos]:
        """The position of each item of a top-level array such as `roles`."""
        text = self._text
        i = self._offset((section,), False)
        if i >= len(text) or text[i] != "[":
            return []
        out: list[Pos] = []
        elements = self._cache.get(i)
        if elements is None:
            elements = self._cache[i] = self._elements(i)
        # One pass over the text: lines and line starts are carried from item to item
        # (a minified file is one long line, where searching back would be quadratic).
        line, last = 1, 0
        line_start = 0
        for offset in elements:
            newlines = text.count("\n", last, offset)
            if newlines:
                line += newlines
                line_start = text.rfind("\n", last, offset) + 1
            last = offset
            out.append((line, offset - line_start + 1))
        return out
