"""The compact layout's choices: for each manager, its reports in one row or on shelves.

A tidy tree puts all of a manager's reports side by side, so a chart is as wide as its
widest layer: the charts of real orgs come out 20 to 200 times wider than tall. The
compact layout keeps a row where it reads well, and elsewhere makes two changes:

- a manager's leaf reports (three or more) are stacked in two columns around a vertical
  line, as the plan already does from :data:`~orgroles.render.plan.STACK_MIN` leaves on;
- a manager's reports are *wrapped* onto shelves that hang from a vertical line, the
  *spine*, which drops from the middle of the manager's box. A shelf is a run of
  reports, side by side, left or right of the spine, with a horizontal bus from the spine
  over their tops; each shelf goes below the one before it on its side. On both sides,
  each shelf takes the side that ends higher, which packs them like a two-column
  masonry; on one side (the right), they read like an indented list. Lines from a
  manager to its reports are orthogonal and cross no box.

The choice is made bottom-up, once per manager, from the sizes of its reports' parts of
the chart (already arranged). A row is kept when it is no wider than ``max_aspect``
times its height, or no wider than four boxes. Otherwise the leaves are stacked, and if
the row is still too wide, the wrap is the one that fits in the smallest window of
shape ``2/3 * max_aspect``: the one that makes ``max(height, width / shape)`` smallest
(the row wins ties). Aiming the wrapped parts below ``max_aspect`` leaves their manager
room to keep two or three of them side by side. When a chart has several top roles, they
are wrapped the same way, into rows with no spine. A chart whose plain tidy tree
already reads well is left as it is.

Only a manager whose row is too wide tries wraps: for ``k`` reports, shelves at most
``0.9`` times as wide as the widest of the try before, down to the widest report, on
both sides and on one: about ``20 ln k`` tries of O(k) each. The whole is O(N log N) at
worst, and nothing here recurses.

Both engines draw the same choices: the builtin layout (:mod:`orgroles.render.layout`)
places the shelves, and the DOT builder (:mod:`orgroles.render.dot`) hangs them from a
chain of points, one rank above each shelf. In the scale-up example, the CTO's three
reports hang on the right of its spine, the first alone and then two side by side:

>>> import orgroles
>>> from orgroles.render.plan import make_plan
>>> plan = make_plan(orgroles.load("examples/scaleup_cto_cpo.yaml"))
>>> chosen = arrange(plan)
>>> chosen.wraps
{2: (Shelf(start=0, end=1, right=True), Shelf(start=1, end=3, right=True))}
>>> chosen.plan.boxes[2].role
'cto'
>>> arrange(plan, max_aspect=6).wraps  # its plain tree, 4.8 times wider than tall, will do
{}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import NamedTuple

from orgroles.render import style
from orgroles.render.options import LAYOUTS, MAX_ASPECT, LayoutName
from orgroles.render.plan import Box, Plan, block_size

__all__ = [
    "KEEP_BOXES",
    "LAYOUTS",
    "MAX_ASPECT",
    "STACK_LEAST",
    "WRAP_SHAPE",
    "Arrangement",
    "LayoutName",
    "Shelf",
    "Wraps",
    "arrange",
    "items_of",
    "unit_size",
]

WRAP_SHAPE = 2 / 3
"""The shape wrapped parts aim for, as a fraction of ``max_aspect``."""

KEEP_BOXES = 4
"""A row of reports no wider than this many boxes side by side is always kept."""

STACK_LEAST = 3
"""A manager whose row is too wide gets its leaf reports stacked from this many on."""

_SHRINK = 0.9  # each wrap tried is at most this wide a fraction of the one before


class Shelf(NamedTuple):
    """A run ``items[start:end]`` of a manager's reports (see :func:`items_of`), side by
    side right of its spine when ``right``, else left of it.

    A manager's shelves are listed top to bottom.
    """

    start: int
    end: int
    right: bool


Wraps = dict[int, tuple[Shelf, ...]]
"""The shelves of each manager whose reports are wrapped, by box id."""


class Arrangement(NamedTuple):
    """What the compact layout chose for a plan.

    ``plan`` is the plan given, or a copy in which some managers' leaf reports are
    stacked; ``wraps`` has the shelves of each wrapped manager; ``rows`` are the rows of
    the chart's top roles, as ``(start, end)`` of ``plan.tops`` (empty: one row).
    """

    plan: Plan
    wraps: Wraps
    rows: tuple[tuple[int, int], ...] = ()


def unit_size(plan: Plan, box: Box) -> tuple[float, float]:
    """The width and height of a box with its assistants beside it."""
    bw = plan.box_width
    if not box.assistants:
        return bw, box.height
    boxes = plan.boxes
    side = sum(boxes[a].height for a in box.assistants) + style.ROW_GAP * (len(box.assistants) - 1)
    return 2 * bw + style.SIDE_GAP, max(box.height, side)


def items_of(box: Box) -> list[int]:
    """What hangs below a box, left to right: its reports' box ids, and -1 for its stack."""
    items = list(box.children)
    if box.stack:
        items.insert(box.stack_at, -1)
    return items


