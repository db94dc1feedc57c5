"""A planned seat is drawn dotted with the month it opens, in every format, never as a
vacancy; a vacancy keeps its own dashed look."""

from __future__ import annotations

import pytest

import orgroles
from orgroles.render.charts import draw
from orgroles.render.html import PLANNED, VACANT, page_data
from orgroles.render.options import ChartOptions
from orgroles.render.plan import make_plan

ORG = """\
roles:
  - {id: ceo, kind: ceo, holder: ana}
  - {id: dev-1, kind: developer, reports_to: ceo}
  - {id: dev-2, kind: developer, reports_to: ceo, start: 2027-01-04}
  - {id: dev-3, kind: developer, reports_to: ceo, start: 2027-02-01, holder: bo}
"""


@pytest.fixture
def org() -> orgroles.Org:
    return orgroles.loads(ORG, today="2026-06-01")


def test_the_boxes_of_planned_seats(org: orgroles.Org) -> None:
    boxes = {b.role: b for b in make_plan(org, ChartOptions()).boxes}
    assert (boxes["dev-1"].vacant, boxes["dev-1"].planned) == (True, False)
    assert (boxes["dev-2"].vacant, boxes["dev-2"].planned) == (False, True)
    assert [line.text for line in boxes["dev-2"].lines] == ["Developer", "planned from 2027-01"]
    assert [line.text for line in boxes["dev-3"].lines][-2:] == ["bo", "planned from 2027-02"]


def test_in_french(org: orgroles.Org) -> None:
    boxes = {b.role: b for b in make_plan(org, ChartOptions(lang="fr")).boxes}
    marks = " ".join(line.text for line in boxes["dev-2"].lines if line.style == "mark")
    assert marks == "prévu à partir de 2027-01"  # on two lines if the box is narrow, never cut
    assert boxes["dev-1"].lines[-1].text == "poste vacant"


def test_a_planned_seat_set_by_hand_has_no_month() -> None:
    org = orgroles.loads("roles:\n  - {id: dev, kind: developer, planned: true}\n")
    (box,) = make_plan(org, ChartOptions()).boxes
    assert box.lines[-1].text == "planned"


@pytest.mark.parametrize(
    ("fmt", "planned", "vacant"),
    [
        ("svg", 'class="role planned', 'class="role vacant'),
        ("dot", "rounded,filled,dotted", "rounded,filled,dashed"),
        ("mermaid", "classDef planned stroke-dasharray:1 4", "classDef vacant"),
    ],
)
def test_each_format_draws_them_apart(
    org: orgroles.Org, fmt: str, planned: str, vacant: str
) -> None:
    text = draw(org, fmt, engine="builtin").data.decode("utf-8")
    assert text.count(planned) == (1 if fmt == "mermaid" else 2)
    assert vacant in text


def test_the_explorer_flags_them(org: orgroles.Org) -> None:
    plan = make_plan(org, ChartOptions())
    chart, _ = page_data(org, plan)
    flags = dict(zip(chart["ids"], chart["flags"], strict=True))
    assert flags["dev-2"] & PLANNED
    assert not flags["dev-2"] & VACANT
    assert flags["dev-1"] & VACANT
    assert not flags["dev-1"] & PLANNED


def test_an_undated_org_draws_as_before(scaleup: orgroles.Org) -> None:
    assert not any(b.planned for b in make_plan(scaleup, ChartOptions()).boxes)
