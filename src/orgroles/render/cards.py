"""What each box of a chart says: a role's card, a fold's card ("+12 developers") and a
missing manager's, with the width they share and the height their lines take.

A card's lines come from `show` (see `SHOW`): the
title and the holders (the name first with `name_first`), the team, `meta` fields,
counts of reports and the responsibilities, then the marks (vacant, acting, violations,
"+N below"). The boxes are made first with their text in full; `Cards.finish()`
then chooses the width the boxes of the chart share, fitted to their text between
`BOX_MIN_WIDTH` and `BOX_MAX_WIDTH`
(so that nine lines in ten fit on one line, and the titles of the top two levels), and
wraps every text to it: a title or a name takes up to three lines before it is cut with
"…"; a job share shows its holders' names whole, then "+1 more" (`holder_lines()`).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from orgroles._internal.suggest import suggestion_suffix
from orgroles.queries.responsibilities import effective_ids
from orgroles.queries.teams import membership
from orgroles.render import style, words
from orgroles.render.auto_color import nearest_team
from orgroles.render.changes import Changes
from orgroles.render.holders import SEPARATOR, holder_lines, joined
from orgroles.render.quoting import clean, mailto, safe_url
from orgroles.render.shapes import Box, Line

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role
    from orgroles.render.options import ChartOptions
    from orgroles.rules.report import Violation

__all__ = ["Cards", "card_fields", "initials", "meta_keys", "warn_unknown_meta", "worst"]

_MAX_RESPONSIBILITIES = 12
_SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
_LEADING = {name: s.leading for name, s in style.STYLES.items()}
_MEASURED = ("title", "name", "headname", "subtitle", "vacant")  # what the width fits
_SHARE = 0.9  # the width fits this share of those lines on one line
_SAMPLE = 4000  # in a chart of more boxes, the width is fitted to this many of them

Draft = list[tuple[str, str, int]]
"""A box's lines before wrapping: style, text, and how many lines it may take."""


def worst(found: Iterable[Violation]) -> str:
    """The most serious severity among violations; anything unknown counts as `info`.

    Examples:
        >>> from orgroles.rules import Violation
        >>> worst([Violation("X1", "x", "warning", "a", ""), Violation("X2", "x", "odd", "a", "")])
        'warning'
    """
    rank = max(_SEVERITY_RANK.get(v.severity, 1) for v in found)
    return next(s for s, r in _SEVERITY_RANK.items() if r == rank)


def card_fields(show: Sequence[str]) -> tuple[str, ...]:
    """The fields of a card, in their order, for the `show` option.

    Examples:
        >>> card_fields(())
        ('title', 'name')
        >>> card_fields(["responsibilities", "meta.site", "reports", "photo"])
        ('photo', 'title', 'name', 'meta.site', 'reports', 'responsibilities')
        >>> card_fields(["name", "team"])
        ('name', 'team')
    """
    chosen = list(show)
    if "title" not in chosen and "name" not in chosen:
        chosen += ["title", "name"]
    order = ["photo", "title", "name", "team"]
    metas = [f for f in chosen if f.startswith("meta.")]
    order += [*metas, "reports", "responsibilities"]
    return tuple(f for f in order if f in chosen)


def initials(name: str) -> str:
    """The initials of a name, for a card without a photo: its first and last words.

    Examples:
        >>> initials("Ana María Lima"), initials("cher"), initials("  "), initials("李小龙")
        ('AL', 'C', '', '李')
    """
    parts = [w for w in name.split() if w[:1].isalnum()]
    if not parts:
        return ""
    first = parts[0][0]
    last = parts[-1][0] if len(parts) > 1 else ""
    return (first + last).upper()


def meta_keys(org: OrgCore) -> frozenset[str]:
    """Every `meta` key of the org's roles and people, listed once per org."""

    def collect() -> frozenset[str]:
        keys: set[str] = set()
        for role in org.roles.values():
            if role.meta:
                keys.update(role.meta)
        for person in org.people.values():
            if person.meta:
                keys.update(person.meta)
        return frozenset(keys)

    return org.cached("render.meta_keys", collect)


