"""A reporting cycle is drawn from one of its roles, and the chart says so under its title."""

from __future__ import annotations

import re

import pytest

import orgroles
from orgroles.render import make_plan, render_svg

from tests.geometry import drawn_geometry

CYCLE = """\
name: Loop
roles:
  - {id: ceo, title: CEO}
  - {id: cto, title: CTO, reports_to: coo}
  - {id: coo, title: COO, reports_to: cfo}
  - {id: cfo, title: CFO, reports_to: cto}
  - {id: dev, title: Developer, reports_to: cto}
"""


def test_the_chart_names_the_cycle_and_where_it_is_cut() -> None:
    org = orgroles.loads(CYCLE)
    plan = make_plan(org)
    assert [(n.style, n.text) for n in plan.notes] == [
        (
            "alert",
            "⚠ Reporting cycle: cto → coo → cfo → cto (drawn from cto, the line from cto to "
            "coo left out)",
        )
    ]
    assert {b.role for b in plan.boxes} == {"ceo", "cto", "coo", "cfo", "dev"}
    svg = render_svg(org)
    assert "Reporting cycle: cto → coo → cfo → cto" in svg


def test_in_french() -> None:
    plan = make_plan(orgroles.loads(CYCLE), lang="fr")
    assert plan.notes[0].text.startswith("⚠ Cycle hiérarchique : cto → coo → cfo → cto")


@pytest.mark.parametrize("root", ["coo", "dev"])
def test_a_chart_from_a_role_on_or_under_the_cycle(root: str) -> None:
    plan = make_plan(orgroles.loads(CYCLE), root=root)
    notes = [n.text for n in plan.notes]
    if root == "coo":  # drawn from coo: cfo, cto and dev below it
        assert notes == [
            "⚠ Reporting cycle: coo → cfo → cto → coo (drawn from coo, the line from coo to "
            "cfo left out)"
        ]
    else:
        assert notes == []  # a developer's chart has no cycle in it


def test_an_org_without_cycles_has_no_note(scaleup: orgroles.Org) -> None:
    assert make_plan(scaleup).notes == ()


def test_a_long_cycle_is_shortened() -> None:
    roles = [orgroles.Role(id=f"r{k}", reports_to=f"r{(k + 1) % 12}") for k in range(12)]
    org = orgroles.Org(roles=roles)
    [note] = make_plan(org).notes
    assert note.text.startswith("⚠ Reporting cycle: r0 → r1 → r2 → r3 → r4 → r5 → r6 → r7 → …")


def test_the_lines_under_the_title_clear_the_boxes() -> None:
    # The note's baseline sat 1 px above the boxes: its descenders ran into them.
    svg = render_svg(orgroles.loads(CYCLE))
    boxes, _ = drawn_geometry(svg)
    top = min(y for _, y, _, _ in boxes.values())
    lines = re.findall(r'<text x="16" y="(\d+)" font-size="([\d.]+)"[^>]*>([^<]+)</text>', svg)
    (title,) = [int(y) for y, _, text in lines if text == "Loop"]
    (note,) = [(int(y), float(size)) for y, size, text in lines if "Reporting cycle" in text]
    baseline, size = note
    assert baseline + 0.3 * size + 4 <= top  # descenders and a gap above the boxes
    assert baseline - title >= 18  # a title line apart


def test_a_role_that_reports_to_itself_is_named_under_the_title() -> None:
    # HR exports often give the CEO as its own manager.
    org = orgroles.loads("roles:\n  - {id: ceo, reports_to: ceo}\n  - {id: cto, reports_to: ceo}\n")
    plan = make_plan(org)
    assert [(n.style, n.text) for n in plan.notes] == [
        ("alert", "⚠ ceo reports to itself (drawn at the top)")
    ]
    assert [plan.boxes[t].role for t in plan.tops] == ["ceo"]
    french = make_plan(org, lang="fr")
    assert [n.text for n in french.notes] == ["⚠ ceo se rend compte à lui-même (dessiné en haut)"]
    assert make_plan(org, root="cto").notes == ()  # not in that chart


def test_many_roles_that_report_to_themselves_are_one_line() -> None:
    org = orgroles.loads(
        "roles:\n" + "".join(f"  - {{id: r{k}, reports_to: r{k}}}\n" for k in range(12))
    )
    assert [n.text for n in make_plan(org).notes] == [
        "⚠ 12 roles report to themselves (drawn at the top): r0, r1, r2 and 9 more"
    ]
