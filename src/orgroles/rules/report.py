"""What a check finds: `Violation` and the `Report` that collects them.

Examples:
    >>> from orgroles.rules.report import Report, Violation
    >>> v = Violation("C001", "span-too-wide", "warning", "cto", "12 direct reports (max 10)")
    >>> print(v)
    C001 span-too-wide (warning) cto: 12 direct reports (max 10)
    >>> report = Report([v])
    >>> report.ok, len(report.warnings)
    (True, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from orgroles._internal.gc import gc_paused
from orgroles.errors import Location
from orgroles.model import Severity

__all__ = ["SEVERITIES", "Report", "Suppressed", "Violation"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""The severities, most serious first."""


@dataclass(frozen=True)
class Violation:
    """One rule broken by one role (or by the org as a whole, when `role` is None).

    Attributes:
        code: The rule's code, such as `"C001"`: stable across versions (see the rules
            page); rules of your own have the codes you give them.
        name: The rule's name, such as `"span-too-wide"`.
        severity: `"error"`, `"warning"` or `"info"`, after the org's `rules.severity`.
        role: The id of the role that breaks the rule, or None for the org as a whole
            (a responsibility that nobody holds).
        message: What is wrong, for a person: one line, with the numbers and ids involved.
        location: Where the role is written (`Location`: path, line, column), or None for
            an org built in Python or a violation of the whole org.
        related: The other roles involved, such as the rest of a reporting cycle.
    """

    code: str
    name: str
    severity: Severity
    role: str | None
    message: str
    location: Location | None = None
    related: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location is not None else ""
        who = f"{self.role}: " if self.role is not None else ""
        return f"{where}{self.code} {self.name} ({self.severity}) {who}{self.message}"

    @classmethod
    def make(
        cls,
        code: str,
        name: str,
        severity: Severity,
        role: str | None,
        message: str,
        location: Location | None,
        related: tuple[str, ...],
    ) -> Violation:
        """The same as `Violation(...)`, three times faster: a frozen dataclass sets each
        field through `object.__setattr__`, and a check may make a million of them.

        Examples:
            >>> Violation.make("C002", "single-report", "info", "ceo", "m", None, ()) == Violation(
            ...     "C002", "single-report", "info", "ceo", "m")
            True
        """
        made = object.__new__(cls)
        fields = made.__dict__
        fields["code"] = code
        fields["name"] = name
        fields["severity"] = severity
        fields["role"] = role
        fields["message"] = message
        fields["location"] = location
        fields["related"] = related
        return made

    def to_dict(self) -> dict[str, Any]:
        """The violation as JSON data (the stable shape of `--format json`)."""
        loc = self.location
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "role": self.role,
            "message": self.message,
            "related": list(self.related),
            "location": None
            if loc is None
            else {"path": loc.path, "line": loc.line, "column": loc.column},
        }


@dataclass(frozen=True)
class Suppressed:
    """A violation that a role's `noqa` silenced, with the reason it gave."""

    violation: Violation
    reason: str = ""


def _sort_key(v: Violation) -> tuple[Any, ...]:
    loc = v.location
    return (
        loc is None,
        loc.path or "" if loc else "",
        loc.line or 0 if loc else 0,
        loc.column or 0 if loc else 0,
        v.code,
        v.role or "",
    )


