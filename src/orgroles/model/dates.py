"""What a dated role record means on one day: the plain seat of that day, and the form checks.

A record is *dated* when its seat, one of its holders or one of its reporting lines has a
`start` or an `end` (see `Role.dated`). On a given day such a record stands for
a plain role: the holders whose tenure covers the day (a job share may overlap), interim
(`acting`) when one of them is, and the one line in force. A job share lists its
holders in order of arrival: of the start of each one's continuous presence (touching
tenures of one person count as one, so that an interim who is appointed keeps their
place). `state_on()` gives those parts without building a role, `plain_copy()`
builds the plain role fast (the parts are valid already), and `form_problems()` finds
what a loader must refuse: an `end` before its `start`, and reporting lines that
overlap. A record without dates is the same on every day.

Examples:
    >>> from orgroles.model import Role
    >>> cto = Role(id="cto", start="2024-01-15",
    ...            holder=[{"person": "camille", "end": "2025-06-30"},
    ...                    {"person": "ana", "start": "2025-07-01", "acting": True}],
    ...            reports_to=[{"role": "ceo", "end": "2026-02-28"},
    ...                        {"role": "coo", "start": "2026-03-01"}])
    >>> state_on(cto, date(2025, 1, 1))
    (('camille',), False, 'ceo')
    >>> on_day(cto, date(2026, 3, 1))
    Role(id='cto', holder='ana', acting=True, reports_to='coo')
    >>> on_day(cto, date(2020, 1, 1)) is None
    True
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from operator import attrgetter
from typing import Any

from orgroles.model.org import Line, Role, Tenure

__all__ = [
    "ONE_DAY",
    "State",
    "boundaries",
    "dated_positions",
    "exists_on",
    "form_problems",
    "holder_items",
    "malformed",
    "normal_holder",
    "on_day",
    "plain_copy",
    "plain_holder",
    "present",
    "state_on",
    "view",
]

ONE_DAY = timedelta(days=1)

State = tuple[tuple[str, ...], bool, "str | None"]
"""A seat's holders (in order of arrival), whether it is held by an interim, its manager."""


def _covers(start: date | None, end: date | None, day: date) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


def exists_on(record: Role, day: date) -> bool:
    """Whether the seat exists on `day` (its `start` and `end` cover it)."""
    return _covers(record.start, record.end, day)


Item = tuple[date, int, str, date, bool]
"""A holder of a record: its first day, its place in the list, the person, the last day,
whether it is an interim (a plain id holds from the first day to the last)."""

Run = tuple[date, int, str, date]
"""A person's continuous presence in a seat: touching or overlapping tenures merged."""


def holder_items(record: Role) -> tuple[list[Item], list[Run] | None] | None:
    """The holders of a record with a dated holder, sorted by first day then place, and
    each person's runs of presence in the same order (None when each person has one
    tenure: the runs are the items); None for any other record."""
    holder = record.holder
    if type(holder) is not tuple:
        return None
    items: list[Item] = []
    people: list[str] = []
    dated = False
    for n, h in enumerate(holder):
        if type(h) is str:
            items.append((date.min, n, h, date.max, False))
            people.append(h)
        else:
            assert isinstance(h, Tenure)
            dated = True
            items.append((h.start or date.min, n, h.person, h.end or date.max, h.acting))
            people.append(h.person)
    if not dated:
        return None
    items.sort()
    if len(set(people)) == len(people):
        return items, None
    last: dict[str, list[Any]] = {}
    runs: list[list[Any]] = []
    for start, n, person, end, _ in items:
        run = last.get(person)
        if run is not None and (run[3] == date.max or start <= run[3] + ONE_DAY):
            run[3] = max(run[3], end)
        else:
            last[person] = run = [start, n, person, end]
            runs.append(run)
    return items, [(run[0], run[1], run[2], run[3]) for run in runs]


def present(
    items: list[Item], runs: list[Run] | None, day: date, acting: bool
) -> tuple[tuple[str, ...], bool]:
    """The people in a seat on `day`, in order of arrival (of their present run, so that a
    holder whose interim becomes permanent keeps their place), and the interim flag."""
    if runs is None:  # one tenure per person: one pass (the common case)
        people = []
        for start, _, person, end, interim in items:
            if start <= day <= end:
                people.append(person)
                acting = acting or interim
        return tuple(people), acting
    here = tuple(run[2] for run in runs if run[0] <= day <= run[3])
    return here, acting or any(item[4] for item in items if item[0] <= day <= item[3])


def normal_holder(people: tuple[str, ...]) -> str | tuple[str, ...] | None:
    """A dated holder list's plain form: none, one id, or a list (a job share)."""
    if not people:
        return None
    return people[0] if len(people) == 1 else people


