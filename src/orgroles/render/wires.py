"""The pieces of a chart that sit around one box: assistants beside their manager, and a
manager's stacked leaves in columns around vertical lines (spines), with their lines.

`orgroles.render.layout` places the boxes and blocks; these fill them in. Points
are whole pixels.
"""

from __future__ import annotations

import math

from orgroles.render import style
from orgroles.render.plan import Plan
from orgroles.render.shapes import Box

__all__ = [
    "Point",
    "assistant_sides",
    "column_height",
    "place_assistants",
    "place_stack",
    "spines",
]

Point = tuple[int, int]


def assistant_sides(box: Box) -> tuple[list[int], list[int]]:
    """The assistants of `box` on its left and on its right: one on the right; more in
    turn left and right (the first on the left), in two columns half as tall as one.

    Examples:
        >>> assistant_sides(Box(id=0, role="ceo", lines=(), assistants=[5]))
        ([], [5])
        >>> assistant_sides(Box(id=0, role="ceo", lines=(), assistants=[5, 6, 7]))
        ([5, 7], [6])
    """
    found = box.assistants
    if len(found) < 2:
        return [], list(found)
    return found[0::2], found[1::2]


def column_height(plan: Plan, column: list[int]) -> float:
    """The height of a column of assistants, one under the other."""
    boxes = plan.boxes
    return sum(boxes[a].height for a in column) + style.ROW_GAP * max(0, len(column) - 1)


def place_assistants(
    b: int, plan: Plan, bx: list[int], by: list[int], x0: int, y0: int
) -> list[list[Point]]:
    """Place the assistants of box `b` (at `x0`, `y0`) beside it (see
    `assistant_sides()`); return their connectors: a bar beside the box on each side,
    and a short line from it to each assistant."""
    boxes = plan.boxes
    bw = round(plan.box_width)
    gap = round(style.SIDE_GAP)
    box = boxes[b]
    mid = y0 + round(box.height / 2)
    wires: list[list[Point]] = []
    left, right = assistant_sides(box)
    for column, edge, bar, ax in (
        (left, x0, x0 - round(style.SIDE_GAP / 2), x0 - gap - bw),
        (right, x0 + bw, x0 + bw + round(style.SIDE_GAP / 2), x0 + bw + gap),
    ):
        if not column:
            continue
        near = ax + bw if ax < x0 else ax  # the assistant's side that faces the box
        y = y0
        first = last = mid
        for a in column:
            bx[a], by[a] = ax, y
            m = y + round(boxes[a].height / 2)
            wires.append([(bar, m), (near, m)])
            first, last = min(first, m), max(last, m)
            y += round(boxes[a].height + style.ROW_GAP)
        wires.append([(edge, mid), (bar, mid)])
        if first < last:  # the bar from the highest assistant's middle to the lowest's
            wires.append([(bar, first), (bar, last)])
    return wires


def spines(columns: int, bw: float) -> list[tuple[float, list[float]]]:
    """For a block of `columns` columns: each spine's x and its columns' lefts."""
    out = []
    step = 2 * bw + style.SPINE_GAP + style.PAIR_GAP
    for p in range(math.ceil(columns / 2)):
        left = p * step
        if 2 * p + 1 < columns:
            out.append((left + bw + style.SPINE_GAP / 2, [left, left + bw + style.SPINE_GAP]))
        else:  # an odd last column, its spine on its left
            out.append((left, [left + style.SPINE_GAP / 2]))
    return out


def place_stack(
    b: int, plan: Plan, bx: list[int], by: list[int], x0: int, y0: int
) -> list[list[Point]]:
    """Place the stacked leaves of box `b` in their block; return the spines and ticks."""
    boxes = plan.boxes
    box = boxes[b]
    bw = plan.box_width
    k = box.columns
    h = boxes[box.stack[0]].height
    found = spines(k, bw)
    lefts = [x for _, cols in found for x in cols]
    bottom = [y0] * len(found)
    wires: list[list[Point]] = []
    for j, s in enumerate(box.stack):
        row, col = divmod(j, k)
        x = x0 + round(lefts[col])
        y = y0 + round(row * (h + style.ROW_GAP))
        bx[s], by[s] = x, y
        p = col // 2
        spine = x0 + round(found[p][0])
        mid = y + round(h / 2)
        edge = x + round(bw) if x < spine else x
        wires.append([(spine, mid), (edge, mid)])
        bottom[p] = max(bottom[p], mid)
    for (sx, _), end in zip(found, bottom, strict=True):
        wires.append([(x0 + round(sx), y0), (x0 + round(sx), end)])
    return wires
