"""Read JSON strictly: what Python's `json` module lets through and an org file must not.

- a key repeated in one object (`{"id": "a", "id": "b"}`: JSON readers disagree on which
  one wins, so a reviewer and orgroles could read two different orgs), as the YAML reader
  refuses it;
- `NaN`, `Infinity` and `-Infinity`, which are not JSON, and numbers too large for a
  float (`1e400`), which would become the text `inf`;
- integers of more than 4,300 digits (Python refuses to convert them);
- lone surrogates (`"\\udcff"`), which no UTF-8 file can hold.

The fast path is one parse by the C decoder, with every check inside it (one small call
per object) or a regular expression over the text. When a check fails, the text is walked
once more, in Python, to place every problem at its line and column. (Nesting is bounded
by the reader: see `orgroles.io.problems.free_form_problems()`.)

Examples:
    >>> strict_loads('{"roles": [{"id": "a"}]}')
    {'roles': [{'id': 'a'}]}
    >>> strict_loads('{"id": "a", "id": "b"}', "org.json")
    Traceback (most recent call last):
    ...
    orgroles.errors.OrgFileError: org.json:1:13: duplicate key 'id' (first at line 1, column 2)
"""

from __future__ import annotations

import json
import math
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from orgroles.errors import Location, MoreProblems, OrgFileError, Problem
from orgroles.io.json_words import json_syntax
from orgroles.limits import MAX_DEPTH, MAX_PROBLEMS

__all__ = ["strict_loads"]

_WS = " \t\n\r"
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # fast: a literal prefix
# A high surrogate escape not followed by a low one, or a low one not after a high one.
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_INT_DIGITS = 4300


