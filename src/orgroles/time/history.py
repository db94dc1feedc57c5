"""The history of a dated org: the changes its dates make, day by day, and their replay.

Each dated record changes on a few days only (`boundaries()`:
each `start`, and the day after each `end`). `history()` compares the seat on the
day before each of those days with the seat on that day, and lists what differs as
`Change` items. `founding()` is the org before any change, and `replay()`
applies changes to it: `replay(founding(org), history(org), until=d)` has the same roles
as `org.as_of(d)` for every past day `d` (a test checks it on random orgs).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from orgroles._internal.dates import day as as_day
from orgroles.model import Role
from orgroles.model.dates import (
    ONE_DAY,
    State,
    boundaries,
    holder_items,
    normal_holder,
    on_day,
    plain_copy,
    plain_holder,
    present,
)

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = [
    "CHANGE_KINDS",
    "Change",
    "ChangeKind",
    "change_days",
    "founding",
    "history",
    "replay",
]

ChangeKind = Literal[
    "seat-opened",
    "seat-closed",
    "holder-in",
    "holder-out",
    "acting-start",
    "acting-end",
    "moved",
]
CHANGE_KINDS: tuple[ChangeKind, ...] = (
    "seat-opened",
    "seat-closed",
    "holder-in",
    "holder-out",
    "acting-start",
    "acting-end",
    "moved",
)

OrgT = TypeVar("OrgT", bound="OrgCore")


@dataclass(frozen=True, slots=True)
class Change:
    """One change of one seat, in effect from `date` (its first day).

    `before` and `after` depend on the `kind`:

    - `seat-opened`: after is the seat on its first day (a plain `Role`, with
      its holders and manager of that day);
    - `seat-closed`: before is the seat on its last day;
    - `holder-in` / `holder-out`: after / before is the person's id;
    - `acting-start` / `acting-end`: the seat's interim flag, before and after;
    - `moved`: the manager's role id before and after (None: no manager).
    """

    date: date
    kind: ChangeKind
    role: str
    before: Any = None
    after: Any = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON and CSV: the date as `YYYY-MM-DD`, a role by its id."""

        def plain(value: Any) -> Any:
            return value.id if isinstance(value, Role) else value

        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            "role": self.role,
            "before": plain(self.before),
            "after": plain(self.after),
        }


def history(org: OrgCore) -> list[Change]:
    """Every change the dates of `org` make, in date order (then file order).

    An undated org has none. O(N log N) in the number of dated items.

    Examples:
        >>> import orgroles
        >>> org = orgroles.loads('''
        ... roles:
        ...   - {id: ceo, holder: ana}
        ...   - id: cto
        ...     start: 2025-01-01
        ...     holder: [{person: bo, end: 2025-06-30}, {person: cy, start: 2025-07-01, acting: true}]
        ...     reports_to: ceo
        ... ''')
        >>> for change in history(org):
        ...     print(change.date, change.kind, change.role, change.before, change.after)
        2025-01-01 seat-opened cto None Role(id='cto', holder='bo', reports_to='ceo')
        2025-07-01 holder-out cto bo None
        2025-07-01 holder-in cto None cy
        2025-07-01 acting-start cto False True
    """  # noqa: E501
    by_day: dict[date, list[Change]] = {}
    for record in org.records.values():
        if not record.dated:
            continue
        for change in _changes(record):
            found = by_day.get(change.date)
            if found is None:
                by_day[change.date] = [change]
            else:
                found.append(change)
    return [change for day in sorted(by_day) for change in by_day[day]]


def change_days(org: OrgCore) -> list[date]:
    """The days on which a seat, holder or reporting line of `org` starts, or the day
    after one ends, in order: the days a view of the org may change."""
    days: set[date] = set()
    for record in org.records.values():
        if record.dated:
            days.update(boundaries(record))
    return sorted(days)


def _changes(record: Role) -> list[Change]:
    """The changes of one record: the seat on the day before each boundary, compared with
    the seat on that day (what `state_on()` says, computed here
    with the record's items sorted once)."""
    days = boundaries(record)
    if not days:
        return []
    state = _states(record)
    rid = record.id
    out: list[Change] = []
    first, last = record.start or date.min, record.end or date.max
    before = _before(days[0])
    was = first <= before <= last
    old = state(before)
    for day in days:
        now = first <= day <= last
        new = state(day)
        if now and not was:
            seat = plain_copy(record, plain_holder(record, new[0]), new[1], new[2], record.planned)
            out.append(Change(day, "seat-opened", rid, None, seat))
        elif was and not now:
            out.append(Change(day, "seat-closed", rid, on_day(record, day - ONE_DAY), None))
        elif now and new != old:
            old_people, old_acting, old_boss = old
            people, acting, boss = new
            if people != old_people:
                for pid in old_people:
                    if pid not in people:
                        out.append(Change(day, "holder-out", rid, pid, None))
                for pid in people:
                    if pid not in old_people:
                        out.append(Change(day, "holder-in", rid, None, pid))
            if acting != old_acting:
                kind: ChangeKind = "acting-start" if acting else "acting-end"
                out.append(Change(day, kind, rid, old_acting, acting))
            if boss != old_boss:
                out.append(Change(day, "moved", rid, old_boss, boss))
        was, old = now, new
    return out


def _states(record: Role) -> Callable[[date], State]:
    """`state_on(record, day)` as a function of the day, for many days of one record."""
    acting = record.acting
    people: tuple[str, ...] = record.holders
    dated = holder_items(record)
    boss = record.reports_to
    lines = [
        (line.start or date.min, line.end or date.max, line.role)
        for line in (boss if isinstance(boss, tuple) else ())
    ]
    plain_boss = boss if isinstance(boss, str) else None

    def state(day: date) -> State:
        here, interim = present(*dated, day, acting) if dated is not None else (people, acting)
        manager = next((r for s, e, r in lines if s <= day <= e), None) if lines else plain_boss
        return here, interim, manager

    return state


def _before(day: date) -> date:
    return day - ONE_DAY if day > date.min else day


def founding(org: OrgT) -> OrgT:
    """The org before any dated change: the seats without a `start`, with the holders
    and the manager that have none (the org as of the first day of year 1, which has no
    planned seats). An undated org is its own founding org (a copy)."""
    return org.as_of(date.min, today=date.max)


def replay(org: OrgT, changes: Iterable[Change], *, until: date | str | None = None) -> OrgT:
    """A copy of the plain `org` with `changes` applied in order, up to `until`
    (inclusive; all of them by default). Opened seats go at the end."""
    out = org.copy()
    last = as_day(until) if until is not None else None
    for change in changes:
        if last is not None and change.date > last:
            break
        rid = change.role
        if change.kind == "seat-opened":
            out.put_role(change.after)
        elif change.kind == "seat-closed":
            out.pop_role(rid)
        else:
            out.put_role(_applied(out.roles[rid], change))
    return out


def _applied(role: Role, change: Change) -> Role:
    people = role.holders  # a plain role: its holder, as a tuple
    holder = people if isinstance(role.holder, tuple) else role.holder
    if change.kind == "holder-in":
        holder = normal_holder((*people, change.after))
    elif change.kind == "holder-out":
        holder = normal_holder(tuple(p for p in people if p != change.before))
    if change.kind in ("acting-start", "acting-end"):
        return dataclasses.replace(role, acting=change.after)
    boss = change.after if change.kind == "moved" else role.reports_to
    assert boss is None or isinstance(boss, str)
    return plain_copy(role, holder, role.acting, boss, role.planned)
