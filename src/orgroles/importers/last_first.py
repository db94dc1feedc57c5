"""A name column written last name first ("Carrow, Delphine"), read first name first.

BambooHR's "Last name, First name" field, and many payroll and directory exports, write
every name so. The chart, the people and the manager column (which often writes
"Delphine Carrow") read better with the name first name first; a note says so, and the
name as written still finds its row, with no note (a manager column that writes it so:
it is the row's other name, see `orgroles.importers.other_names`).

Examples:
    >>> names, turned = first_name_first(["Carrow, Delphine", "Mbeki, Thabo", None])
    >>> names, turned
    (['Delphine Carrow', 'Thabo Mbeki', None], 2)
    >>> first_name_first(["Carrow, Delphine", "Thabo Mbeki", "Hae-won Yoon"])[1]
    0
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgroles.errors import Problem
from orgroles.importers.id_forms import first_last

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator

__all__ = ["first_name_first", "turned_note"]


def first_name_first(names: list[str | None]) -> tuple[list[str | None], int]:
    """The names turned first name first when nine in ten of them (and at least two) are
    written "Last, First" with one comma; and how many were turned (0: the names as
    they are, the same list)."""
    if sum(1 for n in names if n and "," in n) < 2:  # the usual case, fast
        return names, 0
    turned = [first_last(n) if n else None for n in names]
    found = sum(t is not None for t in turned)
    filled = sum(1 for n in names if n)
    if found < 2 or found * 10 < filled * 9:
        return names, 0
    return [t if t is not None else n for t, n in zip(turned, names, strict=True)], found


def turned_note(
    written: Sequence[str | None], names: Sequence[str | None], turned: int, locator: Locator
) -> Problem:
    """The warning that says the names were turned first name first, at the first one."""
    first = next(i for i, (w, n) in enumerate(zip(written, names, strict=True)) if w and w != n)
    return Problem(
        f"{turned:,} names written last name first, as {written[first]!r}: read first name "
        f"first, as {names[first]!r}",
        locator.location(first, "name"),
        locator.where(first, "name"),
        code="name-order",
    )
