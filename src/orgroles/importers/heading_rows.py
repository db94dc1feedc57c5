"""Headings among a sheet's rows: "Engineering" alone on a line, above its people.

A sheet kept by hand groups its people under lines that name the group, typed in the
first cell with the rest of the line empty:

    Name,Role,Team,Manager,Email
    Engineering,,,,
    Sam Okafor,Engineering Manager,Platform,Milo,sam@pebble.example

Read as a row, "Engineering" would be a person with no title, no manager and no email (or
a row without an id). Such a line is left out, with one warning (code `heading-row`),
when it fills only the column of the rows' id or name (with a letter, no digit and no
`@`: not an id such as `0042`), the sheet has three columns or more and most of its other
rows fill three cells or more, a row below it fills two or more, and no other cell of the
sheet holds its value (nobody reports to "Engineering").

Examples:
    >>> from orgroles.importers.csv_read import read_table
    >>> text = ("Name,Role,Manager\\nEngineering,,\\nSam Oka,CTO,Zara Q\\n"
    ...         "Zara Q,CEO,\\nSales,,\\nBo Li,Seller,Zara Q\\n")
    >>> table = read_table(text, "team.csv")
    >>> headings(table, ("Name",))
    [0, 3]
    >>> drop_headings(table, ("Name",)).rows[0]
    ['Sam Oka', 'CTO', 'Zara Q']
    >>> print(table.notes[0].message)
    left out 'Engineering', a line with one value among rows that fill more: a heading of the rows below it? (and 'Sales', line 5)
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from orgroles.errors import Location, Problem

if TYPE_CHECKING:
    from orgroles.importers.csv_read import CsvTable

__all__ = ["drop_headings", "headings"]


def _filled(row: list[str]) -> int:
    return sum(1 for cell in row if cell.strip())


def _heading(cell: str) -> bool:
    """Whether a cell may name a group: text with a letter, no digit and no `@` (not an
    id, such as `0042`, or an email)."""
    text = cell.strip()
    return any(c.isalpha() for c in text) and not any(c.isdigit() or c == "@" for c in text)


def headings(table: CsvTable, columns: Collection[str]) -> list[int]:
    """The indexes of the rows of `table` that are headings: each fills one cell only,
    in one of `columns` (the id's or the name's), as the module says."""
    rows, header = table.rows, table.header
    width = len(header)
    if width < 3 or len(rows) < 3:
        return []
    at = [n for n, column in enumerate(header) if column in columns]
    found = [  # row.count(""): in C, for a million rows
        i
        for i, row in enumerate(rows)
        if row.count("") >= width - 1 and _filled(row) == 1 and any(_heading(row[n]) for n in at)
    ]
    if not found or 2 * sum(row.count("") <= width - 3 for row in rows) <= len(rows) - len(found):
        return []
    last = max((i for i, row in enumerate(rows) if row.count("") <= width - 2), default=-1)
    below = [i for i in found if i < last]  # a fuller row below it
    if not below:
        return []
    values = [
        next(row[n].strip() for n in at if row[n].strip()) for row in map(rows.__getitem__, below)
    ]
    told = set(map(str.casefold, values))
    held: dict[str, int] = {}  # how many cells of the sheet hold each heading's value
    for row in rows:
        for cell in row:
            if (key := cell.strip().casefold()) in told:
                held[key] = held.get(key, 0) + 1
    return [i for i, v in zip(below, values, strict=True) if held[v.casefold()] == 1]


def drop_headings(table: CsvTable, columns: Collection[str]) -> CsvTable:
    """`table` without its heading rows (`headings()`), and a note that names them."""
    found = headings(table, columns)
    if not found:
        return table
    first, rest = found[0], found[1:]

    def value(i: int) -> str:
        return next(cell.strip() for cell in table.rows[i] if cell.strip())

    others = ", ".join(f"{value(i)!r}, line {table.lines[i]}" for i in rest[:5])
    more = f" and {len(rest) - 5:,} more" if len(rest) > 5 else ""
    table.notes.append(
        Problem(
            f"left out {value(first)!r}, a line with one value among rows that fill more: "
            "a heading of the rows below it?" + (f" (and {others}{more})" if rest else ""),
            Location(table.path, table.lines[first]),
            code="heading-row",
        )
    )
    drop = set(found)
    table.rows = [row for i, row in enumerate(table.rows) if i not in drop]
    table.lines = [line for i, line in enumerate(table.lines) if i not in drop]
    return table
