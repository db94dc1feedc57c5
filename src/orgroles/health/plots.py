"""The report's charts, drawn with matplotlib's object-oriented API (never pyplot).

Each `draw_*` function draws one chart into a matplotlib `Axes` from the report's
`Numbers`; `Plots` (`org.plot`) gives each chart
alone, as a `Figure` users may restyle. Styles apply through `rc_context` while a
chart is drawn and saved, so orgroles never changes the user's global settings. Every
text that comes from the org goes through `label()`: matplotlib reads `$...$` as
mathematics, and the label shows it as it is.

matplotlib is the optional extra `report`: `pip install 'orgroles[report]'`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from orgroles._internal.extras import import_extra
from orgroles.health.sections import UNKNOWN, Numbers
from orgroles.health.words import decimal, number, word
from orgroles.render.quoting import clean
from orgroles.render.style import SEVERITY_COLORS, family_colors

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "COLORS",
    "RC",
    "draw_findings",
    "draw_layers",
    "draw_spans",
    "draw_teams",
    "draw_trends",
    "label",
    "matplotlib_figure",
    "new_figure",
    "style",
]

RC: dict[str, Any] = {
    "svg.hashsalt": "orgroles",  # the same ids in every run
    "svg.fonttype": "path",  # glyphs as outlines: the same look in every browser
    "pdf.fonttype": 42,  # TrueType in PDFs: text that can be searched and copied
    "font.family": "DejaVu Sans",  # ships inside matplotlib: the same on every machine
    "font.size": 9.0,
    "text.usetex": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#8c959f",
    "axes.labelcolor": "#24292f",
    "axes.titlesize": 11.0,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.titlepad": 10.0,
    "xtick.color": "#57606a",
    "ytick.color": "#57606a",
    "legend.frameon": False,
    "legend.fontsize": 8.5,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}
"""The matplotlib settings the charts are drawn and saved with."""

COLORS = {
    "bar": "#2f4b7c",
    "band": "#2e7d4f",
    "narrow": "#d4730b",
    "wide": "#d1242f",
    "muted": "#8c959f",
    "vacant": "#d4730b",
    "planned": "#6f9fd8",
    "line": "#2f4b7c",
    "line2": "#2e7d4f",
    "text": "#24292f",
}
"""The colours of the charts (those of families and severities come from the org charts)."""

WIDTH = 8.0  # inches: the page's charts
HEIGHT = 3.3


def _matplotlib() -> Any:
    needs = "the health report and its plots need matplotlib: pip install 'orgroles[report]'"
    import_extra("matplotlib.figure", needs)
    return import_extra("matplotlib", needs)


@contextmanager
def style() -> Iterator[None]:
    """Draw (and save) with the report's settings, for the time of a `with` block."""
    matplotlib = _matplotlib()
    with matplotlib.rc_context(RC):
        yield


@lru_cache(maxsize=1)
def matplotlib_figure() -> type[Figure]:
    """The class of the figures `Plots` returns: a plain matplotlib `Figure`
    that also shows itself in Jupyter (as SVG and PNG) without pyplot."""
    _matplotlib()
    from matplotlib.figure import Figure

    class OrgFigure(Figure):
        """A matplotlib `Figure` that Jupyter shows inline, as SVG or PNG."""

        def _repr_svg_(self) -> str:
            buffer = io.StringIO()
            with style():
                self.savefig(buffer, format="svg", metadata={"Date": None})
            text = buffer.getvalue()
            return text[text.index("<svg") :]

        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            with style():
                self.savefig(buffer, format="png", dpi=100)
            return buffer.getvalue()

    OrgFigure.__module__ = __name__
    return OrgFigure


def new_figure(width: float = WIDTH, height: float = HEIGHT) -> Figure:
    """An empty figure of the report's size, with constrained layout."""
    cls = matplotlib_figure()
    with style():
        return cls(figsize=(width, height), layout="constrained")


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """The characters the charts' font (DejaVu Sans, shipped with matplotlib) has."""
    _matplotlib()
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(font_manager.findfont("DejaVu Sans")).get_charmap())


