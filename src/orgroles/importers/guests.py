"""The guest accounts of a directory export, left out: they are not on the staff.

A directory (Microsoft Entra ID, Active Directory, Okta) lists its guests beside its
members: partners and clients invited to a shared folder, with no manager and no title.
Read as they are, each is one more top role of the chart. A row is a guest's when its
user type column ("UserType", "User Type", "Account Type", among the columns that no
option maps) says `Guest`, or when its id is a guest's address in Microsoft Entra
(`...#EXT#@...`). Such rows are left out of the org, with one warning for each way they
were told; `keep_left` (`--keep-left`) keeps them, as it keeps the rows of people who left.

Examples:
    >>> from orgroles.importers.tables import RecordRows
    >>> ids = ["a", "b", "c#EXT#@x"]
    >>> table = RecordRows([{"id": i, "UserType": t} for i, t in zip(ids, ["Member", "Guest", ""])])
    >>> guest_marks(table, ["UserType"], ids)
    [None, 'UserType', '']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgroles._internal.text import plural
from orgroles.errors import Problem
from orgroles.importers.header_names import header_key, names
from orgroles.importers.id_forms import listed_lines

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator, Rows
    from orgroles.importers.tables import Table

__all__ = ["GUEST_COLUMNS", "drop_guests", "guest_marks"]

GUEST_COLUMNS = frozenset(names("user type, account type, member type, usertype"))
"""Headers (as `header_key` writes them) of a column that says whether an account is a
member's or a guest's."""

_EXTERNAL = "#EXT#"


def guest_marks(
    table: Table, columns: Sequence[str], ids: Sequence[str | None]
) -> list[str | None] | None:
    """For each row, what tells it is a guest's (the user type column among `columns`,
    or `""` for Entra's guest address as its id), or None for a member's; None when no
    row is a guest's."""
    marks: list[str | None] | None = None  # made when a row is found
    for column in columns:
        if header_key(column) in GUEST_COLUMNS:
            values = table.texts(column)
            guest = {v for v in set(values) if v and header_key(v) == "guest"}  # read once
            if guest:
                marks = marks or [None] * len(ids)
                for i, value in enumerate(values):
                    if value in guest and marks[i] is None:
                        marks[i] = column
    if _EXTERNAL in "\n".join(filter(None, ids)):  # in C: a million ids have none
        marks = marks or [None] * len(ids)
        for i, rid in enumerate(ids):
            if marks[i] is None and rid and _EXTERNAL in rid:
                marks[i] = ""
    return marks


def drop_guests(rows: Rows, locator: Locator) -> tuple[Rows, Locator, list[int]]:
    """The rows without the guests' (a note in `rows.notes` for each way they were
    told), their locator, and the positions of the rows kept."""
    from orgroles.importers.repeats import SubsetLocator, subset_rows

    marks = rows.guests or ()
    for told in dict.fromkeys(m for m in marks if m is not None):
        found = [i for i, m in enumerate(marks) if m == told]
        said = (
            "as their user type says ('Guest')"
            if told
            else "as their ids say (a guest's address in Microsoft Entra, with '#EXT#')"
        )
        what = told or "id"
        rows.notes.append(
            Problem(
                f"{plural(len(found), 'guest account')} of the directory, {said}: left "
                f"out of the org, as guests are not on the staff "
                f"({listed_lines(locator, found)}); --keep-left (keep_left=True) keeps them",
                locator.location(found[0], what),
                locator.where(found[0], what),
                code="guest-rows",
            )
        )
    kept = [i for i, m in enumerate(marks) if m is None]
    rows = subset_rows(rows, kept)
    rows.guests = None
    return rows, SubsetLocator(locator, kept), kept
