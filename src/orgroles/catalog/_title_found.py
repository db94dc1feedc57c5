"""What the words of a title say of the job once its patterns are found: not the words
inside a false friend or a longer seniority phrase (`phrases()`), nor what follows the
"to" that names whom the job serves (`the_job()`).

Examples:
    >>> from orgroles.catalog._title_index import Entry
    >>> cto = (3, 4, Entry("cto", "executive", "cto", 1))
    >>> advisor = (0, 1, Entry(None, None, "advisor", 1))
    >>> [f[2].pattern for f in the_job(["advisor", "to", "the", "cto"], [advisor, cto])]
    ['advisor']
"""

from __future__ import annotations

from orgroles.catalog._title_index import Found
from orgroles.catalog._title_text import SERVES

__all__ = ["phrases", "the_job"]


def phrases(found: list[Found]) -> list[Found]:
    """`found` without the seniority words inside a longer seniority phrase ("chef" in
    "chef d'équipe", a lead; "head" in "Head Nurse"), and without a false friend and what
    it holds ("personal" in "Personal Banker"): see `FALSE_FRIENDS`."""
    held = [
        (s, e, entry.false_friend)
        for s, e, entry in found
        if entry.false_friend or (entry.level and e - s > 1)
    ]
    if not held:  # most titles: no phrase that holds other words
        return found
    kept = []
    for s, e, entry in found:
        if entry.false_friend:
            continue
        if any(
            ps <= s and e <= pe and (false or (entry.level and pe - ps > e - s))
            for ps, pe, false in held
        ):
            continue
        kept.append((s, e, entry))
    return kept


def the_job(words: list[str], found: list[Found]) -> list[Found]:
    """What `found` says of the job itself: not what comes after a "to" that names whom
    the job serves ("Advisor to the CEO" is no CEO, nor a chief), unless a pattern goes
    across it ("record to report") or it is the "to" of "go-to-market". A pattern that
    goes across it to a `*` ("assistant to *") is the job, and whom it serves is still
    not: an "EA to the Chief Executive Officer" is an executive assistant."""
    for at, word in enumerate(words):
        if word != SERVES or not 0 < at < len(words) - 1 or words[at - 1] == "go":
            continue
        across = [f for f in found if f[0] < at < f[1]]
        if not across:
            return [f for f in found if f[1] <= at]
        if any(f[2].pattern.endswith(" *") for f in across):
            return [f for f in found if f[1] <= at or f in across]
    return found
