"""How a change chart's old lines go: down, across, and onto a moved seat or into its side.

An old line (the dashed line from a moved seat's old manager) goes down from the old
manager, across just under the band of its level (`LOW` under the lowest box that
starts in that band: its tallest box, a column of assistants, a stack of leaves; down to
the next level, nothing is drawn there), and down onto the top of the moved seat, its
corners rounded like those of the chart's own lines. When another box stands
above the seat in the way of that drop (the seat is low in a stack of leaves, say), it
goes down the gap beside the seat instead (on the side towards the old manager, else the
other one, if that gap is free of boxes and of upright lines, such as a stack's spine)
and enters the seat from that side. The SVG chart (so PNG and PDF) and
PowerPoint (as a freeform shape) draw `old_line_route()` of `old_line_ends()`, and the
explorer finds the same. An old line up or across to its seat whose ways (below) are
blocked, and every line of a chart drawn left to right, stays a curve, which may cross a
box (`drawn_down()` says whether a line goes down to a lower box).

A dotted line from a dotted manager above its report goes the same way
(`dotted_line_ends()`): straight down, it ran behind the boxes between them (a VP's
dotted line to the CEO, behind the CTO's box) and along the solid lines. A line between
boxes side by side (a matrix's dotted lines, from peer to peer) runs under their level,
from bottom to bottom (`under`), or over their tops when a stack of leaves is in the way
(`above`); it stays a curve when both ways are blocked. A line up to a higher box (a
dotted manager in a lower row of a forest) leaves its top, runs across over it and goes up
into the higher box's bottom, when that way is free; else it is a curve.

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

from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import pairwise
from typing import TYPE_CHECKING, Literal, NamedTuple

from orgroles.render import style
from orgroles.render.detour import MARGIN as DETOUR_MARGIN
from orgroles.render.detour import detour

if TYPE_CHECKING:
    from collections.abc import Sequence

    from orgroles.render.layout import Layout
    from orgroles.render.plan import Plan

__all__ = [
    "LOW",
    "Corner",
    "OldLineEnd",
    "dotted_line_ends",
    "drawn_down",
    "old_line_ends",
    "old_line_route",
    "rounded_corners",
    "rounded_path",
]

LOW = round(style.VGAP * 0.3)
"""How far under the old manager's box an old line runs, in px."""


class OldLineEnd(NamedTuple):
    """How an old line goes: down at `exit_x` out of the old manager's `bottom`, or out
    of its `left` or `right` side and down the gap at `exit_x` (when a box stands right
    under it: its assistants, the next box of its stack); across at the level `run`
    (under the band of the old manager's level); then down at `x` onto its moved seat's
    `top`, or down the gap at `x` into its `left` or `right` side. `over`: out of the
    bottom and onto the top, over a box in the way, when no gap is free (a rare shape).
    `under`: between boxes side by side, down out of one's bottom at `exit_x`, across at
    `run` (under both their levels) and up into the other's bottom at `x`; `above`: the
    same over their tops, when a box is in the way under them (a stack of leaves);
    `path`: the corners of a `detour()` round the boxes (`route`), where the others would
    be a curve or go `over` a box; `curve`: a curve, not a route (no way round found).
    A line leaves a bottom and enters a top a quarter of a box off its middle."""

    side: Literal["top", "left", "right", "over", "under", "above", "curve", "path"]
    x: float
    run: float
    exit: Literal["bottom", "left", "right", "top"] = "bottom"
    exit_x: float = 0.0
    route: tuple[tuple[float, float], ...] = ()


def old_line_ends(plan: Plan, chart: Layout) -> list[OldLineEnd]:
    """How each of `plan.moves` enters its moved seat, in order (kept with the chart:
    found once however many pages or slides draw them)."""
    found: list[OldLineEnd] | None = chart.memo.get("old_line_ends")
    if found is None:
        found = chart.memo["old_line_ends"] = _ends(plan, chart, plan.moves)
    return found


