"""Charts drawn left to right (``direction="LR"``): levels are columns, and the geometry
invariant holds for the chart turned back a quarter; every format says which way."""

from __future__ import annotations

import dataclasses
import re

import pytest

from orgroles import Org
from orgroles.render import make_plan, render_bytes, to_dot, to_mermaid
from orgroles.render.arrange import arrange
from orgroles.render.layout import Layout, header_height
from orgroles.render.plan import Plan
from orgroles.render.svg import to_svg

from tests.geometry import (
    box_rects,
    densified,
    drawn_geometry,
    invariant,
    overlapping,
    path_points,
)
from tests.render.test_render_geometry import CASES

LR_CASES = [
    "example-scaleup_cto_cpo",
    "example-three_person_tech_team",
    "example-scaleup-responsibilities",
    "data-gitlab-vp",
    "data-gitlab-depth-1",
    "data-odoo-labels",
    "generated-300-with-teams",
    "generated-300-with-assistants",
    "wide-team",
    "comb",
    "hostile",
]


def turned_back(plan: Plan, chart: Layout) -> tuple[Plan, Layout]:
    """The plan and layout of a left-to-right chart, turned back to top to bottom (as the
    layout made them), without its title."""
    dy = round(header_height(plan))
    tall = plan.boxes[0].height
    turned = dataclasses.replace(
        plan,
        boxes=[dataclasses.replace(b, height=plan.box_width) for b in plan.boxes],
        box_width=tall,
        title="",
        notes=(),
        legend=(),
    )
    back = Layout(
        width=chart.height - dy,
        height=chart.width,
        x=[y - dy for y in chart.y],
        y=list(chart.x),
        frames=[(y - dy, x, h, w) for x, y, w, h in chart.frames],
        wires=[[(y - dy, x) for x, y in wire] for wire in chart.wires],
        header=0,
        rows=chart.rows,
        levels=chart.levels,
    )
    return turned, back


@pytest.mark.parametrize("layout", ["compact", "tree"])
@pytest.mark.parametrize("case", LR_CASES)
def test_left_to_right_keeps_levels_as_columns_and_the_invariant(case: str, layout: str) -> None:
    make, options = CASES[case]
    plan, chart = arrange(make_plan(make(), direction="LR", **options), layout)
    assert len({b.height for b in plan.boxes}) == 1  # one height for every box
    assert not overlapping(box_rects(plan, chart), gap=8)
    problems = invariant(*turned_back(plan, chart))
    assert not problems, problems[:10]
    # Each level is a column: its boxes (placed as reports) share a left side, in order.
    lefts: dict[tuple[int, int], set[int]] = {}
    for b in plan.boxes:
        if b.placement == "child" and not any(b.id in p.stack for p in plan.boxes):
            lefts.setdefault((_row(plan, chart, b.id), b.level), set()).add(chart.x[b.id])
    assert all(len(xs) == 1 for xs in lefts.values()), lefts
    # The SVG draws what was checked.
    rects, wires = drawn_geometry(to_svg(plan, chart))
    assert wires == chart.wires
    assert rects == {b.node: r for b, r in zip(plan.boxes, box_rects(plan, chart), strict=True)}


def _row(plan: Plan, chart: Layout, box: int) -> int:
    while plan.boxes[box].parent >= 0:
        box = plan.boxes[box].parent
    rank = plan.tops.index(box)
    return next(r for r, (start, end) in enumerate(chart.rows) if start <= rank < end)


def test_the_title_stays_on_top_and_team_names_turn(scaleup: Org) -> None:
    svg = render_bytes(scaleup, "svg", direction="LR").decode()
    plan, chart = arrange(make_plan(scaleup, direction="LR"))
    assert min(chart.y) > chart.header  # the boxes are below the title
    assert svg.count('transform="rotate(-90 ') == len(plan.clusters)  # the team names
    ceo = next(b for b in plan.boxes if b.role == "ceo")
    cto = next(b for b in plan.boxes if b.role == "cto")
    assert chart.x[cto.id] > chart.x[ceo.id] + plan.box_width  # the reports to the right


def test_every_format_says_left_to_right(scaleup: Org) -> None:
    assert re.search(r"\brankdir=LR\b", to_dot(scaleup, direction="LR").source)
    assert "rankdir=TB" in to_dot(scaleup).source
    assert to_mermaid(scaleup, direction="LR").startswith("flowchart LR\n")
    assert to_mermaid(scaleup).startswith("flowchart TD\n")
    for fmt in ("png", "pdf", "pptx"):
        assert render_bytes(scaleup, fmt, direction="LR")


def _bezier(d: str) -> list[tuple[float, float]]:
    """Points along the cubic curve of an SVG path ``M x y C x y x y x y``."""
    n = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
    (x0, y0, x1, y1, x2, y2, x3, y3) = n
    points = []
    for k in range(101):
        t = k / 100
        u = 1 - t
        points.append(
            (
                u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
            )
        )
    return points


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_dotted_lines_go_between_the_boxes(scaleup: Org, direction: str) -> None:
    """The dotted line from the Product Manager to the Platform squad's Product Owner
    crosses no box: left to right, it leaves and enters the boxes by their sides and runs
    in the gap between two levels (it went through two boxes of the CTO's line); top to
    bottom, it goes down, across and down (`orgroles.render.old_lines`)."""
    svg = render_bytes(scaleup, "svg", direction=direction).decode()
    rects, _ = drawn_geometry(svg)
    group = re.search(r'<g class="dotted"[^>]*>(.*?)</g>', svg, re.S)
    assert group is not None
    paths = re.findall(r'<path d="([^"]+)"', group[1])
    assert len(paths) == 1
    [points] = path_points(paths[0])  # top to bottom: a route down, its corners rounded
    crossed = {
        name
        for x, y in densified(points)
        for name, (rx, ry, rw, rh) in rects.items()
        if rx + 1 < x < rx + rw - 1 and ry + 1 < y < ry + rh - 1
    }
    assert crossed == set()
    if direction == "LR":  # from the side of one box to the side of the other
        sides = {x for rx, _, rw, _ in rects.values() for x in (rx, rx + rw)}
        assert points[0][0] in sides
        assert points[-1][0] in sides


def test_dotted_lines_are_glued_side_to_side_on_slides_left_to_right(scaleup: Org) -> None:
    import io

    from pptx import Presentation

    from orgroles.render.pptx import pptx_bytes
    from orgroles.render.slides import Slide
    from orgroles.render.style import DOTTED_COLOR

    # The whole chart on one slide (the deck splits it, and its dotted line with it).
    drawn, chart = arrange(make_plan(scaleup, direction="LR"))
    deck = Presentation(io.BytesIO(pptx_bytes([Slide("whole", "", drawn, chart, 0.5)])))
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    dotted = DOTTED_COLOR.lstrip("#").upper()
    # A freeform round the boxes (as top to bottom), from a box's side to a box's side.
    [slide] = deck.slides
    sides = {
        x for s in slide.shapes if s.name.startswith("Role: ") for x in (s.left, s.left + s.width)
    }
    ends = []
    for shape in slide.shapes:
        color = shape._element.find(".//a:ln//a:srgbClr", ns)
        if shape.name.startswith("Line ") and color is not None and color.get("val") == dotted:
            assert shape._element.find(".//a:custGeom", ns) is not None, shape.name
            xs = [shape.left + int(p.get("x")) for p in shape._element.iterfind(".//a:pt", ns)]
            ends.append((xs[0], xs[-1]))
    assert ends
    assert all(min(abs(x - s) for s in sides) <= 1 for pair in ends for x in pair)
