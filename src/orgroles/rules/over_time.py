"""Rules over time: run the rules of a dated org on every day it changes, and say when
each violation started and ended.

A violation is the same from one day to the next when its rule and its role are (its
message may change: "a team of 4", then "of 5"). `check_over_time()` checks the org
on the day before its first change (what held from the start of the records), then on
each day a seat, holder or line starts or ends, and on the days a rule names itself (an
interim passing its limit: `Rule.days()`). Each `Span` says from when to
when, and what changed on its first day.

Examples:
    >>> import orgroles
    >>> org = orgroles.loads('''
    ... roles:
    ...   - {id: ceo, kind: ceo, holder: ana}
    ...   - id: cto
    ...     kind: cto
    ...     reports_to: ceo
    ...     holder: [{person: bo, end: 2024-12-31}, {person: cy, start: 2025-06-01}]
    ... ''', today="2026-01-01")
    >>> for span in check_over_time(org, select=["H"]):
    ...     print(span)
    H004 cto from 2025-04-01 to 2025-05-31: vacant since 2025-01-01, more than 90 days
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from orgroles._internal.arguments import checked
from orgroles._internal.dates import day as as_day
from orgroles.model import Severity
from orgroles.model.dates import ONE_DAY
from orgroles.rules.engine import check, configured_rules
from orgroles.rules.report import Report, Violation

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.time import Change

__all__ = ["Span", "check_over_time", "spans_report"]


@dataclass(frozen=True)
class Span:
    """A violation over time: the `Violation` of its first day, that day
    (`start`; None when it held from the start of the records), its last day (`end`;
    None when it still holds on the last day checked), and what changed on its first day
    (`when`)."""

    violation: Violation
    start: date | None
    end: date | None
    when: str = ""

    def __str__(self) -> str:
        v = self.violation
        who = f" {v.role}" if v.role is not None else ""
        since = f"from {self.start}" if self.start is not None else "from the start"
        until = f" to {self.end}" if self.end is not None else ""
        why = f" (when {self.when})" if self.when else ""
        return f"{v.code}{who} {since}{until}{why}: {v.message}"

    def to_dict(self) -> dict[str, Any]:
        """The violation's JSON data with `from`, `until` and `when` added."""
        return {
            **self.violation.to_dict(),
            "from": self.start.isoformat() if self.start else None,
            "until": self.end.isoformat() if self.end else None,
            "when": self.when,
        }


@checked
def check_over_time(
    org: OrgCore,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    params: Mapping[str, Mapping[str, Any]] | None = None,
    severity: Mapping[str, Severity] | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
) -> list[Span]:
    """Check `org` on every day its view may change, between `start` and `end`
    (inclusive; by default from before the first change to its view day), and return the
    violations as spans, in order of their first day then of the file. The options are
    those of `orgroles.rules.check()`. An undated org is checked once."""
    from orgroles.time import change_days, history

    since, until = (as_day(d) if d is not None else None for d in (start, end))
    select = list(select) if select is not None else None
    ignore = list(ignore)

    def run(on: OrgCore) -> Report:
        return check(on, select=select, ignore=ignore, params=params, severity=severity)

    last = until or org.view_date
    if last is None:  # undated: one check, which holds from the start
        return [Span(v, None, None) for v in run(org).violations]
    days = set(change_days(org)) | _rule_days(org, select, ignore, params)
    first = min(days, default=last)
    days = {d for d in days if (since is None or d >= since) and d <= last}
    days.add(since or (first - ONE_DAY if first > date.min else first))
    causes = _causes(history(org))
    open_: dict[tuple[str, str | None], tuple[Violation, date | None, str]] = {}
    spans: list[Span] = []
    ordered = sorted(days)
    for n, day in enumerate(ordered):
        report = run(org.viewed(day))
        seen = set()
        for v in report.violations:
            key = (v.code, v.role)
            seen.add(key)
            if key not in open_:
                began = day if (n > 0 or since is not None) else None
                open_[key] = (v, began, causes.get(day, "") if began else "")
        for key in [k for k in open_ if k not in seen]:
            v, began, why = open_.pop(key)
            spans.append(Span(v, began, day - ONE_DAY, why))
    spans += [Span(v, began, None, why) for v, began, why in open_.values()]
    position = {rid: n for n, rid in enumerate(org.records)}
    spans.sort(key=lambda s: (s.start or date.min, position.get(s.violation.role or "", -1)))
    return spans


def _rule_days(
    org: OrgCore,
    select: list[str] | None,
    ignore: list[str],
    params: Mapping[str, Mapping[str, Any]] | None,
) -> set[date]:
    days: set[date] = set()
    for rule, rule_params in configured_rules(org, select, ignore, params):
        named = getattr(rule, "days", None)  # declared rules have none
        if named is not None:
            days.update(named(org, rule_params))
    return days


def _causes(changes: list[Change]) -> dict[date, str]:
    """What changed on each day, in a few words: "dev-5 opened, ana left cto"."""
    words: dict[date, list[str]] = {}
    for c in changes:
        words.setdefault(c.date, []).append(_describe(c))
    out = {}
    for day, said in words.items():
        rest = len(said) - 3
        more = f" and {rest} more {'change' if rest == 1 else 'changes'}" if rest > 0 else ""
        out[day] = ", ".join(said[:3]) + more
    return out


def _describe(c: Change) -> str:
    return {
        "seat-opened": f"{c.role} opened",
        "seat-closed": f"{c.role} closed",
        "holder-in": f"{c.after} joined {c.role}",
        "holder-out": f"{c.before} left {c.role}",
        "acting-start": f"{c.role} got an interim",
        "acting-end": f"{c.role}'s interim ended",
        "moved": f"{c.role} moved to {c.after or 'the top'}",
    }[c.kind]


def spans_report(org: OrgCore, spans: list[Span], rules: Iterable[str] = ()) -> Report:
    """A `Report` of the spans' violations, each message saying its days (for the
    SARIF output of `check --over-time`)."""
    dated = [replace(s.violation, message=f"{s.violation.message} ({_days(s)})") for s in spans]
    path = org.source.path if org.source is not None else None
    return Report(dated, rules=list(rules), org=org.name, path=path, roles=len(org.records))


def _days(span: Span) -> str:
    since = f"from {span.start}" if span.start else "from the start"
    return since + (f" to {span.end}" if span.end else "")
