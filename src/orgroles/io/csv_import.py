"""Import HR exports (CSV files, or any records such as a pandas table) and write orgs as CSV.

Each row becomes one role (id = the row's id, its title, and the manager it reports to)
held by one person (the same id, the name, the email); departments become teams, and
every column that no option maps goes into the role's ``meta``, so that nothing is lost.
See ``docs/import.md`` for the sources, the options and the presets.

>>> import orgroles
>>> org = orgroles.from_records(
...     [{"Employee #": "0001", "First Name": "Ana", "Last Name": "Lima",
...       "Job Title": "CEO ", "Reporting to": None, "Phone": "555-0100"},
...      {"Employee #": "0002", "First Name": "Bo", "Last Name": "Diaz",
...       "Job Title": "CTO", "Reporting to": "Ana Lima"}],
...     preset="bamboohr")
>>> org.roles["0002"]
Role(id='0002', title='CTO', holder='0002', reports_to='0001')
>>> org.people["0001"].name, org.roles["0001"].title, org.roles["0001"].meta
('Ana Lima', 'CEO', {'Phone': '555-0100'})
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from orgroles.errors import Location, OrgExportError, OrgExportWarning, OrgFileError, Problem
from orgroles.io._rows import Cell, Rows, build_org
from orgroles.io.atomic import atomic_write
from orgroles.io.columns import (
    Columns,
    Lookup,
    ResolvedColumns,
    options_error,
    unknown_column,
)
from orgroles.io.reader import Source, gc_paused, read_file
from orgroles.org import Org

__all__ = [
    "CSV_COLUMNS",
    "DELIMITERS",
    "CsvTable",
    "csv_text",
    "from_csv",
    "from_records",
    "read_table",
    "sniff_delimiter",
    "to_csv",
]

DELIMITERS = ",;\t|"
"""The delimiters that :func:`sniff_delimiter` chooses from."""

CSV_COLUMNS = ("id", "title", "kind", "holder", "name", "email", "reports_to", "department")
"""The columns :func:`to_csv` writes first (the ``orgroles`` preset reads them back)."""

_SNIFF_CHARS = 64 * 1024
_QUOTED = re.compile(r'"[^"]*"')


# -- reading CSV text -------------------------------------------------------------------


def sniff_delimiter(text: str) -> str:
    """The delimiter of CSV text: ``,``, ``;`` (French spreadsheets), tab or ``|``.

    The header line decides when only one of them occurs in it (outside quotes). When
    several do, the one that splits the first lines into as many fields as the header
    (and into the most fields, if several do) wins; failing that, :class:`csv.Sniffer`
    compares them. When none occurs (a single column), it is ``,``.

    >>> sniff_delimiter("Matricule;Nom;Poste\\n0001;Lima, Ana;CEO\\n")
    ';'
    >>> sniff_delimiter('id,"a;b",c\\n1,x;y,z\\n'), sniff_delimiter("id\\n1\\n")
    (',', ',')
    >>> sniff_delimiter('id,title,;\\na,x;y,"x,y"\\nb,,x;y\\n')  # a column named ";"
    ','
    """
    first = _QUOTED.sub("", text[: text.find("\n") if "\n" in text else len(text)])
    counts = {d: first.count(d) for d in DELIMITERS if d in first}
    if len(counts) <= 1:
        return next(iter(counts), ",")
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]  # whole lines only
    widths = {d: _steady_width(sample, d) for d in counts}
    steady = [d for d, width in widths.items() if width > 1]
    if steady:
        return max(steady, key=lambda d: (widths[d], counts[d]))
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(counts)).delimiter
    except csv.Error:
        return max(counts, key=lambda d: counts[d])


def _steady_width(sample: str, delimiter: str, rows: int = 50) -> int:
    """How many fields every one of the first rows has with this delimiter (0 if they differ)."""
    widths = set()
    try:
        for n, row in enumerate(csv.reader(io.StringIO(sample), delimiter=delimiter)):
            if n >= rows:
                break
            if row:
                widths.add(len(row))
    except csv.Error:
        return 0
    return widths.pop() if len(widths) == 1 else 0


@dataclass
class CsvTable:
    """A CSV file split into its header and rows; ``lines[i]`` is where row ``i`` starts."""

    path: str | None
    header: list[str]
    header_line: int
    rows: list[list[str]]
    lines: list[int]


def read_table(text: str, path: str | None = None, delimiter: str | None = None) -> CsvTable:
    """Split CSV text into a header and rows, with the line each row starts on.

    Quoted fields may hold delimiters, quotes (doubled) and line breaks. Blank rows are
    skipped, short rows are padded with empty cells, and a row with more values than the
    header is an error (often an unquoted delimiter inside a value).

    >>> t = read_table('id,name\\r\\n0001,"Lima, ""Ana"" Jr"\\r\\n\\r\\n0002,"Bo\\r\\nDiaz"\\r\\n')
    >>> t.header, t.rows, t.lines
    (['id', 'name'], [['0001', 'Lima, "Ana" Jr'], ['0002', 'Bo\\r\\nDiaz']], [2, 4])
    """
    sep = delimiter or sniff_delimiter(text)
    records, lines = _records(text, sep, path)
    first = next((n for n, row in enumerate(records) if any(row)), None)  # the header
    if first is None:
        raise OrgFileError(
            "the file is empty: a CSV import needs a header row", path=path, code="empty"
        )
    names = _header_names(records[first], path, lines[first])
    header_line = lines[first]
    rows, lines = records[first + 1 :], lines[first + 1 :]
    blank = {n for n, row in enumerate(rows) if not any(row)}
    if blank:
        rows = [row for n, row in enumerate(rows) if n not in blank]
        lines = [line for n, line in enumerate(lines) if n not in blank]
    problems: list[Problem] = []
    width = len(names)
    for n, row in enumerate(rows):
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        elif len(row) > width:
            if any(row[width:]):
                problems.append(
                    Problem(
                        f"{len(row)} values but the header has {width} columns "
                        f"(is a {_name(sep)} inside a value that is not quoted?)",
                        Location(path, lines[n], width + 1),
                        code="row-length",
                    )
                )
            del row[width:]
    if problems:
        raise OrgFileError(problems)
    return CsvTable(path, names, header_line, rows, lines)


def _records(text: str, sep: str, path: str | None) -> tuple[list[list[str]], list[int]]:
    """Every record of the text (blank ones too, as ``[]``) and the line each starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    try:
        records = list(reader)  # at C speed
    except csv.Error:
        records = None
    if records is not None and reader.line_num == len(records):
        # No value holds a line break: record n is line n + 1. The usual case, made fast.
        return records, list(range(1, len(records) + 1))
    # Some value holds a line break (or the text is malformed): count the lines as we go.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    records, lines = [], []
    end = 0
    try:
        for record in reader:
            lines.append(end + 1)
            records.append(record)
            end = reader.line_num
    except csv.Error as exc:
        start, stop = end + 1, reader.line_num
        hint = " (is a quote left open?)" if "end of data" in str(exc) else ""
        upto = f" (reading on to line {stop})" if stop != start else ""
        raise OrgFileError(
            f"malformed CSV in the row that starts here: {exc}{upto}{hint}",
            path=path,
            line=start,
            code="syntax",
        ) from None
    return records, lines


