"""How each selector term tests a role: one predicate over index positions per term.

Each predicate is built once per selection, with whatever set it needs (the roles under
X, the members of team X) computed up front, so that a selection is O(N) overall.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

from orgroles._suggest import suggestion_suffix
from orgroles.errors import SelectorError

if TYPE_CHECKING:
    from orgroles.org import Org
    from orgroles.selectors import Term

__all__ = ["term_predicate"]

Predicate = Callable[[int], bool]


def _known(
    term: Term, text: str, what: str, known: Collection[str], extra: Iterable[str] = ()
) -> None:
    """Refuse a value that names nothing, with a did-you-mean, pointing at the value."""
    extra_set = set(extra)
    for value in term.values:
        if value not in known and value not in extra_set:
            hint = suggestion_suffix(value, [*known, *extra_set])
            raise SelectorError(f"unknown {what} {value!r}{hint}", text, term.value_position)


def term_predicate(org: Org, term: Term, text: str) -> Predicate:
    """A test of one term, over the positions of ``org.index``."""
    from orgroles.queries.responsibilities import responsibility_ids
    from orgroles.queries.teams import members

    index = org.index
    roles = list(org.roles.values())
    key, values = term.key, term.values
    if key == "id":
        _known(term, text, "role", index.pos)
        wanted = {index.pos[v] for v in values}
        return wanted.__contains__
    if key == "kind":
        used = {r.kind for r in roles if r.kind is not None}
        _known(term, text, "kind", org.catalog.kinds, used)
        kinds = set(values)
        return lambda i: roles[i].kind in kinds
    if key == "family":
        families = {k.family for k in org.catalog.kinds.values() if k.family}
        _known(term, text, "family", families)
        chosen = {k.id for k in org.catalog.kinds.values() if k.family in set(values)}
        return lambda i: roles[i].kind in chosen
    if key == "team":
        _known(term, text, "team (or role)", org.teams, index.pos)
        positions: set[int] = set()
        for v in values:
            if v in org.teams:
                positions.update(index.pos[m] for m in members(org, org.teams[v]) if m in index.pos)
            else:
                lead = index.pos[v]
                positions.add(lead)
                positions.update(index.below(lead))
        return positions.__contains__
    if key == "has":
        held = responsibility_ids(org)
        in_use = {r for ids in set(held) for r in ids}
        _known(term, text, "responsibility", org.catalog.responsibilities, in_use)
        wanted_r = set(values)
        return lambda i: not wanted_r.isdisjoint(held[i])
    if key == "under":
        _known(term, text, "role", index.pos)
        below: set[int] = set()
        for v in values:
            below.update(index.below(index.pos[v]))
        return below.__contains__
    if key == "holder":
        holders = {h for r in roles for h in r.holders}
        _known(term, text, "person", org.people, holders)
        wanted_p = set(values)
        return lambda i: not wanted_p.isdisjoint(roles[i].holders)
    if key == "title":
        needle = values[0].casefold()
        return lambda i: needle in org.title_of(roles[i]).casefold()
    if key == "name":
        needle = values[0].casefold()
        people = org.people
        return lambda i: any(
            needle in (people[h].display_name if h in people else h).casefold()
            for h in roles[i].holders
        )
    if key == "vacant":
        return lambda i: roles[i].vacant
    if key == "acting":
        return lambda i: roles[i].acting
    if key == "assistant":
        return lambda i: roles[i].assistant
    raise SelectorError(f"unknown term {key!r}", text, term.position)  # parse() prevents this
