"""Read CSV text as a table: its delimiter, its header and its rows, with their lines.

Examples:
    >>> table = read_table("id;title\\nceo;CEO\\n", "org.csv")
    >>> table.header, table.rows, table.lines
    (['id', 'title'], [['ceo', 'CEO']], [2])
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from orgroles.errors import Location, OrgFileError, OrgUsageError, Problem
from orgroles.importers.header_repeats import header_repeats
from orgroles.importers.legacy_text import east_asian_error, windows_1252
from orgroles.importers.notes_below import filled_values, total_lines
from orgroles.importers.xlsx import is_workbook, workbook_text
from orgroles.io.reader import read_file

__all__ = [
    "DELIMITERS",
    "CsvTable",
    "read_csv_file",
    "read_csv_text",
    "read_table",
    "sniff_delimiter",
]

DELIMITERS = ",;\t|"
"""The delimiters that `sniff_delimiter()` chooses from."""

_SNIFF_CHARS = 64 * 1024
# csv.Sniffer's regular expressions are quadratic in the length of a line: 25 s on one
# 64 KB line of quotes. It is the last resort, and reads the first lines only.
_SNIFFER_CHARS = 2 * 1024
_QUOTED = re.compile(r'"[^"]*"')
_NOTE_LINES = 5
"""At most this many lines above the header (a report's title) or below the rows (its
totals) are taken for notes rather than data."""


# -- reading CSV text -------------------------------------------------------------------


def sniff_delimiter(text: str) -> str:
    """The delimiter of CSV text: `,`, `;` (French spreadsheets), tab or `|`.

    The header line decides when only one of them occurs in it (outside quotes). When
    several do, the one that splits the first lines into as many fields as the header
    (and into the most fields, if several do) wins; failing that, `csv.Sniffer`
    compares them on the first 2 KB. When none occurs (a single column), it is `,`.

    Examples:
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
    few = sample[:_SNIFFER_CHARS]
    if len(sample) > _SNIFFER_CHARS and "\n" in few:
        few = few[: few.rindex("\n")]
    try:
        return csv.Sniffer().sniff(few, delimiters="".join(counts)).delimiter
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
    """A CSV file split into its header and rows; `lines[i]` is where row `i` starts.

    `notes` lists what the import should warn about: the lines of a report's title above
    the header and of its totals below the rows, which were left out, and a header with
    no rows under it.
    """

    path: str | None
    header: list[str]
    header_line: int
    rows: list[list[str]]
    lines: list[int]
    notes: list[Problem] = field(default_factory=list)


