"""A team's name on its frame: on one line or two, and never crossed by the line into
the team's lead.

The name runs along the top of the frame from its left side (down its left side,
reading upwards, in a chart drawn left to right), and the line into the lead comes
down after it. A name no wider than a box is written on one line; a longer one on two,
so that its frame widens half as much for it. The layout makes each frame wide enough
(`name_room()`), and the renderers wrap the name to the room that is left of the line
(`name_lines()`), so that both agree.

Examples:
    >>> name_rows("Platform squad"), name_rows("Payments Reconciliation and Settlement")
    (1, 2)
    >>> name_lines("Payments Reconciliation and Settlement", 2, 160)
    ('Payments Reconciliation', 'and Settlement')
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from orgroles.render import style

if TYPE_CHECKING:
    from orgroles.render.layout import Layout
    from orgroles.render.plan import Cluster, Plan

__all__ = [
    "BAND",
    "INSET",
    "LINE",
    "WIDEST",
    "frame_name",
    "name_lines",
    "name_room",
    "name_rows",
]

INSET = 8.0
"""Where a team's name starts, from its frame's side, and the gap after it."""
WIDEST = 480.0
"""The widest line of a team's name, in px: a longer name ends with an ellipsis."""
LINE = style.STYLES["team"].leading
"""The height of a line of a team's name."""
BAND = style.CLUSTER_LABEL + style.CLUSTER_PAD
"""How far a team frame reaches above its lead's box for a name of one line (`LINE`
more for two)."""


def name_rows(name: str) -> int:
    """On how many lines a team's name is written: one when it is no wider than a box
    (`style.BOX_WIDTH`), in either direction."""
    return 1 if style.measure(name, "team") <= style.BOX_WIDTH else 2


def name_room(name: str, rows: int) -> float:
    """How far from its frame's side a team's name on `rows` lines reaches, with the gap
    after it: the line into the lead comes no nearer.

    Examples:
        >>> name_room("", 1) < name_room("Platform", 1) < name_room("Platform squad", 1)
        True
        >>> name_room("x" * 500, 1) == 2 * INSET + WIDEST + 1
        True
    """
    width = style.measure(name, "team")
    if rows > 1:  # the narrowest width that holds it on two lines, without an ellipsis
        step = 8.0
        w = min(WIDEST, max(width / 2, *(style.measure(t, "team") for t in name.split() or [""])))
        while w < WIDEST and style.wrap(name, "team", w, max_lines=2)[-1].endswith(style.ELLIPSIS):
            w += step
        width = max(style.measure(t, "team") for t in style.wrap(name, "team", w, max_lines=2))
    return math.ceil(2 * INSET + min(width, WIDEST)) + 1  # whole px, as charts place frames


def name_lines(name: str, rows: int, room: float) -> tuple[str, ...]:
    """A team's name as drawn: on at most `rows` lines no wider than `room` (the frame's
    width before the line into its lead, less the gaps) and `WIDEST`, the last ended
    with an ellipsis when it does not fit."""
    return style.wrap(name, "team", min(room, WIDEST), max_lines=rows)


def frame_name(plan: Plan, chart: Layout, cluster: Cluster) -> tuple[str, ...]:
    """The lines of a team's name on its frame in a laid-out chart: wrapped to the room
    before the line into its lead (the middle of the lead's side)."""
    x, y, _, _ = chart.frames[cluster.id]
    lead = cluster.lead
    if plan.direction == "LR":  # the name runs down the frame's left side
        line_at = chart.y[lead] + plan.boxes[lead].height / 2 - y
    else:
        line_at = chart.x[lead] + plan.box_width / 2 - x
    name = cluster.label
    return name_lines(name, name_rows(name), line_at - 2 * INSET)
