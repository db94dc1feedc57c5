"""The numbers of a health report, computed once, in O(N), with no plotting library.

`compute()` gathers every section: the headline (which is `orgroles.analysis.metrics()`
plus three numbers derived from it), spans, layers by family, vacancies by team, the rule
findings, the coverage of the catalogue's required and single-owner duties, and, for a
dated org, trends per quarter and the changes since a day. The page, the PDF and the plots
all draw from these numbers; the tests compare them with `metrics()` and the queries.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/scaleup_cto_cpo.yaml")
    >>> n = compute(org)
    >>> n.headline.headcount, n.headline.seats, n.headline.layers, n.headline.manager_ratio
    (19, 20, 5, 1.86)
    >>> n.spans.counts
    {2: 4, 3: 2, 4: 1}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING

from orgroles.analysis import metrics
from orgroles.health.sections import (
    UNKNOWN,
    Changes,
    Cited,
    Coverage,
    Duty,
    FamilyRow,
    Finding,
    Findings,
    Headline,
    Layers,
    Numbers,
    Spans,
    TeamRow,
    Teams,
    Trend,
)
from orgroles.health.targets import Targets
from orgroles.queries.responsibilities import responsibility_ids
from orgroles.queries.teams import membership
from orgroles.rules.output import docs_url
from orgroles.rules.report import SEVERITIES
from orgroles.time.history import CHANGE_KINDS

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role
    from orgroles.rules.report import Report
    from orgroles.time import Change

__all__ = [
    "LIMIT",
    "SECTIONS",
    "UNKNOWN",
    "Numbers",
    "changes",
    "compute",
    "coverage",
    "default_since",
    "families_of",
    "findings",
    "headline",
    "layers",
    "spans",
    "teams",
    "trends",
]

LIMIT = 25
"""How many rows a list of the report shows (the rest is counted)."""


def families_of(org: OrgCore) -> list[str]:
    """Every role's family (`family_of()`), UNKNOWN for none,
    in file order."""
    by_kind = {k.id: k.family for k in org.catalog.kinds.values() if k.family}
    get = by_kind.get
    return [get(r.kind or "") or r.family or UNKNOWN for r in org.roles.values()]


def _spans(org: OrgCore) -> list[int]:
    index = org.index
    assistant = index.assistant
    out = [0] * len(index.ids)
    for i, kids in index.children.items():
        out[i] = sum(1 for c in kids if not assistant[c])
    return out


def _ratio(ics: int, managers: int) -> float | None:
    return round(ics / managers, 2) if managers else None


def headline(org: OrgCore) -> Headline:
    """The headline figures of `org`: `metrics()` and three more."""
    m = metrics(org)
    ics = m["roles"] - m["managers"]
    return Headline(
        roles=m["roles"],
        headcount=m["headcount"],
        seats=m["roles"] - m["planned"],
        vacancies=m["vacancies"],
        planned=m["planned"],
        layers=m["layers"],
        managers=m["managers"],
        ics=ics,
        median_span=m["median_span"],
        mean_span=m["mean_span"],
        manager_ratio=_ratio(ics, m["managers"]),
        metrics=m,
    )


def spans(org: OrgCore, targets: Targets, spans_: list[int] | None = None) -> Spans:
    """Managers by span, and the narrow ones."""
    found = spans_ if spans_ is not None else _spans(org)
    counts = Counter(s for s in found if s > 0)
    low, high = targets.span
    narrow = sorted(
        (s, i) for i, s in enumerate(found) if 0 < s <= targets.narrow
    )  # narrowest first, file order within
    ids = org.index.ids
    return Spans(
        counts=dict(sorted(counts.items())),
        managers=sum(counts.values()),
        in_band=sum(n for s, n in counts.items() if low <= s <= high),
        narrow=len(narrow),
        wide=sum(n for s, n in counts.items() if s > high),
        narrow_roles=[ids[i] for _, i in narrow[:LIMIT]],
    )


def layers(
    org: OrgCore, lang: str, families: list[str] | None = None, spans_: list[int] | None = None
) -> Layers:
    """Roles per layer and family, and per family the managers, ICs and deepest layer."""
    fams = families if families is not None else families_of(org)
    found = spans_ if spans_ is not None else _spans(org)
    # Counted by C loops (Counter over zip): a million roles in a fraction of a second.
    by_depth = Counter(zip(org.index.depth, fams, strict=True))
    roles = Counter(fams)
    managers = Counter(f for f, s in zip(fams, found, strict=True) if s > 0)
    cells = {(d + 1, fam): n for (d, fam), n in by_depth.items() if d >= 0}
    unlayered = sum(n for (d, _), n in by_depth.items() if d < 0)
    deepest: dict[str, int] = {}
    for layer, fam in cells:
        deepest[fam] = max(deepest.get(fam, 0), layer)
    catalog = org.catalog.families
    order = sorted(roles, key=lambda f: (f == UNKNOWN, -roles[f], f))
    rows = []
    for fam in order:
        entry = catalog.get(fam)
        label = entry.text(lang) if entry is not None else fam
        ics = roles[fam] - managers[fam]
        rows.append(
            FamilyRow(
                family=fam,
                label=label,
                roles=roles[fam],
                managers=managers[fam],
                ics=ics,
                ratio=_ratio(ics, managers[fam]),
                layers=deepest.get(fam, 0),
            )
        )
    return Layers(
        cells=dict(sorted(cells.items())),
        layers=sorted({layer for layer, _ in cells}),
        families=rows,
        unlayered=unlayered,
    )


def teams(org: OrgCore) -> Teams:
    """Vacant and planned seats by team: the first declared team a seat belongs to, else
    its manager's team (the manager's direct reports; a top's own)."""
    declared = membership(org)
    index = org.index
    ids, parent = index.ids, index.parent
    roles = list(org.roles.values())
    vacancies: Counter[tuple[bool, str]] = Counter()
    planned: Counter[tuple[bool, str]] = Counter()

    def team_of(i: int) -> tuple[bool, str]:
        teams_ = declared.get(ids[i])
        if teams_:
            return (True, teams_[0])
        p = parent[i]
        return (False, ids[p] if p >= 0 else ids[i])

    # Only the open seats are looked at one by one: a few per cent of a large org.
    for i in [i for i, r in enumerate(roles) if r.planned or not r.holder]:
        (planned if roles[i].planned else vacancies)[team_of(i)] += 1
    keys = set(vacancies) | set(planned)
    seats: Counter[tuple[bool, str]] = Counter()
    in_declared = {key for key in keys if key[0]}
    if in_declared:
        for rid in declared:
            key = team_of(index.pos[rid])
            if key in in_declared and not roles[index.pos[rid]].planned:
                seats[key] += 1
    for key in keys - in_declared:  # a manager's reports, or a top alone
        at = index.pos[key[1]]
        members = [c for c in index.children.get(at, ()) if not declared.get(ids[c])]
        if parent[at] < 0 and not declared.get(key[1]):
            members.append(at)
        seats[key] = sum(1 for c in members if not roles[c].planned)
    rows = []
    for key in keys:
        is_team, kid = key
        team = org.teams[kid] if is_team else None
        rows.append(
            TeamRow(
                key=kid,
                name=team.name or kid if team is not None else "",
                lead=team.lead if team is not None else kid,
                seats=seats[key],
                vacancies=vacancies[key],
                planned=planned[key],
            )
        )
    rows.sort(key=lambda r: (-(r.vacancies + r.planned), -r.vacancies, r.name, r.key))
    return Teams(
        rows=rows[:LIMIT],
        count=len(rows),
        vacancies=sum(vacancies.values()),
        planned=sum(planned.values()),
    )


