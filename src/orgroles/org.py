"""The :class:`Org`: an org file's models, its catalogue, and the indexes queries run on.

>>> from orgroles import Org, Role, Person
>>> org = Org(name="Acme", people=[Person(id="ana", name="Ana Lima")],
...           roles=[Role(id="ceo", kind="ceo"),
...                  Role(id="cto", kind="cto", holder="ana", reports_to="ceo")])
>>> org
<Org 'Acme': 2 roles, 1 person, 0 teams>
>>> org.title_of("cto"), org.title_of("cto", lang="fr")
('Chief Technical Officer', 'Directeur technique')
>>> [p.name for p in org.holders_of("cto")]
['Ana Lima']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from orgroles import edit, queries
from orgroles._idmap import IdMap
from orgroles._index import Index
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
from orgroles.io.problems import (
    duplicate_ids,
    normal_id,
    problems_from_validation,
)
from orgroles.io.reader import Source
from orgroles.limits import MAX_ROLES
from orgroles.model import (
    OrgDocument,
    Person,
    Responsibility,
    Role,
    RoleKind,
    RulesConfig,
    Severity,
    Team,
)
from orgroles.selectors import Selector, select

if TYPE_CHECKING:
    import graphviz
    import networkx as nx
    import pandas as pd

    from orgroles.diff import OrgDiff
    from orgroles.render.explorer import Explorer
    from orgroles.rules.report import Report

__all__ = ["Org"]

_SECTIONS = ("responsibilities", "kinds", "people", "roles", "teams")


class Org:
    """An organisation: roles that report to one another, the people who hold them,
    teams, and the catalogue of kinds and responsibilities the roles draw on.

    Build one in Python with models or plain dicts, or read one with
    :func:`orgroles.load`. ``roles``, ``people`` and ``teams`` are read-only mappings in
    file order; change an org with its editing methods (``add_role``, ``move``, ...),
    which keep the indexes consistent.
    """

    def __init__(
        self,
        name: str | None = None,
        *,
        description: str | None = None,
        uses: Iterable[str] = ("builtin",),
        responsibilities: Iterable[Responsibility | Mapping[str, Any]] = (),
        kinds: Iterable[RoleKind | Mapping[str, Any]] = (),
        people: Iterable[Person | Mapping[str, Any]] = (),
        roles: Iterable[Role | Mapping[str, Any]] = (),
        teams: Iterable[Team | Mapping[str, Any]] = (),
        rules: RulesConfig | Mapping[str, Any] | None = None,
        meta: Mapping[str, Any] | None = None,
        base_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        data: dict[str, Any] = {
            "name": name,
            "description": description,
            "uses": list(uses),
            "responsibilities": list(responsibilities),
            "kinds": list(kinds),
            "people": list(people),
            "roles": list(roles),
            "teams": list(teams),
            "meta": dict(meta or {}),
        }
        if rules is not None:
            data["rules"] = rules
        try:
            document = OrgDocument(**data)
        except ValidationError as exc:
            raise OrgValidationError(
                problems_from_validation(exc, data, None, None, OrgDocument)
            ) from None
        self._setup(document, None, base_dir)

    @classmethod
    def from_document(
        cls,
        document: OrgDocument,
        *,
        source: Source | None = None,
        base_dir: str | os.PathLike[str] | None = None,
        catalog: Catalog | None = None,
    ) -> Org:
        """Build an org from a validated document (what :func:`orgroles.load` does).

        ``catalog``, if given, is used as the resolved catalogue instead of reading the
        document's ``uses:`` again (for copies and subtrees of an org).
        """
        org = cls.__new__(cls)
        org._setup(document, source, base_dir, catalog)
        return org

    def _setup(
        self,
        document: OrgDocument,
        source: Source | None,
        base_dir: str | os.PathLike[str] | None,
        catalog: Catalog | None = None,
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
        problems: list[Problem] = []
        tables = {s: _by_id(getattr(document, s), s, source, problems) for s in _SECTIONS}
        self._responsibilities: dict[str, Responsibility] = tables["responsibilities"]
        self._kinds: dict[str, RoleKind] = tables["kinds"]
        self._people: dict[str, Person] = tables["people"]
        self._roles: dict[str, Role] = tables["roles"]
        self._teams: dict[str, Team] = tables["teams"]
        problems += _rules_problems(document.rules, source)
        if problems:
            raise _error(problems, source)
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
            f"<Org {self.name!r}: {n(len(self._roles), 'role', 'roles')}, "
            f"{n(len(self._people), 'person', 'people')}, {n(len(self._teams), 'team', 'teams')}>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Org):
            return NotImplemented
        return self.to_document() == other.to_document()

    __hash__ = None  # type: ignore[assignment]

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

    # -- indexes -----------------------------------------------------------------------

    @property
    def index(self) -> Index:
        """The shared integer indexes (parents, children, depths), built once per version."""
        found = self._cache.get("index")
        if found is None:
            found = self._cache["index"] = Index(self._roles)
        return found

    @property
    def graph(self) -> nx.DiGraph:
        """A networkx ``DiGraph`` of the org, manager -> report, built on first use.

        Nodes are role ids, in file order. Solid reporting lines have ``line="solid"``
        and dotted lines ``line="dotted"``; :attr:`reporting_graph` shows only the former.
        References to unknown roles are left out (the rule S002 reports them).
        """
        found = self._cache.get("graph")
        if found is None:
            found = self._cache["graph"] = _build_graph(self._roles)
        return found

    @property
    def reporting_graph(self) -> nx.DiGraph:
        """A read-only view of :attr:`graph` with the solid reporting lines only."""
        import networkx as nx

        graph = self.graph
        return nx.subgraph_view(graph, filter_edge=lambda u, v: graph[u][v]["line"] == "solid")

    def _invalidate(self) -> None:
        self._cache.clear()

    # -- queries (each is a free function in orgroles.queries) --------------------------

    def manager(self, role: str | Role) -> Role | None:
        """The role's manager, or None; see :func:`orgroles.queries.manager`."""
        return queries.manager(self, role)

    def reports(self, role: str | Role, transitive: bool = False) -> list[Role]:
        """Direct reports, or everyone below; see :func:`orgroles.queries.reports`."""
        return queries.reports(self, role, transitive)

    def chain(self, role: str | Role) -> list[Role]:
        """The chain of command up to the top; see :func:`orgroles.queries.chain`."""
        return queries.chain(self, role)

    def span(self) -> dict[str, int]:
        """Every role's span of control; see :func:`orgroles.queries.span`."""
        return queries.span(self)

    def layers(self) -> dict[str, int | None]:
        """Every role's layer (0 at the top); see :func:`orgroles.queries.layers`."""
        return queries.layers(self)

    def roots(self) -> list[Role]:
        """The top roles; see :func:`orgroles.queries.roots`."""
        return queries.roots(self)

    def subtree(self, root: str | Role, depth: int | None = None) -> Org:
        """A new org of ``root`` and the roles below; see :func:`orgroles.queries.subtree`."""
        return queries.subtree(self, root, depth)

    def select(self, selector: str | Selector) -> list[Role]:
        """The roles matching a selector such as ``"kind:developer under:cto"``."""
        return select(self, selector)

    def responsibilities_of(self, role: str | Role) -> list[Responsibility]:
        """A role's effective responsibilities; see :mod:`orgroles.queries.responsibilities`."""
        return queries.responsibilities_of(self, role)

    def roles_with(self, responsibility: str) -> list[Role]:
        """The roles that hold a responsibility, kind defaults included."""
        return queries.roles_with(self, responsibility)

    def team(self, lead: str | Role) -> Team:
        """The team a role leads; see :func:`orgroles.queries.team`."""
        return queries.team(self, lead)

    def team_of(self, role: str | Role) -> Team:
        """The team a role works in; see :func:`orgroles.queries.team_of`."""
        return queries.team_of(self, role)

    def teams_of(self, role: str | Role) -> list[Team]:
        """The declared teams a role belongs to; see :func:`orgroles.queries.teams_of`."""
        return queries.teams_of(self, role)

    def headcount(self, team: Team | str) -> int:
        """Distinct people in a team's seats; see :func:`orgroles.queries.headcount`."""
        return queries.headcount(self, team)

    # -- editing (in place; see orgroles.edit) --------------------------------------------

    def add_role(self, role: Role | Mapping[str, Any]) -> Role:
        """Add a role; see :func:`orgroles.edit.add_role`."""
        return edit.add_role(self, role)

    def add_person(self, person: Person | Mapping[str, Any]) -> Person:
        """Add a person; see :func:`orgroles.edit.add_person`."""
        return edit.add_person(self, person)

    def update_role(self, role: str, **changes: Any) -> Role:
        """Change fields of a role; see :func:`orgroles.edit.update_role`."""
        return edit.update_role(self, role, **changes)

    def remove_role(self, role: str, *, reports: Literal["move_up", "error"] = "move_up") -> Role:
        """Remove a role, moving its reports up; see :func:`orgroles.edit.remove_role`."""
        return edit.remove_role(self, role, reports=reports)

    def move(self, role: str, new_manager: str | None) -> None:
        """Give a role a new manager; see :func:`orgroles.edit.move`."""
        edit.move(self, role, new_manager)

    def assign(self, role: str, person: str | Person | list[str], *, acting: bool = False) -> None:
        """Put someone in a seat; see :func:`orgroles.edit.assign`."""
        edit.assign(self, role, person, acting=acting)

    def vacate(self, role: str) -> None:
        """Empty a seat; see :func:`orgroles.edit.vacate`."""
        edit.vacate(self, role)

    def diff(self, other: Org) -> OrgDiff:
        """What changed from this org to ``other``; see :func:`orgroles.diff.diff`."""
        from orgroles.diff import diff

        return diff(self, other)

    # -- analysis (see orgroles.analysis) ---------------------------------------------------

    def metrics(self) -> dict[str, Any]:
        """Headline numbers; see :func:`orgroles.analysis.metrics`."""
        from orgroles.analysis import metrics

        return metrics(self)

    def to_frame(self, lang: str = "en") -> pd.DataFrame:
        """A pandas table of the roles (needs pandas); see :func:`orgroles.analysis.to_frame`."""
        from orgroles.analysis import to_frame

        return to_frame(self, lang)

    def responsibility_matrix(self, lang: str = "en") -> pd.DataFrame:
        """Roles x responsibilities (needs pandas); see :mod:`orgroles.analysis`."""
        from orgroles.analysis import responsibility_matrix

        return responsibility_matrix(self, lang)

    # -- rules ---------------------------------------------------------------------------

    def check(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        params: Mapping[str, Mapping[str, Any]] | None = None,
        severity: Mapping[str, Severity] | None = None,
    ) -> Report:
        """Run the rules and return a :class:`~orgroles.rules.Report`.

        ``select`` (codes, names or families; all by default) replaces the file's
        ``rules.select``; ``ignore``, ``params`` and ``severity`` are merged over the
        file's settings. See :func:`orgroles.rules.check`.
        """
        from orgroles.rules import check

        return check(self, select=select, ignore=ignore, params=params, severity=severity)

    # -- charts (see orgroles.render) ---------------------------------------------------

    def to_dot(self, **options: Any) -> graphviz.Digraph:
        """The org chart as a :class:`graphviz.Digraph`; see :func:`orgroles.render.to_dot`."""
        from orgroles.render import to_dot

        return to_dot(self, **options)

    def to_mermaid(self, **options: Any) -> str:
        """The org chart as Mermaid text; see :func:`orgroles.render.to_mermaid`."""
        from orgroles.render import to_mermaid

        return to_mermaid(self, **options)

    def explore(self, **options: Any) -> Explorer:
        """The interactive HTML explorer, shown inline in notebooks and saved with ``.save()``.

        See :func:`orgroles.render.explorer.explore` for the options.
        """
        from orgroles.render.explorer import explore

        return explore(self, **options)

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None, **_: Any
    ) -> dict[str, str]:
        """Inline display in Jupyter: text and an SVG chart; never raises."""
        from orgroles.render.jupyter import repr_mimebundle

        return repr_mimebundle(self, include, exclude)

    # -- documents and files -----------------------------------------------------------

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

    def dumps(self, format: str = "yaml") -> str:
        """The org as YAML or JSON text, keeping the author's order."""
        from orgroles.io.writer import dumps

        return dumps(self.to_document(), format)

    def dump(self, path: str | os.PathLike[str], format: str | None = None) -> None:
        """Write the org to ``path`` (format from the suffix), atomically."""
        from orgroles.io.writer import dump

        dump(self.to_document(), path, format)

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Write the roles as CSV, one row per role; see :func:`orgroles.io.csv_import.to_csv`.

        :func:`orgroles.from_csv` reads the file back. What CSV cannot hold (dotted lines,
        job shares, responsibilities, ...) is left out with an ``OrgExportWarning``.
        """
        from orgroles.io.csv_import import to_csv

        to_csv(self, path)

    def copy(self) -> Org:
        """An independent copy, for what-if scenarios: edits to it leave this org alone."""
        clone = Org.from_document(
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
    if len(table) != len(items) or clash:  # the caller raises: which one is kept is moot
        locate = source.location if source else (lambda loc: None)
        problems += duplicate_ids(section, (x.id for x in items), locate)
    return table


def _rules_problems(rules: RulesConfig, source: Source | None) -> list[Problem]:
    """Unknown rule codes, bad parameters and selectors, located (see orgroles.rules.config)."""
    if not (rules.select or rules.ignore or rules.severity or rules.params or rules.custom):
        return []
    from orgroles.rules.config import config_problems

    if source is not None:
        return config_problems(rules, source.location)
    return config_problems(rules, lambda loc, key=False: None)


def _error(problems: list[Problem], source: Source | None) -> OrgValidationError:
    if source is not None:
        return OrgFileError(problems)
    return OrgValidationError(problems)


def _build_graph(roles: Mapping[str, Role]) -> nx.DiGraph:
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(roles)
    graph.add_edges_from(
        (r.reports_to, rid, {"line": "solid"})
        for rid, r in roles.items()
        if r.reports_to is not None and r.reports_to in roles and r.reports_to != rid
    )
    for rid, r in roles.items():
        for boss in r.dotted_to:
            if boss in roles and boss != rid and not graph.has_edge(boss, rid):
                graph.add_edge(boss, rid, line="dotted")
    return graph
