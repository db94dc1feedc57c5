"""Parse the selector mini-language: space-separated terms that must all hold.

The terms are listed in `orgroles.selectors.TERMS`. A value may list alternatives,
any of which matches: `kind:developer,designer`. A value with spaces is quoted:
`title~"head of"`. A leading `-` negates a term: `under:cto -kind:developer`. The
empty selector matches every role.

Examples:
    >>> sel = parse('kind:developer under:cto -vacant')
    >>> [(t.key, t.values, t.negated) for t in sel.terms]
    [('kind', ('developer',), False), ('under', ('cto',), False), ('vacant', (), True)]
    >>> parse('kidn:cto')
    Traceback (most recent call last):
    ...
    orgroles.errors.SelectorError: unknown term 'kidn' (did you mean 'kind'?)
      kidn:cto
      ^
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from orgroles._internal.suggest import suggestion_suffix
from orgroles.errors import SelectorError
from orgroles.limits import MAX_SELECTOR_TERMS
from orgroles.selectors.terms import (
    COMPARE_KEYS,
    COMPARISONS,
    FLAGS,
    MATCH_KEYS,
    TERMS,
    TEXT_KEYS,
    Predicate,
)

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role

__all__ = ["Selector", "Term", "parse", "parse_selector", "select"]


@dataclass(frozen=True)
class Term:
    """One term of a selector; `position` is where it starts in the text, and `op` the
    comparison of a `compare` term (`>`, `>=`, `<`, `<=`, `=`)."""

    key: str
    values: tuple[str, ...] = ()
    negated: bool = False
    position: int = 0
    value_position: int = 0
    op: str = ""


@dataclass(frozen=True)
class Selector:
    """A parsed selector: all `terms` must hold. `str()` gives the text back."""

    text: str
    terms: tuple[Term, ...]

    def __str__(self) -> str:
        return self.text

    def select(self, org: OrgCore) -> list[Role]:
        """The matching roles of `org`, in file order."""
        return [org.roles[org.index.ids[i]] for i in self.positions(org)]

    def positions(self, org: OrgCore) -> list[int]:
        """The positions (in `org.index`) of the matching roles, in file order."""
        candidates: list[int] = list(range(len(org.index)))
        done: set[tuple[str, tuple[str, ...], bool, str]] = set()
        for term in self.terms:
            if (term.key, term.values, term.negated, term.op) in done:
                continue  # the same term twice: it holds or not, once
            done.add((term.key, term.values, term.negated, term.op))
            keep: Predicate = TERMS[term.key].build(org, term, self.text)
            chosen = getattr(keep, "__self__", None)
            if term.negated:
                candidates = [i for i in candidates if not keep(i)]
            elif isinstance(chosen, set) and len(candidates) == len(org.index):
                candidates = sorted(chosen)  # id:, under:, team: name their roles: no pass
            else:
                candidates = [i for i in candidates if keep(i)]
        return candidates


def parse(text: str) -> Selector:
    """Parse a selector; a bad term raises `SelectorError` pointing at it."""
    if not isinstance(text, str):
        raise SelectorError(f"a selector is text, not {type(text).__name__}", str(text), 0)
    terms: list[Term] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        if len(terms) == MAX_SELECTOR_TERMS:
            raise SelectorError(
                f"too many terms: a selector has at most {MAX_SELECTOR_TERMS}", text, start
            )
        negated = text[i] == "-"
        if negated:
            i += 1
        key_start = i
        while i < n and not text[i].isspace() and text[i] not in ":~<>=":
            i += 1
        key = text[key_start:i]
        if key.endswith("!") and key[:-1] in COMPARE_KEYS and text.startswith("=", i):
            raise SelectorError(
                f"!= is not a comparison: write -{key[:-1]}=N (not equal to N)", text, i - 1
            )
        if not key and i < n and text[i] in ":~<>=":
            raise SelectorError(
                f"a term starts with its name ({', '.join(t.usage for t in TERMS.values())})",
                text,
                i,
            )
        if key in COMPARE_KEYS:
            i, term = _comparison(text, key, negated, start, i)
            terms.append(term)
            continue
        op = text[i] if i < n and text[i] in ":~" else ""
        if i < n and text[i] in "<>=" and key in TERMS:
            sign = ":" if key in MATCH_KEYS else "~" if key in TEXT_KEYS else ""
            instead = f": write {key}{sign}..." if sign else ""
            raise SelectorError(
                f"{key!r} compares nothing{instead} (only {', '.join(COMPARE_KEYS)} take "
                f"{text[i]})",
                text,
                i,
            )
        if not op:
            if key in FLAGS:
                terms.append(Term(key, (), negated, start, i))
                continue
            if key in MATCH_KEYS or key in TEXT_KEYS:
                sign = ":" if key in MATCH_KEYS else "~"
                raise SelectorError(f"{key!r} needs a value: write {key}{sign}...", text, key_start)
            raise SelectorError(f"unknown term {key!r}{_unknown_hint(key)}", text, key_start)
        if key in FLAGS:
            raise SelectorError(f"{key!r} takes no value", text, key_start)
        if key not in MATCH_KEYS and key not in TEXT_KEYS:
            raise SelectorError(f"unknown term {key!r}{_unknown_hint(key)}", text, key_start)
        expected = ":" if key in MATCH_KEYS else "~"
        if op != expected:
            raise SelectorError(f"write {key}{expected}..., not {key}{op}...", text, i)
        i += 1
        value_start = i
        quoted = i < n and text[i] == '"'
        if quoted:
            close = text.find('"', i + 1)
            if close < 0:
                raise SelectorError("unterminated quote", text, i)
            raw = text[i + 1 : close]
            i = close + 1
            if i < n and not text[i].isspace():
                raise SelectorError("a space must follow a closing quote", text, i)
        else:
            while i < n and not text[i].isspace():
                i += 1
            raw = text[value_start:i]
        if key in TEXT_KEYS or quoted:  # a quoted value is one value: "Paris, Head Office"
            values: tuple[str, ...] = (raw,) if raw else ()
        else:
            values = tuple(v for v in raw.split(",") if v)
        if not values:
            raise SelectorError(f"missing value after '{key}{op}'", text, value_start)
        terms.append(Term(key, values, negated, start, value_start))
    return Selector(text, tuple(terms))


_MAX_DIGITS = 18
"""A comparison's number: no org has that many roles, and Python reads it at once."""


