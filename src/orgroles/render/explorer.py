"""The explorer in notebooks: `explore()` returns an `Explorer`, which shows itself.

Jupyter shows the page in a sandboxed `<iframe srcdoc=...>`: its scripts run, but it has
no access to the notebook (no same origin). The text form is always there too.

Examples:
    >>> import orgroles
    >>> view = explore(orgroles.load("examples/three_person_tech_team.yaml"))
    >>> view
    <Explorer 'Tiny Startup': 4 roles>
    >>> sorted(view._repr_mimebundle_())
    ['text/html', 'text/plain']
    >>> view._repr_html_().startswith('<iframe sandbox="allow-scripts allow-downloads" srcdoc="')
    True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgroles.render.html import draw, first_view_depth
from orgroles.render.options import ChartOptions
from orgroles.render.plan import Plan
from orgroles.render.quoting import html_attr

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.rules.report import Report

__all__ = ["Explorer", "explore"]

# The frame's height in px: a chart that fits whole gets what it needs, within these.
_MIN_HEIGHT = 360
_MAX_HEIGHT = 760
_BAR = 48  # the page's toolbar
_WIDTH = 960  # a notebook's usual output width, to guess the scale of a fitted chart


class Explorer:
    """An org's interactive explorer: the page (`.html`), saved with `save()`.

    In Jupyter it shows inline, in a frame `height` px high.
    """

    def __init__(self, page: str, *, title: str, roles: int, height: int) -> None:
        self.html = page
        self.title = title
        self.roles = roles
        self.height = height

    def __repr__(self) -> str:
        return f"<Explorer {self.title!r}: {self.roles:,} {'role' if self.roles == 1 else 'roles'}>"

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to `path` atomically (an existing file stays whole on failure)."""
        from orgroles.io.atomic import atomic_write

        atomic_write(path, self.html)
        return Path(path)

    def _repr_html_(self) -> str:
        # Without allow-same-origin the page runs in an opaque origin of its own: it
        # cannot reach the notebook. allow-downloads lets its "SVG" button work.
        return (
            '<iframe sandbox="allow-scripts allow-downloads" '
            f'srcdoc="{html_attr(self.html)}" '
            f'title="{html_attr(self.title)}" width="100%" '
            f'height="{self.height}" style="border: 1px solid #d0d7de; border-radius: 6px">'
            "</iframe>"
        )

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None, **_: Any
    ) -> dict[str, str]:
        """`text/plain` always, and `text/html` (the frame) unless excluded."""
        bundle = {"text/plain": repr(self)}
        wanted = set(include) if include is not None else {"text/html"}
        if "text/html" in wanted - set(exclude or ()):
            bundle["text/html"] = self._repr_html_()
        return bundle


def frame_height(plan: Plan) -> int:
    """The height of a notebook frame that shows the first view of `plan` whole.

    Examples:
        >>> import orgroles
        >>> from orgroles.render.plan import make_plan
        >>> frame_height(make_plan(orgroles.load("examples/three_person_tech_team.yaml")))
        360
    """
    levels = [box.level for box in plan.boxes]
    if not levels or first_view_depth(levels) < max(levels):
        return _MAX_HEIGHT  # the first view is a part of a big chart: give it room
    from orgroles.render.layout import layout

    chart = layout(plan)
    scale = min(1.0, max(0.6, _WIDTH / chart.width))
    return round(min(_MAX_HEIGHT, max(_MIN_HEIGHT, _BAR + 48 + chart.height * scale)))


def explore(
    org: OrgCore,
    *,
    report: Report | None = None,
    check: bool = False,
    height: int | None = None,
    **options: Any,
) -> Explorer:
    """Return the interactive explorer of `org`; see `render()`.

    The chart options are those of `ChartOptions`
    (`root`, `depth`, `fold`, `show`, `lang`, `name_first`, `color_by`,
    `theme`, ...), as keywords. `check=True` runs `org.check()` and shows its
    violations (or pass a `report`). `height` sets the height of the notebook frame
    in px (by default, what the first view needs, between 360 and 760).
    """
    if check and report is None:
        from orgroles.rules import check as run_rules

        report = run_rules(org)
    page, plan = draw(org, ChartOptions.of(report=report, **options))
    return Explorer(
        page.decode("utf-8"),
        title=plan.title,
        roles=plan.shown,
        height=height if height is not None else frame_height(plan),
    )
