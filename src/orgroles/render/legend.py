"""The colours of a chart's groups of boxes, and the legend that names them.

The groups are what the boxes are coloured by (`color_by`): families, teams, kinds or
the values of a meta field, the largest first. Families have colours of their own; the
other groups take the palette in order (`orgroles.render.paint.group_colors`).

    >>> import orgroles
    >>> from orgroles.render import make_plan
    >>> make_plan(orgroles.load("examples/three_person_tech_team.yaml")).legend[0]
    ('Executive', 'executive')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from orgroles.render import style, words
from orgroles.render.paint import GREY_GROUPS, GROUPS, group_colors
from orgroles.render.quoting import clean

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role
    from orgroles.render.options import ChartOptions
    from orgroles.render.shapes import Box
    from orgroles.render.style import Colors

__all__ = ["colors_and_legend"]


def colors_and_legend(
    org: OrgCore,
    boxes: list[Box],
    options: ChartOptions,
    key_of: Callable[[Role, str | None], str | None] | None = None,
) -> tuple[dict[str | None, Colors], tuple[tuple[str, str | None], ...]]:
    """The colours of the groups of boxes, the largest first, and the legend that names
    them (none when all boxes have one colour). The box of a manager who is not in the
    file is no group of roles: it is drawn grey and dotted, and not named in the legend.

    Groups other than families take the palette in the order of their size in the whole
    org (`key_of` gives a role's group), so that every chart of it gives a group the same
    colour: each slide of a deck, a chart of one branch. A chart none of whose groups are
    among the org's largest (the top levels of an org of many kinds) takes the palette
    in its own order: it would be all grey. So do the families that no
    palette entry names (a catalogue's own), among the colours no family of the org has.
    """
    size: dict[str | None, int] = {}
    missing = False
    for box in boxes:
        if box.placeholder is not None:
            missing = True
            continue
        size[box.color_key] = size.get(box.color_key, 0) + max(1, len(box.folded))
    keys = sorted(size, key=lambda k: (k is None, -size[k]))  # stable: first seen first
    by = options.color_by
    ranks = None
    if key_of is not None and (by != "family" or not _own_colors(keys)):
        ranks = _ranks(org, by, key_of)  # families: to give the others the same colours
        if by != "family" and all(ranks.get(k or "", GROUPS) >= GROUPS for k in keys):
            ranks = None  # all beyond the palette (the org's top of many kinds): its own
    if ranks is not None and by != "family":
        keys.sort(key=lambda k: (k is None, ranks.get(k or "", len(ranks))))  # None: last
    palette = group_colors([*keys, None] if missing else keys, by, options.theme, ranks)
    if len(keys) < 2:
        return palette, ()
    lang = options.lang
    legend: list[tuple[str, str | None]] = []
    named = [k for k in keys if k is not None]
    if options.theme == "print":  # as many as there are greys to tell apart
        shown = named[:GREY_GROUPS]
    elif by == "family":
        shown = named
    elif ranks is not None:
        shown = [k for k in named if ranks.get(k, GROUPS) < GROUPS]
    else:
        shown = named[:GROUPS]
    for key in shown:
        if by == "family":
            label = words.family_label(key, lang)
        elif by == "team":
            label = org.teams[key].display_name
        elif by == "kind":
            kind = org.catalog.kinds.get(key)
            label = kind.text(lang) if kind is not None else key
        else:
            label = key
        legend.append((clean(label), key))
    rest = [k for k in named if k not in shown]
    if rest:
        others = words.word("others", lang).format(n=words.count(len(rest), lang))
        legend.append((others, rest[0]))
    if None in size:
        legend.append((words.word("no_team" if by == "team" else "other", lang), None))
    return palette, tuple(legend)


def _own_colors(families: list[str | None]) -> bool:
    """Whether every family of a chart has a colour of its own (see `paint.group_colors`)."""
    return all(f is None or f in style.FAMILY_NAMES for f in families)


def _ranks(
    org: OrgCore, by: str, key_of: Callable[[Role, str | None], str | None]
) -> dict[str, int]:
    """Each group's place in the palette: by its size in the whole org, the largest first,
    then in the order a chart of the whole org meets them (a walk down from its tops);
    made once per org and `color_by`."""

    def build() -> dict[str, int]:
        index = org.index
        roles = list(org.roles.values())
        count: dict[str, int] = {}
        seen = bytearray(len(index))
        todo = list(reversed(index.tops))
        walk: list[int] = []
        while todo:
            i = todo.pop()
            if not seen[i]:
                seen[i] = 1
                walk.append(i)
                todo.extend(reversed(index.children.get(i, ())))
        walk += [i for i in range(len(index)) if not seen[i]]  # on reporting cycles
        family = org.family_of if by == "family" else lambda role: None
        for i in walk:
            key = key_of(roles[i], family(roles[i]))
            if key is not None:
                count[key] = count.get(key, 0) + 1
        order = sorted(count, key=lambda k: -count[k])  # stable: first met first
        return {key: rank for rank, key in enumerate(order)}

    return org.cached(f"render.group-ranks.{by}", build)
