"""Dotted lines that no simple way fits (up to a higher box, across to another branch,
every line of a chart drawn left to right) go round the boxes along `detour()`, in SVG
and on a slide: they were curves, drawn behind the boxes in their way, and seemed to end
at the wrong box."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

import orgroles
from orgroles.render import render_bytes
from orgroles.render.arrange import arrange
from orgroles.render.detour import Rect, crosses, detour
from orgroles.render.layout import Layout
from orgroles.render.old_lines import dotted_line_ends, old_line_route
from orgroles.render.plan import Plan, make_plan

from tests.render.test_old_lines import _slide_boxes_crossed, _slide_geometry, boxes_crossed
from tests.render.test_render_geometry import orgs

MATRIX = """\
name: Matrix Two
roles:
  - {id: ceo, title: CEO}
  - {id: vpe, title: VP Engineering, reports_to: ceo}
  - {id: vpp, title: VP Product, reports_to: ceo, dotted_to: [em2]}
  - {id: vps, title: VP Sales, reports_to: ceo}
  - {id: em1, title: Eng Manager Core, reports_to: vpe}
  - {id: em2, title: Eng Manager Apps, reports_to: vpe}
  - {id: pm1, title: PM Core, reports_to: vpp, dotted_to: [dev1]}
  - {id: pm2, title: PM Apps, reports_to: vpp}
  - {id: se1, title: Sales Engineer, reports_to: vps, dotted_to: [dev2]}
  - {id: ae1, title: Account Exec, reports_to: vps}
  - {id: dev1, title: Developer, reports_to: em1}
  - {id: dev2, title: Developer, reports_to: em2}
  - {id: des1, title: Designer, reports_to: pm2, dotted_to: [ae1]}
"""


def _rects(plan: Plan, chart: Layout) -> list[Rect]:
    bw = round(plan.box_width)
    return [(chart.x[k], chart.y[k], bw, round(b.height)) for k, b in enumerate(plan.boxes)]


def test_a_left_to_right_matrix_s_dotted_lines_meet_no_box() -> None:
    """Left to right, the four dotted lines were curves from side to side: three ran
    behind the boxes of the level between (PM Core's, down over the Developers'
    sides). Each now goes round them, in SVG and on the slide."""
    org = orgroles.loads(MATRIX)
    plan, chart = arrange(make_plan(org, direction="LR"))
    ends = dotted_line_ends(plan, chart)
    assert [end.side for end in ends] == ["path"] * 4
    rects = _rects(plan, chart)
    for (a, b), end in zip(plan.dotted, ends, strict=True):
        route = old_line_route(plan, chart, a, b, end)
        assert all(x1 == x2 or y1 == y2 for (x1, y1), (x2, y2) in itertools.pairwise(route))
        assert [k for k, r in enumerate(rects) if crosses(route, r, 1)] == []
    assert boxes_crossed(render_bytes(org, "svg", direction="LR"), "dotted") == []
    slide = render_bytes(org, "pptx", direction="LR")
    for a, b in plan.dotted:
        name = f"Line {plan.boxes[a].node}-{plan.boxes[b].node}"
        [line], boxes = _slide_geometry(slide, prefix=name)
        assert _slide_boxes_crossed(line, boxes) == set()


def test_a_detour_ends_on_its_two_boxes_off_their_middles() -> None:
    """The route leaves one box and enters the other on their edges, a quarter of a box
    off the middle (where the solid lines are), and passes the box between."""
    boxes: list[Rect] = [(0, 0, 100, 40), (120, 0, 100, 40), (240, 0, 100, 40), (0, 200, 340, 40)]
    route = detour(boxes, 0, 2)
    assert route is not None
    ends: list[tuple[float, float]] = [route[0], route[-1]]
    assert ends == [(75.0, 0.0), (265.0, 0.0)]
    assert not any(crosses(route, r) for r in boxes)
    walls: list[Rect] = [
        (-50, -50, 200, 47),
        (-50, 43, 200, 50),
        (-50, -3, 47, 46),
        (103, -3, 50, 46),
    ]
    assert detour([(0, 0, 100, 40), *walls, (500, 0, 100, 40)], 0, 5) is None  # shut in


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs(), st.data(), st.sampled_from(["TB", "LR"]), st.sampled_from([1.0, 3.0]))
def test_dotted_lines_between_any_two_boxes_meet_no_box(
    org: orgroles.Org, data: st.DataObject, direction: str, max_aspect: float
) -> None:
    """Random trees and forests with dotted lines between any two roles (up, down,
    across branches), both directions: no dotted line of the SVG passes through a box
    (a curve, where no route is found, is drawn as before: none was, here), nor leaves
    the chart or crosses its legend."""
    ids = list(org.roles)
    if len(ids) < 2:
        return
    pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids))
    for a, b in data.draw(st.lists(pairs, max_size=6)):
        role = org.roles[a]
        if a != b and role.reports_to != b and org.roles[b].reports_to != a:
            org.update_role(a, dotted_to=[b])
    note(org.dumps())
    plan, chart = arrange(make_plan(org, direction=direction), max_aspect=max_aspect)
    ends = dotted_line_ends(plan, chart)
    assert [end.side for end in ends if end.side in ("curve", "over")] == []
    assert _routes_off_the_chart(plan, chart) == []
    svg = render_bytes(org, "svg", direction=direction, max_aspect=max_aspect)
    assert boxes_crossed(svg, "dotted") == []
    event(f"routes: {sorted({end.side for end in ends})}")


def _routes_off_the_chart(plan: Plan, chart: Layout) -> list[tuple[float, float]]:
    """The corners of the dotted lines that lie off the chart's area, or on its legend."""
    bottom = min((y for _, y in chart.legend), default=chart.height)
    off = []
    for (a, b), end in zip(plan.dotted, dotted_line_ends(plan, chart), strict=True):
        if end.side == "curve":
            continue
        for x, y in old_line_route(plan, chart, a, b, end):
            if not (0 <= x <= chart.width and 0 <= y < bottom):
                off.append((x, y))
    return off


def test_a_matrix_s_dotted_lines_stay_on_the_chart_above_its_legend() -> None:
    """Every engineer of four teams dotted to one of four product managers: two routes
    went round the outside of the boxes, 130 and 165 px below the chart's bottom (cut off
    in PNG and PDF), and four ran through the legend's words."""
    roles = [
        "  - {id: ceo, title: CEO}",
        "  - {id: cto, title: CTO, reports_to: ceo}",
        "  - {id: cpo, title: CPO, reports_to: ceo}",
        *(f"  - {{id: pm{i}, title: Product Manager, reports_to: cpo}}" for i in range(4)),
        *(f"  - {{id: em{t}, title: Engineering Manager, reports_to: cto}}" for t in range(4)),
        *(
            f"  - {{id: e{t}{e}, title: Software Engineer, reports_to: em{t}, "
            f"dotted_to: [pm{(t + e) % 4}]}}"
            for t in range(4)
            for e in range(5)
        ),
    ]
    org = orgroles.loads("roles:\n" + "\n".join(roles) + "\n")
    plan, chart = arrange(make_plan(org))
    assert chart.legend  # the dotted line's entry
    assert _routes_off_the_chart(plan, chart) == []
    assert boxes_crossed(render_bytes(org, "svg"), "dotted") == []
