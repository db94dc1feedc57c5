"""The pieces of a plan: lines of text, boxes, team frames, and the plan itself.

A `Plan` is what every format draws; `make_plan()`
makes one, and `layout` places its boxes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from orgroles.render import style
from orgroles.render.style import Colors

__all__ = [
    "BLOCK_RATIO",
    "CHANGES",
    "Colors",
    "CUT_STACK_MIN",
    "STACK_MIN",
    "Box",
    "Cluster",
    "Line",
    "Placement",
    "Plan",
    "block_size",
    "tops_by_size",
]

CHANGES = ("added", "removed", "moved", "restaffed")
"""The kinds of change a change chart marks, in the order of its legend."""

STACK_MIN = 6
"""A manager with at least this many leaf reports gets them stacked in columns."""

CUT_STACK_MIN = 8
"""A manager with at least this many reports cut at the depth ("+29 below") gets them
stacked too; fewer stay side by side, as peers (a CEO's executive team on a deck's first
slide, a CRO's four regional VPs)."""

BLOCK_RATIO = 1.5
"""The width over height that a block of stacked leaves aims for."""

Placement = Literal["child", "stack", "assistant"]


class Line(NamedTuple):
    """One line of text in a box, with the name of its style in `style.STYLES`."""

    style: str
    text: str


@dataclass(eq=False, slots=True)
class Box:
    """One box of the chart: a role, or a fold standing for several roles.

    `children` are the reports drawn as subtrees below, `stack` the leaf reports
    stacked in `columns` columns (the block sits among the children at index
    `stack_at`), and `assistants` the staff seats drawn beside the box.
    `placeholder` is set (to the missing manager's id) on the box that stands for a
    manager that roles report to but that the org does not have; such a box has no
    `role`. `hidden` counts the roles below the box that the chart leaves out.
    `color_key` names the group whose colours the box takes (its family by default: see
    `orgroles.render.paint`). With photos shown, `photo` is the holder's photo (a
    `data:` URI) and `initials` stand in for a holder who has none.
    """

    id: int
    role: str | None
    lines: tuple[Line, ...]
    family: str | None = None
    vacant: bool = False
    acting: bool = False
    planned: bool = False
    folded: tuple[str, ...] = ()
    placeholder: str | None = None
    severity: str | None = None
    tooltip: tuple[str, ...] = ()
    url: str | None = None
    parent: int = -1
    level: int = 0
    height: float = 0.0
    placement: Placement = "child"
    children: list[int] = field(default_factory=list)
    stack: list[int] = field(default_factory=list)
    stack_at: int = 0
    columns: int = 0
    assistants: list[int] = field(default_factory=list)
    cluster: int = -1
    hidden: int = 0
    color_key: str | None = None
    photo: str | None = None
    initials: str | None = None
    change: tuple[str, ...] = ()

    @property
    def node(self) -> str:
        """The synthetic node id (`n0`, `n1`, ...) that DOT, SVG and Mermaid use."""
        return f"n{self.id}"


@dataclass(eq=False)
class Cluster:
    """A declared team drawn as a frame: its lead's box and every box below it."""

    id: int
    team: str
    label: str
    lead: int
    parent: int = -1
    boxes: list[int] = field(default_factory=list)
    children: list[int] = field(default_factory=list)


@dataclass(eq=False)
class Plan:
    """Everything a chart shows, in drawing order: boxes in pre-order, tops first.

    `palette` holds the colours of each group of boxes (by `Box.color_key`) in the
    chart's `theme`, and `legend` the groups it names, as `(label, key)`, largest
    first. `direction` is `TB` (levels from top to bottom) or `LR` (left to right);
    `photos` says whether boxes have a photo (or initials) at their top. A change chart
    has `moves`, the old reporting lines of the seats that moved, as `(old manager's box,
    box)`, and `changes`, its legend of the kinds of change present, as `(label, kind)`.
    `lines` is the legend of the kinds of line drawn besides reporting lines, as
    `(label, kind)`: `dotted` for the dotted (matrix) lines. `midpoints` bends each
    manager's lines to its reports halfway down to them (see `orgroles.render.layout`).
    `narrow` stacks the managers cut at the depth below the top's reports as leaves
    are, wherever leaves are stacked (a notebook's preview, which must fit a cell).
    """

    title: str
    boxes: list[Box]
    tops: list[int]
    clusters: list[Cluster]
    dotted: list[tuple[int, int]]
    notes: tuple[Line, ...]
    box_width: float
    lang: str
    roles: int
    shown: int
    theme: str = "default"
    direction: str = "TB"
    palette: dict[str | None, Colors] = field(default_factory=dict)
    legend: tuple[tuple[str, str | None], ...] = ()
    photos: bool = False
    moves: list[tuple[int, int]] = field(default_factory=list)
    changes: tuple[tuple[str, str], ...] = ()
    lines: tuple[tuple[str, str], ...] = ()
    midpoints: bool = False
    narrow: bool = False


def tops_by_size(plan: Plan) -> tuple[list[int], list[int]]:
    """The plan's top boxes, the trees with the most boxes first (ties in the plan's
    order), and how many boxes the tree under each box holds.

    Examples:
        >>> from orgroles.render.shapes import Box, Plan
        >>> boxes = [Box(0, "a", ()), Box(1, "b", ()), Box(2, "c", (), parent=1)]
        >>> tops_by_size(Plan("", boxes, [0, 1], [], [], (), 180.0, "en", 3, 3))
        ([1, 0], [1, 2, 1])
    """
    size = [1] * len(plan.boxes)
    for box in reversed(plan.boxes):  # pre-order: reports after their manager
        if box.parent >= 0:
            size[box.parent] += size[box.id]
    return sorted(plan.tops, key=lambda t: -size[t]), size


def block_size(count: int, columns: int, width: float, height: float) -> tuple[float, float]:
    """Return the width and height of `count` boxes stacked in `columns` columns.

    Columns go in pairs around a vertical spine; an odd last column has its own.

    Examples:
        >>> block_size(40, 4, 180, 44)
        (800.0, 530.0)
    """
    rows = math.ceil(count / columns)
    pairs = math.ceil(columns / 2)
    w = columns * width + pairs * style.SPINE_GAP + (pairs - 1) * style.PAIR_GAP
    if columns % 2:
        w -= style.SPINE_GAP / 2
    h = rows * height + (rows - 1) * style.ROW_GAP
    return w, h
