"""Change charts: one chart of an org that marks what changed since an older one.

`changes_of(new, old)` compares the two orgs (`orgroles.diff.diff()`) and makes the org
that the chart is laid out from: the new org and, as ghosts, the seats it no longer has,
each under its old manager when the chart still has that manager (or that manager's
ghost), else at the top. Each changed box says what changed ("new seat", "moved, was
under ...", "new holder, was ..."), `orgroles.render.paint` gives it the colours of
`CHANGE_COLORS`, and the plan holds the old lines of the moved seats (`Plan.moves`,
drawn dashed) and a legend of the kinds of change present, with their counts
(`Plan.changes`).

Pass the old org as the `diff` chart option: `orgroles.render(org, "x.svg", diff=old)`,
`org.explore(diff=old)`.

Examples:
    >>> import orgroles
    >>> old = orgroles.load("examples/three_person_tech_team.yaml")
    >>> new = old.copy()
    >>> _ = new.add_role({"id": "dev-3", "kind": "developer", "reports_to": "cto"})
    >>> _ = new.remove_role("dev-2")
    >>> changes = changes_of(new, old)
    >>> dict(changes.kinds), changes.counts
    ({'dev-3': ('added',), 'dev-2': ('removed',)}, {'added': 1, 'removed': 1})
    >>> changes.org.role("dev-2").reports_to  # the ghost, under its old manager
    'cto'
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from orgroles.diff import diff
from orgroles.render import words
from orgroles.render.quoting import clean
from orgroles.render.shapes import CHANGES

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.options import ChartOptions
    from orgroles.render.shapes import Plan

__all__ = ["CHANGES", "Changes", "changes_of", "mark_plan", "with_changes"]


@dataclass(frozen=True)
class Changes:
    """What a change chart marks: the org it is laid out from, and the changes.

    Attributes:
        org: The new org with the removed seats added back, as ghosts.
        old: The old org.
        kinds: Role id -> the kinds of change of its seat (see `CHANGES`).
        counts: How many seats of each kind of change, for the kinds present, in the
            order of `CHANGES`.
    """

    org: OrgCore
    old: OrgCore
    kinds: Mapping[str, tuple[str, ...]]
    counts: Mapping[str, int]

    def marks(self, role_id: str, lang: str = "en") -> list[tuple[str, str, int]]:
        """The lines a box adds to say what changed: style, text, most lines."""
        found = []
        old = self.old
        for kind in self.kinds.get(role_id, ()):
            if kind == "moved":
                boss = old.roles[role_id].manager_id
                if boss is None or boss not in old.roles:
                    text = words.word("change_moved_top", lang)
                else:
                    title = clean(old.title_of(boss, lang))
                    text = words.word("change_moved", lang).format(manager=title)
            elif kind == "restaffed":
                text = self._holders(role_id, lang)
            else:
                text = words.word(f"change_{kind}", lang)
            found.append(("mark", text, 2))
        return found

    def _holders(self, role_id: str, lang: str) -> str:
        """ "new holder, was NAME", "new holder, was vacant" or "holder left: NAME"."""
        people = self.old.people
        before = self.old.roles[role_id].holders
        names = ", ".join(clean(p.display_name) if (p := people.get(h)) else h for h in before)
        if not self.org.roles[role_id].holders:
            return words.word("change_left", lang).format(name=names)
        if not before:
            return words.word("change_restaffed_vacant", lang)
        return words.word("change_restaffed", lang).format(name=names)


def changes_of(new: OrgCore, old: OrgCore) -> Changes:
    """The changes from `old` to `new`, and the org a change chart of them is laid out
    from (neither org is changed)."""
    found = diff(old, new)
    kinds: dict[str, tuple[str, ...]] = {}
    for r in found.added:
        kinds[r.id] = ("added",)
    for r in found.removed:
        kinds[r.id] = ("removed",)
    for c in found.moved:
        kinds[c.role] = (*kinds.get(c.role, ()), "moved")
    for c in found.restaffed:
        kinds[c.role] = (*kinds.get(c.role, ()), "restaffed")
    counts = {k: sum(1 for v in kinds.values() if k in v) for k in CHANGES}
    merged = new.as_of(new.view_date) if new.dated and new.view_date else new.copy()
    if found.removed:
        gone = {r.id for r in found.removed}
        for r in found.removed:
            boss = r.manager_id
            kept = boss if boss is not None and (boss in new.roles or boss in gone) else None
            merged.put_role(
                dataclasses.replace(
                    r,
                    reports_to=kept,
                    dotted_to=(),
                    assistant=False,
                    planned=False,
                    start=None,
                    end=None,
                )
            )
            for h in r.holders:
                if h not in merged.people and h in old.people:
                    merged.put_person(old.people[h])
    return Changes(merged, old, kinds, {k: n for k, n in counts.items() if n})


def with_changes(org: OrgCore, options: ChartOptions) -> tuple[OrgCore, ChartOptions]:
    """The org a chart is laid out from and its options: for a change chart (`diff` set
    to an org), the org with its ghosts and `diff` set to the `Changes`; else both as
    they are."""
    chosen = options.diff
    if chosen is None:
        return org, options
    if isinstance(chosen, Changes):
        return chosen.org, options
    changes = changes_of(org, chosen)
    return changes.org, dataclasses.replace(options, diff=changes)


def mark_plan(plan: Plan, changes: Changes, legend: bool = True) -> None:
    """Add a change chart's old lines and legend to `plan` (made from `changes.org`): the
    kinds of change of the boxes drawn, each with how many there are (a chart of part of
    the org counts its own)."""
    box_of = {box.role: box.id for box in plan.boxes if box.role is not None}
    old = changes.old.roles
    moves = []
    for box in plan.boxes:
        if "moved" in box.change and box.role is not None:
            boss = old[box.role].manager_id
            at = box_of.get(boss) if boss is not None else None
            if at is not None:
                moves.append((at, box.id))
    plan.moves = sorted(moves)
    if legend:  # the kinds of change the chart shows, with how many boxes it marks
        drawn = Counter(kind for box in plan.boxes for kind in box.change)
        # "old line dashed" only where the chart draws one (the old manager may be off it)
        entry = {kind: f"legend_{kind}" for kind in CHANGES}
        if not moves:
            entry["moved"] = "legend_moved_alone"
        plan.changes = tuple(
            (words.word(entry[kind], plan.lang).format(n=words.count(n, plan.lang)), kind)
            for kind in CHANGES
            if (n := drawn[kind])
        )
