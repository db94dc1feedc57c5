"""C001 span-too-wide."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from orgroles.rules.base import Count, Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["SpanTooWide"]


class SpanParams(Params):
    """`max_span`: the most direct reports a manager should have."""

    max_span: Count = 10


@register
class SpanTooWide(Rule):
    """A manager has more than `max_span` direct reports (10 by default).

    Past a dozen reports, one-to-ones, reviews and hiring crowd out everything else.
    Assistants do not count toward the span.

    **Anti-pattern**

    ```yaml
    rules: {params: {C001: {max_span: 3}}}
    roles:
      - {id: em, kind: engineering-manager}
      - {id: d1, kind: developer, reports_to: em}
      - {id: d2, kind: developer, reports_to: em}
      - {id: d3, kind: developer, reports_to: em}
      - {id: d4, kind: developer, reports_to: em}
    ```

    **Best practice**

    ```yaml
    rules: {params: {C001: {max_span: 3}}}
    roles:
      - {id: em, kind: engineering-manager}
      - {id: lead, kind: lead-developer, reports_to: em}
      - {id: d1, kind: developer, reports_to: lead}
      - {id: d2, kind: developer, reports_to: lead}
      - {id: d3, kind: developer, reports_to: em}
      - {id: d4, kind: developer, reports_to: em}
    ```
    """

    code = "C001"
    name = "span-too-wide"
    severity = "warning"
    params_type = SpanParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, SpanParams)
        limit = params.max_span
        spans = ctx.spans
        for i in compress(range(len(spans)), map(limit.__lt__, spans)):  # the few, in C
            yield Finding(ctx.id(i), f"{spans[i]:,} direct reports (max_span {limit})")
