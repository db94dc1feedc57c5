"""A report's totals and notes below its rows: "Total: 12", "Updated 3/4/2026 by Kim".

Examples:
    >>> records = [["id", "name", "title"], ["1", "Ana", "CEO"], ["2", "Bo", "CTO"]]
    >>> total_lines([*records, ["", "Total: 2", ""], ["", "Notes: as of Q1", ""]], [0, 1, 2, 3, 4], 5)
    [3, 4]
    >>> total_lines([*records, ["3", "Cy", ""]], [0, 1, 2, 3], 5)
    []
"""  # noqa: E501

from __future__ import annotations

import re

from orgroles.importers.csv_export import CSV_COLUMNS

__all__ = ["filled_values", "total_lines"]


def filled_values(row: list[str]) -> list[str]:
    """The values of a record that are not blank (for `csv_read` too)."""
    return [cell for cell in row if cell.strip()]


_TOTALS = re.compile(
    r"(?:grand |sub-?)?(?:totals?|sum|summe|gesamt(?:summe|zahl)?|totaal|totale|totalt|suma|"
    r"razem|count|headcount|effectifs?|anzahl|aantal|number of employees|"
    r"nombre de salari[eé]s)"
    r"(?: (?:employees|headcount|staff|people|rows|total|associates|workers|members|persons))?"
    r"\s*:?\s*"
    r"(?:\d[\d,. ]*(?: ?[^\W\d_]+)?)?",
    re.IGNORECASE,
)
"""The first value of a report's totals line, all of it: "Total", "Grand Total:", "Total: 12
employees", "Total Associates: 21" (ADP), "Summe", "Count 12", "Headcount: 8", "Effectif :
8" (not "Suma Patel" or "Total Rewards Manager")."""


_NOTE = re.compile(
    r"(?:notes?|nb|n\.b\.|remarks?|comments?|sources?|hinweise?|anmerkungen?|remarques?|"
    r"nota|note|opmerkingen?|observaciones|osservazioni)\s*:.*"
    r"|(?:last |zuletzt )?(?:updated|update|aktualisiert|mis à jour|bijgewerkt|actualizado|"
    r"aggiornato)\b.*\d.*"
    r"|(?:as of|as at|stand|état au)\b.*\d.*",
    re.IGNORECASE,
)
"""A note below a report's rows: "Notes: grades as of Q1", "Updated 3/4/2026 by Kim",
"As of 31/01/2026", "Stand: 01.02.2026" (a word and a colon, or a day)."""


def _is_note(row: list[str]) -> bool:
    """Whether a record's one value is a note (see `_NOTE`)."""
    values = filled_values(row)
    return len(values) == 1 and _NOTE.fullmatch(values[0].strip()) is not None


def _is_totals(row: list[str], width: int) -> bool:
    """Whether a record is a report's totals line: its first value is only the word
    (see `_TOTALS`), no value is an email, and it fills at most half the header's
    columns (a role "Total Rewards Manager" fills its row)."""
    values = filled_values(row)
    return (
        0 < len(values) * 2 <= width
        and _TOTALS.fullmatch(values[0].strip()) is not None
        and not any("@" in v for v in values)
    )


_OWN = frozenset(CSV_COLUMNS)  # the header of a CSV that orgroles wrote


def total_lines(records: list[list[str]], filled: list[int], most: int) -> list[int]:
    """The records at the end that are a report's totals or notes, not rows (`most` of
    them at most).

    `filled` lists the records with a value, the header first. In a table of at least
    three columns, the last records are notes when each has one value and either no
    delimiter at all ("Total: 12 employees", which no tool writes for a row of a table)
    or a blank line above them, between the rows and the notes. A last record whose
    first value is "Total" ("Grand Total", "Summe", ...) is a report's totals whatever
    its other values ("Total,3 employees,,12", at most half the columns filled), and so
    is a last record whose one value is a note ("Notes: contractors not listed", "Updated
    3/4/2026 by Kim"; see `_NOTE`), in whichever column it is written. A CSV
    that orgroles wrote (`to_csv()`: its header) has no totals or notes: a role whose
    only value is its id, "Count", is a row.
    """
    header = records[filled[0]]
    width = len(header)
    if len(filled) < 3 or width < 3 or {cell.strip() for cell in header} >= _OWN:
        return []
    run = 0  # the last records with one value each, or totals
    while run < min(most, len(filled) - 2) and (
        len(filled_values(records[filled[-1 - run]])) == 1
        or _is_totals(records[filled[-1 - run]], width)
    ):
        run += 1
    first = len(filled) - run
    if run and filled[first] - filled[first - 1] > 1:  # a blank line above them
        return filled[first:]
    bare = 0
    while bare < run and (
        len(records[filled[-1 - bare]]) == 1
        or _is_totals(records[filled[-1 - bare]], width)
        or _is_note(records[filled[-1 - bare]])
    ):
        bare += 1
    return filled[len(filled) - bare :]