def warn_unknown_meta(org: OrgCore, fields: Iterable[str], color_by: str) -> None:
    """Warn (`ChartOptionWarning`) for each `meta.FIELD` of the cards' lines or of the
    colours that no role or person of the org has, with the nearest field it has, and
    for colours by team in an org that declares none.

    Examples:
        >>> import orgroles, warnings
        >>> org = orgroles.Org(roles=[orgroles.Role(id="ceo", meta={"site": "Lyon"})])
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warn_unknown_meta(org, ["title", "meta.sites"], "meta.site")
        >>> print(caught[0].message)
        no role or person has meta.sites (did you mean 'site'?), asked for by the cards' lines (--show); the meta fields of this org are: site
    """  # noqa: E501
    from orgroles.render.options import ChartOptionWarning

    if color_by == "team" and not org.teams:
        warnings.warn(
            "the colours are by team (--color-by team), and this org declares no team: "
            "every box is grey (colour by family, kind or meta.FIELD instead)",
            ChartOptionWarning,
            stacklevel=4,
        )
    asked = {f[5:]: "the cards' lines (--show)" for f in fields if f.startswith("meta.")}
    if color_by.startswith("meta."):
        asked.setdefault(color_by[5:], "the colours (--color-by)")
    if not asked:
        return
    keys = meta_keys(org)
    for name, where in asked.items():
        if name in keys:
            continue
        listed = ", ".join(sorted(keys)[:12]) + (", ..." if len(keys) > 12 else "")
        known = (
            f"the meta fields of this org are: {listed}" if keys else "this org has no meta fields"
        )
        warnings.warn(
            f"no role or person has meta.{name}{suggestion_suffix(name, keys)}, asked for by "
            f"{where}; {known}",
            ChartOptionWarning,
            stacklevel=4,
        )


