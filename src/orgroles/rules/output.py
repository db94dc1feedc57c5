"""Reports as text for people, JSON for programs, and SARIF 2.1.0 for code scanning.

The JSON shape is stable and documented in docs/rules.md (`"format": 1`).

A report may hold half a million violations. The JSON and SARIF texts are what
`json.dumps(document, indent=2, ensure_ascii=False)` writes, but each violation is
written from a template (its strings through the encoder's own C function), which is ten
times faster than the encoder's Python code for indented output; the small rest of the
document goes through `json.dumps` itself. The tests compare both, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

import click

from orgroles._internal.text import CONTROL, json_text, plural, printable
from orgroles._version import __version__
from orgroles.errors import Location, OrgValidationError, Problem
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
    org's own (`X001`, ...) the section on declaring them.

    Examples:
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


def _where(loc: Location | None) -> str:
    """`f"{loc}: "` (empty for None), without a method call for each violation."""
    if loc is None:
        return ""
    text = loc.path if loc.path is not None else "<string>"
    if loc.line is None:
        return f"{text}: "
    return f"{text}:{loc.line}: " if loc.column is None else f"{text}:{loc.line}:{loc.column}: "


def _lines(violations: Sequence[Violation], color: bool) -> list[str]:
    """One line per violation, as `_line()` writes it; when nothing in them needs an
    escape (one search over all their text: the usual case), without a search per line."""
    if color:
        return [_line(v, color) for v in violations]
    parts = [
        (_where(v.location), v.code, v.severity, "" if v.role is None else f"{v.role}: ", v)
        for v in violations
    ]
    # A tab is never escaped, so it keeps the pieces apart without making an escape.
    text = "\t".join(f"{w}\t{code}\t{who}{v.message}\t{v.name}" for w, code, _, who, v in parts)
    if CONTROL.search(text) is not None:
        return [_line(v, color) for v in violations]
    return [f"{w}{code} {level} {who}{v.message} [{v.name}]" for w, code, level, who, v in parts]


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
    violations = report.violations
    lines = _lines(violations, color)
    suppressed = f"; {len(report.suppressed):,} silenced by noqa" if report.suppressed else ""
    if not violations:
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
    for v in violations:
        if v.code not in by_code:
            by_code[v.code] = (v.name, v.severity)
    by_rule = report.counts()
    width = max([4, *(len(f"{n:,}") for n in by_rule.values())])  # the counts aligned
    for code, n in by_rule.items():
        name, level = by_code[code]
        lines.append(f"  {n:>{width},}  {code} {name} ({level})")
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


# -- JSON text from templates ------------------------------------------------------------

_encode: Callable[[str], str] = json.encoder.encode_basestring
"""How `json.dumps(..., ensure_ascii=False)` writes a string (in C)."""


def _text(value: str | None) -> str:
    return "null" if value is None else _encode(value)


def _number(value: int | None) -> str:
    return "null" if value is None else int.__repr__(value)


def _items(items: list[str], indent: int) -> str:
    """A JSON list of items already written (each starting with its own indentation), as
    `json.dumps(..., indent=2)` writes it at `indent` spaces."""
    if not items:
        return "[]"
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def _dumps(document_of: Callable[[Callable[[str], str]], Any], values: dict[str, str]) -> str:
    """`json.dumps(document, indent=2, ensure_ascii=False)` of the document that
    `document_of(hole)` builds, where `hole(name)` is a placeholder string that the
    JSON text `values[name]` then replaces. A placeholder holds a NUL and a random
    number; should another string of the document be written the same, a new number is
    drawn: the text never depends on it."""
    for _ in range(8):
        nonce = os.urandom(8).hex()

        def hole(name: str, nonce: str = nonce) -> str:
            return f"\0{nonce} {name}\0"

        text = json.dumps(document_of(hole), indent=2, ensure_ascii=False)
        quoted = {_encode(hole(name)): value for name, value in values.items()}
        if all(text.count(q) == 1 for q in quoted):
            for q, value in quoted.items():
                text = text.replace(q, value)
            return text
    raise AssertionError("no placeholder is unique in the document")  # never expected


class _ViolationJson:
    """Violations as items of a report's `violations` in `to_json()`: what
    `json.dumps(v.to_dict(), indent=2)` writes there. What the violations of one rule
    share (their code, name and severity) and those of one file (its path) are written
    once."""

    def __init__(self) -> None:
        self._heads: dict[tuple[str, str, str], str] = {}
        self._paths: dict[str | None, str] = {}

    def __call__(self, v: Violation, reason: str | None = None) -> str:
        """One violation (with `"reason"` for a silenced one)."""
        head = self._heads.get((v.code, v.name, v.severity))
        if head is None:
            head = self._heads[v.code, v.name, v.severity] = (
                f'        {{\n          "code": {_encode(v.code)},\n          "name": '
                f'{_encode(v.name)},\n          "severity": {_encode(v.severity)},\n'
                '          "role": '
            )
        loc = v.location
        related = "[]"
        if v.related:
            items = ",\n            ".join(map(_encode, v.related))
            related = f"[\n            {items}\n          ]"
        where = "null"
        if loc is not None:
            path = self._paths.get(loc.path)
            if path is None:
                path = self._paths[loc.path] = (
                    f'{{\n            "path": {_text(loc.path)},\n            "line": '
                )
            where = (
                f"{path}{_number(loc.line)},\n            "
                f'"column": {_number(loc.column)}\n          }}'
            )
        tail = "" if reason is None else f',\n          "reason": {_encode(reason)}'
        return (
            f'{head}{_text(v.role)},\n          "message": {_encode(v.message)},\n'
            f'          "related": {related},\n          "location": {where}{tail}\n        }}'
        )


def _unreadable(errors: Sequence[OrgValidationError]) -> list[dict[str, Any]]:
    """The files that could not be read, each with its problems, for a JSON report."""

    def problem(p: Problem) -> dict[str, Any]:
        loc = p.location
        return {
            "message": p.message,
            "code": p.code,
            "location": None
            if loc is None
            else {"path": loc.path, "line": loc.line, "column": loc.column},
        }

    return [{"path": e.path, "problems": [problem(p) for p in e.problems]} for e in errors]


def to_json(reports: Sequence[Report], unreadable: Sequence[OrgValidationError] = ()) -> str:
    """Reports as JSON: `{"format": 1, "orgroles": version, "ok": ..., "reports": [...]}`,
    each report as `Report.to_dict()` gives it; with `unreadable` (the errors of files
    that could not be read), `"ok": false` and an `"unreadable"` list of those files and
    their problems.

    Examples:
        >>> from orgroles.rules.report import Report, Violation
        >>> v = Violation("C002", "single-report", "info", "ceo", "one report", None, ("cto",))
        >>> reports = [Report([v], roles=4, org="Acme")]
        >>> document = {"format": JSON_FORMAT, "orgroles": __version__, "ok": True,
        ...             "reports": [r.to_dict() for r in reports]}
        >>> to_json(reports) == json.dumps(document, indent=2, ensure_ascii=False) + "\\n"
        True
    """
    values: dict[str, str] = {}
    datas = []
    written = _ViolationJson()
    for n, report in enumerate(reports):
        datas.append(report.to_dict(listed=False))
        values[f"violations {n}"] = _items(list(map(written, report.violations)), 6)
        silenced = [written(s.violation, s.reason) for s in report.suppressed]
        values[f"suppressed {n}"] = _items(silenced, 6)

    def document(hole: Callable[[str], str]) -> dict[str, Any]:
        found: dict[str, Any] = {
            "format": JSON_FORMAT,
            "orgroles": __version__,
            "ok": all(r.ok for r in reports) and not unreadable,
            "reports": [
                {
                    **data,
                    "violations": hole(f"violations {n}"),
                    "suppressed": hole(f"suppressed {n}"),
                }
                for n, data in enumerate(datas)
            ],
        }
        if unreadable:
            found["unreadable"] = _unreadable(unreadable)
        return found

    return json_text(_dumps(document, values)) + "\n"


# -- SARIF -------------------------------------------------------------------------------


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


def _result(v: Violation, report_path: str | None, rank: int, uris: dict[str, str]) -> str:
    """One SARIF result as `json.dumps(..., indent=2)` writes it in `to_sarif()`."""
    message = _encode(f"{v.role}: {v.message}" if v.role else v.message)
    loc = v.location
    path = loc.path if loc is not None else report_path
    where = ""
    if path is not None:
        uri = uris.get(path)
        if uri is None:
            uri = uris[path] = _encode(_uri(path))
        line = (loc.line if loc is not None else None) or 1
        column = ""
        if loc is not None and loc.column:
            column = f',\n                  "startColumn": {int.__repr__(loc.column)}'
        where = (
            ',\n          "locations": [\n            {\n              "physicalLocation": {\n'
            '                "artifactLocation": {\n                  "uri": '
            f"{uri}\n                }},\n"
            '                "region": {\n                  "startLine": '
            f"{int.__repr__(line)}{column}\n                }}\n              }}\n"
            "            }\n          ]"
        )
    return (
        f'        {{\n          "ruleId": {_encode(v.code)},\n          "level": '
        f'"{_SARIF_LEVELS[v.severity]}",\n          "message": {{\n            "text": '
        f'{message}\n          }},\n          "partialFingerprints": {{\n            '
        f'"orgrolesViolation/v1": "{_fingerprint(v)}"\n          }}{where},\n'
        f'          "ruleIndex": {rank}\n        }}'
    )


def _notification(problem: Problem) -> dict[str, Any]:
    """A SARIF tool notification of a file's problem: the file could not be read."""
    found: dict[str, Any] = {"level": "error", "message": {"text": problem.message}}
    loc = problem.location
    if loc is not None and loc.path is not None:
        region = {"startLine": loc.line or 1}
        if loc.column:
            region["startColumn"] = loc.column
        found["locations"] = [
            {"physicalLocation": {"artifactLocation": {"uri": _uri(loc.path)}, "region": region}}
        ]
    return found


