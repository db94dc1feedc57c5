"""Orthogonal routes round the boxes, for the dotted and old lines no simple way fits.

`old_lines` sends a dotted line (or a change chart's old line) down, across and onto its
box when that way is free; the others (up to a higher box, across to a box of another
branch, in a chart drawn left to right, or with boxes in every simple way) were curves
or went "over", behind the boxes in their way: the line vanished under a box and seemed
to end at the wrong one. `detour()` finds them a route of upright and level pieces
through the gaps between boxes, as the solid lines go: a shortest path on the grid of
the gaps' middles (and of lines just off each box's edges), which pays for each bend
and for running along a solid line, out of a side of one box and into a side of the
other, and meets no box on its way, but for a rare chart where no such way exists
(then None: the caller keeps its curve).

Examples:
    >>> boxes = [(0, 0, 100, 40), (120, 0, 100, 40), (240, 0, 100, 40)]
    >>> route = detour(boxes, 0, 2)  # from the first box to the third, the second between
    >>> route[0], route[-1]
    ((75, 0), (265, 0))
    >>> crosses(route, boxes[1])
    False
"""

from __future__ import annotations

import heapq
import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from orgroles.render import style

__all__ = ["BEND", "MARGIN", "Rect", "crosses", "detour"]

Rect = tuple[float, float, float, float]
"""A box: x, y, width, height."""

Point = tuple[float, float]

MARGIN = 4.0
"""How near a route comes to a box it passes (under half the gap between two boxes)."""

BEND = 40.0
"""What a bend costs, in px of length: a route with fewer bends reads better."""

_ALONG = 4.0  # what a px along a solid line (or another route) costs, above its length
_MAX_NODES = 60_000  # a grid larger than this is not searched (the caller keeps a curve)
_STEPS = ((1, 0), (-1, 0), (0, 1), (0, -1))


def crosses(route: Sequence[Point], rect: Rect, margin: float = 0.0) -> bool:
    """Whether a route of upright and level pieces passes through `rect`'s inside
    (`margin` in from its edges; touching an edge does not count).

    Examples:
        >>> crosses([(0, 50), (200, 50)], (50, 0, 100, 100))
        True
        >>> crosses([(0, 0), (0, 100), (50, 100)], (50, 0, 100, 100))
        False
    """
    x, y, w, h = rect
    left, top, right, bottom = x + margin, y + margin, x + w - margin, y + h - margin
    for (x1, y1), (x2, y2) in itertools.pairwise(route):
        lo_x, hi_x, lo_y, hi_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
        if lo_x < right and hi_x > left and lo_y < bottom and hi_y > top:
            return True
    return False


def detour(
    rects: Sequence[Rect],
    a: int,
    b: int,
    along: Sequence[Sequence[Point]] = (),
    *,
    sideways: bool = False,
    bounds: Rect | None = None,
) -> list[Point] | None:
    """The corners of a route from box `a` to box `b` of `rects` that meets no other box
    (nor goes through its own two), leaving and entering a side a quarter of a box off
    its middle (towards the other box), off the solid lines there, or None when
    there is none. `along`: solid lines (and routes found before) that a route should
    not run along. `sideways`: out of a side and into a side only (levels left to right,
    as the solid lines go). `bounds` (x, y, width, height): where the route must stay,
    the chart's own area above its legend; a route round the chart's outside ran off the
    image or through the legend.

    Examples:
        >>> boxes = [(0, 0, 100, 40), (120, 0, 100, 40), (240, 0, 100, 40)]
        >>> detour(boxes, 0, 2)  # over the box between
        [(75, 0), (75, -5), (265, -5), (265, 0)]
        >>> detour(boxes, 0, 2, bounds=(-10, 0, 360, 70))  # under it, in the bounds
        [(75, 40), (75, 46.0), (265, 46.0), (265, 40)]
    """
    ax, ay, aw, ah = rects[a]
    bx, by, bw, bh = rects[b]
    left, top = min(ax, bx), min(ay, by)
    right, bottom = max(ax + aw, bx + bw), max(ay + ah, by + bh)
    pad = 1.5 * max(aw, bw) + style.VGAP
    every = list(rects)
    far = (
        min(x for x, _, _, _ in every) - 2 * style.HGAP,
        min(y for _, y, _, _ in every) - 2 * style.HGAP,
        max(x + w for x, _, w, _ in every) + 2 * style.HGAP,
        max(y + h for _, y, _, h in every) + 2 * style.HGAP,
    )
    windows = [(left - pad, top - pad, right + pad, bottom + pad), far]
    if bounds is not None:
        bx0, by0, bx1, by1 = bounds[0], bounds[1], bounds[0] + bounds[2], bounds[1] + bounds[3]
        windows = [
            (max(wl, bx0), max(wt, by0), min(wr, bx1), min(wb, by1)) for wl, wt, wr, wb in windows
        ]
    for window in windows:
        found = _search(rects, a, b, along, window, sideways)
        if found is not None:
            return found
    return None


