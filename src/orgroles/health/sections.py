"""What a health report holds: one dataclass per section, filled by
`orgroles.health.numbers` and drawn by the page, the PDF and the plots."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from orgroles.health.targets import Targets

if TYPE_CHECKING:
    from orgroles.rules.report import Violation
    from orgroles.time import Change

__all__ = [
    "UNKNOWN",
    "Changes",
    "Cited",
    "Coverage",
    "Duty",
    "FamilyRow",
    "Finding",
    "Findings",
    "Headline",
    "Layers",
    "Numbers",
    "Spans",
    "TeamRow",
    "Teams",
    "Trend",
]

UNKNOWN = ""
"""The family key of the roles with no family."""


@dataclass(frozen=True)
class Headline:
    """The headline figures. `seats` are the seats that exist (`roles` less the
    planned ones); `ics` the roles that manage no one; `manager_ratio` the ICs per
    manager (None without managers)."""

    roles: int
    headcount: int
    seats: int
    vacancies: int
    planned: int
    layers: int
    managers: int
    ics: int
    median_span: float
    mean_span: float
    manager_ratio: float | None
    metrics: dict[str, Any]


@dataclass(frozen=True)
class Spans:
    """Managers by span of control (direct reports, assistants left out)."""

    counts: dict[int, int]  # span -> managers, spans of 1 or more, ascending
    managers: int
    in_band: int
    narrow: int  # managers with 1 to targets.narrow reports
    wide: int  # managers above the band
    narrow_roles: list[str]  # the narrowest first, then in file order; at most LIMIT


@dataclass(frozen=True)
class FamilyRow:
    """One family (company function): its roles, managers, ICs and deepest layer."""

    family: str  # the family id, or UNKNOWN
    label: str
    roles: int
    managers: int
    ics: int
    ratio: float | None
    layers: int


@dataclass(frozen=True)
class Layers:
    """Roles per layer and family (the pyramid); layer 1 is the top."""

    cells: dict[tuple[int, str], int]
    layers: list[int]
    families: list[FamilyRow]  # the largest first, UNKNOWN last
    unlayered: int  # roles in or below a reporting cycle: no layer


@dataclass(frozen=True)
class TeamRow:
    """A team with vacant or planned seats: a declared team, or a manager's reports."""

    key: str
    name: str  # a declared team's name, else ""
    lead: str | None  # the lead's role id
    seats: int
    vacancies: int
    planned: int


@dataclass(frozen=True)
class Teams:
    rows: list[TeamRow]  # the most open seats first; at most LIMIT
    count: int  # teams with a vacant or planned seat
    vacancies: int
    planned: int


@dataclass(frozen=True)
class Finding:
    """The violations of one rule."""

    code: str
    name: str
    severity: str
    count: int
    url: str
    examples: list[Violation]


@dataclass(frozen=True)
class Findings:
    rows: list[Finding]  # errors first, then warnings, then infos; by code
    severities: dict[str, int]
    total: int


@dataclass(frozen=True)
class Duty:
    """A required or single-owner responsibility, and who holds it.

    `status`: `ok` (held as it should be), `uncovered` (a required duty no filled
    seat holds), `vacant` (only vacant or planned seats carry it), `shared` (a
    single-owner duty on several seats) or `unassigned` (a duty that is not required
    and that no seat carries).
    """

    id: str
    label: str
    required: bool
    single_owner: bool
    held: list[str]  # filled seats that hold it, file order
    vacant: list[str]  # vacant or planned seats that carry it
    status: str


@dataclass(frozen=True)
class Coverage:
    duties: list[Duty]
    columns: list[str]  # the roles the matrix shows: those holding the most duties


@dataclass(frozen=True)
class Trend:
    """The whole org on the last day of a quarter (`timeline(by_family=False)`)."""

    period: str
    start: date  # the quarter's first day
    headcount: int
    seats: int
    vacancies: int
    planned: int
    managers: int
    layers: int
    median_span: float


@dataclass(frozen=True)
class Changes:
    """What changed from `since` to the day the org is viewed."""

    since: date
    until: date
    counts: dict[str, int]  # change kind -> how many
    items: list[Change]  # the latest first; at most LIMIT
    details: list[str]  # what each item changed, in words of the org
    total: int
    before: Headline  # the headline on the day ``since``


@dataclass(frozen=True)
class Cited:
    """A role the page names, with what the page says of it."""

    id: str
    title: str
    holders: str
    vacant: bool
    planned: bool
    manager: str | None
    manager_title: str | None
    missing_manager: str | None  # the id its reports_to names, when no role has it
    layer: int | None
    span: int
    family: str


@dataclass
class Numbers:
    """Every number of a health report."""

    name: str
    lang: str
    targets: Targets
    day: date | None  # the day a dated org is viewed
    headline: Headline
    spans: Spans = field(default_factory=lambda: Spans({}, 0, 0, 0, 0, []))
    layers: Layers = field(default_factory=lambda: Layers({}, [], [], 0))
    teams: Teams = field(default_factory=lambda: Teams([], 0, 0, 0))
    findings: Findings = field(default_factory=lambda: Findings([], {}, 0))
    coverage: Coverage = field(default_factory=lambda: Coverage([], []))
    trends: list[Trend] | None = None
    changes: Changes | None = None
    cited: dict[str, Cited] = field(default_factory=dict)
