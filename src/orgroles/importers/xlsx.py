"""An Excel workbook (`.xlsx`, `.xlsm`) read as the CSV text of its first sheet.

HR tools export Excel as often as CSV. The import reads a workbook's first sheet through
openpyxl (the `excel` extra), one CSV line per row of the sheet,
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

from orgroles.errors import MissingExtraError, OrgFileError

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


def workbook_text(path: str) -> str:
    """The CSV text of a workbook's first sheet, one line per row."""
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
        found = book.worksheets[0]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for row in found.iter_rows(values_only=True):
            writer.writerow([cell_text(v) for v in row])
        return out.getvalue()
    finally:
        book.close()