def _ports(rect: Rect, toward: Rect) -> list[tuple[Point, tuple[int, int]]]:
    """Where a route may leave (or enter) a box, and which way it goes out."""
    x, y, w, h = rect
    aside = w / 4 if toward[0] > x else -w / 4
    cx = round(x + w / 2 + aside)  # off the middles, where the solid lines are
    cy = round(y + h / 2 + (h / 4 if toward[1] > y else -h / 4))
    return [
        ((cx, y + h), (0, 1)),
        ((cx, y), (0, -1)),
        ((x + w, cy), (1, 0)),
        ((x, cy), (-1, 0)),
    ]


def _search(
    rects: Sequence[Rect],
    a: int,
    b: int,
    along: Sequence[Sequence[Point]],
    window: tuple[float, float, float, float],
    sideways: bool,
) -> list[Point] | None:
    wl, wt, wr, wb = window
    near = [
        k for k, (x, y, w, h) in enumerate(rects) if x < wr and x + w > wl and y < wb and y + h > wt
    ]
    half = style.HGAP / 2
    low = round(style.VGAP * 0.3)
    xs: set[float] = {wl, wr}
    ys: set[float] = {wt, wb}
    for k in near:
        x, y, w, h = rects[k]
        xs.update((x - half, x + w + half, x - MARGIN - 2, x + w + MARGIN + 2))
        ys.update((y - low // 2, y + h + low, y - MARGIN - 2, y + h + MARGIN + 2))
    starts = _ports(rects[a], rects[b])[2 if sideways else 0 :]
    goals = _ports(rects[b], rects[a])[2 if sideways else 0 :]
    for (px, py), _ in (*starts, *goals):
        xs.add(px)
        ys.add(py)
    gx = sorted(v for v in xs if wl <= v <= wr)
    gy = sorted(v for v in ys if wt <= v <= wb)
    if len(gx) * len(gy) > _MAX_NODES:
        return None
    walls = [(rects[k][0] - MARGIN, rects[k][1] - MARGIN, k) for k in near]
    nx, ny = len(gx), len(gy)
    across = [bytearray(nx) for _ in range(ny)]  # across[j][i]: from gx[i] to gx[i + 1]
    down = [bytearray(ny) for _ in range(nx)]  # down[i][j]: from gy[j] to gy[j + 1]
    inside = [bytearray(nx) for _ in range(ny)]  # the node is inside a box's margin
    for lf, t, k in walls:
        r, bt = lf + rects[k][2] + 2 * MARGIN, t + rects[k][3] + 2 * MARGIN
        i0, i1 = bisect_right(gx, lf), bisect_left(gx, r)
        j0, j1 = bisect_right(gy, t), bisect_left(gy, bt)
        for j in range(j0, j1):
            across[j][max(i0 - 1, 0) : i1] = b"\x01" * (i1 - max(i0 - 1, 0))
            inside[j][i0:i1] = b"\x01" * (i1 - i0)
        for i in range(i0, i1):
            down[i][max(j0 - 1, 0) : j1] = b"\x01" * (j1 - max(j0 - 1, 0))
    extra: dict[tuple[int, int, int], float] = {}  # (0 across / 1 down, line, step): cost
    for line in along:
        for (x1, y1), (x2, y2) in itertools.pairwise(line):
            if y1 == y2:
                _share(extra, 0, gy, gx, y1, min(x1, x2), max(x1, x2))
            elif x1 == x2:
                _share(extra, 1, gx, gy, x1, min(y1, y2), max(y1, y2))

    def stub(port: Point, out: tuple[int, int]) -> tuple[int, int] | None:
        """The first grid node out of a port, past the margin of its box."""
        (px, py), (dx, dy) = port, out
        if dx:
            i = bisect_right(gx, px + MARGIN) if dx > 0 else bisect_left(gx, px - MARGIN) - 1
            j = gy.index(py)
        else:
            j = bisect_right(gy, py + MARGIN) if dy > 0 else bisect_left(gy, py - MARGIN) - 1
            i = gx.index(px)
        if not (0 <= i < len(gx) and 0 <= j < len(gy)):
            return None
        x2, y2 = gx[i], gy[j]
        piece = [(px, py), (x2, y2)]
        if inside[j][i] or any(crosses(piece, rects[k], -MARGIN) for k in near if k not in (a, b)):
            return None
        return i, j

    State = tuple[int, int, int]  # i, j, step
    best: dict[State, float] = {}
    came: dict[State, State | None] = {}
    first: dict[State, Point] = {}
    heap: list[tuple[float, float, State]] = []  # (cost and the least left, cost, state)
    ends: dict[tuple[int, int], list[tuple[Point, int]]] = {}
    for port, out in goals:
        node = stub(port, out)
        if node is not None:  # arriving there going in: the opposite of out
            ends.setdefault(node, []).append((port, _STEPS.index((-out[0], -out[1]))))
    if not ends:
        return None
    targets = [(gx[i], gy[j]) for i, j in ends]

    def least(i: int, j: int) -> float:  # a bound on what is left: A* search
        return min(abs(gx[i] - x) + abs(gy[j] - y) for x, y in targets)

    for port, out in starts:
        node = stub(port, out)
        if node is None:
            continue
        state = (*node, _STEPS.index(out))
        cost = abs(gx[node[0]] - port[0]) + abs(gy[node[1]] - port[1])
        if cost < best.get(state, float("inf")):
            best[state], came[state], first[state] = cost, None, port
            heapq.heappush(heap, (cost + least(*node), cost, state))
    done: tuple[float, State, Point] | None = None
    while heap:
        bound, cost, state = heapq.heappop(heap)
        if cost > best.get(state, float("inf")):
            continue
        if done is not None and bound >= done[0]:
            break
        i, j, s = state
        for port, inward in ends.get((i, j), ()):
            total = cost + abs(gx[i] - port[0]) + abs(gy[j] - port[1])
            back = _STEPS[s] == (-_STEPS[inward][0], -_STEPS[inward][1])
            total += 0 if s == inward else BEND * (2 if back else 1)
            if done is None or total < done[0]:
                done = (total, state, port)
        for t, (dx, dy) in enumerate(_STEPS):
            if (dx, dy) == (-_STEPS[s][0], -_STEPS[s][1]):
                continue
            ni, nj = i + dx, j + dy
            if not (0 <= ni < nx and 0 <= nj < ny):
                continue
            if dy == 0:
                key = (0, j, min(i, ni))
                if across[j][key[2]] or inside[nj][ni]:
                    continue
            else:
                key = (1, i, min(j, nj))
                if down[i][key[2]] or inside[nj][ni]:
                    continue
            step = abs(gx[ni] - gx[i]) + abs(gy[nj] - gy[j]) + _ALONG * extra.get(key, 0.0)
            new = cost + step + (BEND if t != s else 0)
            nxt = (ni, nj, t)
            if new < best.get(nxt, float("inf")):
                best[nxt], came[nxt] = new, state
                heapq.heappush(heap, (new + least(ni, nj), new, nxt))
    if done is None:
        return None
    _, state, port = done
    points: list[Point] = [port]
    at: State | None = state
    last = state
    while at is not None:
        points.append((gx[at[0]], gy[at[1]]))
        last = at
        at = came[at]
    points.append(first[last])
    points.reverse()
    return _corners(points)


def _share(
    extra: dict[tuple[int, int, int], float],
    way: int,
    lines: list[float],
    steps: list[float],
    at: float,
    lo: float,
    hi: float,
) -> None:
    """Add to `extra` how much of each step of the grid lines near `at` (within 3 px) a
    solid piece from `lo` to `hi` along them covers."""
    for n in range(bisect_left(lines, at - 3), bisect_right(lines, at + 3)):
        if abs(lines[n] - at) >= 3:
            continue
        for m in range(max(bisect_right(steps, lo) - 1, 0), bisect_left(steps, hi)):
            if m + 1 < len(steps):
                cover = min(hi, steps[m + 1]) - max(lo, steps[m])
                if cover > 0:
                    extra[way, n, m] = extra.get((way, n, m), 0.0) + cover


def _corners(points: list[Point]) -> list[Point]:
    """The route's points without repeats and without points in the middle of a piece."""
    kept: list[Point] = []
    for p in points:
        if kept and p == kept[-1]:
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (ax == bx == p[0]) or (ay == by == p[1]):
                kept[-1] = p
                continue
        kept.append(p)
    return kept
