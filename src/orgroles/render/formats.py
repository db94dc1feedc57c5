"""The output formats: a table from file suffix to the writer that draws it.

Each `Format` names its writer as `"module:function"`; the module is imported
only when the format is drawn, so that writing a Mermaid file never loads the SVG layout.
A writer takes an org and `ChartOptions` and returns a
`Drawing`. Adding a format is one writer module and one entry in `TABLE`
(see CONTRIBUTING.md).

Examples:
    >>> format_of("chart.SVG"), format_of("org.gv")
    ('svg', 'dot')
    >>> format_of("chart.jpg")
    Traceback (most recent call last):
    ...
    orgroles.errors.RenderError: cannot draw 'chart.jpg': unknown suffix '.jpg' (use .svg, ...)
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from orgroles.errors import RenderError

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.options import ChartOptions
    from orgroles.render.plan import Plan

__all__ = [
    "BIG_CHART",
    "FORMATS",
    "TABLE",
    "Drawing",
    "Format",
    "LargeChartWarning",
    "Writer",
    "format_of",
    "writer",
]

BIG_CHART = 3000
"""A chart of more boxes than this is too big to read on a page or a slide: PNG, PDF and
PowerPoint warn about it (`LargeChartWarning`)."""


class LargeChartWarning(UserWarning):
    """A chart is too big for the format asked for: a PNG drawn at a lower scale, or more
    boxes than a page or a slide can show. The message says what to do instead; the
    command line prints it on stderr."""


class Drawing(NamedTuple):
    """A drawn chart: its bytes, and the plan it was drawn from (what it shows)."""

    data: bytes
    plan: Plan


Writer = Callable[["OrgCore", "ChartOptions"], Drawing]
"""A function that draws an org with the given options."""


@dataclass(frozen=True)
class Format:
    """An output format: its `name`, its file `suffixes` and its `writer`
    (`"module:function"`, imported on first use)."""

    name: str
    suffixes: tuple[str, ...]
    writer: str
    description: str


TABLE: tuple[Format, ...] = (
    Format("svg", (".svg",), "orgroles.render.image:draw_svg", "an SVG image"),
    Format("png", (".png",), "orgroles.render.image:draw_png", "a PNG image"),
    Format("pdf", (".pdf",), "orgroles.render.image:draw_pdf", "a PDF document"),
    Format("dot", (".dot", ".gv"), "orgroles.render.dot:draw", "Graphviz DOT source"),
    Format("mermaid", (".mmd",), "orgroles.render.mermaid:draw", "a Mermaid flowchart"),
    Format("html", (".html", ".htm"), "orgroles.render.html:draw", "the interactive explorer"),
    Format(
        "pptx",
        (".pptx",),
        "orgroles.render.pptx:draw",
        "a PowerPoint deck of editable shapes and connectors",
    ),
)
"""Every output format, in the order the docs list them."""

FORMATS: dict[str, str] = {suffix: f.name for f in TABLE for suffix in f.suffixes}
"""Output file suffixes and the format each one writes."""

_BY_NAME = {f.name: f for f in TABLE}


def format_of(path: str | os.PathLike[str]) -> str:
    """Return the format that a file name asks for, from its suffix."""
    suffix = Path(path).suffix.lower()
    found = FORMATS.get(suffix)
    if found is None:
        known = list(FORMATS)
        raise RenderError(
            f"cannot draw {os.fspath(path)!r}: unknown suffix {suffix or '(none)'!r} "
            f"(use {', '.join(known[:-1])} or {known[-1]})"
        )
    return found


def writer(fmt: str) -> Writer:
    """The writer of a format, by name (`svg`, `png`, ...).

    Examples:
        >>> writer("mermaid").__name__
        'draw'
    """
    found = _BY_NAME.get(fmt)
    if found is None:
        raise RenderError(f"unknown format {fmt!r} (choose from: {', '.join(_BY_NAME)})")
    module, _, function = found.writer.partition(":")
    return cast(Writer, getattr(importlib.import_module(module), function))