def read_table(text: str, path: str | None = None, delimiter: str | None = None) -> CsvTable:
    """Split CSV text into a header and rows, with the line each row starts on.

    Quoted fields may hold delimiters, quotes (doubled) and line breaks. Blank rows are
    skipped, short rows are padded with empty cells, and a row with more values than the
    header is an error (often an unquoted delimiter inside a value).

    Examples:
        >>> t = read_table('id,name\\r\\n0001,"Lima, ""Ana"" Jr"\\r\\n\\r\\n0002,"Bo\\r\\nDiaz"\\r\\n')
        >>> t.header, t.rows, t.lines
        (['id', 'name'], [['0001', 'Lima, "Ana" Jr'], ['0002', 'Bo\\r\\nDiaz']], [2, 4])
    """  # noqa: E501
    sep = delimiter or sniff_delimiter(text)
    records, lines = _records(text, sep, path)
    filled = [n for n, row in enumerate(records) if any(row)]
    if not filled:
        raise OrgFileError(
            "the file is empty: a CSV import needs a header row", path=path, code="empty"
        )
    notes: list[Problem] = []
    top = _title_lines(records, filled)
    bottom = total_lines(records, filled[len(top) :], _NOTE_LINES)
    header_at = lines[filled[len(top)]]
    for n in (*top, *bottom):
        values = [v.strip() for v in filled_values(records[n])]
        value = (sep + " " if sep in ",;" else sep).join(values)  # as the line was written
        if n in top:
            what = f"above the header (line {header_at}): a report's title?"
            if len(values) > 1 and len(records[n]) > len(values):  # with empty cells
                what = what[:-1] + ", or names over groups of its columns?"
            if len(values) > 1:
                what = f"{len(values)} values, fewer than the header's, {what}"
        elif len(values) > 1:
            what = (
                f"{len(values)} values below the rows that starts with {values[0]!r}: a "
                "report's totals?"
            )
        else:
            what = (
                "below the rows: a report's totals or notes? Fill in its other columns "
                "to import it as a row"
            )
        notes.append(
            Problem(
                f"left out {value!r}, a line with "
                + (what if len(values) > 1 else f"one value {what}"),
                Location(path, lines[n]),
                code="note-line",
            )
        )
    first = filled[len(top)]  # the header
    names = _header_names(records[first], path, lines[first])
    header_line = lines[first]
    body = filled[len(top) + 1 : len(filled) - len(bottom)]
    if body and _restates(records[first], records[body[0]]):
        notes.append(
            Problem(
                "left out a second header that names the columns again ("
                f"{', '.join(repr(v) for v in filled_values(records[body[0]])[:4])}, ...): "
                "labels under field names, as SAP SuccessFactors writes them?",
                Location(path, lines[body[0]]),
                code="note-line",
            )
        )
        body = body[1:]
    if repeats := header_repeats(records, body, first):
        notes.append(
            Problem(
                f"left out {_repeats_text([lines[n] for n in repeats])} the header "
                f"(line {header_line}): a second table under the first, or a header "
                "printed on each page? The rows under it are read as the first table's",
                Location(path, lines[repeats[0]]),
                code="repeated-header",
            )
        )
        again = set(repeats)
        body = [n for n in body if n not in again]
    if not body or body[-1] - body[0] + 1 == len(body):  # no blank row: slices, at C speed
        start, stop = (body[0], body[-1] + 1) if body else (0, 0)
        rows, lines = records[start:stop], lines[start:stop]
    else:
        keep = set(body)
        rows = [row for n, row in enumerate(records) if n in keep]
        lines = [line for n, line in enumerate(lines) if n in keep]
    width = len(names)
    long = [n for n, row in enumerate(rows) if len(row) > width and any(row[width:])]
    if len(long) == len(rows) >= 2 and len({len(row) for row in rows}) == 1:
        raise OrgFileError(
            f"the header has {width} columns but every row under it has {len(rows[0])} "
            f"values: is line {header_line} a title above the header? Remove it from "
            "the file (or quote the values that hold a "
            f"{_name(sep)})",
            path=path,
            line=header_line,
            code="row-length",
        )
    problems = [
        Problem(
            f"{len(rows[n])} values but the header has {width} columns "
            f"(is a {_name(sep)} inside a value that is not quoted?)",
            Location(path, lines[n], width + 1),
            code="row-length",
        )
        for n in long
    ]
    if problems:
        raise OrgFileError(problems)
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        elif len(row) > width:
            del row[width:]
    if not rows:
        notes.append(
            Problem(
                "the file has a header but no rows under it: the org is empty",
                Location(path, header_line),
                code="no-rows",
            )
        )
    return CsvTable(path, names, header_line, rows, lines, notes)


def _repeats_text(lines: list[int]) -> str:
    """ "a line that repeats" or "3 lines (17, 40 and 63) that repeat"."""
    if len(lines) == 1:
        return "a line that repeats"
    return f"{len(lines)} lines ({', '.join(map(str, lines[:-1]))} and {lines[-1]}) that repeat"


def _title_lines(records: list[list[str]], filled: list[int]) -> list[int]:
    """The records above the header that are a report's title, not its header.

    `filled` lists the records with a value. The first few are a title when each has one
    value and the record after them is a header that names every column (but for empty
    cells after its last name: rows that end with a delimiter). A title line
    has no delimiter at all (then the header has the width of most rows), or it is padded
    with empty cells to the header's width (a spreadsheet's export) of three or more. A
    first line with a delimiter in its text ("Headcount report, March 2025") is a title
    too when it has fewer values than the next, which has the width of most rows and
    reads as a header: names, each once, none a number or a date. So is a first line
    that names groups of the columns over such a header ("Employee,,Position,"), with
    at most half its cells filled.
    """
    widths = Counter(len(records[n]) for n in filled[1 : 1 + 50])
    width = widths.most_common(1)[0][0] if widths else 0
    for k in range(1, min(_NOTE_LINES, len(filled) - 1) + 1):
        header = records[filled[k]]
        named = len(header)  # the cells up to the last named: a row may end with a delimiter
        while named and not header[named - 1].strip():
            named -= 1
        if len(filled_values(header)) == named >= 2:
            titles = [records[n] for n in filled[:k]]
            above = all(_above(t, m, k, header, width) for m, t in enumerate(titles))
            return filled[:k] if above else []
        below = records[filled[k + 1]] if k + 1 < len(filled) else []
        if len(filled_values(header)) != 1 and 2 * len(_labels(header, below)) > len(header):
            return []  # neither a title nor names over groups of columns: the header
    return []


def _above(line: list[str], m: int, k: int, header: list[str], width: int) -> bool:
    """Whether `line`, the `m`-th of the `k` lines above `header`, is a title or names
    groups of its columns (see `_title_lines()`)."""
    values = filled_values(line)
    if len(values) == 1 and (
        (len(line) == 1 and len(header) == width)  # a title alone on its line
        or (len(header) >= 3 and len(line) in (1, len(header)))  # padded to the width
    ):
        return True
    if len(header) != width or not _names(header):
        return False
    if m == 0 and len(line) == len(values) < len(header):  # "Headcount report, March 2025"
        return True
    labels = _labels(line, header)  # "Department" over "Department": merged down
    return (  # "Employee,,Position,": names over groups of the columns, just above
        m == k - 1 and len(line) == width and 2 * len(labels) <= width and _names(values)
    )


