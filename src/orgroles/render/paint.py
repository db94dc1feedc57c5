"""The colours of a chart, in every format that draws boxes itself (SVG, PNG, PDF,
PowerPoint, the explorer): the themes, the colours of the groups a chart is coloured by,
and how a box is painted (fill, border colour, width, dashes).

Three themes: `default` (a light fill and a darker border per group), `print` (grey
levels and no fills, for a black-and-white printer) and `high-contrast` (black text
and borders, thicker lines). A chart is coloured by family (the default), team, kind or
any `meta` field: the largest groups get the colours of `PALETTE`, in order, and
the others share one grey.

Examples:
    >>> from orgroles.render.shapes import Box
    >>> box_paint(Box(0, "cto", (), family="executive", color_key="executive"))
    Paint(fill='#dde7f7', stroke='#2f4b7c', width=1.2, dash=None)
    >>> box_paint(Box(0, None, (), vacant=True, placeholder="boss")).dash
    '2 3'
    >>> group_colors(["a", "b"], "team", "print")["b"]
    Colors(fill='#ffffff', stroke='#57606a')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from orgroles.render import style
from orgroles.render.style import Colors

if TYPE_CHECKING:
    from orgroles.render.shapes import Box, Plan

__all__ = [
    "CHANGE_COLORS",
    "GHOST_FILL",
    "GREY_GROUPS",
    "GROUPS",
    "OLD_LINE_DASH",
    "OLD_LINE_WIDTH",
    "REMOVED_DASH",
    "PALETTE",
    "PLACEHOLDER_DASH",
    "PLANNED_DASH",
    "THEMES",
    "VACANT_DASH",
    "Paint",
    "Theme",
    "box_paint",
    "group_colors",
    "theme_of",
]

VACANT_DASH = "5 3"
"""The dashes of a vacant seat's border (px on, px off)."""
PLACEHOLDER_DASH = "2 3"
"""The dots of a missing manager's border."""
PLANNED_DASH = "1.5 3"
"""The fine dots of a planned seat's border (a seat to come, not a hole: it keeps its fill)."""

CHANGE_COLORS = {
    "added": "#1a7f37",
    "removed": "#8c959f",
    "moved": "#0969da",
    "restaffed": "#bf8700",
}
"""The border colours of the seats a change chart marks (green for a new seat, grey for a
removed one, blue for a move, amber for a new holder); the old line of a moved seat takes
the blue of moves."""
GHOST_FILL = "#f6f8fa"
"""The pale fill of a removed seat (a ghost) in a change chart."""
REMOVED_DASH = "4 3"
"""The dashes of a removed seat's border."""
OLD_LINE_DASH = "6 4"
"""The dashes of a moved seat's old reporting line."""
OLD_LINE_WIDTH = 1.5
"""The width of a moved seat's old reporting line, in px."""

PALETTE: tuple[Colors, ...] = (*map(style.family_colors, style.FAMILY_NAMES), *style.SPARE)
"""The colours of groups other than families, the largest group first: the families'
colours, then two that no family has."""
OTHER = Colors("#eef0f2", "#6e7781")
"""The colours of the boxes in no group, or in a group beyond the palette."""

GROUPS = len(PALETTE)
"""How many groups get a colour of their own."""

_GREYS = ("#1f2328", "#57606a", "#8c959f", "#afb8c1")

GREY_GROUPS = len(_GREYS) - 1
"""How many groups get a grey of their own in the `print` theme, the largest of the
chart first: more greys could not be told apart on paper. The others share the lightest,
with the boxes in no group."""


@dataclass(frozen=True)
class Theme:
    """How a theme paints a chart: text colours by line style (those it changes), lines,
    team frames, borders, and whether boxes are filled."""

    name: str
    text: Mapping[str, str] = field(default_factory=dict)
    edge: str = style.EDGE_COLOR
    edge_width: float = 1.2
    dotted: str = style.DOTTED_COLOR
    frame_fill: str = "#f6f8fa"
    frame_stroke: str = "#d0d7de"
    frame_text: str = "#57606a"
    border: float = 1.2
    fills: bool = True
    severity: Mapping[str, str] = field(default_factory=lambda: dict(style.SEVERITY_COLORS))

    def color(self, line_style: str) -> str:
        """The colour of a line of text of `line_style`."""
        return self.text.get(line_style) or style.STYLES[line_style].color