def label(text: str, width: int = 48) -> str:
    """Org text as a matplotlib label: one clean line, `$` shown as it is, cut to
    `width` characters with an ellipsis; a character the font lacks (an emoji) is
    drawn as U+FFFD, the same on every machine.

    Examples:
        >>> label("Cost $5 $x$ <b>"), label("a" * 60, 10), label("go 🚀")
        ('Cost \\\\$5 \\\\$x\\\\$ <b>', 'aaaaaaaaa…', 'go \ufffd')
    """
    text = clean(text)
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    if not text.isascii():
        font = _drawable()
        text = "".join(c if ord(c) in font else "\ufffd" for c in text)
    return text.replace("$", r"\$")


def _integer_axis(axis: Any, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda x, _: number(round(abs(x)), lang)))


# -- the charts --------------------------------------------------------------------------


def draw_spans(ax: Axes, numbers: Numbers, *, title: bool = True) -> Axes:
    """Managers by span of control, the target band shaded, narrow spans apart."""
    lang = numbers.lang
    low, high = numbers.targets.span
    narrow = numbers.targets.narrow
    counts = numbers.spans.counts
    cap = max(30, high + 5)
    shown: dict[int, int] = {}
    for s, n in counts.items():
        shown[min(s, cap)] = shown.get(min(s, cap), 0) + n
    top = max([*shown, high + 1])
    ax.axvspan(low - 0.5, high + 0.5, color=COLORS["band"], alpha=0.12, lw=0)
    xs = list(shown)
    colors = [
        COLORS["narrow"]
        if s <= narrow
        else COLORS["wide"]
        if s > high
        else COLORS["bar"]
        if s >= low
        else COLORS["muted"]
        for s in xs
    ]
    bars = ax.bar(xs, [shown[s] for s in xs], width=0.8, color=colors, zorder=2)
    if len(xs) <= 30:
        texts = ax.bar_label(
            bars,
            labels=[number(shown[s], lang) for s in xs],
            padding=2,
            fontsize=7.5,
            color=COLORS["text"],
            zorder=4,
        )
        for text in texts:  # the median's line passes behind the numbers
            text.set_bbox({"facecolor": "white", "edgecolor": "none", "pad": 0.6})
    ax.set_xlim(0.3, top + 0.7)
    ticks = list(range(1, top + 1)) if top <= 30 else list(range(0, top + 1, 5))[1:]
    ax.set_xticks(ticks, [f"{t}+" if t == cap and cap in shown else str(t) for t in ticks])
    _integer_axis(ax.yaxis, lang)
    ax.margins(y=0.15)
    ax.set_xlabel(word("spans_x", lang))
    ax.set_ylabel(word("spans_y", lang))
    from matplotlib.patches import Patch

    handles = [
        Patch(color=COLORS["band"], alpha=0.25, label=word("band", lang, low=low, high=high)),
        Patch(color=COLORS["narrow"], label=word("narrow_zone", lang, n=narrow)),
    ]
    if numbers.spans.managers:
        median = numbers.headline.median_span
        line = ax.axvline(
            median,
            color=COLORS["text"],
            lw=1,
            ls=(0, (4, 3)),
            zorder=1.5,
            label=word("median_line", lang, value=decimal(median, lang)),
        )
        handles.append(line)  # type: ignore[arg-type]
    ax.legend(
        handles=handles,
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncols=len(handles),
        borderaxespad=0.2,
    )
    if title:
        ax.set_title(word("spans_title", lang), pad=22)
    return ax


FAMILY_COLORS = {
    "executive": "#4e79a7",
    "tech": "#59a14f",
    "product": "#f28e2b",
    "sales": "#b07aa1",
    "marketing": "#ff9da7",
    "finance": "#76b7b2",
    "people": "#edc948",
    "legal": "#9c755f",
    "operations": "#e15759",
    "support": "#79706e",
}
"""The colours of the ten families in the charts (Tableau 10: told apart at a glance)."""