def _labels(line: list[str], below: list[str]) -> list[str]:
    """The values of a line that names groups of columns, but those that the line below
    repeats in their column: a cell merged down over two header rows, as a workbook reads
    it (on both), or typed on both."""
    return [
        v
        for n, v in enumerate(line)
        if v.strip() and (n >= len(below) or v.strip() != below[n].strip())
    ]


def _restates(header: list[str], row: list[str]) -> bool:
    """Whether the row under the header names its columns again, in other words: "User
    ID" under "USERID", "Hire Date" under "HIREDATE" (half the columns at least, and the
    row reads as a header)."""
    if len(filled_values(row)) < 3 or not _names(filled_values(row)):
        return False
    same = sum(_squash(a) == _squash(b) != "" for a, b in zip(header, row, strict=False))
    return same >= 3 and 2 * same >= len(header)


def _squash(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


_NOT_A_NAME = re.compile(r"[\d\s.,:;/+-]*")


def _names(record: list[str]) -> bool:
    """Whether a record reads as a header: names, each once, none a number or a date."""
    cells = [cell.strip().casefold() for cell in record]
    return len(set(cells)) == len(cells) and not any(_NOT_A_NAME.fullmatch(c) for c in cells)


def _records(text: str, sep: str, path: str | None) -> tuple[list[list[str]], list[int]]:
    """Every record of the text (blank ones too, as `[]`) and the line each starts on."""
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
    """The header's column names, trimmed; an unnamed column is called `column N`."""
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


_NOT_UTF8 = (
    ' (a spreadsheet\'s CSV in Windows-1252 or Latin-1? Save it as "CSV UTF-8", or give '
    'its encoding: --encoding cp1252, encoding="cp1252")'
)


# The first bytes of the files that are given for a CSV file and are not text.
_NOT_TEXT = (
    (b"PK\x03\x04", "a zipped document (an Excel .xlsx or LibreOffice .ods workbook?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel 97-2003 workbook (.xls)"),
    (b"%PDF", "a PDF document"),
)


def read_csv_text(path: str, encoding: str | None) -> str:
    """The text of a CSV file: UTF-8 (or UTF-16 with its byte order mark) unless
    `encoding` says otherwise; a file that is not gets an error that says what to do,
    and a workbook one that says to save its sheet as CSV."""
    try:
        return read_file(path, encoding, "" if encoding else _NOT_UTF8)
    except OrgFileError as exc:
        if exc.problems[0].code != "encoding":
            raise
        with open(path, "rb") as handle:
            start = handle.read(8)
        what = next((name for magic, name in _NOT_TEXT if start.startswith(magic)), None)
        if what is None:
            told = east_asian_error(path, exc.problems[0], _NOT_UTF8)
            if told is not None:
                raise OrgFileError([told]) from None
            raise
        xlsx = " (an Excel workbook named .xlsx is read as it is)" if start[:2] == b"PK" else ""
        raise OrgFileError(
            f"{what}, not CSV text: open it in its spreadsheet program and save the sheet "
            f'as "CSV UTF-8"{xlsx}',
            path=str(path),
            line=1,
            column=1,
            code="encoding",
        ) from None


def read_csv_file(
    path: str, encoding: str | None, delimiter: str | None, sheet: str | int | None = None
) -> CsvTable:
    """The table of a CSV file, or of an Excel workbook's sheet (`.xlsx`, `.xlsm`: see
    `orgroles.importers.xlsx`, whose text is always comma-separated): the first, or the
    one `sheet` names."""
    if path.lower().endswith((".yaml", ".yml")):
        raise OrgFileError(
            "a YAML file, not a CSV export: an org file is used as it is (orgroles check "
            f"{path}), and GitLab's team page is imported with orgroles import gitlab",
            path=path,
            code="file-type",
        )
    if is_workbook(path):
        text, notes = workbook_text(path, sheet)
        table = read_table(text, path, ",")
        table.notes[:0] = notes
        return table
    if sheet is not None:
        raise OrgUsageError(
            f"{path}: --sheet (sheet=) names a sheet of an Excel workbook (.xlsx, .xlsm), "
            "and this is a CSV file"
        )
    try:
        text = read_csv_text(path, encoding)
    except OrgFileError as exc:
        if encoding is not None or exc.problems[0].code != "encoding":
            raise
        with open(path, "rb") as handle:
            found = windows_1252(handle.read(), path)
        if found is None:
            raise
        table = read_table(found[0], path, delimiter)
        table.notes.insert(0, found[1])
        return table
    return read_table(text, path, delimiter)
