"""Write an org as CSV, one row per role: what `orgroles.from_csv` reads back.

What CSV cannot hold (dotted lines, job shares, responsibilities, ...) is left out with
an `OrgExportWarning` that says how much. The `kind_from`
column says how each kind was found, so that reading the file back infers nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import warnings
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from orgroles.errors import OrgExportError, OrgExportWarning
from orgroles.io.atomic import atomic_write
from orgroles.model import Role
from orgroles.model.dates import on_day

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["CSV_COLUMNS", "DATED_COLUMNS", "csv_text", "to_csv"]

CSV_COLUMNS = (
    "id",
    "title",
    "kind",
    "kind_from",
    "family",
    "seniority",
    "holder",
    "name",
    "email",
    "reports_to",
    "department",
)
"""The columns `to_csv()` writes first (the `orgroles` preset reads them back)."""

DATED_COLUMNS = ("start", "end")
"""The columns a dated org adds: each seat's first and last days."""


def csv_text(org: OrgCore) -> str:
    """The org as CSV text, one row per role: what `to_csv()` writes.

    Examples:
        >>> from orgroles import Org, Person, Role, Team
        >>> org = Org(people=[Person(id="ana", name="Ana Lima", email="ana@acme.example")],
        ...           roles=[Role(id="ceo", kind="ceo", holder="ana"),
        ...                  Role(id="cto", title="CTO", reports_to="ceo", meta={"site": "Lyon"})],
        ...           teams=[Team(id="board", name="Board", members=["ceo"])])
        >>> print(csv_text(org).replace("\\r\\n", "\\n"), end="")
        id,title,kind,kind_from,family,seniority,holder,name,email,reports_to,department,site
        ceo,,ceo,,,,ana,Ana Lima,ana@acme.example,,Board,
        cto,CTO,,,,,,,,ceo,,Lyon
    """
    lost: dict[str, int] = {}

    def losing(what: str) -> None:
        lost[what] = lost.get(what, 0) + 1

    team_of: dict[str, str] = {}
    for team in org.teams.values():
        if team.lead is not None:
            losing("team leads")
        if team.meta:
            losing("team meta")
        if not team.members:
            losing("teams without members")
        for member in team.members:
            if member in team_of:
                losing("memberships beyond a role's first team")
            else:
                team_of[member] = team.display_name
    dated = org.dated
    standard = (*CSV_COLUMNS, *DATED_COLUMNS) if dated else CSV_COLUMNS
    # "start" and "end" are read back as a seat's days, whether or not they are written.
    reserved = (*CSV_COLUMNS, *DATED_COLUMNS)
    meta_keys = {k: None for k in _merged_keys(org) if k not in reserved}
    for key in _merged_keys(org):
        if key in reserved:
            losing(f"meta key {key!r} (the name of a standard column)")

    out = io.StringIO()
    # CRLF, as RFC 4180 says: with it, a value that holds a lone CR is quoted too.
    writer = csv.writer(out)
    try:
        writer.writerow([*standard, *meta_keys])
    except csv.Error as exc:  # Python 3.10's writer cannot write a NUL character
        raise OrgExportError(
            f"a meta key cannot be written as CSV ({exc}): a NUL character needs "
            "Python 3.11 or later"
        ) from None
    people = org.people
    held: set[str] = set()
    for record in _rows(org):
        role = record if not dated else _plain(org, record, losing)
        holders = role.holders
        holder = holders[0] if holders else None
        if len(holders) > 1:
            losing("job shares (only the first holder is written)")
        held.update(holders)
        person = people.get(holder) if holder is not None else None
        for what, kept in (
            ("dotted lines", role.dotted_to),
            ("assistant flags", role.assistant),
            ("acting flags", role.acting),
            ("responsibilities", role.responsibilities),
            ("dropped responsibilities", role.drop),
            ("noqa", role.noqa),
        ):
            if kept:
                losing(what)
        meta = []
        for key in meta_keys:
            value = role.meta.get(key)
            if value is not None and not isinstance(value, str):
                losing("meta values that are not text (written as JSON)")
                value = json.dumps(value, ensure_ascii=False)
            meta.append(value)
        row = [
            role.id,
            role.title,
            role.kind,
            role.kind_from,
            role.family,
            role.seniority,
            holder,
            person.name if person else None,
            person.email if person else None,
            role.reports_to,
            team_of.get(role.id),
            *((_day(record.start), _day(record.end)) if dated else ()),
            *meta,
        ]
        try:
            writer.writerow(row)
        except csv.Error as exc:  # Python 3.10's writer cannot write a NUL character
            raise OrgExportError(
                f"role {role.id!r}: cannot be written as CSV ({exc}): a NUL character needs "
                "Python 3.11 or later"
            ) from None
    for person in people.values():
        if person.meta:
            losing("people's meta")
        if person.id not in held:
            losing("people who hold no role")
    if lost:
        detail = ", ".join(f"{what} ({n})" for what, n in lost.items())
        warnings.warn(
            OrgExportWarning(f"CSV cannot hold everything in org {org.name!r}; left out: {detail}"),
            stacklevel=3,
        )
    return out.getvalue()


