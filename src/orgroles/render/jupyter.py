"""Inline display in Jupyter: the MIME types an org shows itself as, and its mimebundle.

Like the graphviz package, a small table maps each MIME type to the function that makes
it. The bundle always has ``text/plain`` and adds ``image/svg+xml`` from whichever
engine works (``dot`` if installed and the chart is small, else the builtin engine).
It never raises: if drawing fails, the bundle has the text only. Above
:data:`PREVIEW_LIMIT` roles, only the top layers are drawn, and the chart says so.

>>> import orgroles
>>> org = orgroles.load("examples/three_person_tech_team.yaml")
>>> bundle = repr_mimebundle(org)
>>> sorted(bundle), bundle["text/plain"]
(['image/svg+xml', 'text/plain'], "<Org 'Tiny Startup': 4 roles, 4 people, 0 teams>")
>>> list(repr_mimebundle(org, exclude=["image/svg+xml"]))
['text/plain']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from orgroles.errors import OrgError
from orgroles.render import words
from orgroles.render.image import svg_bytes
from orgroles.render.options import ChartOptions
from orgroles.render.plan import make_plan

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["MIME_TYPES", "PREVIEW_LIMIT", "PREVIEW_TIMEOUT", "preview_depth", "repr_mimebundle"]

PREVIEW_LIMIT = 500
"""Above this many roles, an org shows only as many top layers as fit in this many."""

PREVIEW_TIMEOUT = 20.0
"""Seconds ``dot`` may take for an inline chart before the builtin engine takes over."""


def preview_depth(org: OrgCore, limit: int = PREVIEW_LIMIT) -> int | None:
    """Return how many layers below the top an inline chart shows (None: all of them).

    Returns -1 when even the top layer has more than ``limit`` roles.

    >>> import orgroles
    >>> preview_depth(orgroles.load("examples/scaleup_cto_cpo.yaml"), limit=5)
    1
    """
    if len(org) <= limit:
        return None
    per_layer = Counter(org.index.depth)
    total = 0
    layer = 0
    while layer in per_layer:
        total += per_layer[layer]
        if total > limit:
            return layer - 1
        layer += 1
    return None


def _svg(org: OrgCore) -> str | None:
    depth = preview_depth(org)
    if depth is not None and depth < 0:
        return None
    notes = []
    if depth is not None:
        layers = max(org.index.depth) + 1
        shown = sum(1 for d in org.index.depth if 0 <= d <= depth)
        notes.append(
            words.word("preview").format(
                layers=words.count(depth + 1),
                total_layers=words.count(layers),
                shown=words.count(shown),
                roles=words.count(len(org)),
            )
        )
    plan = make_plan(org, depth=depth, notes=notes)
    try:
        data = svg_bytes(plan, ChartOptions(), timeout=PREVIEW_TIMEOUT)
    except OrgError:  # dot failed or was too slow: the builtin engine always works
        data = svg_bytes(plan, ChartOptions(engine="builtin"))
    return data.decode("utf-8")


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
    """Return the IPython mimebundle of an org: ``text/plain`` always, and an SVG chart.

    ``include`` and ``exclude`` restrict the image types, as in IPython's protocol.
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
