"""The builtin engine's SVG writer: a laid-out plan as one self-contained SVG document.

Pure Python, no font or graphics library: boxes are rounded rectangles, text is plain
`<text>` set in `orgroles.render.style.FONT_FAMILY`, and every piece of user text
goes through `orgroles.render.quoting`. Colours are presentation attributes (no
CSS), so that slide and drawing programs that import SVG keep them.

`chart_body()` writes the chart's elements alone, optionally only those that meet a
region: the pages of a PDF (`orgroles.render.pages`) are cut from the layout with it.

Examples:
    >>> import orgroles
    >>> from orgroles.render.plan import make_plan
    >>> svg = to_svg(make_plan(orgroles.load("examples/three_person_tech_team.yaml")))
    >>> svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    True
    >>> import xml.etree.ElementTree as ET
    >>> ns = {"svg": "http://www.w3.org/2000/svg"}
    >>> [t.text for t in ET.fromstring(svg).findall(".//svg:g[@id='n2']//svg:text", ns)]
    ['Developer', 'Yanis Perrin']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from orgroles.render import style
from orgroles.render.arrange import LEGEND_SWATCH, arrange
from orgroles.render.layout import MARGIN, Layout
from orgroles.render.old_lines import (
    OldLineEnd,
    dotted_line_ends,
    old_line_ends,
    old_line_route,
    rounded_path,
)
from orgroles.render.options import MAX_ASPECT, ChartOptions
from orgroles.render.paint import (
    CHANGE_COLORS,
    OLD_LINE_DASH,
    OLD_LINE_WIDTH,
    box_paint,
    theme_of,
)
from orgroles.render.plan import Box, Plan
from orgroles.render.quoting import css_class, xml_attr, xml_text
from orgroles.render.team_names import LINE, frame_name

__all__ = ["Region", "Subset", "chart_body", "number", "svg_head", "to_svg"]

Region = tuple[float, float, float, float]
"""A part of a chart: left, top, right and bottom, in px."""


class Subset(NamedTuple):
    """Some of a chart's elements, by index: boxes, lines (`chart.wires`), team frames
    and dotted lines; those of a region, found without looking at all of them."""

    boxes: Sequence[int]
    wires: Sequence[int]
    frames: Sequence[int]
    dotted: Sequence[int]


_WIRES_PER_PATH = 500


@lru_cache(maxsize=8)
def _attrs(theme: str) -> dict[str, str]:
    """The attributes of a line of text of each style, in a theme."""
    look = theme_of(theme)
    found = {}
    for name, s in style.STYLES.items():
        attrs = ""
        if s.size != 12:
            attrs += f' font-size="{s.size:g}"'
        if s.bold:
            attrs += ' font-weight="bold"'
        if s.italic:
            attrs += ' font-style="italic"'
        found[name] = attrs + f' fill="{look.color(name)}"'
    return found


# Where the baseline sits in a line of each style: halfway down, plus a third of the size.
_BASELINE = {name: s.leading / 2 + s.size * 0.35 for name, s in style.STYLES.items()}


def _meets(x: float, y: float, w: float, h: float, region: Region) -> bool:
    """Whether the rectangle `x, y, w, h` meets `region` (touching counts)."""
    return x <= region[2] and x + w >= region[0] and y <= region[3] and y + h >= region[1]


def to_svg(
    plan: Plan,
    chart: Layout | None = None,
    *,
    layout: str = "compact",
    max_aspect: float = MAX_ASPECT,
) -> str:
    """Return the SVG document of a plan, laid out by `layout()`.

    Without `chart`, the plan is laid out here, with `layout` `"compact"` or
    `"tree"` and `max_aspect` (see `orgroles.render.arrange`).
    """
    if chart is None:
        ChartOptions.of(layout=layout, max_aspect=max_aspect)  # checks them
        plan, chart = arrange(plan, layout, max_aspect)
    w, h = chart.width, chart.height
    out = [svg_head(w, h, plan.title), f'<rect width="{w}" height="{h}" fill="#ffffff"/>\n']
    out += chart_body(plan, chart)
    out.append("</svg>\n")
    return "".join(out)


def svg_head(width: float, height: float, title: str) -> str:
    """The start of an SVG document of `width` by `height` px, up to its title."""
    w, h = number(width), number(height)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family="{style.FONT_FAMILY}" font-size="12">\n'
        f"<title>{xml_text(title)}</title>\n"
    )


def number(value: float) -> str:
    """A coordinate as SVG text: whole numbers as they are, others to two decimals.

    Examples:
        >>> number(53582), number(12.5), number(1 / 3), number(2.0)
        ('53582', '12.5', '0.33', '2')
    """
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def chart_body(
    plan: Plan, chart: Layout, region: Region | None = None, subset: Subset | None = None
) -> list[str]:
    """The elements of a laid-out chart, in drawing order: title and notes, team frames,
    lines, dotted lines and boxes; with `region`, only those that meet it (looked for
    among `subset`, if given)."""
    out: list[str] = []
    if subset is None:
        subset = Subset(
            range(len(plan.boxes)),
            range(len(chart.wires)),
            range(len(plan.clusters)),
            range(len(plan.dotted)),
        )
    _header(plan, chart, out, region)
    _frames(plan, chart, out, region, subset.frames)
    _wires(plan, chart, out, region, subset.wires)
    _dotted(plan, chart, out, region, subset.dotted)
    _moves(plan, chart, out, region)
    _boxes(plan, chart, out, region, subset.boxes)
    _legend(plan, chart, out, region)
    return out


def _header(plan: Plan, chart: Layout, out: list[str], region: Region | None) -> None:
    attrs = _attrs(plan.theme)
    y = float(chart.header)
    lines = []
    if plan.title:
        lines.append((round(y), "heading", plan.title))
        y += style.line_height("heading") / 2 + 2
    for line in plan.notes:
        y += style.line_height(line.style)
        lines.append((round(y), line.style, line.text))
    for base, name, text in lines:
        if region is not None:
            lead = style.line_height(name)
            width = style.measure(text, name)
            if not _meets(MARGIN, base - lead, width, lead, region):
                continue
        out.append(f'<text x="{MARGIN}" y="{base}"{attrs[name]}>{xml_text(text)}</text>\n')


def _frames(
    plan: Plan, chart: Layout, out: list[str], region: Region | None, which: Sequence[int]
) -> None:
    if not plan.clusters:
        return
    look = theme_of(plan.theme)
    team = _attrs(plan.theme)["team"].replace(
        f'fill="{look.color("team")}"', f'fill="{look.frame_text}"'
    )
    sideways = plan.direction == "LR"
    found = []
    for k in which:
        cluster = plan.clusters[k]
        x, y, w, h = chart.frames[cluster.id]
        if not w:  # a team led by a stacked leaf: no room for a frame in the stack
            continue
        if region is not None and not _meets(x, y, w, h, region):
            continue
        # Left to right, the room for the team's name is a band on the left: turned.
        texts = []
        for k, line in enumerate(frame_name(plan, chart, cluster)):
            down = 13 + k * LINE
            where = (  # read upwards, ending at the top: the line into the lead comes after it
                f'x="{x + down + 5}" y="{y + 8}" text-anchor="end" '
                f'transform="rotate(-90 {x + down + 5} {y + 8})"'
                if sideways
                else f'x="{x + 8}" y="{y + down}"'
            )
            texts.append(f'<text {where} stroke="none"{team}>{xml_text(line)}</text>')
        found.append(
            f'<g class="team"><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8"/>'
            f"{''.join(texts)}</g>\n"
        )
    if found:
        out.append(f'<g class="teams" fill="{look.frame_fill}" stroke="{look.frame_stroke}">\n')
        out += found
        out.append("</g>\n")


def _wires(
    plan: Plan, chart: Layout, out: list[str], region: Region | None, which: Sequence[int]
) -> None:
    wires = chart.wires
    if region is not None:
        wires = [
            wire
            for wire in (chart.wires[k] for k in which)
            if _meets(
                min(x for x, _ in wire),
                min(y for _, y in wire),
                max(x for x, _ in wire) - min(x for x, _ in wire),
                max(y for _, y in wire) - min(y for _, y in wire),
                region,
            )
        ]
    if not wires:
        return
    look = theme_of(plan.theme)
    out.append(
        f'<g class="lines" fill="none" stroke="{look.edge}" stroke-width="{look.edge_width:g}">\n'
    )
    for start in range(0, len(wires), _WIRES_PER_PATH):
        d = "".join(
            "M" + "L".join(f"{x} {y}" for x, y in wire)
            for wire in wires[start : start + _WIRES_PER_PATH]
        )
        out.append(f'<path d="{d}"/>\n')
    out.append("</g>\n")


DOTTED_DASH = "5 4"
"""The dashes of a dotted (matrix) line, and of its swatch in the legend."""


def _dotted(
    plan: Plan, chart: Layout, out: list[str], region: Region | None, which: Sequence[int]
) -> None:
    if not plan.dotted:
        return
    ends = dotted_line_ends(plan, chart)
    routed = {k for k in which if ends[k].side != "curve"}
    found = _routes(plan, chart, [(plan.dotted[k], ends[k]) for k in which if k in routed], region)
    found += _curves(plan, chart, [plan.dotted[k] for k in which if k not in routed], region)
    if found:
        out.append(
            f'<g class="dotted" fill="none" stroke="{theme_of(plan.theme).dotted}" '
            f'stroke-width="1.2" stroke-dasharray="{DOTTED_DASH}">\n'
        )
        out += found
        out.append("</g>\n")


def _moves(plan: Plan, chart: Layout, out: list[str], region: Region | None) -> None:
    """The old reporting lines of a change chart's moved seats, dashed: along
    `old_line_route()` (its corners rounded), else as curves."""
    if not plan.moves:
        return
    pairs = list(zip(plan.moves, old_line_ends(plan, chart), strict=True))
    found = _routes(plan, chart, [(m, end) for m, end in pairs if end.side != "curve"], region)
    found += _curves(plan, chart, [m for m, end in pairs if end.side == "curve"], region)
    if found:
        out.append(
            f'<g class="old-lines" fill="none" stroke="{CHANGE_COLORS["moved"]}" '
            f'stroke-width="{OLD_LINE_WIDTH}" stroke-dasharray="{OLD_LINE_DASH}">\n'
        )
        out += found
        out.append("</g>\n")


def _routes(
    plan: Plan,
    chart: Layout,
    lines: Sequence[tuple[tuple[int, int], OldLineEnd]],
    region: Region | None,
) -> list[str]:
    """Lines from box to box along `old_line_route()`, their corners rounded (old lines
    and dotted lines, down to a lower box or between boxes side by side), those that
    meet `region`."""
    found: list[str] = []
    for (a, b), end in lines:
        route = old_line_route(plan, chart, a, b, end)
        if region is not None:
            xs, ys = [x for x, _ in route], [y for _, y in route]
            if not _meets(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys), region):
                continue
        found.append(f'<path d="{rounded_path(route)}"/>\n')
    return found


def _curves(
    plan: Plan,
    chart: Layout,
    pairs: Sequence[tuple[int, int]],
    region: Region | None,
) -> list[str]:
    """Curves from box to box (dotted lines, old lines not drawn down to a lower seat),
    those that meet `region`."""
    bw = round(plan.box_width)
    boxes = plan.boxes
    sideways = plan.direction == "LR"
    found: list[str] = []
    for a, b in pairs:
        ax, ay, bx, by = chart.x[a], chart.y[a], chart.x[b], chart.y[b]
        ah, bh = round(boxes[a].height), round(boxes[b].height)
        if sideways and (ax + bw <= bx or bx + bw <= ax):
            # Levels go left to right: from side to side, through the gaps between
            # levels, as the lines of the chart go (not across the boxes of a level).
            x1, x2 = (ax + bw, bx) if ax < bx else (ax, bx + bw)
            y1, y2 = ay + ah // 2, by + bh // 2
            bend = max(30, abs(x2 - x1) // 2)
            c1 = x1 + bend if x1 <= x2 else x1 - bend
            c2 = x2 - bend if x1 <= x2 else x2 + bend
            if region is not None:
                left, right = min(x1, x2, c1, c2), max(x1, x2, c1, c2)
                if not _meets(left, min(y1, y2), right - left, abs(y2 - y1), region):
                    continue
            found.append(f'<path d="M{x1} {y1}C{c1} {y1} {c2} {y2} {x2} {y2}"/>\n')
            continue
        if ay + ah <= by:  # the dotted manager is above: bottom to top
            x1, y1, x2, y2 = ax + bw // 2, ay + ah, bx + bw // 2, by
        elif by + bh <= ay:
            x1, y1, x2, y2 = ax + bw // 2, ay, bx + bw // 2, by + bh
        else:  # side by side
            x1, x2 = (ax + bw, bx) if ax < bx else (ax, bx + bw)
            y1, y2 = ay + ah // 2, by + bh // 2
        bend = max(30, abs(y2 - y1) // 2)
        c1 = y1 + bend if y1 <= y2 else y1 - bend
        c2 = y2 - bend if y1 <= y2 else y2 + bend
        if region is not None:
            top, bottom = min(y1, y2, c1, c2), max(y1, y2, c1, c2)
            if not _meets(min(x1, x2), top, abs(x2 - x1), bottom - top, region):
                continue
        found.append(f'<path d="M{x1} {y1}C{x1} {c1} {x2} {c2} {x2} {y2}"/>\n')
    return found


def _boxes(
    plan: Plan, chart: Layout, out: list[str], region: Region | None, which: Sequence[int]
) -> None:
    bw = round(plan.box_width)
    cx = bw // 2
    attrs = _attrs(plan.theme)
    out.append('<g class="roles" text-anchor="middle">\n')
    classes_of: dict[str | None, str] = {}
    boxes = plan.boxes
    photo = style.PHOTO + style.PHOTO_GAP if plan.photos else 0.0
    for box in boxes if region is None else (boxes[k] for k in which):
        x, y = chart.x[box.id], chart.y[box.id]
        h = round(box.height)
        if region is not None and not _meets(x, y, bw, h, region):
            continue
        cls = classes_of.get(box.family)
        if cls is None:
            cls = classes_of[box.family] = "fam-" + css_class(box.family or "none")
        paint = box_paint(box, plan)
        if box.role is not None:
            classes = "role"
        else:
            classes = "fold" if box.placeholder is None else "placeholder"
        extra = f' stroke-width="{paint.width:g}"'
        if box.vacant:
            classes += " vacant"
        elif box.planned:  # finely dotted, with its fill: a seat to come, not a hole
            classes += " planned"
            extra += ' stroke-linecap="round"'
        if paint.dash is not None:
            extra += f' stroke-dasharray="{paint.dash}"'
        if box.severity is not None:
            classes += f" {box.severity}"
        ghost = ""
        if box.change:  # a change chart: what changed, as classes; a removed seat faded
            classes += "".join(f" {c}" for c in box.change)
            if "removed" in box.change:
                ghost = ' opacity="0.6"'
        parts = [f'<g id="{box.node}" class="{classes} {cls}"{ghost}>']
        if box.tooltip:
            parts.append("<title>" + "\n".join(xml_text(t) for t in box.tooltip) + "</title>")
        if box.url is not None:
            parts.append(f'<a href="{xml_attr(box.url)}">')
        parts.append(
            f'<rect x="{x}" y="{y}" width="{bw}" height="{h}" rx="{style.RADIUS:g}" '
            f'fill="{paint.fill}" stroke="{paint.stroke}"{extra}/>'
        )
        # Boxes of a level share a height: centre the text (and the photo) in each.
        lines = sum(style.line_height(line.style) for line in box.lines)
        top = y + (h - lines - photo) / 2
        if photo:
            _photo(box, x + cx, top, paint.stroke, attrs, parts)
            top += photo
        for line in box.lines:
            base = round(top + _BASELINE[line.style])
            parts.append(
                f'<text x="{x + cx}" y="{base}"{attrs[line.style]}>{xml_text(line.text)}</text>'
            )
            top += style.line_height(line.style)
        if box.url is not None:
            parts.append("</a>")
        parts.append("</g>\n")
        out.append("".join(parts))
    out.append("</g>\n")


def _photo(
    box: Box, cx: float, top: float, stroke: str, attrs: dict[str, str], parts: list[str]
) -> None:
    """A box's photo in a circle at `top`, or its holder's initials in one."""
    r = style.PHOTO / 2
    cy = top + r
    c = f'cx="{number(cx)}" cy="{number(cy)}" r="{number(r)}"'
    if box.photo is not None:
        clip = f"photo-{box.node}"
        parts.append(
            f'<clipPath id="{clip}"><circle {c}/></clipPath>'
            f'<image x="{number(cx - r)}" y="{number(top)}" width="{number(2 * r)}" '
            f'height="{number(2 * r)}" preserveAspectRatio="xMidYMid slice" '
            f'clip-path="url(#{clip})" href="{xml_attr(box.photo)}"/>'
            f'<circle {c} fill="none" stroke="{stroke}" stroke-width="1.2"/>'
        )
    elif box.initials is not None:
        base = number(cy + style.STYLES["initials"].size * 0.35)
        parts.append(
            f'<circle {c} fill="{stroke}"/>'
            f'<text x="{number(cx)}" y="{base}"{attrs["initials"]}>'
            f"{xml_text(box.initials)}</text>"
        )
    elif box.role is not None:  # a vacant seat: an empty circle
        parts.append(
            f'<circle {c} fill="#ffffff" stroke="{stroke}" stroke-width="1.2" '
            'stroke-dasharray="3 3"/>'
        )


def _legend(plan: Plan, chart: Layout, out: list[str], region: Region | None) -> None:
    """The colours of the chart and what they stand for, under it (and what a dotted line
    is, and a change chart's changes)."""
    if not (plan.legend or plan.lines or plan.changes) or not chart.legend:
        return
    attrs = _attrs(plan.theme)["note"]
    found = []
    entries: list[tuple[str, Box | None]]  # None: a dotted line
    entries = [(label, Box(-1, None, (), color_key=key)) for label, key in plan.legend]
    entries += [(label, None) for label, _ in plan.lines]
    entries += [(label, Box(-1, None, (), change=(kind,))) for label, kind in plan.changes]
    for (label, swatch), (x, y) in zip(entries, chart.legend, strict=True):
        if region is not None:
            width = LEGEND_SWATCH + 6 + style.measure(label, "note")
            if not _meets(x, y, width, 14, region):
                continue
        text = f'<text x="{x + LEGEND_SWATCH + 6}" y="{y + 11}"{attrs}>{xml_text(label)}</text>\n'
        if swatch is None:  # drawn as the chart draws dotted lines
            found.append(
                f'<line class="dotted" x1="{x}" y1="{y + 7}" x2="{x + LEGEND_SWATCH}" '
                f'y2="{y + 7}" stroke="{theme_of(plan.theme).dotted}" '
                f'stroke-dasharray="{DOTTED_DASH}"/>{text}'
            )
            continue
        colors = box_paint(swatch, plan)
        fill, extra = colors.fill, ""
        if swatch.change:  # a change: its border on white (a removed seat: its ghost)
            fill = colors.fill if colors.dash else "#ffffff"
            extra = f' class="{swatch.change[0]}" stroke-width="2"'
            if colors.dash:
                extra += f' stroke-dasharray="{colors.dash}"'
        found.append(
            f'<rect x="{x}" y="{y + 2}" width="{LEGEND_SWATCH}" height="10" rx="2" '
            f'fill="{fill}" stroke="{colors.stroke}"{extra}/>{text}'
        )
    if found:
        out.append('<g class="legend" stroke-width="1.2">\n')
        out += found
        out.append("</g>\n")
