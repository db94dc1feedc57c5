"""JSON Lines (`.jsonl`, `.ndjson`): one JSON object on each line, read as a JSON list.

Each line is parsed alone first, so that a problem is told at the file's own line and
column, in the terms of one line (a line that holds two objects, or half of one). Then
the lines become a JSON list one line down (`as_list()`), which the JSON export reads
as any other; `line_up()` moves the lines of its problems back up.

Examples:
    >>> as_list('{"id": "1"}\\n\\n{"id": "2"}\\n', "people.jsonl")
    '[\\n{"id": "1"},\\n\\n{"id": "2"}\\n\\n]'
    >>> as_list('{"id": "1"}\\n{"id": "2"} {"id": "3"}\\n', "people.jsonl")
    Traceback (most recent call last):
    ...
    orgroles.errors.OrgFileError: people.jsonl:2:13: invalid JSON: Extra data (JSON Lines hold one object on each line)
"""  # noqa: E501

from __future__ import annotations

import dataclasses
import re

from orgroles.errors import OrgFileError, Problem
from orgroles.io.json_strict import strict_loads

__all__ = ["JSON_LINES", "as_list", "line_up"]

JSON_LINES = (".jsonl", ".ndjson")
"""The suffixes of JSON Lines: one record, an object, on each line."""

_ONE_A_LINE = " (JSON Lines hold one object on each line)"
_LINE = re.compile(r"\bline (\d+)\b")


def as_list(text: str, path: str) -> str:
    """The lines as a JSON list one line down: `[` on a line above them, a comma after
    each line but the last with a record, and `]` on a line below; each record keeps its
    columns. Raises `OrgFileError` at the first line that is not one JSON value, and for
    a file with no line."""
    lines = text.split("\n") if "\n" in text or "\r" not in text else text.split("\r")
    filled = [n for n, line in enumerate(lines) if line.strip()]
    if not filled:
        raise OrgFileError(
            "the file is empty: JSON Lines hold one object on each line",
            path=path,
            code="empty",
        )
    for n in filled:
        try:
            strict_loads(lines[n], path)
        except OrgFileError as err:
            raise OrgFileError([_on_line(p, n + 1) for p in err.problems]) from None
    for n in filled[:-1]:
        lines[n] += ","
    return "[\n" + "\n".join(lines) + "\n]"


def _on_line(problem: Problem, line: int) -> Problem:
    """A problem of one line parsed alone, at that line of the file."""
    moved = _moved(problem, line - 1)
    if problem.code != "syntax":
        return moved
    return dataclasses.replace(moved, message=moved.message + _ONE_A_LINE)


def line_up(err: OrgFileError) -> OrgFileError:
    """The error of JSON Lines read as a list (`as_list()`), at the lines of the file."""
    return OrgFileError([_moved(p, -1) for p in err.problems])


def _moved(problem: Problem, lines: int) -> Problem:
    """A problem `lines` lines further down (up, when negative; line 1 at least): its
    place, and the lines its message names."""
    at = problem.location
    if at is not None and at.line is not None:
        at = dataclasses.replace(at, line=max(1, at.line + lines))
    message = _LINE.sub(lambda m: f"line {max(1, int(m[1]) + lines)}", problem.message)
    return dataclasses.replace(problem, message=message, location=at)
