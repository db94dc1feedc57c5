"""Where text may be cut, and which characters take no room: by grapheme cluster.

A box's text is cut inside a word when the word alone is too wide, and cut short with an
ellipsis when it does not fit. A cut must not part a letter from the marks drawn on it
(a Thai vowel or tone mark, a Devanagari vowel sign, a decomposed Vietnamese accent), nor
the pieces of an emoji sequence: a mark alone at the start of a line is drawn on a dotted
circle, or not at all. `cluster_cut()` moves a cut back to the start of its cluster.

Nonspacing and enclosing marks take no room, whatever their combining class (Thai's
above and below vowels have class 0), and nor do format characters (joiners, direction
marks): `zero_width()`.

Examples:
    >>> word = "ที่บริหาร"  # Thai: TO THAHAN, SARA II and MAI EK stacked on it
    >>> cluster_cut(word, 1), cluster_cut(word, 2), cluster_cut(word, 3)
    (0, 0, 3)
    >>> cluster_cut("प्रिया", 3), cluster_cut("प्रिया", 4)  # प्रि is one conjunct: प ् र ि
    (0, 4)
    >>> cluster_end("प्रिया"), cluster_end("abc"), cluster_end("")
    (4, 1, 0)
    >>> zero_width("\\u0e35"), zero_width("\\u200d"), zero_width("a")
    (True, True, False)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["cluster_cut", "cluster_end", "zero_width"]

_ZWJ = "\u200d"
_VIRAMA = 9  # the combining class of a virama (halant): it joins the next consonant


@lru_cache(maxsize=4096)
def zero_width(char: str) -> bool:
    """Whether `char` takes no room of its own: a nonspacing or enclosing mark, or a
    format character."""
    return unicodedata.category(char) in ("Mn", "Me", "Cf")


@lru_cache(maxsize=4096)
def _joins_before(char: str) -> bool:
    """Whether `char` belongs to the cluster of the character before it."""
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == _ZWJ
        or (
            "\U0001f3fb" <= char <= "\U0001f3ff"  # skin tones
        )
    )


def cluster_cut(text: str, cut: int) -> int:
    """`cut` (a position in `text`), or the start of the cluster it falls inside: never
    before a mark, after a joiner or after a virama (a conjunct stays whole). May be 0."""
    while 0 < cut < len(text) and (
        _joins_before(text[cut])
        or text[cut - 1] == _ZWJ
        or unicodedata.combining(text[cut - 1]) == _VIRAMA
    ):
        cut -= 1
    return cut


def cluster_end(text: str) -> int:
    """The length of the first cluster of `text` (0 for empty text)."""
    end = 1
    while end < len(text) and cluster_cut(text, end) != end:
        end += 1
    return min(end, len(text))
