"""The guest and bot accounts of a directory export, left out: they are not on the staff.

A directory (Microsoft Entra ID, Active Directory, Okta, Slack) lists its guests beside
its members: partners and clients invited to a shared folder, with no manager and no
title; a workspace's member list has its bots too. Read as they are, each is one more top
role of the chart. A row is a guest's when its user type column ("UserType", "User
Type", "Account Type", among the columns that no option maps) says `Guest`, when its
status says it (Slack's `Single-Channel Guest`, `Multi-Channel Guest`; `Bot` for a bot),
or when its id is a guest's address in Microsoft Entra (`...#EXT#@...`). Such rows are
left out of the org, with one warning for each way they were told; `keep_left`
(`--keep-left`) keeps them, as it keeps the rows of people who left.

Examples:
    >>> from orgroles.importers.tables import RecordRows
    >>> ids = ["a", "b", "c#EXT#@x"]
    >>> table = RecordRows([{"id": i, "UserType": t} for i, t in zip(ids, ["Member", "Guest", ""])])
    >>> guest_marks(table, ["UserType"], ids)
    [None, ('UserType', 'Guest'), ('', '')]
    >>> table = RecordRows([{"status": t} for t in ["Admin", "Single-Channel Guest", "Bot"]])
    >>> guest_marks(table, [], ["a", "b", "c"], status="status")
    [None, ('status', 'Single-Channel Guest'), ('status', 'Bot')]
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

__all__ = ["GUEST_COLUMNS", "Mark", "drop_guests", "guest_marks"]

GUEST_COLUMNS = frozenset(names("user type, account type, member type, usertype"))
"""Headers (as `header_key` writes them) of a column that says whether an account is a
member's or a guest's."""

_EXTERNAL = "#EXT#"
_GUEST_STATUSES = frozenset(names("guest, single channel guest, multi channel guest, bot"))
"""Statuses (as `header_key` writes them) of a guest's or a bot's account (Slack's)."""

_PLURALS = {"guest": "guests", "bot": "bots", "guest or bot": "guests and bots"}

Mark = tuple[str, str]
"""What tells a row is a guest's or a bot's: its column and its value (both `""` for
Entra's guest address as its id)."""


def guest_marks(
    table: Table, columns: Sequence[str], ids: Sequence[str | None], status: str | None = None
) -> list[Mark | None] | None:
    """For each row, what tells it is a guest's or a bot's (the user type column among
    `columns`, the `status` column, or Entra's guest address as its id), or None for a
    member's; None when no row is a guest's."""
    marks: list[Mark | None] | None = None  # made when a row is found
    told = [(c, {"guest"}) for c in columns if header_key(c) in GUEST_COLUMNS]
    for column, says in told + ([(status, _GUEST_STATUSES)] if status else []):
        values = table.texts(column)
        guest = {v for v in set(values) if v and header_key(v) in says}  # read once
        if guest:
            marks = marks or [None] * len(ids)
            for i, value in enumerate(values):
                if value in guest and marks[i] is None:
                    marks[i] = (column, value)
    if _EXTERNAL in "\n".join(filter(None, ids)):  # in C: a million ids have none
        marks = marks or [None] * len(ids)
        for i, rid in enumerate(ids):
            if marks[i] is None and rid and _EXTERNAL in rid:
                marks[i] = ("", "")
    return marks


def drop_guests(rows: Rows, locator: Locator) -> tuple[Rows, Locator, list[int]]:
    """The rows without the guests' (a note in `rows.notes` for each way they were
    told), their locator, and the positions of the rows kept."""
    from orgroles.importers.repeats import SubsetLocator, subset_rows

    marks = rows.guests or ()
    for told in dict.fromkeys(m[0] for m in marks if m is not None):
        found = [i for i, m in enumerate(marks) if m is not None and m[0] == told]
        values = list(dict.fromkeys(m[1] for m in marks if m is not None and m[0] == told))
        bots = [v for v in values if header_key(v) == "bot"]
        kind = "bot" if len(bots) == len(values) else "guest or bot" if bots else "guest"
        whose = "user type" if header_key(told) in GUEST_COLUMNS else "status"
        said = (
            f"as their {whose} says ({', '.join(map(repr, values))})"
            if told
            else "as their ids say (a guest's address in Microsoft Entra, with '#EXT#')"
        )
        what = told or "id"
        rows.notes.append(
            Problem(
                f"{plural(len(found), kind + ' account')} of the directory, {said}: left "
                f"out of the org, as {_PLURALS[kind]} are not on the staff "
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
