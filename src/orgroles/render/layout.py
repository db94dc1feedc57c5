"""Where the builtin engine puts a plan's boxes, team frames and connectors.

The tidy-tree layout (:mod:`orgroles.render.tidy`) places *units*: a box (with the
assistants beside it), a block of stacked leaves, or a team frame, which is laid out on
its own first and then placed as one rectangle, so that frames never overlap other
boxes. Everything here is linear in the number of boxes and uses no recursion.
Coordinates are whole pixels.

>>> import orgroles
>>> from orgroles.render.plan import make_plan
>>> chart = layout(make_plan(orgroles.load("examples/three_person_tech_team.yaml")))
>>> chart.x, chart.y
([114, 114, 16, 212], [42, 122, 202, 202])
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from orgroles.render import style
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
    the first line); ``frames`` are ``(x, y, width, height)`` by cluster id.
    """

    width: int
    height: int
    x: list[int]
    y: list[int]
    frames: list[tuple[int, int, int, int]]
    wires: list[list[Point]]
    header: int


_BOX, _BLOCK, _FRAME = 0, 1, 2


def _header_height(plan: Plan) -> float:
    lines = ([style.line_height("heading")] if plan.title else []) + [
        style.line_height(line.style) for line in plan.notes
    ]
    return sum(lines) + (8 if lines else 0)


def layout(plan: Plan) -> Layout:
    """Place every box of ``plan``; the result is what :mod:`orgroles.render.svg` draws."""
    boxes = plan.boxes
    bw = plan.box_width
    # -- units -------------------------------------------------------------------------
    kind: list[int] = []
    ref: list[int] = []
    uw: list[float] = []
    uh: list[float] = []
    anchor: list[float] = []
    kids: list[list[int]] = []
    unit_of_box = [-1] * len(boxes)
    block_of_box: dict[int, int] = {}

    def new(k: int, r: int, w: float, h: float, a: float) -> int:
        kind.append(k)
        ref.append(r)
        uw.append(w)
        uh.append(h)
        anchor.append(a)
        kids.append([])
        return len(kind) - 1

    for box in boxes:
        if box.placement != "child":
            continue
        w, h = bw, box.height
        if box.assistants:
            side = sum(boxes[a].height for a in box.assistants)
            side += style.ROW_GAP * (len(box.assistants) - 1)
            w, h = 2 * bw + style.SIDE_GAP, max(h, side)
        unit_of_box[box.id] = new(_BOX, box.id, w, h, bw / 2)
        if box.stack:
            height = boxes[box.stack[0]].height
            w, h = block_size(len(box.stack), box.columns, bw, height)
            block_of_box[box.id] = new(_BLOCK, box.id, w, h, w / 2)
    parent_unit = [-1] * len(kind)
    slot = [0] * len(kind)  # where a unit is in its parent's list of children
    for box in boxes:
        u = unit_of_box[box.id]
        if u < 0:
            continue
        below = [unit_of_box[c] for c in box.children]
        if box.stack:
            below.insert(box.stack_at, block_of_box[box.id])
        kids[u] = below
        for k, c in enumerate(below):
            parent_unit[c] = u
            slot[c] = k

    # -- team frames, innermost first: each is laid out alone, then is one rectangle ----
    rel: dict[int, tuple[float, float]] = {}
    inner: dict[int, list[int]] = {}  # frame unit -> units inside it
    frame_of_lead: dict[int, int] = {}
    pad, label = style.CLUSTER_PAD, style.CLUSTER_LABEL
    for cluster in reversed(plan.clusters):
        lead = unit_of_box[cluster.lead]
        order, xs, ys = tidy_positions(
            kids, uw, uh, [lead], hgap=style.HGAP, vgap=style.VGAP, anchor=anchor
        )
        right = max(x + uw[u] for u, x in zip(order, xs, strict=True))
        bottom = max(y + uh[u] for u, y in zip(order, ys, strict=True))
        f = new(_FRAME, cluster.id, right + 2 * pad, bottom + label + 2 * pad, 0.0)
        parent_unit.append(parent_unit[lead])
        slot.append(slot[lead])
        frame_of_lead[lead] = f
        for u, x, y in zip(order, xs, ys, strict=True):
            if u == lead:
                anchor[f] = pad + x + anchor[u]
            rel[u] = (pad + x, label + pad + y)
        inner[f] = order
        if parent_unit[lead] >= 0:  # the frame takes the lead's place among its siblings
            kids[parent_unit[lead]][slot[lead]] = f
        parent_unit[lead] = -1
    roots = [frame_of_lead.get(unit_of_box[t], unit_of_box[t]) for t in plan.tops]

    # -- the forest of units, then absolute positions ------------------------------------
    top = MARGIN + _header_height(plan)
    order, xs, ys = tidy_positions(
        kids, uw, uh, roots, hgap=style.HGAP, vgap=style.VGAP, anchor=anchor
    )
    ax: dict[int, float] = {}
    ay: dict[int, float] = {}
    for u, x, y in zip(order, xs, ys, strict=True):
        ax[u] = MARGIN + x
        ay[u] = top + y
    for f in sorted(inner, key=lambda f: ref[f]):  # outer frames first (by cluster id)
        fx, fy = ax[f], ay[f]
        for u in inner[f]:
            dx, dy = rel[u]
            ax[u] = fx + dx
            ay[u] = fy + dy

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
        else:
            wires += _stack(ref[u], plan, bx, by, x0, y0)
    for u in ax:
        if kind[u] == _BOX and kids[u]:
            wires += _family(u, plan, kind, ref, kids, uh, anchor, ax, ay, bx, by)

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


def _family(
    u: int,
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
) -> list[list[Point]]:
    """The connector from box unit ``u`` to the units below it: trunk, bus and drops."""
    boxes = plan.boxes
    box = boxes[ref[u]]
    trunk = bx[box.id] + round(plan.box_width / 2)
    bus = round(ay[u] + uh[u] + style.VGAP / 2)
    drops: list[Point] = []  # (x, y of the top it reaches)
    for c in kids[u]:
        k = kind[c]
        if k == _BOX:
            drops.append((round(ax[c] + anchor[c]), by[ref[c]]))
        elif k == _FRAME:
            lead = plan.clusters[ref[c]].lead
            drops.append((bx[lead] + round(plan.box_width / 2), by[lead]))
        else:
            for sx, _ in _spines(box.columns, plan.box_width):
                drops.append((round(ax[c]) + round(sx), round(ay[c])))
    wires: list[list[Point]] = [[(trunk, by[box.id] + round(box.height)), (trunk, bus)]]
    xs = [x for x, _ in drops] + [trunk]
    if min(xs) < max(xs):
        wires.append([(min(xs), bus), (max(xs), bus)])
    wires += [[(x, bus), (x, y)] for x, y in drops]
    return wires
