"""A dated org keeps its records and shows one day: views, planned seats, copies, edits."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import orgroles
from orgroles.errors import EditError, OrgUsageError, OrgValidationError

from tests.helpers import EXAMPLES, SCALEUP

DATED = """\
roles:
  - {id: ceo, holder: ana}
  - id: cto
    start: 2025-01-01
    holder: [{person: bo, end: 2025-12-31}, {person: cy, start: 2026-01-01, acting: true}]
    reports_to: ceo
  - {id: dev-9, start: 2026-09-01, holder: dee, reports_to: cto}
  - {id: old, end: 2024-12-31, reports_to: ceo}
"""
TODAY = date(2026, 5, 15)


def load(**days: object) -> orgroles.Org:
    return orgroles.loads(DATED, today=TODAY, **days)  # type: ignore[arg-type]


def test_a_dated_org_shows_today_and_keeps_its_records() -> None:
    org = load()
    assert org.dated
    assert org.view_date == TODAY
    assert org.today == TODAY
    assert list(org.roles) == ["ceo", "cto", "dev-9"]
    assert org.roles["cto"].holder == "cy"
    assert org.roles["cto"].acting
    assert org.roles["dev-9"].planned
    assert org.roles["dev-9"].holder == "dee"
    assert list(org.records) == ["ceo", "cto", "dev-9", "old"]
    assert org.dumps() == orgroles.loads(org.dumps(), today=TODAY).dumps()
    assert orgroles.loads(org.dumps(), today=TODAY) == org


def test_a_past_view_shows_what_existed_then_and_no_planned_seat() -> None:
    past = load().as_of("2024-06-01")
    assert not past.dated
    assert [(r.id, r.planned) for r in past] == [("ceo", False), ("old", False)]
    later = load().as_of("2025-06-01")
    assert later.roles["cto"].holder == "bo"


def test_a_view_of_a_later_day_marks_the_seats_that_open_after_today() -> None:
    org = load(as_of="2026-10-01")
    assert org.roles["dev-9"].planned  # it exists that day, but opens after today
    assert org.as_of("2026-10-01", today="2026-12-01").roles["dev-9"].planned is False


def test_as_of_is_plain_and_editable_while_the_dated_org_refuses_edits() -> None:
    org = load()
    with pytest.raises(EditError, match=r"edit org\.as_of\(day\)"):
        org.move("dev-9", "ceo")
    plain = org.as_of(TODAY)
    plain.move("dev-9", "ceo")
    assert plain.roles["dev-9"].reports_to == "ceo"
    assert "start" not in plain.dumps()


def test_copies_and_views_keep_the_day_and_the_lines_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(DATED, encoding="utf-8")
    org = orgroles.load(path, today=TODAY)
    assert org.copy().view_date == TODAY
    other = org.viewed("2025-03-01")
    assert other.view_date == date(2025, 3, 1)
    assert other.records == org.records
    located = org.as_of("2025-03-01").location_of("cto")
    assert located is not None
    assert located.line == 3


def test_a_bad_day_is_a_usage_error() -> None:
    with pytest.raises(OrgUsageError, match="not a day"):
        load().as_of("next week")


@pytest.mark.parametrize("path", [SCALEUP, EXAMPLES / "three_person_tech_team.yaml"])
def test_an_undated_org_is_the_same_every_day_and_as_before(path: Path) -> None:
    org = orgroles.load(path)
    assert not org.dated
    assert org.view_date is None
    assert org.records == org.roles
    assert org.as_of("1999-01-01") == org
    assert not any(r.planned for r in org)


def test_loads_says_what_it_reads_when_given_data_already_parsed() -> None:
    # It raised AttributeError ('dict' object has no attribute ...) from inside.
    with pytest.raises(TypeError, match=r"reads str or bytes, not dict: .* Org\(\*\*data\)"):
        orgroles.loads({"roles": []})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"reads str or bytes, not NoneType$"):
        orgroles.loads(None)  # type: ignore[arg-type]


def test_org_from_python_data_is_validated_as_a_file_is() -> None:
    # Org(**data) raised TypeError for "$schema" (a key of the file) and for None, and
    # ValueError for a meta that is no mapping; a string `uses` was read letter by letter.
    text = '{"$schema": "org.schema.json", "roles": [{"id": "ceo"}], "people": null, "meta": 1}'
    with pytest.raises(orgroles.OrgFileError) as loaded:
        orgroles.loads(text)
    with pytest.raises(OrgValidationError) as built:
        orgroles.Org(**json.loads(text))
    assert sorted(p.message for p in built.value.problems) == sorted(
        p.message for p in loaded.value.problems
    )
    assert sorted(p.where for p in built.value.problems) == ["meta", "people"]
    with pytest.raises(OrgValidationError, match=r"^meta: expected a mapping, got 'x'$"):
        orgroles.Org(roles=[{"id": "ceo"}], meta="x")  # type: ignore[arg-type]
    with pytest.raises(OrgValidationError, match=r"^uses: expected a list, got 'builtin'$"):
        orgroles.Org(uses="builtin")
    with pytest.raises(OrgValidationError, match=r"rolez: unknown key 'rolez'"):
        orgroles.Org(rolez=[])
    data: dict[str, Any] = {"$schema": "org.schema.json", "roles": ({"id": r} for r in "ab")}
    org = orgroles.Org(**data)
    assert orgroles.loads(org.dumps()) == org
    assert org.dumps("json").startswith('{\n  "$schema": "org.schema.json"')


def test_a_bad_day_is_refused_by_an_undated_org_too() -> None:
    # An undated org returned its copy for any "day": '01/03/2026' went unnoticed.
    org = orgroles.load(EXAMPLES / "three_person_tech_team.yaml")
    with pytest.raises(OrgUsageError, match=r"not a day: '01/03/2026' \(write it YYYY-MM-DD\)"):
        org.as_of("01/03/2026")
    with pytest.raises(OrgUsageError, match="not a day"):
        org.as_of("2026-03-01", today="tomorrow")
