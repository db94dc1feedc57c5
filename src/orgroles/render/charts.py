"""Draw an org chart: to a file whose suffix picks the format, or to bytes or text.

Every function here takes the chart options of `ChartOptions`
as keywords (or a ready `options` object, with keywords that change it), and draws the
same `Plan` in the format asked for (see
`orgroles.render.formats`).

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> svg = render_svg(org, engine="builtin")
    >>> svg.count('class="role ')
    4
    >>> print(to_mermaid(org, root="cto", depth=0))  # doctest: +ELLIPSIS
    flowchart TD
        n0["<b>Chief Technical Officer</b><br/>Camille Roux<br/><small>+2 below</small>"]
    ...
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgroles._internal.arguments import checked
from orgroles.errors import OrgArgumentError
from orgroles.io.atomic import atomic_write
from orgroles.render.formats import Drawing, format_of, writer
from orgroles.render.options import ChartOptions

if TYPE_CHECKING:
    import graphviz

    from orgroles.core import OrgCore

__all__ = [
    "draw",
    "render",
    "render_bytes",
    "render_file",
    "render_svg",
    "to_dot",
    "to_html",
    "to_mermaid",
]


def draw(org: OrgCore, fmt: str, options: ChartOptions | None = None, /, **changes: Any) -> Drawing:
    """The chart of `org` in `fmt` (`svg`, `png`, `pdf`, `dot`, `mermaid` or
    `html`), with the plan it was drawn from. `org`, `fmt` and `options` are given by
    position: every name is a chart option's (`fmt=` is an unknown one)."""
    _drawable(org)
    chosen = ChartOptions.of(options, **changes)
    if chosen.diff is not None:  # a change chart: drawn from the org with its ghosts
        from orgroles.render.changes import with_changes

        org, chosen = with_changes(org, chosen)
    return writer(fmt)(org, chosen)


def render_bytes(
    org: OrgCore, fmt: str, options: ChartOptions | None = None, /, **changes: Any
) -> bytes:
    """Return the chart in `fmt`: `svg`, `png`, `pdf`, `dot`, `mermaid` or `html`."""
    return draw(org, fmt, options, **changes).data


def render_svg(org: OrgCore, options: ChartOptions | None = None, **changes: Any) -> str:
    """Return the chart as an SVG document (text)."""
    return render_bytes(org, "svg", options, **changes).decode("utf-8")


def to_dot(org: OrgCore, options: ChartOptions | None = None, **changes: Any) -> graphviz.Digraph:
    """Return the chart as a `graphviz.Digraph` (DOT source in `.source`)."""
    from orgroles.render.dot import plan_to_dot
    from orgroles.render.plan import make_plan

    chosen = ChartOptions.of(options, **changes)
    return plan_to_dot(make_plan(org, chosen), layout=chosen.layout, max_aspect=chosen.max_aspect)


def to_mermaid(org: OrgCore, options: ChartOptions | None = None, **changes: Any) -> str:
    """Return the chart as a Mermaid `flowchart TD`."""
    return render_bytes(org, "mermaid", options, **changes).decode("utf-8")


def to_html(org: OrgCore, options: ChartOptions | None = None, **changes: Any) -> str:
    """Return the interactive explorer: one self-contained HTML page (see `html`).

    The page lays the chart out in the browser, so it needs no engine. `fold` groups
    start folded, and the reader can unfold them.
    """
    return render_bytes(org, "html", options, **changes).decode("utf-8")


@checked
def render(
    org: OrgCore,
    path: str | os.PathLike[str],
    options: ChartOptions | None = None,
    **changes: Any,
) -> Path:
    """Draw an org chart to `path`; the suffix picks the format. Returns the path.

    Args:
        org: The org to draw.
        path: The output file: `.svg`, `.png`, `.pdf`, `.pptx` (PowerPoint, with the
            `pptx` extra), `.dot`/`.gv` (DOT source), `.mmd` (Mermaid) or `.html`/`.htm`
            (the interactive explorer); `FORMATS` lists them. It is written atomically: a
            failed render leaves an existing file as it was.
        options: A `ChartOptions`, if you keep one; `**changes` are applied over it.
        **changes: Chart options by name, each described in `ChartOptions`: `root`,
            `depth`, `fold`, `show`, `name_first`, `color_by`, `legend`, `direction`,
            `theme`, `allow_outside_photos`, `lang`, `report`, `engine`, `layout`,
            `max_aspect`, `scale` and `max_megapixels` (PNG), `page` and `orientation`
            (PDF), and `diff` (an older org: a change chart). An unknown name is a
            `RenderError` with a did-you-mean.

    Returns:
        The path written.

    Raises:
        RenderError: The chart cannot be drawn as asked (a bad option, a root that names
            no role, a photo outside the org's folder).
        EngineNotFoundError: `engine="dot"` without Graphviz's `dot` on `PATH`.
        MissingExtraError: `.pptx` without python-pptx.

    Examples:
        >>> import orgroles, tempfile, pathlib
        >>> org = orgroles.load("examples/scaleup_cto_cpo.yaml")
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "cto.svg"
        >>> render(org, out, root="cto", depth=1, engine="builtin").name
        'cto.svg'
    """
    return render_file(org, path, options, **changes)[0]


def render_file(
    org: OrgCore,
    path: str | os.PathLike[str],
    options: ChartOptions | None = None,
    **changes: Any,
) -> tuple[Path, int]:
    """`render()`, returning also how many roles the chart shows (folded ones count)."""
    drawing = draw(org, format_of(path), options, **changes)
    atomic_write(path, drawing.data)
    return Path(path), drawing.plan.shown


def _drawable(org: object) -> None:
    """Refuse what is not an org (a file's name: the commonest slip) with a clear error."""
    from orgroles.core import OrgCore

    if not isinstance(org, OrgCore):
        hint = f": read the file first, orgroles.load({org!r})" if isinstance(org, str) else ""
        raise OrgArgumentError(f"a chart is drawn of an Org, not {type(org).__name__}{hint}")
