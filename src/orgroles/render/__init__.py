"""Org charts: SVG, PNG, PDF, DOT, Mermaid and an interactive HTML explorer from an org.

:func:`render` writes a file, its format chosen by the suffix; :func:`render_svg`,
:func:`to_dot`, :func:`to_mermaid` and :func:`to_html` return the chart without writing
anything. All of them draw the same :class:`~orgroles.render.plan.Plan`, so every format
shows the same boxes.

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

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from orgroles.errors import RenderError
from orgroles.render.arrange import LAYOUTS, MAX_ASPECT, LayoutName, check_layout
from orgroles.render.engines import ENGINES, Engine, choose_engine, run_dot
from orgroles.render.plan import Plan, make_plan

if TYPE_CHECKING:
    import graphviz

    from orgroles.org import Org
    from orgroles.rules.report import Report

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "MAX_ASPECT",
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

FORMATS: dict[str, str] = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".html": "html",
    ".htm": "html",
}
"""Output file suffixes and the format each one writes."""


def format_of(path: str | os.PathLike[str]) -> str:
    """Return the format that a file name asks for, from its suffix.

    >>> format_of("chart.SVG"), format_of("org.gv")
    ('svg', 'dot')
    >>> format_of("chart.jpg")
    Traceback (most recent call last):
    ...
    orgroles.errors.RenderError: cannot draw 'chart.jpg': unknown suffix '.jpg' (use .svg, ...)
    """
    suffix = Path(path).suffix.lower()
    found = FORMATS.get(suffix)
    if found is None:
        known = list(FORMATS)
        raise RenderError(
            f"cannot draw {os.fspath(path)!r}: unknown suffix {suffix or '(none)'!r} "
            f"(use {', '.join(known[:-1])} or {known[-1]})"
        )
    return found


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a chart is built.

    A chart of 100,000 roles makes about a million small objects, none of them in a
    cycle; collections triggered by them cost more than half of the render time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _plan(
    org: Org,
    root: str | None,
    depth: int | None,
    fold: int | None,
    show: Iterable[str],
    lang: str,
    report: Report | None,
    notes: Sequence[str] = (),
) -> Plan:
    with _no_gc():
        return make_plan(
            org,
            root=root,
            depth=depth,
            fold=fold,
            show=show,
            lang=lang,
            report=report,
            notes=notes,
        )


def to_dot(
    org: Org,
    *,
    root: str | None = None,
    depth: int | None = None,
    fold: int | None = None,
    show: Iterable[str] = (),
    lang: str = "en",
    report: Report | None = None,
    layout: LayoutName | str = "compact",
    max_aspect: float = MAX_ASPECT,
) -> graphviz.Digraph:
    """Return the chart as a :class:`graphviz.Digraph` (DOT source in ``.source``)."""
    from orgroles.render.dot import to_dot as build

    check_layout(layout, max_aspect)
    plan = _plan(org, root, depth, fold, show, lang, report)
    return build(plan, layout=layout, max_aspect=max_aspect)


def to_mermaid(
    org: Org,
    *,
    root: str | None = None,
    depth: int | None = None,
    fold: int | None = None,
    show: Iterable[str] = (),
    lang: str = "en",
    report: Report | None = None,
) -> str:
    """Return the chart as a Mermaid ``flowchart TD``."""
    from orgroles.render.mermaid import to_mermaid as build

    return build(_plan(org, root, depth, fold, show, lang, report))


def to_html(
    org: Org,
    *,
    root: str | None = None,
    depth: int | None = None,
    fold: int | None = None,
    show: Iterable[str] = (),
    lang: str = "en",
    report: Report | None = None,
) -> str:
    """Return the interactive explorer: one self-contained HTML page (see :mod:`.html`).

    The page lays the chart out in the browser, so it needs no engine. ``fold`` groups
    start folded, and the reader can unfold them.
    """
    return _explorer(org, root, depth, fold, show, lang, report)[0]


def _explorer(
    org: Org,
    root: str | None,
    depth: int | None,
    fold: int | None,
    show: Iterable[str],
    lang: str,
    report: Report | None,
) -> tuple[str, Plan]:
    """The explorer page, and the plan (without folds) it was made from."""
    from orgroles.render.html import build_page

    plan = _plan(org, root, depth, None, show, lang, report)
    folded = _plan(org, root, depth, fold, show, lang, report) if fold is not None else None
    with _no_gc():
        return build_page(org, plan, folded, report), plan


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise RenderError(f"unknown engine {engine!r} (choose from: {', '.join(ENGINES)})")


def _draw(
    plan: Plan,
    fmt: str,
    engine: str,
    timeout: float | None = None,
    *,
    layout: str = "compact",
    max_aspect: float = MAX_ASPECT,
) -> bytes:
    """The chart of a plan in ``fmt`` (svg, png, pdf, dot or mermaid), as bytes."""
    _check_engine(engine)
    check_layout(layout, max_aspect)
    if fmt == "dot":
        from orgroles.render.dot import to_dot as build_dot

        source: str = build_dot(plan, layout=layout, max_aspect=max_aspect).source
        return source.encode("utf-8")
    if fmt == "mermaid":
        from orgroles.render.mermaid import to_mermaid as build_mermaid

        return build_mermaid(plan).encode("utf-8")
    if choose_engine(engine, fmt, len(plan.boxes)) == "builtin":
        from orgroles.render.svg import to_svg

        with _no_gc():
            return to_svg(plan, layout=layout, max_aspect=max_aspect).encode("utf-8")
    from orgroles.render.dot import to_dot as build_dot

    source = build_dot(plan, layout=layout, max_aspect=max_aspect).source
    if timeout is None:
        return run_dot(source, fmt)
    return run_dot(source, fmt, timeout=timeout)


def render_bytes(
    org: Org,
    fmt: str,
    *,
    root: str | None = None,
    depth: int | None = None,
    fold: int | None = None,
    show: Iterable[str] = (),
    lang: str = "en",
    engine: Engine | str = "auto",
    report: Report | None = None,
    layout: LayoutName | str = "compact",
    max_aspect: float = MAX_ASPECT,
) -> bytes:
    """Return the chart in ``fmt``: ``svg``, ``png``, ``pdf``, ``dot``, ``mermaid`` or ``html``."""
    return _render(org, fmt, root, depth, fold, show, lang, engine, report, layout, max_aspect)[0]


def _render(
    org: Org,
    fmt: str,
    root: str | None,
    depth: int | None,
    fold: int | None,
    show: Iterable[str],
    lang: str,
    engine: str,
    report: Report | None,
    layout: str,
    max_aspect: float,
) -> tuple[bytes, Plan]:
    """The chart's bytes, and the plan it was drawn from (which says how many roles show)."""
    _check_engine(engine)
    check_layout(layout, max_aspect)
    if fmt == "html":  # the browser lays the explorer out: no engine, no layout
        page, plan = _explorer(org, root, depth, fold, show, lang, report)
        return page.encode("utf-8"), plan
    plan = _plan(org, root, depth, fold, show, lang, report)
    return _draw(plan, fmt, engine, layout=layout, max_aspect=max_aspect), plan


