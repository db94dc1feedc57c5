"""A tidy-tree layout of rectangles in linear time, without recursion.

This is the non-layered tidy tree of A. van der Ploeg ("Drawing non-layered tidy trees
in linear time", Software: Practice and Experience, 2014): Reingold and Tilford's
contour idea made linear by Walker and by Buchheim, Jünger and Leipert, for nodes of
any width and height. A node sits `vgap` below its parent's bottom, subtrees are
pushed apart along their contours (not their bounding boxes) by at least `hgap`,
a parent is centred over its children, and the subtrees between two that had to move
apart are spread evenly. Both walks use explicit stacks, so a chain of 100,000 nodes
lays out like any other tree.

Examples:
    >>> x, y = tidy_layout([[1, 2], [], []], [40, 20, 20], [10, 10, 10], [0], hgap=10, vgap=5)
    >>> x, y
    ([5.0, 0.0, 30.0], [0.0, 15.0, 15.0])
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["tidy_layout", "tidy_positions"]


def tidy_layout(
    children: Sequence[Sequence[int]],
    width: Sequence[float],
    height: Sequence[float],
    roots: Sequence[int],
    *,
    hgap: float,
    vgap: float,
    anchor: Sequence[float] | None = None,
) -> tuple[list[float], list[float]]:
    """Lay out the trees under `roots`; return the left and top of every node.

    A thin wrapper around `tidy_positions()` that returns lists as long as
    `children`.

    `children[i]` lists node `i`'s children from left to right. `anchor[i]` is the
    point of node `i`, from its left side, that is centred over its children (its
    middle by default). Several roots are laid out side by side at the top. Only the
    nodes under `roots` are placed; every other node gets `(0.0, 0.0)`. The
    leftmost node touches `x = 0`.

    The work is linear in the number of nodes placed (not in `len(children)`
    beyond building the output lists).
    """
    order, xs, ys = tidy_positions(
        children, width, height, roots, hgap=hgap, vgap=vgap, anchor=anchor
    )
    out_x = [0.0] * len(children)
    out_y = [0.0] * len(children)
    for g, gx, gy in zip(order, xs, ys, strict=True):
        out_x[g] = gx
        out_y[g] = gy
    return out_x, out_y


def tidy_positions(
    children: Sequence[Sequence[int]],
    width: Sequence[float],
    height: Sequence[float],
    roots: Sequence[int],
    *,
    hgap: float,
    vgap: float,
    anchor: Sequence[float] | None = None,
) -> tuple[list[int], list[float], list[float]]:
    """Lay out the trees under `roots`; return the nodes placed, their lefts and tops.

    Same as `tidy_layout()`, but the work and the output are in proportion to the
    nodes under `roots` only, so that many small trees of one big set of nodes (the
    teams of a chart) can be laid out one after the other in linear time overall.

    Examples:
        >>> tidy_positions([[1, 2], [], [], [4], []], [40, 20, 20, 9, 9], [10] * 5, [3],
        ...                hgap=10, vgap=5)
        ([3, 4], [0.0, 0.0], [0.0, 15.0])
    """
    # Number the nodes under the roots locally, in pre-order; the virtual root of the
    # forest is local node 0.
    order: list[int] = []
    todo = list(reversed(roots))
    while todo:
        i = todo.pop()
        order.append(i)
        todo.extend(reversed(children[i]))
    local = {g: k + 1 for k, g in enumerate(order)}
    n = len(order) + 1
    kids: list[list[int]] = [[local[r] for r in roots]]
    kids += [[local[c] for c in children[g]] for g in order]
    w = [0.0] + [float(width[g] + hgap) for g in order]
    h = [float(vgap)] + [float(height[g] + vgap) for g in order]
    a = [0.0] + (
        [anchor[g] for g in order] if anchor is not None else [width[g] / 2 for g in order]
    )
    y = [0.0] * n
    y[0] = -h[0]  # so that the roots are at y = 0
    for t in range(n):  # pre-order: a parent before its children
        bottom = y[t] + h[t]
        for c in kids[t]:
            y[c] = bottom

    prelim = [0.0] * n
    mod = [0.0] * n
    shift = [0.0] * n
    change = [0.0] * n
    tl = [-1] * n  # threads
    tr = [-1] * n
    el = list(range(n))  # extreme left and right nodes at the bottom of each subtree
    er = list(range(n))
    msel = [0.0] * n  # sums of modifiers to them
    mser = [0.0] * n

    def next_left(t: int) -> int:
        ch = kids[t]
        return ch[0] if ch else tl[t]

    def next_right(t: int) -> int:
        ch = kids[t]
        return ch[-1] if ch else tr[t]

    def separate(t: int, i: int, ih: list[tuple[float, int]]) -> None:
        ch = kids[t]
        sr = ch[i - 1]  # right contour of the left siblings
        mssr = mod[sr]
        cl = ch[i]  # left contour of the current subtree
        mscl = mod[cl]
        k = len(ih) - 1
        while sr >= 0 and cl >= 0:
            sy = y[sr] + h[sr]
            if sy > ih[k][0] and k > 0:
                k -= 1
            dist = (mssr + prelim[sr] + w[sr]) - (mscl + prelim[cl])
            if dist > 0:
                mscl += dist
                # Move the current subtree, and spread the ones in between.
                c = ch[i]
                mod[c] += dist
                msel[c] += dist
                mser[c] += dist
                si = ih[k][1]
                if si != i - 1:
                    nr = i - si
                    shift[ch[si + 1]] += dist / nr
                    shift[c] -= dist / nr
                    change[c] -= dist - dist / nr
            cy = y[cl] + h[cl]
            if sy <= cy:
                sr = next_right(sr)
                if sr >= 0:
                    mssr += mod[sr]
            if sy >= cy:
                cl = next_left(cl)
                if cl >= 0:
                    mscl += mod[cl]
        if sr < 0 and cl >= 0:  # the current subtree is deeper: thread the left side
            first = ch[0]
            li = el[first]
            tl[li] = cl
            diff = (mscl - mod[cl]) - msel[first]
            mod[li] += diff
            prelim[li] -= diff
            el[first] = el[ch[i]]
            msel[first] = msel[ch[i]]
        elif sr >= 0 and cl < 0:  # the left siblings are deeper: thread the right side
            cur = ch[i]
            ri = er[cur]
            tr[ri] = sr
            diff = (mssr - mod[sr]) - mser[cur]
            mod[ri] += diff
            prelim[ri] -= diff
            er[cur] = er[ch[i - 1]]
            mser[cur] = mser[ch[i - 1]]

    # First walk, children before parents (reversed pre-order).
    for t in range(n - 1, -1, -1):
        ch = kids[t]
        if not ch:
            continue  # a leaf is its own extreme node, with no modifier
        first = ch[0]
        ih = [(y[el[first]] + h[el[first]], 0)]  # lowest y of left siblings, with index
        for i in range(1, len(ch)):
            low = y[er[ch[i]]] + h[er[ch[i]]]
            separate(t, i, ih)
            while ih and low >= ih[-1][0]:
                ih.pop()
            ih.append((low, i))
        last = ch[-1]
        mid = (prelim[first] + mod[first] + a[first] + prelim[last] + mod[last] + a[last]) / 2
        prelim[t] = mid - a[t]
        el[t] = el[first]
        msel[t] = msel[first]
        er[t] = er[last]
        mser[t] = mser[last]

    # Second walk, parents before children: absolute x from the sums of modifiers.
    x = [0.0] * n
    modsum = [0.0] * n
    for t in range(n):
        s = modsum[t] + mod[t]
        x[t] = prelim[t] + s
        ch = kids[t]
        d = 0.0
        delta = 0.0
        for c in ch:
            d += shift[c]
            delta += d + change[c]
            mod[c] += delta
            modsum[c] = s

    left = min(x[1:], default=0.0)
    return order, [v - left for v in x[1:]], y[1:]
