"""S001 reporting-cycle."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from orgroles.index import NO_PARENT
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["ReportingCycle"]

_SHOWN = 8  # roles named in the message of a long cycle


@register
class ReportingCycle(Rule):
    """A chain of `reports_to` loops back on itself.

    In a cycle nobody is at the top: every role in it is, through its managers, its own
    manager. Each cycle is reported once, on its first role in file order, with the
    others as related roles. Roles below a cycle have no layer.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: a, reports_to: c}
      - {id: b, reports_to: a}
      - {id: c, reports_to: b}
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: a}
      - {id: b, reports_to: a}
      - {id: c, reports_to: b}
    ```
    """

    code = "S001"
    name = "reporting-cycle"
    severity = "error"

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        parent = ctx.index.parent
        depth = ctx.index.depth
        if -1 not in depth:  # every role is under a top: no cycle (a test in C)
            return
        state = [0] * len(parent)  # 0 new, else the walk that visited it (1-based)
        # A walk from a role under a top ends at the top: only the others can meet a cycle.
        for start in compress(range(len(parent)), map((-1).__eq__, depth)):
            if state[start]:
                continue
            walk = start + 1
            i = start
            while i != NO_PARENT and not state[i]:
                state[i] = walk
                i = parent[i]
            if i == NO_PARENT or state[i] != walk:
                continue  # reached a top, or a part already walked
            cycle = [i]
            j = parent[i]
            while j != i:
                cycle.append(j)
                j = parent[j]
            first = min(cycle)
            k = cycle.index(first)
            cycle = cycle[k:] + cycle[:k]
            # Written top-down, as people read a chain: a reports to b, b to c, ...
            ids = [ctx.id(c) for c in cycle]
            shown = " -> ".join(
                ids[:_SHOWN]
                + ([f"... ({len(ids):,} roles)"] if len(ids) > _SHOWN else [])
                + [ids[0]]
            )
            yield Finding(
                ids[0],
                f"reporting cycle of {len(ids):,} role{'s' if len(ids) > 1 else ''}: {shown}",
                tuple(ids[1:]),
            )
