"""The title of a slide that several small teams share: their managers, and how many more.

A deck's heading is one line: a title of five long names ("Chief Marketing Officer ·
Chief Product Officer · Chief Technical Officer and 2 m…") was cut in the middle of a
word. The title lists as many names as its line holds.
"""

from __future__ import annotations

from orgroles.render import words

__all__ = ["TITLE_CHARS", "names_shown"]

TITLE_CHARS = 64
"""The longest title of a shared slide that its heading shows whole on one line."""


def names_shown(names: list[str], lang: str) -> int:
    """How many of the names a shared slide's title lists before "and N more" (0: all of
    them): at most three, and as many as fit in `TITLE_CHARS` with that end, one at
    least.

    Examples:
        >>> names_shown(["CFO", "CTO", "COO"], "en"), names_shown(list("ABCDE"), "en")
        (0, 3)
        >>> chiefs = ["Chief Marketing Officer", "Chief Product Officer", "Chief Data Officer"]
        >>> names_shown(chiefs, "en")  # 68 characters: two, and one more
        2
    """
    if len(names) <= 4 and len(" \u00b7 ".join(names)) <= TITLE_CHARS:
        return 0
    shown = min(3, len(names) - 1)
    while shown > 1:
        more = words.word("and_more", lang).format(n=len(names) - shown)
        if len(" \u00b7 ".join(names[:shown]) + more) <= TITLE_CHARS:
            break
        shown -= 1
    return shown
