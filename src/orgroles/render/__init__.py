"""Org charts: SVG, PNG, PDF, DOT, Mermaid and an interactive HTML explorer from an org.

`render()` writes a file, its format chosen by the suffix; `render_svg()`,
`to_dot()`, `to_mermaid()` and `to_html()` return the chart without writing
anything. All of them draw the same `Plan`, so every format
shows the same boxes, and take the same `ChartOptions`.

The modules, one job each: `options` (the options),
`plan` (what a chart shows), `arrange` and
`layout` (where boxes go), `formats` (the
table of output formats) and one writer module per format
(`svg`, `dot`, ...).
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
