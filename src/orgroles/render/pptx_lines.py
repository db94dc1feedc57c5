"""The lines of a PowerPoint chart: the route of each reporting line, and freeform paths.

A reporting line is an elbow connector glued to two boxes (`reporting_lines()`); a
stacked leaf's line is a freeform shape with sharp corners (`polyline()`), and an old
line of a change chart one with rounded corners (`freeform()`), along the SVG chart's
route.

Examples:
    >>> left, top, w, h, geometry = freeform([(0, 0), (0, 200), (500, 200), (500, 600)], 80)
    >>> (left, top, w, h), geometry.count("<a:quadBezTo>")
    ((0, 0, 500, 600), 2)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from orgroles.render import style
from orgroles.render.layout import Levels
from orgroles.render.old_lines import rounded_corners
from orgroles.render.paint import PLACEHOLDER_DASH, PLANNED_DASH

if TYPE_CHECKING:
    from orgroles.render.layout import Layout
    from orgroles.render.plan import Plan

__all__ = [
    "Elbow",
    "color_hex",
    "dash_xml",
    "freeform",
    "path_shape",
    "polyline",
    "rect_shape",
    "reporting_lines",
    "solid_fill",
]

Elbow = tuple[int, int, int, int, list[tuple[float, float]], bool]
"""A reporting line: the manager's box and its site, the report's box and its site (0
top, 1 left, 2 bottom, 3 right), the route (chart px) and whether its first piece is
vertical."""

_TURN = {0: 1, 1: 0, 2: 3, 3: 2}  # a site of the turned chart: top <-> left, bottom <-> right


def reporting_lines(plan: Plan, chart: Layout) -> Iterator[Elbow]:
    """The reporting lines of a chart, as the SVG chart draws them.

    A chart drawn left to right is the chart of its plan turned a quarter
    (`orgroles.render.arrange`): its lines are found on the turned chart, as those of a
    chart drawn top to bottom, and turned back (the bottom of a box is then its right
    side, its left side its top).
    """
    if plan.direction != "LR":
        yield from _elbows(plan, chart.x, chart.y)
        return
    tall = max((b.height for b in plan.boxes), default=0.0)
    turned = dataclasses.replace(
        plan,
        boxes=[dataclasses.replace(b, height=plan.box_width) for b in plan.boxes],
        box_width=tall,
    )
    for a, site_a, b, site_b, route, vertical in _elbows(turned, chart.y, chart.x):
        yield a, _TURN[site_a], b, _TURN[site_b], [(y, x) for x, y in route], not vertical


def _elbows(plan: Plan, xs: Sequence[float], ys: Sequence[float]) -> Iterator[Elbow]:
    """The reporting lines of a chart drawn top to bottom, whose boxes are at `xs`,
    `ys`: each as (manager, its site, report, its site, route, whether the route's first
    piece is vertical). Sites: 0 top, 1 left, 2 bottom, 3 right."""
    boxes = plan.boxes
    levels = Levels(plan)
    bw = plan.box_width
    gap = style.SPINE_GAP / 2
    for box in boxes:
        if box.parent < 0:
            continue
        m = boxes[box.parent]
        mx, my = xs[m.id], ys[m.id]
        x, y = xs[box.id], ys[box.id]
        start: tuple[float, float]
        end: tuple[float, float]
        if box.placement == "assistant" and x < mx:  # on its manager's left
            start, end = (mx, my + m.height / 2), (x + bw, y + box.height / 2)
            bar = mx - style.SIDE_GAP / 2
            yield m.id, 1, box.id, 3, [start, (bar, start[1]), (bar, end[1]), end], False
            continue
        if box.placement == "assistant":
            start, end = (mx + bw, my + m.height / 2), (x, y + box.height / 2)
            bar = mx + bw + style.SIDE_GAP / 2
            yield m.id, 3, box.id, 1, [start, (bar, start[1]), (bar, end[1]), end], False
            continue
        bus = my + levels.line(m.level, m.height)
        start = (mx + bw / 2, my + m.height)
        if box.placement == "stack":
            column = m.stack.index(box.id) % m.columns
            if column % 2 == 0 and column + 1 < m.columns:  # left of its spine
                spine, end, site = x + bw + gap, (x + bw, y + box.height / 2), 3
            else:
                spine, end, site = x - gap, (x, y + box.height / 2), 1
            route = [start, (start[0], bus), (spine, bus), (spine, end[1]), end]
            yield m.id, 2, box.id, site, route, True
        else:
            end = (x + bw / 2, y)
            yield m.id, 2, box.id, 0, [start, (start[0], bus), (end[0], bus), end], True


def freeform(points: list[tuple[float, float]], radius: float) -> tuple[int, int, int, int, str]:
    """A freeform shape along an orthogonal route (EMU), its corners rounded with this
    `radius` (EMU): its left, top, width, height and DrawingML geometry (`a:custGeom`,
    a path without fill)."""
    first, corners, last = rounded_corners(points, radius)
    steps: list[tuple[str, tuple[tuple[float, float], ...]]] = []
    for before, corner, after in corners:
        steps += [("lnTo", (before,)), ("quadBezTo", (corner, after))]
    steps.append(("lnTo", (last,)))
    return _path(first, steps)


def polyline(points: list[tuple[float, float]]) -> tuple[int, int, int, int, str]:
    """A freeform shape along a route (EMU), with sharp corners: as `freeform()`.

    Examples:
        >>> polyline([(10, 0), (10, 50), (40, 50)])[:4]
        (10, 0, 30, 50)
    """
    return _path(points[0], [("lnTo", (p,)) for p in points[1:]])


def _path(
    first: tuple[float, float], steps: list[tuple[str, tuple[tuple[float, float], ...]]]
) -> tuple[int, int, int, int, str]:
    """The shape of a path from `first`, each step a DrawingML command and its points."""
    at = [first, *(p for _, points in steps for p in points)]
    left = min(round(x) for x, _ in at)
    top = min(round(y) for _, y in at)
    w = max(1, max(round(x) for x, _ in at) - left)
    h = max(1, max(round(y) for _, y in at) - top)

    def pt(p: tuple[float, float]) -> str:
        return f'<a:pt x="{round(p[0]) - left}" y="{round(p[1]) - top}"/>'

    path = [f"<a:moveTo>{pt(first)}</a:moveTo>"]
    path += [f"<a:{op}>{''.join(map(pt, points))}</a:{op}>" for op, points in steps]
    geometry = (
        "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>"
        '<a:rect l="l" t="t" r="r" b="b"/>'
        f'<a:pathLst><a:path w="{w}" h="{h}" fill="none">{"".join(path)}</a:path>'
        "</a:pathLst></a:custGeom>"
    )
    return left, top, w, h, geometry


def path_shape(shape_id: int, name: str, shape: tuple[int, int, int, int, str], ln: str) -> str:
    """The DrawingML of a freeform shape (`freeform()` or `polyline()`), with no fill
    and the outline `ln` (an `a:ln` element)."""
    left, top, w, h, geometry = shape
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        f"<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>"
        f'<a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        f"{geometry}<a:noFill/>{ln}</p:spPr></p:sp>"
    )


def rect_shape(shape_id: int, name: str, box: tuple[int, int, int, int], fill: str, ln: str) -> str:
    """The DrawingML of a rectangle (`box`: left, top, width and height in EMU, as a
    legend's swatch), with the fill `fill` (an `a:solidFill` element) and the outline
    `ln` (an `a:ln` element)."""
    left, top, w, h = box
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        f"<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>"
        f'<a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}{ln}</p:spPr></p:sp>'
    )


def color_hex(value: str) -> str:
    """A colour as DrawingML writes it: `#8250df` is `8250DF`."""
    return value.lstrip("#").upper()


def solid_fill(color: str, alpha: int | None = None) -> str:
    """A solid fill; with `alpha`, that opaque (in thousandths of a percent)."""
    inner = f'<a:alpha val="{alpha}"/>' if alpha is not None else ""
    end = f">{inner}</a:srgbClr>" if inner else "/>"
    return f'<a:solidFill><a:srgbClr val="{color_hex(color)}"{end}</a:solidFill>'


def dash_xml(dash: str | None) -> str:
    """The DrawingML dash of an SVG `stroke-dasharray`: dots for a missing manager's box
    and a planned seat, dashes for the others; none for a solid line."""
    if dash is None:
        return ""
    if dash in (PLACEHOLDER_DASH, PLANNED_DASH):  # a missing manager, a seat to come: dots
        return '<a:prstDash val="sysDot"/>'
    return '<a:prstDash val="dash"/>'
