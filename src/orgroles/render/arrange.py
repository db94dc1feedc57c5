"""The two layouts, `compact` and `tree`, and what the compact one changes.

Both keep levels as rank (see `orgroles.render.layout`): a role's height on the
page is its number of managers, whatever the layout. They differ in how they keep the
width in check:

- `tree` draws the plan as it is: every manager's reports in one row, except the leaf
  reports of a manager with `STACK_MIN` or more, which the
  plan stacks in columns; several top roles (a forest) side by side in one row.
- `compact` (the default) draws the same tree when it is no wider than `max_aspect`
  times its height (or four boxes). Otherwise it also stacks the leaf reports of every
  manager with `STACK_LEAST` or more, in two columns around a vertical line, the
  top of the stack at the reports' level; when the chart is still too wide, every stack
  of two columns becomes one, hanging from a line on its left (a 300-role org went from
  28 to 11 times wider than tall), the plan's own stacks (`STACK_MIN` leaves or more)
  included, and then the widest blocks lose a column at a time until the chart fits
  (and, still more than `ASPECT_SLACK` times too wide, at least 4.5 times wider than
  tall, the two leaves of a manager are stacked);
  and it wraps a forest into rows, the largest
  trees first, so that the whole fits best in a window `max_aspect` times wider than
  tall. It never moves a
  manager's reports to another level: a chart whose levels are wider than that (many
  managers, or managers and their assistants, side by side) stays wider, with a
  warning from the SVG, PNG and PDF (`warn_too_wide()`), and `fold`, `root` and `depth`
  are the way to draw less of it.

Examples:
    >>> import orgroles
    >>> from orgroles.render.plan import make_plan
    >>> plan = make_plan(orgroles.load("examples/scaleup_cto_cpo.yaml"))
    >>> drawn, chart = arrange(plan)
    >>> [len(b.stack) for b in drawn.boxes if b.stack]  # the Apps squad's four reports
    [4]
    >>> drawn, chart = arrange(plan, "tree")
    >>> [len(b.stack) for b in drawn.boxes if b.stack]
    []
"""

from __future__ import annotations

import dataclasses
import math
import warnings

from orgroles.render import style
from orgroles.render.layout import (
    MARGIN,
    Layout,
    Levels,
    header_height,
    layout,
    notes_width,
    unit_size,
)
from orgroles.render.options import LAYOUTS, MAX_ASPECT, LayoutName
from orgroles.render.plan import Box, Plan, block_size
from orgroles.render.shapes import tops_by_size

__all__ = [
    "KEEP_BOXES",
    "LAYOUTS",
    "LEGEND_SWATCH",
    "MAX_ASPECT",
    "STACK_LEAST",
    "LayoutName",
    "arrange",
    "compact",
    "legend_width",
    "one_row",
    "warn_too_wide",
    "with_legend",
]

KEEP_BOXES = 4
"""A chart no wider than this many boxes side by side is always drawn as its tree."""

STACK_LEAST = 3
"""The compact layout stacks a manager's leaf reports from this many on."""

ASPECT_SLACK = 1.5
"""How much wider than `max_aspect` a compact chart may come out before a warning says
so: a forest's rows fit the window as best they can, not exactly, and a chart a little
wider than asked (3.3 for 3) is no news worth a warning."""


def arrange(
    plan: Plan, layout_name: str = "compact", max_aspect: float = MAX_ASPECT
) -> tuple[Plan, Layout]:
    """The plan that a layout draws (with the leaves that it stacks), and its layout:
    top to bottom, or left to right for a plan whose `direction` is `LR`, with its
    legend under it."""
    if plan.direction == "LR":
        drawn, chart = _sideways(plan, layout_name, max_aspect)
    else:
        drawn, chart = _downwards(plan, layout_name, max_aspect)
    return drawn, with_legend(drawn, chart)


def _downwards(plan: Plan, layout_name: str, max_aspect: float) -> tuple[Plan, Layout]:
    drawn = plan if layout_name == "tree" else compact(plan, max_aspect)
    if drawn is plan:  # the tree, as it is
        return plan, layout(plan)
    return drawn, layout(drawn, wrap=max_aspect)


