"""Managers that are not in the file, forests, and subtrees cut short: what every format
draws of them."""

from __future__ import annotations

import json
import re

import pytest

import orgroles
from orgroles import Org, Role
from orgroles.render import render_bytes, render_svg
from orgroles.render.html import FOREST, MISSING
from orgroles.render.plan import make_plan

from tests.geometry import invariant


def orphans() -> Org:
    """Two roles under a manager that is not in the file, one under another, and a top."""
    return Org(
        name="Orphans",
        roles=[
            Role(id="ceo", title="Chief Executive Officer"),
            Role(id="a", title="Analyst", reports_to="vp-sales"),
            Role(id="b", title="Analyst", reports_to="vp-sales"),
            Role(id="c", title="Counsel", reports_to="gc"),
            Role(id="d", title="Paralegal", reports_to="c"),
        ],
    )


def test_each_missing_manager_is_one_dashed_box_above_its_reports() -> None:
    plan = make_plan(orphans())
    missing = [b for b in plan.boxes if b.placeholder is not None]
    assert [b.placeholder for b in missing] == ["vp-sales", "gc"]
    assert all(b.role is None and b.vacant and b.level == 0 for b in missing)
    assert [line.text for line in missing[0].lines] == ["not in this file: vp-sales"]
    by_role = {b.role: b for b in plan.boxes}
    assert by_role["a"].parent == by_role["b"].parent == missing[0].id
    assert by_role["a"].level == 1
    assert by_role["d"].level == 2
    assert len(plan.tops) == 3
    assert plan.shown == 5  # the placeholders are not roles
    fr = make_plan(orphans(), lang="fr")
    assert " ".join(line.text for line in fr.boxes[1].lines) == "absent de ce fichier : vp-sales"


def test_every_format_draws_the_missing_manager() -> None:
    org = orphans()
    svg = render_svg(org)
    assert re.search(r'<g id="n\d+" class="placeholder vacant fam-none">', svg)
    assert "not in this file: vp-sales" in svg
    dot = render_bytes(org, "dot").decode()
    assert re.search(r'label=<<FONT COLOR="#6e7781"><I>not in this file: vp-sales', dot)
    assert "dashed" in dot
    assert "not in this file: gc" in render_bytes(org, "mermaid").decode()
    page = render_bytes(org, "html").decode()
    data = json.loads(
        re.search(r'id="orgroles-data"[^>]*>(.*?)</script>', page, re.S)[1]  # type: ignore[index]
    )
    assert data["flags"][0] & FOREST  # the top added above the three trees
    missing = [i for i, f in enumerate(data["flags"]) if f & MISSING]
    assert len(missing) == 2
    assert all(data["parent"][i] == 0 for i in missing)


def test_a_forest_keeps_levels_in_each_row() -> None:
    from orgroles.render.arrange import arrange

    small = orphans()  # three small trees, no wider than four boxes: drawn as they are
    many = Org(
        roles=[
            *[Role(id=f"head{i}", title="Head", reports_to=f"gone{i}") for i in range(12)],
            *[Role(id=f"r{i}", title="Report", reports_to=f"head{i % 12}") for i in range(24)],
        ]
    )
    for org in (small, many):
        for layout in ("compact", "tree"):
            plan, chart = arrange(make_plan(org), layout, 1.0)
            assert not invariant(plan, chart)
            wrapped = org is many and layout == "compact"
            assert (len(chart.rows) > 1) == wrapped
            if wrapped:  # the same rows in DOT: each row's tops on one rank
                dot = render_bytes(org, "dot", max_aspect=1.0).decode()
                assert dot.count("style=invis") == len(chart.rows) - 1


def test_a_subtree_keeps_its_below_counts(scaleup: Org) -> None:
    part = scaleup.subtree("cto", depth=1)
    assert dict(part.truncated) == {"em-platform": 4, "lead-apps": 4}
    svg = render_svg(part)
    assert svg.count("+4 below") == 2
    assert "+11 below" in render_svg(part.subtree("cto", depth=0))
    assert "+11 below" in render_svg(part, depth=0)
    # A copy keeps the counts; an org loaded from a file has none.
    assert part.copy().truncated == part.truncated
    assert not scaleup.truncated


def test_truncated_is_read_only(scaleup: Org) -> None:
    part = scaleup.subtree("cto", depth=1)
    with pytest.raises(TypeError):
        part.truncated["cto"] = 1  # type: ignore[index]
    with pytest.raises(AttributeError):
        part.truncated = {}  # type: ignore[misc]


def test_a_role_cut_short_is_not_folded_away(scaleup: Org) -> None:
    org = orgroles.Org(
        roles=[
            Role(id="m", title="Manager"),
            *[Role(id=f"l{i}", title="Lead", reports_to="m") for i in range(4)],
            *[Role(id=f"d{i}", title="Dev", reports_to=f"l{i % 4}") for i in range(8)],
        ]
    )
    part = org.subtree("m", depth=1)
    plan = make_plan(part, fold=1)
    assert not any(b.folded for b in plan.boxes)
    assert sum("+2 below" in [line.text for line in b.lines] for b in plan.boxes) == 4


def test_the_legend_names_no_group_for_a_missing_managers_box() -> None:
    org = Org(
        roles=[
            Role(id="ceo", kind="ceo"),
            Role(id="dev", kind="developer", reports_to="ceo"),
            Role(id="ae", kind="account-executive", reports_to="vp-sales"),
        ]
    )
    plan = make_plan(org)
    # Before, the dotted box of vp-sales was counted as a grey group, "other", that no
    # box on the chart shows.
    assert [label for label, _ in plan.legend] == ["Executive", "Tech", "Sales"]
    missing = next(b for b in plan.boxes if b.placeholder == "vp-sales")
    assert missing.color_key is None  # still drawn grey, dotted
    assert None in plan.palette
    # A role with no family is still named "other".
    org.add_role(Role(id="x", title="Wizard", reports_to="ceo"))
    assert [label for label, _ in make_plan(org).legend][-1] == "other"