def arrange(plan: Plan, max_aspect: float = MAX_ASPECT) -> Arrangement:
    """Choose, for every manager of the plan, how its reports hang below it.

    Every manager not in the result's ``wraps`` has its reports in one row, as in a tidy
    tree. When the tidy tree of the whole chart already reads well, nothing changes. The
    plan given is never changed.
    """
    keep = KEEP_BOXES * plan.box_width + (KEEP_BOXES - 1) * style.HGAP
    if _tree_fits(plan, max_aspect, keep):
        return Arrangement(plan, {})
    shape = max_aspect * WRAP_SHAPE
    boxes = plan.boxes
    drawn = boxes  # becomes a copy when a first manager gets its leaves stacked
    sizes = _Sizes(plan)
    wraps: Wraps = {}
    for box in reversed(boxes):  # reports before their manager
        if box.placement != "child":
            continue
        below = sizes.parts(drawn, box)
        if below is None:
            continue
        if not below.fits(max_aspect, keep) and not box.stack:
            leaves = [c for c in box.children if _leaf(drawn[c]) and c not in sizes.leads]
            if len(leaves) >= STACK_LEAST:
                if drawn is boxes:
                    drawn = list(boxes)
                box = _stack(box, leaves, drawn)
                below = sizes.parts(drawn, box)
                assert below is not None
        shelves, sizes[box.id] = below.choose(max_aspect, keep, shape)
        if shelves is not None:
            wraps[box.id] = shelves
    if drawn is not boxes:
        plan = dataclasses.replace(plan, boxes=drawn)
    return Arrangement(plan, wraps, _top_rows(plan, sizes, max_aspect, keep, shape))


class _Sizes:
    """The part of the chart under each box: width, height, and its box's middle."""

    def __init__(self, plan: Plan) -> None:
        n = len(plan.boxes)
        self.plan = plan
        self.w, self.h, self.a = [0.0] * n, [0.0] * n, [0.0] * n
        self.leads = {c.lead for c in plan.clusters}

    def __setitem__(self, b: int, size: tuple[float, float, float]) -> None:
        self.w[b], self.h[b], self.a[b] = size

    def framed(self, b: int) -> tuple[float, float, float]:
        """The size of box ``b``'s part, with its team frame around it if it has one."""
        if b not in self.leads:
            return self.w[b], self.h[b], self.a[b]
        pad = style.CLUSTER_PAD
        return self.w[b] + 2 * pad, self.h[b] + style.CLUSTER_LABEL + 2 * pad, self.a[b] + pad

    def parts(self, boxes: Sequence[Box], box: Box) -> _Parts | None:
        """The parts below ``box``, as :func:`items_of` lists them (their sizes are known);
        for a box with nothing below, None, and its own size is noted."""
        bw = self.plan.box_width
        uw, uh = unit_size(self.plan, box)
        items = items_of(box)
        if not items:
            self[box.id] = uw, uh, bw / 2
            return None
        ws: list[float] = []
        hs: list[float] = []
        anchors: list[float] = []
        for c in items:
            if c < 0:
                w, h = block_size(len(box.stack), box.columns, bw, boxes[box.stack[0]].height)
                a = w / 2
            else:
                w, h, a = self.framed(c)
            ws.append(w)
            hs.append(h)
            anchors.append(a)
        return _Parts(ws, hs, anchors, uw, uh, bw / 2)

    def tops(self) -> _Parts:
        """The parts of the top roles (their sizes are known), side by side."""
        ws, hs, anchors = zip(*(self.framed(t) for t in self.plan.tops), strict=True)
        return _Parts(ws, hs, anchors, 0.0, 0.0, 0.0)


