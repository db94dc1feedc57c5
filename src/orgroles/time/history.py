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
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

from orgroles._internal.dates import day as as_day
from orgroles._internal.gc import gc_paused
from orgroles.model import Role, Tenure
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
T = TypeVar("T")


class Change(NamedTuple):
    """One change of one seat, in effect from `date` (its first day).

    `before` and `after` depend on the `kind`:

    - `seat-opened`: after is the seat on its first day (a plain `Role`, with
      its holders and manager of that day);
    - `seat-closed`: before is the seat on its last day;
    - `holder-in` / `holder-out`: after / before is the person's id;
    - `acting-start` / `acting-end`: the seat's interim flag, before and after;
    - `moved`: the manager's role id before and after (None: no manager).

    A named tuple: a million-seat history has millions of them.
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
    by_day: defaultdict[date, list[Change]] = defaultdict(list)
    with gc_paused():  # millions of changes, without cycles
        for record in org.records.values():
            maybe_dated = (
                record.start is not None
                or record.end is not None
                or type(record.reports_to) is tuple
                or type(record.holder) is tuple
            )
            if maybe_dated and not _sequential_changes(record, by_day):
                for change in _changes(record):  # a job share
                    by_day[change.date].append(change)
        return [change for day in sorted(by_day) for change in by_day[day]]


def change_days(org: OrgCore) -> list[date]:
    """The days on which a seat, holder or reporting line of `org` starts, or the day
    after one ends, in order: the days a view of the org may change."""
    days: set[date] = set()
    for record in org.records.values():
        if record.dated:
            days.update(boundaries(record))
    return sorted(days)


_MIN, _MAX = date.min, date.max
_make = tuple.__new__


def _sequential_changes(record: Role, by_day: defaultdict[date, list[Change]]) -> bool:
    """The changes of a record whose holders follow one another (at most one at a time:
    the common case), added to `by_day`; False, having added nothing, for any other
    record (a job share), which `_changes()` handles.

    The holders are walked once (`_walk_tenures()`, sorted by their first day first when
    they are not dated tenures in order), and so are the lines (which never overlap),
    instead of looking for the holder and the line of every boundary day.
    """
    holder = record.holder
    acting0 = record.acting
    first, final = record.start or _MIN, record.end or _MAX
    rid = record.id
    first_state: tuple[Any, bool]  # the holder and the interim flag
    final_state: tuple[Any, bool]  # on the seat's first and last days
    who: Any
    boss_first: str | None
    boss_final: str | None
    stamped = type(holder) is tuple
    if stamped:
        walked = _walk_tenures(holder, acting0, first, final, rid)  # type: ignore[arg-type]
        if walked is None:  # plain ids among them, or not in order: sorted by first day
            walked = _walk_tenures(_in_order(holder), acting0, first, final, rid)  # type: ignore[arg-type]
            if walked is None:
                return False  # two at once: a job share
            stamped = any(type(h) is not str for h in holder)  # type: ignore[union-attr]
        else:
            stamped = bool(holder)  # tenures only: the walk takes nothing else
        first_state, final_state, changes = walked
        day = None
        for change in changes:  # the changes of one day are together: one look-up
            if change[0] is not day:
                day = change[0]
                found = by_day[day]
            found.append(change)
    else:
        first_state = final_state = (holder, acting0)
    boss = record.reports_to
    if type(boss) is tuple:
        lines: list[tuple[date, date, str | None]] = sorted(
            (line.start or _MIN, line.end or _MAX, line.role) for line in boss
        )
        boss_first, boss_final, moved = _walk(lines, None, first, final)
        for day, before, after in moved:
            by_day[day].append(_make(Change, (day, "moved", rid, before, after)))
    else:
        assert boss is None or isinstance(boss, str)
        boss_first = boss_final = boss
    if first > _MIN:
        who, flag = first_state
        who = who if stamped else holder  # undated holders: the record's own
        seat = plain_copy(record, who, flag, boss_first, record.planned)
        by_day[first].append(_make(Change, (first, "seat-opened", rid, None, seat)))
    if final < _MAX:
        who, flag = final_state
        who = who if stamped else holder
        seat = plain_copy(record, who, flag, boss_final, record.planned)
        day = final + ONE_DAY
        by_day[day].append(_make(Change, (day, "seat-closed", rid, seat, None)))
    return True


def _walk_tenures(
    holder: tuple[str | Tenure, ...], acting0: bool, first: date, final: date, rid: str
) -> tuple[tuple[Any, bool], tuple[Any, bool], list[Change]] | None:
    """The holder changes of a seat whose holders are tenures listed in order, one after
    the other, in one pass over them: the holder and the interim flag on the seat's
    first and last days, and the changes in between, in order. None for any other list
    (a plain id in it, one not in order, two at once), which `_sequential_changes()`
    sorts (`_in_order()`) and walks again: then None means a job share.
    """
    changes: list[Change] = []
    add = changes.append
    person: str | None = None
    interim = acting0
    on_first: tuple[str | None, bool] | None = None
    on_final: tuple[str | None, bool] | None = None
    last: date | None = None  # the last day of the holder before
    done = False  # past the seat's last day: the other holders are only checked
    flip: ChangeKind
    for h in holder:
        if type(h) is not Tenure:
            return None
        start = h.start or _MIN
        if last is not None:
            if start <= last:
                return None  # not in order, or two at once
            if done:
                last = h.end or _MAX
                continue
            after = last + ONE_DAY
            here_now = (start, h.person, acting0 or h.acting)
            steps = (here_now,) if start == after else ((after, None, acting0), here_now)
        else:
            steps = ((start, h.person, acting0 or h.acting),)
        last = h.end or _MAX
        if done:
            continue
        for day, here, acting in steps:
            if day > first:
                if on_first is None:
                    on_first = (person, interim)
                if day > final:
                    on_final = (person, interim)
                    done = True
                    break
                if here != person:
                    if person is not None:
                        add(_make(Change, (day, "holder-out", rid, person, None)))
                    if here is not None:
                        add(_make(Change, (day, "holder-in", rid, None, here)))
                    if acting != interim:
                        flip = "acting-start" if acting else "acting-end"
                        add(_make(Change, (day, flip, rid, interim, acting)))
                elif acting != interim:
                    flip = "acting-start" if acting else "acting-end"
                    add(_make(Change, (day, flip, rid, interim, acting)))
            person, interim = here, acting
    if last is None:  # an empty list: nobody, ever
        return (None, acting0), (None, acting0), changes
    if not done and last < _MAX:  # nobody after the last holder
        day = last + ONE_DAY
        if day > first:
            if on_first is None:
                on_first = (person, interim)
            if day > final:
                on_final = (person, interim)
            else:
                if person is not None:
                    add(_make(Change, (day, "holder-out", rid, person, None)))
                if acting0 != interim:
                    flip = "acting-start" if acting0 else "acting-end"
                    add(_make(Change, (day, flip, rid, interim, acting0)))
        if on_final is None:
            person, interim = None, acting0
    return on_first or (person, interim), on_final or (person, interim), changes


def _in_order(holder: tuple[str | Tenure, ...]) -> list[Tenure]:
    """A seat's holders sorted by their first day, a plain id as a tenure with no dates
    (from the first day to the last)."""
    found = [Tenure(person=h) if type(h) is str else h for h in holder]
    return sorted(found, key=_first)  # type: ignore[arg-type]


def _first(tenure: Tenure) -> date:
    return tenure.start or _MIN


_UNSET: Any = object()


def _walk(
    segments: list[tuple[date, date, T]], empty: T, first: date, final: date
) -> tuple[T, T, list[tuple[date, T, T]]]:
    """A value over time, given by sorted segments that do not overlap (`empty` between
    them): its value on the days `first` and `final`, and its changes in between
    (each day in `(first, final]` on which it changes, with the old and new values)."""
    steps: list[tuple[date, T]] = []
    last = len(segments) - 1
    for k, (start, end, value) in enumerate(segments):
        steps.append((start, value))
        if end < _MAX:
            after = end + ONE_DAY
            if k == last or segments[k + 1][0] != after:  # else the next one starts then
                steps.append((after, empty))
    value = empty
    on_first = on_final = _UNSET
    changes: list[tuple[date, T, T]] = []
    for day, new in steps:
        if day > first:
            if on_first is _UNSET:
                on_first = value
            if day > final:
                on_final = value
                break
            if new != value:
                changes.append((day, value, new))
        value = new
    if on_first is _UNSET:
        on_first = value
    if on_final is _UNSET:
        on_final = value
    return on_first, on_final, changes


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
