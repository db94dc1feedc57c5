"""The geometry invariant of every chart, in both layouts: levels are rank (a role's height
is its number of managers), every box is below its manager, no two boxes overlap, and
every connector is orthogonal and joins a box to its own manager. It is checked on the
examples, on every org of ``tests/data`` (GitLab's import whole and in parts), on orgs
made in Python and on trees made by hypothesis; and the SVG draws exactly what was
checked (see :func:`tests.geometry.invariant`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from benchmarks.generate import generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orgroles
from orgroles import Org, Role
from orgroles.render.arrange import arrange
from orgroles.render.layout import Layout
from orgroles.render.plan import Plan, make_plan
from orgroles.render.svg import to_svg

from tests.charts import (
    GITLAB_VP,
    chain,
    comb,
    hostile_org,
    real_orgs,
    wide_team,
    with_assistants,
    with_teams,
)
from tests.geometry import box_rects, drawn_geometry, invariant
from tests.helpers import ROOT

LAYOUTS = ("compact", "tree")

Case = tuple[Callable[[], Org], dict[str, Any]]

_REAL = real_orgs()


@cache
def load(name: str) -> Org:
    return _REAL[name]()


def _loader(name: str) -> Callable[[], Org]:
    return lambda: load(name)


def _example(path: str) -> Callable[[], Org]:
    return lambda: orgroles.load(ROOT / "examples" / path)


CASES: dict[str, Case] = {
    **{
        f"example-{p.stem}": (_example(p.name), {})
        for p in sorted((ROOT / "examples").glob("*.yaml"))
    },
    "example-scaleup-responsibilities": (
        _example("scaleup_cto_cpo.yaml"),
        {"show": ["responsibilities"]},
    ),
    "example-scaleup-folded": (_example("scaleup_cto_cpo.yaml"), {"fold": 1}),
    **{f"data-{name}": (_loader(name), {}) for name in _REAL},
    "data-gitlab-vp": (lambda: load("gitlab"), {"root": GITLAB_VP}),
    "data-gitlab-vp-depth-2": (lambda: load("gitlab"), {"root": GITLAB_VP, "depth": 2}),
    "data-gitlab-vp-responsibilities": (
        lambda: load("gitlab"),
        {"root": GITLAB_VP, "show": ["responsibilities"]},
    ),
    "data-gitlab-depth-1": (lambda: load("gitlab"), {"depth": 1}),
    "data-gitlab-folded": (lambda: load("gitlab"), {"fold": 2}),
    "generated-200": (lambda: Org(**generate(200)), {}),
    "generated-2000": (lambda: Org(**generate(2000)), {}),
    "generated-300-with-teams": (lambda: with_teams(generate(300)), {}),
    "generated-300-with-assistants": (lambda: with_assistants(generate(300)), {}),
    "comb": (lambda: comb(40), {}),
    "chain": (lambda: chain(300), {}),
    "wide-team": (lambda: wide_team(40), {}),
    "wide-team-folded": (lambda: wide_team(40), {"fold": 3}),
    "hostile": (hostile_org, {}),
}


def drawn(org: Org, layout: str, **options: Any) -> tuple[Plan, Layout]:
    return arrange(make_plan(org, **options), layout)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_geometry_invariant_holds(case: str, layout: str) -> None:
    make, options = CASES[case]
    plan, chart = drawn(make(), layout, **options)
    assert plan.boxes
    problems = invariant(plan, chart)
    assert not problems, problems[:10]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "case", ["example-scaleup_cto_cpo", "data-gitlab-vp", "data-gitlab", "generated-300-with-teams"]
)
def test_the_svg_draws_exactly_the_geometry_checked(case: str, layout: str) -> None:
    make, options = CASES[case]
    plan, chart = drawn(make(), layout, **options)
    rects, wires = drawn_geometry(to_svg(plan, chart))
    assert wires == chart.wires
    assert rects == {box.node: r for box, r in zip(plan.boxes, box_rects(plan, chart), strict=True)}
    # And to_svg lays the plan out the same way by itself.
    assert to_svg(make_plan(make(), **options), layout=layout) == to_svg(plan, chart)


# -- trees made by hypothesis ------------------------------------------------------------


@st.composite
def orgs(draw: st.DrawFn) -> Org:
    """Trees and forests: wide, deep, with assistants, stacks, teams and missing managers."""
    n = draw(st.integers(1, 70))
    shape = draw(st.sampled_from(["random", "wide", "deep"]))
    roles = []
    for i in range(n):
        if i == 0:
            boss: str | None = None
        elif shape == "wide":
            boss = f"r{draw(st.integers(0, min(i - 1, 2)))}"
        elif shape == "deep":
            boss = f"r{draw(st.integers(max(0, i - 3), i - 1))}"
        else:
            boss = f"r{draw(st.integers(0, i - 1))}"
        if i and draw(st.integers(0, 9)) == 0:  # a top, or a manager not in the org
            boss = draw(st.sampled_from([None, "gone-1", "gone-2"]))
        roles.append(
            Role(
                id=f"r{i}",
                title=draw(st.sampled_from(["Dev", "Lead", "A rather long title of a role"])),
                reports_to=boss,
                assistant=bool(i) and draw(st.integers(0, 12)) == 0,
            )
        )
    teams = []
    for i in draw(st.lists(st.integers(0, n - 1), max_size=3, unique=True)):
        teams.append({"id": f"t{i}", "name": f"Team {i}", "lead": f"r{i}"})
    return Org(name="Hypothesis", roles=roles, teams=teams)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs(), st.sampled_from(LAYOUTS), st.sampled_from([None, 1, 2]), st.sampled_from([1.0, 3.0]))
def test_the_invariant_holds_for_generated_trees(
    org: Org, layout: str, fold: int | None, max_aspect: float
) -> None:
    plan, chart = arrange(make_plan(org, fold=fold), layout, max_aspect)
    problems = invariant(plan, chart)
    assert not problems, problems[:10]
