"""What a chart shows, decided once for every format: boxes, their text, stacks, folds, frames.

`make_plan()` turns an org and the drawing options into a `Plan`. The DOT
builder, the builtin SVG engine and the Mermaid writer all draw the same plan, so that
the formats agree on what is shown. It runs in O(N) without recursion.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> plan = make_plan(org)
    >>> [(b.role, [line.text for line in b.lines]) for b in plan.boxes]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('ceo', ['Chief Executive Officer', 'Noor Haddad']),
     ('cto', ['Chief Technical Officer', 'Camille Roux']),
     ('dev-1', ['Developer', 'Yanis Perrin']),
     ('dev-2', ['Developer', 'Léa Marchand'])]
    >>> plan.boxes[1].children
    [2, 3]
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from orgroles._internal.gc import gc_paused
from orgroles.errors import RenderError
from orgroles.render import words
from orgroles.render.auto_color import AUTO, chosen_color_by
from orgroles.render.cards import Cards, warn_unknown_meta
from orgroles.render.changes import Changes, mark_plan, with_changes
from orgroles.render.cycles import cycle_note, cycle_tops, on_cycle, on_self, self_note
from orgroles.render.legend import colors_and_legend
from orgroles.render.options import SHOW, ChartOptions
from orgroles.render.quoting import clean
from orgroles.render.shapes import (
    BLOCK_RATIO,
    CUT_STACK_MIN,
    STACK_MIN,
    Box,
    Cluster,
    Line,
    Placement,
    Plan,
    block_size,
)
from orgroles.render.starts import among_starts, only_reports

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.rules.report import Violation

__all__ = [
    "BLOCK_RATIO",
    "SHOW",
    "STACK_MIN",
    "Box",
    "Cluster",
    "Line",
    "Plan",
    "block_size",
    "make_plan",
    "org_problem_lines",
    "title_alerts",
]


def _columns(count: int, width: float, height: float) -> int:
    """The number of columns (even, or 1) whose block is closest to the target ratio."""
    best, best_score = 2, math.inf
    for k in range(2, max(2, count) + 1, 2):
        w, h = block_size(count, k, width, height)
        score = abs(math.log(w / h / BLOCK_RATIO))
        if score < best_score:
            best, best_score = k, score
        elif w / h > BLOCK_RATIO:
            break
    return best


_Entry = tuple[int | list[int] | str, int, int, Placement]
"""A box to make: a role, folded roles or a missing manager's id; its parent box, level
and placement."""


def make_plan(
    org: OrgCore,
    options: ChartOptions | None = None,
    *,
    notes: Sequence[str] = (),
    largest: bool = False,
    missing: str | None = None,
    among: Sequence[str] | None = None,
    reports: Sequence[str] | None = None,
    **changes: Any,
) -> Plan:
    """Decide what a chart of `org` shows, with the chart options of
    `ChartOptions` (an object, keywords, or both).

    `notes` are extra lines printed under the chart's title. With `largest` (and no
    `root`), only the tree with the most roles is drawn (the first of equal ones). With
    `missing` (and no `root`), only the tree under that manager, who is named but not
    in the org, is drawn: its placeholder box, with `depth` counted from it. With
    `among` (and no `root`), the trees under those roles and missing managers are drawn
    side by side, each from its own top (`depth` counted from each). With `root` (or
    `missing`) and `reports`, only those of its direct reports are drawn, with what is
    under them: a part of a team too wide for one slide. With `diff`
    (an older org), the plan is a change chart's (see `orgroles.render.changes`).
    """
    chosen = ChartOptions.of(options, **changes)
    org, chosen = with_changes(org, chosen)
    if missing is not None and missing in org.index.pos:
        raise RenderError(f"{missing!r} is a role of the org, not a missing manager")
    starts = None if missing is None else [missing]
    if among is not None:
        starts = [*(starts or ()), *among]
    with gc_paused():
        plan = _make_plan(org, chosen, notes, largest, starts, reports)
    if isinstance(chosen.diff, Changes):
        mark_plan(plan, chosen.diff, chosen.legend)
    return plan


def chart_tops(org: OrgCore) -> tuple[list[int | str], dict[str, list[int]]]:
    """The tops of the chart of a whole org, in file order, and the roles under each
    manager that is named but not in the org.

    A top is a role with no manager (or one role of each reporting cycle), or the id of a
    missing manager, whose roles hang from one placeholder box. They are found once per
    org (a deck of slides asks for them for each slide) and shared: not to be changed.
    """
    index = org.index
    found: tuple[list[int | str], dict[str, list[int]]] | None = index.memo.get("chart_tops")
    if found is None:
        found = index.memo["chart_tops"] = _chart_tops(org)
    return found


def _chart_tops(org: OrgCore) -> tuple[list[int | str], dict[str, list[int]]]:
    index = org.index
    dangling = index.dangling
    starts: list[int | str] = []
    missing: dict[str, list[int]] = {}
    for top in sorted(index.tops + cycle_tops(org)):
        boss = dangling.get(top)
        if boss is None:
            starts.append(top)
        elif boss in missing:
            missing[boss].append(top)
        else:
            missing[boss] = [top]
            starts.append(boss)
    return starts, missing


def tree_sizes(
    org: OrgCore, starts: Sequence[int | str], missing: dict[str, list[int]]
) -> list[int]:
    """How many boxes the tree under each of `chart_tops()` takes, all drawn."""
    sizes = org.index.sizes
    return [
        sizes[s] if isinstance(s, int) else 1 + sum(sizes[i] for i in missing[s]) for s in starts
    ]


def _make_plan(
    org: OrgCore,
    options: ChartOptions,
    notes: Sequence[str],
    largest: bool = False,
    among: Sequence[str] | None = None,
    reports: Sequence[str] | None = None,
) -> Plan:
    root, depth, fold, lang = options.root, options.depth, options.fold, options.lang
    report = options.report
    if options.color_by == AUTO:
        options = dataclasses.replace(options, color_by=chosen_color_by(org))
    index = org.index
    ids = index.ids
    truncated = org.truncated
    if root is not None:
        start = index.pos.get(root)
        if start is None:
            org.roles[root]  # raises UnknownRoleError with a did-you-mean
            raise AssertionError  # pragma: no cover
        starts: list[int | str] = [start]
        missing: dict[str, list[int]] = {}
    else:
        starts, missing = chart_tops(org)
        if among is not None:
            starts, missing = among_starts(index, among, missing)
        elif largest and starts:
            sizes = tree_sizes(org, starts, missing)
            biggest = starts[sizes.index(max(sizes))]
            starts = [biggest]
            missing = {biggest: missing[biggest]} if isinstance(biggest, str) else {}
    b = Cards(org, options)
    warn_unknown_meta(org, b.fields, options.color_by)
    kids_of = index.children
    is_assistant = index.assistant
    boxes = b.boxes
    depth_of = index.depth

    def hidden_below(i: int, cut: bool) -> int:
        """How many roles below role `i` the chart leaves out."""
        if not truncated:
            if not cut:
                return 0
            if depth_of[i] >= 0:  # under a top: its subtree's size, counted once per org
                return index.sizes[i] - 1
            return len(index.below(i))  # on a reporting cycle, or under one
        below = index.below(i) if cut else []
        hidden = len(below)
        if truncated:  # roles that a subtree of a bigger org already left out
            get = truncated.get
            hidden += get(ids[i], 0) + sum(get(ids[j], 0) for j in below)
        return hidden

    # Pre-order walk with an explicit stack. An entry is (role, folded roles or missing
    # manager's id; parent box, level, placement). Folded roles are numbered in the same
    # order, so that the frames of teams can be found with pre-order intervals.
    pre: dict[int, int] = {}  # role position -> pre-order number of the drawn roles
    pre_parent: list[int] = []  # pre-order number -> its manager's, or -1
    box_pre: list[int] = []  # box id -> pre-order number of its (first) role
    tops: list[int] = []
    placeholders = 0
    todo: list[_Entry] = [(s, -1, 0, "child") for s in reversed(starts)]
    seen = bytearray(len(index))
    for first in starts:
        if isinstance(first, int):
            seen[first] = 1
    for group in missing.values():
        for k in group:
            seen[k] = 1
    if reports is not None:
        missing = only_reports(index, starts, missing, reports, seen)
    while todo:
        what, parent, level, placement = todo.pop()
        parent_pre = box_pre[parent] if parent >= 0 else -1
        if isinstance(what, list):  # a fold: leaves, numbered one after another
            box = b.fold_box(what, parent, level)
            box_pre.append(len(pre_parent))
            for i in what:
                pre[i] = len(pre_parent)
                pre_parent.append(parent_pre)
        elif isinstance(what, str):  # a manager that is not in the org
            group = missing[what]
            cut = depth is not None and level >= depth
            hidden = sum(1 + hidden_below(i, True) for i in group) if cut else 0
            box = b.placeholder_box(what, level, hidden)
            box_pre.append(len(pre_parent))
            pre_parent.append(parent_pre)
            placeholders += 1
            if not cut:
                entries = _arrange(b, box.id, group, level + 1, depth, fold, is_assistant)
                todo += reversed(entries)
        else:
            i = what
            kids = kids_of.get(i, ())
            cut = depth is not None and level >= depth and bool(kids)
            box = b.role_box(i, parent, level, hidden_below(i, cut))
            pre[i] = len(pre_parent)
            box_pre.append(len(pre_parent))
            pre_parent.append(parent_pre)
            b.box_of_role[i] = box.id
            if kids and not cut:
                fresh = []
                for c in kids:
                    if not seen[c]:
                        seen[c] = 1
                        fresh.append(c)
                entries = _arrange(b, box.id, fresh, level + 1, depth, fold, is_assistant)
                todo += reversed(entries)
        box.placement = placement
        if parent < 0:
            tops.append(box.id)
        else:
            p = boxes[parent]
            if placement == "assistant":
                p.assistants.append(box.id)
            elif placement == "stack":
                if not p.stack:
                    p.stack_at = len(p.children)
                p.stack.append(box.id)
            else:
                p.children.append(box.id)
    b.dotted_elsewhere()
    b.warn_missing_photos()
    _equalize_heights(boxes, b.finish())
    palette, legend = colors_and_legend(org, boxes, options, b.color_key)
    clusters = _clusters(org, b, pre, pre_parent, box_pre)
    dotted = _dotted(org, b)
    notes_lines = [Line("note", clean(n)) for n in notes]
    notes_lines += [Line("alert", clean(cycle_note(org, s, lang))) for s in on_cycle(org, starts)]
    alone = on_self(org, b.box_of_role)
    notes_lines += [Line("alert", clean(self_note(org, alone, lang)))] if alone else []
    if report is not None:
        notes_lines += org_problem_lines([v for v in report.violations if v.role is None], lang)
    return Plan(
        title=clean(org.name),
        boxes=boxes,
        tops=tops,
        clusters=clusters,
        dotted=dotted,
        notes=tuple(notes_lines),
        box_width=b.width,
        lang=lang,
        roles=len(org),
        shown=len(pre_parent) - placeholders,
        theme=options.theme,
        direction=options.direction,
        palette=palette,
        legend=legend if options.legend else (),
        lines=((words.word("legend_dotted", lang), "dotted"),) if dotted and options.legend else (),
        photos=b.photos,
    )


def org_problem_lines(general: Sequence[Violation], lang: str) -> list[Line]:
    """The lines under a chart's title that list the violations of the whole org (no
    role): a heading, then one line each; none when there is none."""
    if not general:
        return []
    lines = [Line("alert", words.word("org_problems", lang))]
    return lines + [Line("alert", clean(f"⚠ {v.code} {v.name}: {v.message}")) for v in general]


def title_alerts(plan: Plan, general: Sequence[Violation]) -> list[Line]:
    """The alerts under a chart's title (a reporting cycle, a role that reports to
    itself), but the lines of the org's problems (`org_problem_lines()` of `general`),
    which the explorer lists apart."""
    told = {line.text for line in org_problem_lines(general, plan.lang)}
    return [n for n in plan.notes if n.style == "alert" and n.text not in told]


def _arrange(
    b: Cards,
    parent_box: int,
    fresh: Sequence[int],
    level: int,
    depth: int | None,
    fold: int | None,
    is_assistant: Sequence[bool],
) -> list[_Entry]:
    """The entries for the reports `fresh` of box `parent_box`: beside, stacked,
    folded or as subtrees."""
    kids_of = b.index.children
    ids = b.index.ids
    truncated = b.org.truncated
    at_limit = depth is not None and level >= depth
    # Fold groups: leaf reports (no reports at all, none left out) with the same title,
    # over the limit.
    groups: dict[str, list[int]] = {}
    if fold is not None:
        for c in fresh:
            if not is_assistant[c] and c not in kids_of and ids[c] not in truncated:
                groups.setdefault(b.title(c), []).append(c)
    folded = {g[0]: g for g in groups.values() if len(g) > fold} if fold is not None else {}
    skip = {c for g in folded.values() for c in g[1:]}
    entries: list[_Entry] = []
    # Entries drawn without reports below them: these can be stacked. Managers cut at
    # the depth ("+29 below": a CEO's executives on a deck's first slide, a CRO's four
    # regional VPs) only when they are many; else they stay in their peers' row, and
    # leaves beside them stack.
    leafish = []
    cut = []
    for c in fresh:
        if c in skip:
            continue
        if is_assistant[c] and c not in kids_of:
            entries.append((c, parent_box, level, "assistant"))
            continue
        if c in folded or c not in kids_of:
            leafish.append(len(entries))
        elif at_limit:
            cut.append(len(entries))
        entries.append((folded.get(c, c), parent_box, level, "child"))
    if len(cut) >= CUT_STACK_MIN:
        leafish = sorted(leafish + cut)
    if len(leafish) >= STACK_MIN:
        for k in leafish:
            what, p, lv, _ = entries[k]
            entries[k] = (what, p, lv, "stack")
    return entries


def _equalize_heights(boxes: list[Box], width: float) -> None:
    """Boxes of a level share a height, and so do the boxes of a stack; choose columns."""
    tallest: dict[int, float] = {}
    for box in boxes:
        if box.placement == "child" and box.height > tallest.get(box.level, 0.0):
            tallest[box.level] = box.height
    for box in boxes:
        if box.placement == "child":
            box.height = tallest[box.level]
        if box.stack:
            h = max(boxes[s].height for s in box.stack)
            for s in box.stack:
                boxes[s].height = h
            box.columns = _columns(len(box.stack), width, h)


def _clusters(
    org: OrgCore, b: Cards, pre: dict[int, int], pre_parent: list[int], box_pre: list[int]
) -> list[Cluster]:
    """Declared teams that are a whole branch of the chart: a lead and all drawn below."""
    if not org.teams:
        return []
    n = len(pre_parent)
    size = [1] * n
    for k in range(n - 1, 0, -1):  # children come after their manager in pre-order
        if pre_parent[k] >= 0:
            size[pre_parent[k]] += size[k]
    pos = org.index.pos
    found: list[tuple[int, int, str, str]] = []  # (start, -size, team id, label)
    leads: set[int] = set()
    for team in org.teams.values():
        lead = pos.get(team.lead) if team.lead else None
        if lead is None or lead not in pre or lead not in b.box_of_role:
            continue
        start = pre[lead]
        end = start + size[start]
        members = {start}
        inside = True
        for m in team.members:
            at = pos.get(m)
            if at is None or at not in pre:
                continue
            if not start <= pre[at] < end:
                inside = False
                break
            members.add(pre[at])
        if inside and len(members) == size[start] and start not in leads:
            leads.add(start)
            found.append((start, -size[start], team.id, clean(team.display_name)))
    found.sort()
    by_start = {start: k for k, (start, _, _, _) in enumerate(found)}
    clusters = [
        Cluster(id=k, team=tid, label=label, lead=-1) for k, (_, _, tid, label) in enumerate(found)
    ]
    ends = [start - neg for start, neg, _, _ in found]
    open_: list[int] = []
    for box in b.boxes:
        p = box_pre[box.id]
        while open_ and p >= ends[open_[-1]]:
            open_.pop()
        starting = by_start.get(p)
        if starting is not None and box.role is not None:
            c = clusters[starting]
            c.lead = box.id
            c.parent = open_[-1] if open_ else -1
            if c.parent >= 0:
                clusters[c.parent].children.append(starting)
            open_.append(starting)
        if open_:
            box.cluster = open_[-1]
            clusters[open_[-1]].boxes.append(box.id)
    return clusters


def _dotted(org: OrgCore, b: Cards) -> list[tuple[int, int]]:
    """Dotted lines between drawn boxes: (dotted manager's box, report's box)."""
    pos = org.index.pos
    found: dict[tuple[int, int], None] = {}
    box_of_role = b.box_of_role
    for i, box_id in box_of_role.items():
        for boss in b.roles[i].dotted_to:
            k = pos.get(boss)
            if k is not None and k in box_of_role and k != i:
                found[(box_of_role[k], box_id)] = None
    return sorted(found)
