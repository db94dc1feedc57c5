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
        for pid, seats in ctx.by_person.items():
            a = [i for i in seats if ctx.roles[i].kind == first]
            b = [i for i in seats if ctx.roles[i].kind == second]
            if a and b:
                name = people[pid].display_name if pid in people else pid
                yield Finding(
                    ctx.id(b[0]),
                    f"{name} ({pid}) holds both the {first} seat ({ctx.id(a[0])}) and the "
                    f"{second} seat ({ctx.id(b[0])}): two different jobs",
                    (ctx.id(a[0]),),
                )