def _sideways(plan: Plan, layout_name: str, max_aspect: float) -> tuple[Plan, Layout]:
    """A chart whose levels go from left to right: the chart of the plan turned a quarter
    (each box as tall as the plan's boxes are wide, and as wide as the tallest box), laid
    out top to bottom, then turned back. All its boxes have one height; its title and
    notes stay at the top."""
    tall = max((b.height for b in plan.boxes), default=0.0)
    turned = dataclasses.replace(
        plan,
        boxes=[dataclasses.replace(b, height=plan.box_width) for b in plan.boxes],
        box_width=tall,
        title="",
        notes=(),
    )
    # The shape of a turned chart is the other way round: width over height inverted.
    drawn, t = _downwards(turned, layout_name, 1 / max_aspect)
    drawn = dataclasses.replace(
        drawn,
        boxes=[dataclasses.replace(b, height=tall) for b in drawn.boxes],
        box_width=plan.box_width,
        title=plan.title,
        notes=plan.notes,
    )
    dy = round(header_height(plan))
    head = MARGIN + (style.line_height("heading") if plan.title else 0)
    width = max(t.height, math.ceil(2 * MARGIN + notes_width(plan)))
    chart = Layout(
        width=width,
        height=t.width + dy,
        x=list(t.y),
        y=[x + dy for x in t.x],
        frames=[(y, x + dy, h, w) for x, y, w, h in t.frames],
        wires=[[(y, x + dy) for x, y in wire] for wire in t.wires],
        header=round(head - 4),
        rows=t.rows,
        levels=t.levels,
    )
    return drawn, chart


def one_row(drawn: Plan) -> Layout:
    """The layout of a plan as `arrange()` draws it, with a forest's trees all in one row
    (their tops side by side, at one height), and its legend: for a slide on which that
    row is readable, where the rows that fit the slide's shape best put co-CEOs one above
    the other. Top to bottom only."""
    return with_legend(drawn, layout(drawn, wrap=math.inf))


LEGEND_SWATCH = 14
"""The width of a legend's colour swatch, in px (10 high)."""
_LEGEND_ROW = 18
_LEGEND_GAP = 12


def legend_width(label: str) -> float:
    """How wide an entry of a legend is: swatch, label and the space after it."""
    return LEGEND_SWATCH + 6 + style.measure(label, "note") + 18


def with_legend(plan: Plan, chart: Layout) -> Layout:
    """`chart` with room for the plan's legend under it, in rows as wide as the chart
    (300 px at least), and the place of each entry: the colours, the kinds of line (a
    dotted line), then the changes of a change chart from a row of their own."""
    if not plan.legend and not plan.lines and not plan.changes:
        return chart
    room = max(chart.width - 2 * MARGIN, 300)
    top = chart.height - MARGIN + _LEGEND_GAP
    x, y = float(MARGIN), float(top)
    right = 0.0
    places = []
    # the colours, the kinds of line; a change chart's changes start a row of their own
    first_change = len(plan.legend) + len(plan.lines)
    for k, (label, _) in enumerate((*plan.legend, *plan.lines, *plan.changes)):
        w = legend_width(label)
        if x > MARGIN and (x + w - 18 > MARGIN + room or k == first_change):
            x, y = float(MARGIN), y + _LEGEND_ROW
        places.append((round(x), round(y)))
        right = max(right, x + w - 18)
        x += w
    return dataclasses.replace(
        chart,
        width=max(chart.width, math.ceil(right + MARGIN)),
        height=math.ceil(y + _LEGEND_ROW + MARGIN - 4),
        legend=places,
    )


def compact(plan: Plan, max_aspect: float = MAX_ASPECT) -> Plan:
    """`plan` itself when its tree reads well, else a copy of it in which the leaf
    reports of every manager with `STACK_LEAST` or more are stacked and the trees
    come largest first, to be wrapped into rows (see the module's docstring). The plan
    given is never changed.

    Managers cut at the depth ("+29 below") stay in their peers' row, unless the chart
    is then more than `ASPECT_SLACK` times wider than `max_aspect`, or the plan is
    `narrow` (a notebook's preview of the top three layers of a 1,368-person company):
    below the top's own reports, they are then stacked as leaves are."""
    drawn = None if plan.narrow else _compacted(plan, max_aspect, cut=False)
    if drawn is not None and _tree_fits(drawn, max_aspect * ASPECT_SLACK):
        return drawn
    return _compacted(plan, max_aspect, cut=True)


