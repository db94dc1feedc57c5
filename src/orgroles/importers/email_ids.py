"""Rows known by their emails: a sheet or a payroll export without ids, whose email
column is the id column.

- A person who holds two seats (a CTO who is also the interim Head of Security) is on two
  rows with the same email (`several_seats()`). The rows are then two seats held by one
  person: the first keeps the email as its id, the others get the email and their title
  (`ana@acme.example/head-of-security`), and a manager cell that names the person (by
  email or name) is read as their first seat. Rows with one email and two different
  names are two people given one id: still an error.
- A person with no work email (a new hire, a contractor) is given an id made from their
  name (`ids_from_names()`), so that the other rows are read; managers by name find them.

`read_email_ids()` does both, for an import whose ids are its emails. Rows known by an
employee id are read so too when one id and one name are on two rows of two job titles
(UKG lists an employee of two companies so): two seats of one person.

Examples:
    >>> from orgroles.importers.rows import Rows
    >>> rows = Rows(
    ...     ids=["ana@x.example", "ana@x.example"], names=["Ana", "Ana"],
    ...     titles=["CTO", "Head of Security"], emails=["ana@x.example", "ana@x.example"],
    ...     managers=[None, None], metas=[{}, {}])
    >>> _ = read_email_ids(rows, None)
    >>> rows.ids, rows.holders
    (['ana@x.example', 'ana@x.example/head-of-security'], ['ana@x.example', 'ana@x.example'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgroles.errors import Location, Problem
from orgroles.importers.id_forms import loose_name
from orgroles.importers.slugs import slug

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator, Rows

__all__ = ["ids_from_emails", "ids_from_names", "read_email_ids", "several_seats"]


def read_email_ids(rows: Rows, locator: Locator | None) -> list[Problem]:
    """`several_seats()` and `ids_from_names()`, when the import's rows are known by their
    emails (its id column is its email column, and no holders are given: but the open
    seats found before, which have none); `several_seats()` of two jobs only, when they
    are known by an employee id; their notes."""
    held = rows.holders or rows.ids
    if any(h is not None and h != i for h, i in zip(held, rows.ids, strict=True)):
        return []  # seats and their holders, given (a position export)
    if any(h is not None and i != e for h, i, e in zip(held, rows.ids, rows.emails, strict=True)):
        # Rows known by an employee id: one id and one name on two rows of two jobs is a
        # person in two seats too (UKG's one employee in two companies).
        two_jobs = several_seats(rows, locator, jobs=True)
        return [two_jobs] if two_jobs is not None else []
    found = (several_seats(rows, locator), ids_from_names(rows, locator))
    return [n for n in found if n is not None]


def ids_from_emails(rows: Rows, locator: Locator | None) -> Problem | None:
    """Give the rows without an id, in an import whose other rows have one, their email
    as their id (a contractor with no employee number: Lattice, payrolls), in place; a
    note at the first that counts the others, or None. Only when every such row has an
    email that is no row's id."""
    if None not in rows.ids and "" not in rows.ids:  # the usual case, in C
        return None
    found = [i for i, rid in enumerate(rows.ids) if not rid and i not in rows.skip]
    if not found or len(found) == len(rows.ids):
        return None
    emails = [rows.emails[i] for i in found]
    taken = set(rows.ids)
    if not all(emails) or taken.intersection(emails) or len(set(emails)) != len(emails):
        return None
    ids = rows.ids = list(rows.ids)
    for i, email in zip(found, emails, strict=True):
        ids[i] = email
    first = found[0]
    more = len(found) - 1
    others = _others(more)
    return Problem(
        f"no id: given its email, {ids[first]!r}, as its id{others}",
        *_at(locator, first),
        code="id-from-email",
    )


def ids_from_names(rows: Rows, locator: Locator | None) -> Problem | None:
    """Give the rows with a name and no email of an import whose ids are its emails an id
    made from the name (`lucas-vogt`), in place; a note at the first that counts the
    others, or None. Rows with neither are left as they are (a missing id, or an open
    seat: see `orgroles.importers.vacant`)."""
    found = [
        i
        for i, (rid, name) in enumerate(zip(rows.ids, rows.names, strict=True))
        if not rid and name and name.strip() and i not in rows.skip
    ]
    if not found:
        return None
    ids = rows.ids = list(rows.ids)
    taken = {rid for rid in ids if rid}
    holders = rows.holders  # given by `several_seats()`: each row's person
    for i in found:
        base = slug(rows.names[i] or "")
        made, n = base, 2
        while made in taken:
            made, n = f"{base}-{n}", n + 1
        taken.add(made)
        ids[i] = made
        if holders is not None:
            holders[i] = made  # the person too, not an open seat
    first = found[0]
    more = len(found) - 1
    others = _others(more)
    return Problem(
        f"no email, which is the id of this import's rows: given the id {ids[first]!r}, made "
        f"from the name {rows.names[first]!r}{others}",
        *_at(locator, first),
        code="id-from-name",
    )


def several_seats(rows: Rows, locator: Locator | None, *, jobs: bool = False) -> Problem | None:
    """Give the later rows of a person in several rows (same email as id, same name) ids
    of their own, and every row its holder (changed in place); a note at the first such
    row that counts the others, or None. With `jobs`, only rows of different job titles
    are a person's seats: two rows the same are a repeated row, which the check of the
    ids reports."""
    first: dict[str, int] = {}
    later: list[tuple[int, int]] = []  # (row, the person's first row)
    open_seats = rows.holders  # the open seats found before: no holder
    for i, rid in enumerate(rows.ids):
        if rid is None or (open_seats is not None and open_seats[i] is None):
            continue
        k = first.setdefault(rid, i)
        if k != i and _one_person(rows.names[k], rows.names[i]):
            titles = rows.titles[k], rows.titles[i]
            if not jobs or (all(titles) and titles[0] != titles[1]):
                later.append((i, k))
    if not later:
        return None
    holders = list(rows.ids if open_seats is None else open_seats)
    ids = rows.ids = list(rows.ids)  # the first row's id (an email, or an employee id) stays
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
    others = _others(more)
    where = locator.line(k) if locator is not None else f"row {k + 1}"
    return Problem(
        f"{holders[i]!r} is also on {where}: one person in two seats, this one given the id "
        f"{ids[i]!r}; a manager cell that names them is read as their first seat{others}",
        *_at(locator, i),
        code="several-seats",
    )


def _others(more: int) -> str:
    """The end of a note that speaks for `more` rows too: "; and 2 more rows so"."""
    return "" if not more else f"; and {more:,} more row{'s' if more > 1 else ''} so"


def _at(locator: Locator | None, row: int) -> tuple[Location | None, str]:
    """Where a row's id cell is, for a note (nowhere without a locator)."""
    if locator is None:
        return None, ""
    return locator.location(row, "id"), locator.where(row, "id")


def _one_person(a: str | None, b: str | None) -> bool:
    """Whether two rows' names are one person's (the same, or one not given)."""
    if not a or not b:
        return True
    return loose_name(a) == loose_name(b)