def _name(sep: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}.get(sep, repr(sep))


def _header_names(header: list[str], path: str | None, line: int) -> list[str]:
    """The header's column names, trimmed; an unnamed column is called ``column N``."""
    names = [cell.strip() or f"column {n}" for n, cell in enumerate(header, 1)]
    first: dict[str, int] = {}
    problems = []
    for n, column in enumerate(names, 1):
        k = first.setdefault(column, n)
        if k != n:
            problems.append(
                Problem(
                    f"the column name {column!r} is used twice (columns {k} and {n})",
                    Location(path, line, n),
                    code="duplicate-column",
                )
            )
    if problems:
        raise OrgFileError(problems)
    return names


# -- tables: CSV rows or records, read column by column ---------------------------------


class _Table(Protocol):
    @property
    def header(self) -> Sequence[str]:
        """The column names."""

    def __len__(self) -> int: ...

    def texts(self, column: str) -> list[str | None]:
        """The column's values, trimmed; an empty value is None."""

    def cells(self, column: str) -> list[Cell]:
        """Like :meth:`texts`, but a value may be a list (several managers, departments)."""

    def metas(self, columns: Sequence[str]) -> list[dict[str, Any]]:
        """For each row, the non-empty values of these columns, as they are written."""


class _CsvRows:
    """A :class:`CsvTable` read column by column (every value is a string)."""

    def __init__(self, table: CsvTable) -> None:
        self.header = table.header
        self._rows = table.rows
        self._index = {c: i for i, c in enumerate(table.header)}

    def __len__(self) -> int:
        return len(self._rows)

    def texts(self, column: str) -> list[str | None]:
        i = self._index[column]
        return [r[i].strip() or None for r in self._rows]

    def cells(self, column: str) -> list[Cell]:
        return self.texts(column)  # type: ignore[return-value]

    def metas(self, columns: Sequence[str]) -> list[dict[str, Any]]:
        pairs = [(self._index[c], c) for c in columns]
        return [{c: r[i] for i, c in pairs if r[i]} for r in self._rows]


