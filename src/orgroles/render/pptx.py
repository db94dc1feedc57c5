"""PowerPoint: the chart as native, editable shapes on 16:9 slides (needs python-pptx).

Every box is a rounded rectangle whose text is real text (one paragraph per field: the
title, the holders, the marks), in the box's colours, dashed when the seat is vacant and
dotted for a manager who is not in the file. A reporting line is one elbow connector
glued to the manager's shape and to the report's (bottom to top; side to side for an
assistant), so that PowerPoint, LibreOffice and Google Slides keep it attached when a
box is moved. A stacked leaf's line is a freeform shape down the spine between its two
columns, which stays put when a box moves: LibreOffice routes a glued connector there
again, across the other column's boxes. Dotted-line managers get a dashed curved
connector. A change chart's removed seats are half transparent, and its old lines are
dashed and blue: one down to its seat takes the SVG chart's route, clear of the boxes
(`orgroles.render.old_lines`), as a freeform shape; the others (up or across to their
seat) are curved connectors. Lines are under the boxes, teams' frames behind both. The
layout is the builtin engine's, scaled to the slide; a chart too big for one slide is
split by subtree (see `orgroles.render.slides`). Text is in Arial (or, in LibreOffice, a
font of its widths): narrower than the DejaVu Sans the layout measures with, it fits.

The shapes are written as DrawingML, and every piece of user text in it goes through
`xml_text()` or `xml_attr()`. The same org and options give the same bytes.
"""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING, Any

from orgroles._internal.extras import import_extra
from orgroles.render import style
from orgroles.render.arrange import LEGEND_SWATCH
from orgroles.render.connectors import connector_geometry
from orgroles.render.formats import Drawing
from orgroles.render.old_lines import dotted_line_ends, old_line_ends, old_line_route
from orgroles.render.paint import (
    CHANGE_COLORS,
    OLD_LINE_WIDTH,
    Paint,
    box_paint,
    theme_of,
)
from orgroles.render.plan import Box, Line, make_plan
from orgroles.render.pptx_file import add_slide, steady
from orgroles.render.pptx_lines import (
    dash_xml,
    freeform,
    path_shape,
    polyline,
    rect_shape,
    reporting_lines,
    solid_fill,
)
from orgroles.render.quoting import xml_attr, xml_text
from orgroles.render.slides import (
    MARGIN,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    TITLE_HEIGHT,
    Slide,
    room,
    slides,
)
from orgroles.render.team_names import frame_name

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.options import ChartOptions

__all__ = ["EMU_PER_PX", "FONT", "draw", "pptx_bytes"]

EMU_PER_PX = 9525
"""English Metric Units per px (96 px an inch, 914,400 EMU an inch)."""

FONT = "Arial"
"""The typeface of the slides' text."""

