"""The compact layout: what it changes in a chart that is too wide (stacks of leaves,
forests in rows), in both engines, and its options. The geometry of every chart (levels
as rank, no overlaps, lines) is checked in test_render_geometry.py."""

from __future__ import annotations

import os
import re
import subprocess
import sys
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
from orgroles.render import MAX_ASPECT, ChartOptions, render_bytes, render_svg, to_dot
from orgroles.render.arrange import arrange, compact
from orgroles.render.dot import plan_to_dot
from orgroles.render.layout import Layout
from orgroles.render.plan import Plan, make_plan

from tests.charts import GITLAB_VP as VP
from tests.charts import chain, comb, gitlab, wide_team
from tests.geometry import dot_layout, overlapping
from tests.helpers import DATA, ROOT

Chart = tuple[Callable[[], Org], dict[str, Any]]
"""How to make an org, and the chart options to draw it with."""


@cache
def gitlab_org() -> Org:
    return gitlab()


@cache
def generated(n: int) -> Org:
    return Org(**generate(n))


def arranged(org: Org, **options: Any) -> tuple[Plan, Layout]:
    chosen = ChartOptions.of(**options)
    return arrange(make_plan(org, chosen), chosen.layout, chosen.max_aspect)


def size_of(svg: bytes) -> tuple[float, float]:
    head = re.search(rb'<svg[^>]* width="([\d.]+)(?:pt)?" height="([\d.]+)(?:pt)?"', svg)
    assert head is not None
    return float(head[1]), float(head[2])


# -- shape ------------------------------------------------------------------------------
# (Before 0.3, the compact layout kept wide orgs within 3:1 by moving whole subtrees to
# lower shelves, which put peers at different heights; tests/render/test_render_geometry.py
# now checks that levels are rank in every chart, and these check what compacting does.)

WIDE: dict[str, Chart] = {
    "gitlab-vp": (gitlab_org, {"root": VP}),
    "generated-200": (lambda: generated(200), {}),
    "generated-2000": (lambda: generated(2000), {}),
}


@pytest.mark.parametrize("case", sorted(WIDE))
def test_compacting_a_wide_org_stacks_its_leaves_and_makes_it_narrower(case: str) -> None:
    make, options = WIDE[case]
    org = make()
    tree_w, tree_h = size_of(render_bytes(org, "svg", layout="tree", **options))
    assert tree_w > 8 * tree_h  # the plain tree is a thin strip: what this is about
    plan, chart = arranged(org, **options)
    # Still too wide with its stacks in two columns: each is one column.
    assert any(len(b.stack) in (3, 4, 5) and b.columns == 1 for b in plan.boxes)
    assert not any(b.columns == 2 for b in plan.boxes if b.stack)
    w, h = chart.width, chart.height
    assert w < tree_w
    assert w / h < tree_w / tree_h
    assert w * h <= tree_w * tree_h  # in no more room than the tree
    assert (w, h) == size_of(render_bytes(org, "svg", **options))


@pytest.mark.slow
@pytest.mark.dot
@pytest.mark.parametrize("case", sorted(WIDE))
def test_dot_keeps_levels_and_draws_no_box_over_another(case: str) -> None:
    make, options = WIDE[case]
    org = make()
    plan = compact(make_plan(org, **options))
    _, _, rects = dot_layout(to_dot(org, **options).source)
    assert rects
    assert not overlapping(rects), "boxes drawn over each other by dot"
    tops: dict[int, set[float]] = {}
    for box in plan.boxes:
        if box.placement == "child":
            _x, y, _w, h = rects[box.id]
            tops.setdefault(box.level, set()).add(round(y + h, 1))  # dot's y goes up
    assert all(len(ys) == 1 for ys in tops.values()), tops
    levels = [next(iter(tops[k])) for k in sorted(tops)]
    assert levels == sorted(levels, reverse=True)  # each level below the one before


@pytest.mark.dot
def test_dot_lines_are_orthogonal(scaleup: Org) -> None:
    source = to_dot(scaleup).source
    assert "splines=ortho" in source
    assert "rank=same" in source


def forest(trees: int) -> Org:
    """Teams whose leads report to managers that are not in the org: a forest."""
    roles = []
    for t in range(trees):
        roles.append(Role(id=f"lead{t}", title="Team lead", reports_to=f"gone{t % (trees // 2)}"))
        roles += [
            Role(id=f"dev{t}-{k}", title="Developer", reports_to=f"lead{t}") for k in range(2)
        ]
    return Org(name="Forest", roles=roles)


def test_a_forest_is_wrapped_into_rows_to_the_shape_asked_for() -> None:
    org = forest(40)
    tree_w, tree_h = size_of(render_bytes(org, "svg", layout="tree"))
    assert tree_w > 20 * tree_h
    shapes = []
    for target in (3.0, 1.5):
        plan, chart = arranged(org, max_aspect=target)
        assert len(plan.tops) == 20  # one placeholder per missing manager
        assert len(chart.rows) > 1
        shapes.append(chart.width / chart.height)
        assert 0.5 * target < shapes[-1] < 1.5 * target
    assert shapes[1] < shapes[0]