def _family_color(family: str) -> str:
    if family == UNKNOWN:
        return "#c8ccd1"
    found = FAMILY_COLORS.get(family)
    return found if found is not None else family_colors(family).stroke


def draw_layers(ax: Axes, numbers: Numbers, *, title: bool = True) -> Axes:
    """Roles per layer as a centred pyramid, each bar split by function (family)."""
    lang = numbers.lang
    layers = numbers.layers
    cells = layers.cells
    rows = layers.layers
    totals = {n: sum(v for (layer, _), v in cells.items() if layer == n) for n in rows}
    left = {n: -totals[n] / 2 for n in rows}
    for fam in layers.families:
        widths = [cells.get((n, fam.family), 0) for n in rows]
        if not any(widths):
            continue
        name = fam.label if fam.family != UNKNOWN else word("unknown", lang)
        ax.barh(
            rows,
            widths,
            left=[left[n] for n in rows],
            height=0.72,
            color=_family_color(fam.family),
            label=label(name, 24),
            zorder=2,
        )
        for n, w in zip(rows, widths, strict=True):
            left[n] += w
    widest = max(totals.values(), default=1)
    for n in rows:
        ax.text(
            totals[n] / 2 + widest * 0.015,
            n,
            number(totals[n], lang),
            va="center",
            fontsize=7.5,
            color=COLORS["text"],
        )
    ax.set_xlim(-widest * 0.56, widest * 0.62)
    if rows:
        ax.set_ylim(max(rows) + 0.6, min(rows) - 0.6)
    ax.set_yticks(rows, [word("layer_short", lang, n=n) for n in rows])
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    _integer_axis(ax.xaxis, lang)
    ax.set_xlabel(word("layers_x", lang))
    _, most = numbers.targets.layers_for(numbers.headline.roles)
    if rows and max(rows) > most:
        ax.axhline(most + 0.5, color=COLORS["wide"], lw=1, ls=(0, (4, 3)), zorder=3)
        ax.text(
            -widest * 0.55,
            most + 0.5,
            word("target_layers_line", lang, n=most),
            va="bottom",
            fontsize=7.5,
            color=COLORS["wide"],
        )
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
    if title:
        ax.set_title(word("layers_title", lang))
    return ax


def _team_label(numbers: Numbers, row: Any) -> str:
    if row.name:
        return label(row.name, 48)
    cited = numbers.cited.get(row.lead or "")
    if cited is None:
        return label(word("team_of", numbers.lang, lead=row.lead or ""), 48)
    lead = f"{cited.title} · {cited.holders}" if cited.holders else cited.title
    return label(word("team_of", numbers.lang, lead=lead), 48)


def draw_teams(ax: Axes, numbers: Numbers, *, title: bool = True, rows: int = 12) -> Axes:
    """Vacant and planned seats of the teams with the most of them."""
    lang = numbers.lang
    shown = numbers.teams.rows[:rows]
    ys = list(range(len(shown)))
    vacant = [r.vacancies for r in shown]
    planned = [r.planned for r in shown]
    ax.barh(ys, vacant, color=COLORS["vacant"], height=0.7, label=word("vacant", lang), zorder=2)
    ax.barh(
        ys,
        planned,
        left=vacant,
        color=COLORS["planned"],
        height=0.7,
        label=word("planned_seat", lang),
        zorder=2,
    )
    for y, v, p in zip(ys, vacant, planned, strict=True):
        ax.text(v + p, y, f" {number(v + p, lang)}", va="center", fontsize=7.5)
    ax.set_yticks(ys, [_team_label(numbers, r) for r in shown])
    ax.set_ylim(len(shown) - 0.4, -0.6)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    _integer_axis(ax.xaxis, lang)
    ax.margins(x=0.12)
    ax.set_xlabel(word("teams_x", lang))
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2, borderaxespad=0.2)
    if title:
        ax.set_title(word("teams_title", lang), pad=22)
    return ax


