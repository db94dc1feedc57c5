"""What `orgroles check --over-time` writes: violations with the days they held.

The text lists one line per violation and its days; JSON is the usual report (its
`"format": 1` shape) whose violations carry `from`, `until` and `when`; SARIF
says the days in each message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgroles._internal.text import plural, printable
from orgroles.cli.base import STDIO, use_color, write

if TYPE_CHECKING:
    from orgroles.errors import OrgValidationError
    from orgroles.org import Org
    from orgroles.rules.over_time import Span
    from orgroles.rules.report import Report

__all__ = ["over_time_report", "write_over_time"]


def over_time_report(
    org: Org, select: Sequence[str] | None, ignore: Sequence[str]
) -> tuple[Report, list[Span]]:
    """The spans of `org`, and the report of the violations that hold on its last day
    (what the exit code follows), with the days in every message."""
    from orgroles.rules.over_time import spans_report

    spans = org.check_over_time(select=select, ignore=ignore)
    report = spans_report(org, spans)
    return report, spans


def write_over_time(
    timed: Sequence[tuple[Report, list[Span]]],
    fmt: str,
    output: str | None,
    color: str,
    unreadable: Sequence[OrgValidationError] = (),
) -> None:
    """Write the spans of each org as text, JSON or SARIF (with the files that could not
    be read, as `orgroles.rules.output.to_json()` writes them)."""
    import json

    from orgroles.rules.output import to_json, to_sarif

    if fmt == "sarif":
        write(to_sarif([report for report, _ in timed], unreadable), output)
        return
    if fmt == "json":
        document = json.loads(to_json([report for report, _ in timed], unreadable))
        for data, (_, spans) in zip(document["reports"], timed, strict=True):
            data["violations"] = [span.to_dict() for span in spans]
        write(json.dumps(document, indent=2, ensure_ascii=False) + "\n", output)
        return
    colored = use_color(color) if output in (None, STDIO) else False
    texts = []
    for report, spans in timed:
        name = report.path or report.org or "org"
        lines = [printable(str(span)) for span in spans]
        still = sum(1 for span in spans if span.end is None)
        lines.append(
            f"{name}: {plural(len(spans), 'violation')} over time, {still} still holding "
            f"({plural(report.roles, 'role')})"
        )
        texts.append("\n".join(lines))
    write("\n\n".join(texts) + "\n", output, color=colored)
