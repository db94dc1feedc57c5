"""Change charts: the new org with what changed since an old one marked (new seats, removed
seats as ghosts, moves with their old line dashed, new holders) and a legend of the kinds
of change present, in SVG, PNG, PDF, PowerPoint and the explorer."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from pptx import Presentation

import orgroles
from orgroles.render import ChartOptions, draw, make_plan, render_bytes
from orgroles.render.arrange import arrange
from orgroles.render.changes import Changes, changes_of, with_changes
from orgroles.render.html import CHANGE_FLAGS, page_data
from orgroles.render.paint import CHANGE_COLORS, GHOST_FILL

from tests.geometry import box_rects, overlapping

SVG = {"svg": "http://www.w3.org/2000/svg"}
PEOPLE = """\
people:
  - {id: ana, name: Ana Lima}
  - {id: bo, name: Bo Berg}
  - {id: cy, name: Cy Chen}
  - {id: di, name: Di Dean}
  - {id: ed, name: Ed Eze}
  - {id: fa, name: Fa Fox}
  - {id: gi, name: Gi Gold}
"""
OLD = (
    PEOPLE
    + """\
roles:
  - {id: ceo, kind: ceo, holder: ana}
  - {id: cto, kind: cto, holder: bo, reports_to: ceo}
  - {id: cpo, kind: cpo, holder: cy, reports_to: ceo}
  - {id: po, kind: product-owner, holder: di, reports_to: cto}
  - {id: dev-1, kind: developer, holder: ed, reports_to: cto}
  - {id: office, kind: office-manager, holder: fa, reports_to: ceo}
"""
)
NEW = (
    PEOPLE
    + """\
roles:
  - {id: ceo, kind: ceo, holder: ana}
  - {id: cto, kind: cto, holder: bo, reports_to: ceo}
  - {id: cpo, kind: cpo, holder: cy, reports_to: ceo}
  - {id: po, kind: product-owner, holder: di, reports_to: cpo}
  - {id: dev-1, kind: developer, holder: gi, reports_to: cto}
  - {id: dev-2, kind: developer, reports_to: cto}
"""
)
KINDS = {"dev-2": ("added",), "office": ("removed",), "po": ("moved",), "dev-1": ("restaffed",)}


@pytest.fixture
def old() -> orgroles.Org:
    return orgroles.loads(OLD)


@pytest.fixture
def new() -> orgroles.Org:
    return orgroles.loads(NEW)


def _svg(data: bytes) -> tuple[ET.Element, dict[str, ET.Element]]:
    """The SVG document, and the group of each role's box by role id (from its tooltip)."""
    root = ET.fromstring(data)
    by_role = {}
    for g in root.iterfind(".//svg:g[@class]", SVG):
        title = g.find("svg:title", SVG)
        if title is not None and title.text and title.text.endswith(")"):
            by_role[title.text.rsplit("(", 1)[1][:-1]] = g
    return root, by_role


def test_the_plan_marks_each_change(old: orgroles.Org, new: orgroles.Org) -> None:
    plan = make_plan(new, diff=old)
    boxes = {b.role: b for b in plan.boxes}
    assert {r: b.change for r, b in boxes.items() if b.change} == KINDS
    assert boxes["office"].parent == boxes["ceo"].id  # the ghost under its old manager
    marks = {r: [x.text for x in b.lines if x.style == "mark"] for r, b in boxes.items()}
    assert marks["dev-2"] == ["new seat"]
    assert marks["office"] == ["removed seat"]
    assert " ".join(marks["po"]) == "moved, was under Chief Technical Officer"
    assert " ".join(marks["dev-1"]) == "new holder, was Ed Eze"
    assert plan.moves == [(boxes["cto"].id, boxes["po"].id)]
    assert boxes["po"].parent == boxes["cpo"].id  # drawn under its new manager
    assert [kind for _, kind in plan.changes] == ["added", "removed", "moved", "restaffed"]
    assert plan.changes[0][0] == "new seats (1)"
    assert plan.shown == 7  # the ghost is drawn too


def test_the_legend_lists_only_the_kinds_present(new: orgroles.Org) -> None:
    old = new.copy()
    old.remove_role("dev-2")
    plan = make_plan(new, diff=old)
    assert plan.changes == (("new seats (1)", "added"),)
    assert plan.moves == []
    assert make_plan(new, diff=old, legend=False).changes == ()