def draw_findings(ax: Axes, numbers: Numbers, *, title: bool = True) -> Axes:
    """How many findings each rule has, coloured by severity."""
    lang = numbers.lang
    rows = numbers.findings.rows
    ys = list(range(len(rows)))
    colors = [SEVERITY_COLORS.get(f.severity, COLORS["muted"]) for f in rows]
    ax.barh(ys, [f.count for f in rows], color=colors, height=0.7, zorder=2)
    for y, f in zip(ys, rows, strict=True):
        ax.text(f.count, y, f" {number(f.count, lang)}", va="center", fontsize=7.5)
    ax.set_yticks(ys, [label(f"{f.code} {f.name}", 36) for f in rows])
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    _integer_axis(ax.xaxis, lang)
    ax.margins(x=0.15)
    ax.set_xlabel(word("findings_x", lang))
    from matplotlib.patches import Patch

    seen = [s for s in SEVERITY_COLORS if any(f.severity == s for f in rows)]
    ax.legend(
        handles=[Patch(color=SEVERITY_COLORS[s], label=word(s, lang)) for s in seen],
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=3,
        borderaxespad=0.2,
    )
    if title:
        ax.set_title(word("findings_title", lang), pad=22)
    return ax


def draw_trends(ax: Axes, numbers: Numbers, *, title: bool = True) -> Axes:
    """Headcount and seats per quarter, with the vacant and planned seats as bars."""
    lang = numbers.lang
    trends = numbers.trends or []
    xs = list(range(len(trends)))
    vacant = [t.vacancies for t in trends]
    planned = [t.planned for t in trends]
    ax.bar(xs, vacant, width=0.6, color=COLORS["vacant"], label=word("vacancies", lang), zorder=2)
    ax.bar(
        xs,
        planned,
        bottom=vacant,
        width=0.6,
        color=COLORS["planned"],
        label=word("planned", lang),
        zorder=2,
    )
    ax.plot(
        xs,
        [t.seats for t in trends],
        color=COLORS["line2"],
        marker="o",
        ms=3,
        label=word("seats", lang),
        zorder=3,
    )
    ax.plot(
        xs,
        [t.headcount for t in trends],
        color=COLORS["line"],
        marker="o",
        ms=3,
        label=word("headcount", lang),
        zorder=3,
    )
    day = numbers.day
    future = [k for k, t in enumerate(trends) if day is not None and t.start > day]
    if future and day is not None:
        ax.axvspan(
            future[0] - 0.5,
            len(xs) - 0.5,
            color="#eef0f2",
            lw=0,
            zorder=0,
            label=word("trend_after", lang, day=day.isoformat()),
        )
    step = max(1, -(-len(xs) // 8))
    ax.set_xticks(xs[::step], [t.period for t in trends][::step])
    ax.set_xlim(-0.6, len(xs) - 0.4)
    _integer_axis(ax.yaxis, lang)
    ax.set_ylim(bottom=0)
    ax.margins(y=0.1)
    ax.set_xlabel(word("quarter", lang))
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5))
    if title:
        ax.set_title(word("trends_title", lang))
    return ax


DRAW: dict[str, Callable[..., Axes]] = {
    "spans": draw_spans,
    "layers": draw_layers,
    "teams": draw_teams,
    "findings": draw_findings,
    "trends": draw_trends,
}
"""The page's charts, by name, in the page's order."""


def chart_height(name: str, numbers: Numbers) -> float:
    """The height in inches of a chart on the page: lists get a row each."""
    if name == "teams":
        return max(1.8, 0.9 + 0.26 * min(len(numbers.teams.rows), 12))
    if name == "findings":
        return max(1.8, 0.9 + 0.26 * len(numbers.findings.rows))
    if name == "layers":
        return max(HEIGHT, 0.9 + 0.3 * len(numbers.layers.layers))
    return HEIGHT


def figure_of(name: str, numbers: Numbers, *, title: bool = True) -> Figure:
    """One chart of the report in a figure of its own."""
    fig = new_figure(WIDTH, chart_height(name, numbers))
    with style():
        DRAW[name](fig.add_subplot(), numbers, title=title)
    return fig
