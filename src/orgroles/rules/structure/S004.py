"""S004 self-report."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["SelfReport"]


@register
class SelfReport(Rule):
    """A role reports to itself.

    Some HR tools write the top person as their own manager. orgroles treats such a role
    as having no manager, and this rule asks for the `reports_to` to be removed.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo, reports_to: ceo}
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
    ```
    """

    code = "S004"
    name = "self-report"
    severity = "error"

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        for i in ctx.index.self_reports:
            yield Finding(ctx.id(i), "reports to itself: remove its reports_to")