_REACH = 3.0  # how much narrower than its parts' rectangles side by side a tidy tree may be


def _tree_fits(plan: Plan, max_aspect: float, keep: float) -> bool:
    """Whether the plain tidy tree of the whole chart already has a shape that reads well.

    The parts' rectangles side by side give an upper bound of the tree's width; a tidy
    tree is narrower, as it packs parts along their outlines (a staircase of managers
    can be half as wide). Only when the bound is at most ``_REACH`` times too wide is the
    tree laid out, to measure it.
    """
    if not plan.tops:
        return True
    sizes = _Sizes(plan)
    for box in reversed(plan.boxes):  # reports before their manager
        if box.placement == "child":
            below = sizes.parts(plan.boxes, box)
            if below is not None:
                sizes[box.id] = below.row
    tops = sizes.tops()
    w, h = tops.width(0, len(tops.ws)), max(tops.hs)
    if w <= keep or w <= max_aspect * h:
        return True
    if w > _REACH * max(keep, max_aspect * h):
        return False
    from orgroles.render.layout import layout  # it needs this module's helpers

    chart = layout(plan)
    return chart.width <= keep or chart.width <= max_aspect * chart.height


def _leaf(box: Box) -> bool:
    """Whether a box is drawn with nothing below or beside it."""
    return not box.children and not box.stack and not box.assistants


def _stack(box: Box, leaves: list[int], boxes: list[Box]) -> Box:
    """Stack ``leaves``, fewer than STACK_MIN, in two columns: one pair, one spine.

    Puts copies of the boxes in ``boxes``, and returns the manager's copy.
    """
    stacked = set(leaves)
    for c in leaves:
        boxes[c] = dataclasses.replace(boxes[c], placement="stack")
    at = next(k for k, c in enumerate(box.children) if c in stacked)
    boxes[box.id] = box = dataclasses.replace(
        box,
        children=[c for c in box.children if c not in stacked],
        stack=leaves,
        stack_at=at,
        columns=2,
    )
    return box


def _top_rows(
    plan: Plan, sizes: _Sizes, max_aspect: float, keep: float, shape: float
) -> tuple[tuple[int, int], ...]:
    """Rows of the top roles' parts, when one row of them would be too wide."""
    if len(plan.tops) < 2:
        return ()
    flow = sizes.tops()
    narrowest = max(flow.ws)
    w, h = flow.width(0, len(flow.ws)), max(flow.hs)
    if w <= keep or w <= max_aspect * h:
        return ()
    best_cost = max(h, w / shape)
    best: tuple[tuple[int, int], ...] = ()
    while w > narrowest:
        rows, w, h = flow.rows(max(min(w * _SHRINK, w - 0.5), narrowest))
        cost = max(h, w / shape)
        if cost < best_cost:
            best, best_cost = rows, cost
    return best