_NS = (
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_NAME_OF = {"role": "Role", "fold": "Group", "placeholder": "Not in this file"}


def _pptx() -> Any:
    return import_extra(
        "pptx",
        "PowerPoint output needs python-pptx: pip install 'orgroles[pptx]' "
        "(or pip install python-pptx)",
    )


def draw(org: OrgCore, options: ChartOptions) -> Drawing:
    """The chart of `org` as a PowerPoint file (the format table's writer for `.pptx`)."""
    _pptx()
    whole = make_plan(org, options)
    from orgroles.render.image import big_chart

    big_chart(whole, "pptx")
    return Drawing(pptx_bytes(slides(org, options)), whole)


def pptx_bytes(deck: list[Slide]) -> bytes:
    """The PowerPoint file of some slides."""
    pptx = _pptx()
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.oxml import parse_xml

    presentation = pptx.Presentation()
    presentation.slide_width = round(SLIDE_WIDTH * EMU_PER_PX)
    presentation.slide_height = round(SLIDE_HEIGHT * EMU_PER_PX)
    blank = presentation.slide_layouts[6]
    placeholders = list(blank.iter_cloneable_placeholders())  # none on the blank layout
    if deck:
        presentation.core_properties.title = deck[0].title[:255]
    presentation.core_properties.subject = "Org chart"
    for k, slide in enumerate(deck, start=1):
        page = add_slide(presentation, blank, placeholders, k)
        tree = page.shapes._spTree
        drawing = _SlideShapes(slide, k, len(deck))
        shapes = drawing.xml()
        for element in parse_xml(f"<p:spTree {_NS}>{shapes}</p:spTree>"):
            tree.append(element)
        for photo, x, y, d in drawing.pictures:
            image = io.BytesIO(base64.b64decode(photo.split(",", 1)[1]))  # a data URI's
            picture = page.shapes.add_picture(image, x, y, d, d)
            picture.auto_shape_type = MSO_SHAPE.OVAL
    out = io.BytesIO()
    presentation.save(out)
    return steady(out.getvalue())


class _SlideShapes:
    """The DrawingML of one slide's shapes: title, frames, boxes, connectors, number."""

    def __init__(self, slide: Slide, number: int, total: int) -> None:
        self.slide = slide
        self.number = number
        self.total = total
        self.plan = slide.plan
        self.chart = slide.chart
        self.scale = slide.scale
        room_w, room_h = room(SLIDE_WIDTH, SLIDE_HEIGHT)
        self.dx = MARGIN + (room_w - self.chart.width * self.scale) / 2
        self.dy = MARGIN + TITLE_HEIGHT + (room_h - self.chart.height * self.scale) / 2
        self.next_id = 2
        self.shape_of: dict[int, int] = {}
        self.out: list[str] = []
        self.theme = theme_of(self.plan.theme)
        self.pictures: list[tuple[str, int, int, int]] = []  # photo, x, y, size in EMU

    # -- units ----------------------------------------------------------------------------

    def emu(self, px: float) -> int:
        """A length of the chart in EMU on the slide."""
        return round(px * self.scale * EMU_PER_PX)

    def at(self, x: float, y: float) -> tuple[int, int]:
        """A point of the chart on the slide, in EMU."""
        return (
            round((self.dx + x * self.scale) * EMU_PER_PX),
            round((self.dy + y * self.scale) * EMU_PER_PX),
        )

    def size(self, px: float) -> int:
        """A font size of the chart on the slide, in 1/100 pt (1 px = 0.75 pt)."""
        return max(100, round(px * 0.75 * self.scale * 100))

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    # -- text -----------------------------------------------------------------------------

    def run(
        self, text: str, line_style: str, *, size: float | None = None, color: str | None = None
    ) -> str:
        s = style.STYLES[line_style]
        attrs = f'lang="en-US" sz="{self.size(size or s.size)}"'
        attrs += ' b="1"' if s.bold else ""
        attrs += ' i="1"' if s.italic else ""
        props = (
            f'<a:rPr {attrs} dirty="0">{solid_fill(s.color)}'
            f'<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:rPr>'
        )
        return f"<a:r>{props}<a:t>{xml_text(text)}</a:t></a:r>"

    def paragraphs(self, lines: tuple[Line, ...] | list[Line], align: str = "ctr") -> str:
        """One paragraph per field (lines of one style in a row), its lines kept apart."""
        out = []
        k = 0
        while k < len(lines):
            j = k
            while j < len(lines) and lines[j].style == lines[k].style:
                j += 1
            runs = [self.run(line.text, line.style) for line in lines[k:j]]
            out.append(f'<a:p><a:pPr algn="{align}"/>' + "<a:br/>".join(runs) + "</a:p>")
            k = j
        return "".join(out) or "<a:p/>"

    def text_box(self, x: int, y: int, w: int, h: int, body: str, name: str) -> str:
        return (
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self.new_id()}" name="{name}"/>'
            '<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            '<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t">'
            f"<a:noAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"
        )

    # -- the slide ------------------------------------------------------------------------

    def xml(self) -> str:
        self.heading()
        self.frames()
        self.notes()
        mark = len(self.out)
        for box in self.plan.boxes:  # first, to number the shapes the lines are glued to
            self.box(box)
        boxes, self.out[mark:] = self.out[mark:], []
        self.connectors()  # under the boxes, as in SVG: a dotted line struck through text
        self.dotted()
        self.out += boxes
        self.legend()
        return "".join(self.out)

    def heading(self) -> None:
        e = EMU_PER_PX
        width = round((SLIDE_WIDTH - 2 * MARGIN) * e)
        saved = self.scale
        self.scale = 1.0
        # One line each, cut to the slide's width (measured at the size they are set in).
        room = SLIDE_WIDTH - 2 * MARGIN
        [head] = style.wrap(self.slide.title, "heading", room * 14 / 26, max_lines=1) or [""]
        title = f'<a:p><a:pPr algn="l"/>{self.run(head, "heading", size=26)}</a:p>'
        self.out.append(
            self.text_box(round(MARGIN * e), round(MARGIN * e), width, 36 * e, title, "Title")
        )
        if self.slide.subtitle:
            [chain] = style.wrap(self.slide.subtitle, "note", room * 11 / 14, max_lines=1)
            sub = f'<a:p><a:pPr algn="l"/>{self.run(chain, "note", size=14)}</a:p>'
            top = round((MARGIN + 36) * e)
            self.out.append(self.text_box(round(MARGIN * e), top, width, 22 * e, sub, "Subtitle"))
        if self.total > 1:
            count = self.run(f"{self.number} / {self.total}", "note", size=12)
            number = f'<a:p><a:pPr algn="r"/>{count}</a:p>'
            self.out.append(
                self.text_box(
                    round((SLIDE_WIDTH - MARGIN - 120) * e),
                    round((SLIDE_HEIGHT - MARGIN) * e),
                    120 * e,
                    18 * e,
                    number,
                    "Slide number",
                )
            )
        self.scale = saved

    def notes(self) -> None:
        if not self.plan.notes:
            return
        x, y = self.at(16, self.chart.header)
        lines = list(self.plan.notes)
        height = sum(style.line_height(line.style) for line in lines)
        body = self.paragraphs(lines, align="l")
        width = self.emu(max(style.measure(n.text, n.style) for n in lines) + 8)
        self.out.append(self.text_box(x, y - self.emu(10), width, self.emu(height), body, "Notes"))

    def frames(self) -> None:
        for cluster in self.plan.clusters:
            fx, fy, fw, fh = self.chart.frames[cluster.id]
            if not fw:
                continue
            x, y = self.at(fx, fy)
            sideways = self.plan.direction == "LR"  # the name in the band on the left
            # Read upwards, ending at the top: the line into the lead comes after it.
            align = f'<a:pPr algn="{"r" if sideways else "l"}"/>'
            body = (
                "".join(
                    f"<a:p>{align}{self.run(line, 'team', color=self.theme.frame_text)}</a:p>"
                    for line in frame_name(self.plan, self.chart, cluster)
                )
                or f"<a:p>{align}</a:p>"
            )
            vert = ' vert="vert270"' if sideways else ""
            pad = self.emu(8)
            self.out.append(
                f'<p:sp><p:nvSpPr><p:cNvPr id="{self.new_id()}" '
                f'name="Team: {xml_attr(cluster.team)}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
                f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/>'
                f'<a:ext cx="{self.emu(fw)}" cy="{self.emu(fh)}"/></a:xfrm>'
                f'<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" '
                f'fmla="val {round(8 / min(fw, fh) * 100000)}"/></a:avLst></a:prstGeom>'
                f"{solid_fill(self.theme.frame_fill)}"
                f'<a:ln w="{self.emu(1)}">{solid_fill(self.theme.frame_stroke)}</a:ln></p:spPr>'
                f'<p:txBody><a:bodyPr{vert} wrap="square" lIns="{pad}" tIns="{self.emu(4)}" '
                f'rIns="{pad}" bIns="0" anchor="t"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
                f"{body}</p:txBody></p:sp>"
            )

    def box(self, box: Box) -> None:
        bw = self.plan.box_width
        x, y = self.at(self.chart.x[box.id], self.chart.y[box.id])
        w, h = self.emu(bw), self.emu(box.height)
        paint = box_paint(box, self.plan)
        shape = self.new_id()
        self.shape_of[box.id] = shape
        kind = (
            "role" if box.role is not None else "fold" if box.placeholder is None else "placeholder"
        )
        name = f"{_NAME_OF[kind]}: {box.role or box.placeholder or box.node}"
        if box.change:  # a change chart: what changed in the name, a removed seat faded
            name += f" ({', '.join(box.change)})"
        ghost = 50000 if "removed" in box.change else None
        descr = " / ".join(box.tooltip)[:1000]
        adj = round(style.RADIUS / min(bw, box.height) * 100000)
        pad_x, pad_y = self.emu(style.PAD_X), self.emu(style.PAD_Y / 2)
        top, bottom, anchor = pad_y, pad_y, "ctr"
        if self.plan.photos:  # the photo (or initials) above the text, the two centred
            lines = sum(style.line_height(line.style) for line in box.lines)
            photo = style.PHOTO + style.PHOTO_GAP
            free = (box.height - lines - photo) / 2
            top, bottom, anchor = self.emu(free + photo), self.emu(free), "t"
        self.out.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{shape}" name="{xml_attr(name[:250])}" '
            f'descr="{xml_attr(descr)}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
            f'<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val {adj}"/>'
            f"</a:avLst></a:prstGeom>{solid_fill(paint.fill, ghost)}"
            f'<a:ln w="{self.emu(paint.width)}">{solid_fill(paint.stroke)}'
            f"{dash_xml(paint.dash)}</a:ln>"
            f'</p:spPr><p:txBody><a:bodyPr wrap="square" lIns="{pad_x}" tIns="{top}" '
            f'rIns="{pad_x}" bIns="{bottom}" anchor="{anchor}"><a:noAutofit/></a:bodyPr>'
            f"<a:lstStyle/>{self.paragraphs(box.lines)}</p:txBody></p:sp>"
        )
        if self.plan.photos:
            self.photo(box, self.chart.x[box.id] + bw / 2, self.chart.y[box.id] + free, paint)

    def photo(self, box: Box, cx: float, top: float, paint: Paint) -> None:
        """A box's photo in a circle (placed later, as a picture), or its initials."""
        r = style.PHOTO / 2
        x, y = self.at(cx - r, top)
        d = self.emu(2 * r)
        if box.photo is not None:
            self.pictures.append((box.photo, x, y, d))
            return
        if box.initials is None and box.role is None:
            return
        if box.initials is not None:
            fill, line = solid_fill(paint.stroke), ""
            body = f'<a:p><a:pPr algn="ctr"/>{self.run(box.initials, "initials")}</a:p>'
        else:  # a vacant seat: an empty, dashed circle
            fill, body = solid_fill("#ffffff"), "<a:p/>"
            dashed = f'{solid_fill(paint.stroke)}<a:prstDash val="dash"/>'
            line = f'<a:ln w="{self.emu(1.2)}">{dashed}</a:ln>'
        self.out.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self.new_id()}" name="Initials {box.node}"/>'
            f'<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/>'
            f'<a:ext cx="{d}" cy="{d}"/></a:xfrm><a:prstGeom prst="ellipse"><a:avLst/>'
            f"</a:prstGeom>{fill}{line or '<a:ln><a:noFill/></a:ln>'}</p:spPr>"
            '<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" '
            f'anchor="ctr"><a:noAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>'
        )

    def legend(self) -> None:
        """The colours of the chart and what they stand for, what a dotted line is, and a
        change chart's changes."""
        entries: list[tuple[str, Box | None]]  # None: a dotted line
        entries = [(label, Box(-1, None, (), color_key=key)) for label, key in self.plan.legend]
        entries += [(label, None) for label, _ in self.plan.lines]
        entries += [(label, Box(-1, None, (), change=(c,))) for label, c in self.plan.changes]
        for (label, swatch), (lx, ly) in zip(entries, self.chart.legend, strict=False):
            if swatch is None:  # dashed, as the chart's dotted lines
                look = f'{solid_fill(self.theme.dotted)}<a:prstDash val="dash"/>'
                ln = f'<a:ln w="{self.emu(self.theme.edge_width)}">{look}</a:ln>'
                self.path("Legend line (dotted)", [(lx, ly + 7), (lx + LEGEND_SWATCH, ly + 7)], ln)
            else:
                paint = box_paint(swatch, self.plan)
                name, fill, line = "Legend swatch", paint.fill, solid_fill(paint.stroke)
                if swatch.change:
                    name += f" ({swatch.change[0]})"
                    fill = paint.fill if paint.dash else "#ffffff"
                    line += dash_xml(paint.dash)
                box = (*self.at(lx, ly + 2), self.emu(LEGEND_SWATCH), self.emu(10))
                ln = f'<a:ln w="{self.emu(1.2)}">{line}</a:ln>'
                self.out.append(rect_shape(self.new_id(), name, box, solid_fill(fill), ln))
            tx, ty = self.at(lx + LEGEND_SWATCH + 6, ly)
            body = f'<a:p><a:pPr algn="l"/>{self.run(label, "note")}</a:p>'
            width = self.emu(style.measure(label, "note") + 8)
            self.out.append(self.text_box(tx, ty, width, self.emu(14), body, "Legend"))

    # -- lines ----------------------------------------------------------------------------

    def connectors(self) -> None:
        """An elbow connector per reporting line (`reporting_lines()`); a stacked leaf's: a path."""
        for a, site_a, b, site_b, route, vertical in reporting_lines(self.plan, self.chart):
            if self.plan.boxes[b].placement == "stack":  # down the spine: see the docstring
                edge = solid_fill(self.theme.edge)
                ln = f'<a:ln w="{self.emu(self.theme.edge_width)}">{edge}</a:ln>'
                self.path(f"Line {self.node(a)}-{self.node(b)}", route, ln)
            else:
                self.connector(a, site_a, b, site_b, route, vertical=vertical)

    def dotted(self) -> None:
        """The dotted lines, and a change chart's old lines (of `CHANGE_COLORS`)."""
        boxes = self.plan.boxes
        bw = self.plan.box_width
        chart = self.chart
        sideways = self.plan.direction == "LR"
        old = len(self.plan.dotted)
        ends = [*dotted_line_ends(self.plan, chart), *old_line_ends(self.plan, chart)]
        for k, (a, b) in enumerate([*self.plan.dotted, *self.plan.moves]):
            if ends[k].side != "curve":
                self.routed(a, b, old_line_route(self.plan, chart, a, b, ends[k]), k < old)
                continue
            ax, ay, bx, by = chart.x[a], chart.y[a], chart.x[b], chart.y[b]
            ah, bh = boxes[a].height, boxes[b].height
            if sideways and ax + bw <= bx:  # levels left to right: side to side
                route = [(ax + bw, ay + ah / 2), (bx, by + bh / 2)]
                sites, vertical = (3, 1), False
            elif sideways and bx + bw <= ax:
                route = [(ax, ay + ah / 2), (bx + bw, by + bh / 2)]
                sites, vertical = (1, 3), False
            elif ay + ah <= by:
                route = [(ax + bw / 2, ay + ah), (bx + bw / 2, by)]
                sites, vertical = (2, 0), True
            elif by + bh <= ay:
                route = [(ax + bw / 2, ay), (bx + bw / 2, by + bh)]
                sites, vertical = (0, 2), True
            elif ax < bx:
                route = [(ax + bw, ay + ah / 2), (bx, by + bh / 2)]
                sites, vertical = (3, 1), False
            else:
                route = [(ax, ay + ah / 2), (bx + bw, by + bh / 2)]
                sites, vertical = (1, 3), False
            self.connector(
                a,
                sites[0],
                b,
                sites[1],
                route,
                vertical=vertical,
                curved=True,
                color=self.theme.dotted if k < old else CHANGE_COLORS["moved"],
                name="Line" if k < old else "Old line",
            )

    def routed(self, a: int, b: int, route: list[tuple[float, float]], dotted: bool) -> None:
        """A dotted or old line along the SVG's route round the boxes, a dashed freeform:
        a connector, routed by the slide program, crosses the boxes in the way."""
        look = (self.theme.edge_width, self.theme.dotted, "Line")
        width, color, name = (
            look if dotted else (OLD_LINE_WIDTH, CHANGE_COLORS["moved"], "Old line")
        )
        ln = f'<a:ln w="{self.emu(width)}">{solid_fill(color)}<a:prstDash val="dash"/></a:ln>'
        self.path(f"{name} {self.node(a)}-{self.node(b)}", route, ln, style.HGAP / 2)

    def node(self, box: int) -> str:
        return self.plan.boxes[box].node

    def path(self, name: str, route: list[tuple[float, float]], ln: str, radius: float = 0) -> None:
        """A freeform along `route` (chart px), corners rounded by `radius` px, outline `ln`."""
        points: list[tuple[float, float]] = [self.at(x, y) for x, y in route]
        shape = freeform(points, self.emu(radius)) if radius else polyline(points)
        self.out.append(path_shape(self.new_id(), name, shape, ln))

    def connector(
        self,
        a: int,
        site_a: int,
        b: int,
        site_b: int,
        route: list[tuple[float, float]],
        *,
        vertical: bool,
        curved: bool = False,
        color: str | None = None,
        name: str = "Line",
    ) -> None:
        """A connector glued to box `a` at `site_a` and box `b` at `site_b` (0 top,
        1 left, 2 bottom, 3 right), along `route` (chart px, orthogonal): an elbow whose
        first piece is vertical or not, or a curve."""
        points = [self.at(x, y) for x, y in route]
        geometry = connector_geometry(points, vertical, curved)
        dash = '<a:prstDash val="dash"/>' if curved else ""
        self.out.append(
            f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{self.new_id()}" '
            f'name="{name} {self.node(a)}-{self.node(b)}"/>'
            f'<p:cNvCxnSpPr><a:stCxn id="{self.shape_of[a]}" idx="{site_a}"/>'
            f'<a:endCxn id="{self.shape_of[b]}" idx="{site_b}"/></p:cNvCxnSpPr><p:nvPr/>'
            f"</p:nvCxnSpPr><p:spPr>{geometry}"
            f'<a:ln w="{self.emu(self.theme.edge_width)}">{solid_fill(color or self.theme.edge)}'
            f"{dash}</a:ln></p:spPr></p:cxnSp>"
        )
