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

from operator import attrgetter
from typing import TYPE_CHECKING

from orgroles.model import Responsibility

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role

__all__ = ["effective_ids", "responsibilities_of", "responsibility_ids", "roles_with"]


def effective_ids(org: OrgCore, role: Role) -> tuple[str, ...]:
    """The ids of a role's effective responsibilities, in order, without repeats."""
    return _effective(org, role.kind, role.responsibilities, role.drop)


def _effective(
    org: OrgCore, kind_id: str | None, added: tuple[str, ...], dropped: tuple[str, ...]
) -> tuple[str, ...]:
    kind = org.catalog.kinds.get(kind_id) if kind_id is not None else None
    defaults = kind.responsibilities if kind is not None else ()
    if not added and not dropped:
        return defaults  # the common case: shared, nothing built
    gone = set(dropped)
    out = [r for r in defaults if r not in gone]
    seen = set(out)
    for r in added:
        if r not in seen:
            seen.add(r)
            out.append(r)
    return tuple(out)


def responsibility_ids(org: OrgCore) -> list[tuple[str, ...]]:
    """The effective responsibility ids of every role, by index position (cached)."""
    return org.cached("responsibilities", lambda: _responsibility_ids(org))


def _responsibility_ids(org: OrgCore) -> list[tuple[str, ...]]:
    # Roles repeat a few combinations of kind, added and dropped duties: each distinct one
    # is worked out once, and every role gets its combination's tuple in C.
    roles = org.roles.values()
    keys = list(zip(map(_KIND, roles), map(_ADDED, roles), map(_DROPPED, roles), strict=True))
    table = {key: _effective(org, *key) for key in dict.fromkeys(keys)}
    return list(map(table.__getitem__, keys))


_KIND = attrgetter("kind")
_ADDED = attrgetter("responsibilities")
_DROPPED = attrgetter("drop")


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
