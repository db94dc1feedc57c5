"""The `Org`: what users get, an org with its queries, edits, rules and charts as methods.

An `Org` is an `OrgCore` (the data, its indexes, the primitive edits) plus methods that
call the free functions of `orgroles.queries` and `orgroles.edit`, and of the layers
imported when first used: `orgroles.selectors`, `.analysis`, `.rules` and `.render`.
Each method is a convenience: `org.chain("dev-1")` is `queries.chain(org, "dev-1")`.

Examples:
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
from collections.abc import Iterable, Mapping
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal

from orgroles import edit, queries
from orgroles._internal.arguments import CheckedCalls
from orgroles.core import OrgCore
from orgroles.errors import Problem
from orgroles.io.from_python import document_from_python
from orgroles.io.reader import Source
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

if TYPE_CHECKING:
    import graphviz
    import networkx as nx
    import pandas as pd

    from orgroles.diff import OrgDiff
    from orgroles.health import HealthReport, Plots, Targets
    from orgroles.render.explorer import Explorer
    from orgroles.rules.over_time import Span
    from orgroles.rules.report import Report
    from orgroles.selectors import Selector
    from orgroles.time import Change

__all__ = ["Org"]


class Org(OrgCore, CheckedCalls):
    """An organisation: roles that report to one another, the people who hold them,
    teams, and the catalogue of kinds and responsibilities the roles draw on.

    Build one in Python with models or plain dicts, or read one with
    `orgroles.load()`. `roles`, `people` and `teams` are read-only mappings in
    file order; change an org with its editing methods (`add_role`, `move`, ...),
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
        **fields: Any,
    ) -> None:
        """`fields` are the other keys of an org file (`**{"$schema": ...}`). The data is
        validated as `orgroles.loads()` validates a file: `OrgValidationError` lists every
        problem (a section given as None or a string, an unknown key, ...)."""
        given = {
            "name": name,
            "description": description,
            "uses": uses,
            "responsibilities": responsibilities,
            "kinds": kinds,
            "people": people,
            "roles": roles,
            "teams": teams,
            "rules": rules,
            "meta": meta,
        }
        super().__init__(document_from_python({**given, **fields}), base_dir=base_dir)

    def document_problems(self, document: OrgDocument, source: Source | None) -> list[Problem]:
        """Unknown rules, bad parameters and selectors in the `rules:` section and unknown
        rules in the roles' `noqa`, located in the file the document came from (the rules
        are imported only for an org whose file names some)."""
        r, silenced = document.rules, any(map(attrgetter("noqa"), document.roles))  # in C
        if not (r.select or r.ignore or r.severity or r.params or r.custom or silenced):
            return []
        from orgroles.rules.config import config_problems

        locate = source.location if source is not None else lambda loc, key=False: None
        return config_problems(r, locate, document.roles if silenced else ())

    # -- graphs --------------------------------------------------------------------------

    @property
    def graph(self) -> nx.DiGraph:
        """A networkx `DiGraph`, manager -> report; see `orgroles.queries.graph()`."""
        return queries.graph(self)

    @property
    def reporting_graph(self) -> nx.DiGraph:
        """A read-only view of `graph` with the solid reporting lines only."""
        return queries.reporting_graph(self)

    # -- queries (each is a free function in orgroles.queries) --------------------------

    def manager(self, role: str | Role) -> Role | None:
        """The role's manager, or None; see `orgroles.queries.manager()`."""
        return queries.manager(self, role)

    def reports(self, role: str | Role, transitive: bool = False) -> list[Role]:
        """Direct reports, or everyone below; see `orgroles.queries.reports()`."""
        return queries.reports(self, role, transitive)

    def chain(self, role: str | Role) -> list[Role]:
        """The chain of command up to the top; see `orgroles.queries.chain()`."""
        return queries.chain(self, role)

    def span(self) -> dict[str, int]:
        """Every role's span of control; see `orgroles.queries.span()`."""
        return queries.span(self)

    def layers(self) -> dict[str, int | None]:
        """Every role's layer (1 at the top); see `orgroles.queries.layers()`."""
        return queries.layers(self)

    def roots(self) -> list[Role]:
        """The top roles; see `orgroles.queries.roots()`."""
        return queries.roots(self)

    def subtree(self, root: str | Role, depth: int | None = None) -> Org:
        """A new org of `root` and the roles below; see `orgroles.queries.subtree()`."""
        return queries.subtree(self, root, depth)

    def subset(self, selector: str | Selector | Iterable[str | Role]) -> Org:
        """A new org of the roles that match a selector (or of these roles), each under
        its nearest manager among them: `org.subset("family:product")` is the product
        org. See `orgroles.queries.subset()`."""
        from orgroles.selectors import Selector

        roles = self.select(selector) if isinstance(selector, (str, Selector)) else selector
        return queries.subset(self, roles)

    def select(self, selector: str | Selector) -> list[Role]:
        """The roles matching a selector such as `"kind:developer under:cto"`."""
        from orgroles.selectors import select

        return select(self, selector)

    def responsibilities_of(self, role: str | Role) -> list[Responsibility]:
        """A role's effective responsibilities; see `orgroles.queries.responsibilities`."""
        return queries.responsibilities_of(self, role)

    def roles_with(self, responsibility: str) -> list[Role]:
        """The roles that hold a responsibility, kind defaults included."""
        return queries.roles_with(self, responsibility)

    def team(self, lead: str | Role) -> Team:
        """The team a role leads; see `orgroles.queries.team()`."""
        return queries.team(self, lead)

    def team_of(self, role: str | Role) -> Team:
        """The team a role works in; see `orgroles.queries.team_of()`."""
        return queries.team_of(self, role)

    def teams_of(self, role: str | Role) -> list[Team]:
        """The declared teams a role belongs to; see `orgroles.queries.teams_of()`."""
        return queries.teams_of(self, role)

    def headcount(self, team: Team | str) -> int:
        """Distinct people in a team's seats; see `orgroles.queries.headcount()`."""
        return queries.headcount(self, team)

    # -- editing (in place; see orgroles.edit) --------------------------------------------

    def add_role(self, role: Role | Mapping[str, Any]) -> Role:
        """Add a role; see `orgroles.edit.add_role()`."""
        return edit.add_role(self, role)

    def add_person(self, person: Person | Mapping[str, Any]) -> Person:
        """Add a person; see `orgroles.edit.add_person()`."""
        return edit.add_person(self, person)

    def update_role(self, role: str, **changes: Any) -> Role:
        """Change fields of a role; see `orgroles.edit.update_role()`."""
        return edit.update_role(self, role, **changes)

    def remove_role(self, role: str, *, reports: Literal["move_up", "error"] = "move_up") -> Role:
        """Remove a role, moving its reports up; see `orgroles.edit.remove_role()`."""
        return edit.remove_role(self, role, reports=reports)

    def move(self, role: str, new_manager: str | None) -> None:
        """Give a role a new manager; see `orgroles.edit.move()`."""
        edit.move(self, role, new_manager)

    def assign(self, role: str, person: str | Person | list[str], *, acting: bool = False) -> None:
        """Put someone in a seat; see `orgroles.edit.assign()`."""
        edit.assign(self, role, person, acting=acting)

    def vacate(self, role: str) -> None:
        """Empty a seat; see `orgroles.edit.vacate()`."""
        edit.vacate(self, role)

    def infer_kinds(self, *, lang: str | None = None) -> queries.KindsFound:
        """Fill in kinds from job titles, as importers do; see `orgroles.edit.infer_kinds()`."""
        return edit.infer_kinds(self, lang=lang)

    def accept_kinds(self, selector: str = "") -> int:
        """Make inferred kinds declared; see `orgroles.edit.accept_kinds()`."""
        return edit.accept_kinds(self, selector)

    def __copy__(self) -> Org:
        """`copy.copy(org)` is `org.copy()`: one sharing the role table would edit both."""
        return self.copy()

    def diff(self, other: OrgCore) -> OrgDiff:
        """What changed from this org to `other`; see `orgroles.diff.diff()`."""
        from orgroles.diff import diff

        return diff(self, other)

    # -- time (see orgroles.time; as_of and viewed are the core's) ------------------------

    def history(self) -> list[Change]:
        """The dated changes, in date order; see `orgroles.time.history()`."""
        from orgroles.time import history

        return history(self)

    def timeline(self, freq: str = "quarter", **period: Any) -> pd.DataFrame:
        """Numbers per period and family (needs pandas); see `orgroles.time.timeline()`."""
        from orgroles.time import timeline

        return timeline(self, freq, **period)

    # -- analysis (see orgroles.analysis) ---------------------------------------------------

    def metrics(self) -> dict[str, Any]:
        """Headline numbers; see `orgroles.analysis.metrics()`."""
        from orgroles.analysis import metrics

        return metrics(self)

    def to_frame(self, lang: str = "en", *, meta: bool | Iterable[str] = False) -> pd.DataFrame:
        """A pandas table of the roles (and their meta); see `orgroles.analysis.to_frame()`."""
        from orgroles.analysis import to_frame

        return to_frame(self, lang, meta=meta)

    def responsibility_matrix(self, lang: str = "en") -> pd.DataFrame:
        """Roles x responsibilities (needs pandas); see `orgroles.analysis`."""
        from orgroles.analysis import responsibility_matrix

        return responsibility_matrix(self, lang)

    def report(
        self,
        *,
        lang: str = "en",
        since: str | date | None = None,
        targets: Targets | None = None,
        report: Report | None = None,
    ) -> HealthReport:
        """The org's health report (needs `orgroles[report]`): `.to_html()`,
        `.to_pdf()`, `.write(path)`, inline in Jupyter; see docs/report.md.

        `report` is the rule report to show (by default, `org.check()`); `since` the
        day a dated org's changes are counted from (by default, three months back).
        """
        from orgroles.health import health_report

        return health_report(self, lang=lang, since=since, targets=targets, report=report)

    @property
    def plot(self) -> Plots:
        """The health report's charts one by one: `org.plot.spans()`, `layers()`,
        `teams()`, `findings()`, `trends()`, each a matplotlib `Figure`."""
        from orgroles.health import Plots

        return Plots(self)

    # -- rules ---------------------------------------------------------------------------

    def check(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        params: Mapping[str, Mapping[str, Any]] | None = None,
        severity: Mapping[str, Severity] | None = None,
    ) -> Report:
        """Run the rules and return a `Report`.

        `select` (codes, names or families, a list or a string: `"C001,K"`) replaces
        the file's `rules.select`; `ignore`, `params` and `severity` are merged over the
        file's settings. See `orgroles.rules.check()`.
        """
        from orgroles.rules import check

        return check(self, select=select, ignore=ignore, params=params, severity=severity)

    def check_over_time(self, **options: Any) -> list[Span]:
        """Run the rules on every day the org changes, and say when each violation started
        and ended; see `orgroles.rules.over_time.check_over_time()`."""
        from orgroles.rules.over_time import check_over_time

        return check_over_time(self, **options)

    # -- charts (see orgroles.render) ---------------------------------------------------

    def to_dot(self, **options: Any) -> graphviz.Digraph:
        """The org chart as a `graphviz.Digraph`; see `orgroles.render.to_dot()`."""
        from orgroles.render import to_dot

        return to_dot(self, **options)

    def to_mermaid(self, **options: Any) -> str:
        """The org chart as Mermaid text; see `orgroles.render.to_mermaid()`."""
        from orgroles.render import to_mermaid

        return to_mermaid(self, **options)

    def explore(self, **options: Any) -> Explorer:
        """The interactive HTML explorer, shown inline in notebooks and saved with `.save()`.

        See `orgroles.render.explorer.explore()` for the options.
        """
        from orgroles.render.explorer import explore

        return explore(self, **options)

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None, **_: Any
    ) -> dict[str, str]:
        """Inline display in Jupyter: text and an SVG chart; never raises."""
        from orgroles.render.jupyter import repr_mimebundle

        return repr_mimebundle(self, include, exclude)

    # -- files ---------------------------------------------------------------------------

    def dumps(self, format: str = "yaml") -> str:
        """The org as YAML or JSON text, keeping the author's order."""
        from orgroles.io.writer import dumps

        return dumps(self.to_document(), format)

    def dump(self, path: str | os.PathLike[str], format: str | None = None) -> None:
        """Write the org to `path` (format from the suffix), atomically."""
        from orgroles.io.writer import dump

        dump(self.to_document(), path, format)

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Write the roles as CSV, one row per role; see `orgroles.importers.to_csv()`.

        `orgroles.from_csv()` reads the file back. What CSV cannot hold (dotted lines,
        job shares, responsibilities, ...) is left out with an `OrgExportWarning`.
        """
        from orgroles.importers.csv_export import to_csv

        to_csv(self, path)

    def to_w3c(
        self,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        base: str | None = None,
    ) -> None:
        """Write the org in the W3C Organization Ontology (JSON-LD, Turtle or N-Triples, by
        the suffix); see `orgroles.importers.w3c`. Needs `orgroles[rdf]`."""
        from orgroles.importers.w3c import to_w3c

        to_w3c(self, path, format=format, base=base)
