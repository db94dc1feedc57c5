"""The health report as a printable PDF: A4 pages drawn with matplotlib (`PdfPages`).

Each page is a matplotlib `Figure` on which `_Sheet` lays out headings,
paragraphs, the headline tiles, charts and tables from the top down, starting a new page
when the next block does not fit. Text stays text (TrueType fonts embedded), the rules'
names link to their documentation, and the file has no date in it: the same numbers give
the same bytes.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, Any

from orgroles._version import __version__
from orgroles.health.plots import COLORS, DRAW, chart_height, label, matplotlib_figure, style
from orgroles.health.sections import UNKNOWN, Numbers
from orgroles.health.words import decimal, number, word
from orgroles.render.style import SEVERITY_COLORS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["build_pdf"]

A4 = (8.27, 11.69)  # inches
MARGIN = 0.7
TOP = 0.75
BOTTOM = 0.8
INK = "#1f2328"
MUTED = "#57606a"
LINE = "#d0d7de"


class _Sheet:
    """Pages being written: a cursor that goes down each page, in inches from the top."""

    def __init__(self, numbers: Numbers) -> None:
        self.n = numbers
        self.lang = numbers.lang
        self.pages: list[Figure] = []
        self.y = 0.0
        self.fig: Figure = self._new_page()

    def _new_page(self) -> Figure:
        cls = matplotlib_figure()
        fig = cls(figsize=A4)
        self.pages.append(fig)
        self.y = TOP
        page = word("page", self.lang, n=len(self.pages))
        footer = f"{label(self.n.name, 60)} · {word('title', self.lang)} · {page}"
        fig.text(0.5, 0.4 / A4[1], footer, ha="center", fontsize=7.5, color=MUTED)
        self.fig = fig
        return fig

    def room(self, height: float) -> None:
        """Start a new page unless `height` inches fit on this one."""
        if self.y + height > A4[1] - BOTTOM and self.y > TOP:
            self._new_page()

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        return x / A4[0], 1 - y / A4[1]

    def text(self, x: float, text: str, size: float = 9.0, **kw: Any) -> None:
        """One line at the cursor, `x` inches from the left edge (cursor unchanged)."""
        kw.setdefault("color", INK)
        self.fig.text(*self._xy(x, self.y), text, fontsize=size, va="top", **kw)

    def heading(self, text: str, size: float = 14.0, keep: float = 2.2) -> None:
        """A heading, on a new page unless `keep` inches fit below it."""
        self.room(keep)
        self.y += 0.12
        self.text(MARGIN, text, size, fontweight="bold")
        self.y += size / 72 * 1.6

    def paragraph(self, text: str, size: float = 9.0, color: str = MUTED) -> None:
        lines = textwrap.wrap(text, width=int(112 * 9 / size))
        height = len(lines) * size / 72 * 1.45
        self.room(height)
        self.text(MARGIN, "\n".join(lines), size, color=color, linespacing=1.45)
        self.y += height + 0.08

    def chart_height(self, name: str) -> float:
        return chart_height(name, self.n) * (A4[0] - 2 * MARGIN) / 8.0

    def chart(self, name: str) -> None:
        """A chart of the page's width; its labels, ticks and legend fit in its slot."""
        height = self.chart_height(name)
        self.room(height)
        x0, y0 = self._xy(MARGIN, self.y + height)
        x1, y1 = self._xy(A4[0] - MARGIN, self.y)
        ax = self.fig.add_axes((x0, y0, x1 - x0, y1 - y0))
        DRAW[name](ax, self.n, title=False)
        # What is drawn outside the axes (tick labels, a legend beside or above) takes
        # room from them: twice, as ticks may change with the size.
        for _ in range(2):
            self.fig.draw_without_rendering()
            inner = ax.get_position()
            tight = ax.get_tightbbox()
            assert tight is not None
            outer = tight.transformed(self.fig.transFigure.inverted())
            left = inner.x0 + (x0 - outer.x0)
            right = inner.x1 - (outer.x1 - x1)
            bottom = inner.y0 + (y0 - outer.y0)
            top = inner.y1 - (outer.y1 - y1)
            ax.set_position((left, bottom, max(right - left, 0.05), max(top - bottom, 0.03)))
        self.y += height + 0.15

    def table(
        self,
        head: list[str],
        rows: list[list[str]],
        widths: list[float],
        numeric: list[bool],
        size: float = 8.0,
    ) -> None:
        """A table of text; cells are cut to their column's width."""
        step = size / 72 * 1.7
        wrapped = [
            "\n".join(textwrap.wrap(h, max(4, int(w * 72 / (size * 0.62))))) or h
            for h, w in zip(head, widths, strict=True)
        ]
        lines = max(h.count("\n") + 1 for h in wrapped)
        # The header and a few rows together; then rows flow onto the next pages, each
        # starting with the header again.
        self.room(step * (lines + min(len(rows), 4) + 0.5))
        self._row(wrapped, widths, numeric, size, bold=True, lines=lines)
        for row in rows:
            if self.y + step > A4[1] - BOTTOM:
                self._new_page()
                self._row(wrapped, widths, numeric, size, bold=True, lines=lines)
            self._row(row, widths, numeric, size)
        self.y += 0.12

    def _row(
        self,
        cells: list[str],
        widths: list[float],
        numeric: list[bool],
        size: float,
        bold: bool = False,
        lines: int = 1,
    ) -> None:
        x = MARGIN
        step = size / 72 * 1.7 * lines
        for cell, width, right in zip(cells, widths, numeric, strict=True):
            chars = max(4, int(width * 72 / (size * 0.58)))
            text = cell if len(cell) <= chars or bold else cell[: chars - 1] + "…"
            kw: dict[str, Any] = (
                {"fontweight": "bold", "color": MUTED, "linespacing": 1.3} if bold else {}
            )
            if right:
                self.fig.text(
                    *self._xy(x + width - 0.08, self.y),
                    text,
                    fontsize=size,
                    va="top",
                    ha="right",
                    **({"color": INK} | kw),
                )
            else:
                self.text(x, text, size, **kw)
            x += width
        self.y += step
        line = self.y - size / 72 * 1.7 * 0.25
        self.fig.add_artist(
            _line(self._xy(MARGIN, line), self._xy(MARGIN + sum(widths), line), bold)
        )


