"""Who holds what: a role's effective responsibilities, and the roles that hold one.

A role's effective responsibilities are its kind's defaults, minus the ones it drops,
plus the ones it adds, in that order.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> "hands-on-coding" in [r.id for r in responsibilities_of(org, "cto")]
    True
    >>> [r.id for r in roles_with(org, "define-technical-strategy")]
    ['cto']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgroles.model import Responsibility

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role

__all__ = ["effective_ids", "responsibilities_of", "responsibility_ids", "roles_with"]


def effective_ids(org: OrgCore, role: Role) -> tuple[str, ...]:
    """The ids of a role's effective responsibilities, in order, without repeats."""
    kind = org.catalog.kinds.get(role.kind) if role.kind is not None else None
    defaults = kind.responsibilities if kind is not None else ()
    if not role.responsibilities and not role.drop:
        return defaults  # the common case: shared, nothing built
    dropped = set(role.drop)
    out = [r for r in defaults if r not in dropped]
    seen = set(out)
    for r in role.responsibilities:
        if r not in seen:
            seen.add(r)
            out.append(r)
    return tuple(out)


def responsibility_ids(org: OrgCore) -> list[tuple[str, ...]]:
    """The effective responsibility ids of every role, by index position (cached)."""
    return org.cached("responsibilities", lambda: _responsibility_ids(org))


def _responsibility_ids(org: OrgCore) -> list[tuple[str, ...]]:
    defaults = {k.id: k.responsibilities for k in org.catalog.kinds.values()}
    found: list[tuple[str, ...]] = []
    append = found.append
    for role in org.roles.values():
        if role.responsibilities or role.drop:
            append(effective_ids(org, role))
        else:  # the common case: the kind's defaults, shared
            append(defaults.get(role.kind, ()) if role.kind is not None else ())
    return found


def _definition(org: OrgCore, rid: str) -> Responsibility:
    found = org.catalog.responsibilities.get(rid)
    return found if found is not None else Responsibility(id=rid)


def responsibilities_of(org: OrgCore, role: str | Role) -> list[Responsibility]:
    """A role's effective responsibilities as catalogue entries.

    An id that no catalogue defines gives a bare `Responsibility(id=...)` with no
    category (the rule R004 reports it).
    """
    r = org.role(role)
    return [_definition(org, rid) for rid in effective_ids(org, r)]


def roles_with(org: OrgCore, responsibility: str) -> list[Role]:
    """The roles that hold `responsibility` (kind defaults included), in file order."""
    roles = list(org.roles.values())
    return [roles[i] for i, held in enumerate(responsibility_ids(org)) if responsibility in held]