class _NotStrict(ValueError):
    """Something the strict checks refuse: the slow walk says what and where."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _NotStrict
    return found


def _constant(name: str) -> Any:
    raise _NotStrict


def _float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _NotStrict
    return value


_FAILED = object()  # what no document parses to (`null` parses to None)
_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_float)


def strict_loads(text: str, path: str | None = None) -> Any:
    """Parse JSON text strictly (see the module's docstring), or raise `OrgFileError`
    that places every problem found."""
    data: Any = _FAILED
    try:
        data = _DECODER.decode(text)
    except json.JSONDecodeError as err:
        raise OrgFileError(
            f"invalid JSON: {json_syntax(err)}",
            path=path,
            line=err.lineno,
            column=err.colno,
            code="syntax",
        ) from None
    except RecursionError:
        pass  # deeper than Python's own limit: the walk below places it
    except ValueError:  # a strict check, or an integer too long to convert
        pass
    if data is not _FAILED and (
        _SURROGATE_ESCAPE.search(text) is None or _LONE_SURROGATE.search(text) is None
    ):
        return data
    problems = _Walker(text, path).problems()
    if problems:
        raise OrgFileError(problems)
    if data is _FAILED:  # the walk found nothing the decoder refused: never expected
        raise OrgFileError("invalid JSON", path=path, line=1, column=1, code="syntax")
    return data


class _Walker:
    """A slow, complete walk of JSON text that places each problem the strict checks find."""

    def __init__(self, text: str, path: str | None) -> None:
        self.text = text
        self.path = path
        self.found: list[Problem] = []
        self.hidden = 0

    def problems(self) -> list[Problem]:
        try:
            end = self._value(self._ws(0), 1)
            end = self._ws(end)
            if end < len(self.text):
                self._add(end, "invalid JSON: extra data after the document", "syntax")
        except _Stop:
            pass
        if self.hidden:
            return [*self.found, MoreProblems.of(self.hidden, self.path)]
        return self.found

    def _where(self, offset: int) -> tuple[int, int]:
        text = self.text
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    def _add(self, offset: int, message: str, code: str) -> None:
        if len(self.found) >= MAX_PROBLEMS:  # counted, not located: locating costs a scan
            self.hidden += 1
            return
        self.found.append(Problem(message, Location(self.path, *self._where(offset)), code=code))

    def _ws(self, i: int) -> int:
        text = self.text
        while i < len(text) and text[i] in _WS:
            i += 1
        return i

    def _string(self, i: int) -> tuple[str, int]:
        try:
            value, end = scanstring(self.text, i + 1)
        except ValueError as exc:
            self._add(i, f"invalid JSON: {exc.args[0].split(':')[0]}", "syntax")
            raise _Stop from None
        if _has_lone_surrogate(value):
            self._add(i, "a lone surrogate escape (\\ud800 to \\udfff) is not a character", "text")
        return value, end

    def _value(self, i: int, depth: int) -> int:
        """Check the value at `i`; return the offset after it."""
        text = self.text
        if i >= len(text):
            self._add(i, "invalid JSON: expecting a value", "syntax")
            raise _Stop
        char = text[i]
        if char in "{[" and depth > MAX_DEPTH:
            self._add(i, f"nesting deeper than {MAX_DEPTH} levels is not allowed", "too-deep")
            raise _Stop
        if char == "{":
            return self._object(i, depth)
        if char == "[":
            return self._array(i, depth)
        if char == '"':
            return self._string(i)[1]
        for word in ("NaN", "Infinity", "-Infinity"):
            if text.startswith(word, i):
                self._add(i, f"{word} is not a JSON number: write a number or a string", "number")
                return i + len(word)
        for word in ("true", "false", "null"):
            if text.startswith(word, i):
                return i + len(word)
        found = _NUMBER.match(text, i)
        if found is None:
            self._add(i, "invalid JSON: expecting a value", "syntax")
            raise _Stop
        number = found.group()
        if found.group(1) or found.group(2):
            if math.isinf(float(number)):
                shown = number if len(number) <= 20 else number[:17] + "..."
                self._add(i, f"the number {shown} is too large for a float", "number")
        elif len(number.lstrip("-")) > _INT_DIGITS:
            self._add(i, f"a number of {len(number):,} digits: at most {_INT_DIGITS:,}", "number")
        return found.end()

    def _object(self, i: int, depth: int) -> int:
        text = self.text
        seen: dict[str, int] = {}
        i = self._ws(i + 1)
        if i < len(text) and text[i] == "}":
            return i + 1
        while True:
            if i >= len(text) or text[i] != '"':
                self._add(i, "invalid JSON: expecting a key in double quotes", "syntax")
                raise _Stop
            key, end = self._string(i)
            if key in seen and len(self.found) >= MAX_PROBLEMS:
                self.hidden += 1
            elif key in seen:
                line, column = self._where(seen[key])
                self._add(
                    i,
                    f"duplicate key {key!r} (first at line {line}, column {column})",
                    "duplicate-key",
                )
            else:
                seen[key] = i
            i = self._ws(end)
            if i >= len(text) or text[i] != ":":
                self._add(i, "invalid JSON: expecting ':'", "syntax")
                raise _Stop
            i = self._ws(self._value(self._ws(i + 1), depth + 1))
            if i < len(text) and text[i] == ",":
                i = self._ws(i + 1)
                continue
            if i < len(text) and text[i] == "}":
                return i + 1
            self._add(i, "invalid JSON: expecting ',' or '}'", "syntax")
            raise _Stop

    def _array(self, i: int, depth: int) -> int:
        text = self.text
        i = self._ws(i + 1)
        if i < len(text) and text[i] == "]":
            return i + 1
        while True:
            i = self._ws(self._value(i, depth + 1))
            if i < len(text) and text[i] == ",":
                i = self._ws(i + 1)
                continue
            if i < len(text) and text[i] == "]":
                return i + 1
            self._add(i, "invalid JSON: expecting ',' or ']'", "syntax")
            raise _Stop


class _Stop(Exception):
    """Ends the walk: too many problems, or text that cannot be read further."""


def _has_lone_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