def test_in_french(old: orgroles.Org, new: orgroles.Org) -> None:
    plan = make_plan(new, diff=old, lang="fr")
    assert [label for label, _ in plan.changes] == [
        "nouveaux postes (1)",
        "postes supprimés (1)",
        "postes déplacés (1) · ancien lien en tirets",
        "changements de titulaire (1)",
    ]


def test_a_change_chart_of_an_unchanged_org_is_the_plain_chart(new: orgroles.Org) -> None:
    for fmt in ("svg", "mermaid", "dot"):
        assert draw(new, fmt, diff=new.copy()).data == draw(new, fmt).data


def test_a_seat_that_lost_its_holder_and_a_ghost_whose_manager_went_too(
    old: orgroles.Org,
) -> None:
    new = old.copy()
    new.update_role("dev-1", holder=None)
    new.remove_role("po", reports="error")
    new.remove_role("cto")  # dev-1 moves up to the ceo
    plan = make_plan(new, diff=old)
    boxes = {b.role: b for b in plan.boxes}
    assert boxes["dev-1"].change == ("moved", "restaffed")
    assert "holder left: Ed Eze" in [x.text for x in boxes["dev-1"].lines]
    assert boxes["po"].parent == boxes["cto"].id  # a ghost under a ghost
    assert boxes["cto"].change == ("removed",)
    assert plan.moves == [(boxes["cto"].id, boxes["dev-1"].id)]


def test_the_options_take_an_org_only() -> None:
    with pytest.raises(orgroles.errors.RenderError, match="diff must be an org"):
        ChartOptions(diff="old.yaml")  # type: ignore[arg-type]


def test_changes_are_computed_once_for_every_plan(old: orgroles.Org, new: orgroles.Org) -> None:
    merged, options = with_changes(new, ChartOptions(diff=old))
    assert isinstance(options.diff, Changes)
    assert "office" in merged.roles
    assert "office" not in new.roles
    assert with_changes(new, options)[0] is merged
    assert changes_of(new, old).counts == {"added": 1, "removed": 1, "moved": 1, "restaffed": 1}


def test_svg_marks_each_change(old: orgroles.Org, new: orgroles.Org) -> None:
    root, by_role = _svg(draw(new, "svg", diff=old).data)
    for role, kinds in KINDS.items():
        g = by_role[role]
        assert set(kinds) <= set(g.get("class", "").split()), role
        rect = g.find("svg:rect", SVG)
        assert rect is not None
        assert rect.get("stroke") == CHANGE_COLORS[kinds[0]]
    ghost = by_role["office"]
    assert ghost.get("opacity") == "0.6"
    rect = ghost.find("svg:rect", SVG)
    assert rect is not None
    assert (rect.get("fill"), rect.get("stroke-dasharray")) == (GHOST_FILL, "4 3")
    assert by_role["dev-2"].find("svg:rect", SVG).get("stroke-width") == "2.5"  # type: ignore[union-attr]
    assert "added" not in by_role["ceo"].get("class", "")
    [old_lines] = root.findall(".//svg:g[@class='old-lines']", SVG)
    assert len(old_lines.findall("svg:path", SVG)) == 1
    assert old_lines.get("stroke-dasharray")
    legend = root.find(".//svg:g[@class='legend']", SVG)
    assert legend is not None
    swatches = [r.get("class") for r in legend.findall("svg:rect", SVG) if r.get("class")]
    assert swatches == ["added", "removed", "moved", "restaffed"]
    labels = [t.text for t in legend.findall("svg:text", SVG)]
    assert labels[-4:] == [
        "new seats (1)",
        "removed seats (1)",
        "moved seats (1) · old line dashed",
        "holder changes (1)",
    ]


def test_png_and_pdf_are_drawn(old: orgroles.Org, new: orgroles.Org) -> None:
    assert render_bytes(new, "png", diff=old).startswith(b"\x89PNG\r\n\x1a\n")
    assert render_bytes(new, "pdf", diff=old).startswith(b"%PDF-")


def test_dot_and_mermaid_draw_the_ghosts(old: orgroles.Org, new: orgroles.Org) -> None:
    assert "Office Manager" in render_bytes(new, "dot", diff=old).decode()
    assert "removed seat" in render_bytes(new, "mermaid", diff=old).decode()


