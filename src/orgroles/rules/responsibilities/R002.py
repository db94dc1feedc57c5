"""R002 duty-conflict."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.model import Id
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["DutyConflict"]


class ConflictParams(Params):
    """`pairs`: pairs of responsibilities that one person must not hold together, on top
    of the `conflicts_with` declared in the catalogue."""

    pairs: tuple[tuple[Id, Id], ...] = ()


@register
class DutyConflict(Rule):
    """One person holds two responsibilities declared incompatible.

    Segregation of duties: whoever approves payments should not also make them. Pairs come
    from the catalogue (`conflicts_with`) and from the `pairs` parameter. All the seats
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
    """Findings for each person who holds both sides of a pair (over `among` seats).

    The work per person grows with what they hold, not with the number of pairs: each
    responsibility they hold is looked up among its own partners only.
    """
    if not pairs:
        return
    order = {pair: n for n, pair in enumerate(pairs)}
    partners: dict[str, list[str]] = {}
    for a, b in pairs:
        partners.setdefault(a, []).append(b)
        partners.setdefault(b, []).append(a)
    involved = set(partners)
    people = ctx.org.people
    for pid, seats in _seats_holding(ctx, involved, among).items():
        where = _held(ctx, seats, None, involved)
        if len(where) < 2:
            continue
        found: list[tuple[str, str]] = []
        for a in where:
            others = partners[a]
            if len(others) > len(where):
                others = list(where)  # fewer to try this way round
            found.extend((a, b) for b in others if b in where and (a, b) in order)
        found.sort(key=order.__getitem__)
        name = people[pid].display_name if pid in people else pid
        for a, b in found:
            ia, ib = where[a], where[b]
            seats_text = f"in {ctx.id(ia)}" if ia == ib else f"in {ctx.id(ia)} and {ctx.id(ib)}"
            related = () if ia == ib else (ctx.id(ib),)
            yield Finding(
                ctx.id(min(ia, ib)),
                f"{name} ({pid}) holds both {a!r} and {b!r} ({seats_text}), "
                "which must be held by different people",
                related,
            )


def _seats_holding(
    ctx: CheckContext, wanted: set[str], among: set[int] | None
) -> dict[str, list[int]]:
    """The seats that hold one of `wanted` (in `among`, if given), by person.

    The seats are found by `holding()`, so a
    million roles of which a few hold such duties cost little.
    """
    seats = ctx.holding(wanted)
    if not seats:
        return {}
    positions = seats if among is None else [i for i in seats if i in among]
    holders = ctx.holders
    people = {
        pid
        for i in positions
        if (h := holders[i]) is not None
        for pid in ((h,) if type(h) is str else h)
    }
    return ctx.seats_of(people, positions)


def _held(
    ctx: CheckContext, seats: list[int], among: set[int] | None, wanted: set[str]
) -> dict[str, int]:
    """The responsibilities of `wanted` that a person holds, each with its first seat."""
    where: dict[str, int] = {}
    for i in seats:
        if among is not None and i not in among:
            continue
        for rid in wanted.intersection(ctx.duties_of(i)):
            where.setdefault(rid, i)
    return where


_LISTED = 10


def exclusive(
    ctx: CheckContext, listed: tuple[str, ...], among: set[int] | None
) -> Iterator[Finding]:
    """One finding for each person who holds two or more of `listed` (over `among`).

    One per person, however many of them they hold: the findings grow with the people,
    not with the pairs of a long list.
    """
    rank = {rid: n for n, rid in enumerate(dict.fromkeys(listed))}
    wanted = set(rank)
    people = ctx.org.people
    for pid, seats in _seats_holding(ctx, wanted, among).items():
        where = _held(ctx, seats, None, wanted)
        if len(where) < 2:
            continue
        held = sorted(where, key=rank.__getitem__)
        places = sorted(set(where.values()))
        name = people[pid].display_name if pid in people else pid
        seats_text = _and([ctx.id(i) for i in places[:_LISTED]], len(places))
        if len(held) == 2:
            what = f"both {held[0]!r} and {held[1]!r}"
        else:
            what = _and([repr(r) for r in held[:_LISTED]], len(held))
        yield Finding(
            ctx.id(places[0]),
            f"{name} ({pid}) holds {what} (in {seats_text}), "
            "which must be held by different people",
            tuple(ctx.id(i) for i in places[1:]),
        )


def _and(shown: list[str], total: int) -> str:
    """`a`, `a and b`, `a, b and c`, `a, b, ... and 12 more`."""
    if total > len(shown):
        return f"{', '.join(shown)} and {total - len(shown):,} more"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} and {shown[-1]}"
