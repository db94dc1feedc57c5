"""C003 too-deep."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from orgroles.rules.base import Count, Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["TooDeep"]


class DepthParams(Params):
    """`max_layers`: how many layers of management the org may have."""

    max_layers: Count = 8


@register
class TooDeep(Rule):
    """The org has more than `max_layers` layers (8 by default).

    Every layer slows decisions and filters information. The top role is on layer 1.
    The rule fires once per branch that goes too deep, on the first role past the limit,
    and says how many roles are on or below it. An assistant with no reports of its own
    sits beside its manager, on its layer: it makes no branch deeper.

    **Anti-pattern**

    ```yaml
    rules: {params: {C003: {max_layers: 3}}}
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, reports_to: ceo}
      - {id: em, kind: engineering-manager, reports_to: cto}
      - {id: lead, kind: lead-developer, reports_to: em}
    ```

    **Best practice**

    ```yaml
    rules: {params: {C003: {max_layers: 3}}}
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, reports_to: ceo}
      - {id: em, kind: engineering-manager, reports_to: cto}
      - {id: lead, kind: lead-developer, reports_to: cto}
    ```
    """

    code = "C003"
    name = "too-deep"
    severity = "warning"
    params_type = DepthParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, DepthParams)
        limit = params.max_layers
        index = ctx.index
        sizes = index.sizes
        depths = index.depth
        # On layer limit + 1, the first layer too many: found in C.
        for i in compress(range(len(depths)), map(limit.__eq__, depths)):
            if index.staff_leaf(i):
                continue  # an assistant beside a manager of the last layer: on its layer
            below = sizes[i] - 1
            extra = f" ({below:,} more below)" if below else ""
            yield Finding(ctx.id(i), f"on layer {limit + 1} (max_layers {limit}){extra}")
