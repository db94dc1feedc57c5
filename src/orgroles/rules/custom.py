"""Declarative rules written in the org file (`rules: custom:`), built on selectors.

Four types, each with a code of your own (`X001`), an optional `name`, `message`
and `severity` (`error` by default):

- `must_report_to`: roles matching `select` sit under a role matching `under`
  (directly, with `direct: true`);
- `max_span`: roles matching `select` have at most `max` direct reports;
- `requires`: roles matching `select` hold every responsibility listed;
- `exclusive`: no person holds two of the listed responsibilities (over the roles
  matching `select`, all roles by default): segregation of duties. A person who holds
  several is reported once, with all of them.

A `message` may use `{role}`, `{title}` and, depending on the type, `{span}`,
`{max}`, `{missing}` and `{person}`; other braces are kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from orgroles.errors import RuleConfigError, SelectorError
from orgroles.model import (
    CustomRule,
    ExclusiveRule,
    MaxSpanRule,
    MustReportToRule,
    RequiresRule,
    Severity,
)
from orgroles.rules.base import Finding, NoParams, Params
from orgroles.rules.context import CheckContext
from orgroles.rules.responsibilities.R002 import exclusive

__all__ = ["DeclaredRule"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _fill(template: str, values: Mapping[str, object]) -> str:
    # A plain replacement, not str.format: a message must not reach object attributes.
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)


class DeclaredRule:
    """A rule built from one `rules.custom` entry of an org file."""

    family = "custom"
    params_type: type[Params] = NoParams

    def __init__(self, spec: CustomRule, position: int) -> None:
        self.spec = spec
        self.position = position
        self.code: str = spec.code
        self.name: str = spec.name or f"custom-{spec.code.lower()}"
        self.severity: Severity = spec.severity
        self.summary: str = spec.description or _describe(spec)

    def __repr__(self) -> str:
        return f"<DeclaredRule {self.code} {self.name}>"

    def _positions(self, ctx: CheckContext, text: str, key: str) -> list[int]:
        try:
            return ctx.selected(text)
        except SelectorError as exc:
            raise RuleConfigError(
                f"rules.custom[{self.position}].{key}: rule {self.code}: {exc.message} "
                f"in selector {text!r}"
            ) from None

    def _message(self, default: str, **values: object) -> str:
        return _fill(self.spec.message, values) if self.spec.message else default

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        """Yield a finding for every role that breaks this rule."""
        spec = self.spec
        if isinstance(spec, MustReportToRule):
            yield from self._must_report_to(ctx, spec)
        elif isinstance(spec, MaxSpanRule):
            for i in self._positions(ctx, spec.select, "select"):
                span = ctx.spans[i]
                if span > spec.max:
                    yield Finding(
                        ctx.id(i),
                        self._message(
                            f"{span:,} direct reports (max {spec.max})",
                            role=ctx.id(i),
                            title=ctx.title(i),
                            span=span,
                            max=spec.max,
                        ),
                    )
        elif isinstance(spec, RequiresRule):
            for i in self._positions(ctx, spec.select, "select"):
                held = ctx.duties_of(i)
                missing = [r for r in spec.responsibilities if r not in held]
                if missing:
                    text = ", ".join(missing)
                    yield Finding(
                        ctx.id(i),
                        self._message(
                            f"does not hold {text}",
                            role=ctx.id(i),
                            title=ctx.title(i),
                            missing=text,
                        ),
                    )
        elif isinstance(spec, ExclusiveRule):
            among = set(self._positions(ctx, spec.select, "select")) if spec.select else None
            for finding in exclusive(ctx, spec.responsibilities, among):
                yield finding._replace(message=self._message(finding.message, role=finding.role))

    def _must_report_to(self, ctx: CheckContext, spec: MustReportToRule) -> Iterator[Finding]:
        managers = self._positions(ctx, spec.under, "under")
        index = ctx.index
        if spec.direct:
            allowed = set(managers)
            parent = index.parent

            def ok(i: int) -> bool:
                return parent[i] in allowed

        else:
            inside = index.below_all(managers)

            def ok(i: int) -> bool:
                return i in inside

        how = "directly under" if spec.direct else "under"
        for i in self._positions(ctx, spec.select, "select"):
            if not ok(i):
                yield Finding(
                    ctx.id(i),
                    self._message(
                        f"is not {how} a role matching {spec.under!r}",
                        role=ctx.id(i),
                        title=ctx.title(i),
                    ),
                )


def _describe(spec: CustomRule) -> str:
    if isinstance(spec, MustReportToRule):
        how = "directly under" if spec.direct else "under"
        return f"roles matching {spec.select!r} sit {how} a role matching {spec.under!r}"
    if isinstance(spec, MaxSpanRule):
        return f"roles matching {spec.select!r} have at most {spec.max} direct reports"
    if isinstance(spec, RequiresRule):
        return f"roles matching {spec.select!r} hold {', '.join(spec.responsibilities)}"
    return f"no person holds two of {', '.join(spec.responsibilities)}"
