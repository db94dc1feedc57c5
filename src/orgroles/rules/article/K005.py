"""K005 cto-cpo-same-person."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from orgroles.model import Id
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["CtoCpoSamePerson"]


class SamePersonParams(Params):
    """`kinds`: the two kinds one person should not hold together; `small_company`:
    the number of seats up to which an org is a very small company, where this is only
    noted (info)."""

    kinds: tuple[Id, Id] = ("cto", "cpo")
    small_company: int = Field(default=9, ge=0)


@register
class CtoCpoSamePerson(Rule):
    """One person holds both the CTO and the CPO seats.

    The two jobs look alike but differ: the CTO owns the technical side of the product,
    the CPO its development and image (fact D1). One person in both seats usually means
    one of the two jobs is not being done. In a very small company the article expects
    the CTO to carry a large share of the product (fact D3), so there it is only noted, at
    info severity: `small_company` seats at most (9, the European definition of a
    micro-enterprise being fewer than ten people: general practice).

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
        small = len(ctx.roles) <= params.small_company
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
                both = (
                    f"{name} ({pid}) holds both the {first} seat ({ctx.id(i)}) and the "
                    f"{second} seat ({ctx.id(j)})"
                )
                if small:
                    yield Finding(
                        ctx.id(j),
                        f"{both}: in a company of {len(ctx.roles)} seats the CTO may carry the "
                        "product too, but they are two jobs to split as the company grows",
                        (ctx.id(i),),
                        severity="info",
                    )
                else:
                    yield Finding(ctx.id(j), f"{both}: two different jobs", (ctx.id(i),))
