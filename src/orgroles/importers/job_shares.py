"""A job share in a position export: two people on one seat, written as two rows.

A position export (Oracle HCM, SuccessFactors, a staff list by post number) read with the
seat's id (`--id-col`) and the person's (`--holder-col`) has a row for each person in a
seat: a seat that two people share (a job share, two half-time posts) is two rows with
one seat id. Read as they are, the second is a repeated id, an error. When the repeats
of a seat id each name another person, with the same title and the same manager as the
seat's first row, and none of them has left or ends, they are one seat held by these
people (`holder: [a, b]`): the later rows are folded into the first, with a note, code
`job-share`. Rows that differ otherwise stay repeated ids, for the error to name.

Examples:
    >>> from orgroles.importers.rows import Rows
    >>> rows = Rows(ids=["S1", "S2", "S2"], names=["Ana", "Bo", "Cy"],
    ...             titles=["CEO", "Lead", "Lead"], emails=[None] * 3,
    ...             managers=[None, "S1", "S1"], metas=[{}] * 3, holders=["p1", "p2", "p3"])
    >>> shared_seats(rows)
    {1: [2]}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgroles._internal.text import plural
from orgroles.errors import Problem
from orgroles.importers.id_forms import listed_lines

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator, Rows

__all__ = [
    "Sharers",
    "add_sharers",
    "fold_shares",
    "seat_of_sharers",
    "share_note",
    "shared_seats",
]


def shared_seats(rows: Rows) -> dict[int, list[int]]:
    """The rows that repeat a seat's id as a job share, under the seat's first row: {}
    when there are none (see the module)."""
    holders = rows.holders
    ids = rows.ids
    if holders is None or len(set(ids)) == len(ids):
        return {}
    first: dict[str, int] = {}
    shares: dict[int, list[int]] = {}
    for i, rid in enumerate(ids):
        if rid is None:
            continue
        j = first.setdefault(rid, i)
        if j != i and _shares(rows, j, i, shares.get(j, [])):
            shares.setdefault(j, []).append(i)
    return shares


def _shares(rows: Rows, seat: int, row: int, others: list[int]) -> bool:
    holders = rows.holders or []
    held = {holders[k] for k in (seat, *others)}
    if holders[row] is None or holders[row] in held or None in held:
        return False
    if rows.titles[row] != rows.titles[seat] or rows.managers[row] != rows.managers[seat]:
        return False
    for k in (seat, row):
        if rows.statuses is not None and rows.statuses[k] is not None:
            return False
        if rows.ends is not None and rows.ends[k]:
            return False
        if rows.planned is not None and rows.planned[k]:
            return False
    return True


def share_note(shares: dict[int, list[int]], locator: Locator) -> Problem:
    """The note that says which rows were folded into their seats' first rows."""
    more = next(iter(shares.values()))
    folded = [k for rows in shares.values() for k in rows]
    return Problem(
        f"{plural(len(shares), 'seat')} held by several people, a row for each (a job "
        f"share): read as one seat with several holders ({listed_lines(locator, folded)} "
        f"folded into {listed_lines(locator, list(shares))})",
        locator.location(more[0], "id"),
        locator.where(more[0], "id"),
        code="job-share",
    )


Sharers = dict[str, list[tuple[str, str | None, str | None]]]
"""For each shared seat's id, the other people in it: (person id, name, email)."""


def fold_shares(
    rows: Rows, locator: Locator, shares: dict[int, list[int]]
) -> tuple[Rows, Locator, list[int], Sharers]:
    """The rows without the job shares' later rows, their locator, the positions of the
    rows kept, and the people of the rows left out, under their seats' ids."""
    from orgroles.importers.repeats import SubsetLocator, subset_rows

    holders = rows.holders or []
    sharers: Sharers = {}
    for seat, others in shares.items():
        sharers[rows.ids[seat] or ""] = [
            (holders[k] or "", rows.names[k], rows.emails[k]) for k in others
        ]
    folded = {k for others in shares.values() for k in others}
    kept = [i for i in range(len(rows.ids)) if i not in folded]
    return subset_rows(rows, kept), SubsetLocator(locator, kept), kept, sharers


def seat_of_sharers(sharers: Sharers, known: set[str], reports_to: list[str | None]) -> None:
    """Read a manager id that is a job sharer's person id (and no seat's) as their seat."""
    seats = {person: seat for seat, people in sharers.items() for person, _, _ in people}
    for i, boss in enumerate(reports_to):
        if boss is not None and boss not in known and boss in seats:
            reports_to[i] = seats[boss]


def add_sharers(
    roles: list[dict[str, object]],
    people: list[dict[str, object]],
    person_rows: list[int],
    sharers: Sharers,
) -> None:
    """Give each shared seat its other holders, and the people who are not yet."""
    known = {p["id"] for p in people}
    for i, role in enumerate(roles):
        others = sharers.get(str(role["id"]))
        if not others:
            continue
        role["holder"] = [role["holder"], *(person for person, _, _ in others)]
        for person, name, email in others:
            if person not in known:
                known.add(person)
                people.append({"id": person, "name": name, "email": email})
                person_rows.append(i)
