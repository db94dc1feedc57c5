"""Inline display in Jupyter: the MIME types an org shows itself as, and its mimebundle.

Like the graphviz package, a small table maps each MIME type to the function that makes
it. The bundle always has `text/plain` and adds `image/svg+xml`, drawn by the builtin
engine. It never raises: if drawing fails, the bundle has the text only. Above
`PREVIEW_LIMIT` roles, it shows a part that stays readable in a notebook: the
largest tree of the org (for an org with several tops), down to as many layers as fit in
`PREVIEW_LIMIT` boxes, and says so, and how to see more.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> bundle = repr_mimebundle(org)
    >>> sorted(bundle), bundle["text/plain"]
    (['image/svg+xml', 'text/plain'], "<Org 'Tiny Startup': 4 roles, 4 people, 0 teams>")
    >>> list(repr_mimebundle(org, exclude=["image/svg+xml"]))
    ['text/plain']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from orgroles.render import words
from orgroles.render.image import svg_bytes
from orgroles.render.options import ChartOptions
from orgroles.render.plan import chart_tops, make_plan, tree_sizes

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["MIME_TYPES", "PREVIEW_LIMIT", "Preview", "preview", "preview_depth", "repr_mimebundle"]

PREVIEW_LIMIT = 60
"""Above this many roles, an org shows the top layers of its largest tree that fit in
this many boxes."""


class Preview(NamedTuple):
    """What the inline chart of an org shows: the layers below the top (None: all), only
    the largest tree or all of them, and the lines that say so."""

    depth: int | None
    largest: bool
    notes: tuple[str, ...]


def preview(org: OrgCore, limit: int = PREVIEW_LIMIT) -> Preview:
    """Return what the inline chart of `org` shows.

    Examples:
        >>> import orgroles
        >>> preview(orgroles.load("examples/scaleup_cto_cpo.yaml"), limit=5).depth
        1
    """
    if len(org) <= limit:
        return Preview(None, False, ())
    starts, missing = chart_tops(org)
    sizes = tree_sizes(org, starts, missing)
    top = starts[sizes.index(max(sizes))]
    kids = org.index.children
    # Layer by layer down the largest tree: boxes, and roles (a missing manager is none).
    frontier = list(missing[top]) if isinstance(top, str) else [top]
    counts = [(1, 0)] if isinstance(top, str) else []
    while frontier:
        counts.append((len(frontier), len(frontier)))
        frontier = [c for p in frontier for c in kids.get(p, ())]
    depth: int | None = None
    boxes = shown = 0
    for layer, (b, r) in enumerate(counts):
        if boxes + b > limit and layer > 0:
            depth = layer - 1
            break
        boxes += b
        shown += r
    lang = "en"
    notes = []
    if len(starts) > 1:
        notes.append(words.word("preview_forest", lang).format(groups=words.count(len(starts))))
    if depth is not None or len(starts) > 1:
        notes.append(
            words.word("preview", lang).format(
                layers=words.count(len(counts) if depth is None else depth + 1),
                total_layers=words.count(len(counts)),
                shown=words.count(shown),
                roles=words.count(len(org)),
            )
        )
        notes.append(words.word("preview_more", lang))
    return Preview(depth, len(starts) > 1, tuple(notes))


def preview_depth(org: OrgCore, limit: int = PREVIEW_LIMIT) -> int | None:
    """How many layers below its top the inline chart of `org` shows (None: all)."""
    return preview(org, limit).depth


def _svg(org: OrgCore) -> str | None:
    shown = preview(org)
    plan = make_plan(org, depth=shown.depth, notes=shown.notes, largest=shown.largest)
    plan = dataclasses.replace(plan, narrow=True)  # a cell is no slide
    return svg_bytes(plan, ChartOptions()).decode("utf-8")


MIME_TYPES: dict[str, Callable[[OrgCore], str | None]] = {
    "text/plain": repr,
    "image/svg+xml": _svg,
}
"""The MIME types of the inline display, and the function that makes each one."""


def repr_mimebundle(
    org: OrgCore,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
) -> dict[str, str]:
    """Return the IPython mimebundle of an org: `text/plain` always, and an SVG chart.

    `include` and `exclude` restrict the image types, as in IPython's protocol.
    """
    wanted = set(include) if include is not None else set(MIME_TYPES)
    wanted -= set(exclude or ())
    bundle: dict[str, str] = {}
    try:
        bundle["text/plain"] = repr(org)
    except Exception:  # a display hook must never raise
        bundle["text/plain"] = f"<{type(org).__name__}>"
    for mime, make in MIME_TYPES.items():
        if mime == "text/plain" or mime not in wanted:
            continue
        try:
            data = make(org)
        except Exception:  # a display hook must never raise
            continue
        if data is not None:
            bundle[mime] = data
    return bundle
