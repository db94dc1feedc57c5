"""What changed between two orgs: a reorganisation as roles added, removed, moved,
retitled, re-staffed and otherwise changed; and the people and teams added, removed or
changed (a name, an email, a team's lead or members).

Examples:
    >>> import orgroles
    >>> old = orgroles.load("examples/three_person_tech_team.yaml")
    >>> new = old.copy()
    >>> new.add_role({"id": "dev-3", "kind": "developer", "reports_to": "cto"})
    Role(id='dev-3', kind='developer', reports_to='cto')
    >>> new.update_role("dev-1", title="Senior Developer")
    Role(id='dev-1', title='Senior Developer', kind='developer', holder='yanis', reports_to='cto')
    >>> print(diff(old, new))
    added      dev-3: Developer, under cto
    retitled   dev-1: Developer -> Senior Developer
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from orgroles._internal.extras import NEEDS_PANDAS, import_extra
from orgroles._internal.text import printable
from orgroles.model import Role

if TYPE_CHECKING:
    import pandas as pd

    from orgroles.core import OrgCore

__all__ = ["EntryChange", "FieldChange", "OrgDiff", "diff"]

_OTHER_FIELDS = (
    "planned",
    "start",
    "end",
    "kind",
    "kind_from",
    "family",
    "seniority",
    "acting",
    "dotted_to",
    "assistant",
    "responsibilities",
    "drop",
    "noqa",
    "meta",
)


@dataclass(frozen=True)
class FieldChange:
    """One field of one role, before and after."""

    role: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class EntryChange:
    """A person or a team added (`field` is `"added"`, `new` its name), removed
    (`"removed"`, `old` its name), or one of its fields changed (`"name"`, `"email"`,
    `"lead"`, `"members"`, ...), before and after."""

    id: str
    field: str
    old: Any
    new: Any


@dataclass
class OrgDiff:
    """The roles added and removed, and the changes to the roles in both orgs.

    `moved`, `retitled` and `restaffed` are `FieldChange` lists whose
    fields are `reports_to`, `title` (as displayed) and `holder`; `changed`
    holds every other field that differs. `people` and `teams` are `EntryChange` lists:
    who and which teams were added, removed or changed. Empty (falsy) when nothing
    changed.
    """

    added: list[Role] = field(default_factory=list)
    removed: list[Role] = field(default_factory=list)
    moved: list[FieldChange] = field(default_factory=list)
    retitled: list[FieldChange] = field(default_factory=list)
    restaffed: list[FieldChange] = field(default_factory=list)
    changed: list[FieldChange] = field(default_factory=list)
    people: list[EntryChange] = field(default_factory=list)
    teams: list[EntryChange] = field(default_factory=list)
    _titles: dict[str, str] = field(default_factory=dict, repr=False)

    def __bool__(self) -> bool:
        return any(
            (
                self.added,
                self.removed,
                self.moved,
                self.retitled,
                self.restaffed,
                self.changed,
                self.people,
                self.teams,
            )
        )

    def counts(self) -> dict[str, int]:
        """How many changes of each kind."""
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "moved": len(self.moved),
            "retitled": len(self.retitled),
            "restaffed": len(self.restaffed),
            "changed": len(self.changed),
            "people": len(self.people),
            "teams": len(self.teams),
        }

    def to_dict(self) -> dict[str, Any]:
        """The diff as JSON data (the shape of `orgroles diff --format json`)."""

        def change(c: FieldChange) -> dict[str, Any]:
            return {"role": c.role, "field": c.field, "old": _json(c.old), "new": _json(c.new)}

        def role(r: Role) -> dict[str, Any]:
            return {
                "role": r.id,
                "title": self._titles.get(r.id, r.title or r.id),
                "reports_to": r.reports_to,
            }

        def entry(key: str, c: EntryChange) -> dict[str, Any]:
            return {key: c.id, "field": c.field, "old": _json(c.old), "new": _json(c.new)}

        return {
            "counts": self.counts(),
            "added": [role(r) for r in self.added],
            "removed": [role(r) for r in self.removed],
            "moved": [change(c) for c in self.moved],
            "retitled": [change(c) for c in self.retitled],
            "restaffed": [change(c) for c in self.restaffed],
            "changed": [change(c) for c in self.changed],
            "people": [entry("person", c) for c in self.people],
            "teams": [entry("team", c) for c in self.teams],
        }

    def to_frame(self) -> pd.DataFrame:
        """The diff as a pandas table (needs pandas), a row per line of `str(diff)`: `change`
        (`added`, `removed`, `moved`, `retitled`, `restaffed`, `changed`, `person`,
        `team`), the role's, person's or team's `id`, its `title` (for roles), the `field`
        and its `old` and `new` values (an added role's manager is its `new` `reports_to`).

        Examples:
            >>> import orgroles
            >>> old = orgroles.load("examples/three_person_tech_team.yaml")
            >>> new = old.copy()
            >>> new.move("dev-2", "ceo")
            >>> diff(old, new).to_frame().to_dict("records")
            [{'change': 'moved', 'id': 'dev-2', 'title': 'Developer', 'field': 'reports_to', 'old': 'cto', 'new': 'ceo'}]
        """  # noqa: E501
        pandas = import_extra("pandas", NEEDS_PANDAS)
        rows: list[tuple[str, str, str | None, str, Any, Any]] = []
        title = self._titles.get
        for r in self.added:
            rows.append(("added", r.id, title(r.id, r.id), "reports_to", None, r.reports_to))
        for r in self.removed:
            rows.append(("removed", r.id, title(r.id, r.id), "reports_to", r.reports_to, None))
        for change in ("moved", "retitled", "restaffed", "changed"):
            for c in getattr(self, change):
                rows.append((change, c.role, title(c.role), c.field, _json(c.old), _json(c.new)))
        for change, entries in (("person", self.people), ("team", self.teams)):
            rows += [(change, e.id, None, e.field, _json(e.old), _json(e.new)) for e in entries]
        columns = ["change", "id", "title", "field", "old", "new"]
        frame: pd.DataFrame = pandas.DataFrame(rows, columns=columns)
        return frame

    def __str__(self) -> str:
        lines = []
        for r in self.added:
            under = f", under {r.reports_to}" if r.reports_to else ", at the top"
            lines.append(f"added      {r.id}: {self._titles.get(r.id, r.id)}{under}")
        for r in self.removed:
            lines.append(f"removed    {r.id}: {self._titles.get(r.id, r.id)}")
        for c in self.moved:
            lines.append(f"moved      {c.role}: {c.old or '(top)'} -> {c.new or '(top)'}")
        for c in self.retitled:
            lines.append(f"retitled   {c.role}: {c.old} -> {c.new}")
        for c in self.restaffed:
            lines.append(f"restaffed  {c.role}: {_holders(c.old)} -> {_holders(c.new)}")
        for c in self.changed:
            lines.append(f"changed    {c.role}: {c.field}: {_json(c.old)} -> {_json(c.new)}")
        lines += [f"person     {_entry_line(c)}" for c in self.people]
        lines += [f"team       {_entry_line(c)}" for c in self.teams]
        return "\n".join(printable(line) for line in lines) if lines else "no changes"


def _entry_line(c: EntryChange) -> str:
    if c.field == "added":
        return f"{c.id}: added ({c.new})"
    if c.field == "removed":
        return f"{c.id}: removed ({c.old})"
    if c.field == "members":
        gone = [m for m in c.old if m not in c.new]
        joined = [m for m in c.new if m not in c.old]
        said = [f"+{m}" for m in joined] + [f"-{m}" for m in gone]
        return f"{c.id}: members: {', '.join(said) or 'reordered'}"
    return f"{c.id}: {c.field}: {_json(c.old)} -> {_json(c.new)}"


def _holders(value: Any) -> str:
    if not value:
        return "(vacant)"
    return value if isinstance(value, str) else " + ".join(value)


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return list(value) if isinstance(value, tuple) else value


def _entries(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[EntryChange]:
    """The entries (people or teams, by id) added, removed and changed, field by field."""
    found = [
        EntryChange(i, "added", None, e.display_name) for i, e in after.items() if i not in before
    ]
    for i, e in before.items():
        now = after.get(i)
        if now is None:
            found.append(EntryChange(i, "removed", e.display_name, None))
        elif now != e:
            for name in e.__dataclass_fields__:
                a, b = getattr(e, name), getattr(now, name)
                if a != b:
                    found.append(EntryChange(i, name, a, b))
    return found


def diff(old: OrgCore, new: OrgCore) -> OrgDiff:
    """Compare two orgs role by role (by id), and their people and teams, in O(N)."""
    out = OrgDiff(people=_entries(old.people, new.people), teams=_entries(old.teams, new.teams))
    old_roles, new_roles = old.roles, new.roles
    for rid, role in new_roles.items():
        if rid not in old_roles:
            out.added.append(role)
            out._titles[rid] = new.title_of(role)
    for rid, role in old_roles.items():
        if rid not in new_roles:
            out.removed.append(role)
            out._titles[rid] = old.title_of(role)
            continue
        after = new_roles[rid]
        if after == role:
            continue
        if after.reports_to != role.reports_to:
            out.moved.append(FieldChange(rid, "reports_to", role.reports_to, after.reports_to))
        before_title, after_title = old.title_of(role), new.title_of(after)
        out._titles[rid] = after_title  # for to_frame()
        if before_title != after_title:
            out.retitled.append(FieldChange(rid, "title", before_title, after_title))
        if role.holders != after.holders:
            out.restaffed.append(FieldChange(rid, "holder", role.holder, after.holder))
        for name in _OTHER_FIELDS:
            a, b = getattr(role, name), getattr(after, name)
            if a != b:
                out.changed.append(FieldChange(rid, name, a, b))
    return out