def dotted_line_ends(plan: Plan, chart: Layout) -> list[OldLineEnd]:
    """How each of `plan.dotted` enters its report's box, in order: a dotted line from a
    dotted manager above goes the way an old line goes (down, across, onto the box or
    into its side), and one between boxes side by side under or over their level, not
    straight across the boxes between them."""
    found: list[OldLineEnd] | None = chart.memo.get("dotted_line_ends")
    if found is None:
        found = chart.memo["dotted_line_ends"] = _ends(plan, chart, plan.dotted)
    return found


def _ends(plan: Plan, chart: Layout, pairs: Sequence[tuple[int, int]]) -> list[OldLineEnd]:
    if not pairs or plan.direction == "LR":
        return _detoured(plan, chart, pairs, [OldLineEnd("curve", 0.0, 0.0) for _ in pairs])
    return _detoured(plan, chart, pairs, _simple_ends(plan, chart, pairs))


def _detoured(
    plan: Plan, chart: Layout, pairs: Sequence[tuple[int, int]], ends: list[OldLineEnd]
) -> list[OldLineEnd]:
    """The ends, each curve (or route `over` a box) replaced by a `detour()` round the
    boxes where one is found, off the solid lines and the detours before it."""
    if not any(end.side in ("curve", "over") for end in ends):
        return ends
    bw = round(plan.box_width)
    rects = [(chart.x[k], chart.y[k], bw, round(box.height)) for k, box in enumerate(plan.boxes)]
    along: list[Sequence[tuple[float, float]]] = list(chart.wires)
    sideways = plan.direction == "LR"
    # The routes stay on the chart, above its legend: round the outside of the boxes,
    # they ran off the image (a matrix's lines, 165 px below its bottom) or across the
    # legend's words.
    bottom = min((y for _, y in chart.legend), default=chart.height) - DETOUR_MARGIN
    bounds = (DETOUR_MARGIN, DETOUR_MARGIN, chart.width - 2 * DETOUR_MARGIN, bottom - DETOUR_MARGIN)
    for k, ((a, b), end) in enumerate(zip(pairs, ends, strict=True)):
        route = (
            detour(rects, a, b, along, sideways=sideways, bounds=bounds)
            if end.side in ("curve", "over")
            else None
        )
        if route is not None:
            ends[k] = OldLineEnd("path", 0.0, 0.0, route=tuple(route))
            along.append(route)
    return ends


