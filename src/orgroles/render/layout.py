"""Where the builtin engine puts a plan's boxes, team frames and connectors.

The tidy-tree layout (:mod:`orgroles.render.tidy`) places *units*: a box (with the
assistants beside it), a block of stacked leaves, a team frame, or a wrapped manager
(compact layout: the manager with its reports on shelves beside its spine, see
:mod:`orgroles.render.arrange`). Frames and wrapped managers are laid out on their own
first, innermost first, each shelf a forest of tidy trees, and are then placed as one
rectangle, so that they never overlap other boxes. Everything here is linear in the
number of boxes and uses no recursion. Coordinates are whole pixels.

>>> import orgroles
>>> from orgroles.render.plan import make_plan
>>> chart = layout(make_plan(orgroles.load("examples/three_person_tech_team.yaml")))
>>> chart.x, chart.y
([114, 114, 16, 212], [42, 122, 202, 202])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from orgroles.render import style
from orgroles.render.arrange import Shelf, Wraps, items_of, unit_size
from orgroles.render.plan import Plan, block_size
from orgroles.render.tidy import tidy_positions

__all__ = ["MARGIN", "Layout", "layout"]

MARGIN = 16
"""Empty space around the chart, in px."""

Point = tuple[int, int]


@dataclass
class Layout:
    """A plan placed on the page: every box's top-left, team frames, connector lines.

    ``wires`` are polylines; ``header`` is where the title and notes start (baseline of
    the first line); ``frames`` are ``(x, y, width, height)`` by cluster id, all zero for
    a team whose lead is a stacked leaf (it has no frame).
    """

    width: int
    height: int
    x: list[int]
    y: list[int]
    frames: list[tuple[int, int, int, int]]
    wires: list[list[Point]]
    header: int


_BOX, _BLOCK, _FRAME, _GROUP = 0, 1, 2, 3


def _header_height(plan: Plan) -> float:
    lines = ([style.line_height("heading")] if plan.title else []) + [
        style.line_height(line.style) for line in plan.notes
    ]
    return sum(lines) + (8 if lines else 0)


def layout(plan: Plan, wraps: Wraps | None = None, rows: Sequence[tuple[int, int]] = ()) -> Layout:
    """Place every box of ``plan``; the result is what :mod:`orgroles.render.svg` draws.

    ``wraps`` are the managers whose reports go on shelves beside a spine, and ``rows``
    the rows of the top roles (``plan.tops[start:end]``), as
    :func:`orgroles.render.arrange.arrange` chooses them. Without them, every manager has
    its reports in one row and the top roles are side by side: the tidy tree.
    """
    boxes = plan.boxes
    bw = plan.box_width
    wraps = wraps or {}
    # -- units -------------------------------------------------------------------------
    kind: list[int] = []
    ref: list[int] = []
    uw: list[float] = []
    uh: list[float] = []
    anchor: list[float] = []
    kids: list[list[int]] = []
    parent_unit: list[int] = []
    slot: list[int] = []  # where a unit is in its parent's list of children
    unit_of_box = [-1] * len(boxes)
    block_of_box: dict[int, int] = {}

    def new(k: int, r: int, w: float, h: float, a: float) -> int:
        kind.append(k)
        ref.append(r)
        uw.append(w)
        uh.append(h)
        anchor.append(a)
        kids.append([])
        parent_unit.append(-1)
        slot.append(0)
        return len(kind) - 1

    for box in boxes:
        if box.placement != "child":
            continue
        w, h = unit_size(plan, box)
        unit_of_box[box.id] = new(_BOX, box.id, w, h, bw / 2)
        if box.stack:
            height = boxes[box.stack[0]].height
            w, h = block_size(len(box.stack), box.columns, bw, height)
            block_of_box[box.id] = new(_BLOCK, box.id, w, h, w / 2)
    for box in boxes:
        u = unit_of_box[box.id]
        if u < 0:
            continue
        below = [block_of_box[box.id] if c < 0 else unit_of_box[c] for c in items_of(box)]
        kids[u] = below
        for k, c in enumerate(below):
            parent_unit[c] = u
            slot[c] = k

    # -- parts laid out alone, innermost first, each then one rectangle: wrapped
    # -- reports (with their manager) and team frames ----------------------------------
    rel: dict[int, tuple[float, float]] = {}  # unit -> its place in its part
    parts: list[tuple[int, list[int]]] = []  # (part's unit, the units in it), inner first
    shelves_of: dict[int, list[list[int]]] = {}  # wrapped manager's unit -> each shelf's units
    stand_in = list(range(len(kind)))  # the unit that stands for a box's whole part

    def replace(old: int, new_unit: int) -> None:
        p = parent_unit[old]
        parent_unit[new_unit], slot[new_unit] = p, slot[old]
        if p >= 0:
            kids[p][slot[old]] = new_unit
        parent_unit[old] = -1

    lead_of = {cluster.lead: cluster for cluster in plan.clusters}
    for box in reversed(boxes):  # reports before their managers, inner frames first
        u = unit_of_box[box.id]
        if u < 0:
            continue
        shelves = wraps.get(box.id)
        if shelves:
            g, placed, shelves_of[u] = _wrapped(u, shelves, ref, uw, uh, anchor, kids, new)
            rel.update(placed)
            parts.append((g, list(placed)))
            replace(u, g)
            stand_in[u] = g
        cluster = lead_of.get(box.id)
        if cluster is not None:
            lead = stand_in[u]
            order, xs, ys = tidy_positions(
                kids, uw, uh, [lead], hgap=style.HGAP, vgap=style.VGAP, anchor=anchor
            )
            right = max(x + uw[v] for v, x in zip(order, xs, strict=True))
            bottom = max(y + uh[v] for v, y in zip(order, ys, strict=True))
            pad, label = style.CLUSTER_PAD, style.CLUSTER_LABEL
            f = new(_FRAME, cluster.id, right + 2 * pad, bottom + label + 2 * pad, 0.0)
            for v, x, y in zip(order, xs, ys, strict=True):
                if v == lead:
                    anchor[f] = pad + x + anchor[v]
                rel[v] = (pad + x, label + pad + y)
            parts.append((f, order))
            replace(lead, f)  # the frame takes the lead's place among its siblings
            stand_in[u] = f
    roots = [stand_in[unit_of_box[t]] for t in plan.tops]

    # -- the forest of units (in rows, if any), then absolute positions -------------------
    top = MARGIN + _header_height(plan)
    ax: dict[int, float] = {}
    ay: dict[int, float] = {}
    row_top = top
    for start, end in rows or [(0, len(roots))]:
        order, xs, ys = tidy_positions(
            kids, uw, uh, roots[start:end], hgap=style.HGAP, vgap=style.VGAP, anchor=anchor
        )
        for u, x, y in zip(order, xs, ys, strict=True):
            ax[u] = MARGIN + x
            ay[u] = row_top + y
        row_top = max((ay[u] + uh[u] for u in order), default=row_top) + style.WRAP_GAP
    for part, inside in reversed(parts):  # outer parts first
        px, py = ax[part], ay[part]
        for u in inside:
            dx, dy = rel[u]
            ax[u] = px + dx
            ay[u] = py + dy

    # -- boxes, frames and wires --------------------------------------------------------
    n = len(boxes)
    bx = [0] * n
    by = [0] * n
    frames: list[tuple[int, int, int, int]] = [(0, 0, 0, 0)] * len(plan.clusters)
    wires: list[list[Point]] = []
    for u in ax:
        k = kind[u]
        x0, y0 = round(ax[u]), round(ay[u])
        if k == _FRAME:
            frames[ref[u]] = (x0, y0, round(uw[u]), round(uh[u]))
        elif k == _BOX:
            box = boxes[ref[u]]
            bx[box.id], by[box.id] = x0, y0
            if box.assistants:
                wires += _assistants(box.id, plan, bx, by, x0, y0)
        elif k == _BLOCK:
            wires += _stack(ref[u], plan, bx, by, x0, y0)
    units = _Units(plan, kind, ref, kids, uh, anchor, ax, ay, bx, by)
    for u in ax:
        if kind[u] == _BOX and kids[u]:
            hung = shelves_of.get(u)
            wires += units.family(u) if hung is None else units.spine(u, hung)

    right = max((ax[u] + uw[u] for u in ax), default=0.0)
    bottom = max((ay[u] + uh[u] for u in ax), default=top)
    head = MARGIN + (style.line_height("heading") if plan.title else 0)
    width = max(right, MARGIN + _notes_width(plan))
    return Layout(
        width=math.ceil(width + MARGIN),
        height=math.ceil(bottom + MARGIN),
        x=bx,
        y=by,
        frames=frames,
        wires=wires,
        header=round(head - 4),
    )


def _wrapped(
    u: int,
    shelves: tuple[Shelf, ...],
    ref: list[int],
    uw: list[float],
    uh: list[float],
    anchor: list[float],
    kids: list[list[int]],
    new: Callable[[int, int, float, float, float], int],
) -> tuple[int, dict[int, tuple[float, float]], list[list[int]]]:
    """Lay out box unit ``u`` above its reports on ``shelves`` either side of its spine.

    Each shelf is a forest of tidy trees, against the spine, below the one before it on
    its side. Returns the new unit that stands for the whole, where each unit inside it
    goes, and the units of each shelf.
    """
    items = kids[u]
    placed: dict[int, tuple[float, float]] = {u: (-anchor[u], 0.0)}
    lo, hi = -anchor[u], uw[u] - anchor[u]
    first = uh[u] + style.VGAP
    low = [0.0, 0.0]  # how far down each side is taken, below the first shelf's top
    shelf_units: list[list[int]] = []
    for shelf in shelves:
        roots = items[shelf.start : shelf.end]
        order, xs, ys = tidy_positions(
            kids, uw, uh, roots, hgap=style.HGAP, vgap=style.VGAP, anchor=anchor
        )
        width = max(x + uw[v] for v, x in zip(order, xs, strict=True))
        height = max(y + uh[v] for v, y in zip(order, ys, strict=True))
        side = int(shelf.right)
        top = low[side] + style.WRAP_GAP if low[side] else 0.0
        low[side] = top + height
        dx = style.SPINE_CLEAR if shelf.right else -style.SPINE_CLEAR - width
        for v, x, y in zip(order, xs, ys, strict=True):
            placed[v] = (dx + x, first + top + y)
        lo, hi = min(lo, dx), max(hi, dx + width)
        shelf_units.append(roots)
    g = new(_GROUP, ref[u], hi - lo, first + max(low), -lo)
    return g, {v: (x - lo, y) for v, (x, y) in placed.items()}, shelf_units


def _notes_width(plan: Plan) -> float:
    widths = [style.measure(plan.title, "heading")] if plan.title else []
    widths += [style.measure(line.text, line.style) for line in plan.notes]
    return max(widths, default=0.0)


def _assistants(
    b: int, plan: Plan, bx: list[int], by: list[int], x0: int, y0: int
) -> list[list[Point]]:
    """Place the assistants of box ``b`` to its right; return their connectors."""
    boxes = plan.boxes
    bw = round(plan.box_width)
    box = boxes[b]
    ax = x0 + bw + round(style.SIDE_GAP)
    bar = x0 + bw + round(style.SIDE_GAP / 2)
    mid = y0 + round(box.height / 2)
    y = y0
    wires: list[list[Point]] = []
    last = mid
    for a in box.assistants:
        bx[a], by[a] = ax, y
        m = y + round(boxes[a].height / 2)
        wires.append([(bar, m), (ax, m)])
        last = max(last, m)
        y += round(boxes[a].height + style.ROW_GAP)
    wires.append([(x0 + bw, mid), (bar, mid), (bar, last)])
    return wires


def _spines(columns: int, bw: float) -> list[tuple[float, list[float]]]:
    """For a block of ``columns`` columns: each spine's x and its columns' lefts."""
    out = []
    step = 2 * bw + style.SPINE_GAP + style.PAIR_GAP
    for p in range(math.ceil(columns / 2)):
        left = p * step
        if 2 * p + 1 < columns:
            out.append((left + bw + style.SPINE_GAP / 2, [left, left + bw + style.SPINE_GAP]))
        else:  # an odd last column, its spine on its left
            out.append((left, [left + style.SPINE_GAP / 2]))
    return out


def _stack(b: int, plan: Plan, bx: list[int], by: list[int], x0: int, y0: int) -> list[list[Point]]:
    """Place the stacked leaves of box ``b`` in their block; return the spines and ticks."""
    boxes = plan.boxes
    box = boxes[b]
    bw = plan.box_width
    k = box.columns
    h = boxes[box.stack[0]].height
    spines = _spines(k, bw)
    lefts = [x for _, cols in spines for x in cols]
    bottom = [y0] * len(spines)
    wires: list[list[Point]] = []
    for j, s in enumerate(box.stack):
        row, col = divmod(j, k)
        x = x0 + round(lefts[col])
        y = y0 + round(row * (h + style.ROW_GAP))
        bx[s], by[s] = x, y
        p = col // 2
        spine = x0 + round(spines[p][0])
        mid = y + round(h / 2)
        edge = x + round(bw) if x < spine else x
        wires.append([(spine, mid), (edge, mid)])
        bottom[p] = max(bottom[p], mid)
    for (sx, _), end in zip(spines, bottom, strict=True):
        wires.append([(x0 + round(sx), y0), (x0 + round(sx), end)])
    return wires


class _Units:
    """The placed units, to draw the lines from managers to their reports."""

    def __init__(
        self,
        plan: Plan,
        kind: list[int],
        ref: list[int],
        kids: list[list[int]],
        uh: list[float],
        anchor: list[float],
        ax: dict[int, float],
        ay: dict[int, float],
        bx: list[int],
        by: list[int],
    ) -> None:
        self.plan = plan
        self.kind, self.ref, self.kids, self.uh, self.anchor = kind, ref, kids, uh, anchor
        self.ax, self.ay, self.bx, self.by = ax, ay, bx, by
        self.middle = round(plan.box_width / 2)

    def drops(self, c: int) -> list[Point]:
        """Where the lines down to unit ``c`` end: the top middle of its boxes or spines."""
        k = self.kind[c]
        if k == _BOX:
            return [(round(self.ax[c] + self.anchor[c]), self.by[self.ref[c]])]
        if k == _GROUP:
            b = self.ref[c]
            return [(self.bx[b] + self.middle, self.by[b])]
        if k == _FRAME:
            lead = self.plan.clusters[self.ref[c]].lead
            return [(self.bx[lead] + self.middle, self.by[lead])]
        columns = self.plan.boxes[self.ref[c]].columns
        x, y = round(self.ax[c]), round(self.ay[c])
        return [(x + round(sx), y) for sx, _ in _spines(columns, self.plan.box_width)]

    def _trunk(self, u: int) -> tuple[int, int]:
        """The middle of the bottom of the manager's box of unit ``u``."""
        box = self.plan.boxes[self.ref[u]]
        return self.bx[box.id] + self.middle, self.by[box.id] + round(box.height)

    def family(self, u: int) -> list[list[Point]]:
        """The lines from box unit ``u`` to the units in one row below it: trunk, bus, drops."""
        trunk, bottom = self._trunk(u)
        bus = round(self.ay[u] + self.uh[u] + style.VGAP / 2)
        return [[(trunk, bottom), (trunk, bus)], *_bus(trunk, bus, self._drops(self.kids[u]))]

    def spine(self, u: int, shelves: list[list[int]]) -> list[list[Point]]:
        """The lines from box unit ``u`` down its spine to the shelves of its reports."""
        trunk, bottom = self._trunk(u)
        wires: list[list[Point]] = []
        end = bottom
        for shelf in shelves:
            bus = round(min(self.ay[c] for c in shelf) - style.VGAP / 2)
            wires += _bus(trunk, bus, self._drops(shelf))
            end = max(end, bus)
        return [[(trunk, bottom), (trunk, end)], *wires]

    def _drops(self, units: list[int]) -> list[Point]:
        return [d for c in units for d in self.drops(c)]


def _bus(trunk: int, bus: int, drops: list[Point]) -> list[list[Point]]:
    """A horizontal bus at ``bus`` from the trunk to the drops, and the drops."""
    xs = [x for x, _ in drops] + [trunk]
    wires: list[list[Point]] = []
    if min(xs) < max(xs):
        wires.append([(min(xs), bus), (max(xs), bus)])
    wires += [[(x, bus), (x, y)] for x, y in drops]
    return wires
