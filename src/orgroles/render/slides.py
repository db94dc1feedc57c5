"""The slides of a PowerPoint chart: one 16:9 slide, or an overview and a slide per team.

A chart that fits one slide with its text at `READABLE` of its size or more is
one slide. A larger one is split by subtree: the first slide shows the top layers (as
many as fit), each box on it that leaves roles out ("+12 below") gets a slide of its
own with the layers under it that fit, and so on down, in the order of the chart
(depth first). Each slide is titled with the role it starts from (the org's name for
the first), with the chain of managers above it as a subtitle. The same options apply
on every slide (`fold`, `show`, `lang`, `report`, ...), and `depth` still
says how deep the whole goes.

A team too wide for one slide (its manager and direct reports do not fit readably) is
split over several, each with the manager and an equal share of the reports, titled
"(reports 1 to 60 of 300)" (an en dash between the numbers).

Small teams share slides: a subtree drawn whole in `SMALL` boxes or fewer does not get
a slide of its own, but shares one with the small subtrees of the same slide, as many
as fit readably, titled with their tops ("Shift Lead 1 · Shift Lead 2"; the first three
and how many more when they are five or more). A forest whose tops do not fit one slide
(hundreds of groups under managers who are not in the file) starts with its largest
tree, then the others, the largest first, the small ones together.

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
    4 Chief Technical Officer, Marc Olsen | Northwind Labs > Chief Executive Officer
    5 Engineering Manager, Kenji Arai | Northwind Labs > Chief Executive Officer > Chief Technical Officer
    5 Lead Developer, Hana Sato | Northwind Labs > Chief Executive Officer > Chief Technical Officer
    6 Chief Product Officer, Sofia Brandt | Northwind Labs > Chief Executive Officer
    >>> leads = [orgroles.Role(id=f"lead-{n}", title=f"Shift Lead {n}", reports_to="head")
    ...     for n in range(1, 31)]
    >>> crews = [orgroles.Role(id=f"op-{n}", title="Operator", reports_to=f"lead-{n}")
    ...     for n in range(1, 31)]
    >>> plant = orgroles.Org(name="Plant", roles=[orgroles.Role(id="head"), *leads, *crews])
    >>> [(len(s.plan.tops), s.plan.shown) for s in slides(plant, ChartOptions())]
    [(1, 31), (30, 60)]
"""  # noqa: E501

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from orgroles.render import words
from orgroles.render.arrange import arrange, one_row
from orgroles.render.pages import box_label
from orgroles.render.plan import Box, Plan, chart_tops, make_plan, tree_sizes
from orgroles.render.quoting import clean
from orgroles.render.slide_order import in_order
from orgroles.render.slide_titles import chain_shown, names_shown

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
    "SMALL",
    "SUBTITLE_ROOM",
    "TITLE_HEIGHT",
    "Slide",
    "room",
    "slides",
]

_T = TypeVar("_T")

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
SUBTITLE_ROOM = (SLIDE_WIDTH - 2 * MARGIN) * 11 / 14
"""How wide a subtitle's line is, measured in the style "note" (it is set at 14 pt)."""
READABLE = 0.75
"""The smallest scale of a chart on a slide: its 12 px text is then 6.75 pt."""
LARGEST = 1.5
"""The largest scale of a small chart on a slide."""
SMALL = 4
"""A subtree drawn whole in this many boxes or fewer (a manager and three reports, a
missing manager and three; its assistants beside it not counted) shares its slide with
the small subtrees beside it: a branch of a manager and three tellers is no slide of its
own."""


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


def _level(drawn: Plan, chart: Layout, width: float, height: float) -> Layout:
    """`chart`, or, when it puts the trees of a forest in rows (co-CEOs one above the
    other), its trees in one row, tops at one height, if that row is readable on the
    slide."""
    if len(chart.rows) < 2 or drawn.direction == "LR":
        return chart
    one = one_row(drawn)
    return one if _scale(one, width, height) >= READABLE else chart


def _ratio(width: float, height: float) -> float:
    w, h = room(width, height)
    return w / h


def _short(box: Box) -> str:
    """What a subtitle's chain of managers calls a box: its title, without its holder."""
    if box.placeholder is not None:
        return box.placeholder
    return " ".join(line.text for line in box.lines if line.style in ("title", "subtitle"))


def _subtitle(path: list[str]) -> str:
    """A slide's subtitle: the org, then the managers above the slide; of a deep chain,
    the nearest three after an ellipsis ("Bank > ... > Area Director, Quinn Kowal >
    District Manager, Rosa Rinaldi", with `SEPARATOR` for ">"); fewer of them when
    their titles are too long for the subtitle's line (`chain_shown()`)."""
    return chain_shown(path, SEPARATOR, SUBTITLE_ROOM)


