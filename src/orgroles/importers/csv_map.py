"""Map the columns of a table (a CSV file, or records such as a pandas table) to an org.

Each row becomes one role (id = the row's id, its title, and the manager it reports to)
held by one person (the same id, the name, the email); departments become teams, and
every column that no option maps goes into the role's `meta`, so that nothing is lost.
Lookup tables turn codes into names. See `docs/import.md` for the options and presets.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from orgroles._internal.gc import gc_paused
from orgroles.errors import Location, OrgFileError, Problem
from orgroles.importers.columns import (
    Columns,
    Lookup,
    ResolvedColumns,
    options_error,
    unknown_column,
)
from orgroles.importers.csv_export import CSV_COLUMNS
from orgroles.importers.csv_read import CsvTable, read_csv_file
from orgroles.importers.dated import dating
from orgroles.importers.guess import company_name, guessed, unmapped
from orgroles.importers.guests import guest_marks
from orgroles.importers.heading_rows import drop_headings
from orgroles.importers.last_first import first_name_first, turned_note
from orgroles.importers.other_names import other_names
from orgroles.importers.rehires import latest_hires
from orgroles.importers.repeats import drop_repeats
from orgroles.importers.rows import Cell, Imported, KindsMode, Locator, Rows, build_document
from orgroles.importers.status import current_rows, read_statuses
from orgroles.importers.tables import CsvRows, RecordRows, Table
from orgroles.importers.vacant import vacate_unnamed
from orgroles.io.reader import Source
from orgroles.model import OrgDocument

__all__ = [
    "CsvLocator",
    "CsvRows",
    "FileRecords",
    "RecordLocator",
    "RecordRows",
    "Table",
    "csv_document",
    "records_document",
]

# -- locators: where a cell came from ---------------------------------------------------


def _fields(cols: ResolvedColumns) -> dict[str, str]:
    """The column behind each field of `Rows`."""
    found = {
        "id": cols.id_col,
        "name": cols.name_col[0] if cols.name_col else None,
        "title": cols.title_col,
        "kind": cols.kind_col,
        "kind_from": cols.kind_from_col,
        "family": cols.family_col,
        "seniority": cols.seniority_col,
        "holder": cols.holder_col,
        "email": cols.email_col,
        "manager": cols.manager_col,
        "dotted": cols.dotted_col,
        "department": cols.department_col,
        "start": cols.start_col,
        "end": cols.end_col,
        "effective": cols.effective_col,
        "status": cols.status_col,
    }
    return {k: v for k, v in found.items() if v is not None}


class CsvLocator:
    def __init__(self, table: CsvTable, cols: ResolvedColumns) -> None:
        self._path = table.path
        self._lines = table.lines
        self._fields = _fields(cols)
        self._number = {c: n for n, c in enumerate(table.header, 1)}

    def _column(self, what: str) -> str:
        return self._fields.get(what, what)

    def location(self, row: int, what: str) -> Location:
        return Location(self._path, self._lines[row], self._number.get(self._column(what)))

    def where(self, row: int, what: str) -> str:
        return f"column {self._column(what)!r}"

    def line(self, row: int) -> str:
        return f"line {self._lines[row]}"


class RecordLocator:
    def __init__(self, cols: ResolvedColumns) -> None:
        self._fields = _fields(cols)

    def location(self, row: int, what: str) -> None:
        return None

    def where(self, row: int, what: str) -> str:
        return f"records[{row}][{self._fields.get(what, what)!r}]"

    def line(self, row: int) -> str:
        return f"records[{row}]"


# -- from a table to rows ---------------------------------------------------------------


def _own(cols: ResolvedColumns) -> tuple[str, ...]:
    """The key of a row's own id, email or name, as its manager column reads them: the
    key that a manager given as a mapping writes it under."""
    own = {"id": cols.id_col, "email": cols.email_col}.get(cols.manager_by)
    if cols.manager_by == "name" and len(cols.name_col) == 1:
        own = cols.name_col[0]
    return (own,) if own else ()


def _rows(
    table: Table,
    cols: ResolvedColumns,
    lookups: dict[str, Mapping[str, str]],
    locator: Locator,
    literal: bool = False,
) -> Rows:
    n = len(table)
    none: list[str | None] = [None] * n

    def texts(column: str | None) -> list[str | None]:
        return table.texts(column) if column is not None else list(none)

    def one_line(column: str | None) -> list[str | None]:
        """A name or a title broken over lines in its cell, on one line (as from Excel);
        in a CSV that orgroles wrote, as written."""
        found = texts(column)
        return found if literal else [" ".join(t.split()) if t and "\n" in t else t for t in found]

    if len(cols.name_col) == 2:  # first and last name, the usual case: made fast
        firsts, lasts = (table.texts(c) for c in cols.name_col)
        names = [(f"{a} {b}" if b else a) if a else b for a, b in zip(firsts, lasts, strict=True)]
    elif len(cols.name_col) > 2:
        parts = [table.texts(c) for c in cols.name_col]
        names = [" ".join(p for p in ps if p) or None for ps in zip(*parts, strict=True)]
    else:
        names = one_line(cols.name_col[0] if cols.name_col else None)
    written, turned = names, 0
    if len(cols.name_col) == 1 and not literal:  # a CSV that orgroles wrote: as written
        names, turned = first_name_first(names)
    aliases = None
    if cols.name_col:
        names, aliases = other_names(table, cols.name_col, cols.meta_cols, names)
    if turned and aliases is None:  # the names as written still find their rows
        aliases = [w if w != n else None for w, n in zip(written, names, strict=True)]
    ids = table.texts(cols.id_col)
    if len(cols.name_col) > 1 and cols.id_col in cols.name_col:  # "Prénom, Nom", no id
        ids = list(written)  # the whole name is the id, as a single name column's is
    says = table.texts(cols.status_col) if cols.status_col else []
    rows = Rows(
        ids=ids,
        names=names,
        aliases=aliases,
        titles=one_line(cols.title_col),
        emails=texts(cols.email_col),
        managers=table.cells(cols.manager_col, _own(cols)) if cols.manager_col else list(none),
        metas=table.metas(cols.meta_cols),
        dotteds=_several(table.cells(cols.dotted_col, _own(cols))) if cols.dotted_col else None,
        departments=(
            table.cells(cols.department_col, ("name", "displayName", "title"))
            if cols.department_col
            else None
        ),
        kinds=table.texts(cols.kind_col) if cols.kind_col else None,
        kind_froms=table.texts(cols.kind_from_col) if cols.kind_from_col else None,
        families=table.texts(cols.family_col) if cols.family_col else None,
        seniorities=table.texts(cols.seniority_col) if cols.seniority_col else None,
        holders=table.texts(cols.holder_col) if cols.holder_col else None,
        starts=latest_hires(table, cols.start_col, cols.meta_cols) if cols.start_col else None,
        ends=table.texts(cols.end_col) if cols.end_col else None,
        effectives=table.texts(cols.effective_col) if cols.effective_col else None,
        statuses=read_statuses(says, cols.status_col) if cols.status_col else None,
        guests=(
            None if literal else guest_marks(table, cols.meta_cols, ids, cols.status_col, names)
        ),
    )
    if cols.status_col:  # the rows whose status says that the person works there
        rows.current = current_rows(says, cols.status_col, rows.statuses)
    text_columns = [
        cols.id_col,
        *cols.name_col,
        *(
            c
            for c in (
                cols.title_col,
                cols.email_col,
                cols.kind_col,
                cols.kind_from_col,
                cols.family_col,
                cols.seniority_col,
                cols.holder_col,
                cols.start_col,
                cols.end_col,
                cols.effective_col,
                cols.status_col,
            )
            if c is not None
        ),
    ]
    if turned:
        rows.notes.append(turned_note(written, names, turned, locator))
    odd = sorted([*table.odd_values(text_columns), *table.odd], key=lambda found: found[0])
    for i, column, what in odd:  # in file order
        rows.problems.append(
            Problem(
                f"{what} where text is expected: name another column, or flatten the "
                "records first (pandas.json_normalize)",
                locator.location(i, column),
                locator.where(i, column),
                code="type",
            )
        )
        if column == cols.id_col:
            rows.skip.add(i)  # not also "missing id"
    if cols.holder_col is not None and cols.holder_col == cols.id_col:
        vacate_unnamed(rows)  # each person known by their seat's id: no name, no one
    if "title" in lookups and cols.title_col is not None:
        _look_up(rows.titles, lookups["title"], cols.title_col, rows, locator, "title")  # type: ignore[arg-type]
    if "department" in lookups and rows.departments is not None:
        assert cols.department_col is not None
        _look_up(rows.departments, lookups["department"], cols.department_col, rows, locator)
    return rows


_SEVERAL = re.compile(r"\s*[;|]\s*")


def _several(cells: list[Cell]) -> list[Cell]:
    """Cells that name several values with `;` or `|` between them, as lists."""
    out: list[Cell] = []
    for cell in cells:
        if type(cell) is str and _SEVERAL.search(cell):
            values = [v for v in _SEVERAL.split(cell) if v]
            out.append(values[0] if len(values) == 1 else (values or None))
        else:
            out.append(cell)
    return out


def _look_up(
    cells: list[Cell],
    table: Mapping[str, str],
    column: str,
    rows: Rows,
    locator: Locator,
    what: str = "department",
) -> None:
    """Replace codes by names in place; the code itself stays in the role's `meta`."""
    for i, cell in enumerate(cells):
        if cell is None:
            continue
        codes = [cell] if isinstance(cell, str) else cell
        names = []
        for code in codes:
            found = table.get(code)
            if found is None:
                rows.notes.append(
                    Problem(
                        f"the {what} code {code!r} is not in the lookup table: kept as it is",
                        locator.location(i, what),
                        locator.where(i, what),
                        code="unknown-code",
                    )
                )
            names.append(found or code)
        rows.metas[i][column] = cell
        cells[i] = names[0] if isinstance(cell, str) else names


