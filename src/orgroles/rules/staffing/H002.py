"""H002 overloaded-person."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from orgroles.rules.base import Count, Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["OverloadedPerson"]

_SHOWN = 10  # seats named in a message; the violation's related roles list them all


class OverloadedParams(Params):
    """`max_roles`: how many seats one person may hold."""

    max_roles: Count = 2


@register
class OverloadedPerson(Rule):
    """One person holds more than `max_roles` seats (2 by default).

    Holding two seats is common in small companies (a CTO who is also the interim lead
    developer); beyond that, the org chart hides one person's real load. Reported on the
    person's first seat in file order, with the others as related roles.

    **Anti-pattern**

    ```yaml
    people:
      - {id: ana, name: Ana Lima}
    roles:
      - {id: cto, kind: cto, holder: ana}
      - {id: cpo, kind: cpo, holder: ana}
      - {id: lead, kind: lead-developer, holder: ana, reports_to: cto}
    ```

    **Best practice**

    ```yaml
    people:
      - {id: ana, name: Ana Lima}
      - {id: bo, name: Bo Berg}
    roles:
      - {id: cto, kind: cto, holder: ana}
      - {id: lead, kind: lead-developer, holder: ana, acting: true, reports_to: cto}
      - {id: cpo, kind: cpo, holder: bo}
    ```
    """

    code = "H002"
    name = "overloaded-person"
    severity = "warning"
    params_type = OverloadedParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, OverloadedParams)
        people = ctx.org.people
        most = params.max_roles
        if most >= 1 and not ctx.shared_seats:  # nobody holds two seats: a test in C
            return
        counts = ctx.seat_counts
        # Most people hold one seat: find the few over the limit in C, then their seats.
        over = list(compress(counts, map(most.__lt__, counts.values())))
        for pid, seats in ctx.seats_of(over).items():
            ids = [ctx.id(i) for i in seats]
            name = people[pid].display_name if pid in people else pid
            shown = ", ".join(ids[:_SHOWN])
            if len(ids) > _SHOWN:
                shown += f", ... ({len(ids):,} in all)"
            yield Finding(
                ids[0],
                f"{name} ({pid}) holds {len(ids):,} seats (max {most}): {shown}",
                tuple(ids[1:]),
            )
