"""Did-you-mean suggestions for unknown ids and keys: bounded, and cheap among a million ids.

A suggestion compares the word with a bounded pool of candidates (difflib's ratio), so
that its cost does not grow with the number of ids nor with their length:

- a word longer than `MAX_WORD` characters gets no suggestion (a typo hint on a
  500-character id helps nobody, and comparing such strings is quadratic);
- past `FULL_SCAN` candidates, only those that start or end with the same character
  and have a similar length are compared, found in an index built once
  (`Suggester`), and at most `POOL` of them;
- the same word in another case or with other separators (`Ana_Lima` for `ana-lima`)
  is found first, in a dict.

`opaque()` tells the ids for which no suggestion can help: numbers, codes and hashes
such as `0042` or `tm-6f80201b`, where the closest id is another person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["FULL_SCAN", "MAX_WORD", "POOL", "Suggester", "did_you_mean", "opaque"]

MAX_WORD = 64
"""Words longer than this get no suggestion."""

FULL_SCAN = 2_000
"""Up to this many candidates, every one is compared (the best hints for short lists)."""

POOL = 500
"""Beyond `FULL_SCAN`, at most this many candidates are compared for one word."""

_CUTOFF = 0.6
_SEPARATORS = re.compile(r"[\s\-_.]+")
_HEX_TOKEN = re.compile(r"(?<![0-9a-z])[0-9a-f]{6,}(?![0-9a-z])")


def _fold(word: str) -> str:
    return _SEPARATORS.sub("", word.casefold())


def opaque(word: str) -> bool:
    """Whether `word` is an id that no did-you-mean can help with: a number, a code or
    a hash, whose closest neighbour is someone else (`0042` for `0041`).

    Examples:
        >>> [opaque(w) for w in ("tm-6f80201b", "tm-fb6aabce", "0042", "r1234", "E-10023", "12")]
        [True, True, True, True, True, True]
        >>> [opaque(w) for w in ("ceoo", "dev-2", "hands-on-codng", "team-2024-lead")]
        [False, False, False, False]
    """
    if word.isdigit():
        return True  # a number: "2" is no better a guess for "12" than any other
    digits = sum(map(str.isdigit, word))
    if digits >= 3 and digits * 5 >= 2 * sum(map(str.isalnum, word)):
        return True  # mostly digits: an employee number, a code
    return any(  # a hash: a whole token of hexadecimal digits
        len(token) >= 8 or any(c.isdigit() for c in token)
        for token in _HEX_TOKEN.findall(word.lower())
    )


class Suggester:
    """Suggestions among one collection of candidates, indexed once on first use.

    For a check that looks up many unknown ids among the same million: the index (by
    first and last character and length) costs one pass, and each word then compares at
    most `POOL` candidates. `compared` counts the candidates compared so far, for
    callers that keep a budget.

    Examples:
        >>> s = Suggester(["cto", "cpo", "ceo", "Ana_Lima"])
        >>> s.close("ctoo"), s.close("ana-lima"), s.close("zzz")
        (['cto'], ['Ana_Lima'], [])
    """

    __slots__ = ("_by_end", "_by_start", "_candidates", "_folded", "_small", "compared")

    def __init__(self, candidates: Iterable[str]) -> None:
        self._candidates = candidates
        self._small: list[str] | None = None
        self._folded: dict[str, str] = {}
        self._by_start: dict[tuple[str, int], list[str]] = {}
        self._by_end: dict[tuple[str, int], list[str]] = {}
        self.compared = 0

    def _build(self) -> None:
        pool = list(self._candidates)
        self._candidates = ()
        for c in pool:
            self._folded.setdefault(_fold(c), c)
        if len(pool) <= FULL_SCAN:
            self._small = pool
            return
        self._small = []
        by_start, by_end = self._by_start, self._by_end
        for c in pool:
            if c and len(c) <= MAX_WORD + 2:
                by_start.setdefault((c[0], len(c)), []).append(c)
                by_end.setdefault((c[-1], len(c)), []).append(c)

    def close(self, word: str, n: int = 1, *, limit: int | None = None) -> list[str]:
        """Up to `n` candidates close to `word`, best first; at most `limit` compared."""
        if not word or len(word) > MAX_WORD:
            return []
        if self._small is None:
            self._build()
        assert self._small is not None
        same = self._folded.get(_fold(word))
        if same is not None and same != word:
            return [same]
        cap = POOL if limit is None else min(limit, POOL)
        if self._by_start:
            pool = _near(word, self._by_start, self._by_end, cap)
        else:
            pool = self._small if limit is None else self._small[:limit]
        self.compared += len(pool)
        import difflib  # only when a suggestion is asked for: an error's path

        return difflib.get_close_matches(word, pool, n=n, cutoff=_CUTOFF)


def _near(
    word: str,
    by_start: dict[tuple[str, int], list[str]],
    by_end: dict[tuple[str, int], list[str]],
    cap: int,
) -> list[str]:
    """Candidates of a similar length that start or end as `word` does, at most `cap`."""
    size = len(word)
    pool: dict[str, None] = {}
    for delta in (0, -1, 1, -2, 2):
        for table, key in ((by_start, word[0]), (by_end, word[-1])):
            for c in table.get((key, size + delta), ()):
                pool[c] = None
                if len(pool) >= cap:
                    return list(pool)
    return list(pool)


def did_you_mean(word: str, candidates: Iterable[str], n: int = 1) -> list[str]:
    """Return up to `n` candidates close to `word`, best first.

    One pass over the candidates at most (no index is kept: see `Suggester` for
    many words among the same candidates).

    Examples:
        >>> did_you_mean("reports_too", ["reports_to", "dotted_to", "title"])
        ['reports_to']
        >>> did_you_mean("zzz", ["cto", "cpo"])
        []
    """
    if not word or len(word) > MAX_WORD:
        return []
    pool = candidates if isinstance(candidates, (list, tuple, set, frozenset)) else list(candidates)
    if len(pool) <= FULL_SCAN:
        return Suggester(pool).close(word, n)
    size, first, last = len(word), word[0], word[-1]
    near = [c for c in pool if abs(len(c) - size) <= 2 and (c[:1] == first or c[-1:] == last)]
    import difflib

    return difflib.get_close_matches(word, near[:POOL], n=n, cutoff=_CUTOFF)


def suggestion_suffix(word: str, candidates: Iterable[str]) -> str:
    """Return `" (did you mean 'x'?)"` or an empty string.

    Examples:
        >>> suggestion_suffix("ctoo", ["cto"])
        " (did you mean 'cto'?)"
    """
    found = did_you_mean(word, candidates)
    return f" (did you mean {found[0]!r}?)" if found else ""


__all__ += ["suggestion_suffix"]
