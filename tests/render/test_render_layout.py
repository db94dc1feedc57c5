"""The builtin engine's geometry: tidy trees without overlaps, stacks, frames, big orgs."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgroles import Org, Role
from orgroles.render.layout import Layout, layout
from orgroles.render.plan import Plan, make_plan
from orgroles.render.tidy import tidy_layout

from tests.charts import chain, hostile_org, wide_team
from tests.geometry import Rect, overlapping


@st.composite
def forests(draw: st.DrawFn) -> tuple[list[list[int]], list[int], list[float], list[float]]:
    n = draw(st.integers(1, 60))
    parents = [draw(st.integers(-1, i - 1)) if i else -1 for i in range(n)]
    children: list[list[int]] = [[] for _ in range(n)]
    for i, p in enumerate(parents):
        if p >= 0:
            children[p].append(i)
    roots = [i for i, p in enumerate(parents) if p < 0]
    widths = draw(st.lists(st.sampled_from([10.0, 25.0, 60.0]), min_size=n, max_size=n))
    heights = draw(st.lists(st.sampled_from([5.0, 20.0, 45.0]), min_size=n, max_size=n))
    return children, roots, widths, heights


@settings(max_examples=300, deadline=None)
@given(forests())
def test_tidy_trees_never_overlap_and_centre_parents(
    forest: tuple[list[list[int]], list[int], list[float], list[float]],
) -> None:
    children, roots, w, h = forest
    x, y = tidy_layout(children, w, h, roots, hgap=4, vgap=3)
    assert not overlapping([(x[i], y[i], w[i], h[i]) for i in range(len(w))], gap=4)
    assert min(x) == 0
    for p, kids in enumerate(children):
        if kids:
            first, last = kids[0], kids[-1]
            middle = (x[first] + w[first] / 2 + x[last] + w[last] / 2) / 2
            assert abs(x[p] + w[p] / 2 - middle) < 1e-6
            assert all(y[c] == y[p] + h[p] + 3 for c in kids)
            assert [x[c] for c in kids] == sorted(x[c] for c in kids)


def test_tidy_layout_handles_a_chain_of_a_hundred_thousand() -> None:
    n = 100_000
    x, y = tidy_layout(
        [[i + 1] for i in range(n - 1)] + [[]], [10] * n, [5] * n, [0], hgap=2, vgap=1
    )
    assert y[-1] == 6 * (n - 1)
    assert set(x) == {0.0}


def chart_rects(org: Org, **options: Any) -> tuple[Plan, Layout, list[Rect]]:
    plan = make_plan(org, **options)
    chart = layout(plan)
    rects: list[Rect] = [
        (chart.x[b.id], chart.y[b.id], plan.box_width, b.height) for b in plan.boxes
    ]
    return plan, chart, rects


def test_boxes_of_the_examples_do_not_overlap(scaleup: Org, tiny: Org) -> None:
    for org in (scaleup, tiny, wide_team(40), hostile_org()):
        for options in ({}, {"show": ["responsibilities"]}, {"fold": 2}):
            _plan, chart, rects = chart_rects(org, **options)
            assert not overlapping(rects, gap=8), (org.name, options)
            assert all(x >= 0 and y >= 0 for x, y, _, _ in rects)
            assert all(x + w <= chart.width and y + h <= chart.height for x, y, w, h in rects)


def test_team_frames_hold_their_boxes_and_no_other(scaleup: Org) -> None:
    plan, chart, rects = chart_rects(scaleup)
    for cluster in plan.clusters:
        fx, fy, fw, fh = chart.frames[cluster.id]
        for b in plan.boxes:
            x, y, w, h = rects[b.id]
            inside = fx <= x and x + w <= fx + fw and fy <= y and y + h <= fy + fh
            apart = x + w <= fx or fx + fw <= x or y + h <= fy or fy + fh <= y
            assert inside if b.id in cluster.boxes else apart, (cluster.team, b.role)


def test_the_assistant_is_beside_its_manager(scaleup: Org) -> None:
    plan, chart, _rects = chart_rects(scaleup)
    ceo = next(b for b in plan.boxes if b.role == "ceo")
    assistant = plan.boxes[ceo.assistants[0]]
    assert chart.y[assistant.id] == chart.y[ceo.id]
    assert chart.x[assistant.id] > chart.x[ceo.id] + plan.box_width


def test_a_manager_with_forty_developers_gives_a_compact_chart() -> None:
    _plan, chart, rects = chart_rects(wide_team(40))
    assert chart.width / chart.height <= 3
    assert chart.height / chart.width <= 3
    assert not overlapping(rects, gap=8)


def test_a_deep_chain_lays_out_without_recursion() -> None:
    _plan, chart, _ = chart_rects(chain(5_000))
    assert chart.y[-1] > chart.y[0]
    assert len(set(chart.x)) == 1


def _team_labels(svg: str) -> list[str]:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    return [
        t.text or ""
        for g in root.iter("{http://www.w3.org/2000/svg}g")
        if g.get("class") == "team"
        for t in g.iter("{http://www.w3.org/2000/svg}text")
    ]


def _one_team(name: str) -> Org:
    from orgroles import Role

    return Org(roles=[Role(id="a", title="A")], teams=[{"id": "t", "name": name, "lead": "a"}])


def test_a_team_name_no_wider_than_a_box_is_one_line_and_its_frame_widens_for_it() -> None:
    from orgroles.render import style
    from orgroles.render.svg import to_svg

    name = "Core Payments Squad"
    plan, chart, _ = chart_rects(_one_team(name))
    assert style.measure(name, "team") <= style.BOX_WIDTH
    assert _team_labels(to_svg(plan, chart)) == [name]
    assert chart.frames[0][2] >= style.measure(name, "team") + 16


def test_a_long_team_name_is_drawn_whole_on_two_lines() -> None:
    from orgroles.render import style
    from orgroles.render.svg import to_svg
    from orgroles.render.team_names import BAND, LINE

    name = "Mobile Applications and Customer Experience Platform Squad"
    plan, chart, _ = chart_rects(_one_team(name))
    lines = _team_labels(to_svg(plan, chart))
    assert lines == ["Mobile Applications and Customer", "Experience Platform Squad"]
    width = chart.frames[0][2]
    assert max(style.measure(t, "team") for t in lines) + 16 <= width
    assert width < style.measure(name, "team")  # half as wide as on one line, about
    assert chart.y[0] - chart.frames[0][1] == BAND + LINE  # the band holds both lines


def test_a_team_name_past_the_widest_is_cut_with_an_ellipsis() -> None:
    from orgroles.render import style
    from orgroles.render.svg import to_svg
    from orgroles.render.team_names import WIDEST

    name = "The Extraordinarily Long Name Of A Very Small Team That Has One Person In It " * 4
    plan, chart, _ = chart_rects(_one_team(name))
    lines = _team_labels(to_svg(plan, chart))
    assert len(lines) == 2
    assert lines[-1].endswith("…")
    assert all(style.measure(t, "team") <= WIDEST for t in lines)


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize(
    "name", ["Apps", "Mobile Applications Squad", "Mobile Applications and Customer Experience"]
)
def test_the_line_into_a_team_lead_never_crosses_the_team_name(direction: str, name: str) -> None:
    from orgroles import Role
    from orgroles.render import style
    from orgroles.render.arrange import arrange
    from orgroles.render.team_names import INSET, frame_name

    roles = [
        Role(id="boss", title="Head of Apps"),
        Role(id="lead", title="Lead", reports_to="boss"),
    ]
    roles += [Role(id=f"d{i}", title=f"Developer {i}", reports_to="lead") for i in range(5)]
    team = {"id": "t", "name": name, "lead": "lead", "members": [f"d{i}" for i in range(5)]}
    org = Org(roles=roles, teams=[team])
    plan, chart = arrange(make_plan(org, direction=direction))
    lead = next(b.id for b in plan.boxes if b.role == "lead")
    fx, fy, _, _ = chart.frames[0]
    lines = frame_name(plan, chart, plan.clusters[0])
    assert " ".join(lines) == name  # whole
    # The name runs along the frame's top (down its left band) from its start; the line
    # comes in at the middle of the lead's side, after it.
    if direction == "TB":
        line_at, start = chart.x[lead] + plan.box_width / 2, fx
    else:
        line_at, start = chart.y[lead] + plan.boxes[lead].height / 2, fy
    assert line_at >= start + INSET + max(style.measure(t, "team") for t in lines)


def _with_assistants(count: int) -> Org:
    titles = ["Executive Assistant", "Chief of Staff", "Office Manager"][:count]
    roles = [Role(id="ceo", title="Chief Executive Officer")]
    roles += [
        Role(id=f"a{k}", title=title, reports_to="ceo", assistant=True)
        for k, title in enumerate(titles, 1)
    ]
    roles += [Role(id=f"vp{k}", title="Vice President", reports_to="ceo") for k in range(4)]
    return Org(name="Board", roles=roles)


def test_two_assistants_sit_either_side_and_take_no_height() -> None:
    """The first assistant on the manager's left, the second on its right, both at its
    top: the level is no taller than the manager's box, and its reports are where they
    would be without assistants, centred under the manager."""
    plan, chart, rects = chart_rects(_with_assistants(2))
    by_role = {b.role: b for b in plan.boxes}
    ceo, ea, cos = by_role["ceo"], by_role["a1"], by_role["a2"]
    bw = plan.box_width
    assert chart.x[ea.id] + bw < chart.x[ceo.id] < chart.x[ceo.id] + bw < chart.x[cos.id]
    assert chart.y[ea.id] == chart.y[cos.id] == chart.y[ceo.id]
    _plan, bare, _rects = chart_rects(_with_assistants(0))
    assert chart.levels == bare.levels
    reports = [chart.x[by_role[f"vp{k}"].id] for k in range(4)]
    middle = (min(reports) + max(reports) + bw) / 2
    assert abs(chart.x[ceo.id] + bw / 2 - middle) <= 1
    assert not overlapping(rects)


def test_a_third_assistant_goes_under_the_first() -> None:
    plan, chart, rects = chart_rects(_with_assistants(3))
    by_role = {b.role: b for b in plan.boxes}
    first, third = by_role["a1"], by_role["a3"]
    assert chart.x[third.id] == chart.x[first.id] < chart.x[by_role["ceo"].id]
    assert chart.y[third.id] > chart.y[first.id] + first.height
    assert not overlapping(rects)


def test_an_assistant_is_nearer_its_manager_than_the_next_box() -> None:
    """A VP's assistants between the VP and the VPs beside it: each sits nearer its own
    VP than the neighbour (an adviser was 15 px from the next VP, 24 px from its own)."""
    roles = [Role(id="ceo", title="Chief Executive Officer")]
    for v in range(3):
        roles.append(Role(id=f"vp{v}", title="Vice President", reports_to="ceo"))
    roles += [Role(id=f"a{k}", title="Adviser", reports_to="vp1", assistant=True) for k in (1, 2)]
    plan, chart, _rects = chart_rects(Org(name="Board", roles=roles))
    by_role = {b.role: b for b in plan.boxes}
    bw = plan.box_width
    left = {r: chart.x[b.id] for r, b in by_role.items()}
    for a in ("a1", "a2"):
        own = abs(left[a] - left["vp1"]) - bw  # the gap to its own VP
        others = [abs(left[a] - left[v]) - bw for v in ("vp0", "vp2")]
        assert own < min(others), (a, own, others)
