"""Positions inside JSON text, found on demand.

JSON is parsed on the fast path (pydantic's Rust parser) without positions. When a
position is needed (an error to report, a rule violation to locate), this module walks
the text to the node, skipping whole values with the C-accelerated `raw_decode`.

The items of a large section are found faster when the parsed data says that they are
plain (see `plain_sections`): then a search for `{"id":` finds them all.

Examples:
    >>> marks = JsonMarks('{"name": "Acme",\\n "roles": [{"id": "cto"},\\n   {"id": "dev"}]}')
    >>> marks.position(("roles", 1, "id"))
    (3, 11)
    >>> marks.items("roles")
    [(2, 12), (3, 4)]
    >>> text = '{"roles": [{"id": "cto"},\\n {"id": "dev", "holder": [{"person": "bo"}]}]}'
    >>> data = json.loads(text)
    >>> JsonMarks(text, plain_sections(data)).items("roles") == JsonMarks(text).items("roles")
    True
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Mapping
from itertools import islice, repeat
from json.decoder import scanstring  # type: ignore[attr-defined]
from operator import methodcaller
from typing import Any

__all__ = ["JsonMarks", "plain_sections"]

_WS = " \t\n\r"
_decoder = json.JSONDecoder()

Pos = tuple[int, int]

_NEWLINE = re.compile("\n")
_DIRECT = 8  # positions found by counting lines directly, before a table of lines is made

# The items of a plain section (see plain_sections), and what keeps the search honest: an
# ASCII letter written as an escape (a key "\u0069d" is "id"), and the section's key.
_ITEM_START = re.compile(r'\{[ \t\n\r]*"id"[ \t\n\r]*:')
_ESCAPED_LETTER = re.compile(r"\\u00[4-7][0-9a-fA-F]")
# The keys of an item that may hold objects other than the item's own dated holders and
# lines (which cannot have an "id": the schema forbids it).
_NESTING_KEYS = {"roles": ("meta", "noqa")}  # the section whose items reports point at


def plain_sections(data: Any) -> dict[str, int]:
    """The sections (`roles`) of parsed, validated JSON data whose items are
    all objects with `"id"` as their first key and hold no object that could start with
    one (no `meta` but an empty one, no `noqa` mapping), each with its number of items.

    In the text of such a section, `{"id":` (outside strings, where a `{` followed by
    a `"` can only be) starts an item and nothing else: `JsonMarks.items()` finds
    the items with one search, instead of walking every value. Three passes in C.
    """
    found: dict[str, int] = {}
    if type(data) is not dict:
        return found
    for section, nesting in _NESTING_KEYS.items():
        items = data.get(section)
        if type(items) is not list or set(map(type, items)) - {dict}:
            continue
        if items and set(map(next, map(iter, items), repeat(None))) != {"id"}:
            continue
        values = [list(map(methodcaller("get", key), items)) for key in nesting]
        if any(map(any, values[:1])) or any(dict in set(map(type, v)) for v in values[1:]):
            continue  # a non-empty meta, or noqa as a mapping
        found[section] = len(items)
    return found


class JsonMarks:
    """Positions of the nodes of one JSON text (1-based line and column).

    Every object and array on the way to a node is walked once and remembered, and lines
    are counted once (a table of line starts, made when many positions are asked for):
    locating any number of nodes costs one walk of the text, not one walk per node.
    """

    __slots__ = ("_cache", "_direct", "_members_at", "_newlines", "_plain", "_text")

    def __init__(self, text: str, plain: Mapping[str, int] | None = None) -> None:
        self._text = text
        # Sections whose items a search finds, with their number (see plain_sections).
        self._plain = dict(plain or {})
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
        return self._lines(self._item_offsets(section))

    def item_locator(self, section: str) -> Callable[[int], Pos | None]:
        """The position of item `k` of a top-level array, worked out when it is asked for.

        A report asks for the items of its violations, a few of a million, in file order:
        their offsets are found at once, but lines are counted only from the item asked
        for last (from the start when an earlier one is asked for), so that the text is
        walked once in all and no position is made for the other items.

        Examples:
            >>> at = JsonMarks('{"roles": [{"id": "a"},\\n  {"id": "b"}]}').item_locator("roles")
            >>> at(1), at(0), at(2)
            ((2, 3), (1, 12), None)
        """
        offsets = self._item_offsets(section)
        text = self._text
        last = [0, 1, 0]  # the offset asked for last, its line, and where that line starts

        def at(k: int) -> Pos | None:
            if not 0 <= k < len(offsets):
                return None
            offset = offsets[k]
            start, line, line_start = last if offset >= last[0] else (0, 1, 0)
            newlines = text.count("\n", start, offset)
            if newlines:
                line += newlines
                line_start = text.rfind("\n", start, offset) + 1
            last[:] = offset, line, line_start
            return line, offset - line_start + 1

        return at

    def _item_offsets(self, section: str) -> list[int]:
        """The offset of each item of a top-level array: searched for in a plain section,
        else found by walking the array."""
        text = self._text
        count = self._plain.get(section)
        if count is not None:
            found = self._searched(section, count)
            if found is not None:
                return found
        i = self._offset((section,), False)
        if i >= len(text) or text[i] != "[":
            return []
        elements = self._cache.get(i)
        if elements is None:
            elements = self._cache[i] = self._elements(i)
        return elements

    def _searched(self, section: str, count: int) -> list[int] | None:
        """The offsets of the items of a plain section, found by a search for `{"id":`,
        or None when the text is not as simple as that (then the items are walked).

        The parsed data said that every item starts with the key `id` and holds no
        object that may (`plain_sections()`). Then, if no ASCII letter is written as
        an escape (the keys are as written) and the section's key appears once (it is the
        top-level one), the first `count` matches after its `[` are its items.
        """
        text = self._text
        keys = re.compile(f'"{re.escape(section)}"[ \t\n\r]*:[ \t\n\r]*\\[').finditer(text)
        key = next(keys, None)
        if key is None or next(keys, None) is not None or _ESCAPED_LETTER.search(text):
            return None
        start = key.end()
        offsets = [m.start() for m in islice(_ITEM_START.finditer(text, start), count)]
        if len(offsets) != count or (offsets and text[start : offsets[0]].strip(_WS)):
            return None
        return offsets

    def _lines(self, offsets: list[int]) -> list[Pos]:
        """The (line, column) of each of these offsets, in increasing order."""
        text = self._text
        if not offsets:
            return []
        if text.count("\n", offsets[0], offsets[-1]) == 0:  # one line (a minified file)
            line = text.count("\n", 0, offsets[0]) + 1
            line_start = text.rfind("\n", 0, offsets[0]) + 1
            return [(line, offset - line_start + 1) for offset in offsets]
        out: list[Pos] = []
        # One pass over the text: lines and line starts are carried from item to item
        # (a minified file is one long line, where searching back would be quadratic).
        line, last = 1, 0
        line_start = 0
        for offset in offsets:
            newlines = text.count("\n", last, offset)
            if newlines:
                line += newlines
                line_start = text.rfind("\n", last, offset) + 1
            last = offset
            out.append((line, offset - line_start + 1))
        return out
