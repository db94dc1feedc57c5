"""C002 single-report."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["SingleReport"]


@register
class SingleReport(Rule):
    """A manager has exactly one direct report: a thin layer.

    A layer with one report adds a hop to every decision without spreading the load. It
    is often fine in a very small company (a CEO with a single CTO): ignore the rule there.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: cto, kind: cto}
      - {id: em, kind: engineering-manager, reports_to: cto}
      - {id: d1, kind: developer, reports_to: em}
      - {id: d2, kind: developer, reports_to: em}
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: cto, kind: cto}
      - {id: d1, kind: developer, reports_to: cto}
      - {id: d2, kind: developer, reports_to: cto}
    ```
    """

    code = "C002"
    name = "single-report"
    severity = "info"

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        spans = ctx.spans
        for i in compress(range(len(spans)), map((1).__eq__, spans)):  # the few, in C
            only = next(c for c in ctx.index.children[i] if not ctx.index.assistant[c])
            yield Finding(ctx.id(i), f"one direct report only ({ctx.id(only)})", (ctx.id(only),))