def _lookup_table(
    lookup: Lookup | Mapping[str, str],
    default_key: str,
    delimiter: str | None,
    encoding: str | None = None,
) -> dict[str, str]:
    """The code -> name table of a lookup: a mapping as it is, or read from its CSV file."""
    if not isinstance(lookup, Lookup):
        return {str(k).strip(): str(v).strip() for k, v in lookup.items()}
    path = os.fspath(lookup.path)
    table = read_csv_file(path, encoding, delimiter)
    key_col = lookup.key_col or default_key
    where = Location(path, table.header_line)
    problems = [
        unknown_column(column, purpose, table.header, where)
        for column, purpose in ((key_col, "the codes"), (lookup.value_col, "the names"))
        if column not in table.header
    ]
    if problems:
        raise OrgFileError(problems)
    rows = CsvRows(table)
    found: dict[str, str] = {}
    for n, (key, value) in enumerate(
        zip(rows.texts(key_col), rows.texts(lookup.value_col), strict=True)
    ):
        if key is None or value is None:
            continue
        if key in found and found[key] != value:
            raise OrgFileError(
                f"the code {key!r} has two names: {found[key]!r} and {value!r}",
                path=path,
                line=table.lines[n],
                code="duplicate-id",
            )
        found[key] = value
    return found


