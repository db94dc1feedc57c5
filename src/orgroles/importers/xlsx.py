"""An Excel workbook (`.xlsx`, `.xlsm`) read as the CSV text of one of its sheets.

HR tools export Excel as often as CSV. The import reads a workbook's sheet (the first,
unless `--sheet` names another) through openpyxl (the `excel` extra), one CSV line per
row of the sheet,
so that a problem's line is the sheet's row number, and then reads that text as it reads
a CSV file: the same columns, presets, guesses and checks. A cell is written as it
shows: a day as `YYYY-MM-DD` (with its time, when it has one), a whole number without
`.0` (an id typed as a number), text with its line breaks (Alt+Enter) as spaces.

Examples:
    >>> import datetime
    >>> cell_text(1001.0), cell_text(2.5), cell_text(datetime.datetime(2024, 3, 1))
    ('1001', '2.5', '2024-03-01')
    >>> cell_text("Head of\\nPeople"), cell_text(None), cell_text(True)
    ('Head of People', '', 'TRUE')
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import zipfile
from collections.abc import Sequence
from typing import Any

from orgroles._internal.extras import import_extra
from orgroles.errors import Location, OrgFileError, Problem
from orgroles.limits import MAX_ROLES

__all__ = ["WORKBOOK_SUFFIXES", "cell_text", "is_workbook", "workbook_text"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
"""The suffixes of the workbooks that the import reads (Excel 2007 and later)."""


def is_workbook(path: str) -> bool:
    """Whether `path` names an Excel workbook the import reads (by its suffix)."""
    return str(path).lower().endswith(WORKBOOK_SUFFIXES)


def cell_text(value: Any) -> str:
    """A cell's value as the text a CSV export of the sheet would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def workbook_text(path: str, sheet: str | int | None = None) -> tuple[str, list[Problem]]:
    """The CSV text of a workbook's sheet, one line per row, and what to warn about.

    `sheet` names the sheet (in any letter case), or gives its number (`1` or `"1"` for
    the first tab); by default the first sheet of rows (not a chart) is read, with a note
    naming the others when there are any.
    """
    openpyxl = import_extra(
        "openpyxl",
        f"{path}: reading an Excel workbook needs openpyxl: pip install 'orgroles[excel]' "
        '(or save the sheet as "CSV UTF-8")',
    )
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise OrgFileError("no such file", path=str(path), code="not-found") from None
    except MemoryError:
        raise
    except Exception as exc:  # openpyxl's errors for a broken or unusual file are of all kinds
        raise _unreadable(str(path), exc) from None
    try:
        tables = [w.title for w in book.worksheets]  # the sheets that are not charts
        if sheet is None and len(tables) > 1:  # an "Instructions" tab first: not the rows
            tables = _tables_first(book, tables)
        found, notes = _sheet(book.sheetnames, tables, sheet, str(path))
        return _csv_text(book[found], str(path), _merged_down(path, found)), notes
    except (OrgFileError, MemoryError):
        raise
    except Exception as exc:
        raise _unreadable(str(path), exc) from None
    finally:
        book.close()


def _unreadable(path: str, exc: Exception) -> OrgFileError:
    said = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if isinstance(exc, zipfile.BadZipFile):
        said = str(exc)
    return OrgFileError(
        f"not a readable Excel workbook ({said}): open it in Excel and save it again, or save "
        'the sheet as "CSV UTF-8"',
        path=path,
        code="encoding",
    )


_MERGES_READ = 20_000_000
"""The largest workbook (bytes) whose merged cells are read: openpyxl reads them only
when it loads the whole workbook, not in the fast mode that big files need."""


def _merged_down(path: str, sheet: str) -> list[tuple[int, int, int]]:
    """The cells merged down a column (a department written once beside its rows, as a
    sheet made by hand writes it): (column, first row, last row), 0-based. Merges across
    columns (headings above a header) are left as they are."""
    import openpyxl

    if os.path.getsize(path) > _MERGES_READ:
        return []
    book = openpyxl.load_workbook(path, data_only=True)
    try:
        ranges = book[sheet].merged_cells.ranges
        return [
            (r.min_col - 1, r.min_row - 1, r.max_row - 1)
            for r in ranges
            if r.min_col == r.max_col and r.max_row > r.min_row
        ]
    finally:
        book.close()