def _simple_ends(plan: Plan, chart: Layout, pairs: Sequence[tuple[int, int]]) -> list[OldLineEnd]:
    boxes = plan.boxes
    bw = plan.box_width
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

    def gap_free(x: float, top: float, bottom: float, *skip: int) -> bool:
        """Whether the gap at `x` is free from `top` to `bottom`: no box, no upright line."""
        return not blocked(x, top, bottom, *skip) and not wired(x, top, bottom)

    # The bands of the chart: from each level's top (of every row of a forest) to the next.
    # The boxes that start on a level's top (a level's row; the first box of a stack or a
    # column of assistants) give each band its bottom; the others (the lower rows of a
    # stack, the assistants below the first) may reach lower, even past the next level's
    # top, and a line across is checked against those in its way.
    tops = sorted({top for row in chart.levels for top in row})
    band_bottom: dict[int, float] = {}
    lower: list[tuple[float, int]] = []  # (left, box) of the others, by left
    in_band: dict[int, list[tuple[float, int]]] = {}  # (left, box) of each band's, by left
    for k in range(len(boxes)):
        band = bisect_right(tops, ys[k]) - 1
        if band >= 0 and ys[k] == tops[band]:
            band_bottom[band] = max(band_bottom.get(band, 0), ys[k] + round(boxes[k].height))
            in_band.setdefault(band, []).append((xs[k], k))
        else:
            lower.append((xs[k], k))
    lower.sort()
    lefts = [x for x, _ in lower]
    for row in in_band.values():
        row.sort()
    band_lefts = {band: [x for x, _ in row] for band, row in in_band.items()}

    def run_level(a: int) -> float:
        """The level an old line from `a` runs across at: `LOW` under `a`, and under the
        boxes of the level whose band that is (`a` may be a lower box, deeper)."""
        run: float = ys[a] + round(boxes[a].height) + LOW
        for _ in range(len(tops)):
            band = bisect_right(tops, run) - 1
            bottom = band_bottom.get(band, 0.0) if band >= 0 else 0.0
            if bottom + LOW <= run:
                break
            run = bottom + LOW
        return run

    def meets_none(
        run: float,
        x1: float,
        x2: float,
        row: list[tuple[float, int]],
        at: list[float],
        skip: tuple[int, ...],
    ) -> bool:
        """Whether the line across at `run` from `x1` to `x2` meets none of the boxes of
        `row` ((left, box) by left; `at`: their lefts)."""
        lo, hi = min(x1, x2), max(x1, x2)
        for j in range(bisect_left(at, lo - bw), bisect_right(at, hi)):
            k = row[j][1]
            meets = xs[k] < hi and xs[k] + bw > lo and ys[k] < run < ys[k] + boxes[k].height + 2
            if meets and k not in skip:
                return False
        return True

    def across_free(run: float, x1: float, x2: float, *skip: int) -> bool:
        """Whether the line across at `run` from `x1` to `x2` meets none of the lower
        boxes (a level's boxes are above it: `run` is under their band)."""
        return meets_none(run, x1, x2, lower, lefts, skip)

    def clear_across(run: float, x1: float, x2: float, *skip: int) -> bool:
        """Whether the line across at `run` from `x1` to `x2` meets no box at all: for a
        run that is not under a level's band (right under a box, or by its tops), where a
        taller box of the level may reach it. Of a level's boxes, only those of the band
        that `run` is in can (the others end above it, or start below)."""
        band = bisect_right(tops, run) - 1
        row = in_band.get(band, [])
        return across_free(run, x1, x2, *skip) and meets_none(
            run, x1, x2, row, band_lefts.get(band, []), skip
        )

    # A line leaves its upper box and enters its lower one a quarter of a box off their
    # middles (on the side it goes to and comes from), off their own solid lines there.
    aside = round(bw / 4)

    def drop_x(a: int, b: int) -> float:
        """Where a line from `a` comes down onto the top of `b`."""
        return xs[b] + bw / 2 + (-aside if xs[a] < xs[b] else aside)

    def entry(
        a: int, b: int, run: float, exit: Literal["bottom", "left", "right"], ex: float, ey: float
    ) -> OldLineEnd | None:
        """The way into `b` of a line that leaves `a` at `exit` (down at `ex` from `ey`)
        and runs across at `run`: onto its top, else into a side; None when the way out
        is blocked too."""
        drop = drop_x(a, b)
        top = OldLineEnd("top", drop, run, exit, ex)
        if exit == "bottom" and ey < ys[b] <= ey + LOW:  # right under it (a stack's row)
            close = top._replace(run=(ey + ys[b]) / 2)  # not under the band: any box counts
            return close if clear_across(close.run, ex, drop, a, b) else None
        if ys[b] <= run:  # no level to run at above the seat
            return None
        # The way down from the old manager to `run` (its own line down starts where the
        # line out of its bottom does: only a box counts there).
        if blocked(ex, ey, run, a, b) if exit == "bottom" else not gap_free(ex, ey, run, a, b):
            return None
        if across_free(run, ex, drop, a, b) and not blocked(drop, run, ys[b], a, b):
            return top
        middle = ys[b] + boxes[b].height / 2
        sides: list[tuple[Literal["left", "right"], float]] = [
            ("left", xs[b] - half_gap),
            ("right", xs[b] + bw + half_gap),
        ]
        if ex > drop:  # the side towards the old manager first
            sides.reverse()
        for side, gap_x in sides:
            end = OldLineEnd(side, gap_x, run, exit, ex)
            if across_free(run, ex, gap_x, a, b) and gap_free(gap_x, run, middle, a, b):
                return end
        return None

    def beneath(a: int, b: int, x1: float, y1: float) -> OldLineEnd:
        """The way between boxes side by side: under both their levels, from bottom to
        bottom, else over their tops; of a lower one up to a higher, over its top and up
        into the other's bottom; a curve when something is in the way."""
        y2 = ys[b] + round(boxes[b].height)
        x2 = drop_x(a, b)
        if y2 <= ys[a]:  # up to a box above: over a's top, across, up into b's bottom
            up: float = ys[a] - LOW // 2
            if (
                y2 < up
                and not blocked(x1, up, ys[a], a, b)
                and not blocked(x2, y2, up, a, b)
                and clear_across(up, x1, x2, a, b)
            ):
                return OldLineEnd("under", x2, up, "top", x1)
            return OldLineEnd("curve", 0.0, 0.0)
        run = max(run_level(a), run_level(b))
        if (
            not blocked(x1, y1, run, a, b)
            and not blocked(x2, y2, run, a, b)
            and clear_across(run, x1, x2, a, b)
        ):
            return OldLineEnd("under", x2, run, "bottom", x1)
        run = min(ys[a], ys[b]) - LOW // 2  # over their tops, well under the bus above
        if (
            not blocked(x1, run, ys[a], a, b)
            and not blocked(x2, run, ys[b], a, b)
            and clear_across(run, x1, x2, a, b)
        ):
            return OldLineEnd("above", x2, run, "top", x1)
        return OldLineEnd("curve", 0.0, 0.0)

    placed: list[tuple[float, float, float]] = []  # (run, left, right) of the routes so far

    def apart(a: int, b: int, end: OldLineEnd) -> OldLineEnd:
        """The route moved off the run of a route placed before it that it would lie
        along (two dashed lines on one run read as a solid one): up 3 px a step, at most
        twice (away from the lines of the level below, which run lower), while the way
        across stays free."""
        if end.side == "curve":
            return end
        lo, hi = min(end.exit_x, end.x), max(end.exit_x, end.x)
        step = -3
        run = end.run
        for _ in range(2):
            if not any(abs(r - run) < 2 and left < hi and lo < right for r, left, right in placed):
                break
            if not clear_across(run + step, lo, hi, a, b):
                break
            run += step
        placed.append((run, lo, hi))
        return end._replace(run=run)

    ends: list[OldLineEnd] = []
    for a, b in pairs:
        x1 = xs[a] + bw / 2 + (aside if xs[b] > xs[a] else -aside)
        y1 = ys[a] + round(boxes[a].height)
        if y1 > ys[b]:  # not down to a lower box
            ends.append(apart(a, b, beneath(a, b, x1, y1)))
            continue
        run = run_level(a)
        found = entry(a, b, run, "bottom", x1, y1)
        if found is None:  # a box right under the old manager: out of a side
            mid = ys[a] + boxes[a].height / 2
            exits: list[tuple[Literal["left", "right"], float]] = [
                ("left", xs[a] - half_gap),
                ("right", xs[a] + bw + half_gap),
            ]
            if xs[b] > xs[a]:  # the side towards the seat first
                exits.reverse()
            for exit, ex in exits:
                found = entry(a, b, run, exit, ex, mid)
                if found is not None:
                    break
        if found is None:  # over what is in the way, under the band, or just under it
            if run >= ys[b]:
                run = min(y1 + LOW, (y1 + ys[b]) / 2) if ys[b] > y1 else y1 + LOW
            found = OldLineEnd("over", drop_x(a, b), run, "bottom", x1)
        ends.append(apart(a, b, found))
    return ends


