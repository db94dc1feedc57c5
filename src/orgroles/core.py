"""The core of an org: its models, its catalogue, its indexes and the primitive edits.

`OrgCore` holds the data of one org and nothing else. Queries, rules, importers and
renderers are free functions over it (as networkx's algorithms are over a `Graph`), and
`orgroles.Org`, the class users get, is a thin facade that adds those functions as
methods. Nothing outside this module writes an `OrgCore`'s fields: edits go through
`put_role()`, `pop_role()`, `put_person()` and `put_team()`, and derived data is kept
with `cached()`, which every edit clears.

Examples:
    >>> from orgroles.model import OrgDocument, Role
    >>> core = OrgCore(OrgDocument(roles=(Role(id="ceo", kind="ceo"),
    ...                                   Role(id="cto", kind="cto", reports_to="ceo"))))
    >>> core
    <OrgCore 'org': 2 roles, 0 people, 0 teams>
    >>> core.title_of("cto"), core.title_of("cto", lang="fr"), core.index.depth
    ('Chief Technical Officer', 'Directeur technique', [0, 1])

    **Dated orgs.** An org whose file has dates (see `orgroles.model.dates`) keeps those
    *records*, which `to_document()` writes back, and shows itself as of one day, its
    `view_date` (today by default): `roles` holds the plain roles of that day, with the
    seats that open later as `planned` when that day is today or later. `as_of()` gives
    the plain org of another day, `viewed()` the same dated org seen on another day. The
    primitive edits refuse a dated org: an edit of one day's view would not say from when
    it holds.

    >>> import datetime
    >>> dated = OrgCore(OrgDocument(roles=(
    ...     Role(id="ceo", holder="ana"),
    ...     Role(id="cto", start="2026-01-01", holder="bo", reports_to="ceo"))),
    ...     today=datetime.date(2025, 6, 1))
    >>> [(r.id, r.planned) for r in dated], [r.id for r in dated.as_of("2024-01-01")]
    ([('ceo', False), ('cto', True)], ['ceo'])
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from orgroles._internal import clock
from orgroles._internal.dates import day as _day
from orgroles._internal.derived import DropsDerived, shallow
from orgroles._internal.gc import gc_paused
from orgroles._internal.idmap import IdMap
from orgroles._internal.once import build_once
from orgroles._internal.readonly import ReadOnly
from orgroles._internal.text import plural
from orgroles._internal.validators import made
from orgroles.catalog import Catalog, resolve_catalog
from orgroles.errors import (
    EditError,
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
from orgroles.io.reader import Source
from orgroles.io.tables import date_problems, index_by_id
from orgroles.model import OrgDocument, Person, Responsibility, Role, RoleKind, RulesConfig, Team
from orgroles.model.copies import detached_document, free_copy
from orgroles.model.dates import dated_positions, view

__all__ = ["OrgCore"]

_SECTIONS = ("responsibilities", "kinds", "people", "roles", "teams")
_NOTHING_LEFT_OUT: Mapping[str, int] = ReadOnly({})

T = TypeVar("T")
Self = TypeVar("Self", bound="OrgCore")


class OrgCore(DropsDerived):
    """The data of an org: roles, people and teams in file order, the resolved catalogue,
    where it came from, and the integer `Index` built on demand.

    `roles`, `people` and `teams` are read-only mappings that raise a did-you-mean
    error for an unknown id. Build one with `from_document()`; users usually get an
    `orgroles.Org`, which is an `OrgCore` with the queries as methods.
    """

    def __init__(
        self,
        document: OrgDocument,
        *,
        source: Source | None = None,
        base_dir: str | os.PathLike[str] | None = None,
        catalog: Catalog | None = None,
        problems: Iterable[Problem] = (),
        as_of: date | None = None,
        today: date | None = None,
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
        tables = {s: index_by_id(getattr(document, s), s, source, problems) for s in _SECTIONS}
        dated = dated_positions(document.roles)
        if dated:
            problems += date_problems(document.roles, dated, source)
        if problems:
            raise OrgFileError(problems) if source is not None else OrgValidationError(problems)
        self._responsibilities: dict[str, Responsibility] = tables["responsibilities"]
        self._kinds: dict[str, RoleKind] = tables["kinds"]
        self._people: dict[str, Person] = tables["people"]
        self._records: dict[str, Role] | None = None
        self.view_date: date | None = None
        self.today: date | None = None
        # The plain roles: the roles, or of a dated org the view of view_date, made when
        # first asked for (a history or a timeline needs none: a million take seconds).
        self._plain: dict[str, Role] | None = tables["roles"]
        self._roles_map: Mapping[str, Role] | None = None
        if dated:
            self._records, self._plain = self._plain, None
            self.today = today or clock.today()
            self.view_date = as_of or self.today
        self._teams: dict[str, Team] = tables["teams"]
        if catalog is None:
            where = (lambda i: source.location(("uses", i))) if source else (lambda i: None)
            base = resolve_catalog(self.uses, self.base_dir, where=where)
            catalog = base.merged(Catalog(self._kinds.values(), self._responsibilities.values()))
        self.catalog: Catalog = catalog
        self.people: Mapping[str, Person] = IdMap(self._people, UnknownPersonError)
        self.teams: Mapping[str, Team] = IdMap(self._teams, UnknownTeamError)
        self._cache: dict[str, Any] = {}
        self._truncated: Mapping[str, int] = _NOTHING_LEFT_OUT
        # Role ids in file order, to match roles with their lines in the source.
        self._source_ids: list[str] | None = list(self._written) if source is not None else None
        self._positions: dict[str, tuple[int, int]] | None = None
        # Seats of the file on other days than the one an `as_of` view shows: selectors
        # (a rule's `under: id:cpo`) take them as roles that match nothing, not as typos.
        self.elsewhere: frozenset[str] = frozenset()

    @classmethod
    def from_document(
        cls: type[Self],
        document: OrgDocument,
        *,
        source: Source | None = None,
        base_dir: str | os.PathLike[str] | None = None,
        catalog: Catalog | None = None,
        problems: Iterable[Problem] = (),
        as_of: date | None = None,
        today: date | None = None,
    ) -> Self:
        """Build an org of this class from a validated document (what loading does).

        `catalog`, if given, is used as the resolved catalogue instead of reading the
        document's `uses:` again (for copies and subtrees of an org). Repeated ids and
        malformed dates (an `end` before its `start`, overlapping reporting lines) are an
        `OrgValidationError` that lists them all, with the `problems` the caller found.
        For a dated document, `as_of` is the day shown and `today` the day that tells
        planned seats (both today by default).
        """
        org = cls.__new__(cls)
        OrgCore.__init__(
            org,
            document,
            source=source,
            base_dir=base_dir,
            catalog=catalog,
            problems=problems,
            as_of=as_of,
            today=today,
        )
        return org

    def document_problems(self, document: OrgDocument, source: Source | None) -> list[Problem]:
        """Problems that a subclass finds in a document, reported with the core's own.

        The core finds repeated ids; `orgroles.Org` adds the check of the `rules:`
        section against the rules that exist, which the core knows nothing about.
        """
        return []

    # -- what the org holds ------------------------------------------------------------

    @property
    def _roles(self) -> dict[str, Role]:
        """The plain roles (of a dated org, the view of `view_date`, made on first use)."""
        plain = self._plain
        if plain is None:  # a dated org: _records, view_date and today are set
            with gc_paused():  # a million plain roles, without cycles; once, for all threads
                build = partial(view, self._records, self.view_date, self.today)  # type: ignore[arg-type]
                plain = self._plain = self.cached("view", build)
        return plain

    @property
    def roles(self) -> Mapping[str, Role]:
        """The roles in file order, by id (of a dated org, the plain roles of
        `view_date`): a read-only mapping that suggests an id when one is unknown."""
        found = self._roles_map
        if found is None:
            found = self._roles_map = IdMap(self._roles, UnknownRoleError)
        return found

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
        """The kinds this org itself defines (its file's `kinds:`), in file order."""
        return IdMap(self._kinds, UnknownIdError)

    @property
    def defined_responsibilities(self) -> Mapping[str, Responsibility]:
        """The responsibilities this org itself defines (its `responsibilities:`)."""
        return IdMap(self._responsibilities, UnknownIdError)

    def __len__(self) -> int:
        return len(self._roles)

    def __iter__(self) -> Iterator[Role]:
        return iter(self._roles.values())

    def __contains__(self, role_id: object) -> bool:
        return role_id in self._roles

    def __repr__(self) -> str:
        people = f"{len(self._people):,} {'person' if len(self._people) == 1 else 'people'}"
        roles, teams = plural(len(self._roles), "role"), plural(len(self._teams), "team")
        return f"<{type(self).__name__} {self.name!r}: {roles}, {people}, {teams}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OrgCore):
            return NotImplemented
        return self.to_document() == other.to_document()

    __hash__ = None  # type: ignore[assignment]

    # -- one role at a time ----------------------------------------------------------------

    def role(self, role: str | Role) -> Role:
        """The role with this id (a `Role` passes through)."""
        return role if isinstance(role, Role) else self.roles[role]  # not an id: unknown

    def kind_of(self, role: str | Role) -> RoleKind | None:
        """The catalogue entry of a role's kind, or None (no kind, or an unknown one)."""
        kind = self.role(role).kind
        return self.catalog.kinds.get(kind) if kind is not None else None

    def family_of(self, role: str | Role) -> str | None:
        """The family (company function: `executive`, `tech`, `sales`, ...) of a role:
        its kind's, else its own `family` (a seat whose title names only a function)."""
        r = self.role(role)
        kind = self.kind_of(r)
        return kind.family if kind is not None and kind.family else r.family

    def title_of(self, role: str | Role, lang: str = "en") -> str:
        """The role's own title, else its kind's title in `lang`, else its id."""
        r = self.role(role)
        if r.title:
            return r.title
        kind = self.kind_of(r)
        return kind.text(lang) if kind is not None else r.id

    def holders_of(self, role: str | Role) -> list[Person]:
        """The people in a seat; an id that names no person gives a bare `Person(id=...)`."""
        return [self._people.get(pid) or Person(id=pid) for pid in self.role(role).holders]

    def location_of(self, role: str | Role) -> Location | None:
        """Where a role is written in the file the org came from, if it came from one."""
        rid = role.id if isinstance(role, Role) else role if isinstance(role, str) else None
        position = self._role_positions().get(rid)
        if position is None or self.source is None:
            return None
        return Location.make(self.source.path, *position)

    def locator(self) -> Callable[[str], Location | None]:
        """`location_of()` for many roles asked for in file order, as a report asks:
        nothing is worked out before the first call, and then only the lines of the roles
        asked for (see `Source.id_locator()`), not a table of every role's line."""
        source, written = self.source, self._source_ids
        if source is None or not written:
            return lambda role: None

        def positions() -> Mapping[str, int]:
            index = self.index  # the roles in file order, usually those of the index
            return index.pos if written == index.ids else {r: k for k, r in enumerate(written)}

        return source.id_locator("roles", positions)

    def _role_positions(self) -> dict[str, tuple[int, int]]:
        # Computed on first use only: for a large JSON file, finding the lines costs a walk
        # of the text, which a check with no violation never needs.
        if self._positions is None:
            found: dict[str, tuple[int, int]] = {}
            if self.source is not None and self._source_ids:
                found = dict(zip(self._source_ids, self.source.positions("roles"), strict=False))
            self._positions = found
        return self._positions

    # -- time ----------------------------------------------------------------------------

    @property
    def dated(self) -> bool:
        """Whether the org's file has dates: then `roles` is the view of `view_date`."""
        return self._records is not None

    @property
    def records(self) -> Mapping[str, Role]:
        """The roles as the file writes them, dates included, in file order (for an undated
        org, the same as `roles`)."""
        return IdMap(self._written, UnknownRoleError)

    @property
    def _written(self) -> dict[str, Role]:
        """The roles as the file writes them: the dated records, or the plain roles."""
        return self._records if self._records is not None else self._roles

    def viewed(self: Self, day: date | str, *, today: date | str | None = None) -> Self:
        """The same dated org, shown as of `day` (an undated org is the same every day:
        a copy). `today` tells the planned seats (by default, the org's own today)."""
        if self._records is None:
            return self.copy()
        clone = shallow(self)  # the records, people and teams are shared: nothing edits them
        clone.view_date = _day(day)
        clone.today = _day(today) if today is not None else self.today
        assert clone.today is not None
        with gc_paused():
            clone._plain = view(self._records, clone.view_date, clone.today, self._plain)
        clone._roles_map = None
        return clone

    def renamed(self: Self, name: str) -> Self:
        """The same org under another name (for a chart's title): of a dated org, a copy that
        shares its records and view (it refuses edits); of a plain one, `copy()`."""
        clone = shallow(self) if self._records is not None else self.copy()
        clone.name, clone._named = name, True
        return clone

    def as_of(self: Self, day: date | str, *, today: date | str | None = None) -> Self:
        """The plain, undated org on `day`: the seats that exist that day with their
        holders and managers (and, for today or later, the planned seats), the people and
        teams. Its roles keep their lines in the file, for reports. An undated org is the
        same on every day: this is a copy of it."""
        on, given = _day(day), _day(today) if today is not None else None  # undated too
        if self._records is None:
            return self.copy()
        when = given or self.today
        assert when is not None
        if on == self.view_date and when == self.today:  # the day it shows: its own view
            roles = dict(self._roles)  # (made once), in a table of its own
        else:
            with gc_paused():
                roles = view(self._records, on, when, self._plain)
        # The same org with other roles (nothing to check again), its own tables for its
        # edits; its frozen models are the records' (their `meta` too: see `copy()`).
        org = shallow(self)
        org._records, org.view_date, org.today = None, None, None
        org._plain, org._roles_map, org.meta = roles, None, free_copy(self.meta)
        org._people, org._teams = dict(self._people), dict(self._teams)
        org.people = IdMap(org._people, UnknownPersonError)
        org.teams = IdMap(org._teams, UnknownTeamError)
        org._truncated = _NOTHING_LEFT_OUT  # (its `_cache` starts empty: see `shallow()`)
        org.elsewhere = frozenset(self._records.keys() - roles.keys())
        return org

    # -- derived data ------------------------------------------------------------------

    @property
    def index(self) -> Index:
        """The shared integer indexes (parents, children, depths), built once per version."""
        return self.cached("index", lambda: Index(self._roles))

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """The value kept under `key`, built by `build()` the first time it is asked for.

        Queries keep what they derive from the org here (an index, a graph, a table of
        responsibilities); every edit clears it all, so nothing derived outlives a change.
        Threads that ask for a key at once wait for one of them to build it.
        """
        return build_once(self._cache, key, build)  # by one thread, the others waiting

    # -- primitive edits (see orgroles.edit for the checked ones) --------------------------

    def put_role(self, role: Role) -> None:
        """Add `role` at the end, or replace the role with its id in place; no check.

        `orgroles.edit.add_role()`, `move()` and the other edits
        validate what they write and then call this. A dated org refuses it.
        """
        self._put(self._roles, role)

    def pop_role(self, role_id: str) -> Role:
        """Remove the role with this id and return it; references to it are left as they are."""
        self._refuse_dated_edit()
        role = self.roles[role_id]
        del self._roles[role_id]
        self._cache.clear()
        return role

    def _refuse_dated_edit(self) -> None:  # dated orgs share their tables with their views
        if self._records is not None:
            raise EditError(
                f"{self.name!r} has dated roles, and an edit of the view of {self.view_date} "
                "would not say from when it holds: edit org.as_of(day), a plain org, or the "
                "dated records in the file"
            )

    def put_person(self, person: Person) -> None:
        """Add `person` at the end, or replace the person with their id in place."""
        self._put(self._people, person)

    def put_team(self, team: Team) -> None:
        """Add `team` at the end, or replace the team with its id in place."""
        self._put(self._teams, team)

    def _put(self, table: dict[str, Any], item: Role | Person | Team) -> None:
        self._refuse_dated_edit()
        table[item.id] = item
        self._cache.clear()

    # -- documents -----------------------------------------------------------------------

    def to_document(self) -> OrgDocument:
        """The org as the file model, in the author's order (for a dated org, its dated
        records)."""
        return self._document(self._written)

    def _document(self, roles: dict[str, Role]) -> OrgDocument:
        return made(
            OrgDocument,
            schema_=self._schema,
            name=self.name if self._named else None,
            description=self.description,
            uses=self.uses,
            responsibilities=tuple(self._responsibilities.values()),
            kinds=tuple(self._kinds.values()),
            people=tuple(self._people.values()),
            roles=tuple(roles.values()),
            teams=tuple(self._teams.values()),
            rules=self.rules,
            meta=self.meta,
        )

    @property
    def truncated(self) -> Mapping[str, int]:
        """Role id -> how many roles below it were left out of this org (read-only).

        Empty for an org loaded from a file. An org made by `subtree()` with a `depth`
        remembers, for each role at its bottom layer, how many roles it had below it, so
        that its charts still say "+N below". Only `with_document()` sets it."""
        return self._truncated

    def with_document(
        self: Self, document: OrgDocument, *, truncated: Mapping[str, int] | None = None
    ) -> Self:
        """A new org of this class from `document`, keeping this org's source folder and
        catalogue (for copies, subtrees and other orgs derived from this one).

        `truncated` is the new org's `truncated`: for roles of `document`, how many roles
        below them were left out (ids that are not roles of it are dropped, and so are
        counts of 0)."""
        org = type(self).from_document(document, base_dir=self.base_dir, catalog=self.catalog)
        if truncated:
            kept = {rid: n for rid, n in truncated.items() if n > 0 and rid in org._roles}
            if kept:
                org._truncated = ReadOnly(kept)
        return org

    def copy(self: Self) -> Self:
        """An independent copy, for what-if scenarios: edits to it leave this org alone,
        and its models' `meta` are its own (views and parts share their frozen models)."""
        clone = type(self).from_document(
            detached_document(self.to_document()),
            source=self.source,
            base_dir=self.base_dir,
            catalog=self.catalog,
            as_of=self.view_date,
            today=self.today,
        )
        clone._source_ids = self._source_ids
        clone._truncated, clone.elsewhere = self._truncated, self.elsewhere
        return clone