def _csv_text(sheet: Any, path: str, merged: Sequence[tuple[int, int, int]] = ()) -> str:
    """The rows of a sheet as CSV text, each as wide as the widest (as Excel's own CSV
    writes them), a cell merged down a column written on each of its rows.

    The sheet's declared size (its `dimension`, which some tools write wrong: sixteen
    thousand columns for four) is not trusted: the rows are read as the file holds them,
    and their empty cells at the end left out, so that a sheet costs what its cells do.
    """
    sheet.reset_dimensions()
    rows: list[list[str]] = []
    for n, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if n > MAX_ROLES:
            raise OrgFileError(
                f"too many rows (more than {MAX_ROLES:,})", path=path, line=n, code="too-large"
            )
        cells = [cell_text(v) for v in row]
        while cells and not cells[-1]:
            cells.pop()
        rows.append(cells)
    for column, first, last in merged:
        if first < len(rows) and column < len(rows[first]) and rows[first][column]:
            for n in range(first + 1, min(last + 1, len(rows))):
                rows[n] += [""] * (column + 1 - len(rows[n]))
                rows[n][column] = rows[n][column] or rows[first][column]
    while rows and not rows[-1]:  # formatted cells below the data: no rows
        rows.pop()
    width = max((len(cells) for cells in rows), default=0)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for cells in rows:
        writer.writerow(cells + [""] * (width - len(cells)))
    return out.getvalue()


def _tables_first(book: Any, tables: list[str]) -> list[str]:
    """The sheets, those that hold a table first: a sheet whose first rows hold one value
    each at most (instructions, a cover, a note: "Fill in the sheet 'Staff'") comes after
    the first sheet with a row of two values or more, when there is one."""

    def table(title: str) -> bool:
        rows = book[title].iter_rows(max_row=_LOOKED_AT, values_only=True)
        return any(sum(v is not None and str(v).strip() != "" for v in row) > 1 for row in rows)

    first = next((n for n, title in enumerate(tables) if table(title)), 0)
    return [*tables[first:], *tables[:first]]


_LOOKED_AT = 50
"""The rows of a sheet looked at to tell a table from a sheet of notes."""


def _sheet(
    names: list[str], tables: list[str], sheet: str | int | None, path: str
) -> tuple[str, list[Problem]]:
    """The name of the sheet to read (of `names`, the workbook's tabs in order; `tables`
    are those that are not charts), and the note that says which one was read."""
    if sheet is None:
        if not tables:
            raise OrgFileError(
                "the workbook has no sheet of rows (only charts)", path=path, code="empty"
            )
        others = [n for n in names if n != tables[0]]
        if not others:
            return tables[0], []
        shown = ", ".join(repr(n) for n in others[:5]) + (", ..." if len(others) > 5 else "")
        first = "the first" if tables[0] == names[0] else "the first sheet of rows"
        note = Problem(
            f"the workbook has {len(names)} sheets: read {first}, {tables[0]!r} (not "
            f"{shown}); --sheet (sheet=) names another",
            Location(path),
            code="first-sheet",
        )
        return tables[0], [note]
    found = _named(names, str(sheet).strip())
    if found is None:
        listed = ", ".join(repr(n) for n in names)
        raise OrgFileError(
            f"no sheet {sheet!r} in the workbook: its sheets are {listed} (a name, or a "
            f"number from 1 to {len(names)})",
            path=path,
            code="no-sheet",
        )
    if found not in tables:
        raise OrgFileError(
            f"the sheet {found!r} is a chart, not rows: --sheet (sheet=) names another",
            path=path,
            code="no-sheet",
        )
    return found, []


def _named(names: list[str], sheet: str) -> str | None:
    """The sheet of that name (in any letter case) or number (1 for the first)."""
    if sheet in names:
        return sheet
    folded = [n for n in names if n.casefold() == sheet.casefold()]
    if len(folded) == 1:
        return folded[0]
    if sheet.isdecimal() and 1 <= int(sheet) <= len(names):
        return names[int(sheet) - 1]
    return None