def _compacted(plan: Plan, max_aspect: float, *, cut: bool) -> Plan:
    """`compact()`, stacking managers cut at the depth below level 1 when `cut`."""
    boxes = plan.boxes
    leads = {c.lead for c in plan.clusters}
    stacks: list[tuple[Box, list[int]]] = []
    pairs: list[tuple[int, list[int]]] = []  # managers of two leaves, stacked last
    for box in boxes:
        if box.placement != "child" or box.stack or len(box.children) < 2:
            continue
        leaves = [c for c in box.children if _leaf(boxes[c], cut) and c not in leads]
        if len(leaves) >= STACK_LEAST:
            stacks.append((box, leaves))
        elif len(leaves) == 2:
            pairs.append((box.id, leaves))
    # The plan's own stacks (six leaves or more) can be narrowed too: a chart whose
    # every team is such a stack has nothing new to stack, and was drawn as its tree.
    narrow = any(box.stack and box.columns > 1 for box in boxes)
    nothing = not stacks and not pairs and not narrow and len(plan.tops) < 2
    if nothing or _tree_fits(plan, max_aspect):  # measured only if there is something
        return plan
    drawn = list(boxes)
    for box, leaves in stacks:
        _stack(box, leaves, drawn)
    compacted = dataclasses.replace(plan, boxes=drawn, tops=tops_by_size(plan)[0])
    # Still too wide: every stack of two columns becomes one, then the widest stacks
    # lose a column at a time (a block of 18 leaves in 4 columns beside the others).
    widest = 2
    while widest > 1 and not _tree_fits(compacted, max_aspect):
        compacted = _narrowed(compacted, widest)
        widest = max((box.columns for box in compacted.boxes if box.stack), default=1)
    # Still a strip as drawn, a forest in its rows (more than ASPECT_SLACK times
    # max_aspect, and than the default's 4.5: not a slide's 16:9, where peers side by
    # side read better): the pairs of leaves.
    if pairs and _strip(compacted, max_aspect):
        compacted = _pairs_stacked(compacted, pairs)
    return compacted


def _strip(plan: Plan, max_aspect: float) -> bool:
    """Whether the chart of `plan`, laid out as `arrange()` draws it (a forest's trees in
    rows), is more than `ASPECT_SLACK` times wider than tall than `max_aspect`, or than
    `MAX_ASPECT` when that is wider, and wider than `KEEP_BOXES` boxes."""
    keep = KEEP_BOXES * plan.box_width + (KEEP_BOXES - 1) * style.HGAP
    chart = layout(plan, wrap=max_aspect)
    limit = max(max_aspect, MAX_ASPECT) * ASPECT_SLACK
    return chart.width - 2 * MARGIN > keep and chart.width > limit * chart.height


def _pairs_stacked(plan: Plan, pairs: list[tuple[int, list[int]]]) -> Plan:
    """`plan` with the two leaf reports of each manager of `pairs` stacked in one column,
    hanging from a line on its left: the last step for a chart still far too wide (24 store
    managers of two sales associates each were 48 boxes side by side, 25 times wider
    than tall, where the warning said that every team of leaves was stacked)."""
    drawn = list(plan.boxes)
    for manager, leaves in pairs:
        _stack(drawn[manager], leaves, drawn)
        drawn[manager] = dataclasses.replace(drawn[manager], columns=1)
    return dataclasses.replace(plan, boxes=drawn)


def _narrowed(plan: Plan, columns: int) -> Plan:
    """`plan` with its stacks of `columns` columns one column narrower."""
    boxes = [
        dataclasses.replace(box, columns=columns - 1)
        if box.stack and box.columns == columns
        else box
        for box in plan.boxes
    ]
    return dataclasses.replace(plan, boxes=boxes)


