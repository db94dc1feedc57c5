"""The title matcher of a catalogue: every pattern in one word trie, scanned once per title.

A pattern is words separated by spaces, read like titles (see `_title_text`); a word
may be `a|b` (either, each possibly several words: `vp|vice-president`) or `*` (any
one word). The patterns of every kind and family go into one trie, with the seniority
words, so finding every pattern in a title costs a few dictionary look-ups per word,
whatever the size of the catalogue.

Examples:
    >>> from orgroles.model import RoleKind
    >>> index = TitleIndex([RoleKind(id="dev", family="tech", titles={"en": ["developer"]})], [])
    >>> [(s, e, entry.kind) for s, e, entry in index.scan(["senior", "developers"])]
    [(0, 1, None), (1, 2, 'dev')]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from orgroles.catalog._title_text import FALSE_FRIENDS, LEVELS, fold, words
from orgroles.model import MAX_PATTERN_SPELLINGS, Family, RoleKind, Seniority

__all__ = ["Entry", "Found", "TitleIndex", "outside_levels", "pattern_words", "without_levels"]

_END = ""  # the trie key under which a node keeps the entries that end there
_ANY = "*"
_Node = dict[str, Any]  # word -> _Node, and _END -> list[Entry]


@dataclass(frozen=True, slots=True)
class Entry:
    """What a pattern says: a kind (with its family), a family alone, a seniority, or
    (`false_friend`) that its words name none of these (see `FALSE_FRIENDS`)."""

    kind: str | None
    family: str | None
    pattern: str
    size: int  # its words that say the job (not "*", not seniority): more is more specific
    level: Seniority | None = None
    departments: tuple[str, ...] = ()  # families of departments that settle a tie for it
    false_friend: bool = False


Found = tuple[int, int, Entry]
"""An entry found in a title's words, from word `start` to word `end` (excluded)."""


def pattern_words(pattern: str) -> list[tuple[str, ...]]:
    """Every word sequence a pattern stands for (`*` stays as a word).

    Examples:
        >>> pattern_words("directeur|directrice de l'ingénierie")
        [('directeur', 'ingenierie'), ('directrice', 'ingenierie')]
        >>> pattern_words("vp|vice-president * sales")
        [('vp', '*', 'sales'), ('vice', 'president', '*', 'sales')]
    """
    slots: list[list[tuple[str, ...]]] = []
    for slot in pattern.split():
        if slot == _ANY:
            slots.append([(_ANY,)])
            continue
        spellings = dict.fromkeys(tuple(words(fold(a))) for a in slot.split("|"))
        spellings.pop((), None)
        if spellings:
            slots.append(list(spellings))
    # A catalogue's patterns have at most MAX_PATTERN_SPELLINGS (checked at load).
    combinations = itertools.islice(itertools.product(*slots), MAX_PATTERN_SPELLINGS)
    variants = [sum(parts, ()) for parts in combinations]
    return [v for v in variants if any(w != _ANY for w in v)]


