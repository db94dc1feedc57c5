"""R003 many-owners."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.model import Id
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["ManyOwners"]

_SHOWN = 10  # roles named in a message; the violation's related roles list them all


class OwnersParams(Params):
    """`responsibilities`: ones that must have a single owner, on top of those the
    catalogue marks `single_owner: true`."""

    responsibilities: tuple[Id, ...] = ()


@register
class ManyOwners(Rule):
    """A single-owner responsibility is held by several roles.

    Some duties need one owner: the technical strategy, the product vision. When two
    roles hold one, nobody does. Reported on the second role that holds it, with every
    holder as related roles.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: cto, kind: cto}
      - id: lead
        kind: lead-developer
        reports_to: cto
        responsibilities: [define-technical-strategy]
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: cto, kind: cto}
      - {id: lead, kind: lead-developer, reports_to: cto, responsibilities: [technology-watch]}
    ```
    """

    code = "R003"
    name = "many-owners"
    severity = "warning"
    params_type = OwnersParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, OwnersParams)
        catalog = ctx.org.catalog.responsibilities
        single = set(params.responsibilities) | {r.id for r in catalog.values() if r.single_owner}
        if not single:
            return
        owners: dict[str, list[int]] = {}
        for i in ctx.holding(single):
            for rid in single.intersection(ctx.duties_of(i)):
                owners.setdefault(rid, []).append(i)
        for rid in sorted(owners):
            seats = owners[rid]
            if len(seats) > 1:
                holders = [ctx.id(i) for i in seats]
                shown = ", ".join(holders[:_SHOWN])
                if len(holders) > _SHOWN:
                    shown += f", ... ({len(holders):,} in all)"
                yield Finding(
                    holders[1],
                    f"{rid!r} needs a single owner, but {len(holders):,} roles hold it: {shown}",
                    tuple(x for x in holders if x != holders[1]),
                )
