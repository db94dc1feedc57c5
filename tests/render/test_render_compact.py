"""The compact layout: wide orgs come out about as wide as tall, in both engines, with no
box over another, no line through a box, and every box joined to its manager alone."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import generate

import orgroles
from orgroles import Org, Role
from orgroles.errors import RenderError
from orgroles.render import MAX_ASPECT, render_bytes, render_svg, to_dot
from orgroles.render.arrange import arrange
from orgroles.render.dot import plan_to_dot
from orgroles.render.layout import Layout, layout
from orgroles.render.plan import Plan, make_plan

from tests.charts import chain, wide_team
from tests.geometry import Wiring, box_rects, dot_layout, lines_through_boxes, overlapping
from tests.helpers import DATA, ROOT

VP = "tm-816c6d89"  # GitLab's VP of Development: 188 roles below, 5 layers, spans up to 10


@cache
def gitlab() -> Org:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the real file has two broken role titles
        return orgroles.from_gitlab(DATA / "gitlab-team" / "team.yml")


@cache
def generated(n: int) -> Org:
    return Org(**generate(n))


def comb(n: int) -> Org:
    """A deep, narrow org: a chain of ``n`` managers, each with two leaf reports too."""
    roles = [Role(id="m0", kind="ceo")]
    for i in range(1, n):
        roles.append(Role(id=f"m{i}", kind="engineering-manager", reports_to=f"m{i - 1}"))
        roles += [Role(id=f"d{i}-{k}", kind="developer", reports_to=f"m{i - 1}") for k in (1, 2)]
    return Org(name="Comb", roles=roles)


def with_teams(doc: dict[str, Any]) -> Org:
    """An org with a team for each manager below the top: the manager and all below."""
    roles = doc["roles"]
    below: dict[str, list[str]] = {}
    for role in reversed(roles):  # generate() lists managers before their reports
        boss = role.get("reports_to")
        if boss is not None:
            below.setdefault(boss, []).extend([role["id"], *below.get(role["id"], [])])
    teams = [
        {"id": f"team-{rid}", "name": f"Team {rid}", "lead": rid, "members": members}
        for rid, members in below.items()
        if rid != "r0"
    ]
    return Org(**{**doc, "teams": teams})


def with_assistants(doc: dict[str, Any]) -> Org:
    """An org with an assistant beside every manager of five reports or more."""
    roles = list(doc["roles"])
    span = Counter(r.get("reports_to") for r in roles)
    roles += [
        {"id": f"asst-{boss}", "title": "Assistant", "reports_to": boss, "assistant": True}
        for boss, n in span.items()
        if boss is not None and n >= 5
    ]
    return Org(**{**doc, "roles": roles})


Chart = tuple[Callable[[], Org], dict[str, Any]]
"""How to make an org, and the chart options to draw it with."""

WIDE: dict[str, Chart] = {
    "gitlab-vp": (gitlab, {"root": VP}),
    "generated-200": (lambda: generated(200), {}),
    "generated-2000": (lambda: generated(2000), {}),
}


def arranged(org: Org, **options: Any) -> tuple[Plan, Layout]:
    plan, wraps, rows = arrange(make_plan(org, **options))
    return plan, layout(plan, wraps, rows)


def size_of(svg: bytes) -> tuple[float, float]:
    head = re.search(rb'<svg[^>]* width="([\d.]+)(?:pt)?" height="([\d.]+)(?:pt)?"', svg)
    assert head is not None
    return float(head[1]), float(head[2])


# -- shape ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(WIDE))
def test_wide_orgs_come_out_at_most_three_times_wider_than_tall(case: str) -> None:
    make, options = WIDE[case]
    org = make()
    tree_w, tree_h = size_of(render_bytes(org, "svg", engine="builtin", layout="tree", **options))
    assert tree_w > 8 * tree_h  # the plain tidy tree is a thin strip: what this is about
    w, h = size_of(render_bytes(org, "svg", engine="builtin", **options))
    assert w <= MAX_ASPECT * h
    assert h <= 2 * w  # and not a tower instead
    assert w * h <= tree_w * tree_h  # in no more room than the tree


@pytest.mark.dot
@pytest.mark.parametrize("case", sorted(WIDE))
def test_dot_draws_wide_orgs_at_most_three_times_wider_than_tall(case: str) -> None:
    make, options = WIDE[case]
    width, height, rects = dot_layout(to_dot(make(), **options).source)
    assert width <= MAX_ASPECT * height
    assert height <= 2 * width
    assert rects
    assert not overlapping(rects), "boxes drawn over each other by dot"


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["builtin", pytest.param("dot", marks=pytest.mark.dot)])
def test_a_lopsided_org_of_thousands_is_at_most_four_times_wider_than_tall(engine: str) -> None:
    # The benchmark's orgs grow by random attachment: a few huge branches, long chains.
    from benchmarks.render_sizes import generated_org

    w, h = size_of(render_bytes(generated_org(5000), "svg", engine=engine))
    assert w <= 4 * h
    assert h <= 2 * w


@pytest.mark.dot
def test_dot_tree_layout_is_the_wide_strip_it_was() -> None:
    width, height, _ = dot_layout(to_dot(gitlab(), root=VP, layout="tree").source)
    assert width > 8 * height


def test_a_smaller_max_aspect_gives_a_narrower_chart() -> None:
    org = generated(1000)
    shapes = []
    for target in (3, 1.5):
        w, h = size_of(render_bytes(org, "svg", engine="builtin", max_aspect=target))
        shapes.append(w / h)
        assert w <= target * h
    assert shapes[1] < shapes[0]


def test_a_deep_narrow_chart_is_left_as_it_is() -> None:
    for org in (chain(300), comb(60)):
        compact = render_bytes(org, "svg", engine="builtin")
        assert compact == render_bytes(org, "svg", engine="builtin", layout="tree")
        w, h = size_of(compact)
        assert w <= MAX_ASPECT * h


def test_a_chain_of_a_hundred_thousand_is_laid_out_without_recursion() -> None:
    n = 100_000
    _, chart = arranged(chain(n))
    assert chart.y[n - 1] > chart.y[0]
    assert len(set(chart.x)) == 1


def test_the_bundled_examples_keep_their_shape_or_get_narrower(scaleup: Org, tiny: Org) -> None:
    assert render_bytes(tiny, "svg", engine="builtin") == render_bytes(
        tiny, "svg", engine="builtin", layout="tree"
    )
    tree_w, tree_h = size_of(render_bytes(scaleup, "svg", engine="builtin", layout="tree"))
    w, h = size_of(render_bytes(scaleup, "svg", engine="builtin"))
    assert w < tree_w
    assert w / h < tree_w / tree_h
    assert w <= MAX_ASPECT * h


def test_small_rows_are_kept() -> None:
    # Four developers (four boxes wide) stay in a row under their manager.
    plan, _ = arranged(wide_team(4, vacant_every=0))
    assert not plan.boxes[0].stack
    assert plan.boxes[0].children == [1, 2, 3, 4]


def test_a_wide_row_of_leaves_is_stacked_in_two_columns() -> None:
    org = Org(
        roles=[
            Role(id="vp", kind="cto"),
            *[Role(id=f"em{i}", kind="engineering-manager", reports_to="vp") for i in range(5)],
            *[
                Role(id=f"dev{i}-{k}", kind="developer", reports_to=f"em{i}")
                for i in range(5)
                for k in range(5)
            ],
        ]
    )
    plan = make_plan(org)
    assert not any(b.stack for b in plan.boxes)  # five leaves: fewer than STACK_MIN
    arranged_plan, wraps, _ = arrange(plan)
    stacked = [b for b in arranged_plan.boxes if b.stack]
    assert len(stacked) == 5
    assert all(len(b.stack) == 5 and b.columns == 2 for b in stacked)
    assert not any(b.stack for b in plan.boxes)  # the plan given is left as it was
    assert arranged_plan.boxes[0].id in wraps  # five managers side by side: wrapped


# -- no box over another, no line through a box, every box joined to its manager ----------


CHARTS: dict[str, Chart] = {
    **WIDE,
    "generated-1000": (lambda: generated(1000), {}),
    "gitlab-whole": (gitlab, {}),
    "gitlab-vp-responsibilities": (gitlab, {"root": VP, "show": ["responsibilities"]}),
    "gitlab-vp-two-layers": (gitlab, {"root": VP, "depth": 2}),
    "comb": (lambda: comb(40), {}),
    "generated-300-with-teams": (lambda: with_teams(generate(300)), {}),
    "generated-300-with-assistants": (lambda: with_assistants(generate(300)), {}),
}


@pytest.mark.parametrize("case", sorted(CHARTS))
def test_no_box_overlaps_another(case: str) -> None:
    make, options = CHARTS[case]
    plan, chart = arranged(make(), **options)
    rects = box_rects(plan, chart)
    assert not overlapping(rects, gap=8)
    assert all(x >= 0 and y >= 0 for x, y, _, _ in rects)
    assert all(x + w <= chart.width and y + h <= chart.height for x, y, w, h in rects)


@pytest.mark.parametrize("case", sorted(CHARTS))
def test_lines_cross_no_box_and_join_each_box_to_its_manager_alone(case: str) -> None:
    make, options = CHARTS[case]
    plan, chart = arranged(make(), **options)
    assert not lines_through_boxes(plan, chart)
    wiring = Wiring(plan, chart)
    assert not wiring.tangles(), "lines of two managers meet"
    joined = set()
    for family in wiring.families():
        # One manager, and some of its own reports: nobody else.
        managers = [b for b in family if all(plan.boxes[o].parent == b for o in family - {b})]
        assert len(managers) == 1, [plan.boxes[b].role for b in family]
        joined |= {(managers[0], b) for b in family - set(managers)}
    for box in plan.boxes:
        if box.parent >= 0:
            assert (box.parent, box.id) in joined, f"{box.role} has no line to its manager"


def test_team_frames_hold_their_boxes_and_no_other() -> None:
    plan, chart = arranged(with_teams(generate(300)))
    assert len(plan.clusters) > 20
    assert any(c.parent >= 0 for c in plan.clusters)  # frames in frames
    rects = box_rects(plan, chart)
    inside_of: dict[int, set[int]] = {}  # every box in a frame, in nested frames too
    for cluster in reversed(plan.clusters):  # inner frames first
        members = inside_of[cluster.id] = set(cluster.boxes)
        for inner in cluster.children:
            members |= inside_of[inner]
        fx, fy, fw, fh = chart.frames[cluster.id]
        for b in plan.boxes:
            x, y, w, h = rects[b.id]
            inside = fx <= x and x + w <= fx + fw and fy <= y and y + h <= fy + fh
            apart = x + w <= fx or fx + fw <= x or y + h <= fy or fy + fh <= y
            assert inside if b.id in members else apart, (cluster.team, b.role)


def test_a_team_led_by_a_stacked_leaf_gets_no_frame() -> None:
    roles = [Role(id="em", title="EM")]
    roles += [Role(id=f"d{i}", title="Dev", reports_to="em") for i in range(7)]
    org = Org(roles=roles, teams=[{"id": "t", "name": "Solo", "lead": "d3"}])
    for chart_layout in ("compact", "tree"):
        svg = render_svg(org, engine="builtin", layout=chart_layout)
        assert 'class="team"' not in svg
        assert "Solo" not in svg


# -- options, determinism ---------------------------------------------------------------


def test_layout_options_are_checked(scaleup: Org, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="unknown layout 'grid'"):
        render_svg(scaleup, layout="grid")
    with pytest.raises(RenderError, match="max_aspect must be a number above 0"):
        to_dot(scaleup, max_aspect=-1)
    with pytest.raises(RenderError, match="max_aspect must be a number above 0"):
        orgroles.render(scaleup, tmp_path / "c.svg", max_aspect=float("nan"))
    assert not (tmp_path / "c.svg").exists()


def test_org_to_dot_takes_the_layout(scaleup: Org) -> None:
    compact = scaleup.to_dot().source
    assert compact == to_dot(scaleup, layout="compact").source
    assert "w0 [" in compact  # the points that wrapped reports hang from
    tree = scaleup.to_dot(layout="tree").source
    assert "w0 [" not in tree
    assert tree == plan_to_dot(make_plan(scaleup), layout="tree").source


def test_mermaid_is_the_same_whatever_the_layout(scaleup: Org) -> None:
    assert render_bytes(scaleup, "mermaid") == render_bytes(scaleup, "mermaid", layout="tree")


_DRAW = """
import sys, warnings
warnings.simplefilter("ignore")
import orgroles
from orgroles.render import render_bytes
org = orgroles.from_gitlab(sys.argv[1])
for fmt in ("svg", "dot"):
    sys.stdout.buffer.write(render_bytes(org, fmt, engine="builtin", root=sys.argv[2]))
