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
from orgroles.io.problems import normal_id, problems_from_validation, visible
from orgroles.limits import MAX_ROLES
from orgroles.model import OrgDocument, Person, Role
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


def _check_new_id(table: Mapping[str, Any], new_id: str, what: str) -> None:
    """Refuse an id that loading the org's dump would refuse: a repeat (also in another
    Unicode form), an id that shows nothing, one too many."""
    if new_id in table:
        raise EditError(f"a {what} with id {new_id!r} already exists")
    if len(table) >= MAX_ROLES:
        raise EditError(f"{what} {new_id!r}: the org has {MAX_ROLES:,} already, the limit")
    if new_id.isascii():
        return
    if not visible(new_id):
        shown = new_id.encode("unicode_escape").decode("ascii")
        raise EditError(f"invalid {what} id '{shown}': an id needs at least one visible character")
    same = normal_id(new_id)
    for old in table:
        if not old.isascii() and normal_id(old) == same:
            raise EditError(
                f"a {what} with id {old!r} already exists ({new_id!r} is the same id, "
                "in another Unicode form)"
            )


def _check_role(org: OrgCore, role: Role) -> None:
    """Refuse a role that loading the org's dump would refuse, or read otherwise.

    Edits change plain orgs only (a dated org refuses them), and dates on one role would
    make the whole org dated when its dump is read back: other seats planned, a seat that
    has ended gone. A `noqa` must name rules the org has, as in a file.
    """
    if role.dated:
        dated = [f for f in ("start", "end") if getattr(role, f) is not None]
        dated += [f for f in ("holder", "reports_to") if type(getattr(role, f)) is tuple]
        raise EditError(
            f"role {role.id!r}: dates ({', '.join(dated)}) need a dated org, and edits "
            "change plain orgs only: write the dates in the org's file and load it"
        )
    if role.noqa:
        document = OrgDocument(roles=(role,), rules=org.rules)
        problems = org.document_problems(document, None)
        if problems:
            found = "; ".join(p.message for p in problems)
            raise EditError(f"role {role.id!r}: noqa: {found}")


def add_role(org: OrgCore, role: Role | Mapping[str, Any]) -> Role:
    """Add a role at the end of the org; its id must be new. Returns the role.

    It is refused (`EditError`) where loading the org's dump would refuse it: a repeated
    id, dates (`start`, `end`, dated holders or lines: they need a dated org), a `noqa`
    that names no rule; and a role that reports to itself, as `move()` refuses.

    Examples:
        >>> from orgroles import Org
        >>> org = Org(roles=[{"id": "ceo"}])
        >>> add_role(org, {"id": "cto", "reports_to": "ceo"})
        Role(id='cto', reports_to='ceo')
        >>> add_role(org, {"id": "cfo", "start": "2026-01-01"})
        Traceback (most recent call last):
        ...
        orgroles.errors.EditError: role 'cfo': dates (start) need a dated org, and edits change plain orgs only: write the dates in the org's file and load it
    """  # noqa: E501
    new: Role = _validated(Role, role, "role")
    _check_new_id(org.roles, new.id, "role")
    if new.reports_to == new.id:
        raise EditError(f"{new.id!r} cannot report to itself")
    _check_role(org, new)
    org.put_role(new)
    return new


def add_person(org: OrgCore, person: Person | Mapping[str, Any]) -> Person:
    """Add a person; their id must be new. Returns the person."""
    new: Person = _validated(Person, person, "person")
    _check_new_id(org.people, new.id, "person")
    org.put_person(new)
    return new


def update_role(org: OrgCore, role: str, **changes: Any) -> Role:
    """Change fields of a role (`title=...`, `responsibilities=...`); validated.

    Use `move()` to change `reports_to`, so that cycles are refused. Setting a
    role's `kind` or `family` makes it declared (`kind_from` goes), unless
    `kind_from` is given too. What `add_role()` refuses is refused here too: dates,
    and a `noqa` that names no rule.

    Examples:
        >>> from orgroles import Org
        >>> org = Org(roles=[{"id": "ceo"}])
        >>> update_role(org, "ceo", noqa=["S003"]).noqa
        ('S003',)
        >>> update_role(org, "ceo", noqa=["ZZ99"])
        Traceback (most recent call last):
        ...
        orgroles.errors.EditError: role 'ceo': noqa: unknown rule 'ZZ99'
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
    _check_role(org, new)
    org.put_role(new)
    return new


def move(org: OrgCore, role: str, new_manager: str | None) -> None:
    """Make `role` report to `new_manager` (None: a top role).

    Refuses a move under the role itself or under someone below it, which would make a
    reporting cycle. The check walks up from the new manager (O(depth)), so that a
    script's thousand moves in a large org do not index it a thousand times.
    """
    old = org.roles[role]
    if new_manager is not None:
        org.roles[new_manager]  # an unknown manager raises UnknownRoleError
        if new_manager == role:
            raise EditError(f"{role!r} cannot report to itself")
        if _is_below(org.roles, new_manager, role):
            raise EditError(
                f"moving {role!r} under {new_manager!r} would make a reporting cycle: "
                f"{new_manager!r} is below {role!r}"
            )
    org.put_role(dataclasses.replace(old, reports_to=new_manager))


def _is_below(roles: Mapping[str, Role], rid: str, top: str) -> bool:
    """Whether `top` is one of `rid`'s managers, at any level: a walk up the chain,
    which stops at a top, at a manager not in the org, or where the chain loops."""
    seen = {rid}
    current = roles[rid].manager_id
    while current is not None and current not in seen:
        if current == top:
            return True
        seen.add(current)
        above = roles.get(current)
        current = above.manager_id if above is not None else None
    return False


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