def findings(report: Report, limit: int = 5) -> Findings:
    """The violations of each rule: how many, the first few, and the rule's docs page."""
    rank: dict[str, int] = {s: k for k, s in enumerate(SEVERITIES)}
    rows = []
    counts = report.counts()
    for code, examples in report.by_code(limit).items():
        first = examples[0]
        rows.append(
            Finding(
                code=code,
                name=first.name,
                severity=first.severity,
                count=counts[code],
                url=docs_url(code, first.name),
                examples=examples,
            )
        )
    rows.sort(key=lambda f: (rank.get(f.severity, len(rank)), f.code))
    return Findings(
        rows=rows,
        severities={str(s): n for s, n in report.severity_counts().items()},
        total=len(report),
    )


def coverage(org: OrgCore, lang: str, columns: int = 8) -> Coverage:
    """Who holds each of the catalogue's required and single-owner duties (and those the
    rule R001 is told to require)."""
    catalog = org.catalog.responsibilities
    params = org.rules.params
    extra = [
        rid for key in ("R001", "uncovered") for rid in (params.get(key) or {}).get("required", ())
    ]
    wanted = [r.id for r in catalog.values() if r.required or r.single_owner]
    wanted += [rid for rid in extra if rid not in wanted]
    required = {r.id for r in catalog.values() if r.required} | set(extra)
    wanted_set = set(wanted)
    held: dict[str, list[str]] = {rid: [] for rid in wanted}
    vacant: dict[str, list[str]] = {rid: [] for rid in wanted}
    duties = responsibility_ids(org)
    # Kind defaults are shared tuples: each distinct one is tested once, and only the
    # roles whose tuple holds a wanted duty are looked at.
    distinct = {id(t): t for t in duties}
    mine = {key: tuple(r for r in t if r in wanted_set) for key, t in distinct.items()}
    relevant = {key for key, found in mine.items() if found}
    roles = list(org.roles.values())
    for i in [i for i, t in enumerate(duties) if id(t) in relevant]:
        role = roles[i]
        for rid in mine[id(duties[i])]:
            (vacant if role.vacant or role.planned else held)[rid].append(role.id)
    rows = []
    for rid in wanted:
        entry = catalog.get(rid)
        single = bool(entry is not None and entry.single_owner)
        is_required = rid in required
        if len(held[rid]) > 1 and single:
            status = "shared"
        elif held[rid]:
            status = "ok"
        elif vacant[rid]:
            status = "vacant"
        else:
            status = "uncovered" if is_required else "unassigned"
        rows.append(
            Duty(
                id=rid,
                label=entry.text(lang) if entry is not None else rid,
                required=is_required,
                single_owner=single,
                held=held[rid],
                vacant=vacant[rid],
                status=status,
            )
        )
    load: Counter[str] = Counter(r for d in rows for r in (*d.held, *d.vacant))
    position = org.index.pos
    top = sorted(load, key=lambda r: (-load[r], position[r]))[:columns]
    return Coverage(duties=rows, columns=sorted(top, key=position.__getitem__))