def _chain(org: OrgCore, plan: Plan, box: Box, *, named: bool) -> list[str]:
    """The managers of `box` in its slide's chart, top first, as a subtitle names them
    (`_chain_name()`): those between the slide's top and the box, and the top too unless
    the slide's title `named` it."""
    found = []
    at = box.parent
    while at >= 0:
        found.append(plan.boxes[at])
        at = plan.boxes[at].parent
    if named and found:
        found.pop()  # the top: the slide's own title
    return [_chain_name(org, b) for b in reversed(found)]


def _chain_name(org: OrgCore, box: Box) -> str:
    """What a subtitle's chain of managers calls a box: its title, and its holder when
    other roles share the title ("Head of Retail Banking, Chiara Okafor")."""
    short = _short(box)
    if box.placeholder is not None or box.role is None:
        return short
    shared = org.cached("render.shared-titles", lambda: _shared_titles(org))
    return box_label(box) if org.title_of(box.role) in shared else short


def _shared_titles(org: OrgCore) -> frozenset[str]:
    roles = org.cached("render.roles", lambda: list(org.roles.values()))  # as the cards list them
    counts = Counter(org.title_of(role) for role in roles)
    return frozenset(t for t, n in counts.items() if n > 1)


@dataclass
class _Part:
    """What a slide starts from: a role, a missing manager, or the whole chart (neither);
    its level in the whole chart, the labels of the managers above it, and its chart
    once fitted to a slide."""

    root: str | None
    missing: str | None
    level: int
    path: list[str]
    fitted: tuple[Plan, Layout, float] | None = None
    notes: bool = False  # the notes about the whole org: on the first slide
    reports: tuple[str, ...] | None = None  # some of the root's reports only
    suffix: str = ""  # after the title: which of the reports


def slides(
    org: OrgCore,
    options: ChartOptions,
    *,
    width: float = SLIDE_WIDTH,
    height: float = SLIDE_HEIGHT,
) -> list[Slide]:
    """The slides of the chart of `org` on slides of `width` by `height` px."""
    tops, missing_managers = chart_tops(org)
    raw = {clean(m): m for m in missing_managers}  # missing managers, by their shown id
    found: list[Slide] = []
    # What is left to do, the last first: parts to make a slide of, and shared slides.
    todo: list[_Part | Slide] = [_Part(options.root, None, 0, [], notes=True)]
    while todo:
        part = todo.pop()
        if isinstance(part, Slide):
            found.append(part)
            continue
        root, missing, level, path = part.root, part.missing, part.level, part.path
        limit = _limit(options, level)
        drawn, chart, scale = part.fitted or _fit(org, options, part, width, height)
        first = root is None and missing is None
        if first and scale < READABLE and len(tops) > 1:
            # A forest whose tops do not fit one slide: each tree is a part of its own.
            # The largest first, as the chart of the whole places them; the small ones
            # (to share slides) in the order of the file.
            name = [clean(org.name)]
            sizes = tree_sizes(org, tops, missing_managers)
            order = sorted(range(len(tops)), key=lambda k: -sizes[k] if sizes[k] > SMALL else 0)
            tops = [tops[k] for k in order]
            trees = [
                _Part(None, t, 0, name)
                if isinstance(t, str)
                else _Part(org.index.ids[t], None, 0, name)
                for t in tops
            ]
            todo += reversed(_packed(org, options, trees, width, height))
            continue
        top = drawn.boxes[drawn.tops[0]] if len(drawn.tops) == 1 else None
        if scale < READABLE and top is not None and not part.reports:
            # A team too wide for a slide: its manager with as many reports as fit, on
            # as many slides as it takes.
            chunks = _team(org, options, part, top, raw, width, height)
            if len(chunks) > 1:
                todo += reversed(chunks)
                continue
        title = (
            clean(org.name) if top is None or (first and options.root is None) else box_label(top)
        )
        title += part.suffix
        found.append(Slide(title, _subtitle(path), drawn, chart, scale))
        below = [*path, title if top is None or first else _chain_name(org, top) or title]
        expand: list[_Part] = []
        for box in in_order(drawn):
            if not box.hidden or (limit is not None and box.level >= limit):
                continue
            if (
                box.role is not None
                and box.role != root
                and org.index.children.get(org.index.pos[box.role])
            ):
                chain = _chain(org, drawn, box, named=top is not None and not first)
                expand.append(_Part(box.role, None, level + box.level, [*below, *chain]))
            elif box.placeholder is not None and box.placeholder in raw and missing is None:
                chain = _chain(org, drawn, box, named=top is not None and not first)
                expand.append(
                    _Part(None, raw[box.placeholder], level + box.level, [*below, *chain])
                )
        todo += reversed(_packed(org, options, expand, width, height))
    return found


