"""H001 vacant-manager."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["VacantManager"]


@register
class VacantManager(Rule):
    """A vacant seat has direct reports: they have nobody to report to.

    Appoint someone, even an interim holder (`acting: true`), or move the reports. The
    reports are those of the span (C001): not the seat's assistants. A planned seat (not
    open yet) is no vacancy.

    **Anti-pattern**

    ```yaml
    people:
      - {id: ana, name: Ana Lima}
      - {id: bo, name: Bo Berg}
    roles:
      - {id: cto, kind: cto, holder: ana}
      - {id: em, kind: engineering-manager, reports_to: cto}
      - {id: dev, kind: developer, holder: bo, reports_to: em}
    ```

    **Best practice**

    ```yaml
    people:
      - {id: ana, name: Ana Lima}
      - {id: bo, name: Bo Berg}
    roles:
      - {id: cto, kind: cto, holder: ana}
      - {id: em, kind: engineering-manager, holder: ana, acting: true, reports_to: cto}
      - {id: dev, kind: developer, holder: bo, reports_to: em}
    ```
    """

    code = "H001"
    name = "vacant-manager"
    severity = "warning"

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        index = ctx.index
        assistant = index.assistant
        for i, kids in index.children.items():
            role = ctx.roles[i]
            if not role.vacant or role.planned:  # a planned seat is no vacancy
                continue
            n = sum(1 for k in kids if not assistant[k])  # a span's reports, as C001's
            if n:
                yield Finding(
                    ctx.id(i), f"vacant seat with {n:,} direct report{'s' if n > 1 else ''}"
                )