def to_sarif(reports: Sequence[Report], unreadable: Sequence[OrgValidationError] = ()) -> str:
    """Reports as one SARIF 2.1.0 log, as GitHub code scanning reads it; the problems of
    `unreadable` files are the notifications of a run that did not succeed (a scan that
    could not read a file is no clean scan)."""
    rule_meta: dict[str, dict[str, Any]] = {}
    builtin = {r.code: r for r in all_rules()}
    for report in reports:
        for v in report.violations:
            if v.code in rule_meta:
                continue
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
    ordered = sorted(rule_meta)
    rank = {code: n for n, code in enumerate(ordered)}
    uris: dict[str, str] = {}
    results = [
        _result(v, report.path, rank[v.code], uris) for report in reports for v in report.violations
    ]
    run: dict[str, Any] = {}
    notes: list[dict[str, Any]] = [_notification(p) for e in unreadable for p in e.problems]
    omitted = sum(r.omitted_count for r in reports)
    if omitted:
        note = (
            f"{omitted:,} more violations were found but not listed "
            f"(a check keeps the first {MAX_VIOLATIONS:,})"
        )
        notes.append({"level": "warning", "message": {"text": note}})
    if notes:
        run["invocations"] = [
            {"executionSuccessful": not unreadable, "toolExecutionNotifications": notes}
        ]
    rules = [rule_meta[c] for c in ordered]

    def log(hole: Callable[[str], str]) -> dict[str, Any]:
        return {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "orgroles",
                            "version": __version__,
                            "informationUri": "https://orgroles.readthedocs.io",
                            "rules": rules,
                        }
                    },
                    "results": hole("results"),
                    **run,
                }
            ],
        }

    return json_text(_dumps(log, {"results": _items(results, 6)})) + "\n"