def _team(
    org: OrgCore,
    options: ChartOptions,
    part: _Part,
    top: Box,
    raw: dict[str, str],
    width: float,
    height: float,
) -> list[_Part]:
    """The parts that show a manager (a role, or one who is not in the file) with a share
    of its direct reports each, in order, as many as fit a slide readably (`_groups()`)."""
    index = org.index
    if top.role is not None:
        role, missing = top.role, None
        kids = [index.ids[c] for c in index.children.get(index.pos[top.role], ())]
    elif top.placeholder in raw:
        role, missing = None, raw[top.placeholder]
        kids = [index.ids[c] for c in chart_tops(org)[1][missing]]
    else:
        return []
    # Assistants (with no reports of their own) sit beside the manager on each slide, and
    # are not among the reports that the slides share and count.
    pos, below = index.pos, index.children
    beside = tuple(k for k in kids if index.assistant[pos[k]] and not below.get(pos[k]))
    kids = [k for k in kids if k not in beside]
    if not kids:
        return []
    made: dict[tuple[str, ...], _Part] = {}

    def chunk(reports: Sequence[str]) -> _Part:
        key = tuple(reports)
        found = made.get(key)
        if found is None:
            notes = part.notes and key[0] == kids[0]
            drawn = (*beside, *key)
            found = made[key] = _Part(role, missing, part.level, part.path, None, notes, drawn)
            found.fitted = _fit(org, options, found, width, height)
        return found

    def fits(reports: Sequence[str]) -> bool:
        fitted = chunk(reports).fitted
        return fitted is not None and fitted[2] >= READABLE

    chunks = [chunk(group) for group in _groups(kids, fits)]
    start = 0
    for c in chunks:
        count = len(c.reports or ()) - len(beside)
        said = {"first": start + 1, "last": start + count, "n": len(kids)}
        c.suffix = " (" + words.word("reports_range", options.lang).format(**said) + ")"
        start += count
    return chunks


def _limit(options: ChartOptions, level: int) -> int | None:
    """How many layers a chart from `level` of the whole may show (`None`: all)."""
    return None if options.depth is None else options.depth - level


def _packed(
    org: OrgCore, options: ChartOptions, parts: list[_Part], width: float, height: float
) -> list[_Part | Slide]:
    """The parts of slides in order, the small ones (drawn whole in `SMALL` boxes or
    fewer) side by side on shared slides (made here), as many as fit readably, those of
    one level in a row where the first of them was; the others alone."""
    found: list[_Part | list[_Part]] = []
    small: dict[int, list[_Part]] = {}  # by level
    for part in parts:
        part.fitted = _fit(org, options, part, width, height)
        plan = part.fitted[0]
        limit = _limit(options, part.level)
        whole = not any(b.hidden and (limit is None or b.level < limit) for b in plan.boxes)
        counted = sum(b.placement != "assistant" for b in plan.boxes)  # assistants aside
        if not whole or counted > SMALL:
            found.append(part)
        elif part.level in small:
            small[part.level].append(part)
        else:
            small[part.level] = [part]
            found.append(small[part.level])  # where the level's shared slides go
    made: dict[tuple[str, ...], Slide] = {}  # each group tried, as a slide

    def shared(group: list[_Part]) -> Slide:
        key = tuple(_tops(group))
        slide = made.get(key)
        if slide is None:
            slide = made[key] = _shared(org, options, group, width, height)
        return slide

    out: list[_Part | Slide] = []
    for item in found:
        if isinstance(item, _Part):
            out.append(item)
            continue
        for group in _groups(item, lambda group: shared(group).scale >= READABLE):
            out.append(group[0] if len(group) == 1 else shared(group))
    return out