def test_powerpoint_marks_each_change(old: orgroles.Org, new: orgroles.Org) -> None:
    [page] = Presentation(io.BytesIO(render_bytes(new, "pptx", diff=old))).slides
    shapes = {s.name: s for s in page.shapes}
    for role, kinds in KINDS.items():
        shape = shapes[f"Role: {role} ({', '.join(kinds)})"]
        assert str(shape.line.color.rgb) == CHANGE_COLORS[kinds[0]].lstrip("#").upper()
    ghost = shapes["Role: office (removed)"]
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    assert ghost._element.find(".//a:solidFill/a:srgbClr/a:alpha", ns) is not None
    assert ghost._element.find(".//a:ln/a:prstDash", ns).get("val") == "dash"
    assert "Role: ceo" in shapes
    old_lines = [n for n in shapes if n.startswith("Old line ")]
    assert len(old_lines) == 1
    swatches = sorted(n for n in shapes if n.startswith("Legend swatch ("))
    assert swatches == [f"Legend swatch ({k})" for k in ("added", "moved", "removed", "restaffed")]
    legend = [s.text_frame.text for s in page.shapes if s.name == "Legend"]
    assert "holder changes (1)" in legend


def test_the_explorer_data_marks_each_change(old: orgroles.Org, new: orgroles.Org) -> None:
    merged, options = with_changes(new, ChartOptions(diff=old))
    data, _ = page_data(merged, make_plan(merged, options, fold=None))
    flags = dict(zip(data["ids"], data["flags"], strict=True))
    for role, kinds in KINDS.items():
        for kind, bit in CHANGE_FLAGS.items():
            assert bool(flags[role] & bit) == (kind in kinds), (role, kind)
    assert not flags["ceo"] & sum(CHANGE_FLAGS.values())
    changes: dict[str, Any] = data["changes"]
    assert [kind for _, kind in changes["legend"]] == ["added", "removed", "moved", "restaffed"]
    node = {rid: k for k, rid in enumerate(data["ids"])}
    assert changes["moves"] == [[node["cto"], node["po"]]]
    html = render_bytes(new, "html", diff=old).decode()
    assert '"changes":{' in html
    assert '"changes":{' not in render_bytes(new, "html").decode()


def test_the_reorg_chart_has_no_overlapping_boxes_ghosts_included() -> None:
    org = orgroles.load("examples/scaleup_over_time.yaml")
    new, old = org.viewed("2025-10-01"), org.viewed("2025-03-01")
    plan = make_plan(new, diff=old)
    boxes = {b.role: b for b in plan.boxes}
    assert {r for r, b in boxes.items() if "moved" in b.change} == {"po-1", "po-2", "po-3"}
    assert boxes["office-manager"].change == ("removed",)
    for layout in ("compact", "tree"):
        drawn, chart = arrange(plan, layout)
        assert overlapping(box_rects(drawn, chart)) == []


def test_the_notebook_explorer_draws_a_change_chart(old: orgroles.Org, new: orgroles.Org) -> None:
    explorer = new.explore(diff=old)
    assert explorer.roles == 7
    assert '"changes":{' in explorer.html


def test_dot_and_mermaid_style_the_changes(old: orgroles.Org, new: orgroles.Org) -> None:
    dot = render_bytes(new, "dot", diff=old).decode()
    assert f'color="{CHANGE_COLORS["moved"]}" constraint=false style=dashed' in dot
    assert "rounded,filled,dashed" in dot  # the ghost (no seat is vacant here)
    mermaid = render_bytes(new, "mermaid", diff=old).decode()
    for kind in ("added", "removed", "moved", "restaffed"):
        assert f"classDef {kind} stroke:{CHANGE_COLORS[kind]}" in mermaid
    assert " -.-x " in mermaid


def test_a_chart_of_part_of_the_org_counts_its_own_changes(
    old: orgroles.Org, new: orgroles.Org
) -> None:
    plan = make_plan(new, diff=old, root="cto")
    assert {b.role for b in plan.boxes} == {"cto", "dev-1", "dev-2"}
    assert plan.changes == (("new seats (1)", "added"), ("holder changes (1)", "restaffed"))


def test_a_moved_seat_whose_old_manager_is_off_the_chart_has_no_old_line_in_the_legend(
    old: orgroles.Org, new: orgroles.Org
) -> None:
    plan = make_plan(new, diff=old, root="cpo")  # po moved from the cto, who is not drawn
    assert {b.role for b in plan.boxes} == {"cpo", "po"}
    assert plan.moves == []
    assert plan.changes == (("moved seats (1)", "moved"),)
    assert make_plan(new, diff=old).changes[2] == ("moved seats (1) · old line dashed", "moved")