def render_svg(
    org: Org,
    *,
    root: str | None = None,
    depth: int | None = None,
    fold: int | None = None,
    show: Iterable[str] = (),
    lang: str = "en",
    engine: Engine | str = "auto",
    report: Report | None = None,
    layout: LayoutName | str = "compact",
    max_aspect: float = MAX_ASPECT,
) -> str:
    """Return the chart as an SVG document (text)."""
    data = render_bytes(
        org,
        "svg",
        root=root,
        depth=depth,
        fold=fold,
        show=show,
        lang=lang,
        engine=engine,
        report=report,
        layout=layout,
        max_aspect=max_aspect,
    )
    return data.decode("utf-8")


def render(
    org: Org,
    path: str | os.PathLike[str],
    *,
    root: str | None = None,
    depth: int | None = None,
    fold: int | None = None,
    show: Iterable[str] = (),
    lang: str = "en",
    engine: Engine | str = "auto",
    report: Report | None = None,
    layout: LayoutName | str = "compact",
    max_aspect: float = MAX_ASPECT,
) -> Path:
    """Draw an org chart to ``path``; the suffix picks the format. Returns the path.

    Parameters
    ----------
    org
        The org to draw.
    path
        The output file: ``.svg``, ``.png``, ``.pdf``, ``.dot``/``.gv`` (DOT source),
        ``.mmd`` (Mermaid) or ``.html`` (the interactive explorer). It is written
        atomically: a failed render leaves an existing file as it was.
    root, depth
        Draw only ``root`` and the roles below it, down to ``depth`` layers under it
        (``depth=0`` draws the root alone). Without ``root``, ``depth`` counts from the
        top roles.
    fold
        Fold each group of more than ``fold`` leaf reports of a manager that share a
        title into one box, such as "+12 developers".
    show
        Extra content for the boxes: ``("responsibilities",)``.
    lang
        The language of titles and chart words (``en`` or ``fr``; others fall back to
        English).
    engine
        ``"auto"`` (``dot`` when installed and the chart has at most
        :data:`~orgroles.render.engines.DOT_LIMIT` boxes, else the builtin engine),
        ``"dot"`` or ``"builtin"`` (SVG only). PNG and PDF need ``dot``; the HTML
        explorer lays itself out in the browser and needs no engine.
    report
        A :class:`~orgroles.rules.Report` whose violations are highlighted.
    layout
        ``"compact"`` (the default) wraps a manager's reports into rows under a vertical
        line where one row would make the chart wider than ``max_aspect`` times its
        height; ``"tree"`` always puts them in one row. Both engines follow it; Mermaid
        lays out its charts itself.
    max_aspect
        The widest shape, width over height, that the compact layout aims for.

    Examples
    --------
    >>> import orgroles, tempfile, pathlib
    >>> org = orgroles.load("examples/scaleup_cto_cpo.yaml")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "cto.svg"
    >>> render(org, out, root="cto", depth=1, engine="builtin").name
    'cto.svg'
    """
    return render_file(
        org,
        path,
        root=root,
        depth=depth,
        fold=fold,
        show=show,
        lang=lang,
        engine=engine,
        report=report,
        layout=layout,
        max_aspect=max_aspect,
    )[0]


def render_file(
    org: Org,
    path: str | os.PathLike[str],
    *,
    root: str | None = None,
    depth: int | None = None,
    fold: int | None = None,
    show: Iterable[str] = (),
    lang: str = "en",
    engine: Engine | str = "auto",
    report: Report | None = None,
    layout: LayoutName | str = "compact",
    max_aspect: float = MAX_ASPECT,
) -> tuple[Path, int]:
    """:func:`render`, returning also how many roles the chart shows (folded ones count)."""
    from orgroles.io.atomic import atomic_write

    data, plan = _render(
        org, format_of(path), root, depth, fold, show, lang, engine, report, layout, max_aspect
    )
    atomic_write(path, data)
    return Path(path), plan.shown
