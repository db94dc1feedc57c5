"""Org charts: SVG, PNG, PDF, DOT, Mermaid and an interactive HTML explorer from an org.

:func:`render` writes a file, its format chosen by the suffix; :func:`render_svg`,
:func:`to_dot`, :func:`to_mermaid` and :func:`to_html` return the chart without writing
anything. All of them draw the same :class:`~orgroles.render.plan.Plan`, so every format
shows the same boxes, and take the same :class:`ChartOptions`.

The modules, one job each: :mod:`~orgroles.render.options` (the options),
:mod:`~orgroles.render.plan` (what a chart shows), :mod:`~orgroles.render.arrange` and
:mod:`~orgroles.render.layout` (where boxes go), :mod:`~orgroles.render.formats` (the
table of output formats) and one writer module per format
(:mod:`~orgroles.render.svg`, :mod:`~orgroles.render.dot`, ...).
"""

from orgroles.render.charts import (
    draw,
    render,
    render_bytes,
    render_file,
    render_svg,
    to_dot,
    to_html,
    to_mermaid,
)
from orgroles.render.formats import FORMATS, format_of
from orgroles.render.options import LAYOUTS, MAX_ASPECT, ChartOptions
from orgroles.render.plan import make_plan

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "MAX_ASPECT",
    "ChartOptions",
    "draw",
    "format_of",
    "make_plan",
    "render",
    "render_bytes",
    "render_file",
    "render_svg",
    "to_dot",
    "to_html",
    "to_mermaid",
]