class _Parts:
    """The parts of the chart below one manager, in a row, and their sizes when wrapped.

    ``ws``, ``hs`` and ``anchors`` are each part's width, height and the middle of its top
    box from its left; ``uw``, ``uh`` and ``ua`` the same for the manager's own unit.
    """

    def __init__(
        self,
        ws: Sequence[float],
        hs: Sequence[float],
        anchors: Sequence[float],
        uw: float,
        uh: float,
        ua: float,
    ) -> None:
        self.ws, self.hs, self.anchors = ws, hs, anchors
        self.uw, self.uh, self.ua = uw, uh, ua
        self.starts = starts = [0.0]  # the left of each part when all are in one row
        for w in ws:
            starts.append(starts[-1] + w + style.HGAP)
        # The manager centred over all its parts in a row: width, height and anchor.
        last = len(ws) - 1
        mid = (anchors[0] + starts[last] + anchors[last]) / 2
        lo = min(0.0, mid - ua)
        hi = max(starts[-1] - style.HGAP, mid - ua + uw)
        self.row = (hi - lo, uh + style.VGAP + max(hs), mid - lo)

    def width(self, i: int, j: int) -> float:
        """The width of parts ``i`` to ``j - 1`` side by side."""
        return self.starts[j] - self.starts[i] - style.HGAP

    def fits(self, max_aspect: float, keep: float) -> bool:
        """Whether one row reads well: no wider than ``keep``, or than ``max_aspect`` tall."""
        w, h, _ = self.row
        return len(self.ws) < 2 or w <= keep or w <= max_aspect * h

    def fill(self, i: int, limit: float) -> int:
        """The end of the longest run of parts from ``i`` no wider than ``limit`` (one at least)."""
        j = i + 1
        n = len(self.ws)
        while j < n and self.width(i, j + 1) <= limit:
            j += 1
        return j

    def shelves(
        self, limit: float, both: bool
    ) -> tuple[tuple[Shelf, ...], tuple[float, float, float], float]:
        """Shelves at most ``limit`` wide, on both sides of the spine or on its right.

        On both sides, each shelf goes on the side that ends higher. Returns the shelves;
        the width, height and anchor of the whole; and the width of the widest shelf.
        """
        n = len(self.ws)
        low = [0.0, 0.0]  # how far down each side, left and right, is taken
        wide = [0.0, 0.0]  # the widest shelf of each side
        found: list[Shelf] = []
        i = 0
        while i < n:
            j = self.fill(i, limit)
            side = int(low[1] < low[0]) if both else 1
            top = low[side] + style.WRAP_GAP if low[side] else 0.0
            low[side] = top + max(self.hs[i:j])
            wide[side] = max(wide[side], self.width(i, j))
            found.append(Shelf(i, j, bool(side)))
            i = j
        gap = style.SPINE_CLEAR
        left = max(wide[0] + gap if wide[0] else 0.0, self.ua)
        right = max(wide[1] + gap if wide[1] else 0.0, self.uw - self.ua)
        return tuple(found), (left + right, self.uh + style.VGAP + max(low), left), max(wide)

    def rows(self, limit: float) -> tuple[tuple[tuple[int, int], ...], float, float]:
        """Rows at most ``limit`` wide, one below the other (no manager, no spine)."""
        n = len(self.ws)
        found: list[tuple[int, int]] = []
        width = height = 0.0
        i = 0
        while i < n:
            j = self.fill(i, limit)
            found.append((i, j))
            width = max(width, self.width(i, j))
            height += max(self.hs[i:j]) + (style.WRAP_GAP if i else 0.0)
            i = j
        return tuple(found), width, height

    def choose(
        self, max_aspect: float, keep: float, shape: float
    ) -> tuple[tuple[Shelf, ...] | None, tuple[float, float, float]]:
        """The row if it fits, or the arrangement that fits the smallest window ``shape``
        wide for 1 tall; with its width, height and anchor."""
        best = self.row
        if self.fits(max_aspect, keep):
            return None, best
        w, h, _ = best
        best_cost = max(h, w / shape)
        best_shelves: tuple[Shelf, ...] | None = None
        narrowest = max(self.ws)
        for both in (True, False):
            widest = self.width(0, len(self.ws))
            while widest > narrowest:
                # Any limit from the widest shelf up gives the same shelves: go below it.
                limit = max(min(widest * _SHRINK, widest - 0.5), narrowest)
                shelves, size, widest = self.shelves(limit, both)
                cost = max(size[1], size[0] / shape)
                if cost < best_cost:
                    best, best_cost, best_shelves = size, cost, shelves
        return best_shelves, best
