"""The shared indexes of one check, computed once and only when a rule asks for them.

Every rule reads what it needs here (spans, effective responsibilities, the roles of each
kind or person, the roles below a kind), so a check stays O(N) however many rules run.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from functools import cached_property
from itertools import compress, repeat
from operator import attrgetter, eq, not_
from typing import TYPE_CHECKING, Any, cast

from orgroles._internal.suggest import Suggester, opaque
from orgroles.index import Index
from orgroles.model import Role

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["CheckContext"]

_WHOLE = re.compile(r"0*(\d+)(?:\.0*)?")  # a whole number as JSON or a sheet writes it

_SUGGESTION_BUDGET = 20_000
"""Candidates compared for did-you-mean hints in one check, all hints together: a broken
org of a million roles gets a few hints, in milliseconds, not one per unknown id."""


class CheckContext:
    """What the rules of one check share. Positions are those of `org.index`."""

    def __init__(self, org: OrgCore) -> None:
        self.org = org
        self.index: Index = org.index
        self.roles: list[Role] = list(org.roles.values())
        self._suggestions_left = _SUGGESTION_BUDGET
        self._suggesters: dict[int, tuple[object, Suggester]] = {}
        self._selected: dict[str, list[int]] = {}

    def id(self, i: int) -> str:
        """The id of the role at position `i`."""
        return self.index.ids[i]

    def title(self, i: int) -> str:
        """The displayed title of the role at position `i`."""
        return self.org.title_of(self.roles[i])

    def describe(self, i: int) -> str:
        """`'cto' (Chief Technical Officer)`: an id with its title, for messages."""
        rid = self.index.ids[i]
        title = self.title(i)
        return repr(rid) if title == rid else f"{rid!r} ({title})"

    def suggest(self, word: str, candidates: Iterable[str]) -> str:
        """A did-you-mean suffix, within a budget of comparisons per check.

        Ids such as `tm-6f80201b` or `0042` get none: their closest neighbour is
        another person (see `opaque()`). The candidates
        are indexed once per check, whichever rule asks.
        """
        whole = _WHOLE.fullmatch(word)  # "1.0" or "0042" of JSON or a sheet: the id "1"
        if whole is not None and whole[1] != word and whole[1] in candidates:
            return f" (did you mean {whole[1]!r}?)"
        if self._suggestions_left <= 0 or opaque(word):
            return ""
        kept = self._suggesters.get(id(candidates))
        if kept is None or kept[0] is not candidates:
            kept = self._suggesters[id(candidates)] = (candidates, Suggester(candidates))
        suggester = kept[1]
        before = suggester.compared
        found = suggester.close(word, limit=self._suggestions_left)
        self._suggestions_left -= max(1, suggester.compared - before)
        return f" (did you mean {found[0]!r}?)" if found else ""

    @cached_property
    def spans(self) -> list[int]:
        """The span of control of every role (assistants excluded)."""
        index = self.index
        assistant = index.assistant
        spans = [0] * len(index)
        if not any(assistant):  # the usual case: a span is a count of reports
            for i, kids in index.children.items():
                spans[i] = len(kids)
            return spans
        for i, kids in index.children.items():
            spans[i] = sum(1 for c in kids if not assistant[c])
        return spans

    @cached_property
    def responsibilities(self) -> list[tuple[str, ...]]:
        """The effective responsibility ids of every role."""
        from orgroles.queries.responsibilities import responsibility_ids

        return responsibility_ids(self.org)

    def duties_of(self, i: int) -> tuple[str, ...]:
        """The effective responsibility ids of the role at position `i` (from the table
        of `responsibilities` if it was made)."""
        table = self.__dict__.get("responsibilities")
        if table is not None:
            return cast("tuple[str, ...]", table[i])
        from orgroles.queries.responsibilities import effective_ids

        return effective_ids(self.org, self.roles[i])

    def holding(self, wanted: Collection[str]) -> list[int]:
        """The positions of the roles whose effective responsibilities include one of
        `wanted`, in file order.

        Found in C from the kinds whose defaults include one and the roles that add one,
        then checked one by one: the few rules that look for some duties (R001 to R003)
        need not work out the duties of every role of a million.
        """
        wanted = set(wanted)
        if not wanted:
            return []
        roles = self.roles
        positions = range(len(roles))
        kinds = {
            k.id
            for k in self.org.catalog.kinds.values()
            if not wanted.isdisjoint(k.responsibilities)
        }
        found = set(compress(positions, map(kinds.__contains__, map(_KIND, roles))))
        found.update(compress(positions, map(not_, map(wanted.isdisjoint, map(_ADDED, roles)))))
        return [i for i in sorted(found) if not wanted.isdisjoint(self.duties_of(i))]

    def below_count(self, i: int) -> int:
        """How many roles are below the role at position `i` (transitively): from the
        subtree sizes, computed once, rather than a walk of its subtree (a CTO has a third
        of a company below), except on a reporting cycle."""
        index = self.index
        if index.depth[i] >= 0:
            return index.sizes[i] - 1
        return len(index.below(i))

    @cached_property
    def by_kind(self) -> dict[str, list[int]]:
        """The positions of the roles of each kind, in file order (kinds in the order they
        first appear). An org uses a few dozen kinds: one pass in C for each."""
        kinds = list(map(_KIND, self.roles))
        found = [k for k in dict.fromkeys(kinds) if k is not None]
        if len(found) > _KIND_PASSES:
            out: dict[str, list[int]] = {}
            for i, kind in enumerate(kinds):
                if kind is not None:
                    out.setdefault(kind, []).append(i)
            return out
        positions = range(len(kinds))
        return {k: list(compress(positions, map(eq, kinds, repeat(k)))) for k in found}

    @cached_property
    def by_person(self) -> dict[str, list[int]]:
        """The positions of the roles each person holds, in file order, each once."""
        out: defaultdict[str, list[int]] = defaultdict(list)
        for i, holder in enumerate(self.holders):
            if holder is None:
                continue
            if type(holder) is str:  # the usual case: one holder, one seat
                out[holder].append(i)
                continue
            for pid in holder:
                seats = out[pid]
                if not seats or seats[-1] != i:  # a job share naming someone twice: one seat
                    seats.append(i)
        return dict(out)

    @cached_property
    def holders(self) -> list[str | tuple[str, ...] | None]:
        """The `holder` of every role, by position: a person's id, a tuple of ids (a job
        share, or dated holders as people), or None."""
        holders: list[Any] = list(map(attrgetter("holder"), self.roles))
        if tuple in set(map(type, holders)):  # job shares, or dated holders as people
            for i in compress(range(len(holders)), map(_is_share, holders)):
                holders[i] = self.roles[i].holders
        return holders

    @cached_property
    def shared_seats(self) -> bool:
        """Whether someone holds several seats (or a job share shares one): when nobody
        does, which a set of the holders tells, `seat_counts` need not be counted."""
        holders = self.holders
        if tuple in set(map(type, holders)):
            return True
        distinct = set(holders)
        distinct.discard(None)
        return len(distinct) != len(holders) - holders.count(None)

    @cached_property
    def seat_counts(self) -> Counter[str]:
        """How many seats each person holds (a job share naming someone twice counts once).

        Counted in C: most people hold one seat, and a list of seats for each of a
        million people costs more than the rules that ask.
        """
        counts: Counter[Any] = Counter(self.holders)
        counts.pop(None, None)
        for share in [h for h in counts if type(h) is tuple]:
            times = counts.pop(share)
            for pid in dict.fromkeys(share):
                counts[pid] += times
        return cast("Counter[str]", counts)

    def seats_of(
        self, people: Collection[str], among: Iterable[int] | None = None
    ) -> dict[str, list[int]]:
        """The positions of the seats each of `people` holds (only those in `among`, if
        given), in file order; each person in the order of their first seat."""
        wanted = set(people)
        if not wanted:
            return {}
        holders = self.holders
        if among is None:
            everywhere = range(len(holders))
            picked = set(compress(everywhere, map(wanted.__contains__, holders)))
            for i in compress(everywhere, map(_is_share, holders)):
                if not wanted.isdisjoint(cast("tuple[str, ...]", holders[i])):
                    picked.add(i)
            among = sorted(picked)
        out: dict[str, list[int]] = {}
        for i in among:
            holder = holders[i]
            if holder is None:
                continue
            for pid in (holder,) if type(holder) is str else dict.fromkeys(holder):
                if pid in wanted:
                    out.setdefault(pid, []).append(i)
        return out

    def below_kinds(self, kinds: Iterable[str]) -> set[int]:
        """Every position below any role of these kinds (one walk, however they nest)."""
        by_kind = self.by_kind
        return self.index.below_all(i for kind in set(kinds) for i in by_kind.get(kind, ()))

    def selected(self, text: str) -> list[int]:
        """The positions a selector matches, computed once per check for each text (several
        declared rules often share one). Raises `SelectorError`."""
        found = self._selected.get(text)
        if found is None:
            from orgroles.selectors import parse

            found = self._selected[text] = parse(text).positions(self.org)
        return found


_KIND = attrgetter("kind")
_ADDED = attrgetter("responsibilities")
_KIND_PASSES = 64  # beyond this many kinds, by_kind is one loop in Python instead


def _is_share(holder: object) -> bool:
    return type(holder) is tuple