def _is_missing(value: Any) -> bool:
    # None, an empty cell, or a NaN (how pandas writes an empty cell)
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _text(value: Any) -> str | None:
    """A cell of a record as text: numbers without a trailing ``.0``, None when empty.

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


def _cell(value: Any) -> Cell:
    """A manager or department cell of a record: a list gives several values.

    A mapping that holds one value stands for that value, as in Workday's JSON reports
    (``"Worker_s_Manager_group": [{"Manager_ID": "emp003"}]``).

    >>> _cell([{"Manager_ID": "emp003"}]), _cell([]), _cell(["R&D", " Sales "])
    ('emp003', None, ['R&D', 'Sales'])
    """
    if isinstance(value, Mapping):
        value = next(iter(value.values())) if len(value) == 1 else str(dict(value))
    if isinstance(value, (list, tuple)):
        found = [t for t in (_text(_cell(v)) for v in value) if t is not None]
        if not found:
            return None
        return found[0] if len(found) == 1 else found
    return _text(value)


def _meta_value(value: Any) -> Any:
    """A value for ``meta``: kept as it is (numpy scalars become Python ones), or None."""
    if _is_missing(value):
        return None
    if isinstance(value, (str, int, float, list, dict, tuple)):
        return value
    if hasattr(value, "item"):
        value = value.item()
        return None if _is_missing(value) else value
    return str(value)


class _RecordRows:
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

    def __len__(self) -> int:
        return len(self._rows)

    def texts(self, column: str) -> list[str | None]:
        return [_text(r.get(column)) for r in self._rows]

    def cells(self, column: str) -> list[Cell]:
        return [_cell(r.get(column)) for r in self._rows]

    def metas(self, columns: Sequence[str]) -> list[dict[str, Any]]:
        out = []
        for r in self._rows:
            meta = {}
            for c in columns:
                value = _meta_value(r.get(c))
                if value is not None:
                    meta[c] = value
            out.append(meta)
        return out


# -- locators: where a cell came from ---------------------------------------------------


def _fields(cols: ResolvedColumns) -> dict[str, str]:
    """The column behind each field of :class:`~orgroles.io._rows.Rows`."""
    found = {
        "id": cols.id_col,
        "name": cols.name_col[0] if cols.name_col else None,
        "title": cols.title_col,
        "kind": cols.kind_col,
        "holder": cols.holder_col,
        "email": cols.email_col,
        "manager": cols.manager_col,
        "department": cols.department_col,
    }
    return {k: v for k, v in found.items() if v is not None}


class _CsvLocator:
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


class _RecordLocator:
    def __init__(self, cols: ResolvedColumns) -> None:
        self._fields = _fields(cols)

    def location(self, row: int, what: str) -> None:
        return None

    def where(self, row: int, what: str) -> str:
        return f"records[{row}][{self._fields.get(what, what)!r}]"

    def line(self, row: int) -> str:
        return f"records[{row}]"


# -- from a table to rows ---------------------------------------------------------------


def _rows(
    table: _Table,
    cols: ResolvedColumns,
    lookups: dict[str, Mapping[str, str]],
    locator: _CsvLocator | _RecordLocator,
) -> Rows:
    n = len(table)
    none: list[str | None] = [None] * n

    def texts(column: str | None) -> list[str | None]:
        return table.texts(column) if column is not None else list(none)

    if len(cols.name_col) == 2:  # first and last name, the usual case: made fast
        firsts, lasts = (table.texts(c) for c in cols.name_col)
        names = [(f"{a} {b}" if b else a) if a else b for a, b in zip(firsts, lasts, strict=True)]
    elif len(cols.name_col) > 2:
        parts = [table.texts(c) for c in cols.name_col]
        names = [" ".join(p for p in ps if p) or None for ps in zip(*parts, strict=True)]
    else:
        names = texts(cols.name_col[0] if cols.name_col else None)
    rows = Rows(
        ids=table.texts(cols.id_col),
        names=names,
        titles=texts(cols.title_col),
        emails=texts(cols.email_col),
        managers=table.cells(cols.manager_col) if cols.manager_col else list(none),
        metas=table.metas(cols.meta_cols),
        departments=table.cells(cols.department_col) if cols.department_col else None,
        kinds=table.texts(cols.kind_col) if cols.kind_col else None,
        holders=table.texts(cols.holder_col) if cols.holder_col else None,
    )
    if "title" in lookups and cols.title_col is not None:
        _look_up(rows.titles, lookups["title"], cols.title_col, rows, locator, "title")  # type: ignore[arg-type]
    if "department" in lookups and rows.departments is not None:
        assert cols.department_col is not None
        _look_up(rows.departments, lookups["department"], cols.department_col, rows, locator)
    return rows


def _look_up(
    cells: list[Cell],
    table: Mapping[str, str],
    column: str,
    rows: Rows,
    locator: _CsvLocator | _RecordLocator,
    what: str = "department",
) -> None:
    """Replace codes by names in place; the code itself stays in the role's ``meta``."""
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
    lookup: Lookup | Mapping[str, str], default_key: str, delimiter: str | None
) -> dict[str, str]:
    """The code -> name table of a lookup: a mapping as it is, or read from its CSV file."""
    if not isinstance(lookup, Lookup):
        return {str(k).strip(): str(v).strip() for k, v in lookup.items()}
    path = os.fspath(lookup.path)
    table = read_table(read_file(path), path, delimiter)
    key_col = lookup.key_col or default_key
    where = Location(path, table.header_line)
    problems = [
        unknown_column(column, purpose, table.header, where)
        for column, purpose in ((key_col, "the codes"), (lookup.value_col, "the names"))
        if column not in table.header
    ]
    if problems:
        raise OrgFileError(problems)
    rows = _CsvRows(table)
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
        found[what] = _lookup_table(lookup, column, delimiter)
    return found