_ALERTS = tuple(style.ALERTS.values())
_BLACK = {name: "#000000" for name in style.STYLES if name not in (*_ALERTS, "initials")}
_CONTRAST = {"error": "#a40e26", "warning": "#8a4600", "info": "#0040a0"}
"""The high-contrast theme's colours of the severities: borders, and the codes' text."""
_THEMES = {
    "default": Theme("default"),
    "print": Theme(
        "print",
        text={**dict.fromkeys(("title", "headname", "heading", *_ALERTS), "#000000")},
        edge="#57606a",
        dotted="#57606a",
        frame_fill="#ffffff",
        frame_stroke="#8c959f",
        fills=False,
        severity={"error": "#000000", "warning": "#1f2328", "info": "#57606a"},
    ),
    "high-contrast": Theme(
        "high-contrast",
        text={
            **_BLACK,
            **{style.ALERTS[severity]: color for severity, color in _CONTRAST.items()},
            "team": "#000000",
        },
        edge="#000000",
        edge_width=1.6,
        dotted="#5a00b4",
        frame_fill="#ffffff",
        frame_stroke="#000000",
        frame_text="#000000",
        border=2.0,
        severity=_CONTRAST,
    ),
}

THEMES: tuple[str, ...] = tuple(_THEMES)
"""The themes, by name."""


def theme_of(name: str) -> Theme:
    """The theme called `name` (`default`, `print` or `high-contrast`)."""
    return _THEMES[name]


def _themed(colors: Colors, theme: str, k: int) -> Colors:
    if theme == "print":
        return Colors("#ffffff", _GREYS[min(k, GREY_GROUPS)])
    if theme == "high-contrast":
        return Colors(colors.fill, "#000000")
    return colors


def group_colors(
    keys: Sequence[str | None],
    color_by: str,
    theme: str = "default",
    ranks: Mapping[str, int] | None = None,
) -> dict[str | None, Colors]:
    """The colours of the groups `keys` (the largest first) of a chart coloured by
    `color_by`: families have colours of their own, and families no palette entry names
    take the colours that no family of the chart (or of `ranks`, the whole org's) has;
    other groups take the palette in order (or at their `ranks`), and the ones beyond it,
    and `None`, share a grey."""
    found: dict[str | None, Colors] = {}
    families: dict[str, Colors] = {}
    if color_by == "family":
        named = sorted(ranks, key=ranks.__getitem__) if ranks is not None else []
        families = style.family_palette([*named, *(k for k in keys if k is not None)])
    k = 0
    for key in keys:
        if ranks is not None and key is not None and theme != "print":  # print: in order
            k = ranks.get(key, GROUPS)
        if key is None:
            colors = OTHER
        elif color_by == "family":
            colors = families[key]
        elif k < GROUPS:
            colors = PALETTE[k]
        else:
            colors = OTHER
        found[key] = _themed(colors, theme, k if key is not None else GREY_GROUPS)
        if key is not None:
            k += 1
    return found


class Paint(NamedTuple):
    """A box's fill, border colour, border width (px) and dashes (None: a solid line)."""

    fill: str
    stroke: str
    width: float
    dash: str | None


def box_paint(box: Box, plan: Plan | None = None) -> Paint:
    """How `box` of `plan` is painted: its group's colours in the plan's theme, white
    and dashed when vacant, dotted for a missing manager, finely dotted (with its fill) when
    planned, with a thick border of its worst violation's colour. In a change chart, a
    new, moved or re-staffed seat has a thick border of `CHANGE_COLORS`, and a removed
    one a pale fill and a dashed grey border."""
    theme = plan.theme if plan is not None else "default"
    colors = plan.palette.get(box.color_key) if plan is not None else None
    if colors is None:
        colors = _themed(style.family_colors(box.color_key), theme, 0)
    placeholder = box.placeholder is not None
    paint = _paint(colors, box.vacant, placeholder, box.planned, box.severity, theme)
    if box.change and box.severity is None:
        return _changed(paint, box.change[0])
    return paint


def _changed(paint: Paint, change: str) -> Paint:
    """`paint` marked with a change: a ghost for a removed seat, else a thick border."""
    stroke = CHANGE_COLORS[change]
    if change == "removed":
        return Paint(GHOST_FILL, stroke, paint.width, REMOVED_DASH)
    return Paint(paint.fill, stroke, 2.5, paint.dash)


@lru_cache(maxsize=1024)
def _paint(
    colors: Colors,
    vacant: bool,
    placeholder: bool,
    planned: bool,
    severity: str | None,
    theme: str,
) -> Paint:
    look = _THEMES[theme]
    fill, stroke = colors.fill, colors.stroke
    dash = None
    if vacant or not look.fills:
        fill = "#ffffff"
    if vacant:
        dash = PLACEHOLDER_DASH if placeholder else VACANT_DASH
    elif planned:
        dash = PLANNED_DASH
    width = look.border
    if severity is not None:
        stroke = look.severity.get(severity, stroke)
        width = 2.5
    return Paint(fill, stroke, width, dash)