def trends(org: OrgCore) -> list[Trend]:
    """The whole org quarter by quarter (`orgroles.time.timeline()`)."""
    from orgroles.time import timeline

    table = timeline(org, "quarter", by_family=False)
    return [
        Trend(
            period=str(period),
            start=period.start_time.date(),  # type: ignore[attr-defined]
            headcount=int(row["headcount"]),
            seats=int(row["seats"]),
            vacancies=int(row["vacancies"]),
            planned=int(row["planned"]),
            managers=int(row["managers"]),
            layers=int(row["layers"]),
            median_span=float(row["median_span"]),
        )
        for period, row in table.to_dict("index").items()
    ]


def default_since(day: date) -> date:
    """Three months before `day` (the same day of the month, or the month's last).

    Examples:
        >>> default_since(date(2026, 5, 15)), default_since(date(2026, 5, 31))
        (datetime.date(2026, 2, 15), datetime.date(2026, 2, 28))
        >>> default_since(date(2026, 2, 10))
        datetime.date(2025, 11, 10)
    """
    month = day.month - 3
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError(day)  # pragma: no cover


def changes(org: OrgCore, since: date) -> Changes:
    """The dated changes from `since` to the day the org is viewed, and the headline
    on `since`."""
    from orgroles.time import history

    until = org.view_date or since
    chosen = [c for c in history(org) if since <= c.date <= until]
    items = chosen[::-1][:LIMIT]
    counts = Counter(c.kind for c in chosen)
    return Changes(
        since=since,
        until=until,
        counts={kind: counts[kind] for kind in CHANGE_KINDS if counts[kind]},
        items=items,
        details=[_detail(org, c) for c in items],
        total=len(chosen),
        before=headline(org.as_of(since)),
    )