# -- the public functions ---------------------------------------------------------------


def from_csv(
    path: str | os.PathLike[str],
    *,
    preset: str | None = None,
    id_col: str | None = None,
    name_col: str | Sequence[str] = (),
    title_col: str | None = None,
    kind_col: str | None = None,
    holder_col: str | None = None,
    email_col: str | None = None,
    manager_col: str | None = None,
    manager_email_col: str | None = None,
    manager_name_col: str | None = None,
    department_col: str | None = None,
    departments: Lookup | Mapping[str, str] | None = None,
    titles: Lookup | Mapping[str, str] | None = None,
    delimiter: str | None = None,
    name: str | None = None,
) -> Org:
    """Import a CSV export: each row becomes one person and one role.

    Parameters
    ----------
    path
        The CSV file: UTF-8 with or without a byte order mark, any line endings, its
        delimiter (``,``, ``;``, tab or ``|``) found by :func:`sniff_delimiter`.
    preset
        ``bamboohr``, ``workday``, ``odoo``, ``google`` or ``d3``: the usual column names
        of that tool (see :data:`~orgroles.io.columns.PRESETS`). A column option given
        explicitly wins over the preset. Without a preset and without ``id_col``, the
        columns are those :func:`to_csv` writes.
    id_col
        The row's id: it becomes the role's and the person's id. Ids stay text
        (``0001`` keeps its zeros); a missing or repeated id is an error.
    name_col
        The person's name: one column, or several (first and last name) joined by a space.
    title_col, email_col, kind_col
        The role's title, the person's work email, and the role's kind (a catalogue id).
    holder_col
        The id of the person in the seat, when it is not the row's id; an empty value makes
        a vacant seat. ``to_csv`` writes this column.
    manager_col, manager_email_col, manager_name_col
        Who the manager is, by one of: id; email (matched case-insensitively against
        ``email_col``); display name (matched exactly, after trimming). A manager that
        matches no row is kept as it is written: the rule S002 reports it. A name or email
        that matches no row also gives an :class:`~orgroles.errors.OrgImportWarning`; one
        that matches several rows is an error.
    department_col
        The department: each distinct value becomes a team of the roles that have it.
    departments, titles
        Lookup tables, when the department or title column holds codes (Oracle's
        ``DEPARTMENT_ID``): a :class:`~orgroles.io.columns.Lookup` of a CSV file, or a
        mapping from code to name. The code stays in the role's ``meta``.
    delimiter
        The delimiter, when sniffing it is not wanted.
    name
        The org's name (by default the file's name without its suffix).

    Returns
    -------
    Org
        Roles in file order; columns that no option maps are in each role's ``meta``.

    Raises
    ------
    OrgFileError
        For a file that cannot be read as such an export: every problem with its line.

    Examples
    --------
    >>> import orgroles
    >>> org = orgroles.from_csv("tests/data/d3-org-chart/org-chart-1516.csv", preset="d3")
    >>> org
    <Org 'org-chart-1516': 1,516 roles, 1,516 people, 1 team>
    >>> org.roles["O-6067"].title, org.roles["O-6067"].meta["tags"]
    ('CTO', 'Ceo,tag1, tag2')
    """
    columns = Columns(
        preset=preset,
        id_col=id_col,
        name_col=(name_col,) if isinstance(name_col, str) else tuple(name_col),
        title_col=title_col,
        kind_col=kind_col,
        holder_col=holder_col,
        email_col=email_col,
        manager_col=manager_col,
        manager_email_col=manager_email_col,
        manager_name_col=manager_name_col,
        department_col=department_col,
    )
    file = os.fspath(path)
    with gc_paused():
        table = read_table(read_file(file), file, delimiter)
        cols = columns.resolve(table.header, path=file, line=table.header_line)
        lookups = _lookups(cols, departments, titles, delimiter)
        locator = _CsvLocator(table, cols)
        rows = _rows(_CsvRows(table), cols, lookups, locator)
        table.rows = []  # the rows are in columns now: let the strings go
        return build_org(
            rows,
            locator,
            manager_by=cols.manager_by,
            name=name or Path(file).stem,
            source=Source(file, "csv"),
        )


