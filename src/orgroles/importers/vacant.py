"""Rows whose name says the seat is open: "Vacant", "TBH", "Open position", "À pourvoir".

A headcount export or a planning sheet lists the open seats among the people, with a
word for "nobody yet" where the name goes. Read as a person, such a row would put
someone called "TBH" in the seat, and the rules would count it as held. The import
reads it as a vacant seat instead: the role keeps its id, title and manager, has no
holder, and the name written goes into its `meta` (`name`). A row with an email is
always a person.

Examples:
    >>> [says_vacant(n) for n in ("Vacant", "TBH", "Open Position - Backend", "[TBD]")]
    [True, True, True, True]
    >>> [says_vacant(n) for n in ("Poste à pourvoir", "Offene Stelle", "Vacante")]
    [True, True, True]
    >>> [says_vacant(n) for n in ("Ava Open", "Openshaw", "Tbhani Lee", "Offen, Mark")]
    [False, False, False, False]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from orgroles.catalog._title_text import fold
from orgroles.errors import Problem
from orgroles.importers.no_manager import NO_MANAGER
from orgroles.importers.rows_below import more_rows_below

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator, Rows

__all__ = [
    "VACANT_WORDS",
    "read_vacant",
    "read_vacant_holders",
    "says_vacant",
    "vacate",
    "vacate_unnamed",
]

VACANT_WORDS = (
    "vacant",
    "vacancy",
    "vacant position",
    "vacant seat",
    "position vacant",
    "tbh",
    "tbd",
    "tba",
    "to be hired",
    "to be determined",
    "to be recruited",
    "to be filled",
    "to hire",
    "new hire",
    "hiring",
    "open",
    "open position",
    "open role",
    "open req",
    "open requisition",
    "open headcount",
    "open seat",
    "unfilled",
    "a pourvoir",
    "poste a pourvoir",
    "poste vacant",
    "recrutement en cours",
    "a recruter",
    "unbesetzt",
    "vakant",
    "offen",
    "offene stelle",
    "zu besetzen",
    "vacante",
    "posicion vacante",
    "puesto vacante",
    "por contratar",
    "posizione vacante",
    "da assumere",
    "vacature",
    "openstaande vacature",
    "vaga",
    "vaga em aberto",
    "wakat",
)
"""What a name cell says for nobody yet (folded: lower case, no accents), alone or
followed by more ("Open position - Backend", "TBH #3")."""

_SURNAMES = ("open", "offen")
"""Words of `VACANT_WORDS` that are also surnames: alone, or followed by a mark or a
number ("Open - Backend", "Open #3"), not by a word ("OPEN Mark", last name first)."""

_SAYS = re.compile(
    r"[\W_]*(?:(?:"
    + "|".join(
        sorted(
            (re.escape(w).replace(r"\ ", r"[\W_]+") for w in VACANT_WORDS if w not in _SURNAMES),
            key=len,
            reverse=True,
        )
    )
    + r")(?:(?!,)[\W_].*)?"  # not "Offen, Mark": a surname, last name first
    + r"|(?:"
    + "|".join(_SURNAMES)
    + r")(?:[^\w\s,].*|\s+(?:[^\w\s]|\d).*|\s*)?)",
    re.DOTALL,
)


def says_vacant(name: str) -> bool:
    """Whether a name cell says the seat is open (see `VACANT_WORDS`)."""
    return _SAYS.fullmatch(fold(name)) is not None


def read_vacant(rows: Rows, locator: Locator) -> Problem | None:
    """Make vacant the rows whose name says the seat is open and that have no email
    (`rows.holders` and `rows.metas` are changed in place); a note at the first of them
    that counts the others, or None when there is none."""
    names = rows.names
    # Only the rows without an email are read (half a second a million): when every row
    # has one, two searches in C say so.
    blank = (
        [i for i, email in enumerate(rows.emails) if not email]
        if None in rows.emails or "" in rows.emails
        else []
    )
    found = [i for i in blank if (name := names[i]) and says_vacant(name)]
    if not found:
        return None
    vacate(rows, found)
    for i in found:
        rows.metas[i] = {"name": rows.names[i], **rows.metas[i]}
        rows.names[i] = None
    unnamed = [i for i in found if rows.ids[i] is None]
    named = ""
    if unnamed:
        more = f" and {len(unnamed) - 1:,} more" if len(unnamed) > 1 else ""
        named = f"; an open seat without an id gets one {_name_seats(unnamed, rows, locator)}{more}"
    first = rows.metas[found[0]]["name"]
    others = more_rows_below(len(found) - 1)
    return Problem(
        f"the name {first!r} says the seat is open: read as a vacant seat (no person; the "
        f"name is kept in the role's meta){others}{named}",
        locator.location(found[0], "name"),
        locator.where(found[0], "name"),
        code="vacant-name",
    )


def read_vacant_holders(rows: Rows, locator: Locator) -> Problem | None:
    """Make vacant the rows whose holder cell says the seat is open ("VACANT", "TBH") or
    names no one ("0", "none", "n/a"), and that have no name and no email (changed in
    place); a note at the first of them that counts the others, or None."""
    holders = rows.holders
    if holders is None:
        return None
    rows_of = zip(holders, rows.names, rows.emails, strict=True)
    # Only the rows without a name and an email are read (few): the others are people.
    unnamed = [
        (i, held) for i, (held, name, email) in enumerate(rows_of) if held and not (name or email)
    ]
    found = [i for i, held in unnamed if _says_none(held)]
    if not found:
        return None
    first = holders[found[0]]
    vacate(rows, found)
    return Problem(
        f"the holder {first!r} says the seat is open: read as a vacant seat (no person)"
        + more_rows_below(len(found) - 1),
        locator.location(found[0], "holder"),
        locator.where(found[0], "holder"),
        code="vacant-name",
    )


def _says_none(held: str) -> bool:
    return says_vacant(held) or held.strip().casefold() in NO_MANAGER


def vacate_unnamed(rows: Rows) -> None:
    """Make vacant the rows without a name and an email, in place: for rows whose holder
    column is their id column (each person known by the id of their seat, as a position
    export without people's ids is read), such a row is an open seat."""
    found = [
        i
        for i, (name, email) in enumerate(zip(rows.names, rows.emails, strict=True))
        if not name and not email and i not in rows.skip
    ]
    if found:
        vacate(rows, found)


def vacate(rows: Rows, found: list[int]) -> None:
    """Make these rows' seats vacant: no holder (`rows.holders`, made when every row
    held its own seat)."""
    holders = list(rows.ids) if rows.holders is None else rows.holders
    for i in found:
        holders[i] = None
    rows.holders = holders


def _name_seats(unnamed: list[int], rows: Rows, locator: Locator) -> str:
    """Give each open seat without an id (an HR tool gives an open position no employee
    id) one made from its line, `vacant-7`, or from its index among the rows when lines
    do not tell them apart (JSON on one line): changed in place. Says from what, and the
    first id given."""
    lines = [getattr(locator.location(i, "id"), "line", None) for i in unnamed]
    by_line = None not in lines and len(set(lines)) == len(lines)
    numbers = lines if by_line else unnamed  # the index that messages show: [3]
    taken = set(rows.ids)
    for i, number in zip(unnamed, numbers, strict=True):
        rid = base = f"vacant-{number}"  # distinct bases: a clash is with a row's own id
        n = 1
        while rid in taken:
            n += 1
            rid = f"{base}-{n}"
        taken.add(rid)
        rows.ids[i] = rid
    return f"from {'its line' if by_line else 'its index in the list'}: {rows.ids[unnamed[0]]!r}"


def read_unnamed_seats(rows: Rows, locator: Locator) -> Problem | None:
    """Make vacant the rows with a title but no id (or an id of zeros, SAP's person
    `00000000`), no name and no email (a seat that no one holds, as an export lists an
    open position), each with an id from its line (changed in place); a note at the first
    of them that counts the others, or None."""
    ids = rows.ids
    if None not in ids and not any(
        r is not None and r[:1] == "0" and not r.strip("0") for r in ids
    ):
        return None
    found = [
        i
        for i, rid in enumerate(ids)
        if (rid is None or not rid.strip("0"))  # SAP's person "00000000": no one
        and i not in rows.skip
        and not rows.names[i]
        and not rows.emails[i]
        and rows.titles[i]
    ]
    if not found:
        return None
    zeros = ids[found[0]]
    vacate(rows, found)
    named = _name_seats(found, rows, locator)
    return Problem(
        f"a row with a title ({rows.titles[found[0]]!r}) but no id"
        f"{f' (its id {zeros!r} names no one)' if zeros else ''}, no name and no email: "
        f"read as a vacant seat, with an id {named}" + more_rows_below(len(found) - 1),
        locator.location(found[0], "id"),
        locator.where(found[0], "id"),
        code="vacant-name",
    )
