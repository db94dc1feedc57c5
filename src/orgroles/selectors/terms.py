"""The selector terms: one entry of `TERMS` per term, with how it tests a role.

Each entry says how the term is written (`key:value`, `key~text` or a bare flag),
what it matches (for error messages and docs), and builds a predicate over the positions
of `org.index`. A predicate is built once per selection, with whatever set it needs
(the roles under X, the members of team X) computed up front, so that a selection is
O(N) overall. Adding a term is one entry here (see CONTRIBUTING.md).

Examples:
    >>> sorted(k for k, t in TERMS.items() if t.form == "flag")
    ['acting', 'assistant', 'inferred', 'planned', 'vacant']
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from orgroles._internal.suggest import suggestion_suffix
from orgroles.errors import SelectorError
from orgroles.model import SENIORITIES
from orgroles.queries.hierarchy import layers, span
from orgroles.queries.responsibilities import responsibility_ids
from orgroles.queries.teams import members

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.selectors.syntax import Term

__all__ = [
    "COMPARE_KEYS",
    "COMPARISONS",
    "FLAGS",
    "MATCH_KEYS",
    "TERMS",
    "TEXT_KEYS",
    "Predicate",
    "TermSpec",
]

Predicate = Callable[[int], bool]
"""A test of a role, by its position in `org.index`."""

Form = Literal["match", "text", "flag", "compare"]


@dataclass(frozen=True)
class TermSpec:
    """One selector term: `key`, how it is written, what it matches, how it tests.

    `form` is `"match"` for `key:value` (a comma-separated list of alternatives),
    `"text"` for `key~text` (a case-insensitive substring), `"flag"` for a bare
    word and `"compare"` for `key>N` (a whole number compared with `>`, `>=`, `<`, `<=`
    or `=`; `key:N` is `key=N`). `build(org, term, text)` returns the predicate; it may
    refuse a value that names nothing with `known()`.
    """

    key: str
    form: Form
    matches: str
    build: Callable[[OrgCore, Term, str], Predicate]

    @property
    def usage(self) -> str:
        """How the term is written: `under:X`, `title~TEXT` or `vacant`."""
        return {
            "match": f"{self.key}:X",
            "text": f"{self.key}~TEXT",
            "flag": self.key,
            "compare": f"{self.key}>N",
        }[self.form]


def known(
    term: Term, text: str, what: str, names: Collection[str], extra: Collection[str] = ()
) -> None:
    """Refuse a value that names nothing, with a did-you-mean, pointing at the value."""
    for value in term.values:
        if value not in names and value not in extra:
            hint = suggestion_suffix(value, [*names, *extra])
            raise SelectorError(f"unknown {what} {value!r}{hint}", text, term.value_position)


def _known_roles(org: OrgCore, term: Term, text: str) -> list[int]:
    """The positions of the roles a term names; a seat of a dated file that does not
    exist on the day shown names none (a typo is refused)."""
    pos = org.index.pos
    known(term, text, "role", pos, org.records if org.dated else org.elsewhere)
    return [pos[v] for v in dict.fromkeys(term.values) if v in pos]


def _id(org: OrgCore, term: Term, text: str) -> Predicate:
    return set(_known_roles(org, term, text)).__contains__


def _kind(org: OrgCore, term: Term, text: str) -> Predicate:
    roles = list(org.roles.values())
    used = {r.kind for r in roles if r.kind is not None}
    known(term, text, "kind", org.catalog.kinds, used)
    kinds = set(term.values)
    return lambda i: roles[i].kind in kinds


def _family(org: OrgCore, term: Term, text: str) -> Predicate:
    roles = list(org.roles.values())
    kinds = org.catalog.kinds
    families = {k.family for k in kinds.values() if k.family} | set(org.catalog.families)
    known(term, text, "family", families, {r.family for r in roles if r.family})
    wanted = set(term.values)
    chosen = {k.id for k in kinds.values() if k.family in wanted}

    def test(i: int) -> bool:
        role = roles[i]
        if role.kind in chosen:
            return True
        return role.family in wanted and (role.kind is None or role.kind not in kinds)

    return test


def _seniority(org: OrgCore, term: Term, text: str) -> Predicate:
    roles = list(org.roles.values())
    known(term, text, "seniority", SENIORITIES)
    wanted = set(term.values)
    return lambda i: roles[i].seniority in wanted


def _team(org: OrgCore, term: Term, text: str) -> Predicate:
    index = org.index
    named: dict[str, list[str]] = {}  # a team's name, as an import's department writes it
    for tid, t in org.teams.items():
        if t.name and t.name not in org.teams:
            named.setdefault(t.name, []).append(tid)
    known(term, text, "team (or role)", org.teams, {*index.pos, *named})
    positions: set[int] = set()
    leads: set[int] = set()
    for v in set(term.values):
        if v in org.teams or (v in named and v not in index.pos):
            for tid in [v] if v in org.teams else named[v]:
                team = org.teams[tid]
                positions.update(index.pos[m] for m in members(org, team) if m in index.pos)
        else:
            leads.add(index.pos[v])
    positions |= leads
    positions |= index.below_all(leads)  # nested leads are walked once
    return positions.__contains__


def _has(org: OrgCore, term: Term, text: str) -> Predicate:
    held = responsibility_ids(org)
    in_use = {r for ids in set(held) for r in ids}
    known(term, text, "responsibility", org.catalog.responsibilities, in_use)
    wanted = set(term.values)
    return lambda i: not wanted.isdisjoint(held[i])


def _under(org: OrgCore, term: Term, text: str) -> Predicate:
    return org.index.below_all(_known_roles(org, term, text)).__contains__


def _reports(org: OrgCore, term: Term, text: str) -> Predicate:
    index = org.index
    direct: set[int] = set()
    for i in _known_roles(org, term, text):
        direct.update(index.reports(i))
    return direct.__contains__


def _manager(org: OrgCore, term: Term, text: str) -> Predicate:
    index = org.index
    bosses = {index.parent[i] for i in _known_roles(org, term, text)}
    return bosses.__contains__


def _holder(org: OrgCore, term: Term, text: str) -> Predicate:
    roles = list(org.roles.values())
    known(term, text, "person", org.people, {h for r in roles for h in r.holders})
    wanted = set(term.values)
    return lambda i: not wanted.isdisjoint(roles[i].holders)


def _title(org: OrgCore, term: Term, text: str) -> Predicate:
    roles = list(org.roles.values())
    needle = term.values[0].casefold()
    return lambda i: needle in org.title_of(roles[i]).casefold()


def _name(org: OrgCore, term: Term, text: str) -> Predicate:
    roles = list(org.roles.values())
    needle = term.values[0].casefold()
    people = org.people
    return lambda i: any(
        needle in (people[h].display_name if h in people else h).casefold()
        for h in roles[i].holders
    )


def _flag(attribute: str) -> Callable[[OrgCore, Term, str], Predicate]:
    def build(org: OrgCore, term: Term, text: str) -> Predicate:
        roles = list(org.roles.values())
        return lambda i: bool(getattr(roles[i], attribute))

    return build


COMPARISONS: dict[str, Callable[[int, int], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "=": operator.eq,
}
"""The comparisons of a `compare` term, the two-character ones first (as they are read)."""


def _compare(
    metric: Callable[[OrgCore], Sequence[int | None]],
) -> Callable[[OrgCore, Term, str], Predicate]:
    """A term that compares a number of each role (None: never matches) with N."""

    def build(org: OrgCore, term: Term, text: str) -> Predicate:
        values = metric(org)
        test = COMPARISONS[term.op]
        number = int(term.values[0])  # whole and not negative: the parser checks
        return lambda i: (value := values[i]) is not None and test(value, number)

    return build


def _spans(org: OrgCore) -> list[int]:
    return list(span(org).values())  # by position: the index's order, as C001 counts


def _layers(org: OrgCore) -> list[int | None]:
    return list(layers(org).values())


TERMS: dict[str, TermSpec] = {
    t.key: t
    for t in (
        TermSpec("id", "match", "whose id is X", _id),
        TermSpec("kind", "match", "of kind X", _kind),
        TermSpec("family", "match", "whose kind is in family X (executive, tech, ...)", _family),
        TermSpec(
            "team",
            "match",
            "in team X (a declared team, by its id or name, or the team a role X leads)",
            _team,
        ),
        TermSpec("seniority", "match", "of seniority X (junior ... vp, chief)", _seniority),
        TermSpec("has", "match", "that hold responsibility X (kind defaults included)", _has),
        TermSpec("under", "match", "below role X, at any depth", _under),
        TermSpec("reports", "match", "that report directly to role X", _reports),
        TermSpec("manager", "match", "that manage role X (its direct manager)", _manager),
        TermSpec("holder", "match", "held by person X", _holder),
        TermSpec("title", "text", "whose title contains TEXT (any case)", _title),
        TermSpec("name", "text", "held by someone whose name contains TEXT (any case)", _name),
        TermSpec("span", "compare", "whose span of control compares so with N", _compare(_spans)),
        TermSpec("layer", "compare", "whose layer (1 at the top) compares so", _compare(_layers)),
        TermSpec("vacant", "flag", "that nobody holds", _flag("vacant")),
        TermSpec("acting", "flag", "held by an interim holder", _flag("acting")),
        TermSpec("planned", "flag", "that do not exist yet (planned seats)", _flag("planned")),
        TermSpec(
            "inferred", "flag", "whose kind or family was inferred from a title", _flag("kind_from")
        ),
        TermSpec(
            "assistant", "flag", "that are staff seats (assistants, advisers)", _flag("assistant")
        ),
    )
}
"""Every selector term, by key, in the order the docs list them."""

MATCH_KEYS = tuple(k for k, t in TERMS.items() if t.form == "match")
"""Terms written `key:value`."""
TEXT_KEYS = tuple(k for k, t in TERMS.items() if t.form == "text")
"""Terms written `key~text` (a case-insensitive substring)."""
FLAGS = tuple(k for k, t in TERMS.items() if t.form == "flag")
"""Terms that take no value."""
COMPARE_KEYS = tuple(k for k, t in TERMS.items() if t.form == "compare")
"""Terms written `key>N` (or `>=`, `<`, `<=`, `=`; `key:N` is `key=N`)."""