def from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    preset: str | None = None,
    id_col: str | None = None,
    name_col: str | Sequence[str] = (),
    title_col: str | None = None,
    kind_col: str | None = None,
    holder_col: str | None = None,
    email_col: str | None = None,
    manager_col: str | None = None,
    manager_email_col: str | None = None,
    manager_name_col: str | None = None,
    department_col: str | None = None,
    departments: Lookup | Mapping[str, str] | None = None,
    titles: Lookup | Mapping[str, str] | None = None,
    name: str | None = None,
) -> Org:
    """Import records (mappings from column name to value) as :func:`from_csv` imports rows.

    The columns are the keys of the records; a record may lack some. A pandas table
    imports through ``df.to_dict("records")``: NaN counts as empty, and a number that
    pandas stored as a float (``100.0``) reads as ``100``. A manager or department value
    may be a list (several managers: the first is ``reports_to``, the others dotted lines;
    several departments: several teams), and a one-key mapping stands for its value, as in
    Workday's JSON reports. Problems name the record: ``records[3]['Manager']``.

    Examples
    --------
    >>> import json, orgroles
    >>> with open("tests/data/cartography-fixtures/workday_directory_report.json") as f:
    ...     report = json.load(f)
    >>> org = orgroles.from_records(report["Report_Entry"], preset="workday")
    >>> [(r.id, r.title, r.reports_to) for r in org.roles.values()][:2]
    [('emp001', 'Software Engineer', 'emp003'), ('emp002', 'Senior Software Engineer', 'emp003')]
    >>> sorted(org.teams)
    ['engineering-department', 'executive-department']
    """
    columns = Columns(
        preset=preset,
        id_col=id_col,
        name_col=(name_col,) if isinstance(name_col, str) else tuple(name_col),
        title_col=title_col,
        kind_col=kind_col,
        holder_col=holder_col,
        email_col=email_col,
        manager_col=manager_col,
        manager_email_col=manager_email_col,
        manager_name_col=manager_name_col,
        department_col=department_col,
    )
    with gc_paused():
        table = _RecordRows(records)
        if not len(table):
            return Org(name=name)  # no records (a filtered table, say): an empty org
        cols = columns.resolve(table.header)
        locator = _RecordLocator(cols)
        rows = _rows(table, cols, _lookups(cols, departments, titles, None), locator)
        return build_org(rows, locator, manager_by=cols.manager_by, name=name)


