"""The pages of a PDF chart: one page the chart's size, one sheet of paper, or tiles.

`page="fit"` (the default) makes one page the size of the chart (1 px = 0.75 pt), made
smaller when a side would pass the 200 inches (14,400 pt) that PDF viewers such as
Acrobat can show. `page="a4"`, `"letter"` or `"a3"` puts the chart on sheets of
that paper, in `orientation` `"portrait"`, `"landscape"` or `"auto"` (the one that
needs fewer pages, or shows the chart larger). A chart that fits one sheet with its text
at `READABLE` of its size or more is drawn on one sheet; a larger one is cut into
tiles at `TILE_SCALE` (or a little smaller, `tiling.SHRINK`, when that takes fewer
pages), along gaps between boxes where it can, as evenly as the gaps allow (a last page
of one box, cut as far as each page went, took a page more), and each tile is a
page of its own: an SVG of only what it shows (empty tiles are skipped), titled with the
top role it shows and numbered. A box that a cut goes through is shown whole on the
next page, which starts with it, and on no other: no page shows a piece of a box.

Examples:
    >>> import orgroles
    >>> from orgroles.render.arrange import arrange
    >>> from orgroles.render.plan import make_plan
    >>> plan, chart = arrange(make_plan(orgroles.load("examples/scaleup_cto_cpo.yaml")))
    >>> [(p.number, round(p.width), round(p.height)) for p in sheets(plan, chart, "a3", "auto")]
    [(1, 1191, 842)]
    >>> for page in sheets(plan, chart, "a4", "portrait"):
    ...     print(page.number, page.region[0], page.title)
    1 0.0 Chief Technical Officer, Marc Olsen
    2 740 Chief Executive Officer, Inès Garnier · Chief Technical Officer, Marc Olsen
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from orgroles.render import style, words
from orgroles.render.layout import Layout
from orgroles.render.old_lines import dotted_line_ends
from orgroles.render.options import ORIENTATIONS, PAGES, Orientation, PageName
from orgroles.render.plan import Box, Plan
from orgroles.render.quoting import xml_text
from orgroles.render.raster import PT_PER_PX
from orgroles.render.svg import Region, Subset, chart_body, number, svg_head
from orgroles.render.tiling import SHORTEST, SHRINK, spans

__all__ = [
    "MAX_PAGE_PT",
    "ORIENTATIONS",
    "PAGES",
    "PAPERS",
    "READABLE",
    "TILE_SCALE",
    "Orientation",
    "PageName",
    "Sheet",
    "box_label",
    "page_svgs",
    "sheets",
]

PAPERS: dict[str, tuple[float, float]] = {
    "a4": (595.28, 841.89),
    "letter": (612.0, 792.0),
    "a3": (841.89, 1190.55),
}
"""Paper sizes in points, portrait."""

MAX_PAGE_PT = 14_400.0
"""The longest side of a PDF page that viewers show (Acrobat: 200 inches)."""

READABLE = 0.6
"""The smallest scale at which a chart goes on one sheet: its 12 px text is then 5.4 pt."""

TILE_SCALE = 0.75
"""The scale of the tiles of a chart too big for one sheet: its 12 px text is 6.75 pt."""

_MARGIN_PT = 28.35  # 1 cm around the page
_HEAD_PX = 26.0  # the title line of a tile, and the space under it
_FOOT_PX = 20.0  # the page number of a tile, and the space above it


@dataclass(frozen=True)
class Sheet:
    """One page of a PDF: the `region` of the chart it shows (px), at `scale`, on a
    page of `width` by `height` pt; `title` and `number` for a tile (`title` is
    empty on a page that shows the whole chart), its `row` and `column` among the
    tiles."""

    region: Region
    scale: float
    width: float
    height: float
    title: str = ""
    number: int = 1
    row: int = 1
    column: int = 1


def box_label(box: Box) -> str:
    """What a page or a slide calls a box: its title, and who holds it.

    Examples:
        >>> from orgroles.render.plan import Line
        >>> box_label(Box(0, "cto", (Line("title", "Chief Technical"), Line("title", "Officer"),
        ...     Line("name", "Marc Olsen"))))
        'Chief Technical Officer, Marc Olsen'
        >>> box_label(Box(0, "cfo", (Line("title", "CFO"), Line("vacant", "vacant"))))
        'CFO, vacant'
    """
    titles = [line.text for line in box.lines if line.style in ("title", "subtitle")]
    vacant = [line.text for line in box.lines if line.style == "vacant"]
    names = [line.text for line in box.lines if line.style in ("name", "headname")]
    if not titles:  # a manager who is not in the file: "not in this file: vp-sales"
        titles, vacant = vacant, []
    label = " ".join(titles[:3])
    if names or vacant:  # who holds it, or that no one does
        label += ", " + " ".join((names or vacant)[:3])
    return label


def _paper(page: str, turned: bool) -> tuple[float, float]:
    w, h = PAPERS[page]
    return (h, w) if turned else (w, h)


def sheets(
    plan: Plan,
    chart: Layout,
    page: str = "fit",
    orientation: str = "auto",
    *,
    scale: float = TILE_SCALE,
) -> list[Sheet]:
    """The pages that show a laid-out chart on `page` paper (see the module's docstring);
    `scale` is that of tiles."""
    w, h = float(chart.width), float(chart.height)
    if page == "fit":
        k = min(1.0, MAX_PAGE_PT / (w * PT_PER_PX), MAX_PAGE_PT / (h * PT_PER_PX))
        return [Sheet((0.0, 0.0, w, h), k, w * PT_PER_PX * k, h * PT_PER_PX * k)]
    turns = {"portrait": [False], "landscape": [True]}.get(orientation, [True, False])
    whole: list[tuple[float, bool]] = []
    for turned in turns:
        pw, ph = _paper(page, turned)
        k = min((pw - 2 * _MARGIN_PT) / (w * PT_PER_PX), (ph - 2 * _MARGIN_PT) / (h * PT_PER_PX))
        whole.append((k, turned))
    k, turned = max(whole)
    if k >= READABLE:
        pw, ph = _paper(page, turned)
        return [Sheet((0.0, 0.0, w, h), min(k, 2.0), pw, ph)]
    options = [
        _tiles(plan, chart, _paper(page, turned), scale * share)
        for share in SHRINK
        for turned in turns
    ]  # the fewest pages, at the largest scale
    return min(options, key=lambda tiles: (len(tiles), -tiles[0].scale))


def _box_rects(plan: Plan, chart: Layout) -> list[tuple[float, float, float, float]]:
    bw = round(plan.box_width)
    return [(chart.x[b.id], chart.y[b.id], bw, round(b.height)) for b in plan.boxes]


def _tiles(plan: Plan, chart: Layout, paper: tuple[float, float], scale: float) -> list[Sheet]:
    pw, ph = paper
    room_w = (pw - 2 * _MARGIN_PT) / PT_PER_PX  # page px
    room_h = (ph - 2 * _MARGIN_PT) / PT_PER_PX - _HEAD_PX - _FOOT_PX
    tw, th = room_w / scale, room_h / scale  # chart px per tile
    rects = _box_rects(plan, chart)
    # Cut between boxes, and around team frames that fit a page.
    frames = [f for f in chart.frames if f[2]]
    columns = spans(
        [(x, x + w) for x, _, w, _ in rects],
        [(x, x + w) for x, _, w, _ in frames if w < tw],
        float(chart.width),
        tw,
    )
    by_column: list[list[int]] = [[] for _ in columns]
    lefts = [x0 for x0, _ in columns]
    for i, (x, _, w, _) in enumerate(rects):
        c = max(bisect.bisect_right(lefts, x) - 1, 0)
        while c >= 0 and columns[c][1] > x:  # spans overlap: the box may be in earlier ones
            c -= 1
        for k in range(c + 1, len(columns)):
            if columns[k][0] >= x + w:
                break
            by_column[k].append(i)
    found: list[Sheet] = []
    for c, (x0, x1) in enumerate(columns):
        inside = by_column[c]
        rows = spans(
            [(rects[i][1], rects[i][1] + rects[i][3]) for i in inside],
            [(y, y + h) for x, y, w, h in frames if h < th and x < x1 and x + w > x0],
            float(chart.height),
            th,
        )
        for r, (y0, y1) in enumerate(rows):
            shown = [i for i in inside if _on_tile(rects[i], (x0, y0, x1, y1), (tw, th))]
            if not shown and not (c == 0 and r == 0):
                continue
            found.append(
                Sheet(
                    (x0, y0, x1, y1),
                    scale,
                    pw,
                    ph,
                    title=_tile_title(plan, shown, rects) if shown else plan.title,
                    row=r + 1,
                    column=c + 1,
                )
            )
    return [
        Sheet(s.region, s.scale, s.width, s.height, s.title, k + 1, s.row, s.column)
        for k, s in enumerate(found)
    ]


def _tile_title(
    plan: Plan, shown: list[int], rects: list[tuple[float, float, float, float]]
) -> str:
    """Whose teams a tile shows, left to right: each box on it whose manager is not, when
    its reports are on it, else its manager (a tile of a team whose manager is on the
    tile beside). A tile titled with its topmost box (a CEO whose line runs across it)
    made the teams below it, of the CRO's and the COO's, read as the CEO's."""
    boxes = plan.boxes
    on = set(shown)
    leads = {boxes[k].parent for k in shown}
    order = sorted(shown, key=lambda i: (boxes[i].level, rects[i][1], rects[i][0]))
    heads: dict[int, None] = {}
    for i in order:
        parent = boxes[i].parent
        if parent in on:
            continue
        if i in leads:
            heads[i] = None  # a team on the tile
        elif parent >= 0:
            heads[parent] = None  # the tile goes on with this manager's team
    if not heads:
        heads[order[0]] = None
    names = list(dict.fromkeys(box_label(boxes[h]) for h in heads))
    more = words.word("and_more", plan.lang).format(n=len(names) - 3) if len(names) > 4 else ""
    return " \u00b7 ".join(names[: 3 if more else None]) + more


def _on_tile(
    rect: tuple[float, float, float, float], region: Region, tile: tuple[float, float]
) -> bool:
    """Whether a tile shows a box: one that is whole on it.

    A box that a cut goes through is shown whole on the page after the cut (which starts
    at the first box that the cut goes through): the tiles on either side of the cut
    leave it out, rather than show a piece of it cut at their edge (a reader took the
    half box for the whole). A box too big for a tile's `(width, height)` (more than
    `SHORTEST` of it: the next cut may cross it again) is shown where it starts, cut.
    """
    x, y, w, h = rect
    if not (region[0] <= x < region[2] and region[1] <= y < region[3]):
        return False
    too_big = w > SHORTEST * tile[0] or h > SHORTEST * tile[1]
    return too_big or (x + w <= region[2] + 0.5 and y + h <= region[3] + 0.5)


class _Picker:
    """The elements of a chart by the columns of a grid, to find those of a tile fast."""

    def __init__(self, plan: Plan, chart: Layout, cell: float) -> None:
        self.cell = cell
        self.boxes: dict[int, list[int]] = defaultdict(list)
        self.wires: dict[int, list[int]] = defaultdict(list)
        self.frames: dict[int, list[int]] = defaultdict(list)
        self.dotted: dict[int, list[int]] = defaultdict(list)
        for i, (x, _, w, _) in enumerate(_box_rects(plan, chart)):
            self._put(self.boxes, i, x, x + w)
        for i, wire in enumerate(chart.wires):
            xs = [x for x, _ in wire]
            self._put(self.wires, i, min(xs), max(xs))
        for i, (x, _, w, _) in enumerate(chart.frames):
            if w:
                self._put(self.frames, i, x, x + w)
        ends = dotted_line_ends(plan, chart) if plan.dotted else []
        for i, (a, b) in enumerate(plan.dotted):  # down the gap beside a box, at most
            x1, x2 = chart.x[a], chart.x[b]
            gap = style.HGAP
            left, right = min(x1, x2) - gap, max(x1, x2) + plan.box_width + gap
            if ends[i].route:  # a detour round the boxes: as far as it goes
                left = min(left, *(x for x, _ in ends[i].route))
                right = max(right, *(x for x, _ in ends[i].route))
            self._put(self.dotted, i, left, right)

    def _put(self, table: dict[int, list[int]], i: int, left: float, right: float) -> None:
        for c in range(int(left // self.cell), int(right // self.cell) + 1):
            table[c].append(i)

    def pick(self, region: Region) -> Subset:
        cells = range(int(region[0] // self.cell), int(region[2] // self.cell) + 1)

        def found(table: dict[int, list[int]]) -> list[int]:
            return sorted({i for c in cells for i in table.get(c, ())})

        return Subset(found(self.boxes), found(self.wires), found(self.frames), found(self.dotted))


def page_svgs(plan: Plan, chart: Layout, pages: Sequence[Sheet]) -> list[tuple[str, float, float]]:
    """Each page as `(svg, width_pt, height_pt)`: the whole chart, or a tile with its title
    and number."""
    if len(pages) == 1 and not pages[0].title:
        return [(_whole(plan, chart, pages[0]), pages[0].width, pages[0].height)]
    picker = _Picker(plan, chart, max(p.region[2] - p.region[0] for p in pages))
    total = len(pages)
    return [(_tile(plan, chart, p, picker, total), p.width, p.height) for p in pages]


def _whole(plan: Plan, chart: Layout, sheet: Sheet) -> str:
    """The whole chart, centred on its page at the sheet's scale."""
    pw, ph = sheet.width / PT_PER_PX, sheet.height / PT_PER_PX
    k = sheet.scale
    dx = (pw - chart.width * k) / 2
    dy = (ph - chart.height * k) / 2
    out = [
        svg_head(pw, ph, plan.title),
        f'<rect width="{number(pw)}" height="{number(ph)}" fill="#ffffff"/>\n',
    ]
    out.append(f'<g transform="translate({number(dx)} {number(dy)}) scale({k:.6g})">\n')
    out += chart_body(plan, chart)
    out.append("</g>\n</svg>\n")
    return "".join(out)


def _tile(plan: Plan, chart: Layout, sheet: Sheet, picker: _Picker, total: int) -> str:
    pw, ph = sheet.width / PT_PER_PX, sheet.height / PT_PER_PX
    x0, y0, x1, y1 = sheet.region
    k = sheet.scale
    left = _MARGIN_PT / PT_PER_PX
    top = left + _HEAD_PX
    lang = plan.lang
    out = [
        svg_head(pw, ph, plan.title),
        f'<rect width="{number(pw)}" height="{number(ph)}" fill="#ffffff"/>\n',
    ]
    head = style.wrap(sheet.title, "heading", (pw - 2 * left) * 0.6, max_lines=1)
    out.append(
        f'<text x="{number(left)}" y="{number(left + 14)}" font-size="14" font-weight="bold" '
        f'fill="#1f2328">{xml_text(head[0] if head else "")}</text>\n'
    )
    if plan.title and sheet.title != plan.title:
        name = style.wrap(plan.title, "note", (pw - 2 * left) * 0.35, max_lines=1)
        out.append(
            f'<text x="{number(pw - left)}" y="{number(left + 14)}" font-size="11" '
            f'text-anchor="end" fill="#57606a">{xml_text(name[0] if name else "")}</text>\n'
        )
    place = words.word("page_of", lang).format(i=sheet.number, n=total)
    grid = words.word("row_column", lang).format(r=sheet.row, c=sheet.column)
    out.append(
        f'<text x="{number(pw - left)}" y="{number(ph - left)}" font-size="10" text-anchor="end" '
        f'fill="#57606a">{xml_text(place)} \u00b7 {xml_text(grid)}</text>\n'
    )
    out.append(
        f'<clipPath id="tile"><rect x="{number(left)}" y="{number(top)}" '
        f'width="{number((x1 - x0) * k)}" height="{number((y1 - y0) * k)}"/></clipPath>\n'
        f'<g clip-path="url(#tile)"><g transform="translate({number(left)} {number(top)}) '
        f'scale({k:.6g}) translate({number(-x0)} {number(-y0)})">\n'
    )
    region = (x0, y0, x1, y1)
    tile = ((pw - 2 * left) / k, (ph - 2 * left - _HEAD_PX - _FOOT_PX) / k)
    found = picker.pick(region)
    bw = round(plan.box_width)
    found = found._replace(
        boxes=[
            i
            for i in found.boxes
            if _on_tile((chart.x[i], chart.y[i], bw, round(plan.boxes[i].height)), region, tile)
        ]
    )
    out += chart_body(plan, chart, region, found)
    out.append("</g></g>\n</svg>\n")
    return "".join(out)
