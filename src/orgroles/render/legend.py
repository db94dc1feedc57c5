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

from typing import TYPE_CHECKING

from orgroles.render import words
from orgroles.render.paint import GROUPS, group_colors
from orgroles.render.quoting import clean

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.options import ChartOptions
    from orgroles.render.shapes import Box
    from orgroles.render.style import Colors

__all__ = ["colors_and_legend"]


def colors_and_legend(
    org: OrgCore, boxes: list[Box], options: ChartOptions
) -> tuple[dict[str | None, Colors], tuple[tuple[str, str | None], ...]]:
    """The colours of the groups of boxes, the largest first, and the legend that names
    them (none when all boxes have one colour). The box of a manager who is not in the
    file is no group of roles: it is drawn grey and dotted, and not named in the legend.
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
    palette = group_colors([*keys, None] if missing else keys, by, options.theme)
    if len(keys) < 2:
        return palette, ()
    lang = options.lang
    legend: list[tuple[str, str | None]] = []
    named = [k for k in keys if k is not None]
    shown = named if by == "family" else named[:GROUPS]
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
    rest = named[len(shown) :]
    if rest:
        others = words.word("others", lang).format(n=words.count(len(rest), lang))
        legend.append((others, rest[0]))
    if None in size:
        legend.append((words.word("no_team" if by == "team" else "other", lang), None))
    return palette, tuple(legend)
