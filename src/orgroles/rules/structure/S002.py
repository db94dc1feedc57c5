"""S002 unknown-reference."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from datetime import date
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

    In a dated org, a reference to a seat of the file that does not exist on the day
    checked (it has closed, or not opened yet) says so, with the seat's dates. A team
    lead or member whose seat does not exist that day is left out of the team on that
    day, as HR exports keep leavers in their department: it is no finding.

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
        # A dated org's seats of other days (closed, or not open yet).
        records = org.records if org.view_date is not None else {}

        def names_no_role(field: str, rid: str) -> str:
            record = records.get(rid)
            if record is None:
                return f"{field} {rid!r} names no role{ctx.suggest(rid, role_ids)}"
            return f"{field} {rid!r} names a seat that {_when(record, org.view_date)}"

        for i in _suspects(roles, ctx.holders, dangling, person_ids, kinds):
            role = roles[i]
            if i in dangling:
                yield Finding(role.id, names_no_role("reports_to", dangling[i]))
            for boss in role.dotted_to:
                if boss not in role_ids:
                    yield Finding(role.id, names_no_role("dotted_to", boss))
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
                if rid not in role_ids and rid not in records:
                    where = source.location(("teams", t_index)) if source else None
                    yield Finding(
                        None,
                        f"team {team.id!r}: {what} {rid!r} names no role"
                        f"{ctx.suggest(rid, role_ids)}",
                        location=where,
                    )


def _when(record: Role, day: date | None) -> str:
    """When a dated seat exists, said of a day on which it does not."""
    if record.end is not None and day is not None and record.end < day:
        return f"closed on {record.end} (the org is shown as of {day})"
    if record.start is not None:
        return f"opens on {record.start} (the org is shown as of {day})"
    return f"does not exist on {day}"  # pragma: no cover - a record is shown or dated


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