class Cards:
    """Makes the boxes of a plan, one card at a time, and keeps them in `boxes`."""

    def __init__(self, org: OrgCore, options: ChartOptions) -> None:
        self.org = org
        self.index = org.index
        self.fold = options.fold
        self.fields = card_fields(options.show)
        self.show_responsibilities = "responsibilities" in self.fields
        self.name_first = options.name_first
        self.lang = options.lang
        self.color_by = options.color_by
        self.width = style.BOX_WIDTH
        self.violations: dict[str, list[Violation]] = (
            options.report.by_role() if options.report else {}
        )
        self.boxes: list[Box] = []
        self.drafts: list[Draft] = []
        self.box_of_role: dict[int, int] = {}
        self.kinds = org.catalog.kinds
        self.people = org.people
        # The roles by position, listed once per org (a chart split into slides makes a
        # plan per slide: listing them for each would make it quadratic).
        self.roles: list[Role] = org.cached("render.roles", lambda: list(org.roles.values()))
        self.teams = membership(org) if "team" in self.fields or self.color_by == "team" else {}
        self.photos = "photo" in self.fields
        self.photo_uris: dict[str, str] = {}
        self.missing_photos: list[tuple[str, str | None]] = []  # (photo, why not shown)
        self.allow_outside_photos = options.allow_outside_photos
        self.changes = options.diff if isinstance(options.diff, Changes) else None
        self.title_families: dict[str, str | None] = {}

    # -- text ----------------------------------------------------------------------------

    def title(self, i: int) -> str:
        role = self.roles[i]
        if role.title:
            return clean(role.title)
        kind = self.kinds.get(role.kind) if role.kind is not None else None
        return clean(kind.text(self.lang) if kind is not None else role.id)

    def _title_family(self, title: str) -> str | None:
        """The family a title names ("Chief Financial Officer": finance), as an import
        would infer it, for the colour of a seat with no kind and no family: grey boxes
        said nothing. The org is not changed; read once per title."""
        if title not in self.title_families:
            from orgroles.catalog.titles import infer_kind

            match = infer_kind(title, catalog=self.org.catalog)
            self.title_families[title] = match.family if match is not None else None
        return self.title_families[title]

    def _team(self, role: Role) -> str | None:
        found = self.teams.get(role.id)
        if not found:
            return None
        return clean(self.org.teams[nearest_team(self.org, found)].display_name)

    def _meta(self, role: Role, name: str) -> str | None:
        value = role.meta.get(name) if role.meta else None
        if value is None and len(role.holders) == 1:
            person = self.people.get(role.holders[0])
            value = person.meta.get(name) if person is not None and person.meta else None
        if value is None or value == "":
            return None
        if isinstance(value, (list, tuple)):
            return clean(", ".join(str(v) for v in value))
        return clean(str(value))

    def color_key(self, role: Role, family: str | None) -> str | None:
        """The group whose colours a role's box takes: see `orgroles.render.paint`."""
        by = self.color_by
        if by == "family":
            return family
        if by == "team":
            found = self.teams.get(role.id)
            return nearest_team(self.org, found) if found else None
        if by == "kind":
            return role.kind
        return self._meta(role, by[5:])

    def role_box(self, i: int, parent: int, level: int, hidden: int) -> Box:
        role = self.roles[i]
        lang = self.lang
        title = self.title(i)
        holders = role.holders
        people = self.people
        fields = self.fields
        draft: Draft = []
        named = [clean(p.display_name) if (p := people.get(h)) else clean(h) for h in holders]
        names = joined(named)  # a job share's names, each whole: see holder_lines()
        if self.name_first and names and "name" in fields:
            draft.append(("headname", names, 3))
            if "title" in fields:
                draft.append(("subtitle", title, 3))
        else:
            if "title" in fields or not holders or "name" not in fields:
                draft.append(("title", title, 3))
            if names and "name" in fields:
                draft.append(("name", names, 3))
        if not holders and not role.planned:
            draft.append(("vacant", words.word("vacant", lang), 1))
        elif holders and role.acting:
            draft.append(("mark", words.word("acting", lang), 1))
        if role.planned:
            draft.append(("mark", self._planned(role), 2))
        if self.changes is not None:
            draft += self.changes.marks(role.id, lang)
        for field in fields:
            if field == "team":
                team = self._team(role)
                if team:
                    draft.append(("detail", team, 1))
            elif field.startswith("meta."):
                value = self._meta(role, field[5:])
                if value:
                    draft.append(("detail", value, 2))
        found = self.violations.get(role.id, ())
        severity = None
        tooltip = [f"{title} ({role.id})", *([", ".join(named)] if len(named) > 1 else [])]
        if found:
            severity = worst(found)
            codes = list(dict.fromkeys(v.code for v in found))
            draft.append((style.ALERTS[severity], "⚠ " + " · ".join(codes), 2))
            tooltip += [f"{v.code} {v.name}: {v.message}" for v in found]
        counts = self._counts(i) if "reports" in fields else None
        if counts:
            draft.append(("more", counts, 2))
        elif hidden:
            below = words.word("below", lang).format(n=words.count(hidden, lang))
            draft.append(("more", below, 1))
        if self.show_responsibilities:
            draft += self._responsibilities(role)
        kind = self.kinds.get(role.kind) if role.kind is not None else None
        family = kind.family if kind is not None and kind.family else role.family
        if family is None and role.kind is None and role.title:
            family = self._title_family(role.title)
        url = safe_url(role.meta.get("url")) if role.meta else None
        if url is None and len(holders) == 1 and (p := people.get(holders[0])) is not None:
            url = mailto(p.email)
        box = Box(
            id=len(self.boxes),
            role=role.id,
            lines=(),
            family=family,
            vacant=not holders and not role.planned,
            acting=role.acting and bool(holders),
            planned=role.planned,
            severity=severity,
            tooltip=tuple(tooltip),
            url=url,
            parent=parent,
            level=level,
            hidden=hidden,
            color_key=self.color_key(role, family),
        )
        if self.changes is not None:
            box.change = self.changes.kinds.get(role.id, ())
        if self.photos and holders:
            person = people.get(holders[0])
            if person is not None and person.photo:
                box.photo = self._photo(person.photo)
            if box.photo is None:
                box.initials = initials(named[0])
        return self._add(box, draft)

    def dotted_elsewhere(self) -> None:
        """Name, in the box of each role drawn, its dotted (matrix) managers that the chart
        leaves out ("dotted line to Mei Chen"): a chart of one branch, a slide of a deck.
        Their line cannot be drawn, and the reader would not know it exists."""
        pos, drawn, roles = self.index.pos, self.box_of_role, self.roles
        for i, box_id in drawn.items():
            away = [roles[k] for b in roles[i].dotted_to if (k := pos.get(b, -1)) >= 0 and k != i]
            away = [boss for boss in away if pos[boss.id] not in drawn]
            if away:
                who = ", ".join(self._holder_or_title(boss) for boss in away)
                line = words.word("dotted_to", self.lang).format(name=who)
                self.drafts[box_id].append(("more", line, 2))

    def _holder_or_title(self, role: Role) -> str:
        holders = [p.display_name for h in role.holders if (p := self.people.get(h))]
        return clean(", ".join(holders) if holders else self.title(self.index.pos[role.id]))

    def _planned(self, role: Role) -> str:
        """ "planned from 2027-01" (the month the seat opens), or "planned" when the org has
        no date for it (a plain org, or `planned: true` set by hand)."""
        start = self.org.records[role.id].start if role.id in self.org.records else None
        if start is None:
            return words.word("planned", self.lang)
        return words.word("planned_from", self.lang).format(month=f"{start:%Y-%m}")

    def _photo(self, photo: str) -> str | None:
        """The photo's data URI, or None when its file does not exist or holds no image
        (counted in `missing_photos`: the box shows the initials)."""
        from orgroles.render.photos import embedded

        where, outside = self.org.base_dir, self.allow_outside_photos
        return embedded(photo, where, outside, self.photo_uris, self.missing_photos)

    def warn_missing_photos(self) -> None:
        """One warning for the photos not shown, each said once per org (a deck makes a
        plan per slide): see `orgroles.render.photos.warn_missing()`."""
        from orgroles.render.photos import warn_missing

        warn_missing(self.org.cached("render.missing_photos", set), self.missing_photos)

    def _counts(self, i: int) -> str | None:
        """ "12 reports · 40 below": a manager's direct reports and all the roles below."""
        direct = len(self.index.children.get(i, ()))
        if not direct:
            return None
        below = self.index.sizes[i] - 1 + self.org.truncated.get(self.index.ids[i], 0)
        return words.reports(direct, below, self.lang)

    def _responsibilities(self, role: Role) -> Draft:
        ids = effective_ids(self.org, role)
        table = self.org.catalog.responsibilities
        draft: Draft = []
        for rid in ids[:_MAX_RESPONSIBILITIES]:
            r = table.get(rid)
            draft.append(("resp", "• " + clean(r.text(self.lang) if r else rid), 2))
        if len(ids) > _MAX_RESPONSIBILITIES:
            extra = len(ids) - _MAX_RESPONSIBILITIES
            draft.append(("more", words.word("more", self.lang).format(n=extra), 1))
        return draft

    def placeholder_box(self, manager: str, level: int, hidden: int) -> Box:
        """The dashed box of a manager that roles report to but that is not in the org."""
        label = words.word("not_in_file", self.lang).format(id=clean(manager))
        draft: Draft = [("vacant", label, 3)]
        if hidden:
            below = words.word("below", self.lang).format(n=words.count(hidden, self.lang))
            draft.append(("more", below, 1))
        box = Box(
            id=len(self.boxes),
            role=None,
            lines=(),
            vacant=True,
            placeholder=clean(manager),
            tooltip=(label,),
            level=level,
            hidden=hidden,
        )
        return self._add(box, draft)

    def fold_box(self, members: list[int], parent: int, level: int) -> Box:
        lang = self.lang
        title = self.title(members[0])
        draft: Draft = [("title", words.folded(len(members), title, lang), 3)]
        vacant = sum(1 for i in members if not self.roles[i].holders)
        if vacant:
            key = "vacant_one" if vacant == 1 else "vacant_many"
            draft.append(("mark", words.word(key, lang).format(n=words.count(vacant, lang)), 1))
        ids = tuple(self.roles[i].id for i in members)
        found = [v for rid in ids for v in self.violations.get(rid, ())]
        severity = None
        tooltip = [", ".join(ids[:10]) + (", …" if len(ids) > 10 else "")]
        if found:
            severity = worst(found)
            codes = list(dict.fromkeys(v.code for v in found))
            draft.append((style.ALERTS[severity], "⚠ " + " · ".join(codes), 2))
            tooltip += [f"{v.role}: {v.code} {v.name}: {v.message}" for v in found[:10]]
        first = self.roles[members[0]]
        kind = self.kinds.get(first.kind or "")
        family = kind.family if kind is not None else first.family
        box = Box(
            id=len(self.boxes),
            role=None,
            lines=(),
            family=family,
            vacant=vacant == len(members),
            folded=ids,
            severity=severity,
            tooltip=tuple(tooltip),
            parent=parent,
            level=level,
            color_key=self.color_key(first, family),
        )
        return self._add(box, draft)

    def _add(self, box: Box, draft: Draft) -> Box:
        self.boxes.append(box)
        self.drafts.append(draft)
        return box

    # -- the width, and the lines wrapped to it ------------------------------------------

    def fitted_width(self) -> float:
        """The width the boxes share: the text of nine lines in ten fits on one line, and
        so does every title and name of the top two levels (the first read), between the
        smallest and largest widths (wider with responsibilities)."""
        low, high = (
            (style.BOX_WIDTH_WIDE, style.BOX_MAX_WIDE)
            if self.show_responsibilities
            else (style.BOX_MIN_WIDTH, style.BOX_MAX_WIDTH)
        )
        step = max(1, len(self.drafts) // _SAMPLE)
        seen: dict[tuple[str, str], float] = {}
        widths = []
        top = 0.0
        for k, draft in enumerate(self.drafts):
            level = self.boxes[k].level
            if k % step and level > 1:
                continue
            for line_style, text, _ in draft:
                if line_style in _MEASURED:
                    w = seen.get((line_style, text))
                    if w is None:
                        shown = text.replace(SEPARATOR, ", ")
                        w = seen[line_style, text] = style.measure(shown, line_style)
                    widths.append(w)
                    if level <= 1:
                        top = max(top, w)
        if not widths:
            return low
        widths.sort()
        fits = widths[min(len(widths) - 1, math.ceil(_SHARE * len(widths)) - 1)]
        width = math.ceil((max(fits, top) + 2 * style.PAD_X + 1) / 10) * 10
        return float(min(high, max(low, width)))

    def finish(self) -> float:
        """Choose the width, wrap every box's text to it and set its height; the width."""
        self.width = width = self.fitted_width()
        inner = width - 2 * style.PAD_X
        wrap, lang = style.wrap, self.lang
        leading = _LEADING
        top = style.PHOTO + style.PHOTO_GAP if self.photos else 0.0
        pad = 2 * style.PAD_Y + top
        for box, draft in zip(self.boxes, self.drafts, strict=True):
            lines = []
            for line_style, text, most in draft:
                if line_style in ("name", "headname"):  # a job share: whole names, "+1 more"
                    found = holder_lines(text, line_style, inner, most, lang)
                else:
                    found = wrap(text, line_style, inner, most)
                lines += [Line(line_style, t) for t in found]
            box.lines = tuple(lines)
            box.height = pad + sum([leading[line.style] for line in lines])
        self.drafts = []
        return width
