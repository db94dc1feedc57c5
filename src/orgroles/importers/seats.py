"""One person in several rows: a sheet without ids, whose rows are known by their emails,
lists a person who holds two seats (a CTO who is also the interim Head of Security) on
two rows with the same email.

The rows are then two seats held by one person: the first keeps the email as its id, the
others get the email and their title (`ana@acme.example/head-of-security`), and a
manager cell that names the person (by email or name) is read as their first seat.
Rows with one email and two different names are two people given one id: still an error.

Examples:
    >>> from orgroles.importers.rows import Rows
    >>> rows = Rows(
    ...     ids=["ana@x.example", "ana@x.example"], names=["Ana", "Ana"],
    ...     titles=["CTO", "Head of Security"], emails=["ana@x.example", "ana@x.example"],
    ...     managers=[None, None], metas=[{}, {}])
    >>> _ = several_seats(rows, None)
    >>> rows.ids, rows.holders
    (['ana@x.example', 'ana@x.example/head-of-security'], ['ana@x.example', 'ana@x.example'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgroles.errors import Problem
from orgroles.importers.slugs import slug

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator, Rows

__all__ = ["several_seats"]


def several_seats(rows: Rows, locator: Locator | None) -> Problem | None:
    """Give the later rows of a person in several rows (same email as id, same name) ids
    of their own, and every row its holder (changed in place); a note at the first such
    row that counts the others, or None."""
    if rows.holders is not None or rows.ids != rows.emails:
        return None
    first: dict[str, int] = {}
    later: list[tuple[int, int]] = []  # (row, the person's first row)
    for i, rid in enumerate(rows.ids):
        if rid is None:
            continue
        k = first.setdefault(rid, i)
        if k != i and _one_person(rows.names[k], rows.names[i]):
            later.append((i, k))
    if not later:
        return None
    holders = list(rows.ids)
    ids = rows.ids = list(rows.ids)  # the emails stay as they are
    taken = set(first)
    for i, _ in later:
        base = f"{ids[i]}/{slug(rows.titles[i] or '') if rows.titles[i] else 'seat'}"
        seat, n = base, 2
        while seat in taken:
            seat, n = f"{base}-{n}", n + 1
        taken.add(seat)
        ids[i] = seat
    rows.holders = holders
    i, k = later[0]
    more = len(later) - 1
    others = "" if not more else f"; and {more:,} more row{'s' if more > 1 else ''} so"
    where = locator.line(k) if locator is not None else f"row {k + 1}"
    return Problem(
        f"{holders[i]!r} is also on {where}: one person in two seats, this one given the id "
        f"{ids[i]!r}; a manager cell that names them is read as their first seat{others}",
        locator.location(i, "id") if locator is not None else None,
        locator.where(i, "id") if locator is not None else "",
        code="several-seats",
    )


def _one_person(a: str | None, b: str | None) -> bool:
    """Whether two rows' names are one person's (the same, or one not given)."""
    if not a or not b:
        return True
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())
