"""The history of a dated org, and its replay onto the founding org (a property test)."""

from __future__ import annotations

import importlib
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

import orgroles
from orgroles.time import CHANGE_KINDS, Change, founding, history, replay

history_module = importlib.import_module("orgroles.time.history")  # (the package's
# `history` is the function)

DAY0 = date(2024, 1, 1)
FAR = date(2100, 1, 1)


def _day(n: int) -> str:
    return (DAY0 + timedelta(days=n)).isoformat()


@st.composite
def dated_orgs(draw: Any) -> orgroles.Org:
    """Small orgs whose seats, holders and lines have random days (lines never overlap)."""
    n = draw(st.integers(1, 6))
    ids = [f"r{i}" for i in range(n)]
    roles = []
    for i, rid in enumerate(ids):
        role: dict[str, Any] = {"id": rid}
        a, b = sorted(draw(st.lists(st.integers(0, 60), min_size=2, max_size=2)))
        if draw(st.booleans()):
            role["start"] = _day(a)
        if draw(st.booleans()):
            role["end"] = _day(b)
        holders: list[Any] = []
        for _ in range(draw(st.integers(0, 3))):
            person = draw(st.sampled_from(["ana", "bo", "cy", "dee"]))
            s, e = sorted(draw(st.lists(st.integers(0, 60), min_size=2, max_size=2)))
            item: dict[str, Any] = {"person": person}
            if draw(st.booleans()):
                item["start"] = _day(s)
            if draw(st.booleans()):
                item["end"] = _day(e)
            if draw(st.booleans()):
                item["acting"] = True
            holders.append(item if len(item) > 1 or draw(st.booleans()) else person)
        if holders:
            role["holder"] = holders
        if i and draw(st.booleans()):
            cuts: list[int] = []
            for cut in sorted(set(draw(st.lists(st.integers(1, 59), max_size=3)))):
                if not cuts or cut >= cuts[-1] + 3:
                    cuts.append(cut)
            lines, first = [], 0
            for k, cut in enumerate([*cuts, None]):
                line: dict[str, Any] = {"role": draw(st.sampled_from(ids))}
                if k:
                    line["start"] = _day(first)
                if cut is not None:
                    line["end"] = _day(cut - 1)
                    first = cut + draw(st.integers(0, 1))
                lines.append(line)
            role["reports_to"] = lines
        elif i:
            role["reports_to"] = draw(st.sampled_from(ids))
        roles.append(role)
    return orgroles.Org(roles=roles, people=[{"id": p} for p in ("ana", "bo", "cy", "dee")])


@settings(max_examples=100, deadline=None)
@given(dated_orgs(), st.integers(-2, 64))
def test_as_of_is_the_founding_org_with_the_history_up_to_that_day(
    org: orgroles.Org, offset: int
) -> None:
    """The founding org is the org before any change: ``org.as_of(date.min)``, the seats,
    holders and lines without a start. With "today" after every date (no planned seat),
    replaying the history up to any day gives that day's plain org."""
    day = DAY0 + timedelta(days=offset)
    note(org.dumps())
    changes = history(org)
    assert changes == sorted(changes, key=lambda c: c.date)
    rebuilt = replay(founding(org), changes, until=day)
    expected = org.as_of(day, today=FAR)
    assert dict(rebuilt.roles) == dict(expected.roles)
    assert rebuilt.people == expected.people


@settings(max_examples=40, deadline=None)
@given(dated_orgs(), st.integers(0, 64), st.integers(0, 64))
def test_a_planned_seat_is_the_seat_of_its_first_day(org: orgroles.Org, d: int, t: int) -> None:
    """On a day that is today or later, the view adds every seat that opens later, as it
    is on its first day, marked planned; a seat that opens after today is planned."""
    today = DAY0 + timedelta(days=t)
    day = max(today, DAY0 + timedelta(days=d))
    view = org.as_of(day, today=today)
    plain = org.as_of(day, today=FAR)
    for rid, record in org.records.items():
        start = record.start
        if start is not None and start > day:
            first = org.as_of(start, today=FAR).roles[rid]
            assert view.roles[rid] == orgroles.Role(**{**first.to_dict(), "planned": True})
        elif rid in plain:
            assert view.roles[rid].planned == (
                record.planned or (start is not None and start > today)
            )


