"""The slides of a PowerPoint chart: one 16:9 slide, or an overview and a slide per team.

A chart that fits one slide with its text at `READABLE` of its size or more is
one slide. A larger one is split by subtree: the first slide shows the top layers (as
many as fit), each box on it that leaves roles out ("+12 below") gets a slide of its
own with the layers under it that fit, and so on down, in the order of the chart
(depth first). Each slide is titled with the role it starts from (the org's name for
the first), with the chain of managers above it as a subtitle. The same options apply
on every slide (`fold`, `show`, `lang`, `report`, ...), and `depth` still
says how deep the whole goes.

Examples:
    >>> import orgroles
    >>> from orgroles.render import ChartOptions
    >>> deck = slides(orgroles.load("examples/scaleup_cto_cpo.yaml"), ChartOptions())
    >>> [(s.title, s.plan.shown) for s in deck]  # doctest: +NORMALIZE_WHITESPACE
    [('Northwind Labs', 10), ('Engineering Manager, Kenji Arai', 5),
     ('Lead Developer, Hana Sato', 5), ('Design Lead, Aisha Karim', 3)]
    >>> deck = slides(orgroles.load("examples/scaleup_cto_cpo.yaml"), ChartOptions(), width=700)
    >>> for s in deck:
    ...     print(s.plan.shown, s.title, "|", s.subtitle.replace(SEPARATOR, " > "))
    4 Northwind Labs |
    4 Chief Technical Officer, Marc Olsen | Northwind Labs
    5 Engineering Manager, Kenji Arai | Northwind Labs > Chief Technical Officer
    5 Lead Developer, Hana Sato | Northwind Labs > Chief Technical Officer
    6 Chief Product Officer, Sofia Brandt | Northwind Labs
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from orgroles.render.arrange import arrange
from orgroles.render.pages import box_label
from orgroles.render.plan import Plan, chart_tops, make_plan
from orgroles.render.quoting import clean

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.layout import Layout
    from orgroles.render.options import ChartOptions

__all__ = [
    "MARGIN",
    "READABLE",
    "SEPARATOR",
    "SLIDE_HEIGHT",
    "SLIDE_WIDTH",
    "TITLE_HEIGHT",
    "Slide",
    "room",
    "slides",
]

SLIDE_WIDTH = 1280.0
"""A 16:9 slide's width in px (13.333 in at 96 px an inch)."""
SLIDE_HEIGHT = 720.0
"""A 16:9 slide's height in px (7.5 in)."""
MARGIN = 32.0
"""The empty space around a slide's content, in px."""
TITLE_HEIGHT = 64.0
"""The room of a slide's title and subtitle, above the chart, in px."""
FOOT_HEIGHT = 20.0
"""The room of the slide number and legend, below the chart, in px."""
SEPARATOR = " \u203a "
"""Between the managers of a slide's subtitle (a single right-pointing angle quote)."""
READABLE = 0.75
"""The smallest scale of a chart on a slide: its 12 px text is then 6.75 pt."""
LARGEST = 1.5
"""The largest scale of a small chart on a slide."""


@dataclass
class Slide:
    """One slide: its `title` and `subtitle`, the plan and layout it draws, at
    `scale` (px of the chart per px of the slide)."""

    title: str
    subtitle: str
    plan: Plan
    chart: Layout
    scale: float


def room(width: float, height: float) -> tuple[float, float]:
    """The width and height, in px, that a slide of `width` by `height` px has for its
    chart."""
    return width - 2 * MARGIN, height - 2 * MARGIN - TITLE_HEIGHT - FOOT_HEIGHT


def _scale(chart: Layout, width: float, height: float) -> float:
    w, h = room(width, height)
    return min(w / chart.width, h / chart.height, LARGEST)


def _ratio(width: float, height: float) -> float:
    w, h = room(width, height)
    return w / h


def _short(label: str) -> str:
    return label.split(", ", 1)[0]


def slides(
    org: OrgCore,
    options: ChartOptions,
    *,
    width: float = SLIDE_WIDTH,
    height: float = SLIDE_HEIGHT,
) -> list[Slide]:
    """The slides of the chart of `org` on slides of `width` by `height` px."""
    raw = {clean(m): m for m in chart_tops(org)[1]}  # missing managers, by their shown id
    found: list[Slide] = []
    # (the role or missing manager a slide starts from, its level in the whole chart,
    # the labels of the managers above it)
    todo: list[tuple[str | None, str | None, int, list[str]]] = [(options.root, None, 0, [])]
    while todo:
        root, missing, level, path = todo.pop()
        limit = None if options.depth is None else options.depth - level
        drawn, chart, scale = _fit(org, options, root, missing, limit, width, height)
        first = root is None and missing is None
        top = drawn.boxes[drawn.tops[0]] if len(drawn.tops) == 1 else None
        title = (
            clean(org.name) if top is None or (first and options.root is None) else box_label(top)
        )
        found.append(Slide(title, SEPARATOR.join(path), drawn, chart, scale))
        below = [*path, title if first else _short(title)]
        expand: list[tuple[str | None, str | None, int, list[str]]] = []
        for box in drawn.boxes:
            if not box.hidden or (limit is not None and box.level >= limit):
                continue
            if (
                box.role is not None
                and box.role != root
                and org.index.children.get(org.index.pos[box.role])
            ):
                expand.append((box.role, None, level + box.level, below))
            elif box.placeholder is not None and box.placeholder in raw and missing is None:
                expand.append((None, raw[box.placeholder], level + box.level, below))
        todo += reversed(expand)
    return found


def _untitled(plan: Plan, first: bool) -> Plan:
    """A slide's chart has the slide's title, not one of its own; the notes about the
    whole org are on the first slide only."""
    return dataclasses.replace(plan, title="", notes=plan.notes if first else ())


def _fit(
    org: OrgCore,
    options: ChartOptions,
    root: str | None,
    missing: str | None,
    limit: int | None,
    width: float,
    height: float,
) -> tuple[Plan, Layout, float]:
    """The deepest chart under `root` (or `missing`, or the tops) that fits a slide
    readably, as drawn, with its layout and scale; one layer deep at least (the tops
    alone for a forest whose first layer does not fit), at a smaller scale if need be."""
    best: tuple[Plan, Layout, float] | None = None
    depth = 1 if limit is None else min(1, limit)
    # The compact layout aims for the slide's shape (2:1), if the options ask for no wider.
    aspect = min(options.max_aspect, _ratio(width, height))
    while True:
        plan = make_plan(org, options, root=root, depth=depth, missing=missing)
        plan = _untitled(plan, root == options.root and missing is None)
        drawn, chart = arrange(plan, options.layout, aspect)
        scale = _scale(chart, width, height)
        if best is None or scale >= READABLE:
            best = (drawn, chart, scale)
        complete = not any(b.hidden for b in plan.boxes)
        if scale < READABLE or complete or (limit is not None and depth >= limit):
            break
        depth += 1
    if best[2] < READABLE and depth == 1 and root is None and missing is None:
        plan = _untitled(make_plan(org, options, depth=0), True)  # a forest: its tops alone
        drawn, chart = arrange(plan, options.layout, aspect)
        scale = _scale(chart, width, height)
        if scale > best[2]:
            best = (drawn, chart, scale)
    return best
