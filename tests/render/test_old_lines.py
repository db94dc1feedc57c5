"""A change chart's old lines do not run behind boxes: a moved seat low in a stack of
leaves is entered from the side, down a free gap (not a stack's spine). Dotted lines down
to a report go the same way."""

from __future__ import annotations

import importlib
import io
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

import orgroles
from orgroles.render import render_bytes
from orgroles.render.arrange import arrange
from orgroles.render.old_lines import OldLineEnd, dotted_line_ends, drawn_down, old_line_ends
from orgroles.render.options import ChartOptions
from orgroles.render.plan import make_plan

from tests.geometry import densified, path_points
from tests.render.test_render_geometry import orgs

if TYPE_CHECKING:
    from orgroles.render.layout import Layout
    from orgroles.render.plan import Plan

SVG = {"svg": "http://www.w3.org/2000/svg"}
Point = tuple[float, float]

OLD = """\
roles:
  - {id: ceo}
  - {id: cto, reports_to: ceo}
  - {id: cpo, reports_to: ceo}
  - {id: po1, reports_to: cpo}
  - {id: po2, reports_to: cpo}
  - {id: po3, reports_to: cpo}
  - {id: po4, reports_to: cto}
  - {id: po5, reports_to: cto}
  - {id: dev, reports_to: cto}
"""


def boxes_crossed(svg: bytes, group: str = "old-lines") -> list[tuple[int, str]]:
    """(line, box) for each box that a line of the SVG's `group` (`old-lines`, `dotted`)
    passes through, ends apart: a point of the line more than 2 px inside the box."""
    root = ET.fromstring(svg)
    rects = []
    for g in root.iterfind(".//svg:g[@class]", SVG):
        rect = g.find("svg:rect", SVG)
        title = g.find("svg:title", SVG)
        if rect is not None and title is not None and "role" in g.get("class", "").split():
            x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
            w, h = float(rect.get("width", 0)), float(rect.get("height", 0))
            rects.append((title.text or "", x, y, w, h))
    assert rects, "no box found in the SVG"
    found: list[tuple[int, str]] = []
    lines = root.find(f".//svg:g[@class='{group}']", SVG)
    if lines is None:
        return found
    for k, path in enumerate(lines.iterfind("svg:path", SVG)):
        for line in path_points(path.get("d", "")):
            inner = densified(line)[3:-3]
            for name, x, y, w, h in rects:
                if any(x + 2 < px < x + w - 2 and y + 2 < py < y + h - 2 for px, py in inner):
                    found.append((k, name))
    return found


@pytest.fixture
def stacked() -> tuple[orgroles.Org, orgroles.Org]:
    """An org whose CPO has stacked leaves, and the org after po4 moved under the CPO
    (it lands under po2, in the right column of the stack)."""
    old = orgroles.loads(OLD)
    new = old.copy()
    new.move("po4", "cpo")
    return old, new