"""


def test_compact_charts_are_byte_identical_whatever_the_hash_seed() -> None:
    def draw(seed: str) -> bytes:
        return subprocess.run(
            [sys.executable, "-c", _DRAW, str(DATA / "gitlab-team" / "team.yml"), VP],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
        ).stdout

    first = draw("0")
    assert first == draw("12345")
    assert b"w0 [" in first  # the chart has wrapped reports


def test_the_svg_draws_the_lines_that_were_checked() -> None:
    # The checks above run on the layout; the SVG must draw those very lines and boxes.
    import xml.etree.ElementTree as ET

    from orgroles.render.svg import to_svg

    plan, chart = arranged(gitlab(), root=VP)
    root = ET.fromstring(to_svg(plan, chart))
    svg = "{http://www.w3.org/2000/svg}"
    lines = next(g for g in root.iter(f"{svg}g") if g.get("class") == "lines")
    drawn = []
    for path in lines.iter(f"{svg}path"):
        for wire in path.get("d", "").split("M")[1:]:
            drawn.append([tuple(int(v) for v in p.split()) for p in wire.split("L")])
    assert drawn == chart.wires
    rects = {
        g.get("id"): next(g.iter(f"{svg}rect")).attrib
        for g in root.iter(f"{svg}g")
        if (g.get("class") or "").startswith("role")
    }
    for box, (x, y, w, h) in zip(plan.boxes, box_rects(plan, chart), strict=True):
        r = rects[box.node]
        assert (int(r["x"]), int(r["y"]), int(r["width"]), int(r["height"])) == (x, y, w, h)
