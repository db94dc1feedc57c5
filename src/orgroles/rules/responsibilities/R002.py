"""R002 duty-conflict."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.model import Id
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["DutyConflict"]


class ConflictParams(Params):
    """``pairs``: pairs of responsibilities that one person must not hold together, on top
    of the ``conflicts_with`` declared in the catalogue."""

    pairs: tuple[tuple[Id, Id], ...] = ()


@register
class DutyConflict(Rule):
    """One person holds two responsibilities declared incompatible.

    Segregation of duties: whoever approves payments should not also make them. Pairs come
    from the catalogue (``conflicts_with``) and from the ``pairs`` parameter. All the seats
    of a person count together.

    **Anti-pattern**

    ```yaml
    rules: {params: {R002: {pairs: [[approve-payments, make-payments]]}}}
    responsibilities:
      - {id: approve-payments, category: compliance}
      - {id: make-payments, category: operational}
    people:
      - {id: ana, name: Ana Lima}
    roles:
      - {id: cfo, holder: ana, responsibilities: [approve-payments]}
      - {id: accountant, holder: ana, reports_to: cfo, responsibilities: [make-payments]}
    ```

    **Best practice**

    ```yaml
    rules: {params: {R002: {pairs: [[approve-payments, make-payments]]}}}
    responsibilities:
      - {id: approve-payments, category: compliance}
      - {id: make-payments, category: operational}
    people:
      - {id: ana, name: Ana Lima}
      - {id: bo, name: Bo Berg}
    roles:
      - {id: cfo, holder: ana, responsibilities: [approve-payments]}
      - {id: accountant, holder: bo, reports_to: cfo, responsibilities: [make-payments]}
    ```
    """

    code = "R002"
    name = "duty-conflict"
    severity = "warning"
    params_type = ConflictParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, ConflictParams)
        declared = [
            *params.pairs,
            *(
                (r.id, other)
                for r in ctx.org.catalog.responsibilities.values()
                for other in r.conflicts_with
            ),
        ]
        pairs = list(dict.fromkeys((min(a, b), max(a, b)) for a, b in declared if a != b))
        yield from conflicts(ctx, pairs, None)


def conflicts(
    ctx: CheckContext, pairs: list[tuple[str, str]], among: set[int] | None
) -> Iterator[Finding]:
    """Findings for each person who holds both sides of a pair (over ``among`` seats)."""
    if not pairs:
        return
    involved = {x for pair in pairs for x in pair}
    people = ctx.org.people
    for pid, seats in ctx.by_person.items():
        where: dict[str, int] = {}
        for i in seats:
            if among is not None and i not in among:
                continue
            for rid in involved.intersection(ctx.responsibilities[i]):
                where.setdefault(rid, i)
        for a, b in pairs:
            if a in where and b in where:
                name = people[pid].display_name if pid in people else pid
                ia, ib = where[a], where[b]
                seats_text = f"in {ctx.id(ia)}" if ia == ib else f"in {ctx.id(ia)} and {ctx.id(ib)}"
                related = () if ia == ib else (ctx.id(ib),)
                yield Finding(
                    ctx.id(min(ia, ib)),
                    f"{name} ({pid}) holds both {a!r} and {b!r} ({seats_text}), "
                    "which must be held by different people",
                    related,
                )
