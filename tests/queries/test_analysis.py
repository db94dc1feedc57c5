"""Metrics and pandas tables."""

from __future__ import annotations

import sys

import pytest

import orgroles
from orgroles.analysis import MissingExtraError


def test_metrics(scaleup: orgroles.Org) -> None:
    m = scaleup.metrics()
    assert m == {
        "roles": 20,
        "headcount": 19,
        "people": 19,
        "vacancies": 1,
        "planned": 0,
        "acting": 1,
        "assistants": 1,
        "tops": 1,
        "dangling_managers": 0,
        "layers": 5,
        "managers": 7,
        "median_span": 2,
        "mean_span": 2.57,
        "max_span": 4,
        "managers_with_one_report": 0,
        "teams": 3,
    }


def test_to_frame(scaleup: orgroles.Org) -> None:
    frame = scaleup.to_frame()
    assert len(frame) == 20
    assert frame.index.name == "id"
    row = frame.loc["po-apps"]
    assert row["holders"] == "Bruno Costa"
    assert bool(row["acting"])
    assert row["manager"] == "lead-apps"
    assert row["layer"] == 4
    assert row["team"] == "apps"
    assert frame.isna().loc["dev-apps-3", "holders"]
    assert frame.isna().loc["ceo", "manager"]
    # 19 roles report to someone; the assistant does not count toward a span.
    assert frame["span"].sum() == 18
    french = scaleup.to_frame(lang="fr")
    assert french.loc["cto", "title"] == "Directeur technique"


def test_to_frame_team_of_roles_without_declared_teams(tiny: orgroles.Org) -> None:
    assert tiny.to_frame()["team"].to_dict() == {
        "ceo": "ceo",
        "cto": "ceo",
        "dev-1": "cto",
        "dev-2": "cto",
    }


def test_responsibility_matrix(tiny: orgroles.Org) -> None:
    matrix = tiny.responsibility_matrix()
    assert matrix.loc["cto", "hands-on-coding"]
    assert not matrix.loc["ceo", "hands-on-coding"]
    assert int(matrix["hands-on-coding"].sum()) == 3
    assert list(matrix.columns[:3]) == [
        "assess-technology-needs",
        "define-technical-strategy",
        "technical-audit",
    ]


def test_a_clear_error_without_pandas(tiny: orgroles.Org, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'orgroles\[analysis\]'"):
        tiny.to_frame()
    assert tiny.metrics()["roles"] == 4  # metrics need no pandas
