"""The report's numbers against metrics(), the queries and the rules, computed apart.

Each org gets the same checks: the examples, the GitLab import and a generated org of
100,000 roles (marked slow).
"""

from __future__ import annotations

import statistics
import warnings
from collections import Counter
from datetime import date

import pytest
from benchmarks.generate import generate

import orgroles
from orgroles.health import Targets, compute
from orgroles.health.numbers import LIMIT, UNKNOWN, default_since
from orgroles.health.sections import Numbers
from orgroles.rules.report import Report

from tests.helpers import DATA, EXAMPLES

TODAY = "2026-05-15"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def gitlab() -> orgroles.Org:
    with warnings.catch_warnings():  # two roles of the export have broken HTML: known
        warnings.simplefilter("ignore", orgroles.OrgImportWarning)
        return orgroles.from_gitlab(DATA / "gitlab-team" / "team.yml", name="GitLab")


def generated(n: int) -> orgroles.Org:
    """The benchmarks' org of ``n`` roles."""
    return orgroles.Org(**generate(n))


def check_numbers(org: orgroles.Org, n: Numbers, report: Report | None = None) -> None:
    """Every number of ``n`` against what orgroles says of ``org`` by other ways."""
    m = org.metrics()
    h = n.headline
    assert (h.roles, h.headcount, h.vacancies, h.planned, h.layers, h.managers) == (
        m["roles"],
        m["headcount"],
        m["vacancies"],
        m["planned"],
        m["layers"],
        m["managers"],
    )
    assert h.seats == m["roles"] - m["planned"]
    assert (h.median_span, h.mean_span) == (m["median_span"], m["mean_span"])
    assert h.ics == m["roles"] - m["managers"]
    if m["managers"]:
        assert h.manager_ratio == round((m["roles"] - m["managers"]) / m["managers"], 2)
    # Spans: the managers by number of direct reports.
    spans = org.span()
    counts = Counter(s for s in spans.values() if s > 0)
    assert n.spans.counts == dict(sorted(counts.items()))
    assert n.spans.managers == m["managers"] == sum(counts.values())
    low, high = n.targets.span
    assert n.spans.in_band == sum(v for s, v in counts.items() if low <= s <= high)
    assert n.spans.wide == sum(v for s, v in counts.items() if s > high)
    narrow = [r for r, s in spans.items() if 0 < s <= n.targets.narrow]
    assert n.spans.narrow == len(narrow)
    assert set(n.spans.narrow_roles) <= set(narrow)
    assert len(n.spans.narrow_roles) == min(LIMIT, len(narrow))
    if narrow:
        assert statistics.median(s for s in counts.elements()) == m["median_span"]
    # Layers by family: the pyramid is to_frame()'s layers and families.
    frame = org.to_frame()
    family = frame["family"].fillna(UNKNOWN)
    cells = Counter(
        (int(layer), fam)
        for layer, fam in zip(frame["layer"], family, strict=True)
        if layer is not None and layer == layer and str(layer) != "<NA>"
    )
    assert n.layers.cells == dict(sorted(cells.items()))
    assert n.layers.unlayered == int(frame["layer"].isna().sum())
    assert sum(f.roles for f in n.layers.families) == m["roles"]
    assert sum(f.managers for f in n.layers.families) == m["managers"]
    for f in n.layers.families:
        mine = frame[family == f.family]
        assert f.roles == len(mine)
        assert f.managers == int((mine["span"] > 0).sum())
        assert f.layers == int(mine["layer"].max()) if mine["layer"].notna().any() else 0
    # Teams: every vacant and planned seat is in one team.
    assert n.teams.vacancies == m["vacancies"]
    assert n.teams.planned == m["planned"]
    shown = n.teams.rows
    assert len(shown) == min(LIMIT, n.teams.count)
    assert all(r.vacancies + r.planned > 0 for r in shown)
    opened = [r.vacancies + r.planned for r in shown]
    assert opened == sorted(opened, reverse=True)
    # Findings: the rules' report.
    report = org.check() if report is None else report
    assert n.findings.total == len(report)
    assert {f.code: f.count for f in n.findings.rows} == report.counts()
    assert n.findings.severities == dict(report.severity_counts())
    for finding in n.findings.rows:
        assert finding.url.startswith("https://orgroles.readthedocs.io/en/latest/rules/#")
        first = [v.role for v in report.select([finding.code])][:5]
        assert [v.role for v in finding.examples] == first
    # Coverage: who holds each duty.
    catalog = org.catalog.responsibilities
    duties = [r.id for r in catalog.values() if r.required or r.single_owner]
    assert [d.id for d in n.coverage.duties][: len(duties)] == duties
    for d in n.coverage.duties:
        holders = org.roles_with(d.id)
        assert d.held == [r.id for r in holders if not (r.vacant or r.planned)]
        assert d.vacant == [r.id for r in holders if r.vacant or r.planned]
    # Every role named is in the org, with what the queries say of it.
    layers = org.layers()
    for rid, cited in n.cited.items():
        assert cited.title == org.title_of(rid, n.lang)
        assert cited.span == spans[rid]
        assert cited.layer == layers[rid]
        boss = org.manager(rid)
        assert cited.manager == (boss.id if boss else None)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_the_examples(path: object) -> None:
    org = orgroles.load(path, today=TODAY)  # type: ignore[arg-type]
    n = compute(org)
    check_numbers(org, n)
    assert (n.trends is not None) == org.dated
    assert (n.changes is not None) == org.dated