def _tree_fits(plan: Plan, max_aspect: float) -> bool:
    """Whether the tree of the whole chart, tops side by side, is no wider than
    `max_aspect` times its height, or than `KEEP_BOXES` boxes.

    The boxes of a level are side by side, so the widest level is a lower bound of the
    width, and the deepest box (with a frame's padding per level) an upper bound of the
    height: when they already say no, the tree is not laid out to measure it.
    """
    keep = KEEP_BOXES * plan.box_width + (KEEP_BOXES - 1) * style.HGAP
    levels = Levels(plan)
    top = levels.top
    rows = [0.0] * (len(top) + 1)  # the boxes of each level side by side
    bottom = 0.0
    for box in plan.boxes:
        if box.placement != "child":
            continue
        w, h = unit_size(plan, box)
        rows[box.level] += w + style.HGAP
        bottom = max(bottom, top[box.level] + h)
        if box.stack:
            h = plan.boxes[box.stack[0]].height
            w, h = block_size(len(box.stack), box.columns, plan.box_width, h)
            rows[box.level + 1] += w + style.HGAP
            bottom = max(bottom, top[box.level + 1] + h)
    widest = max(rows) - style.HGAP
    frames = style.CLUSTER_PAD * len(top) if plan.clusters else 0.0
    tallest = bottom + frames + levels.lift + header_height(plan) + 2 * MARGIN
    if widest > keep and widest + 2 * MARGIN > max_aspect * tallest:
        return False
    chart = layout(plan)
    width = chart.width - 2 * MARGIN  # the chart itself, without the margins
    return width <= keep or chart.width <= max_aspect * chart.height


def _leaf(box: Box, cut: bool = False) -> bool:
    """Whether a box is drawn with nothing below or beside it, and is no manager whose
    own reports are cut ("+29 below"), unless `cut` and below level 1: a CEO's
    executives on a deck's first slide, or a CRO's regional VPs, stay in one row, as
    peers (see `orgroles.render.shapes.CUT_STACK_MIN`)."""
    drawn_alone = not box.children and not box.stack and not box.assistants
    return drawn_alone and (not box.hidden or (cut and box.level > 1))


def _stack(box: Box, leaves: list[int], boxes: list[Box]) -> None:
    """Stack `leaves` (fewer than STACK_MIN) in two columns: one pair, one spine.

    Puts copies of the manager and of the leaves in `boxes`.
    """
    stacked = set(leaves)
    height = max(boxes[c].height for c in leaves)
    for c in leaves:
        boxes[c] = dataclasses.replace(boxes[c], placement="stack", height=height)
    at = next(k for k, c in enumerate(box.children) if c in stacked)
    boxes[box.id] = dataclasses.replace(
        box,
        children=[c for c in box.children if c not in stacked],
        stack=leaves,
        stack_at=at,
        columns=2,
    )


def warn_too_wide(plan: Plan, chart: Layout, layout_name: str, max_aspect: float) -> None:
    """Warn (`ChartOptionWarning`) when a compact chart came out more than
    `ASPECT_SLACK` times wider than `max_aspect` (and wider than `KEEP_BOXES` boxes):
    every stack is down to what it can be, and what is left is a level of more boxes side
    by side than that shape holds, which the layout does not move.

    Examples:
        >>> import orgroles, warnings
        >>> from orgroles.render.plan import make_plan
        >>> org = orgroles.Org(roles=[orgroles.Role(id="ceo")] + [
        ...     orgroles.Role(id=f"m{i}", reports_to="ceo") for i in range(9)] + [
        ...     orgroles.Role(id=f"d{i}", reports_to=f"m{i}") for i in range(9)])
        >>> drawn, chart = arrange(make_plan(org))
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warn_too_wide(drawn, chart, "compact", 3.0)
        >>> print(caught[0].message)  # doctest: +ELLIPSIS
        the chart is 5.4 times wider than tall, more than max_aspect 3 (--max-aspect): ...
    """
    from orgroles.render.options import ChartOptionWarning

    keep = KEEP_BOXES * plan.box_width + (KEEP_BOXES - 1) * style.HGAP + 2 * MARGIN
    if layout_name != "compact" or chart.height <= 0 or chart.width <= keep:
        return
    ratio = chart.width / chart.height
    if ratio <= max_aspect * ASPECT_SLACK:
        return
    warnings.warn(
        f"the chart is {ratio:.1f} times wider than tall, more than max_aspect "
        f"{max_aspect:g} (--max-aspect): the compact layout has stacked every team of "
        "leaves as narrow as it goes, and keeps each level in one row, so a level with "
        "more boxes side by side stays wider; draw less of it (--depth N, --root ROLE, "
        "--fold N) or turn it (--direction LR)",
        ChartOptionWarning,
        stacklevel=5,
    )