class TitleIndex:
    """The patterns of some kinds and families, and the seniority words, in one trie.

    `lang` picks the patterns of one language, and English's (titles in every language
    borrow English ones: "Software Engineer (m/w/d)"); None takes every language. A kind's
    `title` (English) and `labels` count as patterns too, so a kind defined with only
    a title is found by it.
    """

    __slots__ = ("_root",)

    def __init__(
        self, kinds: Iterable[RoleKind], families: Iterable[Family], lang: str | None = None
    ) -> None:
        self._root: _Node = {}
        for phrase, level in LEVELS.items():
            self._add(phrase, Entry(None, None, " ".join(phrase), len(phrase), level))
        for phrase in FALSE_FRIENDS:
            self._add(phrase, Entry(None, None, " ".join(phrase), len(phrase), false_friend=True))
        for kind in kinds:
            departments = kind.departments or ((kind.family,) if kind.family else ())
            for pattern in _patterns(kind.titles, lang, kind.title, kind.labels):
                for spelling in pattern_words(pattern):
                    entry = Entry(kind.id, kind.family, pattern, _size(spelling), None, departments)
                    self._add(spelling, entry)
        for family in families:
            for pattern in _patterns(family.titles, lang, None, {}):
                for spelling in pattern_words(pattern):
                    entry = Entry(None, family.id, pattern, _size(spelling), None, (family.id,))
                    self._add(spelling, entry)

    def _add(self, spelling: Sequence[str], entry: Entry) -> None:
        node = self._root
        for word in spelling:
            node = node.setdefault(word, {})
        ends: list[Entry] = node.setdefault(_END, [])
        # One answer per kind (or family) and spelling: "cto" in English and in French is one.
        key = (entry.kind, entry.family, entry.level, entry.false_friend)
        if not any((e.kind, e.family, e.level, e.false_friend) == key for e in ends):
            ends.append(entry)

    def scan(self, title_words: Sequence[str]) -> list[Found]:
        """Every entry whose pattern is in the words, with where it is.

        A word also matches a pattern word one `s` shorter ("architects" matches
        "architect"). Where patterns match the same words, those that read the fewest
        plurals as singulars are kept: "Solutions Architect" is a "solutions architect",
        not a "solution architect".
        """
        # (start, end) -> entries found there, and how many plurals were read as singulars
        spans: dict[tuple[int, int], tuple[int, list[Entry]]] = {}
        n = len(title_words)
        root = self._root
        for start in range(n):
            stack = [(root, start, 0)]
            while stack:
                node, i, singulars = stack.pop()
                ends = node.get(_END)
                if ends is not None and i > start:
                    best = spans.get((start, i))
                    if best is None or singulars < best[0]:
                        spans[start, i] = (singulars, list(ends))
                    elif singulars == best[0]:
                        best[1].extend(e for e in ends if e not in best[1])
                if i == n:
                    continue
                word = title_words[i]
                child = node.get(word)
                if child is not None:
                    stack.append((child, i + 1, singulars))
                if len(word) > 3 and word[-1] == "s":
                    child = node.get(word[:-1])
                    if child is not None:
                        stack.append((child, i + 1, singulars + 1))
                elif len(word) > 6 and word[-2:] == "in":  # German feminine: "Recruiterin"
                    child = node.get(word[:-2])
                    if child is not None:
                        stack.append((child, i + 1, singulars + 1))
                wildcard = node.get(_ANY)
                if wildcard is not None and i > start:
                    stack.append((wildcard, i + 1, singulars))
        return [(s, e, entry) for (s, e), (_, ends) in spans.items() for entry in ends]


def _size(spelling: Sequence[str]) -> int:
    said = sum(w != _ANY and (w,) not in LEVELS for w in spelling)
    return max(said, 1)


def _patterns(
    titles: dict[str, tuple[str, ...]],
    lang: str | None,
    title: str | None,
    labels: dict[str, str],
) -> list[str]:
    langs = list(titles) if lang is None else list(dict.fromkeys((lang, "en")))
    patterns = [p for code in langs for p in titles.get(code, ())]
    if title is not None:
        patterns.append(title)
    patterns += [label for code, label in labels.items() if lang is None or code in langs]
    return patterns


def outside_levels(found: list[Found]) -> list[Found]:
    """`found` without what lies inside a longer seniority phrase: the "president" (a
    CEO's title) of "Senior Vice President"."""
    spans = [(s, e) for s, e, entry in found if entry.level and e - s > 1]
    return [
        (s, e, entry)
        for s, e, entry in found
        if not any(ps <= s and e <= pe and pe - ps > e - s for ps, pe in spans)
    ]


_GRADES = frozenset({"junior", "senior", "staff", "principal"})  # levels that lead no one


def without_levels(words: list[str], found: list[Found]) -> tuple[list[str], list[Found]]:
    """The words of a segment without its seniority words (`found` in it), and these:
    "Senior Engineer" is "Engineer", said senior. A segment of seniority words only
    keeps its head's ("Senior Manager" is "Manager"), without its grades."""
    levels = [f for f in outside_levels(found) if f[2].level]
    core = [w for k, w in enumerate(words) if not any(s <= k < e for s, e, _ in levels)]
    if not core:
        levels = [f for f in levels if f[2].level in _GRADES]
        core = [w for k, w in enumerate(words) if not any(s <= k < e for s, e, _ in levels)]
    return core, levels
