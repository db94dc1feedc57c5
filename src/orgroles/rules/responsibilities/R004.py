"""R004 unknown-responsibility."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, compress
from operator import attrgetter, not_

from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["UnknownResponsibility"]


@register
class UnknownResponsibility(Rule):
    """A responsibility id that no catalogue defines, usually a typo.

    Checked wherever a responsibility is named: a role's `responsibilities` and
    `drop`, a kind's defaults, and the org's own rules. Define it under
    `responsibilities:` if it is meant to exist.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: cto, kind: cto, responsibilities: [hands-on-codng]}
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: cto, kind: cto, responsibilities: [hands-on-coding]}
    ```
    """

    code = "R004"
    name = "unknown-responsibility"
    severity = "error"

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        org = ctx.org
        known = org.catalog.responsibilities

        def unknown(rid: str) -> str:
            return f"responsibility {rid!r} is in no catalogue{ctx.suggest(rid, known)}"

        roles = ctx.roles
        positions = range(len(roles))
        # Only the roles that add or drop duties can name an unknown one, and only if some
        # id they name is unknown: the ids, then the roles that name one, found in C.
        added = list(map(attrgetter("responsibilities"), roles))
        dropped = list(map(attrgetter("drop"), roles))
        strange = {
            rid
            for rid in set(chain.from_iterable(added)).union(chain.from_iterable(dropped))
            if rid not in known
        }
        changing: set[int] = set()
        if strange:
            changing.update(compress(positions, map(not_, map(strange.isdisjoint, added))))
            changing.update(compress(positions, map(not_, map(strange.isdisjoint, dropped))))
        for i in sorted(changing):
            role = roles[i]
            for rid in dict.fromkeys(role.responsibilities):  # a repeated id: said once
                if rid not in known:
                    yield Finding(role.id, f"responsibilities: {unknown(rid)}")
            for rid in dict.fromkeys(role.drop):
                if rid not in known:
                    yield Finding(role.id, f"drop: {unknown(rid)}")
        source = org.source
        for k_index, kind in enumerate(org.defined_kinds.values()):
            for rid in kind.responsibilities:
                if rid not in known:
                    where = source.location(("kinds", k_index)) if source else None
                    yield Finding(None, f"kind {kind.id!r}: {unknown(rid)}", location=where)
        for c_index, rule in enumerate(org.rules.custom):
            for rid in getattr(rule, "responsibilities", ()):
                if rid not in known:
                    where = source.location(("rules", "custom", c_index)) if source else None
                    yield Finding(None, f"rule {rule.code}: {unknown(rid)}", location=where)
