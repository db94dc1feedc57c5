"""K006 unique-executive."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.model import Id
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

_ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}

__all__ = ["UniqueExecutive"]


class UniqueParams(Params):
    """`kinds`: the kinds of which an org has at most one seat."""

    kinds: tuple[Id, ...] = ("ceo", "cto", "cpo")


@register
class UniqueExecutive(Rule):
    """An org has more than one CEO, CTO or CPO seat.

    Each of these is one seat in the decision-making pole (fact D2); two CTOs share
    one strategy (C2) and one tech team. For a co-CEO job share, use one seat with two
    holders. Reported on every seat after the first.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, reports_to: ceo}
      - {id: cto-2, kind: cto, reports_to: ceo}
    ```

    **Best practice**

    ```yaml
    people:
      - {id: ana, name: Ana Lima}
      - {id: bo, name: Bo Berg}
    roles:
      - {id: ceo, kind: ceo, holder: [ana, bo]}
      - {id: cto, kind: cto, reports_to: ceo}
    ```
    """

    code = "K006"
    name = "unique-executive"
    severity = "warning"
    params_type = UniqueParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, UniqueParams)
        for kind in params.kinds:
            seats = ctx.by_kind.get(kind, [])
            for n, i in enumerate(seats[1:], start=2):
                which = _ORDINALS.get(n, f"{n}th")
                yield Finding(
                    ctx.id(i),
                    f"a {which} {kind} seat (the first is {ctx.id(seats[0])})",
                    (ctx.id(seats[0]),),
                )