def _line(start: tuple[float, float], end: tuple[float, float], bold: bool) -> Any:
    from matplotlib.lines import Line2D

    return Line2D([start[0], end[0]], [start[1], end[1]], color=MUTED if bold else LINE, lw=0.6)


def _tiles(sheet: _Sheet) -> None:
    """The headline figures as eight tiles, four by row."""
    from matplotlib.patches import FancyBboxPatch

    n, lang = sheet.n, sheet.lang
    h = n.headline
    low, high = n.targets.layers_for(h.roles)
    layers_hint = (
        word("layers_hint_one", lang, high=high)
        if low == high
        else word("layers_hint", lang, low=low, high=high)
    )
    tiles = [
        ("headcount", number(h.headcount, lang), word("headcount_hint", lang)),
        ("seats", number(h.seats, lang), word("seats_hint", lang)),
        ("vacancies", number(h.vacancies, lang), word("vacancies_hint", lang)),
        ("planned", number(h.planned, lang), word("planned_hint", lang)),
        ("layers", number(h.layers, lang), layers_hint),
        ("median_span", decimal(h.median_span, lang), word("span_hint", lang)),
        ("mean_span", decimal(h.mean_span, lang), word("span_hint", lang)),
        ("manager_ratio", decimal(h.manager_ratio, lang), word("manager_ratio_hint", lang)),
    ]
    width = (A4[0] - 2 * MARGIN - 3 * 0.12) / 4
    height = 0.95
    sheet.room(2 * height + 0.3)
    for k, (key, value, hint) in enumerate(tiles):
        x = MARGIN + (k % 4) * (width + 0.12)
        y = sheet.y + (k // 4) * (height + 0.12)
        left, bottom = sheet._xy(x, y + height)
        off = key == "layers" and h.layers > high
        sheet.fig.add_artist(
            FancyBboxPatch(
                (left, bottom),
                width / A4[0],
                height / A4[1],
                boxstyle="round,pad=0,rounding_size=0.008",
                transform=sheet.fig.transFigure,
                facecolor="#fff8f8" if off else "white",
                edgecolor="#f0b4b4" if off else LINE,
                lw=0.8,
            )
        )
        lines: list[tuple[float, str, float, str, str]] = [
            (0.12, word(key, lang), 8.0, "bold", MUTED),
            (0.30, value, 18.0, "bold", COLORS["wide"] if off else INK),
            (0.70, hint, 7.0, "normal", MUTED),
        ]
        for dy, text, size, weight, color in lines:
            sheet.fig.text(
                *sheet._xy(x + 0.12, y + dy),
                text,
                fontsize=size,
                va="top",
                fontweight=weight,
                color=color,
            )
    sheet.y += 2 * height + 0.35


def _cover(sheet: _Sheet) -> None:
    n, lang = sheet.n, sheet.lang
    sheet.text(MARGIN, word("title", lang).upper(), 8.5, color=MUTED, fontweight="bold")
    sheet.y += 0.22
    sheet.text(MARGIN, label(n.name, 56), 22, fontweight="bold")
    sheet.y += 0.45
    subtitle = word("subtitle", lang, roles=number(n.headline.roles, lang))
    if n.day is not None:
        subtitle += " · " + word("as_of", lang, day=n.day.isoformat())
    sheet.text(MARGIN, subtitle, 10, color=MUTED)
    sheet.y += 0.4
    _tiles(sheet)
    low, high = n.targets.span
    sheet.paragraph(
        word("targets_note", lang, low=low, high=high, narrow_max=n.targets.narrow)
        + " "
        + word("generated", lang, version=__version__)
    )


def _role(sheet: _Sheet, rid: str | None) -> str:
    if rid is None:
        return word("whole_org", sheet.lang)
    cited = sheet.n.cited.get(rid)
    if cited is None:
        return label(rid)
    who = (
        word("planned_seat", sheet.lang)
        if cited.planned
        else word("vacant", sheet.lang)
        if cited.vacant or not cited.holders
        else cited.holders
    )
    return label(f"{cited.title} ({who})", 80)


def _manager(sheet: _Sheet, rid: str) -> str:
    cited = sheet.n.cited[rid]
    if cited.missing_manager is not None:
        return label(word("not_in_file", sheet.lang, id=cited.missing_manager), 40)
    return label(cited.manager_title or "", 40)


def _sections(sheet: _Sheet) -> None:
    n, lang = sheet.n, sheet.lang
    w = sheet.table
    s, t = n.spans, n.targets
    low, high = t.span
    sheet.heading(word("spans_title", lang), keep=sheet.chart_height("spans") + 1.0)
    sheet.paragraph(
        word(
            "spans_lead",
            lang,
            managers=number(s.managers, lang),
            in_band=number(s.in_band, lang),
            low=low,
            high=high,
            narrow=number(s.narrow, lang),
            narrow_max=t.narrow,
            wide=number(s.wide, lang),
        )
    )
    sheet.chart("spans")

    h = n.headline
    lo, hi = t.layers_for(h.roles)
    target = (
        word("layers_target_one", lang, high=hi)
        if lo == hi
        else word("layers_target_range", lang, low=lo, high=hi)
    )
    sheet.heading(word("layers_title", lang), keep=sheet.chart_height("layers") + 1.0)
    sheet.paragraph(
        word("layers_lead", lang, roles=number(h.roles, lang), layers=h.layers, target=target)
    )
    sheet.chart("layers")
    w(
        [word(k, lang) for k in ("function", "roles", "managers", "ics", "ratio", "deepest")],
        [
            [
                label(f.label if f.family != UNKNOWN else word("unknown", lang), 40),
                number(f.roles, lang),
                number(f.managers, lang),
                number(f.ics, lang),
                decimal(f.ratio, lang),
                number(f.layers, lang),
            ]
            for f in n.layers.families
        ],
        [2.0, 0.8, 0.9, 0.8, 1.3, 1.07],
        [False, True, True, True, True, True],
    )

    sheet.heading(word("narrow_title", lang))
    if s.narrow:
        sheet.paragraph(word("narrow_lead", lang, n=number(s.narrow, lang), narrow_max=t.narrow))
        rows = [
            [
                _role(sheet, rid),
                number(n.cited[rid].span, lang),
                _manager(sheet, rid),
            ]
            for rid in s.narrow_roles
        ]
        w(
            [word(k, lang) for k in ("role", "reports", "manager")],
            rows,
            [3.7, 0.8, 2.37],
            [False, True, False],
        )
        _more(sheet, len(rows), s.narrow)
    else:
        sheet.paragraph(word("narrow_none", lang, narrow_max=t.narrow))

    teams = n.teams
    sheet.heading(word("teams_title", lang), keep=sheet.chart_height("teams") + 1.0)
    if teams.count:
        sheet.paragraph(
            word(
                "teams_lead",
                lang,
                vacancies=number(teams.vacancies, lang),
                planned=number(teams.planned, lang),
                teams=number(teams.count, lang),
            )
        )
        sheet.chart("teams")
    else:
        sheet.paragraph(word("teams_none", lang))

    _findings(sheet)
    _coverage(sheet)
    if n.trends is not None:
        sheet.heading(word("trends_title", lang), keep=sheet.chart_height("trends") + 1.0)
        sheet.paragraph(word("trends_lead", lang))
        sheet.chart("trends")
    if n.changes is not None:
        _changes(sheet)


def _more(sheet: _Sheet, shown: int, total: int) -> None:
    if total > shown:
        sheet.paragraph(word("more", sheet.lang, n=number(total - shown, sheet.lang)))


def _findings(sheet: _Sheet) -> None:
    n, lang = sheet.n, sheet.lang
    f = n.findings
    sheet.heading(word("findings_title", lang), keep=sheet.chart_height("findings") + 1.0)
    if not f.total:
        sheet.paragraph(word("findings_none", lang))
        return
    sev = f.severities
    sheet.paragraph(
        word(
            "findings_lead",
            lang,
            total=number(f.total, lang),
            errors=number(sev.get("error", 0), lang),
            warnings=number(sev.get("warning", 0), lang),
            infos=number(sev.get("info", 0), lang),
        )
    )
    sheet.chart("findings")
    size = 8.0
    step = size / 72 * 1.7
    for row in f.rows:
        sheet.room(step * (2 + len(row.examples)))
        title = f"{row.code} {row.name} · {word(row.severity, lang)} · {number(row.count, lang)}"
        sheet.text(
            MARGIN,
            label(title, 90),
            size,
            fontweight="bold",
            color=SEVERITY_COLORS.get(row.severity, INK),
            url=row.url,
        )
        sheet.y += step
        for v in row.examples:
            sheet.text(MARGIN + 0.2, label(f"{_role(sheet, v.role)}: {v.message}", 118), 7.5)
            sheet.y += step * 0.95
        if row.count > len(row.examples):
            more = word("more", lang, n=number(row.count - len(row.examples), lang))
            sheet.text(MARGIN + 0.2, more, 7.5, color=MUTED, style="italic")
            sheet.y += step
        sheet.y += 0.06


def _coverage(sheet: _Sheet) -> None:
    n, lang = sheet.n, sheet.lang
    c = n.coverage
    sheet.heading(word("coverage_title", lang))
    sheet.paragraph(word("coverage_lead", lang))
    columns = c.columns[:5]
    shown = set(columns)
    head = [word("duty", lang), word("status", lang)]
    head += [label(n.cited[rid].title, 40) if rid in n.cited else rid for rid in columns]
    head.append(word("others", lang))
    rows = []
    for d in c.duties:
        marks = ["●" if rid in d.held else "○" if rid in d.vacant else "" for rid in columns]
        others = sum(1 for rid in (*d.held, *d.vacant) if rid not in shown)
        rows.append(
            [label(d.label, 44), word("status_" + d.status, lang), *marks, str(others or "")]
        )
    rest = A4[0] - 2 * MARGIN - 2.6 - 1.3 - 0.6
    widths = [2.6, 1.3, *([rest / len(columns)] * len(columns) if columns else []), 0.6]
    if not columns:
        widths[0] += rest
    sheet.table(head, rows, widths, [False, False, *([False] * len(columns)), True], size=7.5)


def _changes(sheet: _Sheet) -> None:
    n, lang = sheet.n, sheet.lang
    c = n.changes
    assert c is not None
    since, until = c.since.isoformat(), c.until.isoformat()
    sheet.heading(word("changes_title", lang, day=since))
    if not c.total:
        sheet.paragraph(word("changes_none", lang, since=since, until=until))
        return
    sheet.paragraph(
        word("changes_lead", lang, total=number(c.total, lang), since=since, until=until)
    )
    sheet.paragraph(
        " · ".join(f"{word('change_' + k, lang)}: {number(v, lang)}" for k, v in c.counts.items()),
        color=INK,
    )
    rows = [
        [ch.date.isoformat(), word("change_" + ch.kind, lang), _role(sheet, ch.role), label(d, 40)]
        for ch, d in zip(c.items, c.details, strict=True)
    ]
    sheet.table(
        [word(k, lang) for k in ("date", "change", "role")] + [""],
        rows,
        [1.0, 1.4, 2.8, 1.67],
        [False] * 4,
    )
    _more(sheet, len(rows), c.total)


def build_pdf(numbers: Numbers) -> bytes:
    """The PDF of a report's numbers."""
    from matplotlib.backends.backend_pdf import PdfPages

    buffer = io.BytesIO()
    with style():
        sheet = _Sheet(numbers)
        _cover(sheet)
        _sections(sheet)
        metadata = {
            "Title": f"{numbers.name} · {word('title', numbers.lang)}",
            "Creator": f"orgroles {__version__}",
            "CreationDate": None,
            "ModDate": None,
        }
        with PdfPages(buffer, metadata=metadata) as pdf:
            for page in sheet.pages:
                pdf.savefig(page)
    return buffer.getvalue()
