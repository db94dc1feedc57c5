"""`show` and `color_by` naming a meta field that no role or person has: a warning with
the nearest field, and the chart drawn without it. Every person here is invented."""

from __future__ import annotations

import re
import warnings
from typing import Any

import pytest

import orgroles
from orgroles.render import render_svg
from orgroles.render.options import ChartOptionWarning

from tests.helpers import Cli, Write

ORG = """\
name: Acme
people:
  - {id: a, name: Ines Marlow, meta: {badge: "007"}}
roles:
  - {id: ceo, title: CEO, holder: a, meta: {site: Lyon}}
  - {id: cto, title: CTO, reports_to: ceo, meta: {site: Oslo, cost_center: R1}}
"""


@pytest.fixture
def org() -> orgroles.Org:
    return orgroles.loads(ORG)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"show": ["title", "meta.sites"]},
            "no role or person has meta.sites (did you mean 'site'?), asked for by the "
            "cards' lines (--show); the meta fields of this org are: badge, cost_center, site",
        ),
        (
            {"color_by": "meta.cost-center"},
            "no role or person has meta.cost-center (did you mean 'cost_center'?), asked for "
            "by the colours (--color-by); the meta fields of this org are: badge, "
            "cost_center, site",
        ),
    ],
)
def test_a_field_no_one_has_is_named_with_the_nearest(
    org: orgroles.Org, options: dict[str, Any], message: str
) -> None:
    with pytest.warns(ChartOptionWarning) as caught:
        svg = render_svg(org, **options)
    assert [str(w.message) for w in caught] == [message]
    assert "CTO" in svg  # drawn all the same


def test_fields_of_roles_and_of_people_are_known(org: orgroles.Org) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        svg = render_svg(org, show=["title", "meta.site", "meta.badge"], color_by="meta.site")
    assert "Oslo" in svg
    assert "007" in svg


def test_an_org_without_meta_says_so() -> None:
    org = orgroles.loads("roles: [{id: ceo}]")
    with pytest.warns(ChartOptionWarning, match=r"meta\.site, .*; this org has no meta fields"):
        render_svg(org, color_by="meta.site")


def test_the_command_line_prints_it(write: Write, run: Cli) -> None:
    path = write("org.yaml", ORG)
    result = run("render", path, "-o", path.with_name("c.svg"), "--show", "meta.sitee")
    assert result.exit_code == 0
    assert "orgroles: warning: no role or person has meta.sitee (did you mean 'site'?)" in (
        result.stderr
    )


def test_colours_by_team_in_an_org_without_teams_are_said_to_give_grey(org: orgroles.Org) -> None:
    with pytest.warns(ChartOptionWarning, match="declares no team: every box is grey"):
        render_svg(org, color_by="team")


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ({"direction": "LR"}, "for --direction LR (direction='LR'), write another format"),
        ({"show": ["photo"]}, "for photos (--show photo), write another format"),
    ],
)
def test_the_explorer_says_what_it_does_not_draw(
    org: orgroles.Org, options: dict[str, Any], said: str
) -> None:
    from orgroles.render import render_bytes

    with pytest.warns(ChartOptionWarning, match=re.escape(said)):
        render_bytes(org, "html", **options)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_bytes(org, "html")
        render_svg(org, direction="LR")