SECTIONS = ("spans", "layers", "teams", "findings", "coverage", "trends", "changes")
"""The sections of a report, after its headline."""


def _detail(org: OrgCore, change: Change) -> str:
    """What a change changed, in the org's words: a person's name, a manager's title."""
    people = org.people
    records = org.records

    def who(pid: object) -> str:
        return people[pid].display_name if isinstance(pid, str) and pid in people else str(pid)

    def title(rid: object) -> str:
        if not isinstance(rid, str):
            return "\u2013"
        return org.title_of(records[rid]) if rid in records else rid

    if change.kind in ("holder-in", "holder-out"):
        return who(change.after if change.kind == "holder-in" else change.before)
    if change.kind == "moved":
        return f"{title(change.before)} → {title(change.after)}"
    return ""


def compute(
    org: OrgCore,
    *,
    targets: Targets | None = None,
    lang: str = "en",
    report: Report | None = None,
    since: date | None = None,
    only: Collection[str] = SECTIONS,
) -> Numbers:
    """Every number of the health report of `org` (or the headline and the sections
    `only` names; the others are left empty).

    `report` is the rule report to show (by default, `org.check()`); `since` the
    day the changes of a dated org are counted from (by default, three months before the
    day it is viewed). Trends and changes are those of a dated org only.
    """
    targets = targets or Targets()
    found = _spans(org)
    fams = families_of(org)
    dated = org.dated and org.view_date is not None
    numbers = Numbers(
        name=org.name,
        lang=lang,
        targets=targets,
        day=org.view_date if dated else None,
        headline=headline(org),
    )
    if "spans" in only:
        numbers.spans = spans(org, targets, found)
    if "layers" in only:
        numbers.layers = layers(org, lang, fams, found)
    if "teams" in only:
        numbers.teams = teams(org)
    if "findings" in only:
        if report is None:
            from orgroles.rules import check

            report = check(org)
        numbers.findings = findings(report)
    if "coverage" in only:
        numbers.coverage = coverage(org, lang)
    if "trends" in only and dated:
        numbers.trends = trends(org)
    if "changes" in only and dated:
        assert org.view_date is not None
        numbers.changes = changes(org, since or default_since(org.view_date))
    numbers.cited = cite(org, numbers, lang, found, fams)
    return numbers


def _named(numbers: Numbers) -> list[str]:
    """The role ids the page names, in the order it names them."""
    out: list[str] = list(numbers.spans.narrow_roles)
    out += [r.lead for r in numbers.teams.rows if r.lead is not None]
    out += [v.role for f in numbers.findings.rows for v in f.examples if v.role is not None]
    out += numbers.coverage.columns
    for duty in numbers.coverage.duties:
        out += duty.held[:LIMIT] + duty.vacant[:LIMIT]
    if numbers.changes is not None:
        out += [c.role for c in numbers.changes.items]
    return out


def cite(
    org: OrgCore, numbers: Numbers, lang: str, spans_: list[int], families: list[str]
) -> dict[str, Cited]:
    """What the page says of each role it names (those not in the org are left out)."""
    index = org.index
    out: dict[str, Cited] = {}
    for rid in _named(numbers):
        if rid in out or rid not in index.pos:
            continue
        i = index.pos[rid]
        role: Role = org.roles[rid]
        p = index.parent[i]
        out[rid] = Cited(
            id=rid,
            title=org.title_of(role, lang),
            holders=", ".join(person.display_name for person in org.holders_of(role)),
            vacant=role.vacant,
            planned=role.planned,
            manager=index.ids[p] if p >= 0 else None,
            manager_title=org.title_of(index.ids[p], lang) if p >= 0 else None,
            missing_manager=index.dangling.get(i),
            layer=index.depth[i] + 1 if index.depth[i] >= 0 else None,
            span=spans_[i],
            family=families[i],
        )
    return out
