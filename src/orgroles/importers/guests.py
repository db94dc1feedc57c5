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

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgroles._internal.text import plural
from orgroles.errors import Problem
from orgroles.importers.header_names import header_key, names
from orgroles.importers.id_forms import listed_lines

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator, Rows
    from orgroles.importers.tables import Table

__all__ = [
    "GUEST_COLUMNS",
    "KIND_COLUMNS",
    "NOT_A_NAME",
    "NOT_PEOPLE",
    "Mark",
    "drop_guests",
    "guest_marks",
]

GUEST_COLUMNS = frozenset(names("user type, account type, member type, usertype"))
"""Headers (as `header_key` writes them) of a column that says whether an account is a
member's or a guest's."""
KIND_COLUMNS = frozenset(
    names(
        "employee type, employeetype, recipient type details, recipient type, "
        "mailbox type, object type, resource type"
    )
)
"""Headers of a column that may say an account is no person's (an LDAP directory's
`employeeType`, Exchange's `RecipientTypeDetails`), beside the kinds of staff it names
for people ("Full Time", "Contractor"): only its `NOT_PEOPLE` values are read."""
NOT_PEOPLE = frozenset(
    names(
        "room, meeting room, conference room, resource, equipment, service, service account, "
        "system, system account, shared, shared mailbox, shared account, room mailbox, "
        "equipment mailbox, resource mailbox, roommailbox, equipmentmailbox, sharedmailbox, "
        "scheduling mailbox, application, app"
    )
)
"""Values of a user type (or `KIND_COLUMNS`) column that say an account is no person's: a
meeting room, a service account, a shared mailbox. Its rows are left out, as guests are."""

_EXTERNAL = "#EXT#"
_GUEST_STATUSES = frozenset(names("guest, single channel guest, multi channel guest, bot"))
"""Statuses (as `header_key` writes them) of a guest's or a bot's account (Slack's)."""

NOT_A_NAME = re.compile(
    r"\b(?:meeting|conference|board|training|huddle|focus|video|seminar)[ -]?rooms?\b"
    r"|\b(?:shared|resource|room|equipment) ?mailbox\b|\bservice account\b",
    re.IGNORECASE,
)
"""What a room's or a mailbox's name says and no person's does ("Conference Room Fjord",
"Boardroom", "Finance Shared Mailbox"): a row named so is left out."""
_NAME_WORDS = ("room", "mailbox", "service account")
"""Words of which every name `NOT_A_NAME` finds has one."""
_NAMED = "name"
"""The column of a `Mark` that a row's name gave."""

_GUEST_TYPES = frozenset({"guest", *NOT_PEOPLE})

_PLURALS = {
    "guest": "guests",
    "bot": "bots",
    "guest or bot": "guests and bots",
    "non-person": "rooms, service accounts and shared mailboxes",
    "guest or non-person": "guests, rooms, service accounts and shared mailboxes",
}

Mark = tuple[str, str]
"""What tells a row is a guest's or a bot's: its column and its value (both `""` for
Entra's guest address as its id)."""


def guest_marks(
    table: Table,
    columns: Sequence[str],
    ids: Sequence[str | None],
    status: str | None = None,
    people: Sequence[str | None] = (),
) -> list[Mark | None] | None:
    """For each row, what tells it is a guest's or a bot's (the user type column among
    `columns`, the `status` column, Entra's guest address as its id, or a name in
    `people` that is a room's or a mailbox's: `NOT_A_NAME`), or None for a member's;
    None when no row is a guest's."""
    marks: list[Mark | None] | None = None  # made when a row is found
    told = [
        (c, _GUEST_TYPES if header_key(c) in GUEST_COLUMNS else NOT_PEOPLE)
        for c in columns
        if header_key(c) in GUEST_COLUMNS or header_key(c) in KIND_COLUMNS
    ]
    for column, says in told + ([(status, _GUEST_STATUSES)] if status else []):
        values = table.texts(column)
        guest = {v for v in set(values) if v and header_key(v) in says}  # read once
        if guest:
            marks = marks or [None] * len(ids)
            for i, value in enumerate(values):
                if value in guest and marks[i] is None:
                    marks[i] = (column, value)
    named = "\n".join(filter(None, people)).lower() if people else ""
    # Every such name has one of `_NAME_WORDS`: a plain look for them first, in C, as the
    # search itself takes 0.75 s over a million names.
    if any(word in named for word in _NAME_WORDS) and NOT_A_NAME.search(named):
        for i, value in enumerate(people):
            if value and NOT_A_NAME.search(value):
                marks = marks or [None] * len(ids)
                marks[i] = marks[i] or (_NAMED, value)
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
        kind = "non-person" if told == _NAMED else _kind({header_key(v) for v in values})
        whose = (
            "name"
            if told == _NAMED
            else "user type"
            if header_key(told) in GUEST_COLUMNS
            else "type"
            if header_key(told) in KIND_COLUMNS
            else "status"
        )
        said = (
            f"as their {whose} says ({', '.join(map(repr, values))})"
            if told
            else "as their ids say (a guest's address in Microsoft Entra, with '#EXT#')"
        )
        what = told or "id"
        rows.notes.append(
            Problem(
                f"{plural(len(found), kind + ' account')} of the directory, {said}: left "
                f"out of the org, as {_PLURALS[kind]} are not {_NOT[kind]} "
                f"({listed_lines(locator, found)}); --keep-left (keep_left=True) keeps them",
                locator.location(found[0], what),
                locator.where(found[0], what),
                code="guest-rows",
            )
        )
    kept = [i for i, m in enumerate(marks) if m is None]
    # (the code stays `guest-rows` for them all: one way of leaving rows out)
    rows = subset_rows(rows, kept)
    rows.guests = None
    return rows, SubsetLocator(locator, kept), kept


_NOT = {kind: "people" if "non-person" in kind else "on the staff" for kind in _PLURALS}


def _kind(values: set[str]) -> str:
    """The word for the accounts whose values (as `header_key` writes them) are
    `values`."""
    bots = "bot" in values
    others = {v for v in values if v != "bot" and "guest" not in v.split()}
    if not others:
        return "bot" if values == {"bot"} else "guest or bot" if bots else "guest"
    return "non-person" if values <= NOT_PEOPLE else "guest or non-person"
