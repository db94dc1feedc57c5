"""Editing an org in place, for what-if work in scripts and notebooks.

Edits change the `Org` they are called on, and every index and cache
is rebuilt on next use, so queries always see the current state. To compare a scenario
with the original, edit a copy and diff the two:

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> scenario = org.copy()
    >>> scenario.move("dev-2", "ceo")
    >>> scenario.vacate("cto")
    >>> print(org.diff(scenario))
    moved      dev-2: cto -> ceo
    restaffed  cto: camille -> (vacant)

    Why in place rather than returning a new org: a notebook user thinks of "the org" and
    changes it step by step, and a copy is one explicit call (`Org.copy()`) when the
    original must be kept. Every edit validates what it writes, and refuses an edit that
    would break the structure it is about (a move that makes a cycle) with an
    `EditError`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from orgroles.errors import EditError, OrgValidationError
from orgroles.io.problems import problems_from_validation
from orgroles.model import Person, Role
from orgroles.queries.hierarchy import reports
from orgroles.queries.kinds import KindsFound, kinds_found
from orgroles.queries.teams import membership

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = [
    "accept_kinds",
    "add_person",
    "add_role",
    "assign",
    "infer_kinds",
    "move",
    "remove_role",
    "update_role",
    "vacate",
]


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
    """Change fields of a role (`title=...`, `responsibilities=...`); validated.

    Use `move()` to change `reports_to`, so that cycles are refused. Setting a
    role's `kind` or `family` makes it declared (`kind_from` goes), unless
    `kind_from` is given too.
    """
    old = org.roles[role]
    if "id" in changes and changes["id"] != old.id:
        raise EditError("a role's id cannot change: add a new role and remove the old one")
    if "reports_to" in changes:
        raise EditError("use move() to change a manager, so that cycles are refused")
    if ("kind" in changes or "family" in changes) and "kind_from" not in changes:
        changes["kind_from"] = None  # the user says what it is: no longer inferred
    try:
        new = dataclasses.replace(old, **changes)
    except ValidationError as exc:
        raise OrgValidationError(problems_from_validation(exc, changes, None, None, Role)) from None
    except TypeError as exc:
        raise EditError(str(exc)) from None
    org.put_role(new)
    return new


def move(org: OrgCore, role: str, new_manager: str | None) -> None:
    """Make `role` report to `new_manager` (None: a top role).

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

    A `Person` not yet in the org is added; a person id must name a known person.
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
    """Remove a role. Its direct reports move up to its manager (`reports="move_up"`,
    the default) or the removal is refused (`reports="error"`).

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
            changes["reports_to"] = old.reports_to if old.reports_to not in (rid, role) else None
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


def infer_kinds(org: OrgCore, *, lang: str | None = None) -> KindsFound:
    """Fill in the kind (or the family) and the seniority of every role from its title,
    as the importers do; the names of a role's declared teams are its departments.

    A declared kind is never changed; a kind inferred before is inferred again (a title or
    a catalogue may have changed). Returns what is now known (`KindsFound`).

    Examples:
        >>> from orgroles import Org
        >>> org = Org(roles=[{"id": "a", "title": "Directrice technique"},
        ...                  {"id": "b", "title": "Sr. Software Engineer", "reports_to": "a"}])
        >>> infer_kinds(org).share
        1.0
        >>> org.roles["b"]
        Role(id='b', title='Sr. Software Engineer', kind='developer', kind_from='title', seniority='senior', reports_to='a')
    """  # noqa: E501
    from orgroles.catalog import infer_role  # the title matcher loads when used

    teams_of = membership(org)
    teams = org.teams
    untold: list[Role] = []  # inferred with no kind: the reports may settle a shared title
    for role in list(org.roles.values()):
        if role.kind is not None and role.kind_from is None:
            continue
        departments = [teams[t].display_name for t in teams_of.get(role.id, ())]
        new = infer_role(role, org.catalog, department=departments or None, lang=lang)
        if new != role:
            org.put_role(new)
        if new.kind is None and new.title:
            untold.append(new)
    for role in untold:
        below = reports(org, role.id)
        if not below:
            continue
        families = [org.family_of(r) for r in below]
        departments = [teams[t].display_name for t in teams_of.get(role.id, ())]
        new = infer_role(
            role, org.catalog, department=departments or None, lang=lang, reports=families
        )
        if new != role:
            org.put_role(new)
    return kinds_found(org)


def accept_kinds(org: OrgCore, selector: str = "") -> int:
    """Accept the inferred kinds of the roles a selector picks (all by default): they
    become declared (`kind_from` goes). Returns how many roles changed.

    Examples:
        >>> from orgroles import Org
        >>> org = Org(roles=[{"id": "a", "title": "CTO"}])
        >>> _ = infer_kinds(org)
        >>> accept_kinds(org), org.roles["a"].kind, org.roles["a"].kind_from
        (1, 'cto', None)
    """
    from orgroles.selectors.syntax import parse  # not on a check's path

    changed = 0
    for role in parse(selector).select(org):
        if role.kind_from is not None:
            org.put_role(dataclasses.replace(role, kind_from=None))
            changed += 1
    return changed
