"""A manager name that two rows share ("Sam Lee"), told apart when only one can be meant.

A file that names the managers by name may have two people of one name. The row of
one of them that names the other as its manager cannot mean itself: nobody manages
themself. Another row means the one of them in its own department, when only one is.
Told apart so, the manager is read, and one note says how; otherwise the name stays
ambiguous, an error that asks for ids.

Examples:
    >>> from orgroles.importers.rows import Rows
    >>> rows = Rows(ids=["1", "2", "3", "4"], names=["Ana", "Sam", "Sam", "Cy"],
    ...             titles=[], emails=[], managers=[], metas=[],
    ...             departments=["Exec", "Eng", "Sales", "Eng"])
    >>> told_apart([1, 2], 2, rows), told_apart([1, 2], 3, rows), told_apart([1, 2], 0, rows)
    ((1, 'self'), (1, 'department'), None)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgroles.errors import Problem
from orgroles.importers.id_forms import and_more

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator, Rows

__all__ = ["namesakes_note", "told_apart"]

_WHY = {
    "written": "the only one whose row holds the cell as written",
    "self": "the other one is the row itself",
    "department": "the only one in the row's department",
}


def told_apart(
    matches: Sequence[int], row: int, rows: Rows, cell: str = ""
) -> tuple[int, str] | None:
    """Of the rows `matches` that have the manager name of `row`, the one it means and
    why (`written`, `self`, `department`), or None when nothing tells them apart.

    A cell written in full in one of those rows names it (Active Directory's
    "CN=Sam Lee,OU=Sales,DC=acme,DC=com" is in its own row's DistinguishedName, kept in
    `meta`, and the name it holds, "Sam Lee", may be two people's)."""
    if cell:
        written = [j for j in matches if cell in rows.metas[j].values()]
        if len(written) == 1:
            return written[0], "written"
    others = [j for j in matches if j != row]
    if len(others) == 1:
        return others[0], "self"
    departments = rows.departments
    if departments is not None and departments[row] is not None:
        same = [j for j in others if departments[j] == departments[row]]
        if len(same) == 1:
            return same[0], "department"
    return None


def namesakes_note(
    found: list[tuple[int, str, int, str, int]], what: str, locator: Locator
) -> Problem:
    """One note for the manager cells told apart: (row, cell, row read, why, rows that
    have the name) of each, said at the first."""
    i, value, row, why, count = found[0]
    more = and_more(len(found) - 1, "told apart so")
    if more:  # each cell with the row it is read as: not always the first one's
        shown = ", ".join(
            f"{locator.line(k)} as {locator.line(r)}" for k, _, r, _, _ in found[1:11]
        )
        more += f" ({shown}{', ...' if len(found) > 11 else ''})"
    return Problem(
        f"the manager {what} {value!r} is that of {count} rows: read as {locator.line(row)}, "
        f"{_WHY[why]}" + more,
        locator.location(i, "manager"),
        locator.where(i, "manager"),
        code="namesake-manager",
    )
