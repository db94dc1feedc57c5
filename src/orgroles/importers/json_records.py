"""JSON exports: an HR tool's API or report as a list of records, read as CSV rows are.

An HR tool's API gives its people as JSON: a list of objects, or an object that holds
one (`{"employees": [...]}` from a directory, Workday's `{"Report_Entry": [...]}`,
Microsoft Graph's `{"value": [...]}`). `orgroles import csv people.json` (and
`orgroles.from_csv("people.json")`) reads each object as a row whose columns are its
keys, with the same options, presets and guesses as a CSV file, and the same readings of
a manager value that is a list or a one-key object as `from_records()`. Problems name
the record's line and key in the file.

Examples:
    >>> text = '{"count": 2, "employees": [\\n {"id": "1", "name": "Ana Lima"},\\n {"id": "2"}]}'
    >>> records, where = records_of(text, "people.json")
    >>> where, [r["id"] for r in records]
    (('employees',), ['1', '2'])
    >>> JsonLocator(text, "people.json", where, {"id": "id"}).location(1, "id")
    Location(path='people.json', line=3, column=3)
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgroles.errors import Location, OrgFileError, OrgUsageError
from orgroles.importers.csv_map import FileRecords, records_document
from orgroles.importers.csv_read import read_csv_text
from orgroles.importers.given import column_names
from orgroles.importers.json_lines import JSON_LINES, as_list, line_up
from orgroles.io.json_marks import JsonMarks
from orgroles.io.json_strict import strict_loads
from orgroles.io.reader import Source
from orgroles.limits import MAX_DEPTH, MAX_TEXT_LENGTH

if TYPE_CHECKING:
    from orgroles.importers.columns import Columns
    from orgroles.importers.rows import Imported

__all__ = ["JSON_LINES", "RECORD_KEYS", "JsonLocator", "is_json", "json_document", "records_of"]

RECORD_KEYS = (
    "employees",
    "people",
    "users",
    "workers",
    "members",
    "records",
    "items",
    "data",
    "results",
    "value",
    "Report_Entry",
)
"""The keys under which exports hold their records, tried in this order before any other
list of objects: one with records first, then an empty one (a page of no one is an empty
org, not the pagination links beside it)."""


_LINES_HINT = "; one object on each line is JSON Lines: name the file .jsonl"


def is_json(path: str | os.PathLike[str]) -> bool:
    """Whether a file given to the CSV import is a JSON export (named `.json`), or JSON
    Lines (`.jsonl`, `.ndjson`)."""
    return os.fspath(path).lower().endswith((".json", *JSON_LINES))


def json_document(
    path: str | os.PathLike[str],
    columns: Columns,
    *,
    encoding: str | None = None,
    sheet: str | int | None = None,
    delimiter: str | None = None,
    **options: Any,
) -> Imported:
    """Read a JSON export as an org document, as `csv_document()` reads a CSV file, with
    the same arguments: `options` are those of `records_document()` (`departments`,
    `titles`, `name`, `kinds`, `date_format`); a JSON file has no `delimiter`, and no
    `sheet` (refused)."""
    file = os.fspath(path)
    if sheet is not None:
        raise OrgUsageError(
            f"{file}: --sheet (sheet=) names a sheet of an Excel workbook (.xlsx, .xlsm), "
            "and this is a JSON file"
        )
    text = read_csv_text(file, encoding)
    lines = file.lower().endswith(JSON_LINES)
    if lines:  # one line down, each record on its own line: messages move one line up
        text = as_list(text, file)
    try:
        records, where = records_of(text, file)
    except OrgFileError as err:
        if lines:
            raise line_up(err) from None
        if "Extra data" in str(err):  # "{...}\n{...}": JSON Lines named .json
            raise OrgFileError(
                [dataclasses.replace(p, message=p.message + _LINES_HINT) for p in err.problems]
            ) from None
        raise
    locator = partial(JsonLocator, text, file, where, shift=int(lines))
    file_records = FileRecords(Source(file, "json"), Path(file).stem, locator, encoding)
    named = {c for f in dataclasses.fields(columns) for c in column_names(getattr(columns, f.name))}
    flat = [_flat(r, named) for r in records]
    return records_document(flat, columns, file=file_records, **options)


_REFERENCE = frozenset({"id", "email", "mail", "name", "displayName", "title"})
"""The keys of an object that names someone or something (a manager, a department)."""


def _flat(record: Mapping[str, Any], named: set[str]) -> Mapping[str, Any]:
    """A record with its nested objects read as columns of their own, named `key.inner`
    as `pandas.json_normalize()` names them (Okta's `"profile": {"firstName": ...,
    "managerId": ...}` gives `profile.firstName`, ...; HiBob's `"work": {"title": ...,
    "reportsTo": {...}}` gives `work.title`, and `work.reportsTo` the manager's object,
    whether or not it is null). One level is spread: an object inside one is a value (a
    manager, a department), as is an object that names someone (`{"id": "5001", "name":
    ...}`: a manager) and one under a key that the column options name. A JSON:API
    resource's `attributes` (Personio's `{"type": "Employee", "attributes": {"first_name":
    {"label": ..., "value": "Ana"}, ...}}`) are its columns, by their own names, each
    value as it is (a `{"label", "value"}` object reads as its value).

    Examples:
        >>> _flat({"id": "1", "profile": {"firstName": "Ana", "title": "CEO"},
        ...        "manager": {"id": "2", "name": "Bo Diaz"}}, set())
        {'id': '1', 'profile.firstName': 'Ana', 'profile.title': 'CEO', 'manager': {'id': '2', 'name': 'Bo Diaz'}}
        >>> _flat({"id": "1", "work": {"title": "CFO", "boss": {"id": "2", "first": "Ana"}}}, set())
        {'id': '1', 'work.title': 'CFO', 'work.boss': {'id': '2', 'first': 'Ana'}}
        >>> _flat({"type": "Employee", "attributes": {"id": {"value": 7}}}, set())
        {'type': 'Employee', 'id': {'value': 7}}
    """  # noqa: E501
    out: dict[str, Any] = {}
    lifted = record.get("attributes")
    if isinstance(lifted, Mapping) and "attributes" not in named:
        out.update((k, v) for k, v in record.items() if k != "attributes")
        out.update((k, v) for k, v in lifted.items() if k not in record)
        return out
    for key, value in record.items():
        if isinstance(value, Mapping) and key not in named and not _REFERENCE.issuperset(value):
            out.update((f"{key}.{k}", v) for k, v in value.items() if f"{key}.{k}" not in record)
        else:
            out[key] = value
    return out


def records_of(text: str, path: str) -> tuple[list[Mapping[str, Any]], tuple[str, ...]]:
    """The records of a JSON export, and the key that holds them (none for a list).

    Raises `OrgFileError` at the problem's line: JSON that is not valid (or not strict:
    a repeated key), a document with no list of objects, an item that is not an object.
    """
    data = strict_loads(text, path)
    where: tuple[str, ...] = ()
    if isinstance(data, Mapping) and "roles" in data:
        raise OrgFileError(
            "an org file (it has 'roles'), not an HR export: use it as it is "
            f"(orgroles check {path})",
            path=path,
            line=1,
            column=1,
            code="file-type",
        )
    if isinstance(data, Mapping):
        found: tuple[str, ...] | None = _list_in(data)
        if found is None:  # one level down: {"data": {"employments": [...]}} (Remote)
            inner = [(k, v) for k, v in data.items() if isinstance(v, Mapping)]
            found = next(
                ((k, *under) for k, v in inner if (under := _list_in(v)) is not None), None
            )
        if found is None:
            keys = ", ".join(repr(k) for k in list(data)[:10]) or "none"
            raise OrgFileError(
                "a JSON export holds its people as a list of objects, at the top or under "
                f"a key ('employees', 'data', ...); this object has none (its keys: {keys})",
                path=path,
                line=1,
                column=1,
                code="type",
            )
        where = found
        for key in where:
            data = data[key]
    if not isinstance(data, list):
        raise OrgFileError(
            f"a JSON export is a list of objects (one per person), not a {_kind(data)}",
            path=path,
            line=1,
            column=1,
            code="type",
        )
    _check_depth(data, where, text, path)
    if len(text) > MAX_TEXT_LENGTH:  # else no text in it can be too long
        _check_lengths(data, where, text, path)
    for n, item in enumerate(data):
        if not isinstance(item, Mapping):
            pos = JsonMarks(text).position((*where, n)) or (None, None)
            raise OrgFileError(
                f"{_where((*where, n))}: expected an object (one person's keys and values), "
                f"got a {_kind(item)}",
                path=path,
                line=pos[0],
                column=pos[1],
                code="type",
            )
    return data, where


def _list_in(data: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The key of an object's list of people: a known key first, with people, then
    without (a page of none: an empty org, not the pagination links beside it); then any
    other list of objects."""
    known = [k for k in RECORD_KEYS if isinstance(data.get(k), list) and _objects(data[k])]
    empty = [k for k in RECORD_KEYS if data.get(k) == []]
    others = [k for k, v in data.items() if isinstance(v, list) and _objects(v)]
    found = known + empty + others
    return (found[0],) if found else None


def _check_depth(records: list[Any], where: tuple[str, ...], text: str, path: str) -> None:
    """Refuse values nested deeper than an org file may hold them (`MAX_DEPTH` levels from
    the top of the document, where a record's value is a role's `meta`), at the first
    one: the import would write a file that orgroles then refuses. Only nested values
    are walked."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [
        (item, (*where, n)) for n, item in enumerate(records) if isinstance(item, (dict, list))
    ]
    top = len(where)
    while stack:
        node, loc = stack.pop()
        if len(loc) - top + 2 >= MAX_DEPTH:  # in the org file: roles[i].meta.key...
            line, column = JsonMarks(text).position(loc) or (None, None)
            raise OrgFileError(
                f"{_where(loc[: top + 2])}: nested deeper than an org file may hold "
                f"({MAX_DEPTH} levels)",
                path=path,
                line=line,
                column=column,
                code="too-deep",
            )
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((v, (*loc, k)) for k, v in pairs if isinstance(v, (dict, list)))


def _check_lengths(records: list[Any], where: tuple[str, ...], text: str, path: str) -> None:
    """Refuse a text (a value or a key) longer than an org file may hold
    (`MAX_TEXT_LENGTH` characters), at the first one: the import would write a file
    that orgroles then refuses."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [
        (item, (*where, n)) for n, item in enumerate(records) if isinstance(item, (dict, list))
    ]  # a record that is not an object is refused after this check
    while stack:
        node, loc = stack.pop()
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in pairs:
            long = key if isinstance(key, str) and len(key) > MAX_TEXT_LENGTH else None
            if long is None and isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
                long = value
            if long is not None:
                line, column = JsonMarks(text).position((*loc, key)) or (None, None)
                raise OrgFileError(
                    f"{_where((*loc, key))}: text too long ({len(long):,} characters; an "
                    f"org file holds at most {MAX_TEXT_LENGTH:,})",
                    path=path,
                    line=line,
                    column=column,
                    code="too-long",
                )
            if isinstance(value, (dict, list)):
                stack.append((value, (*loc, key)))


def _where(loc: tuple[str | int, ...]) -> str:
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in loc).lstrip(".")


def _objects(items: list[Any]) -> bool:
    return bool(items) and all(isinstance(item, Mapping) for item in items)


def _kind(value: Any) -> str:
    names = {str: "string", bool: "boolean", int: "number", float: "number", list: "list"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


class JsonLocator:
    """Where each value of a JSON export's records is: the line and column of its key
    (of its record when the record has no such key), found when a message needs it."""

    def __init__(
        self,
        text: str,
        path: str,
        where: tuple[str, ...],
        fields: Mapping[str, str],
        *,
        shift: int = 0,
    ) -> None:
        self._marks = JsonMarks(text)
        self._path = path
        self._where = where
        self._fields = fields
        self._shift = shift  # lines of `text` above the file's first (JSON Lines: one)

    def _key(self, what: str) -> str:
        return self._fields.get(what, what)

    def location(self, row: int, what: str) -> Location:
        key = self._key(what)
        pos = self._marks.position((*self._where, row, key), key=True)
        if pos is None and "." in key:  # a column of a nested object's (`_flat()`)
            pos = self._marks.position((*self._where, row, *key.split(".", 1)), key=True)
        if pos is None:  # a JSON:API resource's attribute (`_flat()`)
            pos = self._marks.position((*self._where, row, "attributes", key), key=True)
        if pos is None:
            return Location(self._path)
        return Location(self._path, pos[0] - self._shift, pos[1])

    def where(self, row: int, what: str) -> str:
        return f"{_where((*self._where, row))}[{self._key(what)!r}]"

    def line(self, row: int) -> str:
        return f"line {self.location(row, 'id').line}"
