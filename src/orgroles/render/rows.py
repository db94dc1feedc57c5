"""The trees of a forest (an org with several top roles) in rows, as a window holds them.

`orgroles.render.layout` lays out each tree, then puts them in the rows that this
module finds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from orgroles.render import style

__all__ = ["forest_rows"]

_SHRINK = 0.9  # each row width tried is at most this fraction of the one before


def forest_rows(
    sizes: Sequence[tuple[float, float]], wrap: float, gap: float = 3 * style.HGAP
) -> list[tuple[int, int]]:
    """Rows of trees, in their order, for trees of `sizes` (width, height) `gap` apart:
    the rows that fit in the smallest window `wrap` times wider than tall.

    Row widths are tried from one row down to the widest tree, each at most 0.9 times the
    one before: O(T log T) for T trees.

    Examples:
        >>> forest_rows([(100, 50)] * 4, wrap=2.0)
        [(0, 2), (2, 4)]
        >>> forest_rows([(100, 50)] * 4, wrap=10.0)
        [(0, 4)]
    """
    n = len(sizes)
    starts = [0.0]
    for w, _ in sizes:
        starts.append(starts[-1] + w + gap)

    def rows(limit: float) -> tuple[list[tuple[int, int]], float, float]:
        found: list[tuple[int, int]] = []
        width = height = 0.0
        i = 0
        while i < n:
            j = i + 1
            while j < n and starts[j + 1] - starts[i] - gap <= limit:
                j += 1
            found.append((i, j))
            width = max(width, starts[j] - starts[i] - gap)
            height += max(h for _, h in sizes[i:j]) + (style.WRAP_GAP if i else 0.0)
            i = j
        return found, width, height

    narrowest = max(w for w, _ in sizes)
    best, w, h = rows(math.inf)
    best_cost = max(h, w / wrap)
    while w > narrowest:
        found, w, h = rows(max(min(w * _SHRINK, w - 0.5), narrowest))
        cost = max(h, w / wrap)
        if cost < best_cost:
            best, best_cost = found, cost
    return best
