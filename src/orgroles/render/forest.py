"""The top that the explorer adds above a forest: one box over the trees of an org with
several top roles (or managers that are not in the file), which opens on its largest
trees and keeps the others behind one "+N smaller groups" box, a click away.

Examples:
    >>> import orgroles
    >>> from orgroles import Org, Role
    >>> from orgroles.render.plan import make_plan
    >>> roles = [Role(id="a", title="A")] + [Role(id=f"b{i}", title="B", reports_to="a")
    ...     for i in range(9)] + [Role(id=f"c{i}", title="C", reports_to="gone") for i in range(2)]
    >>> top = forest_top(make_plan(Org(name="Acme", roles=roles)), "Acme")
    >>> [line.text for line in top.lines], top.others
    (['Acme', '2 separate groups'], [])
"""

from __future__ import annotations

from typing import NamedTuple

from orgroles.render import style, words
from orgroles.render.plan import Line, Plan
from orgroles.render.shapes import tops_by_size

__all__ = ["SHOWN_AT_MOST", "ForestTop", "forest_top"]

SHOWN_AT_MOST = 5
"""The explorer opens on at most this many trees of a forest."""

_SHARE = 0.25  # a tree opens with the largest when it has this share of its boxes


class ForestTop(NamedTuple):
    """The added top's lines; the tops (box ids) of the trees it keeps behind one box at
    first, in the plan's order, and that box's lines."""

    lines: tuple[Line, ...]
    others: list[int]
    others_lines: tuple[Line, ...]


def forest_top(plan: Plan, name: str) -> ForestTop | None:
    """The top to add above the trees of `plan`, or None when it has one top (or none).

    The largest tree opens, with the trees at least a quarter of its size, five at most;
    the others are kept behind one box when they are two or more.
    """
    tops = plan.tops
    if len(tops) < 2:
        return None
    by_size, size = tops_by_size(plan)
    largest = size[by_size[0]]
    shown = {t for t in by_size[:SHOWN_AT_MOST] if size[t] >= _SHARE * largest}
    others = [t for t in tops if t not in shown]
    if len(others) < 2:
        others = []
    lang = plan.lang
    width = plan.box_width - 2 * style.PAD_X
    count = words.word("forest", lang).format(n=words.count(len(tops), lang))
    lines = _lines(name or "org", "title", width) + _lines(count, "more", width)
    hidden = sum(size[t] for t in others)
    label = words.word("smaller_groups", lang).format(
        n=words.count(len(others), lang), roles=words.count(hidden, lang)
    )
    return ForestTop(lines, others, _lines(label, "title", width))


def _lines(text: str, line_style: str, width: float) -> tuple[Line, ...]:
    return tuple(Line(line_style, t) for t in style.wrap(text, line_style, width))