def test_an_undated_org_has_no_history(scaleup: orgroles.Org) -> None:
    assert history(scaleup) == []
    assert replay(founding(scaleup), []) == scaleup


def test_changes_as_plain_data() -> None:
    org = orgroles.loads(
        "roles:\n  - {id: a, start: 2025-01-01, holder: ana}\n", today="2026-01-01"
    )
    (change,) = history(org)
    assert change.kind in CHANGE_KINDS
    assert change.to_dict() == {
        "date": "2025-01-01",
        "kind": "seat-opened",
        "role": "a",
        "before": None,
        "after": "a",
    }
    assert isinstance(change, Change)


@settings(max_examples=60, deadline=None)
@given(dated_orgs())
def test_dated_orgs_read_back_as_written(org: orgroles.Org) -> None:
    """load -> dump -> load gives the same records, in the author's order (YAML and JSON)."""
    for fmt in ("yaml", "json"):
        again = orgroles.loads(org.dumps(fmt), format=fmt, today=org.today)
        assert again == org
        assert list(again.records.values()) == list(org.records.values())
        assert dict(again.roles) == dict(org.roles)


@st.composite
def sequential_orgs(draw: Any) -> orgroles.Org:
    """Orgs whose seats have dated holders one after the other, in order (the fast path
    of `history()`), with gaps, touching tenures, interims, and seats that open after or
    close before some of their holders."""
    roles: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 5))):
        role: dict[str, Any] = {"id": f"r{i}"}
        if draw(st.booleans()):
            role["start"] = _day(draw(st.integers(0, 30)))
        if draw(st.booleans()):
            role["end"] = _day(draw(st.integers(30, 70)))
        if draw(st.booleans()):
            role["acting"] = True
        day, holders = draw(st.integers(-5, 20)), []
        for k in range(draw(st.integers(1, 4))):
            item: dict[str, Any] = {"person": draw(st.sampled_from(["ana", "bo", "cy"]))}
            if k or draw(st.booleans()):
                item["start"] = _day(day)
            length = draw(st.integers(0, 25))
            last = k == 3 or draw(st.booleans())
            if not last or draw(st.booleans()):
                item["end"] = _day(day + length)
            if draw(st.booleans()):
                item["acting"] = True
            holders.append(item)
            if "end" not in item:
                break
            day += length + draw(st.integers(1, 4))  # touching (1) or a gap
        role["holder"] = holders
        if i:
            role["reports_to"] = f"r{draw(st.integers(0, i - 1))}"
        roles.append(role)
    return orgroles.Org(roles=roles, people=[{"id": p} for p in ("ana", "bo", "cy")])


@settings(max_examples=200, deadline=None)
@given(st.one_of(dated_orgs(), sequential_orgs()))
def test_the_fast_paths_of_history_give_what_the_general_one_gives(org: orgroles.Org) -> None:
    """`history()` walks in-order dated holders in one pass, other holders that follow
    one another after a sort, and job shares day by day: each path gives the changes
    the next one would, in the same order."""
    note(org.dumps())
    fast = history(org)
    walk = history_module._walk_tenures
    with pytest.MonkeyPatch.context() as patch:
        # Every record sorted first: the walk refuses the holders as listed (a tuple),
        # and takes them sorted (a list, from _in_order).
        patch.setattr(
            history_module,
            "_walk_tenures",
            lambda holder, *rest: None if isinstance(holder, tuple) else walk(holder, *rest),
        )
        sorted_path = history(org)
        patch.setattr(history_module, "_sequential_changes", lambda record, by_day: False)
        general = history(org)
    assert fast == sorted_path == general