def old_line_route(
    plan: Plan, chart: Layout, a: int, b: int, end: OldLineEnd
) -> list[tuple[float, float]]:
    """The corners of the old line from `a` down to `b`: down from the old manager to the
    level `end.run`, across, and down onto the seat's top or the gap beside it, then into
    its side."""
    if end.side == "path":
        return list(end.route)
    bw = round(plan.box_width)
    run = round(end.run)
    if end.exit in ("bottom", "top"):
        x1 = round(end.exit_x)
        y1 = chart.y[a] + (round(plan.boxes[a].height) if end.exit == "bottom" else 0)
        out = [(x1, y1), (x1, run)]
    else:
        ex, mid = round(end.exit_x), chart.y[a] + round(plan.boxes[a].height) // 2
        edge = chart.x[a] if end.exit == "left" else chart.x[a] + bw
        out = [(edge, mid), (ex, mid), (ex, run)]
    if end.side in ("top", "over", "above"):
        x2 = round(end.x)
        return [*out, (x2, run), (x2, chart.y[b])]
    if end.side == "under":  # up into the bottom of a box beside
        x2 = round(end.x)
        return [*out, (x2, run), (x2, chart.y[b] + round(plan.boxes[b].height))]
    gx = round(end.x)
    side = chart.x[b] if end.side == "left" else chart.x[b] + bw
    middle = chart.y[b] + round(plan.boxes[b].height) // 2
    return [*out, (gx, run), (gx, middle), (side, middle)]