def _comparison(text: str, key: str, negated: bool, start: int, i: int) -> tuple[int, Term]:
    """Read the comparison and the number of a `compare` term whose key ends at `i`."""
    op = next((o for o in COMPARISONS if text.startswith(o, i)), "")
    if not op and text.startswith(":", i):
        op = ":"
    if not op:
        raise SelectorError(f"{key!r} needs a comparison: write {key}>N (or >=, <, <=, =)", text, i)
    value_start = i + len(op)
    end = value_start
    while end < len(text) and not text[end].isspace():
        end += 1
    value = text[value_start:end]
    if not (value.isascii() and value.isdigit()):
        shown = repr(value) if value else "nothing"
        raise SelectorError(f"{key}{op} takes a whole number, not {shown}", text, value_start)
    if len(value) > _MAX_DIGITS:
        raise SelectorError(
            f"{key}{op} takes a number of at most {_MAX_DIGITS} digits", text, value_start
        )
    term = Term(key, (str(int(value)),), negated, start, value_start, "=" if op == ":" else op)
    return end, term


def _unknown_hint(key: str) -> str:
    """A did-you-mean for an unknown term, or the list of the valid ones."""
    hint = suggestion_suffix(key, TERMS)
    if hint:
        return hint
    return f" (terms: {', '.join(t.usage for t in TERMS.values())})"


def select(org: OrgCore, selector: str | Selector) -> list[Role]:
    """The roles of `org` that match `selector`, in file order."""
    if not isinstance(selector, (str, Selector)):  # a caller's mistake, said plainly
        raise TypeError(f"a selector is a str or a Selector, not {type(selector).__name__}")
    parsed = parse(selector) if isinstance(selector, str) else selector
    return parsed.select(org)


parse_selector = parse
"""The name under which `parse()` is exported from `orgroles`."""
