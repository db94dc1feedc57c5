"""timeline(): per period and family, what metrics() says of the org on the period's last day."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

import orgroles
from orgroles.errors import MissingExtraError, OrgUsageError
from orgroles.time import timeline

from tests.helpers import EXAMPLES
from tests.time.test_history import DAY0, dated_orgs

TODAY = date(2026, 5, 15)


@pytest.fixture(scope="module")
def org() -> orgroles.Org:
    return orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY)


def _by_family(day: orgroles.Org, family: str) -> dict[str, Any]:
    """metrics() of the seats of one family, from the plain org of a day."""
    mine = [r for r in day if (day.family_of(r) or "(none)") == family]
    spans = [day.span()[r.id] for r in mine if day.span()[r.id] > 0]
    layers = [day.layers()[r.id] for r in mine]
    current = [r for r in mine if not r.planned]
    return {
        "headcount": len({p for r in current for p in r.holders}),
        "seats": len(current),
        "vacancies": sum(1 for r in current if r.vacant),
        "planned": sum(1 for r in mine if r.planned),
        "managers": len(spans),
        "layers": max((n for n in layers if n is not None), default=0),
        "median_span": float(pd.Series(spans).median()) if spans else 0.0,
    }


def test_every_row_is_the_metrics_of_the_plain_org_of_that_day(org: orgroles.Org) -> None:
    table = timeline(org, "quarter")
    periods = table.index.get_level_values("period").unique()
    assert str(periods[0]) == "2024Q1"
    assert str(periods[-1]) == "2026Q3"
    for key, row in table.to_dict("index").items():
        assert isinstance(key, tuple)
        period, family = key
        assert isinstance(period, pd.Period)
        assert isinstance(family, str)
        last = min(period.end_time.date(), date(2026, 8, 1))
        assert row == _by_family(org.as_of(last), family), (period, family)


def test_the_whole_org_per_period_is_the_metrics_of_that_day(org: orgroles.Org) -> None:
    table = timeline(org, "quarter", by_family=False)
    assert table.index.name == "period"
    assert list(table.columns) == [
        "headcount",
        "seats",
        "vacancies",
        "planned",
        "managers",
        "layers",
        "median_span",
    ]
    for period, row in table.to_dict("index").items():
        assert isinstance(period, pd.Period)
        day = org.as_of(min(period.end_time.date(), date(2026, 8, 1)))
        m = day.metrics()
        assert row == {
            "headcount": m["headcount"],
            "seats": m["roles"] - m["planned"],
            "vacancies": m["vacancies"],
            "planned": m["planned"],
            "managers": m["managers"],
            "layers": m["layers"],
            "median_span": float(m["median_span"]),
        }, period


def test_headcount_by_family_per_year(org: orgroles.Org) -> None:
    table = org.timeline("year")
    # The CTO and the CPO are in the executive family.
    assert _cell(table, "2024", "tech", "headcount") == 6  # lead-dev and dev-1 to dev-5
    assert _cell(table, "2025", "executive", "headcount") == 5  # ceo, cto, cpo, coo, cfo


def test_the_seats_of_next_quarter_are_planned(org: orgroles.Org) -> None:
    table = org.timeline("quarter", start="2026-04-01")
    assert _cell(table, "2026Q2", "tech", "planned") == 3  # dev-13, dev-14, ml-eng
    assert _cell(table, "2026Q3", "tech", "planned") == 3  # still after today
    assert _cell(table, "2026Q3", "sales", "vacancies") == 1  # ae-3, not ae-5


def _cell(table: pd.DataFrame, period: str, family: str, column: str) -> Any:
    return table.xs((pd.Period(period), family))[column]


def test_an_undated_org_gives_one_period(scaleup: orgroles.Org) -> None:
    table = scaleup.timeline("month")
    assert len(table.index.get_level_values("period").unique()) == 1
    assert table["seats"].sum() == len(scaleup)


def test_an_unknown_period_is_refused(org: orgroles.Org) -> None:
    with pytest.raises(OrgUsageError, match="unknown period 'week'"):
        org.timeline("week")


def test_without_pandas_it_says_which_extra_to_install(
    org: orgroles.Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if not installed
    with pytest.raises(MissingExtraError, match=r"orgroles\[analysis\]"):
        timeline(org)


@settings(max_examples=60, deadline=None)
@given(dated_orgs(), st.integers(0, 70), st.sampled_from(["month", "quarter"]))
def test_every_row_is_the_metrics_of_that_day_on_random_orgs(
    org: orgroles.Org, today: int, freq: str
) -> None:
    """The sweep over the periods (holders counted incrementally, depths level by level,
    people in several tenures counted once per family) says what metrics() says of each
    day's plain org: job shares, cycles, moves, closed managers and planned seats
    included."""
    note(org.dumps())
    day0 = DAY0 + timedelta(days=today)
    table = timeline(org.viewed(day0, today=day0), freq, start=DAY0, end=DAY0 + timedelta(days=75))
    for key, row in table.to_dict("index").items():
        assert isinstance(key, tuple)
        period, family = key
        last = min(period.end_time.date(), DAY0 + timedelta(days=75))
        assert row == _by_family(org.as_of(last, today=day0), family), (period, family)


def test_an_assistant_beside_the_deepest_manager_adds_no_layer_to_the_org() -> None:
    org = orgroles.loads(
        """
roles:
  - {id: ceo, kind: ceo, holder: ana, start: 2025-01-01}
  - {id: cfo, kind: cfo, holder: bo, reports_to: ceo, start: 2025-01-01}
  - {id: cfo-ea, kind: executive-assistant, holder: cy, reports_to: cfo, assistant: true,
     start: 2025-05-01}
""",
        today="2025-09-30",
    )
    whole = timeline(org, "quarter", end="2025-09-30", by_family=False)
    assert whole["layers"].tolist() == [2, 2, 2]
    assert org.metrics()["layers"] == 2
    # A family's layers stay those of its deepest seat, as `org.layers()` gives them.
    by_family = timeline(org, "quarter", start="2025-07-01", end="2025-09-30")
    assert by_family["layers"].to_dict() == {
        (pd.Period("2025Q3", "Q-DEC"), "executive"): 2,
        (pd.Period("2025Q3", "Q-DEC"), "operations"): 3,
    }
