"""The core of an org: its models, its catalogue, its indexes and the primitive edits.

:class:`OrgCore` holds the data of one org and nothing else. Queries, rules, importers
and renderers are free functions over it (as networkx's algorithms are over a ``Graph``),
and :class:`orgroles.Org`, the class users get, is a thin facade that adds those
functions as methods. Nothing outside this module writes an ``OrgCore``'s fields: edits
go through :meth:`~OrgCore.put_role`, :meth:`~OrgCore.pop_role`,
:meth:`~OrgCore.put_person` and :meth:`~OrgCore.put_team`, and derived data is kept with
:meth:`~OrgCore.cached`, which every edit clears.

>>> from orgroles.model import OrgDocument, Role
>>> core = OrgCore(OrgDocument(roles=(Role(id="ceo", kind="ceo"),
...                                   Role(id="cto", kind="cto", reports_to="ceo"))))
>>> core
<OrgCore 'org': 2 roles, 0 people, 0 teams>
>>> core.title_of("cto"), core.title_of("cto", lang="fr")
('Chief Technical Officer', 'Directeur technique')
>>> core.index.depth
[0, 1]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from orgroles._internal.idmap import IdMap
from orgroles.catalog import Catalog, resolve_catalog
from orgroles.errors import (
    Location,
    OrgFileError,
    OrgValidationError,
    Problem,
    UnknownIdError,
    UnknownPersonError,
    UnknownRoleError,
    UnknownTeamError,
)
from orgroles.index import Index
from orgroles.io.problems import duplicate_ids, invisible_ids, normal_id, visible
from orgroles.io.reader import Source
from orgroles.limits import MAX_ROLES
from orgroles.model import (
    OrgDocument,
    Person,
    Responsibility,
    Role,
    RoleKind,
    RulesConfig,
    Team,
)

__all__ = ["OrgCore"]

_SECTIONS = ("responsibilities", "kinds", "people", "roles", "teams")

T = TypeVar("T")
Self = TypeVar("Self", bound="OrgCore")


class OrgCore:
    """The data of an org: roles, people and teams in file order, the resolved catalogue,
    where it came from, and the integer :class:`~orgroles.index.Index` built on demand.

    ``roles``, ``people`` and ``teams`` are read-only mappings that raise a did-you-mean
    error for an unknown id. Build one with :meth:`from_document`; users usually get an
    :class:`orgroles.Org`, which is an ``OrgCore`` with the queries as methods.
    """

    def __init__(
        self,
        document: OrgDocument,
        *,
        source: Source | None = None,
        base_dir: str | os.PathLike[str] | None = None,
        catalog: Catalog | None = None,
        problems: Iterable[Problem] = (),
    ) -> None:
        self.name: str = document.name or (
            Path(source.path).stem if source and source.path else "org"
        )
        self._named = document.name is not None
        self.description = document.description
        self.uses: tuple[str, ...] = document.uses
        self.meta: dict[str, Any] = document.meta
        self.rules: RulesConfig = document.rules
        self._schema = document.schema_
        self.source = source
        self.base_dir = Path(base_dir) if base_dir is not None else None
        problems = [*problems, *self.document_problems(document, source)]
        tables = {s: _by_id(getattr(document, s), s, source, problems) for s in _SECTIONS}
        if problems:
            raise OrgFileError(problems) if source is not None else OrgValidationError(problems)
        self._responsibilities: dict[str, Responsibility] = tables["responsibilities"]
        self._kinds: dict[str, RoleKind] = tables["kinds"]
        self._people: dict[str, Person] = tables["people"]
        self._roles: dict[str, Role] = tables["roles"]
        self._teams: dict[str, Team] = tables["teams"]
        if catalog is None:
            where = (lambda i: source.location(("uses", i))) if source else (lambda i: None)
            base = resolve_catalog(self.uses, self.base_dir, where=where)
            catalog = base.merged(Catalog(self._kinds.values(), self._responsibilities.values()))
        self.catalog: Catalog = catalog
        self.roles: Mapping[str, Role] = IdMap(self._roles, UnknownRoleError)
        self.people: Mapping[str, Person] = IdMap(self._people, UnknownPersonError)
        self.teams: Mapping[str, Team] = IdMap(self._teams, UnknownTeamError)
        self._cache: dict[str, Any] = {}
        # Role ids in file order, to match roles with their lines in the source.
        self._source_ids: list[str] | None = list(self._roles) if source is not None else None
        self._positions: dict[str, tuple[int, int]] | None = None

    @classmethod
    def from_document(
        cls: type[Self],
        document: OrgDocument,
        *,
        source: Source | None = None,
        base_dir: str | os.PathLike[str] | None = None,
        catalog: Catalog | None = None,
        problems: Iterable[Problem] = (),
    ) -> Self:
        """Build an org of this class from a validated document (what loading does).

        ``catalog``, if given, is used as the resolved catalogue instead of reading the
        document's ``uses:`` again (for copies and subtrees of an org). Repeated ids are
        an :class:`~orgroles.errors.OrgValidationError` that lists them all, with the
        ``problems`` the caller found in the same document.
        """
        org = cls.__new__(cls)
        OrgCore.__init__(
            org, document, source=source, base_dir=base_dir, catalog=catalog, problems=problems
        )
        return org

    def document_problems(self, document: OrgDocument, source: Source | None) -> list[Problem]:
        """Problems that a subclass finds in a document, reported with the core's own.

        The core finds repeated ids; :class:`orgroles.Org` adds the check of the ``rules:``
        section against the rules that exist, which the core knows nothing about.
        """
        return []

    # -- what the org holds ------------------------------------------------------------

    @property
    def kinds(self) -> Mapping[str, RoleKind]:
        """Every kind the org can use: its catalogues' and its own."""
        return self.catalog.kinds

    @property
    def responsibilities(self) -> Mapping[str, Responsibility]:
        """Every responsibility the org can use: its catalogues' and its own."""
        return self.catalog.responsibilities

    @property
    def defined_kinds(self) -> Mapping[str, RoleKind]:
        """The kinds this org itself defines (its file's ``kinds:``), in file order."""
        return IdMap(self._kinds, UnknownIdError)

    @property
    def defined_responsibilities(self) -> Mapping[str, Responsibility]:
        """The responsibilities this org itself defines (its ``responsibilities:``)."""
        return IdMap(self._responsibilities, UnknownIdError)

    def __len__(self) -> int:
        return len(self._roles)

    def __iter__(self) -> Iterator[Role]:
        return iter(self._roles.values())

    def __contains__(self, role_id: object) -> bool:
        return role_id in self._roles

    def __repr__(self) -> str:
        def n(count: int, word: str, plural: str) -> str:
            return f"{count:,} {word if count == 1 else plural}"

        return (
            f"<{type(self).__name__} {self.name!r}: {n(len(self._roles), 'role', 'roles')}, "
            f"{n(len(self._people), 'person', 'people')}, {n(len(self._teams), 'team', 'teams')}>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OrgCore):
            return NotImplemented
        return self.to_document() == other.to_document()

    __hash__ = None  # type: ignore[assignment]

    # -- one role at a time ----------------------------------------------------------------

    def role(self, role: str | Role) -> Role:
        """The role with this id (a :class:`Role` passes through)."""
        return self.roles[role] if isinstance(role, str) else role

    def kind_of(self, role: str | Role) -> RoleKind | None:
        """The catalogue entry of a role's kind, or None (no kind, or an unknown one)."""
        kind = self.role(role).kind
        return self.catalog.kinds.get(kind) if kind is not None else None

    def family_of(self, role: str | Role) -> str | None:
        """The family of a role's kind (``executive``, ``tech``, ``product``, ...), or None."""
        kind = self.kind_of(role)
        return kind.family if kind is not None else None

    def title_of(self, role: str | Role, lang: str = "en") -> str:
        """The role's own title, else its kind's title in ``lang``, else its id."""
        r = self.role(role)
        if r.title:
            return r.title
        kind = self.kind_of(r)
        return kind.text(lang) if kind is not None else r.id

    def holders_of(self, role: str | Role) -> list[Person]:
        """The people in a seat; an id that names no person gives a bare ``Person(id=...)``."""
        people = self._people
        return [people.get(pid) or Person(id=pid) for pid in self.role(role).holders]

    def location_of(self, role: str | Role) -> Location | None:
        """Where a role is written in the file the org came from, if it came from one."""
        rid = role if isinstance(role, str) else role.id
        position = self._role_positions().get(rid)
        if position is None or self.source is None:
            return None
        return Location(self.source.path, *position)

    def _role_positions(self) -> dict[str, tuple[int, int]]:
        # Computed on first use only: for a large JSON file, finding the lines costs a walk
        # of the text, which a check with no violation never needs.
        if self._positions is None:
            found: dict[str, tuple[int, int]] = {}
            if self.source is not None and self._source_ids:
                found = dict(zip(self._source_ids, self.source.positions("roles"), strict=False))
            self._positions = found
        return self._positions

    # -- derived data ------------------------------------------------------------------

    @property
    def index(self) -> Index:
        """The shared integer indexes (parents, children, depths), built once per version."""
        return self.cached("index", lambda: Index(self._roles))

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """The value kept under ``key``, built by ``build()`` the first time it is asked for.

        Queries keep what they derive from the org here (an index, a graph, a table of
        responsibilities); every edit clears it all, so nothing derived outlives a change.
        """
        try:
            found: T = self._cache[key]
        except KeyError:
            found = self._cache[key] = build()
        return found

    # -- primitive edits (see orgroles.edit for the checked ones) --------------------------

    def put_role(self, role: Role) -> None:
        """Add ``role`` at the end, or replace the role with its id in place; no check.

        :func:`orgroles.edit.add_role`, :func:`~orgroles.edit.move` and the other edits
        validate what they write and then call this.
        """
        self._roles[role.id] = role
        self._cache.clear()

    def pop_role(self, role_id: str) -> Role:
        """Remove the role with this id and return it; references to it are left as they are."""
        role = self.roles[role_id]
        del self._roles[role_id]
        self._cache.clear()
        return role

    def put_person(self, person: Person) -> None:
        """Add ``person`` at the end, or replace the person with their id in place."""
        self._people[person.id] = person
        self._cache.clear()

    def put_team(self, team: Team) -> None:
        """Add ``team`` at the end, or replace the team with its id in place."""
        self._teams[team.id] = team
        self._cache.clear()

    # -- documents -----------------------------------------------------------------------

    def to_document(self) -> OrgDocument:
        """The org as the file model, in the author's order."""
        return OrgDocument(
            schema_=self._schema,
            name=self.name if self._named else None,
            description=self.description,
            uses=self.uses,
            responsibilities=tuple(self._responsibilities.values()),
            kinds=tuple(self._kinds.values()),
            people=tuple(self._people.values()),
            roles=tuple(self._roles.values()),
            teams=tuple(self._teams.values()),
            rules=self.rules,
            meta=self.meta,
        )

    def with_document(self: Self, document: OrgDocument) -> Self:
        """A new org of this class from ``document``, keeping this org's source folder and
        catalogue (for copies, subtrees and other orgs derived from this one)."""
        return type(self).from_document(document, base_dir=self.base_dir, catalog=self.catalog)

    def copy(self: Self) -> Self:
        """An independent copy, for what-if scenarios: edits to it leave this org alone."""
        clone = type(self).from_document(
            self.to_document(), source=self.source, base_dir=self.base_dir, catalog=self.catalog
        )
        clone._source_ids = self._source_ids
        return clone


def _by_id(
    items: Iterable[Any], section: str, source: Source | None, problems: list[Problem]
) -> dict[str, Any]:
    """Index items by id; every repeated id adds a problem located at the repeat."""
    items = list(items)
    if len(items) > MAX_ROLES:
        where = source.location((section,)) if source else None
        problems.append(
            Problem(
                f"too many {section} ({len(items):,}; the limit is {MAX_ROLES:,})",
                where,
                where=section,
                code="too-large",
            )
        )
        return {}
    table = {item.id: item for item in items}
    unicode_ids = [rid for rid in table if not rid.isascii()]
    clash = len({normal_id(rid) for rid in unicode_ids}) != len(unicode_ids)
    locate = source.location if source else (lambda loc: None)
    if len(table) != len(items) or clash:  # the caller raises: which one is kept is moot
        problems += duplicate_ids(section, (x.id for x in items), locate)
    if unicode_ids and not all(visible(rid) for rid in unicode_ids):
        problems += invisible_ids(section, (x.id for x in items), locate)
    return table