def state_on(record: Role, day: date) -> State:
    """The holders, the interim flag and the manager of a seat on `day`."""
    holder = record.holder
    acting = record.acting
    dated = holder_items(record) if isinstance(holder, tuple) else None
    if dated is not None:
        people, acting = present(*dated, day, acting)
    elif holder is None:
        people = ()
    else:
        people = (holder,) if isinstance(holder, str) else holder  # type: ignore[assignment]
    boss = record.reports_to
    if boss is not None and not isinstance(boss, str):
        boss = next((line.role for line in boss if _covers(line.start, line.end, day)), None)
    return people, acting, boss


def plain_holder(record: Role, people: tuple[str, ...]) -> str | tuple[str, ...] | None:
    """The `holder` a plain role writes for these people: the record's own when it has
    no dated holder, else none, one id, or a list (a job share)."""
    holder = record.holder
    if holder is None or isinstance(holder, str) or all(type(h) is str for h in holder):
        return holder  # type: ignore[return-value]
    return normal_holder(people)


_FIELDS = (
    "id",
    "title",
    "kind",
    "kind_from",
    "family",
    "seniority",
    "start",
    "end",
    "planned",
    "holder",
    "acting",
    "reports_to",
    "dotted_to",
    "assistant",
    "responsibilities",
    "drop",
    "noqa",
    "meta",
)
# Each slot's own setter (a frozen model's fields are written past its __setattr__, as
# object.__setattr__ does, without looking the name up each time).
(
    _id,
    _title,
    _kind,
    _kind_from,
    _family,
    _seniority,
    _start,
    _end,
    _planned,
    _holder,
    _acting,
    _reports_to,
    _dotted_to,
    _assistant,
    _responsibilities,
    _drop,
    _noqa,
    _meta,
) = (Role.__dict__[name].__set__ for name in _FIELDS)
_new = object.__new__


def plain_copy(
    record: Role,
    holder: str | tuple[str, ...] | None,
    acting: bool,
    reports_to: str | None,
    planned: bool,
) -> Role:
    """`record` without dates, with these holder, interim flag, manager and planned flag.

    The values come from a validated record, so the copy is made without validating them
    again: a million of them in about a second, where the validating constructor takes
    three. `tests/model/test_dates.py` checks that it equals the validated role.
    """
    role: Role = _new(Role)
    _id(role, record.id)
    _title(role, record.title)
    _kind(role, record.kind)
    _kind_from(role, record.kind_from)
    _family(role, record.family)
    _seniority(role, record.seniority)
    _start(role, None)
    _end(role, None)
    _planned(role, planned)
    _holder(role, holder)
    _acting(role, acting)
    _reports_to(role, reports_to)
    _dotted_to(role, record.dotted_to)
    _assistant(role, record.assistant)
    _responsibilities(role, record.responsibilities)
    _drop(role, record.drop)
    _noqa(role, record.noqa)
    _meta(role, record.meta)
    return role


def on_day(record: Role, day: date, *, planned: bool | None = None) -> Role | None:
    """The plain role a record stands for on `day`, or None if its seat does not exist.

    `planned` overrides the record's own flag.
    """
    if not exists_on(record, day):
        return None
    people, acting, boss = state_on(record, day)
    flag = record.planned if planned is None else planned
    return plain_copy(record, plain_holder(record, people), acting, boss, flag)


def boundaries(record: Role) -> list[date]:
    """The days on which the record's seat, holders or manager may change, in order: each
    `start`, and the day after each `end`."""
    days: set[date] = set()

    def add(start: date | None, end: date | None) -> None:
        if start is not None:
            days.add(start)
        if end is not None and end < date.max:
            days.add(end + ONE_DAY)

    add(record.start, record.end)
    holder = record.holder
    if isinstance(holder, tuple):
        for h in holder:
            if not isinstance(h, str):
                add(h.start, h.end)
    boss = record.reports_to
    if isinstance(boss, tuple):
        for line in boss:
            add(line.start, line.end)
    return sorted(days)