def test_the_gitlab_import() -> None:
    org = gitlab()
    report = org.check()
    n = compute(org, report=report)
    check_numbers(org, n, report)
    assert n.headline.roles == 1368
    assert n.spans.counts[1] == 40  # the C002 managers
    # 450 roles report to a manager the export leaves out: each cites it.
    missing = [c for c in n.cited.values() if c.missing_manager is not None]
    assert missing
    assert all(org.roles[c.id].reports_to == c.missing_manager for c in missing)


@pytest.mark.slow
def test_a_generated_org_of_100k_roles() -> None:
    org = generated(100_000)
    report = org.check()
    n = compute(org, report=report)
    check_numbers(org, n, report)
    assert n.headline.roles == 100_000
    assert len(n.cited) < 400  # the page names a bounded number of roles


def test_the_dated_example_over_time() -> None:
    org = orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY)
    n = compute(org, since=date(2025, 10, 1))
    assert n.trends is not None
    assert n.changes is not None
    table = org.timeline("quarter", by_family=False)
    assert [t.period for t in n.trends] == [str(p) for p in table.index]
    # timeline(by_family=False) is checked against metrics() of each day in its own tests.
    for column in ("headcount", "seats", "vacancies", "planned", "managers", "layers"):
        assert [getattr(t, column) for t in n.trends] == table[column].tolist(), column
    # Changes: the history between the two days, the latest first; and the headline then.
    changes = [c for c in org.history() if date(2025, 10, 1) <= c.date <= date(2026, 5, 15)]
    assert n.changes.total == len(changes)
    assert n.changes.items == changes[::-1][:LIMIT]
    assert sum(n.changes.counts.values()) == len(changes)
    before = org.as_of("2025-10-01").metrics()
    assert n.changes.before.headcount == before["headcount"]
    assert n.changes.before.layers == before["layers"]
    # The CTO's interim: the details name people, not ids.
    details = [
        d for c, d in zip(n.changes.items, n.changes.details, strict=True) if c.kind == "holder-in"
    ]
    assert details[0] == "Hana Ito"  # the latest first
    assert "Yanis Benali" in details


def test_the_default_since_is_three_months_back() -> None:
    org = orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY)
    n = compute(org)
    assert n.changes is not None
    assert n.changes.since == date(2026, 2, 15) == default_since(date(2026, 5, 15))
    assert n.changes.until == date(2026, 5, 15)


def test_targets_change_the_counts_not_the_metrics(scaleup: orgroles.Org) -> None:
    wide = compute(scaleup, targets=Targets(span=(2, 3), narrow=1))
    assert wide.spans.in_band == 6
    assert wide.spans.wide == 1
    assert wide.spans.narrow == 0
    assert wide.headline == compute(scaleup).headline


def test_required_duties_from_the_rules_count() -> None:
    org = orgroles.Org(
        people=[{"id": "a", "name": "A"}],
        roles=[
            {"id": "em", "kind": "engineering-manager", "holder": "a"},
            {"id": "dev", "kind": "developer", "reports_to": "em"},
        ],
        rules={"params": {"R001": {"required": ["data-protection"]}}},
    )
    n = compute(org)
    [duty] = [d for d in n.coverage.duties if d.id == "data-protection"]
    assert (duty.required, duty.status) == (True, "uncovered")
    [strategy] = [d for d in n.coverage.duties if d.id == "define-technical-strategy"]
    assert (strategy.required, strategy.status) == (False, "unassigned")
    org.add_role({"id": "cto", "kind": "cto"})  # a vacant seat carries both
    n = compute(org)
    assert {d.id: d.status for d in n.coverage.duties}["data-protection"] == "vacant"


def test_a_duty_on_two_seats_is_shared() -> None:
    org = orgroles.Org(
        people=[{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        roles=[
            {"id": "ceo", "kind": "ceo", "holder": "a"},
            {"id": "cto", "kind": "cto", "holder": "b", "reports_to": "ceo"},
            {
                "id": "vp",
                "title": "VP",
                "holder": "b",
                "reports_to": "ceo",
                "responsibilities": ["define-technical-strategy"],
            },
        ],
    )
    [duty] = [d for d in compute(org).coverage.duties if d.id == "define-technical-strategy"]
    assert (duty.status, duty.held) == ("shared", ["cto", "vp"])