def test_gitlab_opens_with_its_largest_tree_first() -> None:
    org = gitlab_org()  # 139 trees under managers that are not in the file
    tree_w, tree_h = size_of(render_bytes(org, "svg", layout="tree"))
    plan, chart = arranged(org)
    assert len(chart.rows) > 1
    assert chart.width / chart.height < tree_w / tree_h / 3
    size: Counter[int] = Counter()
    for box in plan.boxes:
        top = box.id
        while plan.boxes[top].parent >= 0:
            top = plan.boxes[top].parent
        size[top] += 1
    assert [size[t] for t in plan.tops] == sorted(size.values(), reverse=True)


def test_a_deep_narrow_chart_is_left_as_it_is() -> None:
    for org in (chain(300), comb(60)):
        compact = render_bytes(org, "svg", engine="builtin")
        assert compact == render_bytes(org, "svg", engine="builtin", layout="tree")
        w, h = size_of(compact)
        assert w <= MAX_ASPECT * h


@pytest.mark.slow
def test_a_chain_of_a_hundred_thousand_is_laid_out_without_recursion() -> None:
    n = 100_000
    _, chart = arranged(chain(n))
    assert chart.y[n - 1] > chart.y[0]
    assert len(set(chart.x)) == 1


def test_the_bundled_examples_keep_their_shape_or_get_narrower(scaleup: Org, tiny: Org) -> None:
    assert render_bytes(tiny, "svg") == render_bytes(tiny, "svg", layout="tree")
    tree_w, tree_h = size_of(render_bytes(scaleup, "svg", layout="tree"))
    w, h = size_of(render_bytes(scaleup, "svg"))
    assert w < tree_w
    assert w / h < tree_w / tree_h


def test_small_rows_are_kept() -> None:
    # Four developers (four boxes wide) stay in a row under their manager.
    plan, _ = arranged(wide_team(4, vacant_every=0))
    assert not plan.boxes[0].stack
    assert plan.boxes[0].children == [1, 2, 3, 4]


def test_a_wide_row_of_leaves_is_stacked_in_two_columns_then_in_one() -> None:
    """Five managers of five leaves each: two columns each make a chart 5.1 times wider
    than tall, which fits a window of 6, not one of 3; there, one column each (2.1)."""
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
    for max_aspect, columns in ((6.0, 2), (3.0, 1)):
        drawn, chart = arrange(plan, max_aspect=max_aspect)
        stacked = [b for b in drawn.boxes if b.stack]
        assert len(stacked) == 5
        assert all(len(b.stack) == 5 and b.columns == columns for b in stacked)
        assert chart.width <= max_aspect * chart.height
        assert not any(b.stack for b in plan.boxes)  # the plan given is left as it was
        # The managers stay side by side on one level, their stacks below them.
        ems = [b for b in drawn.boxes if b.role and b.role.startswith("em")]
        assert len({chart.y[b.id] for b in ems}) == 1
        assert all(chart.y[b.stack[0]] == chart.levels[0][2] for b in ems)
    # One column hangs from a line on its left: each leaf's top under the one above.
    em = ems[0]
    xs = {chart.x[c] for c in em.stack}
    ys = [chart.y[c] for c in em.stack]
    assert len(xs) == 1
    assert ys == sorted(ys)
    assert len(set(ys)) == 5


def managers_with_leaves(managers: int, leaves: int, top_leaves: int = 0) -> Org:
    """A VP with `managers` managers of `leaves` developers each, and `top_leaves`
    developers of its own."""
    roles = [Role(id="vp", kind="cto")]
    roles += [
        Role(id=f"em{i}", kind="engineering-manager", reports_to="vp") for i in range(managers)
    ]
    roles += [
        Role(id=f"dev{i}-{k}", kind="developer", reports_to=f"em{i}")
        for i in range(managers)
        for k in range(leaves)
    ]
    roles += [Role(id=f"own{k}", kind="developer", reports_to="vp") for k in range(top_leaves)]
    return Org(roles=roles)


def test_the_plans_own_stacks_are_narrowed_when_the_chart_is_too_wide() -> None:
    """Eight managers of eleven leaves: the plan already stacks each team in two columns
    (STACK_MIN), so there was nothing new to stack, and the compact layout drew the tree
    as it was, 5.8 times wider than tall, whatever `max_aspect` said. One column each
    fits 3 (2.0)."""
    plan = make_plan(managers_with_leaves(8, 11))
    assert all(b.columns == 2 for b in plan.boxes if b.stack)
    tree = arrange(plan, "tree")[1]
    assert tree.width > 5 * tree.height
    drawn, chart = arrange(plan, max_aspect=3.0)
    assert [b.columns for b in drawn.boxes if b.stack] == [1] * 8
    assert chart.width <= 3 * chart.height
    assert arrange(plan, max_aspect=8.0)[1].width == tree.width  # it fits 8 as it is


