"""How a box is painted, in every format that draws boxes itself (SVG, PowerPoint): its
fill, its border's colour, width and dashes.

>>> from orgroles.render.shapes import Box
>>> box_paint(Box(0, "cto", (), family="executive"))
Paint(fill='#dde7f7', stroke='#2f4b7c', width=1.2, dash=None)
>>> box_paint(Box(0, None, (), vacant=True, placeholder="boss")).dash
'2 3'
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from orgroles.render import style
from orgroles.render.shapes import Box

__all__ = [
    "DOTTED_COLOR",
    "EDGE_COLOR",
    "FRAME_FILL",
    "FRAME_STROKE",
    "PLACEHOLDER_DASH",
    "VACANT_DASH",
    "Paint",
    "box_paint",
]

EDGE_COLOR = style.EDGE_COLOR
DOTTED_COLOR = style.DOTTED_COLOR
FRAME_FILL = "#f6f8fa"
FRAME_STROKE = "#d0d7de"
VACANT_DASH = "5 3"
"""The dashes of a vacant seat's border (px on, px off)."""
PLACEHOLDER_DASH = "2 3"
"""The dots of a missing manager's border."""


class Paint(NamedTuple):
    """A box's fill, border colour, border width (px) and dashes (None: a solid line)."""

    fill: str
    stroke: str
    width: float
    dash: str | None


def box_paint(box: Box) -> Paint:
    """How ``box`` is painted: its family's colours, white and dashed when vacant, dotted
    for a missing manager, with a thick border of its worst violation's colour."""
    return _paint(box.family, box.vacant, box.placeholder is not None, box.severity)


@lru_cache(maxsize=256)
def _paint(family: str | None, vacant: bool, placeholder: bool, severity: str | None) -> Paint:
    colors = style.family_colors(family)
    fill, stroke = colors.fill, colors.stroke
    dash = None
    if vacant:
        fill = "#ffffff"
        dash = PLACEHOLDER_DASH if placeholder else VACANT_DASH
    width = 1.2
    if severity is not None:
        stroke = style.SEVERITY_COLORS[severity]
        width = 2.5
    return Paint(fill, stroke, width, dash)