# -- writing ----------------------------------------------------------------------------


def csv_text(org: Org) -> str:
    """The org as CSV text, one row per role: what :func:`to_csv` writes.

    >>> from orgroles import Org, Person, Role, Team
    >>> org = Org(people=[Person(id="ana", name="Ana Lima", email="ana@acme.example")],
    ...           roles=[Role(id="ceo", kind="ceo", holder="ana"),
    ...                  Role(id="cto", title="CTO", reports_to="ceo", meta={"site": "Lyon"})],
    ...           teams=[Team(id="board", name="Board", members=["ceo"])])
    >>> print(csv_text(org).replace("\\r\\n", "\\n"), end="")
    id,title,kind,holder,name,email,reports_to,department,site
    ceo,,ceo,ana,Ana Lima,ana@acme.example,,Board,
    cto,CTO,,,,,ceo,,Lyon
    """
    lost: dict[str, int] = {}

    def losing(what: str) -> None:
        lost[what] = lost.get(what, 0) + 1

    team_of: dict[str, str] = {}
    for team in org.teams.values():
        if team.lead is not None:
            losing("team leads")
        if team.meta:
            losing("team meta")
        if not team.members:
            losing("teams without members")
        for member in team.members:
            if member in team_of:
                losing("memberships beyond a role's first team")
            else:
                team_of[member] = team.display_name
    meta_keys = {k: None for k in _merged_keys(org) if k not in CSV_COLUMNS}
    for key in _merged_keys(org):
        if key in CSV_COLUMNS:
            losing(f"meta key {key!r} (the name of a standard column)")

    out = io.StringIO()
    # CRLF, as RFC 4180 says: with it, a value that holds a lone CR is quoted too.
    writer = csv.writer(out)
    try:
        writer.writerow([*CSV_COLUMNS, *meta_keys])
    except csv.Error as exc:  # Python 3.10's writer cannot write a NUL character
        raise OrgExportError(
            f"a meta key cannot be written as CSV ({exc}): a NUL character needs "
            "Python 3.11 or later"
        ) from None
    people = org.people
    held: set[str] = set()
    for role in org.roles.values():
        holders = role.holders
        holder = holders[0] if holders else None
        if len(holders) > 1:
            losing("job shares (only the first holder is written)")
        held.update(holders)
        person = people.get(holder) if holder is not None else None
        for what, kept in (
            ("dotted lines", role.dotted_to),
            ("assistant flags", role.assistant),
            ("acting flags", role.acting),
            ("responsibilities", role.responsibilities),
            ("dropped responsibilities", role.drop),
            ("noqa", role.noqa),
        ):
            if kept:
                losing(what)
        meta = []
        for key in meta_keys:
            value = role.meta.get(key)
            if value is not None and not isinstance(value, str):
                losing("meta values that are not text (written as JSON)")
                value = json.dumps(value, ensure_ascii=False)
            meta.append(value)
        row = [
            role.id,
            role.title,
            role.kind,
            holder,
            person.name if person else None,
            person.email if person else None,
            role.reports_to,
            team_of.get(role.id),
            *meta,
        ]
        try:
            writer.writerow(row)
        except csv.Error as exc:  # Python 3.10's writer cannot write a NUL character
            raise OrgExportError(
                f"role {role.id!r}: cannot be written as CSV ({exc}): a NUL character needs "
                "Python 3.11 or later"
            ) from None
    for person in people.values():
        if person.meta:
            losing("people's meta")
        if person.id not in held:
            losing("people who hold no role")
    if lost:
        detail = ", ".join(f"{what} ({n})" for what, n in lost.items())
        warnings.warn(
            OrgExportWarning(f"CSV cannot hold everything in org {org.name!r}; left out: {detail}"),
            stacklevel=3,
        )
    return out.getvalue()