def test_a_wide_block_loses_columns_after_the_pairs() -> None:
    """A VP with thirty leaves of its own (a block of four columns) beside seven
    managers of three: one column each for the threes still leaves it 4.1 times wider
    than tall; the block then goes to three columns (3.2), then two, and stops there
    (2.0). The plan's block was never narrowed: only stacks of two columns were."""
    plan = make_plan(managers_with_leaves(7, 3, top_leaves=30))
    assert [b.columns for b in plan.boxes if b.stack] == [4]
    drawn, chart = arrange(plan, max_aspect=3.0)
    vp = drawn.boxes[0]
    assert len(vp.stack) == 30
    assert vp.columns == 2
    assert all(b.columns == 1 for b in drawn.boxes[1:] if b.stack)
    assert chart.width <= 3 * chart.height
    levels = {chart.y[b.id] for b in drawn.boxes if b.role and b.role.startswith("em")}
    assert len(levels) == 1  # the managers stay on one level


def test_managers_of_two_leaves_have_them_stacked_when_the_chart_is_still_too_wide() -> None:
    """Four regional managers of six store managers of two sales associates each: no
    team had three leaves, so nothing was stacked, and the 48 associates side by side
    made the chart 25 times wider than tall, under a warning that every team of leaves
    was stacked. Each pair is now a column hanging from a line on its manager's left:
    half as wide, the store managers still on one level, the associates on the next."""
    roles = [Role(id="ceo", kind="ceo")]
    for r in range(4):
        roles.append(Role(id=f"reg{r}", title="Regional Manager", reports_to="ceo"))
        for s in range(6):
            roles.append(Role(id=f"st{r}{s}", title="Store Manager", reports_to=f"reg{r}"))
            roles += [
                Role(id=f"sa{r}{s}{k}", title="Sales Associate", reports_to=f"st{r}{s}")
                for k in range(2)
            ]
    org = Org(roles=roles)
    tree = arrange(make_plan(org), "tree")[1]
    drawn, chart = arranged(org)
    stores = [b for b in drawn.boxes if b.role and b.role.startswith("st")]
    assert [(len(b.stack), b.columns) for b in stores] == [(2, 1)] * 24
    assert chart.width < 0.6 * tree.width
    assert len({chart.y[b.id] for b in stores}) == 1
    assert all(chart.y[b.stack[0]] == chart.levels[0][3] for b in stores)
    rects = [(chart.x[b.id], chart.y[b.id], drawn.box_width, b.height) for b in drawn.boxes]
    assert overlapping(rects) == []
    # A chart that fits keeps its pairs side by side.
    small = arranged(Org(roles=roles[:10]))[0]
    assert not any(b.stack for b in small.boxes)


def test_a_chart_whose_level_is_wider_than_max_aspect_warns_and_one_that_fits_does_not() -> None:
    """Twelve managers of one leaf each: there is nothing to stack, the level of managers
    is twelve boxes wide, and the chart stays 5 times wider than tall; it said nothing."""
    import warnings

    from orgroles.render.options import ChartOptionWarning

    wide = managers_with_leaves(12, 1)
    with pytest.warns(ChartOptionWarning, match=r"times wider than tall, more than max_aspect 3"):
        render_svg(wide)
    with pytest.warns(ChartOptionWarning, match=r"more than max_aspect 0\.5 "):
        render_bytes(wide, "png", max_aspect=0.5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_svg(managers_with_leaves(8, 11))  # fits, once its stacks are narrowed
        render_svg(wide, layout="tree")  # the tree does not aim for a shape
        render_svg(wide, max_aspect=8.0)


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
    assert "s0r0 [" in compact  # the point that a stack of leaves hangs from
    tree = scaleup.to_dot(layout="tree").source
    assert "s0r0 [" not in tree
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
    assert b"s0r0 [" in first  # the chart has stacked leaves


def test_managers_cut_at_the_depth_stay_in_their_peers_row() -> None:
    """A CRO's four regional VPs, their teams cut at depth 2 ("+48 below"), were stacked
    two by two as leaves: APAC and Nordics looked one level lower. Peers stay in a row."""
    roles = [Role(id="ceo", title="Chief Executive Officer")]
    roles += [Role(id="cfo", title="Chief Financial Officer", reports_to="ceo")]
    roles += [Role(id="acc", title="Accountant", reports_to="cfo")]
    roles += [Role(id="hr", title="HR Manager", reports_to="ceo")]
    roles += [Role(id="cro", title="Chief Revenue Officer", reports_to="ceo")]
    for v in range(4):
        roles.append(Role(id=f"vp{v}", title=f"VP Sales {v}", reports_to="cro"))
        roles += [
            Role(id=f"ae{v}-{k}", title="Account Executive", reports_to=f"vp{v}") for k in range(9)
        ]
    drawn, chart = arrange(make_plan(Org(roles=roles), depth=2))
    vps = [b for b in drawn.boxes if b.role is not None and b.role.startswith("vp")]
    assert len(vps) == 4
    assert {b.placement for b in vps} == {"child"}
    assert len({chart.y[b.id] for b in vps}) == 1
    # (A notebook's preview, a `narrow` plan, stacks them when too wide to fit a cell:
    # see test_render_jupyter.py's GitLab preview.)
