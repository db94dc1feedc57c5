"""Reports as text for people, JSON for programs, and SARIF 2.1.0 for code scanning.

The JSON shape is stable and documented in docs/rules.md (`"format": 1`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

import click

from orgroles._internal.text import json_text, plural, printable
from orgroles._version import __version__
from orgroles.limits import MAX_VIOLATIONS
from orgroles.rules.base import all_rules
from orgroles.rules.report import Report, Violation

__all__ = [
    "summary_line",
    "DOCS_URL",
    "JSON_FORMAT",
    "docs_url",
    "format_text",
    "to_json",
    "to_sarif",
]

JSON_FORMAT = 1
"""The version of the JSON output's shape; it changes only when the shape does."""

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
DOCS_URL = "https://orgroles.readthedocs.io/en/latest/rules/"
"""The rules page of the online documentation (docs/rules.md)."""


def docs_url(code: str, name: str) -> str:
    """The documentation of a rule: its section of the rules page, or for a rule of the
    org's own (``X001``, ...) the section on declaring them.

    >>> docs_url("C001", "span-too-wide")
    'https://orgroles.readthedocs.io/en/latest/rules/#c001-span-too-wide'
    >>> docs_url("X001", "custom-x001")
    'https://orgroles.readthedocs.io/en/latest/rules/#rules-of-your-own'
    """
    if any(rule.code == code for rule in all_rules()):
        return f"{DOCS_URL}#{code.lower()}-{name}"
    return f"{DOCS_URL}#rules-of-your-own"


def _line(v: Violation, color: bool) -> str:
    where = f"{v.location}: " if v.location is not None else ""
    severity = click.style(v.severity, fg=_COLOURS[v.severity], bold=True) if color else v.severity
    code = click.style(v.code, bold=True) if color else v.code
    who = f"{v.role}: " if v.role is not None else ""
    return printable(f"{where}") + f"{code} {severity} " + printable(f"{who}{v.message} [{v.name}]")


def format_text(report: Report, *, color: bool = False, label: str | None = None) -> str:
    """A report for people: one line per violation (`file:line:col: CODE severity ...`),
    in file order, then a summary grouped by rule.

    Examples:
        >>> from orgroles.rules.report import Report, Violation
        >>> v = Violation("C002", "single-report", "info", "ceo", "one direct report only (cto)")
        >>> print(format_text(Report([v], roles=4), label="org.yaml"))
        C002 info ceo: one direct report only (cto) [single-report]
        org.yaml: 1 info (4 roles)
             1  C002 single-report (info)
    """
    name = label or report.path or report.org or "org"
    lines = [_line(v, color) for v in report.violations]
    suppressed = f"; {len(report.suppressed):,} silenced by noqa" if report.suppressed else ""
    if not report.violations:
        lines.append(f"{name}: no problems ({plural(report.roles, 'role')}){suppressed}")
        return "\n".join(lines)
    counts = report.severity_counts()
    parts = [plural(n, s) for s, n in counts.items() if n]
    lines.append(f"{name}: {', '.join(parts)} ({plural(report.roles, 'role')}){suppressed}")
    if report.omitted_count:
        lines.insert(
            len(lines) - 1,
            f"... and {plural(report.omitted_count, 'more violation')}, counted below but "
            f"not listed (a check keeps the first {MAX_VIOLATIONS:,})",
        )
    by_code: dict[str, tuple[str, str]] = {
        code: (name, level) for code, name, level in report.omitted
    }
    for v in report.violations:
        by_code.setdefault(v.code, (v.name, v.severity))
    for code, n in report.counts().items():
        name, level = by_code[code]
        lines.append(f"  {n:>4,}  {code} {name} ({level})")
    return "\n".join(lines)


def summary_line(reports: Sequence[Report], unreadable: int = 0) -> str:
    """One line for several reports: how many files, roles and violations of each severity.

    Examples:
        >>> from orgroles.rules.report import Report, Violation
        >>> v = Violation("C002", "single-report", "info", "ceo", "one direct report only")
        >>> summary_line([Report([v], roles=4), Report([], roles=20)])
        'all 2 files: 1 info (24 roles)'
        >>> summary_line([Report([], roles=4)], unreadable=1)
        'all 2 files: no problems (4 roles); 1 file could not be read'
    """
    totals: dict[str, int] = {}
    for report in reports:
        for severity, n in report.severity_counts().items():
            totals[severity] = totals.get(severity, 0) + n
    parts = [plural(n, s) for s, n in totals.items() if n]
    roles = sum(r.roles for r in reports)
    files = len(reports) + unreadable
    found = ", ".join(parts) or "no problems"
    line = f"all {plural(files, 'file')}: {found} ({plural(roles, 'role')})"
    if unreadable:
        line += f"; {plural(unreadable, 'file')} could not be read"
    return line


def to_json(reports: Sequence[Report]) -> str:
    """Reports as JSON: `{"format": 1, "orgroles": version, "ok": ..., "reports": [...]}`."""
    document = {
        "format": JSON_FORMAT,
        "orgroles": __version__,
        "ok": all(r.ok for r in reports),
        "reports": [r.to_dict() for r in reports],
    }
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def _uri(path: str) -> str:
    """A SARIF artifact URI: the path, percent-encoded (a Windows path with a drive, as a
    `file://` URI).

    Examples:
        >>> _uri("orgs/équipe #1.yaml"), _uri("/srv/a b.yaml")
        ('orgs/%C3%A9quipe%20%231.yaml', '/srv/a%20b.yaml')
    """
    pure = PurePath(path)
    if pure.drive:
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")


def _fingerprint(v: Violation) -> str:
    text = "\0".join((v.code, v.role or "", v.message, *v.related))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def to_sarif(reports: Sequence[Report]) -> str:
    """Reports as one SARIF 2.1.0 log, as GitHub code scanning reads it."""
    rule_meta: dict[str, dict[str, Any]] = {}
    builtin = {r.code: r for r in all_rules()}
    results = []
    for report in reports:
        for v in report.violations:
            if v.code not in rule_meta:
                rule = builtin.get(v.code)
                summary = rule.summary if rule is not None else v.name
                rule_meta[v.code] = {
                    "id": v.code,
                    "name": v.name,
                    "shortDescription": {"text": summary},
                    "helpUri": docs_url(v.code, v.name),
                    "defaultConfiguration": {
                        "level": _SARIF_LEVELS[rule.severity if rule else v.severity]
                    },
                }
            result: dict[str, Any] = {
                "ruleId": v.code,
                "level": _SARIF_LEVELS[v.severity],
                "message": {"text": f"{v.role}: {v.message}" if v.role else v.message},
                "partialFingerprints": {"orgrolesViolation/v1": _fingerprint(v)},
            }
            path = v.location.path if v.location is not None else report.path
            if path is not None:
                region = {"startLine": (v.location.line if v.location else None) or 1}
                if v.location is not None and v.location.column:
                    region["startColumn"] = v.location.column
                result["locations"] = [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(path)},
                            "region": region,
                        }
                    }
                ]
            results.append(result)
    ordered = sorted(rule_meta)
    rank = {code: n for n, code in enumerate(ordered)}
    for result in results:
        result["ruleIndex"] = rank[result["ruleId"]]
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
