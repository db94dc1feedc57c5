"""The order of a deck's slides: the slides of a chart's trees follow the order in which
its overview places them, each tree's in pre-order.

Examples:
    >>> from orgroles.render.shapes import Box, Plan
    >>> boxes = [Box(id=0, role="cfo", lines=()), Box(id=1, role="acc", lines=(), parent=0),
    ...          Box(id=2, role="cto", lines=()), Box(id=3, role="dev", lines=(), parent=2)]
    >>> boxes[0].children, boxes[2].children = [1], [3]
    >>> plan = Plan(title="", boxes=boxes, tops=[2, 0], clusters=[], dotted=[], notes=(),
    ...             box_width=100.0, lang="en", roles=4, shown=4)
    >>> [b.role for b in in_order(plan)]  # the CTO's tree placed first
    ['cto', 'dev', 'cfo', 'acc']
"""

from __future__ import annotations

from orgroles.render.shapes import Box, Plan

__all__ = ["in_order"]


def in_order(plan: Plan) -> list[Box]:
    """The boxes of `plan` tree by tree in the order of its tops (as the chart places
    them), each tree in pre-order."""
    rank = {t: k for k, t in enumerate(plan.tops)}
    top = [0] * len(plan.boxes)
    for box in plan.boxes:  # a manager comes before its reports
        top[box.id] = rank.get(box.id, top[box.parent] if box.parent >= 0 else 0)
    return sorted(plan.boxes, key=lambda box: (top[box.id], box.id))
