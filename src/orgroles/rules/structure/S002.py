"""S002 unknown-reference."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from itertools import compress, filterfalse
from operator import attrgetter

from orgroles.model import Role
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["UnknownReference"]


@register
class UnknownReference(Rule):
    """A `reports_to`, `dotted_to`, `holder`, `kind` or team member names nothing.

    HR exports often name a manager who is not in the file (someone who left, or who sits
    in another company of the group). orgroles loads such a file and keeps the reference
    as it is; this rule lists each one, with a did-you-mean when an id is close.

    **Anti-pattern**

    ```yaml
    people:
      - {id: ana, name: Ana Lima}
    roles:
      - {id: ceo, holder: ana}
      - {id: cto, kind: cto, reports_to: ceoo, holder: bo}
    ```

    **Best practice**

    ```yaml
    people:
      - {id: ana, name: Ana Lima}
      - {id: bo, name: Bo Berg}
    roles:
      - {id: ceo, holder: ana}
      - {id: cto, kind: cto, reports_to: ceo, holder: bo}
    ```
    """

    code = "S002"
    name = "unknown-reference"
    severity = "error"

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        org = ctx.org
        role_ids = ctx.index.pos
        people = org.people
        person_ids = people.keys()  # the dict's own view: a lookup in C
        kinds = org.catalog.kinds
        dangling = ctx.index.dangling
        roles = ctx.roles
        for i in _suspects(roles, ctx.holders, dangling, person_ids, kinds):
            role = roles[i]
            if i in dangling:
                boss = dangling[i]
                yield Finding(
                    role.id,
                    f"reports_to {boss!r} names no role{ctx.suggest(boss, role_ids)}",
                )
            for boss in role.dotted_to:
                if boss not in role_ids:
                    yield Finding(
                        role.id,
                        f"dotted_to {boss!r} names no role{ctx.suggest(boss, role_ids)}",
                    )
            for pid in role.holders:
                if pid not in person_ids:
                    yield Finding(
                        role.id,
                        f"holder {pid!r} names no person{ctx.suggest(pid, people)}",
                    )
            if role.kind is not None and role.kind not in kinds:
                yield Finding(
                    role.id,
                    f"kind {role.kind!r} names no kind in the catalogue"
                    f"{ctx.suggest(role.kind, kinds)}",
                )
        source = org.source
        for t_index, team in enumerate(org.teams.values()):
            named = ([("lead", team.lead)] if team.lead else []) + [
                ("member", m) for m in team.members
            ]
            for what, rid in named:
                if rid not in role_ids:
                    where = source.location(("teams", t_index)) if source else None
                    yield Finding(
                        None,
                        f"team {team.id!r}: {what} {rid!r} names no role"
                        f"{ctx.suggest(rid, role_ids)}",
                        location=where,
                    )


def _suspects(
    roles: list[Role],
    holders: list[str | tuple[str, ...] | None],
    dangling: Mapping[int, str],
    person_ids: Collection[str],
    kinds: Mapping[str, object],
) -> list[int]:
    """The positions of the roles that may name something unknown, in file order.

    Each test is a few set operations and a pass in C (`map`, `compress`), so that a
    million roles of which a few are at fault cost a fraction of a loop over them all.
    """
    positions = range(len(roles))
    found = set(dangling)
    # The holders that name no person (job shares, tuples, stay: to look at), in one pass.
    unknown = set(filterfalse(person_ids.__contains__, holders))
    unknown.discard(None)
    if unknown:
        found.update(compress(positions, map(unknown.__contains__, holders)))
    role_kinds = list(map(attrgetter("kind"), roles))
    strange = {k for k in set(role_kinds) if k is not None and k not in kinds}
    if strange:
        found.update(compress(positions, map(strange.__contains__, role_kinds)))
    found.update(compress(positions, map(attrgetter("dotted_to"), roles)))
    return sorted(found)