def _merged_keys(org: Org) -> list[str]:
    """Every meta key, each placed after the key it follows in the roles that have it.

    Rows of an import lack the keys of their empty cells; merging keeps the columns in the
    order of the file they came from rather than in the order they first have a value.

    >>> from orgroles import Org
    >>> _merged_keys(Org(roles=[{"id": "a", "meta": {"x": 1, "z": 1}},
    ...                         {"id": "b", "meta": {"y": 1, "z": 1}}]))
    ['x', 'y', 'z']
    """
    keys: list[str] = []
    known: set[str] = set()
    for role in org.roles.values():
        meta = role.meta
        if known.issuperset(meta):
            continue
        pending: list[str] = []
        after = len(keys)  # where new keys go that no known key follows
        for key in meta:
            if key not in known:
                pending.append(key)
                continue
            at = keys.index(key)
            keys[at:at] = pending  # new keys go just before the known key they precede
            after = at + len(pending) + 1
            pending = []
        keys[after:after] = pending
        known.update(meta)
    return keys


def to_csv(org: Org, path: str | os.PathLike[str]) -> None:
    """Write the org as CSV, one row per role, atomically; :func:`from_csv` reads it back.

    The columns are :data:`CSV_COLUMNS` (the holder's name and email, the first team's
    name as ``department``), then one column per ``meta`` key. Roles, people, teams of
    members and text ``meta`` round-trip. What CSV cannot hold (dotted lines, job shares,
    responsibilities, ...) is left out with an :class:`~orgroles.errors.OrgExportWarning`
    that says what and how much.
    """
    atomic_write(path, csv_text(org))
