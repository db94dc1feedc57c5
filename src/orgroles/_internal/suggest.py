"""Did-you-mean suggestions for unknown ids and keys, fast even among a million ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["did_you_mean", "suggestion_suffix"]

# Past this many candidates, only those of a similar length are compared, so that an
# error message on a two-million-role org costs milliseconds, not seconds.
_FULL_SCAN_LIMIT = 20_000


def did_you_mean(word: str, candidates: Iterable[str], n: int = 1) -> list[str]:
    """Return up to ``n`` candidates close to ``word``, best first.

    >>> did_you_mean("reports_too", ["reports_to", "dotted_to", "title"])
    ['reports_to']
    >>> did_you_mean("zzz", ["cto", "cpo"])
    []
    """
    pool = candidates if isinstance(candidates, (list, tuple, set, frozenset)) else list(candidates)
    if len(pool) > _FULL_SCAN_LIMIT:
        size = len(word)
        pool = [c for c in pool if abs(len(c) - size) <= 2 and c[:1] == word[:1]]
    return difflib.get_close_matches(word, pool, n=n, cutoff=0.6)


def suggestion_suffix(word: str, candidates: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` or an empty string.

    >>> suggestion_suffix("ctoo", ["cto"])
    " (did you mean 'cto'?)"
    """
    found = did_you_mean(word, candidates)
    return f" (did you mean {found[0]!r}?)" if found else ""
