"""The shared indexes of one check, computed once and only when a rule asks for them.

Every rule reads what it needs here (spans, effective responsibilities, the roles of each
kind or person, the roles below a kind), so a check stays O(N) however many rules run.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from orgroles._internal.suggest import Suggester, opaque
from orgroles.index import Index
from orgroles.model import Role

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["CheckContext"]

_SUGGESTION_BUDGET = 20_000
"""Candidates compared for did-you-mean hints in one check, all hints together: a broken
org of a million roles gets a few hints, in milliseconds, not one per unknown id."""


class CheckContext:
    """What the rules of one check share. Positions are those of ``org.index``."""

    def __init__(self, org: OrgCore) -> None:
        self.org = org
        self.index: Index = org.index
        self.roles: list[Role] = list(org.roles.values())
        self._suggestions_left = _SUGGESTION_BUDGET
        self._suggesters: dict[int, tuple[object, Suggester]] = {}
        self._selected: dict[str, list[int]] = {}

    def id(self, i: int) -> str:
        """The id of the role at position ``i``."""
        return self.index.ids[i]

    def title(self, i: int) -> str:
        """The displayed title of the role at position ``i``."""
        return self.org.title_of(self.roles[i])

    def describe(self, i: int) -> str:
        """``'cto' (Chief Technical Officer)``: an id with its title, for messages."""
        rid = self.index.ids[i]
        title = self.title(i)
        return repr(rid) if title == rid else f"{rid!r} ({title})"

    def suggest(self, word: str, candidates: Iterable[str]) -> str:
        """A did-you-mean suffix, within a budget of comparisons per check.

        Ids such as ``tm-6f80201b`` or ``0042`` get none: their closest neighbour is
        another person (see :func:`~orgroles._internal.suggest.opaque`). The candidates
        are indexed once per check, whichever rule asks.
        """
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

    @cached_property
    def by_kind(self) -> dict[str, list[int]]:
        """The positions of the roles of each kind, in file order."""
        out: dict[str, list[int]] = {}
        for i, role in enumerate(self.roles):
            if role.kind is not None:
                out.setdefault(role.kind, []).append(i)
        return out

    @cached_property
    def by_person(self) -> dict[str, list[int]]:
        """The positions of the roles each person holds, in file order, each once."""
        out: dict[str, list[int]] = {}
        get = out.get
        for i, role in enumerate(self.roles):
            holder = role.holder
            if holder is None:
                continue
            if type(holder) is str:  # the usual case: one holder, one seat
                seats = get(holder)
                if seats is None:
                    out[holder] = [i]
                else:
                    seats.append(i)
                continue
            for pid in holder:
                seats = get(pid)
                if seats is None:
                    out[pid] = [i]
                elif seats[-1] != i:  # a job share that names someone twice: one seat
                    seats.append(i)
        return out

    def below_kinds(self, kinds: Iterable[str]) -> set[int]:
        """Every position below any role of these kinds (one walk, however they nest)."""
        by_kind = self.by_kind
        return self.index.below_all(i for kind in set(kinds) for i in by_kind.get(kind, ()))

    def selected(self, text: str) -> list[int]:
        """The positions a selector matches, computed once per check for each text (several
        declared rules often share one). Raises :class:`~orgroles.errors.SelectorError`."""
        found = self._selected.get(text)
        if found is None:
            from orgroles.selectors import parse

            found = self._selected[text] = parse(text).positions(self.org)
        return found
