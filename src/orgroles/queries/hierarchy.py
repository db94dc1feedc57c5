"""Reporting lines: managers, reports, chains of command, spans, layers and subtrees.

Examples use the bundled three-person tech team:

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> [r.id for r in reports(org, "cto")]
    ['dev-1', 'dev-2']
    >>> manager(org, "dev-1").id
    'cto'
    >>> [r.id for r in chain(org, "dev-1")]
    ['dev-1', 'cto', 'ceo']
    >>> span(org)
    {'ceo': 1, 'cto': 2, 'dev-1': 0, 'dev-2': 0}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from orgroles.errors import OrgUsageError
from orgroles.index import NO_PARENT

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role

OrgT = TypeVar("OrgT", bound="OrgCore")

__all__ = ["chain", "layers", "manager", "reports", "roots", "span", "subset", "subtree"]


def _pos(org: OrgCore, role: str | Role) -> int:
    rid = role if isinstance(role, str) else getattr(role, "id", role)
    pos = org.index.pos.get(rid) if isinstance(rid, str) else None
    if pos is None:
        org.roles[rid]  # type: ignore[index]  # UnknownRoleError, with a did-you-mean
    return pos  # type: ignore[return-value]


def _roles(org: OrgCore, positions: list[int]) -> list[Role]:
    ids = org.index.ids
    roles = org.roles
    return [roles[ids[i]] for i in positions]


def manager(org: OrgCore, role: str | Role) -> Role | None:
    """The role's manager: None for a top role, or when `reports_to` names no role.

    Dotted-line managers (`dotted_to`) never count here.
    """
    p = org.index.parent[_pos(org, role)]
    return None if p == NO_PARENT else org.roles[org.index.ids[p]]


def reports(org: OrgCore, role: str | Role, transitive: bool = False) -> list[Role]:
    """The direct reports of a role, in file order; with `transitive`, everyone below.

    Assistants are included (they report to the role, even if they are not counted in
    its span). The transitive walk is breadth first, O(answer), and safe in a cycle.
    """
    i = _pos(org, role)
    index = org.index
    return _roles(org, index.below(i) if transitive else index.reports(i))


def chain(org: OrgCore, role: str | Role) -> list[Role]:
    """The chain of command: the role, its manager, and so on up to the top.

    In a reporting cycle the chain stops before it would repeat a role.
    """
    return _roles(org, org.index.chain(_pos(org, role)))


def span(org: OrgCore) -> dict[str, int]:
    """The span of control of every role: its direct reports, assistants excluded."""
    index = org.index
    children = index.children
    assistant = index.assistant
    out = dict.fromkeys(index.ids, 0)
    ids = index.ids
    for i, kids in children.items():
        out[ids[i]] = sum(1 for c in kids if not assistant[c])
    return out


def layers(org: OrgCore) -> dict[str, int | None]:
    """The layer of every role: 1 for a top, 2 for its reports, and so on.

    Layers are counted as everywhere in orgroles (`to_frame()["layer"]`, `metrics()`,
    the rule C003): the top is on layer 1. A role that no top reaches (in a reporting
    cycle, or below one) has layer None.
    """
    index = org.index
    return {rid: (d + 1 if d >= 0 else None) for rid, d in zip(index.ids, index.depth, strict=True)}


def roots(org: OrgCore) -> list[Role]:
    """The top roles: those with no `reports_to`."""
    return _roles(org, org.index.roots)


def subtree(org: OrgT, root: str | Role, depth: int | None = None) -> OrgT:
    """A new org with `root` and the roles below it, down to `depth` layers under it.

    The new org keeps the people who hold its roles, the teams restricted to its roles,
    the catalogue and the rule configuration. `root` becomes its top role. Its
    `truncated` says how many roles were left out below each
    role of its bottom layer, so that its charts still show "+N below":

    Examples:
        >>> import orgroles
        >>> org = orgroles.load("examples/scaleup_cto_cpo.yaml")
        >>> dict(subtree(org, "cto", depth=1).truncated)
        {'em-platform': 4, 'lead-apps': 4}
    """

    i = _pos(org, root)
    index = org.index
    keep = [i]
    if depth is None:
        keep += index.below(i)
    elif isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
        raise OrgUsageError(f"depth must be a whole number, 0 or more, not {depth!r}")
    frontier = [i]
    if depth is not None:
        seen = {i}
        for _ in range(depth):
            nxt = [c for p in frontier for c in index.reports(p) if c not in seen]
            seen.update(nxt)
            keep += nxt
            frontier = nxt
    keep.sort()
    ids = index.ids
    # What was left out below each kept role: the roles under the bottom layer, and what
    # this org had left out already.
    before = org.truncated
    truncated = {ids[k]: before[ids[k]] for k in keep if ids[k] in before}
    if depth is not None:
        for k in frontier:
            below = index.below(k)
            if below:
                left_out = len(below) + sum(before.get(ids[j], 0) for j in below)
                truncated[ids[k]] = truncated.get(ids[k], 0) + left_out
    chosen = [org.roles[ids[k]] for k in keep]
    at = keep.index(i)
    if chosen[at].reports_to is not None:
        chosen[at] = dataclasses.replace(chosen[at], reports_to=None)
    return _restricted(org, chosen, truncated)


def subset(org: OrgT, roles: Iterable[str | Role]) -> OrgT:
    """A new org of these roles alone, each reporting to its nearest manager among them
    (a top when it has none): "the product org" of a company whose product people sit
    under several managers. The roles keep their file order.

    The new org keeps the people who hold its roles, the teams restricted to its roles,
    the catalogue and the rule configuration; `org.subset(selector)` takes a selector.

    Examples:
        >>> import orgroles
        >>> org = orgroles.load("examples/scaleup_cto_cpo.yaml")
        >>> part = subset(org, ["cpo", "designer-1", "pm-core"])  # not the design lead
        >>> [(r.id, r.reports_to) for r in part.roles.values()]
        [('cpo', None), ('pm-core', 'cpo'), ('designer-1', 'cpo')]
    """
    index = org.index
    keep = sorted({_pos(org, r) for r in roles})
    kept = set(keep)
    parent = index.parent
    nearest: dict[int, int] = {}  # a role's nearest kept manager, or NO_PARENT: memoised

    def above(i: int) -> int:
        path: list[int] = []  # the managers left out on the way up
        on_path: set[int] = set()
        p = parent[i]
        while p != NO_PARENT and p not in kept and p not in nearest:
            if p in on_path:  # a reporting cycle of roles left out: no kept manager
                p = NO_PARENT
                break
            path.append(p)
            on_path.add(p)
            p = parent[p]
        found = p if p == NO_PARENT or p in kept else nearest[p]
        for q in path:
            nearest[q] = found
        return found

    ids = index.ids
    chosen = []
    for k in keep:
        role = org.roles[ids[k]]
        boss = above(k)
        if boss == k:  # a cycle through roles left out comes back to it: no manager
            boss = NO_PARENT
        if boss == parent[k] and boss != NO_PARENT:
            chosen.append(role)  # its own manager is kept: unchanged
        elif boss != NO_PARENT:
            chosen.append(dataclasses.replace(role, reports_to=ids[boss]))
        elif parent[k] != NO_PARENT:
            chosen.append(dataclasses.replace(role, reports_to=None))
        else:
            chosen.append(role)  # a top, or a manager that names no role: as it was
    return _restricted(org, chosen, {})


def _restricted(org: OrgT, chosen: list[Role], truncated: dict[str, int]) -> OrgT:
    """A new org of `org` with these roles, the people who hold them, and its teams
    restricted to them."""
    wanted = {r.id for r in chosen}
    holders = {pid for r in chosen for pid in r.holders}
    teams = []
    for t in org.teams.values():
        members = tuple(m for m in t.members if m in wanted)
        lead = t.lead if t.lead in wanted else None
        if members or lead:
            teams.append(dataclasses.replace(t, members=members, lead=lead))
    document = org.to_document()
    return org.with_document(
        dataclasses.replace(
            document,
            roles=tuple(chosen),
            people=tuple(p for p in document.people if p.id in holders),
            teams=tuple(teams),
        ),
        truncated=truncated,
    )
