"""Where a chart too big for a sheet of paper is cut into pages: along one axis at a time.

`spans()` cuts `[0, end]` into spans no longer than a page, each cut in a gap between
boxes where there is one (else where the fewest boxes and team frames cross it; a box
that a cut crosses is shown whole on the next page, which starts at it). Cut as far as a
page goes each time, the last page could hold one box: the cuts are then chosen as even
as the gaps allow, in as few spans (`even`). `SHRINK` are the scales (of the tiles'
own) a chart is also tried at, to put it on fewer pages, with its text a little smaller.

Examples:
    >>> boxes = [(float(x), x + 100.0) for x in range(0, 600, 120)]
    >>> spans(boxes, [], 580.0, 480.0, even=False)  # as far as a page goes: one box left
    [(0.0, 480.0), (480.0, 580.0)]
    >>> spans(boxes, [], 580.0, 480.0)  # three boxes, then two
    [(0.0, 340.0), (340.0, 580.0)]
"""

from __future__ import annotations

import bisect
import math

__all__ = ["SHORTEST", "SHRINK", "crossing_count", "spans"]

SHORTEST = 0.4
"""A span is cut no nearer its start than this share of its length."""

SHRINK = (1.0, 0.93, 0.87)
"""The scales, as shares of the tiles' own, that a tiled chart is tried at: the one with
the fewest pages, the largest of those (its text 6.75, 6.3 or 5.9 pt at 0.75)."""


def crossing_count(intervals: list[tuple[float, float]], x: float) -> int:
    """How many of `intervals` have `x` strictly inside.

    Examples:
        >>> crossing_count([(0, 10), (5, 20), (30, 40)], 8)
        2
        >>> crossing_count([(0, 10), (5, 20), (30, 40)], 25)
        0
    """
    return sum(1 for a, b in intervals if a < x < b)


def spans(
    boxes: list[tuple[float, float]],
    others: list[tuple[float, float]],
    end: float,
    step: float,
    *,
    even: bool = True,
) -> list[tuple[float, float]]:
    """Cut `[0, end]` into spans of at most `step`, each cut where the fewest boxes and
    `others` (team frames) cross it, in the last three fifths of its span: in a gap
    between them where there is one, the nearest to an even share of what is left (when
    that takes no more spans; without `even`, the furthest). A box that a cut crosses
    is shown whole at the start of the next span, which starts that much earlier: spans
    overlap by the boxes they share."""
    if even:
        fair = _cuts(boxes, others, end, step, even=True)
        furthest = _cuts(boxes, others, end, step, even=False)
        return fair if len(fair) <= len(furthest) else furthest
    return _cuts(boxes, others, end, step, even=False)


def _cuts(
    boxes: list[tuple[float, float]],
    others: list[tuple[float, float]],
    end: float,
    step: float,
    *,
    even: bool,
) -> list[tuple[float, float]]:
    every = boxes + others
    starts = sorted(a for a, _ in every)
    ends = sorted(b for _, b in every)
    box_starts = sorted(a for a, _ in boxes)
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][0])

    def crossing(x: float) -> int:  # how many intervals have x strictly inside
        return bisect.bisect_left(starts, x) - bisect.bisect_right(ends, x)

    found: list[tuple[float, float]] = []
    begin = 0.0
    while end - begin > step:
        limit = begin + step
        low = begin + SHORTEST * step
        share = begin + (end - begin) / math.ceil((end - begin) / step)
        # Candidates: the limit, and every place just after an interval ends in the window
        # (and the gap's middle, for an even cut).
        lo, hi = bisect.bisect_left(ends, low), bisect.bisect_right(ends, limit)
        candidates = [*ends[lo:hi], limit]
        if even:
            cut = min(candidates, key=lambda x: (crossing(x), abs(x - share)))
        else:
            cut = min(candidates, key=lambda x: (crossing(x), -x))
        found.append((begin, cut))
        # The next span starts at the leftmost box that the cut crosses, or at the cut.
        first = cut
        k = bisect.bisect_left(box_starts, cut) - 1
        while k >= 0 and box_starts[k] > cut - step:
            a, b = boxes[order[k]]
            if a < cut < b:
                first = min(first, a)
            k -= 1
        begin = first if first > begin else cut
    found.append((begin, end))
    return found
