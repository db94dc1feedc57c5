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


def test_to_frame_has_the_seats_days_as_dates() -> None:
    # An HR export's hire and termination dates: an analyst's tenure, by department.
    org = orgroles.from_records(
        [
            {"id": "1", "Title": "CEO", "Hired": "2019-03-01"},
            {"id": "2", "Title": "CTO", "Boss": "1", "Hired": "2021-06-15"},
            {"id": "3", "Title": "Developer", "Boss": "2", "Left": "2030-01-31"},
        ],
        id_col="id",
        title_col="Title",
        manager_col="Boss",
        start_col="Hired",
        end_col="Left",
    )
    pd = pytest.importorskip("pandas")
    frame = org.to_frame()
    assert str(frame["start"].dtype).startswith("datetime64")
    assert frame.loc["2", "start"] == pd.Timestamp("2021-06-15")
    assert frame.loc["3", "end"] == pd.Timestamp("2030-01-31")
    assert frame.isna().loc["3", "start"]
    assert frame.isna().loc["2", "end"]
    assert frame["start"].diff().dt.days.tolist()[1] == 837  # tenure arithmetic works


def test_to_frame_of_an_org_without_days_is_as_before(tiny: orgroles.Org) -> None:
    # No seat has a day: no start and end columns of NaT (the frame of a file without
    # dates is what it was before dates existed).
    pytest.importorskip("pandas")
    assert "start" not in tiny.to_frame().columns
    assert "end" not in tiny.to_frame().columns


def test_to_frame_meta_gives_the_exports_other_columns_typed() -> None:
    org = orgroles.from_records(
        [
            {"id": "1", "Title": "CEO", "Site": "Austin", "Salary": "210000", "FTE": "1.0"},
            {"id": "2", "Title": "CTO", "Boss": "1", "Site": "Austin", "Salary": "190000"},
            {"id": "3", "Title": "Developer", "Boss": "2", "Site": "Remote", "FTE": "0.5"},
            {"id": "4", "Title": "Developer", "Boss": "2", "Cost Centre": "0042"},
        ],
        id_col="id",
        title_col="Title",
        manager_col="Boss",
    )
    assert "Site" not in org.to_frame().columns  # only when asked
    frame = org.to_frame(meta=True)
    assert list(frame.columns[-4:]) == ["Site", "Salary", "FTE", "Cost Centre"]
    assert frame.groupby("Site")["Salary"].sum().to_dict() == {"Austin": 400000, "Remote": 0}
    assert str(frame["Salary"].dtype) == "Int64"
    assert frame["Salary"].isna().sum() == 2
    assert frame["FTE"].dtype == float
    assert frame["FTE"].sum() == 1.5
    assert frame.loc["4", "Cost Centre"] == "0042"  # a code keeps its zeros
    assert list(org.to_frame(meta=("Site",)).columns[-1:]) == ["Site"]
    assert list(org.to_frame(meta="Site").columns[-2:]) == ["responsibilities", "Site"]  # one key


def test_to_frame_meta_days_are_dates_as_start_is() -> None:
    org = orgroles.Org(
        roles=[{"id": "a", "meta": {"Review": "2024-03-01"}}, {"id": "b", "meta": {"Review": ""}}]
    )
    frame = org.to_frame(meta=True)
    assert str(frame["Review"].dtype) == "datetime64[s]"  # as start and end are
    assert str(frame.loc["a", "Review"]) == "2024-03-01 00:00:00"
    assert frame["Review"].isna().tolist() == [False, True]


def test_to_frame_meta_key_named_as_a_column_is_prefixed() -> None:
    org = orgroles.Org(roles=[{"id": "a", "meta": {"team": "Blue", "grade": 7}}])
    frame = org.to_frame(meta=True)
    assert frame.loc["a", "meta.team"] == "Blue"
    assert frame.loc["a", "team"] == "a"
    assert frame["grade"].tolist() == [7]


def test_an_assistant_without_reports_adds_no_layer() -> None:
    org = orgroles.loads(
        """
roles:
  - {id: ceo, kind: ceo}
  - {id: ea, kind: executive-assistant, reports_to: ceo, assistant: true}
  - {id: cfo, kind: cfo, reports_to: ceo}
  - {id: cfo-ea, kind: executive-assistant, reports_to: cfo, assistant: true}
  - {id: cto, kind: cto, reports_to: ceo}
"""
    )
    # The assistant keeps its place in the chain (layer 3), beside the CFO on the chart,
    # but the org has the two layers of its managers, as its spans say.
    assert org.layers()["cfo-ea"] == 3
    m = org.metrics()
    assert (m["layers"], m["managers"], m["max_span"]) == (2, 1, 2)
    # An assistant with a report of its own is a layer.
    org.add_role({"id": "clerk", "title": "Clerk", "reports_to": "cfo-ea"})
    assert org.metrics()["layers"] == 4
