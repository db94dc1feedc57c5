"""What a chart colours its boxes by when it is not told: `color_by="auto"`, the default.

A box takes the colour of its role's family (engineering, product, sales...), which the
kind of the role, or its title, gives. The families are those of a company's usual
functions: the roles of a hospital, a school or a factory ("Staff Nurse", "Registrar",
"Machine Operator") have none, and a chart of them coloured by family is grey. When
fewer than half the roles have a family, and their teams (the departments of an HR
export) colour more of them, in two colours at least, the chart is coloured by team;
else by family, as `color_by="family"` does. The choice is made once for the whole
org, so that every chart drawn from it (each slide of a deck, a chart of one branch)
speaks the same colours.

    >>> import orgroles
    >>> org = orgroles.loads('''
    ... roles:
    ...   - {id: head, title: Director of Nursing}
    ...   - {id: sister, title: Ward Sister, reports_to: head}
    ...   - {id: porter, title: Porter, reports_to: head}
    ... teams:
    ...   - {id: nursing, name: Nursing, members: [head, sister]}
    ...   - {id: estates, name: Estates, members: [porter]}
    ... ''')
    >>> chosen_color_by(org)
    'team'
    >>> chosen_color_by(orgroles.load("examples/scaleup_cto_cpo.yaml"))
    'family'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from orgroles.queries.teams import membership

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["AUTO", "chosen_color_by", "nearest_team"]

AUTO = "auto"
"""The `color_by` that lets the chart choose between `"family"` and `"team"`."""


def nearest_team(org: OrgCore, found: Sequence[str]) -> str:
    """Of the teams `found` of a role, the one nearest it: the smallest."""
    return min(found, key=lambda t: len(org.teams[t].members))


def chosen_color_by(org: OrgCore) -> str:
    """`"team"` or `"family"`: what a chart of `org` with `color_by="auto"` is coloured by
    (see the module's text). Cached on the org, as the charts of one org all ask."""
    return org.cached("render.auto-color", lambda: _choose(org, membership(org)))


def _choose(org: OrgCore, teams: Mapping[str, Sequence[str]]) -> str:
    with_family = 0
    with_team = 0
    colors: set[str] = set()
    for role in org.roles.values():
        if org.family_of(role) is not None:
            with_family += 1
        found = teams.get(role.id)
        if found:
            with_team += 1
            if len(colors) < 2:
                colors.add(nearest_team(org, found))
    if 2 * with_family < len(org.roles) and with_team > with_family and len(colors) >= 2:
        return "team"
    return "family"
