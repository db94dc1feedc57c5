"""The pieces of a chart that sit around one box: assistants beside their manager, and a
manager's stacked leaves in columns around vertical lines (spines), with their lines.

`orgroles.render.layout` places the boxes and blocks; these fill them in. Points
are whole pixels.
"""

from __future__ import annotations

import math

from orgroles.render import style
from orgroles.render.plan import Plan

__all__ = ["Point", "place_assistants", "place_stack", "spines"]

Point = tuple[int, int]


def place_assistants(
    b: int, plan: Plan, bx: list[int], by: list[int], x0: int, y0: int
) -> list[list[Point]]:
    """Place the assistants of box `b` to its right; return their connectors."""
    boxes = plan.boxes
    bw = round(plan.box_width)
    box = boxes[b]
    ax = x0 + bw + round(style.SIDE_GAP)
    bar = x0 + bw + round(style.SIDE_GAP / 2)
    mid = y0 + round(box.height / 2)
    y = y0
    wires: list[list[Point]] = []
    first = last = mid
    for a in box.assistants:
        bx[a], by[a] = ax, y
        m = y + round(boxes[a].height / 2)
        wires.append([(bar, m), (ax, m)])
        first, last = min(first, m), max(last, m)
        y += round(boxes[a].height + style.ROW_GAP)
    wires.append([(x0 + bw, mid), (bar, mid)])
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