def _rows(org: OrgCore) -> Iterable[Role]:
    """The roles a CSV writes: the plain ones, or a dated org's records (every seat ever)."""
    return org.records.values() if org.dated else org.roles.values()


def _plain(org: OrgCore, record: Role, losing: Callable[[str], None]) -> Role:
    """A dated record as a row: its seat's days go in their columns; dated holders and
    lines cannot, and are written as of today (or of the seat's nearest day)."""
    if type(record.holder) is not tuple and type(record.reports_to) is not tuple:
        return record
    losing("dated holders and lines (written as of today)")
    today = org.today or date.today()
    day = max(record.start or today, min(today, record.end or today))
    return on_day(record, day) or record


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _merged_keys(org: OrgCore) -> list[str]:
    """Every meta key, each placed after the key it follows in the roles that have it.

    Rows of an import lack the keys of their empty cells; merging keeps the columns in the
    order of the file they came from rather than in the order they first have a value.

    Examples:
        >>> from orgroles import Org
        >>> _merged_keys(Org(roles=[{"id": "a", "meta": {"x": 1, "z": 1}},
        ...                         {"id": "b", "meta": {"y": 1, "z": 1}}]))
        ['x', 'y', 'z']
    """
    # A linked list of the keys: a new key goes before a known one in O(1), where a list
    # search and insert made an export of many roles with new keys quadratic.
    end = object()
    after: dict[object, object] = {end: end}  # the key after each key; after[end] is the first
    before: dict[object, object] = {end: end}

    def insert(keys: list[str], ahead_of: object) -> None:
        for key in keys:
            previous = before[ahead_of]
            after[previous], after[key] = key, ahead_of
            before[ahead_of], before[key] = key, previous

    for role in _rows(org):
        meta = role.meta
        if all(key in after for key in meta):
            continue
        pending: list[str] = []
        last: object = None  # the last known key of this role, after which new keys go
        for key in meta:
            if key not in after:
                pending.append(key)
                continue
            insert(pending, key)  # new keys go just before the known key they precede
            pending = []
            last = key
        insert(pending, end if last is None else after[last])
    out: list[str] = []
    at = after[end]
    while at is not end:
        out.append(str(at))
        at = after[at]
    return out


def to_csv(org: OrgCore, path: str | os.PathLike[str]) -> None:
    """Write the org as CSV, one row per role, atomically; `from_csv()` reads it back.

    The columns are `CSV_COLUMNS` (the holder's name and email, the first team's
    name as `department`), then one column per `meta` key. Roles, people, teams of
    members and text `meta` round-trip. What CSV cannot hold (dotted lines, job shares,
    responsibilities, ...) is left out with an `OrgExportWarning`
    that says what and how much.
    """
    atomic_write(path, csv_text(org))
