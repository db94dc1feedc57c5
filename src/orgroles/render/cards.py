"""What each box of a chart says: a role's card (title, holders, marks, violations,
responsibilities) and a fold's card ("+12 developers"), with the height its lines take.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from orgroles.queries.responsibilities import effective_ids
from orgroles.render import style, words
from orgroles.render.quoting import clean, mailto, safe_url
from orgroles.render.shapes import Box, Line

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role
    from orgroles.rules.report import Report, Violation

__all__ = ["Cards", "worst"]

_MAX_RESPONSIBILITIES = 12
_SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
_LEADING = {name: s.leading for name, s in style.STYLES.items()}


def worst(found: Iterable[Violation]) -> str:
    """The most serious severity among violations; anything unknown counts as ``info``.

    >>> from orgroles.rules import Violation
    >>> worst([Violation("X1", "x", "warning", "a", ""), Violation("X2", "x", "odd", "a", "")])
    'warning'
    """
    rank = max(_SEVERITY_RANK.get(v.severity, 1) for v in found)
    return next(s for s, r in _SEVERITY_RANK.items() if r == rank)


class Cards:
    """Makes the boxes of a plan, one card at a time, and keeps them in ``boxes``."""

    def __init__(
        self,
        org: OrgCore,
        fold: int | None,
        show: tuple[str, ...],
        lang: str,
        report: Report | None,
    ) -> None:
        self.org = org
        self.index = org.index
        self.fold = fold
        self.show_responsibilities = "responsibilities" in show
        self.lang = lang
        self.width = style.BOX_WIDTH_WIDE if self.show_responsibilities else style.BOX_WIDTH
        self.inner = self.width - 2 * style.PAD_X
        self.violations: dict[str, list[Violation]] = report.by_role() if report else {}
        self.boxes: list[Box] = []
        self.box_of_role: dict[int, int] = {}
        self.kinds = org.catalog.kinds
        self.people = org.people
        self.roles = list(org.roles.values())
        self._titles: dict[str, list[Line]] = {}

    # -- text ----------------------------------------------------------------------------

    def title(self, i: int) -> str:
        role = self.roles[i]
        if role.title:
            return clean(role.title)
        kind = self.kinds.get(role.kind) if role.kind is not None else None
        return clean(kind.text(self.lang) if kind is not None else role.id)

    def _wrap(self, text: str, line_style: str, max_lines: int = 2) -> list[Line]:
        return [Line(line_style, t) for t in style.wrap(text, line_style, self.inner, max_lines)]

    def _title_lines(self, title: str) -> list[Line]:
        # Titles repeat (thousands of "Developer"): wrap each one once.
        found = self._titles.get(title)
        if found is None:
            found = self._titles[title] = self._wrap(title, "title")
        return list(found)

    def role_box(self, i: int, parent: int, level: int, hidden: int) -> Box:
        role = self.roles[i]
        lang = self.lang
        title = self.title(i)
        lines = self._title_lines(title)
        holders = role.holders
        people = self.people
        if holders:
            names = ", ".join(
                clean(p.display_name) if (p := people.get(h)) is not None else clean(h)
                for h in holders
            )
            lines += self._wrap(names, "name")
            if role.acting:
                lines.append(Line("mark", words.word("acting", lang)))
        else:
            lines.append(Line("vacant", words.word("vacant", lang)))
        found = self.violations.get(role.id, ())
        severity = None
        tooltip = [f"{title} ({role.id})"]
        if found:
            severity = worst(found)
            codes = list(dict.fromkeys(v.code for v in found))
            lines += self._wrap("⚠ " + " · ".join(codes), "alert")
            tooltip += [f"{v.code} {v.name}: {v.message}" for v in found]
        if hidden:
            lines.append(
                Line("more", words.word("below", lang).format(n=words.count(hidden, lang)))
            )
        if self.show_responsibilities:
            lines += self._responsibilities(role)
        kind = self.kinds.get(role.kind) if role.kind is not None else None
        url = safe_url(role.meta.get("url")) if role.meta else None
        if url is None and len(holders) == 1 and (p := people.get(holders[0])) is not None:
            url = mailto(p.email)
        return self._add(
            Box(
                id=len(self.boxes),
                role=role.id,
                lines=tuple(lines),
                family=kind.family if kind is not None and kind.family else role.family,
                vacant=not holders,
                acting=role.acting and bool(holders),
                severity=severity,
                tooltip=tuple(tooltip),
                url=url,
                parent=parent,
                level=level,
                hidden=hidden,
            )
        )

    def _responsibilities(self, role: Role) -> list[Line]:
        ids = effective_ids(self.org, role)
        table = self.org.catalog.responsibilities
        lines: list[Line] = []
        for rid in ids[:_MAX_RESPONSIBILITIES]:
            r = table.get(rid)
            lines += self._wrap("• " + clean(r.text(self.lang) if r else rid), "resp")
        if len(ids) > _MAX_RESPONSIBILITIES:
            extra = len(ids) - _MAX_RESPONSIBILITIES
            lines.append(Line("more", words.word("more", self.lang).format(n=extra)))
        return lines

    def placeholder_box(self, manager: str, level: int, hidden: int) -> Box:
        """The dashed box of a manager that roles report to but that is not in the org."""
        lines = self._wrap(words.word("not_in_file", self.lang).format(id=clean(manager)), "vacant")
        if hidden:
            below = words.word("below", self.lang).format(n=words.count(hidden, self.lang))
            lines.append(Line("more", below))
        return self._add(
            Box(
                id=len(self.boxes),
                role=None,
                lines=tuple(lines),
                vacant=True,
                placeholder=clean(manager),
                tooltip=(words.word("not_in_file", self.lang).format(id=clean(manager)),),
                level=level,
                hidden=hidden,
            )
        )

    def fold_box(self, members: list[int], parent: int, level: int) -> Box:
        lang = self.lang
        title = self.title(members[0])
        lines = self._wrap(words.folded(len(members), title, lang), "title")
        vacant = sum(1 for i in members if not self.roles[i].holders)
        if vacant:
            key = "vacant_one" if vacant == 1 else "vacant_many"
            lines.append(Line("mark", words.word(key, lang).format(n=words.count(vacant, lang))))
        ids = tuple(self.roles[i].id for i in members)
        found = [v for rid in ids for v in self.violations.get(rid, ())]
        severity = None
        tooltip = [", ".join(ids[:10]) + (", …" if len(ids) > 10 else "")]
        if found:
            severity = worst(found)
            codes = list(dict.fromkeys(v.code for v in found))
            lines += self._wrap("⚠ " + " · ".join(codes), "alert")
            tooltip += [f"{v.role}: {v.code} {v.name}: {v.message}" for v in found[:10]]
        kind = self.kinds.get(self.roles[members[0]].kind or "")
        return self._add(
            Box(
                id=len(self.boxes),
                role=None,
                lines=tuple(lines),
                family=kind.family if kind is not None else self.roles[members[0]].family,
                vacant=vacant == len(members),
                folded=ids,
                severity=severity,
                tooltip=tuple(tooltip),
                parent=parent,
                level=level,
            )
        )

    def _add(self, box: Box) -> Box:
        self.boxes.append(box)
        leading = _LEADING
        box.height = 2 * style.PAD_Y + sum([leading[line.style] for line in box.lines])
        return box
