"""Editing an org in place, for what-if work in scripts and notebooks.

Edits change the :class:`~orgroles.Org` they are called on, and every index and cache
is rebuilt on next use, so queries always see the current state. To compare a scenario
with the original, edit a copy and diff the two:

>>> import orgroles
>>> org = orgroles.load("examples/three_person_tech_team.yaml")
>>> scenario = org.copy()
>>> scenario.move("dev-2", "ceo")
>>> scenario.vacate("cto")
>>> print(org.diff(scenario))
moved      dev-2: cto -> ceo
restaffed  cto: camille -> (vacant)

Why in place rather than returning a new org: a notebook user thinks of "the org" and
changes it step by step, and a copy is one explicit call (:meth:`Org.copy`) when the
original must be kept. Every edit validates what it writes, and refuses an edit that
would break the structure it is about (a move that makes a cycle) with an
:class:`~orgroles.errors.EditError`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from orgroles.errors import EditError, OrgValidationError
from orgroles.io.problems import problems_from_validation
from orgroles.model import Person, Role

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["add_person", "add_role", "assign", "move", "remove_role", "update_role", "vacate"]


def _validated(cls: type[Any], data: Any, where: str) -> Any:
    if isinstance(data, cls):
        return data
    try:
        return cls(**data)
    except ValidationError as exc:
        raise OrgValidationError(
            [
                dataclasses.replace(p, where=f"{where}.{p.where}" if p.where else where)
                for p in problems_from_validation(exc, data, None, None, cls)
            ]
        ) from None
    except TypeError as exc:
        raise EditError(f"{where}: {exc}") from None


def add_role(org: OrgCore, role: Role | Mapping[str, Any]) -> Role:
    """Add a role at the end of the org; its id must be new. Returns the role."""
    new: Role = _validated(Role, role, "role")
    if new.id in org.roles:
        raise EditError(f"a role with id {new.id!r} already exists")
    org.put_role(new)
    return new


def add_person(org: OrgCore, person: Person | Mapping[str, Any]) -> Person:
    """Add a person; their id must be new. Returns the person."""
    new: Person = _validated(Person, person, "person")
    if new.id in org.people:
        raise EditError(f"a person with id {new.id!r} already exists")
    org.put_person(new)
    return new


def update_role(org: OrgCore, role: str, **changes: Any) -> Role:
    """Change fields of a role (``title=...``, ``responsibilities=...``); validated.

    Use :func:`move` to change ``reports_to``, so that cycles are refused.
    """
    old = org.roles[role]
    if "id" in changes and changes["id"] != old.id:
        raise EditError("a role's id cannot change: add a new role and remove the old one")
    if "reports_to" in changes:
        raise EditError("use move() to change a manager, so that cycles are refused")
    try:
        new = dataclasses.replace(old, **changes)
    except ValidationError as exc:
        raise OrgValidationError(problems_from_validation(exc, changes, None, None, Role)) from None
    except TypeError as exc:
        raise EditError(str(exc)) from None
    org.put_role(new)
    return new


def move(org: OrgCore, role: str, new_manager: str | None) -> None:
    """Make ``role`` report to ``new_manager`` (None: a top role).

    Refuses a move under the role itself or under someone below it, which would make a
    reporting cycle.
    """
    old = org.roles[role]
    if new_manager is not None:
        org.roles[new_manager]  # an unknown manager raises UnknownRoleError
        if new_manager == role:
            raise EditError(f"{role!r} cannot report to itself")
        index = org.index
        below = {index.ids[i] for i in index.below(index.pos[role])}
        if new_manager in below:
            raise EditError(
                f"moving {role!r} under {new_manager!r} would make a reporting cycle: "
                f"{new_manager!r} is below {role!r}"
            )
    org.put_role(dataclasses.replace(old, reports_to=new_manager))


def assign(
    org: OrgCore, role: str, person: str | Person | list[str], *, acting: bool = False
) -> None:
    """Put a person (or, with a list, a job share) in a seat.

    A :class:`Person` not yet in the org is added; a person id must name a known person.
    """
    old = org.roles[role]
    if isinstance(person, Person):
        if person.id not in org.people:
            add_person(org, person)
        holder: str | tuple[str, ...] = person.id
    elif isinstance(person, str):
        org.people[person]  # an unknown id raises UnknownPersonError with a did-you-mean
        holder = person
    else:
        for pid in person:
            org.people[pid]
        holder = tuple(person)
    org.put_role(dataclasses.replace(old, holder=holder, acting=acting))


def vacate(org: OrgCore, role: str) -> None:
    """Leave a seat empty (its holder, if any, keeps their other seats)."""
    old = org.roles[role]
    org.put_role(dataclasses.replace(old, holder=None, acting=False))


def remove_role(
    org: OrgCore, role: str, *, reports: Literal["move_up", "error"] = "move_up"
) -> Role:
    """Remove a role. Its direct reports move up to its manager (``reports="move_up"``,
    the default) or the removal is refused (``reports="error"``).

    References to the role are cleaned up: dotted lines to it are dropped, and teams
    lose it as a member (or as their lead). Returns the removed role.
    """
    old = org.roles[role]
    index = org.index
    direct = [index.ids[i] for i in index.reports(index.pos[role])]
    if direct and reports == "error":
        raise EditError(f"{role!r} has {len(direct)} direct reports: {', '.join(direct)}")
    if reports not in ("move_up", "error"):
        raise EditError(f"reports must be 'move_up' or 'error', not {reports!r}")
    for rid, r in list(org.roles.items()):
        changes: dict[str, Any] = {}
        if r.reports_to == role and rid != role:
            changes["reports_to"] = old.reports_to if old.reports_to != rid else None
        if role in r.dotted_to:
            changes["dotted_to"] = tuple(x for x in r.dotted_to if x != role)
        if changes:
            org.put_role(dataclasses.replace(r, **changes))
    for t in list(org.teams.values()):
        if role in t.members or t.lead == role:
            org.put_team(
                dataclasses.replace(
                    t,
                    lead=None if t.lead == role else t.lead,
                    members=tuple(m for m in t.members if m != role),
                )
            )
    return org.pop_role(role)
