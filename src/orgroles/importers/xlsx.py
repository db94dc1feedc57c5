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
import zipfile
from typing import Any

from orgroles.errors import Location, MissingExtraError, OrgFileError, Problem
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


def workbook_text(path: str, sheet: str | None = None) -> tuple[str, list[Problem]]:
    """The CSV text of a workbook's sheet, one line per row, and what to warn about.

    `sheet` names the sheet (in any letter case), or gives its number (`1` for the
    first); by default the first sheet is read, with a note naming the others when there
    are any.
    """
    try:
        import openpyxl
    except ImportError:
        raise MissingExtraError(
            f"{path}: reading an Excel workbook needs openpyxl: pip install 'orgroles[excel]' "
            '(or save the sheet as "CSV UTF-8")'
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise OrgFileError("no such file", path=str(path), code="not-found") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise OrgFileError(
            f"not a readable Excel workbook ({exc})", path=str(path), code="encoding"
        ) from None
    try:
        found, notes = _sheet(book.sheetnames, sheet, str(path))
        return _csv_text(book[found], str(path)), notes
    finally:
        book.close()


def _csv_text(sheet: Any, path: str) -> str:
    """The rows of a sheet as CSV text, each as wide as the widest (as Excel's own CSV
    writes them).

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
    while rows and not rows[-1]:  # formatted cells below the data: no rows
        rows.pop()
    width = max((len(cells) for cells in rows), default=0)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for cells in rows:
        writer.writerow(cells + [""] * (width - len(cells)))
    return out.getvalue()


def _sheet(names: list[str], sheet: str | None, path: str) -> tuple[str, list[Problem]]:
    """The name of the sheet to read, and the note that says which one was read."""
    if sheet is None:
        if len(names) == 1:
            return names[0], []
        others = ", ".join(repr(n) for n in names[1:6]) + (", ..." if len(names) > 6 else "")
        note = Problem(
            f"the workbook has {len(names)} sheets: read the first, {names[0]!r} (not "
            f"{others}); --sheet (sheet=) names another",
            Location(path),
            code="first-sheet",
        )
        return names[0], [note]
    if sheet in names:
        return sheet, []
    folded = [n for n in names if n.casefold() == sheet.strip().casefold()]
    if len(folded) == 1:
        return folded[0], []
    number = sheet.strip()
    if number.isdecimal() and 1 <= int(number) <= len(names):
        return names[int(number) - 1], []
    listed = ", ".join(repr(n) for n in names)
    raise OrgFileError(
        f"no sheet {sheet!r} in the workbook: its sheets are {listed} (a name, or a number "
        f"from 1 to {len(names)})",
        path=path,
        code="no-sheet",
    )
