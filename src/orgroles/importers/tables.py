"""Tables that an import reads column by column: a CSV file's rows, or records (mappings
such as a pandas table's rows or a JSON export's objects).

Examples:
    >>> table = RecordRows([{"id": 7, "Manager": {"id": "a1", "name": "Ana Lima"}}])
    >>> table.header, table.texts("id"), table.cells("Manager")
    (['id', 'Manager'], ['7'], ['a1'])
"""

from __future__ import annotations

import json
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from orgroles.importers.columns import options_error
from orgroles.importers.multi_values import primary_value

if TYPE_CHECKING:
    from orgroles.importers.csv_read import CsvTable
    from orgroles.importers.rows import Cell

__all__ = ["CsvRows", "RecordRows", "Table"]


class Table(Protocol):
    @property
    def header(self) -> Sequence[str]:
        """The column names."""

    def __len__(self) -> int: ...

    def texts(self, column: str) -> list[str | None]:
        """The column's values, trimmed; an empty value is None."""

    def cells(self, column: str, keys: Sequence[str] = ()) -> list[Cell]:
        """Like `texts()`, but a value may be a list (several managers, departments);
        of a mapping, the value of the first of `keys` it has (see `_cell()`)."""

    @property
    def odd(self) -> list[tuple[int, str, str]]:
        """The cells that `cells()` read as nothing, for want of a key that stands for
        their mapping: (row, column, what)."""

    def odd_values(self, columns: Iterable[str]) -> list[tuple[int, str, str]]:
        """The values of these columns that are not text (a list, a mapping)."""

    def metas(self, columns: Sequence[str]) -> list[dict[str, Any]]:
        """For each row, the non-empty values of these columns, as they are written."""

    def written(self, row: int) -> Hashable | None:
        """A row as it is written, to compare with another (None: not comparable)."""


class CsvRows:
    """A `CsvTable` read column by column (every value is a string)."""

    def __init__(self, table: CsvTable) -> None:
        self.header = table.header
        self._rows = table.rows
        self._index = {c: i for i, c in enumerate(table.header)}

    def __len__(self) -> int:
        return len(self._rows)

    def texts(self, column: str) -> list[str | None]:
        i = self._index[column]
        return [r[i].strip() or None for r in self._rows]

    def written(self, row: int) -> Hashable | None:
        return tuple(cell.strip() for cell in self._rows[row])  # as its cells are read

    def cells(self, column: str, keys: Sequence[str] = ()) -> list[Cell]:
        return self.texts(column)  # type: ignore[return-value]

    @property
    def odd(self) -> list[tuple[int, str, str]]:
        return []  # every value of a CSV file is text

    def odd_values(self, columns: Iterable[str]) -> list[tuple[int, str, str]]:
        return []

    def metas(self, columns: Sequence[str]) -> list[dict[str, Any]]:
        pairs = [(self._index[c], c) for c in columns]
        return [{c: r[i] for i, c in pairs if r[i]} for r in self._rows]


def _is_missing(value: Any) -> bool:
    # None, an empty cell, or a NaN (how pandas writes an empty cell)
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _text(value: Any) -> str | None:
    """A cell of a record as text: numbers without a trailing `.0`, None when empty.

    Examples:
        >>> _text(" CTO "), _text(100), _text(100.0), _text(float("nan")), _text(2.5)
        ('CTO', '100', '100', None, '2.5')
    """
    if _is_missing(value):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if hasattr(value, "item") and not isinstance(value, (list, dict)):
        value = value.item()  # a numpy scalar
        if _is_missing(value):
            return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        # A numeric column with empty cells is float in pandas: 100 is read as 100.0.
        return str(int(value))
    return str(value).strip() or None


_KEYS = ("id", "email", "mail", "name", "value", "displayName")  # value: SCIM's reference
"""The keys of a mapping in a record's cell that stand for it, after the given ones."""
_KEYS_TEXT = ", ".join(_KEYS)
_DEPTH = 4  # the objects a cell's value may be nested in


def _keyless(value: Mapping[str, Any]) -> bool:
    """Whether a mapping where text is expected stands for no one text: no key of its
    reads, or it reads as several values."""
    try:
        return isinstance(_cell(value), list)
    except _NoKey:
        return True


def _single(value: Any) -> str | None:
    """A mapping's text as `_cell()` reads it when it is one text, a SCIM list's primary
    value (`multi_values`); else None."""
    if isinstance(value, (list, tuple)):
        return primary_value(value)
    try:
        found = _cell(value) if isinstance(value, Mapping) else None
    except _NoKey:
        return None
    return found if isinstance(found, str) else None