def test_a_seat_under_another_in_a_stack_is_entered_from_a_free_side(
    stacked: tuple[orgroles.Org, orgroles.Org],
) -> None:
    old, new = stacked
    plan, chart = arrange(make_plan(new, ChartOptions(diff=old)), max_aspect=1.0)
    [(_, b)] = plan.moves
    [end] = old_line_ends(plan, chart)
    assert plan.boxes[b].role == "po4"
    # The left gap of its column holds the stack's spine: the line takes the right one.
    assert end.side == "right"
    assert end.x == chart.x[b] + plan.box_width + 8
    svg = render_bytes(new, "svg", diff=old, max_aspect=1.0)
    assert boxes_crossed(svg) == []
    [path] = ET.fromstring(svg).findall(".//svg:g[@class='old-lines']/svg:path", SVG)
    [line] = path_points(path.get("d", ""))
    assert line[-1] == (chart.x[b] + plan.box_width, chart.y[b] + round(plan.boxes[b].height) // 2)


def _onto_top(plan: Plan, chart: Layout, end: OldLineEnd, pair: tuple[int, int]) -> OldLineEnd:
    """The same line, but straight down onto the middle of its box's top."""
    return end._replace(side="top", x=chart.x[pair[1]] + plan.box_width / 2)


def test_without_the_side_route_the_line_would_run_behind_a_box(
    stacked: tuple[orgroles.Org, orgroles.Org], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: with every line entering on top, it finds the box."""
    old, new = stacked
    svg_module = importlib.import_module("orgroles.render.svg")
    monkeypatch.setattr(
        svg_module,
        "old_line_ends",
        lambda plan, chart: [_onto_top(plan, chart, old_line_ends(plan, chart)[0], plan.moves[0])],
    )
    crossed = boxes_crossed(render_bytes(new, "svg", diff=old, max_aspect=1.0))
    assert crossed
    assert "po2 (po2)" in [name for _, name in crossed]  # the box above po4


def _slide_geometry(
    pptx: bytes, prefix: str = "Old line "
) -> tuple[list[list[Point]], list[tuple[str, int, int, int, int]]]:
    """The old lines (or the shapes named with another `prefix`) of a one-slide deck
    (points along each, in EMU) and its boxes."""
    from pptx import Presentation

    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    [page] = Presentation(io.BytesIO(pptx)).slides
    boxes = [
        (s.name, s.left, s.top, s.width, s.height)
        for s in page.shapes
        if s.name.startswith("Role: ")
    ]
    lines = []
    for shape in page.shapes:
        if not shape.name.startswith(prefix):
            continue
        path = shape._element.find(".//a:custGeom/a:pathLst/a:path", ns)
        assert path is not None, f"{shape.name} is not drawn along a route"
        d = []
        for step in path:
            pts = [(int(p.get("x")), int(p.get("y"))) for p in step.iterfind("a:pt", ns)]
            letter = {"moveTo": "M", "lnTo": "L", "quadBezTo": "Q"}[step.tag.split("}")[1]]
            d.append(letter + " ".join(f"{shape.left + x} {shape.top + y}" for x, y in pts))
        [points] = path_points(" ".join(d))
        lines.append(points)
    return lines, boxes


def _slide_boxes_crossed(
    line: list[Point], boxes: list[tuple[str, int, int, int, int]]
) -> set[str]:
    """The boxes of a slide that a line runs more than 2 px inside of, ends apart."""
    margin = 2 * 9525  # 2 px, in EMU
    return {
        name
        for px, py in densified(line)[3:-3]
        for name, x, y, w, h in boxes
        if x + margin < px < x + w - margin and y + margin < py < y + h - margin
    }


def test_powerpoint_draws_the_old_line_along_the_same_route(
    stacked: tuple[orgroles.Org, orgroles.Org],
) -> None:
    """On a slide, the old line to po4 (low in the CPO's stack) also comes down the free
    gap and enters its side: a freeform shape, not a connector that PowerPoint or
    LibreOffice would route across po2."""
    old, new = stacked
    lines, boxes = _slide_geometry(render_bytes(new, "pptx", diff=old, max_aspect=1.0))
    [line] = lines
    assert _slide_boxes_crossed(line, boxes) == set()
    [(_, x, y, w, h)] = [b for b in boxes if b[0].startswith("Role: po4 ")]
    end_x, end_y = line[-1]
    assert abs(end_x - (x + w)) <= 9525  # into its right side, halfway down
    assert abs(end_y - (y + h / 2)) <= 2 * 9525


def test_a_seat_on_top_of_its_column_is_entered_on_top(
    stacked: tuple[orgroles.Org, orgroles.Org],
) -> None:
    old, new = stacked
    plan, chart = arrange(make_plan(new, ChartOptions(diff=old)), max_aspect=10.0)  # no stack
    assert [end.side for end in old_line_ends(plan, chart)] == ["top"]


def test_the_reorg_s_old_lines_pass_behind_no_box() -> None:
    """The three product owners of the example's reorg, in the CPO's stack: the first
    is entered from the top; the two below it, from their side away from the stack's
    line (a column hangs from a line on its left)."""
    org = orgroles.load("examples/scaleup_over_time.yaml")
    new, old = org.viewed("2025-11-01"), org.viewed("2025-03-01")
    plan, chart = arrange(make_plan(new, ChartOptions(diff=old)))
    sides = sorted(end.side for end in old_line_ends(plan, chart))
    assert sides == ["right", "right", "top"]
    assert boxes_crossed(render_bytes(new, "svg", diff=old)) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs(), st.data(), st.sampled_from([1.0, 3.0]))
def test_old_lines_meet_no_box_in_generated_charts(
    org: orgroles.Org, data: st.DataObject, max_aspect: float
) -> None:
    """Random trees and forests with some roles moved under an earlier role (so no
    cycle): an old line down to its seat, onto its top or into its side, meets no box on
    its way."""
    note(org.dumps())
    new = org.copy()
    ids = list(org.roles)
    moved = st.lists(st.integers(1, max(1, len(ids) - 1)), max_size=6, unique=True)
    for k in data.draw(moved) if len(ids) > 1 else []:
        new.move(ids[k], ids[data.draw(st.integers(0, k - 1))])
    plan, chart = arrange(make_plan(new, ChartOptions(diff=org)), max_aspect=max_aspect)
    ends = old_line_ends(plan, chart)
    assert len(ends) == len(plan.moves)
    # The routed lines (down to a lower seat, or under or over the boxes beside) are
    # drawn first, in order, as routes (M, L, Q); the others (up to a higher seat, or with
    # both ways blocked) after them, as curves.
    routed = [end for end in ends if end.side != "curve"]
    svg = render_bytes(new, "svg", diff=org, max_aspect=max_aspect)
    crossed = [(k, name) for k, name in boxes_crossed(svg) if k < len(routed)]
    assert [(k, name) for k, name in crossed if routed[k].side != "over"] == []
    event(f"old lines: {sorted({end.side for end in ends})}")


DOTTED = """\
name: Dotted
roles:
  - {id: ceo, title: CEO}
  - {id: cto, title: CTO, reports_to: ceo}
  - {id: vpe, title: VP Engineering, reports_to: cto, dotted_to: [ceo]}
  - {id: dev, title: Developer, reports_to: vpe}
"""


def test_a_dotted_line_to_a_manager_two_levels_up_goes_round_the_box_between() -> None:
    """Straight down, the VP's dotted line to the CEO ran behind the CTO's box, along the
    solid lines: it now leaves the CEO's box, comes down the gap and enters the VP's side."""
    org = orgroles.loads(DOTTED)
    plan, chart = arrange(make_plan(org))
    [end] = dotted_line_ends(plan, chart)
    assert end.side in ("left", "right")
    svg = render_bytes(org, "svg")
    assert boxes_crossed(svg, "dotted") == []
    dotted = "Line n0-n2"  # the CEO's box to the VP's
    [line], boxes = _slide_geometry(render_bytes(org, "pptx"), prefix=dotted)
    assert _slide_boxes_crossed(line, boxes) == set()


def test_the_dotted_line_check_can_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Entering on top, the same line crosses the CTO's box: the check above sees it."""
    svg_module = importlib.import_module("orgroles.render.svg")
    monkeypatch.setattr(
        svg_module,
        "dotted_line_ends",
        lambda plan, chart: [
            _onto_top(plan, chart, dotted_line_ends(plan, chart)[0], plan.dotted[0])
        ],
    )
    crossed = boxes_crossed(render_bytes(orgroles.loads(DOTTED), "svg"), "dotted")
    assert [name for _, name in crossed] == ["CTO (cto)"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs(), st.data(), st.sampled_from([1.0, 3.0]))
def test_dotted_lines_down_meet_no_box_in_generated_charts(
    org: orgroles.Org, data: st.DataObject, max_aspect: float
) -> None:
    """Random trees and forests with dotted lines from some roles to earlier ones: a
    dotted line down to its report, or to a box beside, meets no box on its way (but a
    rare one "over")."""
    note(org.dumps())
    ids = list(org.roles)
    chosen = st.lists(st.integers(1, max(1, len(ids) - 1)), max_size=6, unique=True)
    for k in data.draw(chosen) if len(ids) > 1 else []:
        boss = ids[data.draw(st.integers(0, k - 1))]
        if boss != org.roles[ids[k]].reports_to:
            org.update_role(ids[k], dotted_to=[boss])
    plan, chart = arrange(make_plan(org), max_aspect=max_aspect)
    ends = dotted_line_ends(plan, chart)
    assert len(ends) == len(plan.dotted)
    routed = [end for end in ends if end.side != "curve"]
    for (a, b), end in zip(plan.dotted, ends, strict=True):  # down: never a curve
        assert end.side != "curve" or not drawn_down(plan, chart, a, b)
    svg = render_bytes(org, "svg", max_aspect=max_aspect)
    crossed = [(k, name) for k, name in boxes_crossed(svg, "dotted") if k < len(routed)]
    assert [(k, name) for k, name in crossed if routed[k].side != "over"] == []
    event(f"dotted lines: {sorted({end.side for end in ends})}")


MATRIX = """\
name: Matrix
roles:
  - {id: ceo}
  - {id: cto, reports_to: ceo}
  - {id: cpo, reports_to: ceo}
  - {id: em0, reports_to: cto}
  - {id: em1, reports_to: cto}
  - {id: em2, reports_to: cto}
  - {id: pm, reports_to: cpo, dotted_to: [em0]}
"""


def test_a_dotted_line_between_peers_goes_under_the_boxes_between() -> None:
    """Side to side, the product manager's dotted line to an engineering manager three
    boxes away ran across the two between: it now goes down, along under the level, and
    up into the other's bottom, in SVG and on a slide."""
    org = orgroles.loads(MATRIX)
    plan, chart = arrange(make_plan(org))
    [end] = dotted_line_ends(plan, chart)
    assert end.side == "under"
    assert boxes_crossed(render_bytes(org, "svg"), "dotted") == []
    [(_, b)] = plan.dotted
    [line], boxes = _slide_geometry(
        render_bytes(org, "pptx"), prefix=f"Line {plan.boxes[plan.dotted[0][0]].node}-"
    )
    assert _slide_boxes_crossed(line, boxes) == set()
    assert plan.boxes[b].role == "pm"


def test_a_dotted_line_up_to_a_higher_row_goes_round_the_boxes() -> None:
    """A forest's rows can put a dotted manager under its report (the product people of
    the scale-up, each under the nearest of them: a product manager in the second row,
    the product owner with a dotted line to them in the first). The curve up crossed a
    designer's box; the line now leaves the manager's top, runs over it and goes up into
    the report's bottom, in SVG and on a slide."""
    org = orgroles.load("examples/scaleup_cto_cpo.yaml").subset("family:product")
    plan, chart = arrange(make_plan(org))
    [end] = dotted_line_ends(plan, chart)
    [(a, b)] = plan.dotted
    assert (plan.boxes[a].role, plan.boxes[b].role) == ("pm-core", "po-platform")
    assert chart.y[b] + plan.boxes[b].height <= chart.y[a]  # up to a higher row
    assert (end.side, end.exit) == ("under", "top")
    assert boxes_crossed(render_bytes(org, "svg"), "dotted") == []
    [line], boxes = _slide_geometry(render_bytes(org, "pptx"), prefix=f"Line {plan.boxes[a].node}-")
    assert _slide_boxes_crossed(line, boxes) == set()


CLOSE = """\
name: Hypothesis
roles:
- {id: r0, title: Dev}
- {id: r1, title: Dev, reports_to: r0, assistant: true}
- {id: r2, title: A rather long title of a role, reports_to: r1, assistant: true}
- {id: r3, title: Dev, reports_to: r0, assistant: true}
- {id: r4, title: Dev, reports_to: r0, assistant: true}
- {id: r5, title: Dev, reports_to: r0, assistant: true}
- {id: r6, title: Dev, reports_to: r1, assistant: true}
- {id: r7, title: Dev, reports_to: r0, assistant: true}
- {id: r8, title: Dev, reports_to: r0, assistant: true}
- {id: r9, title: Dev, assistant: true}
- {id: r10, title: Dev, reports_to: r1, assistant: true}
- {id: r11, title: Dev, reports_to: r0, assistant: true}
- {id: r12, title: Dev, reports_to: r0, assistant: true}
- {id: r13, title: Dev, reports_to: r0, assistant: true}
- {id: r14, title: Dev, reports_to: r0, assistant: true}
- {id: r15, title: Dev, assistant: true}
- {id: r16, title: Dev, reports_to: r0}
- {id: r17, title: Dev, reports_to: r1, assistant: true}
- {id: r18, title: Dev, reports_to: r0, assistant: true}
- {id: r19, title: Dev, reports_to: r0, assistant: true}
- {id: r20, title: Dev, reports_to: r0}
- {id: r21, title: Dev, reports_to: r0, assistant: true}
- {id: r22, title: Dev, reports_to: r0}
- {id: r23, title: Dev, assistant: true}
- {id: r24, title: Dev, reports_to: r0}
- {id: r25, title: Dev, assistant: true}
- {id: r26, title: Dev, reports_to: r0, assistant: true}
- {id: r27, title: Dev, reports_to: r0}
- {id: r28, title: Dev, assistant: true}
- {id: r29, title: Dev, reports_to: r0, assistant: true}
- {id: r30, title: Dev, reports_to: r0}
- {id: r31, title: Dev, reports_to: r1, assistant: true}
- {id: r32, title: Dev, reports_to: r2}
- {id: r33, title: Dev, reports_to: r2, assistant: true}
- {id: r34, title: A rather long title of a role, reports_to: r0, assistant: true}
"""


def test_a_line_right_under_a_box_meets_no_taller_box_of_its_level() -> None:
    """Found by the property above on CI (seed 139939276650930376262299254811347999372): a
    seat right under its old manager's box, where the line runs between the two and not
    under the level's band, had its line across drawn through a taller box of the same
    level (r18). Any box now counts there, and the line goes another way."""
    old = orgroles.loads(CLOSE)
    new = old.copy()
    ids = list(old.roles)
    for k, m in zip([34, 32, 1, 18], [0, 0, 0, 17], strict=True):
        new.move(ids[k], ids[m])
    plan, chart = arrange(make_plan(new, ChartOptions(diff=old)), max_aspect=1.0)
    ends = old_line_ends(plan, chart)
    routed = [end for end in ends if end.side != "curve"]
    svg = render_bytes(new, "svg", diff=old, max_aspect=1.0)
    crossed = [(k, name) for k, name in boxes_crossed(svg) if k < len(routed)]
    assert [(k, name) for k, name in crossed if routed[k].side != "over"] == []
