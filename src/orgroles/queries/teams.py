"""Teams: declared ones, and the implicit team a role leads (itself and everyone below).

When the file declares teams, a role belongs to the teams that name it as lead or
member. A declared team with a `lead` and no `members` is its lead's line: the lead
and everyone below. A role in no declared team belongs to the implicit team of its
manager (its work group); a top role, to its own.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> t = team(org, "cto")
    >>> t.lead, t.members
    ('cto', ('dev-1', 'dev-2'))
    >>> team_of(org, "dev-1").id
    'cto'
    >>> headcount(org, t)
    3
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgroles.errors import UnknownTeamOrRoleError
from orgroles.model import Team

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role

__all__ = ["headcount", "members", "membership", "team", "team_ids", "team_of", "teams_of"]


def membership(org: OrgCore) -> dict[str, list[str]]:
    """For every role in a declared team, the ids of its teams in file order (cached)."""
    return org.cached("membership", lambda: _membership(org))


def _membership(org: OrgCore) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for t in org.teams.values():
        for rid in members(org, t):
            ids = found.setdefault(rid, [])
            if not ids or ids[-1] != t.id:  # a repeat within this team: O(1), not a search
                ids.append(t.id)
    return found


def _led(org: OrgCore) -> dict[str, Team]:
    """The first declared team each role leads (cached): one pass, not one per question."""

    def build() -> dict[str, Team]:
        found: dict[str, Team] = {}
        for t in org.teams.values():
            if t.lead is not None:
                found.setdefault(t.lead, t)
        return found

    return org.cached("team-by-lead", build)


def team(org: OrgCore, lead: str | Role) -> Team:
    """A team: a declared team by its id, or the team a role leads (the declared team it
    leads, else itself and everyone below).

    An id that names a declared team gives that team, even where a role has the same id;
    an id that names neither raises `UnknownTeamOrRoleError`.
    """
    if isinstance(lead, str):
        found = org.teams.get(lead)
        if found is not None:
            return found
        if lead not in org.roles:
            raise UnknownTeamOrRoleError(lead, [*org.teams, *org.roles])
    r = org.role(lead)
    declared = _led(org).get(r.id)
    if declared is not None:
        return declared
    index = org.index
    below = index.below(index.pos[r.id])
    return Team(
        id=r.id,
        name=f"{org.title_of(r)} team",
        lead=r.id,
        members=tuple(index.ids[i] for i in sorted(below)),
    )


def team_ids(org: OrgCore) -> list[str]:
    """For every role, in file order, the id of the team it works in: its first declared
    team, else its manager's id (the implicit team the manager leads), else its own id.

    Examples:
        >>> import orgroles
        >>> team_ids(orgroles.load("examples/three_person_tech_team.yaml"))
        ['ceo', 'ceo', 'cto', 'cto']
    """
    declared = membership(org)
    index = org.index
    ids = index.ids
    return [
        declared[rid][0] if rid in declared else (ids[p] if p >= 0 else rid)
        for rid, p in zip(ids, index.parent, strict=True)
    ]


def teams_of(org: OrgCore, role: str | Role) -> list[Team]:
    """The declared teams a role belongs to (as lead or member), in file order."""
    rid = org.role(role).id
    return [org.teams[t] for t in membership(org).get(rid, ())]


def team_of(org: OrgCore, role: str | Role) -> Team:
    """The team a role works in: its first declared team, else its manager's team."""
    r = org.role(role)
    declared = membership(org).get(r.id)
    if declared:
        return org.teams[declared[0]]
    index = org.index
    p = index.parent[index.pos[r.id]]
    return team(org, index.ids[p] if p >= 0 else r.id)


def members(org: OrgCore, t: Team) -> list[str]:
    """The role ids of a team: its lead, then its members, without repeats.

    A team with a lead and no members is the lead's line: the lead and everyone below it,
    in file order.
    """
    if not t.members and t.lead:
        index = org.index
        at = index.pos.get(t.lead)
        if at is not None:
            return [t.lead, *(index.ids[i] for i in sorted(index.below(at)))]
    out = [t.lead] if t.lead else []
    seen = set(out)
    for m in t.members:
        if m not in seen:
            seen.add(m)
            out.append(m)
    return out


def headcount(org: OrgCore, t: Team | str) -> int:
    """How many distinct people hold the seats of a team; vacant seats count for nobody.

    `t` is a team, or an id as `team()` reads it: a declared team's, or a role's (the
    team it leads).

    Examples:
        >>> import orgroles
        >>> org = orgroles.load("examples/scaleup_cto_cpo.yaml")
        >>> headcount(org, "cto") == headcount(org, team(org, "cto"))
        True
    """
    if not isinstance(t, Team):  # an id (anything else is an unknown one)
        t = team(org, t)
    people: set[str] = set()
    roles = org.roles
    for rid in members(org, t):
        role = roles.get(rid)
        if role is not None:
            people.update(role.holders)
    return len(people)
