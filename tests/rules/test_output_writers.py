"""The report writers write, byte for byte, what ``json.dumps`` writes of the report's
data, and what a line per violation through ``printable`` gives: their templates and fast
paths change the speed (issue 20), never the text."""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

import pytest

import orgroles
from orgroles._internal.text import json_text, printable
from orgroles._version import __version__
from orgroles.errors import Location
from orgroles.limits import MAX_VIOLATIONS
from orgroles.rules import all_rules
from orgroles.rules.output import JSON_FORMAT, docs_url, format_text, to_json, to_sarif
from orgroles.rules.report import Report, Suppressed, Violation

from tests.helpers import ROOT

ODD = [
    Violation(
        "C001", "span-too-wide", "error", "r\x1b[2J", "m\u2028x\x9b", Location("a b/é.json", 3)
    ),
    Violation("X001", "custom", "info", None, "org-wide \x7f", Location(None)),
    Violation("S002", "unknown-reference", "warning", "r2", 'quote " back \\ tab\t', None),
    Violation("S002", "unknown-reference", "warning", "李娜", "emoji 🙂", Location("p", 0, 0)),
    Violation("K002", "tech-line", "warning", "r4", "m", Location("x.json", 1, 9), ("a", "b\n")),
]


def odd_reports() -> list[Report]:
    placeholder = "\0violations 0\0"  # what a placeholder once looked like
    return [
        Report(
            ODD,
            [Suppressed(ODD[0], "because \x00"), Suppressed(ODD[2])],
            rules=["C001", "S002"],
            org=placeholder,
            path="x.json",
            roles=3,
            omitted={("C003", "too-deep", "warning"): 5},
        ),
        Report([], roles=0, org="empty"),
        Report(ODD[2:3], roles=1, path=None),
    ]


def reference_json(reports: list[Report]) -> str:
    document = {
        "format": JSON_FORMAT,
        "orgroles": __version__,
        "ok": all(r.ok for r in reports),
        "reports": [r.to_dict() for r in reports],
    }
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def reference_sarif(reports: list[Report]) -> str:
    """The SARIF log built as dicts and written by json.dumps (the writer before issue 20)."""
    levels = {"error": "error", "warning": "warning", "info": "note"}
    builtin = {r.code: r for r in all_rules()}
    rule_meta: dict[str, dict[str, Any]] = {}
    results = []
    for report in reports:
        for v in report.violations:
            if v.code not in rule_meta:
                rule = builtin.get(v.code)
                rule_meta[v.code] = {
                    "id": v.code,
                    "name": v.name,
                    "shortDescription": {"text": rule.summary if rule else v.name},
                    "helpUri": docs_url(v.code, v.name),
                    "defaultConfiguration": {
                        "level": levels[rule.severity if rule else v.severity]
                    },
                }
            text = "\0".join((v.code, v.role or "", v.message, *v.related))
            result: dict[str, Any] = {
                "ruleId": v.code,
                "level": levels[v.severity],
                "message": {"text": f"{v.role}: {v.message}" if v.role else v.message},
                "partialFingerprints": {
                    "orgrolesViolation/v1": hashlib.sha256(text.encode()).hexdigest()[:32]
                },
            }
            path = v.location.path if v.location is not None else report.path
            if path is not None:
                region = {"startLine": (v.location.line if v.location else None) or 1}
                if v.location is not None and v.location.column:
                    region["startColumn"] = v.location.column
                pure = PurePath(path)
                uri = pure.as_uri() if pure.drive else quote(pure.as_posix(), safe="/")
                result["locations"] = [
                    {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
                ]
            results.append(result)
    ordered = sorted(rule_meta)
    for result in results:
        result["ruleIndex"] = ordered.index(result["ruleId"])
    run: dict[str, Any] = {}
    omitted = sum(r.omitted_count for r in reports)
    if omitted:
        note = (
            f"{omitted:,} more violations were found but not listed "
            f"(a check keeps the first {MAX_VIOLATIONS:,})"
        )
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [{"level": "warning", "message": {"text": note}}],
            }
        ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "orgroles",
                        "version": __version__,
                        "informationUri": "https://orgroles.readthedocs.io",
                        "rules": [rule_meta[c] for c in ordered],
                    }
                },
                "results": results,
                **run,
            }
        ],
    }
    return json_text(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"


def reference_text(report: Report) -> list[str]:
    """The violation lines, each made printable on its own."""
    lines = []
    for v in report.violations:
        where = f"{v.location}: " if v.location is not None else ""
        who = f"{v.role}: " if v.role is not None else ""
        lines.append(
            printable(where) + f"{v.code} {v.severity} " + printable(f"{who}{v.message} [{v.name}]")
        )
    return lines


def example_reports() -> list[Report]:
    reports = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        org = orgroles.load(path)
        reports.append(org.check())
        reports.append(org.check(select=["S", "K"]))
    return reports


@pytest.mark.parametrize("make", [odd_reports, example_reports, list])
def test_json_is_json_dumps_of_the_reports_data(make: Any) -> None:
    assert to_json(make()) == reference_json(make())


@pytest.mark.parametrize("make", [odd_reports, example_reports, list])
def test_sarif_is_json_dumps_of_the_logs_data(make: Any) -> None:
    assert to_sarif(make()) == reference_sarif(make())


@pytest.mark.parametrize("make", [odd_reports, example_reports])
def test_text_lines_are_each_violation_made_printable(make: Any) -> None:
    for report in make():
        text = format_text(report)
        assert text.split("\n")[: len(report)] == reference_text(report)
        if any("\x1b" in v.role for v in report.violations if v.role):
            assert "\x1b" not in text


def test_a_generated_org_with_many_violations_writes_the_same(tmp_path: Any) -> None:
    from benchmarks.generate import generate_dirty, write_json

    path = tmp_path / "dirty.json"
    write_json(generate_dirty(3_000, every_seat_held=True), path)
    org = orgroles.load(path)
    assert len(org.check()) > 100
    assert to_json([org.check()]) == reference_json([org.check()])
    assert to_sarif([org.check()]) == reference_sarif([org.check()])
    assert format_text(org.check()).split("\n")[:100] == reference_text(org.check())[:100]


def test_the_counts_by_rule_stay_aligned_past_four_digits() -> None:
    from orgroles.rules.report import Report, Violation

    many = [
        Violation("C002", "single-report", "info", f"r{i}", "one", None, ()) for i in range(12_345)
    ]
    few = [Violation("C001", "span-too-wide", "warning", "x", "wide", None, ())]
    text = format_text(Report([*few, *many], roles=20_000, org="Big"))
    counts = [line for line in text.splitlines() if line.startswith("  ") and "(" in line]
    assert counts == [
        "       1  C001 span-too-wide (warning)",
        "  12,345  C002 single-report (info)",
    ]
    assert repr(Report([*few, *few], roles=2, org="Big")) == "<Report 'Big': 2 warnings>"


def test_a_rules_summary_is_its_whole_first_sentence() -> None:
    from orgroles.rules.base import all_rules

    for rule in all_rules():
        assert rule.summary.endswith("."), (rule.code, rule.summary)
