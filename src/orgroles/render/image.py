"""SVG, PNG and PDF: the chart laid out by the builtin engine, or by Graphviz's ``dot``.

:func:`svg_bytes` is the one place that chooses the engine for a planned chart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgroles._internal.gc import gc_paused
from orgroles.render.dot import to_dot
from orgroles.render.engines import choose_engine, run_dot
from orgroles.render.formats import Drawing
from orgroles.render.plan import Plan, make_plan

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.options import ChartOptions

__all__ = ["draw_pdf", "draw_png", "draw_svg", "image_bytes", "svg_bytes"]


def image_bytes(plan: Plan, fmt: str, options: ChartOptions, timeout: float | None = None) -> bytes:
    """The chart of a plan as ``fmt`` (svg, png or pdf), with the engine the options ask for.

    ``timeout`` bounds the time ``dot`` may take (by default
    :data:`~orgroles.limits.DOT_TIMEOUT`).
    """
    if choose_engine(options.engine, fmt, len(plan.boxes)) == "builtin":
        from orgroles.render.svg import to_svg

        with gc_paused():
            return to_svg(plan, layout=options.layout, max_aspect=options.max_aspect).encode()
    source = to_dot(plan, layout=options.layout, max_aspect=options.max_aspect).source
    if timeout is None:
        return run_dot(source, fmt)
    return run_dot(source, fmt, timeout=timeout)


def svg_bytes(plan: Plan, options: ChartOptions, timeout: float | None = None) -> bytes:
    """The chart of a plan as SVG."""
    return image_bytes(plan, "svg", options, timeout)


def _draw(org: OrgCore, options: ChartOptions, fmt: str) -> Drawing:
    plan = make_plan(org, options)
    return Drawing(image_bytes(plan, fmt, options), plan)


def draw_svg(org: OrgCore, options: ChartOptions) -> Drawing:
    """The chart of ``org`` as an SVG document."""
    return _draw(org, options, "svg")


def draw_png(org: OrgCore, options: ChartOptions) -> Drawing:
    """The chart of ``org`` as a PNG image."""
    return _draw(org, options, "png")


def draw_pdf(org: OrgCore, options: ChartOptions) -> Drawing:
    """The chart of ``org`` as a PDF document."""
    return _draw(org, options, "pdf")
