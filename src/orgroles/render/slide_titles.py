"""The title of a slide that several small teams share: their managers, and how many more;
and the chain of managers of a slide's subtitle.

A deck's heading is one line: a title of five long names ("Chief Marketing Officer ·
Chief Product Officer · Chief Technical Officer and 2 m…") was cut in the middle of a
word. The title lists as many names as its line holds. A subtitle's chain of managers
too long for its line loses the farthest managers, not the nearest: a bank's chain of
long titles ended "> Divisional Di…", without the manager the slide hangs from.
"""

from __future__ import annotations

from orgroles.render import style, words

__all__ = ["TITLE_CHARS", "chain_shown", "names_shown"]

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


def chain_shown(path: list[str], separator: str, room: float) -> str:
    """A subtitle's chain of managers, the org's name first, on one line of `room` px:
    of a deep chain the nearest three after an ellipsis, and fewer of them (the nearest
    one at least) when their titles are too long for the line.

    Examples:
        >>> chain = ["Bank", "Group Chief Executive", "Chief Executive, Retail Banking",
        ...          "Managing Director, Branch Network", "Divisional Director"]
        >>> chain_shown(chain, " > ", 1000)
        'Bank > Group Chief Executive > Chief Executive, Retail Banking > Managing Director, Branch Network > Divisional Director'
        >>> chain_shown(chain, " > ", 400)
        'Bank > … > Managing Director, Branch Network > Divisional Director'
    """  # noqa: E501
    if not path:
        return ""
    near = path[-3:] if len(path) > 5 else path[1:]
    cut = len(path) > 5

    def line() -> str:
        return separator.join([path[0], "\u2026", *near] if cut else [path[0], *near])

    while len(near) > 1 and style.measure(line(), "note") > room:
        near, cut = near[1:], True
    return line()
