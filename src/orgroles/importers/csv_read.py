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
from dataclasses import dataclass

from orgroles.errors import Location, OrgFileError, Problem

__all__ = ["DELIMITERS", "CsvTable", "read_table", "sniff_delimiter"]

DELIMITERS = ",;\t|"
"""The delimiters that `sniff_delimiter()` chooses from."""

_SNIFF_CHARS = 64 * 1024
# csv.Sniffer's regular expressions are quadratic in the length of a line: 25 s on one
# 64 KB line of quotes. It is the last resort, and reads the first lines only.
_SNIFFER_CHARS = 2 * 1024
_QUOTED = re.compile(r'"[^"]*"')


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
    """A CSV file split into its header and rows; `lines[i]` is where row `i` starts."""

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

    Examples:
        >>> t = read_table('id,name\\r\\n0001,"Lima, ""Ana"" Jr"\\r\\n\\r\\n0002,"Bo\\r\\nDiaz"\\r\\n')
        >>> t.header, t.rows, t.lines
        (['id', 'name'], [['0001', 'Lima, "Ana" Jr'], ['0002', 'Bo\\r\\nDiaz']], [2, 4])
    """  # noqa: E501
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
