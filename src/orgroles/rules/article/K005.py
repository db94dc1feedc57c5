"""K005 cto-cpo-same-person."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.model import Id
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["CtoCpoSamePerson"]


class SamePersonParams(Params):
    """``kinds``: the two kinds one person should not hold together."""

    kinds: tuple[Id, Id] = ("cto", "cpo")


@register
class CtoCpoSamePerson(Rule):
    """One person holds both the CTO and the CPO seats.

    The two jobs look alike but differ: the CTO owns the technical side of the product,
    the CPO its development and image (fact D1). One person in both seats usually means
    one of the two jobs is not being done.

    **Anti-pattern**

    ```yaml
    people:
      - {id: ana, name: Ana Lima}
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, holder: ana, reports_to: ceo}
      - {id: cpo, kind: cpo, holder: ana, reports_to: ceo}
    ```

    **Best practice**

    ```yaml
    people:
      - {id: ana, name: Ana Lima}
      - {id: bo, name: Bo Berg}
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, holder: ana, reports_to: ceo}
      - {id: cpo, kind: cpo, holder: bo, reports_to: ceo}
    ```
    """

    code = "K005"
    name = "cto-cpo-same-person"
    severity = "warning"
    params_type = SamePersonParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, SamePersonParams)
        first, second = params.kinds
        people = ctx.org.people
        # Only the holders of the few seats of these two kinds matter: O(seats), not O(N).
        first_seat: dict[str, int] = {}
        for seat in ctx.by_kind.get(first, ()):
            for pid in ctx.roles[seat].holders:
                first_seat.setdefault(pid, seat)
        reported: set[str] = set()
        for j in ctx.by_kind.get(second, ()):
            for pid in ctx.roles[j].holders:
                i = first_seat.get(pid)
                if i is None or pid in reported:
                    continue
                reported.add(pid)
                name = people[pid].display_name if pid in people else pid
                yield Finding(
                    ctx.id(j),
                    f"{name} ({pid}) holds both the {first} seat ({ctx.id(i)}) and the "
                    f"{second} seat ({ctx.id(j)}): two different jobs",
                    (ctx.id(i),),
                )