def _lookups(
    cols: ResolvedColumns,
    departments: Lookup | Mapping[str, str] | None,
    titles: Lookup | Mapping[str, str] | None,
    delimiter: str | None,
    encoding: str | None = None,
) -> dict[str, Mapping[str, str]]:
    found: dict[str, Mapping[str, str]] = {}
    for what, lookup, column, option in (
        ("department", departments, cols.department_col, "department_col"),
        ("title", titles, cols.title_col, "title_col"),
    ):
        if lookup is None:
            continue
        if column is None:
            raise options_error(
                f"a lookup table for {what}s needs the column of codes: give {option}"
            )
        found[what] = _lookup_table(lookup, column, delimiter, encoding)
    return found


# -- the importers -----------------------------------------------------------------------


def csv_document(
    path: str | os.PathLike[str],
    columns: Columns,
    *,
    departments: Lookup | Mapping[str, str] | None = None,
    titles: Lookup | Mapping[str, str] | None = None,
    delimiter: str | None = None,
    name: str | None = None,
    kinds: KindsMode = "infer",
    date_format: str | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
) -> Imported:
    """Read a CSV export as an org document: each row becomes one person and one role.

    This is what `orgroles.from_csv()` does before it builds the org; its docstring
    describes the arguments.
    """
    file = os.fspath(path)
    with gc_paused():
        table = read_csv_file(file, encoding, delimiter, sheet)
        where = Location(file, table.header_line)
        literal = unmapped(columns) and set(CSV_COLUMNS) <= set(table.header)  # to_csv's
        columns, date_format, notes = guessed(columns, CsvRows(table), where, date_format)
        cols = columns.resolve(table.header, path=file, line=table.header_line)
        lookups = _lookups(cols, departments, titles, delimiter, encoding)
        if not literal:  # "Engineering" alone on a line, above its people
            table = drop_headings(table, (cols.id_col, *cols.name_col))
        in_columns = CsvRows(table)
        rows = _rows(in_columns, cols, lookups, CsvLocator(table, cols), literal)
        rows.guests = None if columns.keep_left else rows.guests
        rows.notes[:0] = [*table.notes, *notes]
        name = name or company_name(in_columns) or Path(file).stem
        rows, at = drop_repeats(rows, CsvLocator(table, cols), in_columns.written)
        table.rows = []  # the rows are in columns now: let the strings go
        rows, locator, amend = dating(rows, at, date_format, cols.manager_by)
        return build_document(
            rows,
            locator,
            manager_by=cols.manager_by,
            name=name,
            source=Source(file, "csv"),
            kinds=kinds,
            amend=amend,
            literal=literal,
        )


