"""K001 exec-reports-to-direction."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.index import NO_PARENT
from orgroles.model import Id
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["ExecReportsToDirection"]


class DirectionParams(Params):
    """`kinds`: the executives checked; `direction`: the kinds they must report to."""

    kinds: tuple[Id, ...] = ("cto", "cpo")
    direction: tuple[Id, ...] = ("ceo",)


@register
class ExecReportsToDirection(Rule):
    """The CTO and the CPO report to the direction (the CEO).

    Both roles sit with the company's leaders and take part in its decisions (fact D2);
    each reports to the direction (facts C11 and the CPO's part of the article). A CTO
    under a VP, or with no manager at all, is outside the decision-making pole. A manager
    who is not in the file is named (S002 says so too).

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cpo, kind: cpo, reports_to: ceo}
      - {id: cto, kind: cto, reports_to: cpo}
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cpo, kind: cpo, reports_to: ceo}
      - {id: cto, kind: cto, reports_to: ceo}
    ```
    """

    code = "K001"
    name = "exec-reports-to-direction"
    severity = "warning"
    params_type = DirectionParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, DirectionParams)
        direction = set(params.direction)
        wanted = " or ".join(repr(k) for k in params.direction)
        parent = ctx.index.parent
        for kind in params.kinds:
            for i in ctx.by_kind.get(kind, ()):
                p = parent[i]
                if p == NO_PARENT:
                    boss = ctx.roles[i].reports_to
                    said = (
                        f"reports to {boss!r}, who is not in the file"
                        if boss
                        else "reports to nobody"
                    )
                    yield Finding(
                        ctx.id(i), f"{said}; it should report to the direction ({wanted})"
                    )
                elif ctx.roles[p].kind not in direction:
                    yield Finding(
                        ctx.id(i),
                        f"reports to {ctx.describe(p)}, not to the direction ({wanted})",
                        (ctx.id(p),),
                    )
