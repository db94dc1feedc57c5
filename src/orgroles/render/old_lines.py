"""Where a change chart's old lines meet the moved seats: on top, or from the side.

An old line (the dashed line from a moved seat's old manager) runs down from the old
manager, in the gap under its level, and then drops onto the top of the moved seat.
When another box stands above the seat in the way of that drop (the seat is low in a
stack of leaves, say), the line would run behind it: it goes down the gap beside the
seat instead (on the side towards the old manager, else the other one, if that gap is
free of boxes and of upright lines, such as a stack's spine) and enters the seat from
that side. The SVG chart (so PNG and PDF) draws what `old_line_ends()` says, and the
explorer finds the same. PowerPoint keeps its curved connectors glued to the seat's top
(which PowerPoint and LibreOffice route themselves): there an old line may still cross
a box.

Examples:
    >>> import orgroles
    >>> from orgroles.render.arrange import arrange
    >>> from orgroles.render.options import ChartOptions
    >>> from orgroles.render.plan import make_plan
    >>> old = orgroles.loads('''
    ... roles:
    ...   - {id: ceo}
    ...   - {id: cto, reports_to: ceo}
    ...   - {id: cpo, reports_to: ceo}
    ...   - {id: po1, reports_to: cpo}
    ...   - {id: po2, reports_to: cpo}
    ...   - {id: po3, reports_to: cpo}
    ...   - {id: po4, reports_to: cto}
    ...   - {id: dev, reports_to: cto}
    ... ''')
    >>> new = old.copy()
    >>> new.move("po4", "cpo")  # the CPO's leaves are stacked: po4 under po2
    >>> plan, chart = arrange(make_plan(new, ChartOptions(diff=old)), max_aspect=1.0)
    >>> [(plan.boxes[b].role, end.side) for (a, b), end in zip(plan.moves, old_line_ends(plan, chart))]
    [('po4', 'right')]
"""  # noqa: E501

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from typing import TYPE_CHECKING, Literal, NamedTuple

from orgroles.render import style

if TYPE_CHECKING:
    from orgroles.render.layout import Layout
    from orgroles.render.plan import Plan

__all__ = ["LOW", "OldLineEnd", "old_line_ends"]

LOW = round(style.VGAP * 0.3)
"""How far under the old manager's box an old line runs, in px."""


class OldLineEnd(NamedTuple):
    """Where an old line enters its moved seat: on `top`, or from the `left` or
    `right` side, coming down the gap at `x`."""

    side: Literal["top", "left", "right"]
    x: float


_TOP = OldLineEnd("top", 0.0)


def old_line_ends(plan: Plan, chart: Layout) -> list[OldLineEnd]:
    """How each of `plan.moves` enters its moved seat, in order (kept with the chart:
    found once however many pages or slides draw them)."""
    found: list[OldLineEnd] | None = chart.memo.get("old_line_ends")
    if found is None:
        found = chart.memo["old_line_ends"] = _ends(plan, chart)
    return found


def _ends(plan: Plan, chart: Layout) -> list[OldLineEnd]:
    if not plan.moves or plan.direction == "LR":
        return [_TOP] * len(plan.moves)
    bw = plan.box_width
    boxes = plan.boxes
    xs, ys = chart.x, chart.y
    columns: defaultdict[int, list[int]] = defaultdict(list)  # boxes by x // bw
    for k in range(len(boxes)):
        columns[int(xs[k] // bw)].append(k)
    uprights: defaultdict[int, list[tuple[float, float, float]]] = defaultdict(list)
    for wire in chart.wires:  # the upright pieces of the lines, by x // bw
        for (x, y), (x2, y2) in pairwise(wire):
            if x == x2 and y != y2:
                uprights[int(x // bw)].append((x, min(y, y2), max(y, y2)))

    def blocked(x: float, top: float, bottom: float, *skip: int) -> bool:
        """Whether a box other than `skip` meets the vertical line at `x` from `top` to
        `bottom` (a box's left edge is within one box width to the left of `x`)."""
        for column in (int(x // bw) - 1, int(x // bw)):
            for k in columns.get(column, ()):
                if k in skip:
                    continue
                if xs[k] <= x <= xs[k] + bw and ys[k] < bottom and ys[k] + boxes[k].height > top:
                    return True
        return False

    half_gap = style.HGAP / 2

    def wired(x: float, top: float, bottom: float) -> bool:
        """Whether an upright line of the chart runs in the gap at `x` (a stack's spine)."""
        for column in (int(x // bw) - 1, int(x // bw), int(x // bw) + 1):
            for ux, y0, y1 in uprights.get(column, ()):
                if abs(ux - x) < half_gap and y0 < bottom and y1 > top:
                    return True
        return False

    def free(end: OldLineEnd, top: float, bottom: float, *skip: int) -> bool:
        return not blocked(end.x, top, bottom, *skip) and not wired(end.x, top, bottom)

    ends: list[OldLineEnd] = []
    for a, b in plan.moves:
        run = ys[a] + boxes[a].height + LOW  # the level the line runs at
        drop = xs[b] + bw / 2
        if ys[b] <= run or not blocked(drop, run, ys[b], a, b):
            ends.append(_TOP)
            continue
        middle = ys[b] + boxes[b].height / 2
        left = OldLineEnd("left", xs[b] - half_gap)
        right = OldLineEnd("right", xs[b] + bw + half_gap)
        sides = (left, right) if xs[a] + bw / 2 <= drop else (right, left)
        ends.append(next((end for end in sides if free(end, run, middle, a, b)), _TOP))
    return ends