class Report:
    """The result of `orgroles.Org.check()`: violations in file order.

    `ok` is true when no violation has the `error` severity (warnings and infos do
    not fail a check). `suppressed` keeps what `noqa` silenced, with the reasons.

    Given `locate` (a role id to its `Location`), the violations are taken to be
    in file order already, and their locations are filled in the first time the list is
    read: finding lines in a large JSON file costs a walk of its text, which `ok`,
    `counts()` and `severity_counts()` never need.

    A check keeps at most `MAX_VIOLATIONS` violations; the others
    are counted in `omitted` (by code, name and severity), so that `ok`, `counts()`
    and `severity_counts()` stay exact while memory stays bounded.

    A report is iterable (its violations) and has a length. `to_dict()` is the JSON of
    `orgroles check --format json`, whose shape is stable (see the rules page).

    Attributes:
        suppressed: The `Suppressed` violations that a role's `noqa` silenced, each with
            the reason given.
        rules: The codes of the rules that ran.
        org: The org's name.
        path: The org's file, or None for an org built in Python.
        roles: How many roles were checked.
        omitted: `(code, name, severity)` to how many violations were found beyond the
            ones kept (empty almost always).

    Examples:
        >>> import orgroles
        >>> report = orgroles.load("examples/scaleup_over_time.yaml", today="2026-05-15").check()
        >>> report.ok, len(report), report.severity_counts()
        (True, 7, {'error': 0, 'warning': 5, 'info': 2})
        >>> report.counts()
        {'C002': 1, 'H004': 1, 'K002': 3, 'K003': 1, 'K007': 1}
        >>> v = report.warnings[0]
        >>> v.code, v.role, v.location.line
        ('K003', 'designer-1', 86)
    """

    def __init__(
        self,
        violations: Sequence[Violation] = (),
        suppressed: Sequence[Suppressed] = (),
        rules: Sequence[str] = (),
        org: str = "",
        path: str | None = None,
        roles: int = 0,
        *,
        locate: Callable[[str], Location | None] | None = None,
        omitted: Mapping[tuple[str, str, Severity], int] | None = None,
    ) -> None:
        self._violations = list(violations) if locate else sorted(violations, key=_sort_key)
        self._locate = locate
        self.suppressed = list(suppressed)
        self.rules = list(rules)
        self.org = org
        self.path = path
        self.roles = roles
        self.omitted: dict[tuple[str, str, Severity], int] = dict(omitted or {})

    def __getstate__(self) -> dict[str, Any]:
        """Pickle and copy with the violations located (the locator reads the org's file)."""
        self.violations  # noqa: B018  (locates them)
        return self.__dict__.copy()

    @property
    def omitted_count(self) -> int:
        """How many violations were found beyond the ones kept (0 almost always)."""
        return sum(self.omitted.values())

    @property
    def violations(self) -> list[Violation]:
        """The violations, in file order, with their locations."""
        locate = self._locate
        if locate is not None:
            self._locate = None
            make = Violation.make
            with gc_paused():  # maybe half a million new objects, without cycles
                self._violations = [
                    v
                    if v.location is not None or v.role is None
                    else make(
                        v.code, v.name, v.severity, v.role, v.message, locate(v.role), v.related
                    )
                    for v in self._violations
                ]
            self.suppressed = [
                s
                if s.violation.location is not None or s.violation.role is None
                else Suppressed(replace(s.violation, location=locate(s.violation.role)), s.reason)
                for s in self.suppressed
            ]
        return self._violations

    def __iter__(self) -> Iterator[Violation]:
        return iter(self.violations)

    def __len__(self) -> int:
        return len(self._violations)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return (self.violations, self.suppressed, self.rules, self.org, self.path, self.roles) == (
            other.violations,
            other.suppressed,
            other.rules,
            other.org,
            other.path,
            other.roles,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{n:,} {s if n == 1 or s == 'info' else s + 's'}"
            for s, n in self.severity_counts().items()
            if n
        )
        return f"<Report {self.org!r}: {counts or 'no violations'}>"

    @property
    def ok(self) -> bool:
        """True when no violation has the `error` severity."""
        if any(level == "error" for _, _, level in self.omitted):
            return False
        return not any(v.severity == "error" for v in self._violations)

    def _of(self, severity: Severity) -> list[Violation]:
        return [v for v in self.violations if v.severity == severity]

    @property
    def errors(self) -> list[Violation]:
        """The violations of `error` severity."""
        return self._of("error")

    @property
    def warnings(self) -> list[Violation]:
        """The violations of `warning` severity."""
        return self._of("warning")

    @property
    def infos(self) -> list[Violation]:
        """The violations of `info` severity."""
        return self._of("info")

    def severity_counts(self) -> dict[Severity, int]:
        """How many violations of each severity, most serious first."""
        counts = Counter(v.severity for v in self._violations)
        for (_, _, level), n in self.omitted.items():
            counts[level] += n
        return {s: counts.get(s, 0) for s in SEVERITIES}

    def counts(self) -> dict[str, int]:
        """How many violations of each rule code, by code."""
        counts = Counter(v.code for v in self._violations)
        for (code, _, _), n in self.omitted.items():
            counts[code] += n
        return dict(sorted(counts.items()))

    def by_role(self) -> dict[str, list[Violation]]:
        """The violations of each role (those of the whole org are left out)."""
        out: dict[str, list[Violation]] = {}
        for v in self.violations:
            if v.role is not None:
                out.setdefault(v.role, []).append(v)
        return out

    def by_code(self, limit: int | None = None) -> dict[str, list[Violation]]:
        """The violations of each rule code, codes in order, each list in file order and
        at most `limit` long.

        Their locations are not looked up (those already known are kept), so that a
        summary of a large report costs no walk of its file.

        Examples:
            >>> report = Report([Violation("C002", "single-report", "info", r, "one report")
            ...                  for r in ("a", "b", "c")])
            >>> {code: [v.role for v in found] for code, found in report.by_code(2).items()}
            {'C002': ['a', 'b']}
        """
        out: dict[str, list[Violation]] = {}
        for v in self._violations:
            found = out.setdefault(v.code, [])
            if limit is None or len(found) < limit:
                found.append(v)
        return dict(sorted(out.items()))

    def select(self, codes: Sequence[str]) -> list[Violation]:
        """The violations of these rule codes."""
        wanted = set(codes)
        return [v for v in self.violations if v.code in wanted]

    def to_dict(self, *, listed: bool = True) -> dict[str, Any]:
        """The report as JSON data: the documented, stable shape of `--format json`.

        With `listed=False`, `violations` and `suppressed` are left empty, for a
        writer that writes them its own way (as `orgroles.rules.output.to_json`)."""
        data: dict[str, Any] = {
            "org": self.org,
            "path": self.path,
            "roles": self.roles,
            "ok": self.ok,
            "summary": self.severity_counts(),
            "counts": self.counts(),
            "rules": list(self.rules),
            "violations": [],
            "suppressed": [],
        }
        if listed:
            data["violations"] = [v.to_dict() for v in self.violations]
            data["suppressed"] = [
                {**s.violation.to_dict(), "reason": s.reason} for s in self.suppressed
            ]
        return data