def records_document(
    records: Iterable[Mapping[str, Any]],
    columns: Columns,
    *,
    departments: Lookup | Mapping[str, str] | None = None,
    titles: Lookup | Mapping[str, str] | None = None,
    name: str | None = None,
    kinds: KindsMode = "infer",
    date_format: str | None = None,
    file: FileRecords | None = None,
) -> Imported:
    """Read records (mappings from column name to value) as `csv_document()` reads rows.

    This is what `orgroles.from_records()` does before it builds the org. `file` is the
    file the records come from (a JSON export: `orgroles.importers.json_records`).
    """
    where = None if file is None else Location(file.source.path, 1)
    with gc_paused():
        table = RecordRows(records)
        if not len(table):
            return Imported(OrgDocument(name=name or (file and file.name)))  # no records
        literal = unmapped(columns) and set(CSV_COLUMNS) <= set(table.header)
        columns, date_format, notes = guessed(columns, table, where, date_format)
        path = None if file is None else file.source.path
        cols = columns.resolve(table.header, path=path)
        at: Locator = RecordLocator(cols) if file is None else file.locator(_fields(cols))
        encoding = None if file is None else file.encoding
        lookups = _lookups(cols, departments, titles, None, encoding)
        rows = _rows(table, cols, lookups, at, literal)
        rows.guests = None if columns.keep_left else rows.guests
        rows.notes[:0] = notes
        name = name or company_name(table) or (file and file.name)
        rows, at = drop_repeats(rows, at, table.written)
        rows, locator, amend = dating(rows, at, date_format, cols.manager_by)
        return build_document(
            rows,
            locator,
            manager_by=cols.manager_by,
            name=name,
            source=None if file is None else file.source,
            kinds=kinds,
            amend=amend,
            literal=literal,
        )


class FileRecords(NamedTuple):
    """The file that records come from: where reports point, and how to find a value."""

    source: Source
    name: str
    """The org's name when the data gives none: the file's, without its suffix."""
    locator: Callable[[Mapping[str, str]], Locator]
    """The locator of the values, given the key behind each field of `Rows`."""
    encoding: str | None = None
    """The encoding of the lookup tables."""