def _cell(value: Any, keys: Sequence[str] = ()) -> Cell:
    """A manager or department cell of a record: a list gives several values.

    A mapping that holds one value stands for that value, as in Workday's JSON reports
    (`"Worker_s_Manager_group": [{"Manager_ID": "emp003"}]`); one that holds several
    (a directory's manager: `{"id": "a1", "displayName": "Ana Lima"}`), for the value of
    the first of `keys` that it has (the key of the row's own id, email or name; of a
    department's name), then of `id`, `email`, `mail`, `name`, `value` (a SCIM user's
    manager: `{"value": "a1", "displayName": "Ana Lima"}`, the manager's id) or
    `displayName`.

    Examples:
        >>> _cell([{"Manager_ID": "emp003"}]), _cell([]), _cell(["R&D", " Sales "])
        ('emp003', None, ['R&D', 'Sales'])
        >>> _cell({"displayName": "Ana Lima", "id": "a1"}), _cell({"id": 7, "name": "R&D"}, ["name"])
        ('a1', 'R&D')
    """  # noqa: E501
    for _ in range(_DEPTH):  # nested: Personio's {"label": ..., "value": {"attributes": ...}}
        if not isinstance(value, Mapping):
            break
        if not value:
            return None  # {}: nothing, as an empty cell
        if len(value) == 1:
            value = next(iter(value.values()))
            continue
        key = next((k for k in (*keys, *_KEYS) if k in value), None)
        if key is not None:
            value = value[key]
        elif isinstance(value.get("attributes"), Mapping):  # a JSON:API resource object
            value = value["attributes"]
        else:
            raise _NoKey
    if isinstance(value, (list, tuple)):
        found = [t for t in (_text(_cell(v, keys)) for v in value) if t is not None]
        if not found:
            return None
        return found[0] if len(found) == 1 else found
    if isinstance(value, Mapping):  # deeper still: no one value it stands for
        raise _NoKey
    return _text(value)


class _NoKey(Exception):
    """A mapping in a cell that no key of which stands for it."""


_NESTED = frozenset({list, dict, tuple})


def _meta_value(value: Any) -> Any:
    """A value for `meta`: kept as it is (numpy scalars become Python ones), or None."""
    if _is_missing(value):
        return None
    if isinstance(value, (str, int, float, list, dict, tuple)):
        return value
    if hasattr(value, "item"):
        value = value.item()
        return None if _is_missing(value) else value
    return str(value)


class RecordRows:
    """Records (mappings) read column by column; a record may lack a key."""

    def __init__(self, records: Iterable[Mapping[Any, Any]]) -> None:
        rows: list[Mapping[Any, Any]] = []
        seen: dict[str, None] = {}
        for record in records:
            if not isinstance(record, Mapping):
                raise options_error(
                    f"expected a mapping of column names to values, got {type(record).__name__}",
                    code="type",
                )
            if not all(isinstance(k, str) for k in record):
                record = {str(k): v for k, v in record.items()}
            rows.append(record)
            seen.update(dict.fromkeys(record))
        self.header = list(seen)
        self._rows = rows
        self.odd: list[tuple[int, str, str]] = []
        """Cells read by `cells()` as nothing, for want of a key: (row, column, what)."""
        self._plain: set[str] = set()  # the columns that texts() found all text

    def __len__(self) -> int:
        return len(self._rows)

    def written(self, row: int) -> Hashable | None:
        """The record as JSON with its keys in order, or None for values that JSON does
        not write (the same record given with its keys in another order is the same)."""
        try:
            return json.dumps(self._rows[row], sort_keys=True, ensure_ascii=False)
        except (TypeError, ValueError):
            return None

    def texts(self, column: str) -> list[str | None]:
        """The column's values as text; a list is none (but SCIM's, see `multi_values`),
        and a mapping is the text it stands for (see `_cell()`), or none: `odd_values()`
        finds them."""
        values = [r.get(column) for r in self._rows]
        if _NESTED.isdisjoint(map(type, values)):  # the usual case: a type test in C
            self._plain.add(column)
            return list(map(_text, values))
        return [_text(v) if type(v) not in _NESTED else _single(v) for v in values]

    def odd_values(self, columns: Iterable[str]) -> list[tuple[int, str, str]]:
        """The values of these columns that are a list, or a mapping that no key of
        stands for, where text is expected: (row, column, what)."""
        found = []
        for column in columns:
            if column in self._plain:  # read by texts(): no list or mapping in it
                continue
            values = [r.get(column) for r in self._rows]
            if _NESTED.isdisjoint(map(type, values)):
                continue
            for i, v in enumerate(values):
                if isinstance(v, (list, tuple)):
                    if primary_value(v) is None:  # SCIM's emails: their primary value
                        found.append((i, column, "a list"))
                elif isinstance(v, Mapping) and _keyless(v):  # not a null value's
                    found.append((i, column, f"an object with none of the keys {_KEYS_TEXT}"))
        return found

    def cells(self, column: str, keys: Sequence[str] = ()) -> list[Cell]:
        out: list[Cell] = []
        for i, r in enumerate(self._rows):
            try:
                out.append(_cell(r.get(column), keys))
            except _NoKey:
                self.odd.append((i, column, f"an object with none of the keys {_KEYS_TEXT}"))
                out.append(None)
        return out

    def metas(self, columns: Sequence[str]) -> list[dict[str, Any]]:
        # A record with few of the columns is read through its own keys: records that
        # each bring a key of their own made every record look at every column (R x C).
        position = {c: n for n, c in enumerate(columns)}
        out = []
        for r in self._rows:
            keys: Iterable[str] = columns
            if 2 * len(r) < len(columns):
                keys = sorted((c for c in r if c in position), key=position.__getitem__)
            meta = {}
            for c in keys:
                value = _meta_value(r.get(c))
                if value is not None:
                    meta[c] = value
            out.append(meta)
        return out