def _groups(items: list[_T], fits: Callable[[list[_T]], bool]) -> list[list[_T]]:
    """`items` in groups that each `fits`, in order: as few groups as doubling, then
    halving, finds (fitting is taken to get harder as a group grows; a group of one
    always stands), then of one size where they fit so (15 and 15, not 20 and 10)."""
    groups: list[list[_T]] = []
    start = 0
    while start < len(items):
        left = len(items) - start
        good, bad = 1, 0  # `good` items fit, `bad` do not (0: none seen)
        while not bad and good < left:
            count = min(2 * good, left)
            if fits(items[start : start + count]):
                good = count
            else:
                bad = count
        while bad and bad - good > 1:
            count = (good + bad) // 2
            if fits(items[start : start + count]):
                good = count
            else:
                bad = count
        groups.append(items[start : start + good])
        start += good
    if len(groups) > 1:
        size = -(-len(items) // len(groups))
        even = [items[at : at + size] for at in range(0, len(items), size)]
        if len(even) == len(groups) and all(fits(group) for group in even):
            groups = even
    return groups


def _tops(parts: list[_Part]) -> list[str]:
    return [p.root if p.root is not None else p.missing or "" for p in parts]


def _shared(
    org: OrgCore, options: ChartOptions, parts: list[_Part], width: float, height: float
) -> Slide:
    """The slide of small parts side by side, titled with their tops."""
    aspect = min(options.max_aspect, _ratio(width, height))
    plan = make_plan(
        org, options, root=None, depth=_limit(options, parts[0].level), among=_tops(parts)
    )
    drawn, chart = arrange(_untitled(plan, False), options.layout, aspect)
    tops = [drawn.boxes[t] for t in drawn.tops]  # as placed: the largest first
    missing = all(box.placeholder is not None for box in tops)
    # Each name once, with how many tops have it: "Senior Banker (5) · Analyst".
    said = Counter(
        box.placeholder or "" if missing else _short(box) or box_label(box) for box in tops
    )
    names = [f"{name} ({n})" if n > 1 else name for name, n in said.items()]
    shown = names_shown(names, options.lang)  # "and 17 more": a title to read, on one line
    more = words.word("and_more", options.lang).format(n=len(names) - shown) if shown else ""
    named = " \u00b7 ".join(names[: shown or None])
    if missing:
        title = words.word("not_in_file", options.lang).format(id=named) + more
    else:
        title = named + more
    above = _common([part.path for part in parts])  # the managers above them all
    return Slide(title, _subtitle(above), drawn, chart, _scale(chart, width, height))


def _common(paths: list[list[str]]) -> list[str]:
    """The start that the chains of managers share.

    Examples:
        >>> _common([["Bank", "CEO", "Region A"], ["Bank", "CEO", "Region B"], ["Bank", "CEO"]])
        ['Bank', 'CEO']
    """
    first = paths[0]
    n = len(first)
    for path in paths[1:]:
        same = (k for k, (a, b) in enumerate(zip(first[:n], path, strict=False)) if a != b)
        n = next(same, min(n, len(path)))
    return first[:n]


def _untitled(plan: Plan, first: bool) -> Plan:
    """A slide's chart has the slide's title, not one of its own; the notes about the
    whole org are on the first slide only. Its lines bend halfway between a manager and
    its reports (`Plan.midpoints`), where LibreOffice draws them too."""
    notes = plan.notes if first else ()
    return dataclasses.replace(plan, title="", notes=notes, midpoints=True)


def _fit(
    org: OrgCore, options: ChartOptions, part: _Part, width: float, height: float
) -> tuple[Plan, Layout, float]:
    """The deepest chart of `part` that fits a slide readably, as drawn, with its layout
    and scale; one layer deep at least (the tops alone for a forest whose first layer
    does not fit), at a smaller scale if need be."""
    root, missing, limit = part.root, part.missing, _limit(options, part.level)
    best: tuple[Plan, Layout, float] | None = None
    depth = 1 if limit is None else min(1, limit)
    # The compact layout aims for the slide's shape (2:1), if the options ask for no wider.
    aspect = min(options.max_aspect, _ratio(width, height))
    while True:
        plan = make_plan(
            org, options, root=root, depth=depth, missing=missing, reports=part.reports
        )
        plan = _untitled(plan, part.notes)
        drawn, chart = arrange(plan, options.layout, aspect)
        chart = _level(drawn, chart, width, height)
        scale = _scale(chart, width, height)
        if best is None or scale >= READABLE:
            best = (drawn, chart, scale)
        complete = not any(b.hidden for b in plan.boxes)
        if scale < READABLE or complete or (limit is not None and depth >= limit):
            break
        depth += 1
    several = len(best[0].tops) > 1
    if best[2] < READABLE and depth == 1 and root is None and missing is None and several:
        plan = _untitled(make_plan(org, options, depth=0), True)  # a forest: its tops alone
        drawn, chart = arrange(plan, options.layout, aspect)
        scale = _scale(chart, width, height)
        if scale > best[2]:
            best = (drawn, chart, scale)
    return best
