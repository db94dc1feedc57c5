"""K004 hands-on-cto."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles._internal.text import plural
from orgroles.model import Id
from orgroles.rules.base import Count, Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["HandsOnCto", "HandsOnParams", "operational_duties"]


class HandsOnParams(Params):
    """`max_team`: the team size (in seats, the CTO's own included) up to which the CTO
    is expected to be hands-on; `kind`: the kind this applies to."""

    max_team: Count = 3
    kind: Id = "cto"


def operational_duties(ctx: CheckContext, i: int) -> list[str]:
    """The operational (hands-on) responsibilities of the role at position `i`."""
    catalog = ctx.org.catalog.responsibilities
    return [
        rid for rid in ctx.duties_of(i) if rid in catalog and catalog[rid].category == "operational"
    ]


@register
class HandsOnCto(Rule):
    """In a team of `max_team` or fewer, the CTO holds no operational responsibility.

    The article's example: in a tech team of three, the CTO still writes code (fact C12);
    in a small company the role is more operational, in a larger one managerial and
    strategic (fact D3, whose other half is K007). A CTO is hands-on exactly when they
    hold an operational responsibility, such as `hands-on-coding`; none of the CTO kind's
    defaults is operational. The team is the CTO's seat and every seat below it, vacant
    ones included (a vacant seat is a planned hire).

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, reports_to: ceo}
      - {id: dev-1, kind: developer, reports_to: cto}
      - {id: dev-2, kind: developer, reports_to: cto}
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, reports_to: ceo, responsibilities: [hands-on-coding]}
      - {id: dev-1, kind: developer, reports_to: cto}
      - {id: dev-2, kind: developer, reports_to: cto}
    ```
    """

    code = "K004"
    name = "hands-on-cto"
    severity = "warning"
    params_type = HandsOnParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, HandsOnParams)
        for i in ctx.by_kind.get(params.kind, ()):
            below = ctx.below_count(i)
            team = 1 + below
            if team > params.max_team or operational_duties(ctx, i):
                continue
            yield Finding(
                ctx.id(i),
                f"leads a team of {plural(team, 'seat')} (its own and {below} below; max_team "
                f"{params.max_team}) but holds no operational responsibility: in a team "
                "this small the CTO is hands-on (add one, such as hands-on-coding)",
            )
