"""Rows known by their names: a list typed by hand ("Name, Title, Reports To"), with no
id and no email column, whose name column is the id column.

Such a list names each manager as the rows name their people, so the names are the ids.
A row whose name says the seat is open ("VACANT", "TBH") loses that id: the open seat
gets one of its own (see `orgroles.importers.vacant`). A name on several rows (two
people of one name) gets a number after the first ("Ana Lima-2"), with a warning: a
manager cell with that name finds the first.

Examples:
    >>> from orgroles.importers.rows import Rows
    >>> rows = Rows(
    ...     ids=["Ana Lima", "VACANT", "VACANT", "Bo Diaz", "Bo Diaz"],
    ...     names=["Ana Lima", "VACANT", "VACANT", "Bo Diaz", "Bo Diaz"],
    ...     titles=["CEO", "CFO", "CTO", "Engineer", "Engineer"], emails=[None] * 5,
    ...     managers=[None, "Ana Lima", "Ana Lima", "Ana Lima", "Ana Lima"], metas=[{}] * 5)
    >>> print(read_name_ids(rows, None))
    the name 'Bo Diaz' is on 2 rows: the later given the id 'Bo Diaz-2' (a manager cell with the name is read as the first)
    >>> rows.ids
    ['Ana Lima', None, None, 'Bo Diaz', 'Bo Diaz-2']
"""  # noqa: E501

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from orgroles.errors import Problem
from orgroles.importers.vacant import says_vacant

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator, Rows

__all__ = ["read_name_ids"]


def read_name_ids(rows: Rows, locator: Locator | None) -> Problem | None:
    """For an import whose ids are its names (its id column is its name column, and it
    has no email), the open seats' ids cleared and repeated names numbered, in place; a
    note at the first repeated name, or None."""
    if rows.ids != rows.names or any(rows.emails):
        return None
    ids = rows.ids = list(rows.ids)
    for i, name in enumerate(ids):
        if name and says_vacant(name):
            ids[i] = None
    counts = Counter(rid for rid in ids if rid)
    repeated = [rid for rid, n in counts.items() if n > 1]
    if not repeated:
        return None
    taken = set(counts)
    first: int | None = None
    for name in repeated:
        at = [i for i, rid in enumerate(ids) if rid == name]
        for i in at[1:]:
            made, n = f"{name}-2", 3
            while made in taken:
                made, n = f"{name}-{n}", n + 1
            taken.add(made)
            ids[i] = made
            first = i if first is None else min(first, i)
    assert first is not None
    name = rows.names[first] or ""
    others = len(repeated) - 1
    more = f"; and {others:,} more name{'s' if others > 1 else ''} so" if others else ""
    return Problem(
        f"the name {name!r} is on {counts[name]:,} rows: the later given the id "
        f"{ids[first]!r} (a manager cell with the name is read as the first){more}",
        locator.location(first, "name") if locator is not None else None,
        locator.where(first, "name") if locator is not None else "",
        code="repeated-name",
    )
