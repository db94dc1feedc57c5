"""SVG, PNG and PDF: the chart laid out by the builtin engine, or by Graphviz's `dot`.

The builtin engine writes SVG, and `orgroles.render.raster` turns it into PNG and
PDF (through typst, a wheel: no system package). `engine="dot"` lays out and draws all
three with Graphviz instead. `image_bytes()` is the one place that chooses the engine
for a planned chart.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from orgroles._internal.gc import gc_paused
from orgroles.render.dot import to_dot
from orgroles.render.engines import choose_engine, run_dot
from orgroles.render.formats import BIG_CHART, Drawing, LargeChartWarning
from orgroles.render.glyphs import lacking_chars, warn_missing_glyphs
from orgroles.render.plan import Plan, make_plan

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.layout import Layout
    from orgroles.render.options import ChartOptions

__all__ = ["big_chart", "draw_pdf", "draw_png", "draw_svg", "image_bytes", "svg_bytes"]


def big_chart(plan: Plan, fmt: str, size: tuple[float, float] | None = None) -> None:
    """Warn (`LargeChartWarning`) when a chart has too many boxes for `fmt`: say
    how big it is, and how to draw less of it."""
    if len(plan.boxes) <= BIG_CHART:
        return
    where = f" ({size[0]:,.0f} x {size[1]:,.0f} px)" if size else ""
    warnings.warn(
        f"this chart has {len(plan.boxes):,} boxes{where}, more than a "
        f"{'slide' if fmt == 'pptx' else 'page'} can show readably: draw a part of it "
        "(--root ROLE and --depth N; root= and depth= in Python), fold large teams of the "
        "same title (--fold N), or write .html for the interactive explorer",
        LargeChartWarning,
        stacklevel=4,
    )


def _builtin(plan: Plan, options: ChartOptions) -> tuple[Plan, Layout]:
    from orgroles.render.arrange import arrange, warn_too_wide

    drawn, chart = arrange(plan, options.layout, options.max_aspect)
    warn_too_wide(drawn, chart, options.layout, options.max_aspect)
    return drawn, chart


def image_bytes(plan: Plan, fmt: str, options: ChartOptions, timeout: float | None = None) -> bytes:
    """The chart of a plan as `fmt` (svg, png or pdf), with the engine the options ask for.

    `timeout` bounds the time `dot` may take (by default
    `DOT_TIMEOUT`).
    """
    if choose_engine(options.engine, fmt, len(plan.boxes)) == "dot":
        source = to_dot(plan, layout=options.layout, max_aspect=options.max_aspect).source
        if fmt != "svg":
            big_chart(plan, fmt)
        if timeout is None:
            return run_dot(source, fmt)
        return run_dot(source, fmt, timeout=timeout)
    from orgroles.render import raster
    from orgroles.render.svg import to_svg

    with gc_paused():
        drawn, chart = _builtin(plan, options)
        if fmt == "svg":
            return to_svg(drawn, chart).encode()
        big_chart(plan, fmt, (chart.width, chart.height))
        if fmt == "png":
            scale = raster.png_scale(
                chart.width, chart.height, options.scale, options.max_megapixels
            )
            svg = to_svg(drawn, chart)
            warn_missing_glyphs([svg], fmt, drawn=_machine_drawn([svg]), stacklevel=4)
            return raster.png_image(svg, chart.width, chart.height, scale)
        from orgroles.render.pages import page_svgs, sheets

        pages = page_svgs(drawn, chart, sheets(drawn, chart, options.page, options.orientation))
        svgs = [page for page, _, _ in pages]
        warn_missing_glyphs(svgs, fmt, drawn=_machine_drawn(svgs), stacklevel=4)
        return raster.pdf_document(pages, plan.title)


def _machine_drawn(svgs: list[str]) -> frozenset[str]:
    """The characters of `svgs` that the bundled fonts lack and the machine's draw."""
    from orgroles.render.machine_fonts import fallback_folder

    lacking = lacking_chars(svgs)
    return fallback_folder(lacking)[1] if lacking else frozenset()


def svg_bytes(plan: Plan, options: ChartOptions, timeout: float | None = None) -> bytes:
    """The chart of a plan as SVG."""
    return image_bytes(plan, "svg", options, timeout)


def _draw(org: OrgCore, options: ChartOptions, fmt: str) -> Drawing:
    plan = make_plan(org, options)
    return Drawing(image_bytes(plan, fmt, options), plan)


def draw_svg(org: OrgCore, options: ChartOptions) -> Drawing:
    """The chart of `org` as an SVG document."""
    return _draw(org, options, "svg")


def draw_png(org: OrgCore, options: ChartOptions) -> Drawing:
    """The chart of `org` as a PNG image, `options.scale` pixels per px."""
    return _draw(org, options, "png")


def draw_pdf(org: OrgCore, options: ChartOptions) -> Drawing:
    """The chart of `org` as a PDF document, on `options.page` pages."""
    return _draw(org, options, "pdf")
