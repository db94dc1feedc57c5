"""One department written several ways: "Growth" and "growth", "Customer  Success".

A sheet typed by hand spells a department in another case, or with another spacing, on a
few of its rows. Read as written, each spelling would be a team of its own, and a chart
would draw two "Growth" teams. The import reads them as one team, named as most of its
rows spell it (the first spelling, when as many rows use each), and says so in a note.
Other differences ("R&D" and "R and D", accents) are left as written: they may be two
departments.

Examples:
    >>> same_department("Customer  Success "), same_department("customer success")
    ('customer success', 'customer success')
    >>> spellings(["Growth", "growth", "Growth", ["Sales", "growth"], None])
    {'growth': 'Growth'}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgroles.errors import Problem
from orgroles.importers.rows_below import more_rows_below

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator, Rows

__all__ = ["one_spelling", "same_department", "spellings"]

_Cell = str | list[str] | None


def same_department(name: str) -> str:
    """What two spellings of one department share: the words, in lower case."""
    return " ".join(name.casefold().split())


def _names(cell: _Cell) -> Sequence[str]:
    return () if cell is None else (cell,) if type(cell) is str else cell


def spellings(cells: Sequence[_Cell]) -> dict[str, str]:
    """For each spelling that another one of the same department outnumbers, the one
    that most rows write (the first of the most written)."""
    counted: Counter[str]
    if any(type(cell) is list for cell in cells):
        counted = Counter(name for cell in cells for name in _names(cell))
    else:  # in C: a million rows in a tenth of a second
        counted = Counter(cell for cell in cells if type(cell) is str)
    written: dict[str, Counter[str]] = {}
    for name, count in counted.items():  # each spelling once: a few hundred
        written.setdefault(same_department(name), Counter())[name] = count
    found: dict[str, str] = {}
    for counts in written.values():
        if len(counts) > 1:
            kept = counts.most_common(1)[0][0]  # the first seen among equals
            found.update((name, kept) for name in counts if name != kept)
    return found


def one_spelling(rows: Rows, locator: Locator) -> Problem | None:
    """Write each department as most of its rows do (`rows.departments`, in place); a
    note at the first row changed that counts the others, or None."""
    cells = rows.departments
    if cells is None:
        return None
    found = spellings(cells)
    if not found:
        return None
    changed: list[int] = []
    written = kept = ""
    for i, cell in enumerate(cells):
        names = _names(cell)
        if not any(name in found for name in names):
            continue
        if not changed:
            written = next(name for name in names if name in found)
            kept = found[written]
        changed.append(i)
        if type(cell) is str:
            cells[i] = found[cell]
        else:
            cells[i] = list(dict.fromkeys(found.get(name, name) for name in names))
    return Problem(
        f"the department {written!r} is read as {kept!r}, as the other rows write it (the "
        f"same words in another case or spacing: one team){more_rows_below(len(changed) - 1)}",
        locator.location(changed[0], "department"),
        locator.where(changed[0], "department"),
        code="department-spelling",
    )