def drawn_down(plan: Plan, chart: Layout, a: int, b: int) -> bool:
    """Whether the old line from `a` to `b` is drawn down along `old_line_route()`: the
    seat is lower than the old manager's box, levels top to bottom. The others (up or
    across to their seat: a forest's rows, charts drawn left to right) are routed when
    their way is free (`OldLineEnd.side`), else curves."""
    return plan.direction != "LR" and chart.y[a] + round(plan.boxes[a].height) <= chart.y[b]


Corner = tuple[tuple[float, float], tuple[float, float], tuple[float, float]]
"""A rounded corner: where the straight piece before it ends, the corner (the control
point of a quadratic curve), and where the piece after it starts."""


def rounded_corners(
    points: list[tuple[float, float]], radius: float = style.HGAP / 2
) -> tuple[tuple[float, float], list[Corner], tuple[float, float]]:
    """The first point, the rounded corners and the last point of an orthogonal route
    (repeated points and points in the middle of a straight piece left out): a line to
    each corner's first point, a curve through it, and a line to the end draw it.

    Examples:
        >>> first, corners, last = rounded_corners([(0, 0), (0, 20), (50, 20), (50, 60)])
        >>> first, last
        ((0, 0), (50, 60))
        >>> corners[0]  # down to 12, round the corner at (0, 20), on from 8
        ((0.0, 12.0), (0, 20), (8.0, 20.0))
    """
    kept = [points[0]]
    for p in points[1:]:
        if p != kept[-1]:
            kept.append(p)
    corners = [kept[0]]
    for k in range(1, len(kept) - 1):  # drop points in the middle of a straight piece
        (ax, ay), (bx, by), (cx, cy) = corners[-1], kept[k], kept[k + 1]
        if not ((ax == bx == cx) or (ay == by == cy)):
            corners.append(kept[k])
    corners.append(kept[-1])
    rounded: list[Corner] = []
    for k in range(1, len(corners) - 1):
        (px, py), (cx, cy), (nx, ny) = corners[k - 1], corners[k], corners[k + 1]
        r = min(radius, abs(cx - px + cy - py) / 2, abs(nx - cx + ny - cy) / 2)
        before = (cx - r * _sign(cx - px), cy - r * _sign(cy - py))
        after = (cx + r * _sign(nx - cx), cy + r * _sign(ny - cy))
        rounded.append((before, (cx, cy), after))
    return corners[0], rounded, corners[-1]


def rounded_path(points: list[tuple[float, float]], radius: float = style.HGAP / 2) -> str:
    """SVG path data for an orthogonal route, its corners rounded (`rounded_corners()`).

    Examples:
        >>> rounded_path([(0, 0), (0, 20), (50, 20), (50, 60)])
        'M0 0L0 12Q0 20 8 20L42 20Q50 20 50 28L50 60'
        >>> rounded_path([(0, 0), (0, 20), (0, 20), (0, 60)])  # straight down
        'M0 0L0 60'
    """

    def num(v: float) -> str:
        return f"{v:g}"

    first, corners, last = rounded_corners(points, radius)
    out = [f"M{num(first[0])} {num(first[1])}"]
    for (ix, iy), (cx, cy), (ox, oy) in corners:
        out.append(f"L{num(ix)} {num(iy)}Q{num(cx)} {num(cy)} {num(ox)} {num(oy)}")
    out.append(f"L{num(last[0])} {num(last[1])}")
    return "".join(out)


def _sign(v: float) -> int:
    return (v > 0) - (v < 0)
