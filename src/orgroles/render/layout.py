"""Where the builtin engine puts a plan's boxes, team frames and connectors.

**Levels are rank.** Every box that a plan places as a report (not stacked, not an
assistant) sits with its top at the y of its level: roles with the same number of
managers above them are at the same height. The levels' heights come first
(`Levels`): each level is as tall as its tallest box (with the assistants beside
it), and the gap above a level is `VGAP`, more where a team
frame's name has to fit above its lead. The tidy-tree layout
(`orgroles.render.tidy`) then only chooses x: its *units* are a box (with its
assistants), a block of stacked leaves (its top at its manager's reports' level, taking
as many levels of the contours as it is tall, so that no deeper box of a neighbour comes
under it), or a team frame (laid out on its own first, innermost first, then placed as
one rectangle).

With `Plan.midpoints` (the PowerPoint charts), each manager's lines to its reports bend
halfway between its box and their level, where LibreOffice draws a PowerPoint elbow
connector whatever its adjustment says; the gap below a level is made tall enough that
the halfway line of its shortest manager passes below the assistants beside the managers
(`VGAP / 2` at least) and above the team frames' names below (`CLUSTER_PAD` at least).

Several top roles (a forest) are laid out tree by tree and, with `wrap`, put in rows
that fit a window `wrap` times wider than tall; levels hold within each row. Everything
here is linear in the number of boxes (the rows: O(T log T) for T trees) and uses no
recursion. Coordinates are whole pixels.

Examples:
    >>> import orgroles
    >>> from orgroles.render.plan import make_plan
    >>> chart = layout(make_plan(orgroles.load("examples/three_person_tech_team.yaml")))
    >>> chart.x, chart.y
    ([114, 114, 16, 212], [42, 122, 202, 202])
    >>> chart.levels
    [[42, 122, 202]]
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from orgroles.render import style
from orgroles.render.plan import Box, Plan, block_size
from orgroles.render.rows import forest_rows
from orgroles.render.team_names import BAND, LINE, name_room, name_rows
from orgroles.render.tidy import tidy_positions
from orgroles.render.wires import (
    Point,
    assistant_sides,
    column_height,
    place_assistants,
    place_stack,
    spines,
)

__all__ = [
    "FRAME_TOP",
    "MARGIN",
    "TREE_GAP",
    "Layout",
    "Levels",
    "header_height",
    "layout",
    "notes_width",
    "unit_size",
]

MARGIN = 16
"""Empty space around the chart, in px."""

FRAME_TOP = BAND
"""How far a team frame reaches above its lead's box for a name of one line (see
`orgroles.render.team_names`)."""

TREE_GAP = 3 * style.HGAP
"""The space between two trees of a forest, side by side in a row."""


@dataclass
class Layout:
    """A plan placed on the page: every box's top-left, team frames, connector lines.

    `wires` are polylines; `header` is where the title and notes start (baseline of
    the first line); `frames` are `(x, y, width, height)` by cluster id, all zero for
    a team whose lead is a stacked leaf (it has no frame). `rows` are the rows of a
    forest, as `(start, end)` of `plan.tops`, top to bottom, and `levels[r]` the y
    of each level in row `r` (the x, in a chart drawn left to right). `legend` holds
    the top-left corner of each entry of the plan's legend, under the chart.
    """

    width: int
    height: int
    x: list[int]
    y: list[int]
    frames: list[tuple[int, int, int, int]]
    wires: list[list[Point]]
    header: int
    rows: list[tuple[int, int]]
    levels: list[list[int]]
    legend: list[tuple[int, int]] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """What is found from the placed chart once, for all its pages (old lines' ends)."""


_BOX, _BLOCK, _FRAME = 0, 1, 2


def unit_size(plan: Plan, box: Box) -> tuple[float, float]:
    """The width and height of a box with its assistants beside it (see
    `orgroles.render.wires.assistant_sides()`)."""
    bw = plan.box_width
    if not box.assistants:
        return bw, box.height
    sides = [c for c in assistant_sides(box) if c]
    side = max(column_height(plan, c) for c in sides)
    return bw + len(sides) * (bw + style.SIDE_GAP + style.ASIDE), max(box.height, side)


def items_of(box: Box) -> list[int]:
    """What hangs below a box, left to right: its reports' box ids, and -1 for its stack."""
    items = list(box.children)
    if box.stack:
        items.insert(box.stack_at, -1)
    return items


class Levels:
    """The heights of a plan's levels: `top[L]` is the y of level `L` (level 0 at 0),
    `band[L]` the height of its tallest box (assistants included), `bus[L]` the y of
    the lines from level `L` to its reports.

    Examples:
        >>> import orgroles
        >>> from orgroles.render.plan import make_plan
        >>> levels = Levels(make_plan(orgroles.load("examples/three_person_tech_team.yaml")))
        >>> levels.top, levels.bus
        ([0.0, 80.0, 160.0, 240.0], [62.0, 142.0, 222.0])
    """

    def __init__(self, plan: Plan) -> None:
        band: list[float] = []
        framed: dict[int, float] = {}  # the band above a level for its frames' names
        boxes = plan.boxes
        shortest: dict[int, float] = {}  # the shortest manager of each level, by its box
        for box in boxes:
            if box.placement != "child":
                continue
            while len(band) <= box.level + bool(box.stack):  # a stack is on the next level
                band.append(0.0)
            h = unit_size(plan, box)[1]
            if h > band[box.level]:
                band[box.level] = h
            if box.children or box.stack:
                shortest[box.level] = min(box.height, shortest.get(box.level, box.height))
        for cluster in plan.clusters:
            lead = boxes[cluster.lead]
            if lead.placement == "child":
                two = name_rows(cluster.label) > 1
                framed[lead.level] = max(framed.get(lead.level, BAND), BAND + LINE * two)
        self.band = band
        self.framed = framed
        top = [0.0]
        bus = []
        self.midpoints = plan.midpoints
        for level, h in enumerate(band):
            bus.append(top[-1] + h + style.VGAP / 2)
            gap = style.VGAP + framed.get(level + 1, 0.0)
            if self.midpoints and level in shortest:  # halfway: below the band, above frames
                gap = max(gap, h + style.VGAP - shortest[level])
                if level + 1 in framed:
                    gap = max(gap, 2 * (framed[level + 1] + style.CLUSTER_PAD))
            top.append(top[-1] + h + gap)
        self.top = top
        self.bus = bus
        self.lift = framed.get(0, 0.0)  # frames above the top level

    def line(self, level: int, height: float) -> float:
        """How far below its level's top the lines from a manager's box of `level`,
        `height` tall, to its reports run: at the level's bus, or halfway down to the
        reports with `Plan.midpoints`."""
        if self.midpoints and level + 1 < len(self.top):
            return (height + self.top[level + 1] - self.top[level]) / 2
        return self.bus[level] - self.top[level]

    def reach(self, level: int, bottom: float) -> float:
        """How far down the contour of a unit of `level` reaches, from its level's top,
        when it draws down to `bottom` (from the same top): to the top of the first
        level whose lines above it pass below `bottom`, so that nothing of a neighbour
        can come under the unit and meet it."""
        top = self.top
        at = top[level] + bottom
        k = bisect.bisect_right(self.bus, at)  # the first level whose bus is below
        if k < len(self.bus):
            return top[k + 1] - top[level]
        return max(bottom + style.VGAP, top[-1] - top[level])


def header_height(plan: Plan) -> float:
    """The height of the chart's title and notes above its boxes: down to the last
    line's baseline, as `orgroles.render.svg` sets them (the notes start half a title
    line below the title's baseline), and 12 px more for its descenders and a gap."""
    notes = sum(style.line_height(line.style) for line in plan.notes)
    if not plan.title:
        return notes + 8 if notes else 0
    heading = style.line_height("heading")
    return heading + 8 + (heading / 2 + 2 + notes if notes else 0)


class _Units:
    """The units of a plan: boxes (with assistants), stacks and team frames, with sizes."""

    def __init__(self, plan: Plan, levels: Levels) -> None:
        self.plan = plan
        self.levels = levels
        boxes = plan.boxes
        bw = plan.box_width
        self.kind: list[int] = []
        self.ref: list[int] = []
        self.level: list[int] = []
        self.uw: list[float] = []
        self.uh: list[float] = []  # the contour's height: where a unit's reports start
        self.drawn: list[float] = []  # how far down from its top a unit draws
        self.anchor: list[float] = []
        self.kids: list[list[int]] = []
        self.parent: list[int] = []
        self.slot: list[int] = []  # where a unit is in its parent's list of children
        self.of_box = [-1] * len(boxes)
        block_of: dict[int, int] = {}
        top = levels.top
        for box in boxes:
            if box.placement != "child":
                continue
            w, h = unit_size(plan, box)
            left = bw + style.SIDE_GAP + style.ASIDE if assistant_sides(box)[0] else 0.0
            u = self.new(_BOX, box.id, box.level, w, h, left + bw / 2)
            self.of_box[box.id] = u
            if box.stack:
                height = boxes[box.stack[0]].height
                w, h = block_size(len(box.stack), box.columns, bw, height)
                block_of[box.id] = self.new(_BLOCK, box.id, box.level + 1, w, h, w / 2)
        kids, parent, slot = self.kids, self.parent, self.slot
        for box in boxes:
            u = self.of_box[box.id]
            if u < 0:
                continue
            below = [block_of[box.id] if c < 0 else self.of_box[c] for c in items_of(box)]
            kids[u] = below
            for k, c in enumerate(below):
                parent[c] = u
                slot[c] = k
            if below:  # its reports start at the next level
                self.uh[u] = top[box.level + 1] - top[box.level]
        for u in range(len(self.kind)):
            if not kids[u]:
                self.uh[u] = levels.reach(self.level[u], self.drawn[u])

    def new(self, kind: int, ref: int, level: int, w: float, h: float, a: float) -> int:
        self.kind.append(kind)
        self.ref.append(ref)
        self.level.append(level)
        self.uw.append(w)
        self.uh.append(h)
        self.drawn.append(h)
        self.anchor.append(a)
        self.kids.append([])
        self.parent.append(-1)
        self.slot.append(0)
        return len(self.kind) - 1

    def replace(self, old: int, new: int) -> None:
        """Unit `new` takes the place of `old` among its siblings."""
        p = self.parent[old]
        self.parent[new], self.slot[new] = p, self.slot[old]
        if p >= 0:
            self.kids[p][self.slot[old]] = new
        self.parent[old] = -1

    def place(self, roots: Sequence[int]) -> tuple[list[int], list[float], list[float]]:
        """The tidy layout of the trees under `roots`: units, lefts, tops."""
        return tidy_positions(
            self.kids, self.uw, self.uh, roots, hgap=style.HGAP, vgap=0.0, anchor=self.anchor
        )

    def extent(
        self, order: Sequence[int], xs: Sequence[float], ys: Sequence[float]
    ) -> tuple[float, float]:
        """The width of placed units, and how far down they draw."""
        uw, drawn = self.uw, self.drawn
        right = max(x + uw[v] for v, x in zip(order, xs, strict=True))
        bottom = max(y + drawn[v] for v, y in zip(order, ys, strict=True))
        return right, bottom


def layout(plan: Plan, wrap: float | None = None) -> Layout:
    """Place every box of `plan`; the result is what `orgroles.render.svg` draws.

    Every manager has its reports in one row below it (with its stack of leaves among
    them). With several top roles and `wrap`, the trees go in rows, each row as wide
    as makes the whole fit best in a window `wrap` times wider than tall; without
    `wrap`, they are side by side in one row.
    """
    boxes = plan.boxes
    levels = Levels(plan)
    units = _Units(plan, levels)
    kind, ref, uw, anchor = units.kind, units.ref, units.uw, units.anchor

    # -- team frames, laid out alone, innermost first, each then one rectangle ------------
    rel: dict[int, tuple[float, float]] = {}  # unit -> its place in its frame
    parts: list[tuple[int, list[int]]] = []  # (frame's unit, the units in it), inner first
    stand_in = list(range(len(kind)))  # the unit that stands for a box's whole part
    pad = style.CLUSTER_PAD
    for cluster in reversed(plan.clusters):  # inner frames first
        lead_box = boxes[cluster.lead]
        u = units.of_box[lead_box.id]
        if u < 0:  # a team led by a stacked leaf: no frame
            continue
        order, xs, ys = units.place([u])
        right, bottom = units.extent(order, xs, ys)
        # The line into the lead comes down after the team's name, never through it.
        said = name_room(cluster.label, name_rows(cluster.label))
        left = max(pad, said - xs[0] - anchor[u])
        more = left - pad if left - pad <= 2 * style.HGAP else 0.0  # a little: both sides
        f = units.new(
            _FRAME, cluster.id, lead_box.level, right + left + pad + more, bottom + pad, 0
        )
        units.uh[f] = levels.reach(lead_box.level, bottom + pad)
        anchor[f] = left + xs[0] + anchor[u]  # the lead is the first unit placed
        for v, x, y in zip(order, xs, ys, strict=True):
            rel[v] = (left + x, y)
        parts.append((f, order))
        units.replace(u, f)
        stand_in[u] = f
    roots = [stand_in[units.of_box[t]] for t in plan.tops]

    # -- the trees, in rows, then absolute positions -------------------------------------
    top = MARGIN + header_height(plan) + levels.lift
    ax: dict[int, float] = {}
    ay: dict[int, float] = {}
    rows: list[tuple[int, int]] = []
    row_tops: list[float] = []
    if wrap is None or len(roots) < 2:
        order, xs, ys = units.place(roots)
        for u, x, y in zip(order, xs, ys, strict=True):
            ax[u] = MARGIN + x
            ay[u] = top + y
        rows.append((0, len(roots)))
        row_tops.append(top)
    else:
        trees = [units.place([r]) for r in roots]
        sizes = [units.extent(*tree) for tree in trees]
        row_top = top
        for start, end in forest_rows(sizes, wrap, gap=TREE_GAP):
            left = float(MARGIN)
            for t in range(start, end):
                order, xs, ys = trees[t]
                for u, x, y in zip(order, xs, ys, strict=True):
                    ax[u] = left + x
                    ay[u] = row_top + y
                left += sizes[t][0] + TREE_GAP
            rows.append((start, end))
            row_tops.append(row_top)
            row_top += max(h for _, h in sizes[start:end]) + style.WRAP_GAP + levels.lift
    for part, inside in reversed(parts):  # outer frames first
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
    bottom = top
    for u in ax:
        k = kind[u]
        x0, y0 = round(ax[u]), round(ay[u])
        bottom = max(bottom, ay[u] + units.drawn[u])
        if k == _FRAME:
            lift = round(levels.framed[units.level[u]])
            frames[ref[u]] = (x0, y0 - lift, round(uw[u]), round(units.drawn[u]) + lift)
        elif k == _BOX:
            box = boxes[ref[u]]
            x0 += round(anchor[u] - plan.box_width / 2)  # after its assistants on the left
            bx[box.id], by[box.id] = x0, y0
            if box.assistants:
                wires += place_assistants(box.id, plan, bx, by, x0, y0)
        else:
            wires += place_stack(ref[u], plan, bx, by, x0, y0)
    lines = _Lines(plan, units, ax, ay, bx, by)
    for u in ax:
        if kind[u] == _BOX and units.kids[u]:
            wires += lines.family(u)

    right = max((ax[u] + uw[u] for u in ax), default=0.0)
    head = MARGIN + (style.line_height("heading") if plan.title else 0)
    width = max(right, MARGIN + notes_width(plan))
    return Layout(
        width=math.ceil(width + MARGIN),
        height=math.ceil(bottom + MARGIN),
        x=bx,
        y=by,
        frames=frames,
        wires=wires,
        header=round(head - 4),
        rows=rows,
        levels=[[round(t + y) for y in levels.top[: len(levels.band)]] for t in row_tops],
    )


def notes_width(plan: Plan) -> float:
    """How wide the chart's title and notes are, in px."""
    widths = [style.measure(plan.title, "heading")] if plan.title else []
    widths += [style.measure(line.text, line.style) for line in plan.notes]
    return max(widths, default=0.0)


class _Lines:
    """The placed units, to draw the lines from managers to their reports."""

    def __init__(
        self,
        plan: Plan,
        units: _Units,
        ax: dict[int, float],
        ay: dict[int, float],
        bx: list[int],
        by: list[int],
    ) -> None:
        self.plan = plan
        self.units = units
        self.ax, self.ay, self.bx, self.by = ax, ay, bx, by
        self.middle = round(plan.box_width / 2)

    def drops(self, c: int) -> list[Point]:
        """Where the lines down to unit `c` end: the top middle of its boxes or spines."""
        units = self.units
        k = units.kind[c]
        if k == _BOX:
            return [(round(self.ax[c] + units.anchor[c]), self.by[units.ref[c]])]
        if k == _FRAME:
            lead = self.plan.clusters[units.ref[c]].lead
            return [(self.bx[lead] + self.middle, self.by[lead])]
        columns = self.plan.boxes[units.ref[c]].columns
        x, y = round(self.ax[c]), round(self.ay[c])
        return [(x + round(sx), y) for sx, _ in spines(columns, self.plan.box_width)]

    def family(self, u: int) -> list[list[Point]]:
        """The lines from box unit `u` to the units in one row below it: trunk, bus, drops."""
        box = self.plan.boxes[self.units.ref[u]]
        trunk = self.bx[box.id] + self.middle
        y = self.by[box.id]
        bus = round(y + self.units.levels.line(box.level, box.height))
        drops = [d for c in self.units.kids[u] for d in self.drops(c)]
        xs = [x for x, _ in drops] + [trunk]
        wires = [[(trunk, y + round(box.height)), (trunk, bus)]]
        if min(xs) < max(xs):
            wires.append([(min(xs), bus), (max(xs), bus)])
        wires += [[(x, bus), (x, end)] for x, end in drops]
        return wires
