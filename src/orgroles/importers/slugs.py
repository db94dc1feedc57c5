"""Readable ids made from names: the teams an import makes of its departments.

Examples:
    >>> unique_slugs(["Sales", "Ventes & Marketing", "sales"])
    ['sales', 'ventes-marketing', 'sales-2']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from orgroles.io.problems import visible

__all__ = ["slug", "unique_slugs"]


def slug(text: str) -> str:
    """A readable id made from a name: lower case, words joined by `-`; `team` when
    nothing of it shows (only dashes, or letters that draw nothing, as a Hangul filler).

    Examples:
        >>> slug("Management / Research & Development"), slug("Équipe R&D"), slug("///")
        ('management-research-development', 'équipe-r-d', 'team')
        >>> slug("\u115f"), slug("\u3164 Ops")
        ('team', 'ㅤ-ops')
    """
    made = re.sub(r"[\W_]+", "-", text.casefold()).strip("-")[:200].strip("-")
    return made if made and visible(made) else "team"


def unique_slugs(names: Sequence[str]) -> list[str]:
    """One slug per name, made unique with `-2`, `-3`, ... in order.

    Examples:
        >>> unique_slugs(["R&D", "R-D", "Sales"])
        ['r-d', 'r-d-2', 'sales']
    """
    taken: set[str] = set()
    tried: dict[str, int] = {}  # the last number tried for each slug: no retrying from 2
    out = []
    for text in names:
        base = candidate = slug(text)
        n = tried.get(base, 1)
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        tried[base] = n
        taken.add(candidate)
        out.append(candidate)
    return out
