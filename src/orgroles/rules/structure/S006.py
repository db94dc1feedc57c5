"""S006 planned-under-closing-seat."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import attrgetter

from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["PlannedUnderClosingSeat"]


@register
class PlannedUnderClosingSeat(Rule):
    """A planned seat will report to a seat that closes before the planned seat opens.

    The plan hires someone under a manager's seat that will be gone by their first day: the
    new seat opens with nobody to report to. Move the planned seat's line to the seat that
    takes over, or keep the manager's seat open.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo, holder: ana}
      - {id: vp-eng, kind: vp-engineering, holder: bo, reports_to: ceo, end: 2998-12-31}
      - {id: dev-9, kind: developer, reports_to: vp-eng, start: 2999-01-01}
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: ceo, kind: ceo, holder: ana}
      - {id: vp-eng, kind: vp-engineering, holder: bo, reports_to: ceo, end: 2998-12-31}
      - {id: cto, kind: cto, reports_to: ceo, start: 2998-12-01}
      - id: dev-9
        kind: developer
        start: 2999-01-01
        reports_to: [{role: cto, start: 2999-01-01}]
    ```
    """

    code = "S006"
    name = "planned-under-closing-seat"
    severity = "error"

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        records = ctx.org.records
        roles = ctx.roles
        for role in compress(roles, map(attrgetter("planned"), roles)):  # the few, in C
            boss = role.reports_to
            if not isinstance(boss, str) or boss not in records:
                continue
            opens = records[role.id].start
            closes = records[boss].end
            if opens is not None and closes is not None and closes < opens:
                yield Finding(
                    role.id,
                    f"opens on {opens} under {boss!r}, whose seat closes on {closes}",
                    (boss,),
                )