def form_problems(record: Role) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Where a dated record is malformed, and why: an `end` before its `start`, and
    reporting lines that overlap (a seat has one manager at a time). Each problem is the
    path inside the role (`("reports_to", 1, "start")`) and a message."""
    if record.start is not None and record.end is not None and record.end < record.start:
        yield ("end",), f"the seat ends ({record.end}) before it starts ({record.start})"
    holder = record.holder
    if isinstance(holder, tuple):
        for n, h in enumerate(holder):
            if isinstance(h, Tenure) and h.start and h.end and h.end < h.start:
                yield (
                    ("holder", n, "end"),
                    f"{h.person!r} leaves ({h.end}) before arriving ({h.start})",
                )
    boss = record.reports_to
    if isinstance(boss, tuple):
        yield from _line_problems(boss)


def _line_problems(lines: tuple[Line, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    bad = set()
    for n, line in enumerate(lines):
        if line.start and line.end and line.end < line.start:
            bad.add(n)
            yield (
                ("reports_to", n, "end"),
                f"the line to {line.role!r} ends ({line.end}) before it starts ({line.start})",
            )
    order = sorted(
        (n for n in range(len(lines)) if n not in bad),
        key=lambda n: (lines[n].start or date.min, n),
    )
    for before, after in itertools.pairwise(order):
        first, second = lines[before], lines[after]
        if first.end is None or (second.start or date.min) <= first.end:
            since = second.start or "the start"
            yield (
                ("reports_to", after),
                f"reporting lines overlap: the line to {second.role!r} starts ({since}) while "
                f"the line to {first.role!r} is in force ({_span(first)}); a seat has one "
                "manager at a time",
            )


def _span(line: Line) -> str:
    return f"{line.start or '...'} to {line.end or '...'}"


_DATED_FIELDS = (attrgetter("start"), attrgetter("end"))


def dated_positions(roles: tuple[Role, ...]) -> list[int]:
    """The positions of the dated records. The test of a role without any date runs in C
    (a few passes of `map`), so that an undated million-role file pays a few hundredths
    of a second for it."""
    if not roles:
        return []
    found = any(any(map(get, roles)) for get in _DATED_FIELDS)
    if not found and tuple in set(map(type, map(attrgetter("reports_to"), roles))):
        found = True
    if not found and tuple in set(map(type, map(attrgetter("holder"), roles))):
        found = any(r.dated for r in roles if type(r.holder) is tuple)
    if not found:
        return []
    return [
        i
        for i, r in enumerate(roles)
        if r.start is not None
        or r.end is not None
        or type(r.reports_to) is tuple
        or (type(r.holder) is tuple and r.dated)
    ]


def view(
    records: dict[str, Role], day: date, today: date, base: Mapping[str, Role] | None = None
) -> dict[str, Role]:
    """The plain roles of `day`, in file order: the seats that exist that day and, when
    `day` is `today` or later, the seats that open later, as planned seats with their
    holders and manager of their first day. A seat that opens after `today` is planned.
    A record without dates is shown as it is.

    `base`, another view of the same records, lends its roles: a seat that is the same
    on both days is the same object (roles are frozen), and is not built again.

    One pass, with the common cases inline (a few Python operations per record): a seat
    with at most one holder on the day needs no order of arrival; a job share falls back
    to `holder_items()` and `present()`.
    """
    out: dict[str, Role] = {}
    future = day >= today
    lent = base if base is not None else {}
    for rid, record in records.items():
        start = record.start
        end = record.end
        if end is not None and end < day:
            continue
        on = day
        if start is not None and start > day:
            if not future:
                continue
            on = start  # a planned seat, as on its first day
        holder = record.holder
        boss = record.reports_to
        acting = record.acting
        dated = start is not None or end is not None
        # The holders are read only for the seats shown (a past day shows few of them).
        if type(holder) is tuple:
            here = None
            count = 0
            stamped = False
            for h in holder:
                if isinstance(h, str):
                    count += 1
                    here = h
                    continue
                stamped = True
                s = h.start
                e = h.end
                if (s is None or s <= on) and (e is None or on <= e):
                    count += 1
                    here = h.person
                    if h.acting:
                        acting = True
            if stamped:
                dated = True
                if count < 2:
                    holder = here
                else:  # a job share: in order of arrival
                    items = holder_items(record)
                    assert items is not None
                    people, acting = present(*items, on, record.acting)
                    holder = normal_holder(people)
            else:
                acting = record.acting
        if type(boss) is tuple:
            dated = True
            found = None
            for line in boss:
                s = line.start
                e = line.end
                if (s is None or s <= on) and (e is None or on <= e):
                    found = line.role
                    break
            boss = found
        elif not dated:
            out[rid] = record
            continue
        planned = record.planned or (start is not None and start > today)
        old = lent.get(rid)
        if (
            old is not None
            and old.holder == holder
            and old.acting == acting
            and old.reports_to == boss
            and old.planned == planned
        ):
            out[rid] = old
            continue
        out[rid] = plain_copy(record, holder, acting, boss, planned)  # type: ignore[arg-type]
    return out


def malformed(record: Role) -> bool:
    """Whether `form_problems()` may find something in a record (a fast test: the
    dates of the seat and of each holder, and any record with several lines)."""
    s, e = record.start, record.end
    if s is not None and e is not None and e < s:
        return True
    holder = record.holder
    if type(holder) is tuple:
        for h in holder:
            if not isinstance(h, str):
                s, e = h.start, h.end
                if s is not None and e is not None and e < s:
                    return True
    boss = record.reports_to
    if type(boss) is not tuple or not boss:
        return False
    if len(boss) > 1:
        return True  # they may overlap
    line = boss[0]
    return line.start is not None and line.end is not None and line.end < line.start
