"""Names with titles: "Dr. Ansel Brook", "Ansel Brook Jr.", "Dunn, Cyra, PhD".

HR systems write a person's title or degree into the name in one column and not in
another: the row says "Dr. Ansel Brook" and the manager column "Ansel Brook". A name's
`name_parts()` are its core (loosely compared), the titles before it and the letters
after it; two names are the same person's when their cores match (also written last
name first, with a comma) and their titles and letters do not conflict (`compatible()`:
"Jr." is not "Sr.", and "Mr" is not "Mrs").

Examples:
    >>> core, titles, letters = name_parts("Prof. Dr. med. Ana Lima, Ph.D.")
    >>> core, sorted(titles), sorted(letters)
    ('ana lima', ['dr', 'med', 'prof'], ['phd'])
    >>> sorted(bare_forms("Dunn, Cyra, PhD"))
    ['cyra dunn', 'dunn, cyra']
    >>> compatible(name_parts("John Smith Jr."), name_parts("John Smith"))
    True
    >>> compatible(name_parts("John Smith Jr."), name_parts("John Smith Sr."))
    False
"""

from __future__ import annotations

import re

from orgroles.importers.id_forms import first_last, loose_name

__all__ = [
    "bare_forms",
    "bare_name",
    "compatible",
    "loose_parts",
    "may_have_titles",
    "is_honorific",
    "middles_agree",
    "name_parts",
]

# fmt: off
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "dra", "prof", "sir", "dame", "mme", "mlle",
    "herr", "frau", "sr", "sra", "srta", "dott", "dottssa", "rev",
})
"""Titles written before a name (folded, without their dots)."""
_ABBREVIATED = frozenset({"ing", "med", "rer", "nat", "phil", "jur", "dipl", "mag", "lic"})
"""Titles only when written with their dot, as a name may be one of these words: "Ing.",
"Dr. med.", "Dipl.-Ing." (the dots and dashes left out)."""
_LETTERS = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq"})
"""What is written after a name: a generation, a degree."""
# fmt: on

_NONE: frozenset[str] = frozenset()
_MAYBE = re.compile(
    rf"^(?:{'|'.join(sorted(_TITLES | _ABBREVIATED))})(?:[.\s-]|$)"
    rf"|(?:^|[\s,])(?:{'|'.join(sorted(_LETTERS | {'ph.d', 'm.d'}))})\.?$"
)
"""A loose name that may start with a title or end with letters: the others (most) are
their own core, with no title and no letters."""

Parts = tuple[str, frozenset[str], frozenset[str]]


def _plain(word: str) -> str:
    return word.replace(".", "").replace("-", "").strip(",")


def name_parts(text: str) -> Parts:
    """A name's core (`loose_name()` of what is left), its titles and its letters; one
    word is left at least.

    Examples:
        >>> name_parts("Dr. Ansel Brook"), name_parts("Dr.")[0]
        (('ansel brook', frozenset({'dr'}), frozenset()), 'dr.')
    """
    return loose_parts(loose_name(text))


def loose_parts(loose: str) -> Parts:
    """`name_parts()` of a name already made loose (`loose_name()`)."""
    if _MAYBE.search(loose) is None:
        return loose, _NONE, _NONE  # most names: no title, nothing after (one search in C)
    words = loose.split()
    plain = [_plain(w) for w in words]
    start, end = 0, len(words)
    while end - start > 1 and (
        plain[start] in _TITLES or (words[start].endswith(".") and plain[start] in _ABBREVIATED)
    ):
        start += 1
    while end - start > 1 and plain[end - 1] in _LETTERS:
        end -= 1
    kept = words[start:end]
    if end < len(words):
        kept[-1] = kept[-1].rstrip(",")
    return " ".join(kept), frozenset(plain[:start]), frozenset(plain[end:])


def may_have_titles(loose: str) -> bool:
    """Whether a name already made loose may have a title or letters, or is written
    "Last, First": else its bare forms are itself (a search in C).

    Examples:
        >>> may_have_titles("ansel brook"), may_have_titles("dr. ansel brook")
        (False, True)
    """
    return "," in loose or _MAYBE.search(loose) is not None


def bare_name(text: str) -> str:
    """A name without its titles and letters, loosely compared: `name_parts()[0]`.

    Examples:
        >>> bare_name("Ansel Brook Jr."), bare_name("Ms Brook")
        ('ansel brook', 'brook')
    """
    return name_parts(text)[0]


def bare_forms(text: str, *, loose: bool = False) -> set[str]:
    """The bare name, and it written first name first when it is "Last, First";
    `loose`: the text is a name already made loose (`loose_name()`)."""
    bare = (loose_parts(text) if loose else name_parts(text))[0]
    swapped = first_last(bare) if "," in bare else None
    return {bare, loose_name(swapped)} if swapped else {bare}


def compatible(a: Parts, b: Parts) -> bool:
    """Whether two names' titles, and their letters, may be one person's: one side's are
    among the other's ("Dr." and none, "Prof. Dr." and "Dr."), not two that differ."""
    return all(x <= y or y <= x for x, y in ((a[1], b[1]), (a[2], b[2])))


def middles_agree(some: list[str], others: list[str]) -> bool:
    """Whether the middle words of two names may be one person's: either has none, or
    each word is the other's or its initial ("a" or "a." for "anne").

    Examples:
        >>> middles_agree(["a."], ["anne"]), middles_agree([], ["anne"])
        (True, True)
        >>> middles_agree(["b"], ["anne"]), middles_agree(["anne", "b"], ["anne"])
        (False, False)
    """
    if not some or not others:
        return True
    if len(some) != len(others):
        return False
    for a, b in zip(some, others, strict=True):
        a, b = a.rstrip("."), b.rstrip(".")
        if not (a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))):
            return False
    return True


def is_honorific(text: str) -> bool:
    """Whether a cell is a title written before a name ("Mr", "Mrs.", "Dr"), as in the
    "Title" column of a UK payroll: no job.

    Examples:
        >>> [is_honorific(t) for t in ("Mr", "Mrs.", "Dr", "CTO", "")]
        [True, True, True, False, False]
    """
    return text.strip().rstrip(".").casefold() in _TITLES
