"""Depths of seats in a chart given as an array of parents, for many days at once.

`timeline()` works out each period's layers from the reporting lines in force that day.
The seats' levels in the graph of every line ever (`levels()`) are found once; then a
day's depths take one pass per level (`depths_by_level()`), or, when those lines make a
cycle or are too deep, a pointer-jumping pass (`depths()`).

Examples:
    >>> import numpy as np
    >>> parent = np.array([-1, 0, 1, 1])  # a chain of three levels and a sibling
    >>> depths(parent).tolist()
    [0, 1, 2, 2]
    >>> depths_by_level(parent, levels(4, np.arange(4)[1:], parent[1:])).tolist()
    [0, 1, 2, 2]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["depths", "depths_by_level", "levels"]

_MAX_LEVELS = 64


def levels(n: int, child: np.ndarray, boss: np.ndarray) -> list[np.ndarray] | None:
    """The seats by level in the graph of every line ever in force (a manager is on a
    level above every seat that ever reports to it): level by level, a day's depths take
    one pass over the seats (`depths_by_level()`). None when those lines make a cycle
    or more than 64 levels (then `depths()` is used).

    Kahn's algorithm, one numpy pass over the lines per level.
    """
    import numpy as np

    keep = boss >= 0
    child, boss = child[keep], boss[keep]
    waiting = np.bincount(child, minlength=n)  # lines from a seat not placed yet
    level = np.zeros(n, dtype=np.int64)
    placed = waiting == 0
    fresh = placed.copy()
    left = np.ones(child.size, dtype=bool)
    k = 0
    while left.any():
        k += 1
        firing = left & fresh[boss]
        if k > _MAX_LEVELS or not firing.any():
            return None  # a cycle, or too deep for levels to pay
        left &= ~firing
        reached = child[firing]
        np.subtract.at(waiting, reached, 1)
        fresh = np.zeros(n, dtype=bool)
        fresh[reached[waiting[reached] == 0]] = True
        level[fresh] = k
    order = np.argsort(level, kind="stable")
    cuts = np.searchsorted(level[order], np.arange(1, k + 1))
    return np.split(order, cuts)[1:]  # level 0 has no manager, ever


def depths_by_level(parent: np.ndarray, levels: list[np.ndarray]) -> np.ndarray:
    """The depth of every seat, level by level (a seat's manager is on a level above)."""
    import numpy as np

    depth = np.zeros(parent.size, dtype=np.int64)
    for seats in levels:
        boss = parent[seats]
        has = boss >= 0
        depth[seats[has]] = depth[boss[has]] + 1
    return depth


def depths(parent: np.ndarray) -> np.ndarray:
    """The depth of every seat (0 at a top), -1 in or below a cycle: pointer jumping,
    O(N log depth), without recursion."""
    import numpy as np

    depth = (parent >= 0).astype(np.int64)
    jump = parent.copy()
    pending = np.flatnonzero(jump >= 0)
    while pending.size:
        ahead = jump[pending]  # depth[i] is the distance from i to jump[i], or to its top
        depth[pending] += depth[ahead]
        jump[pending] = jump[ahead]
        still = pending[jump[pending] >= 0]
        if still.size == pending.size:  # only cycles are left: they never reach a top
            depth[still] = -1
            break
        pending = still
    return depth
