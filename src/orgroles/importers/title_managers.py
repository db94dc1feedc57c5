"""Managers given by their job title: a list typed by hand that says whom each seat
reports to by the manager's title ("Name, Position, Reports To": "Finance Manager"), not
by a name or an id.

A manager cell that matches no row otherwise is read as the one row whose title it is
(in any letter case and spacing), with one warning for all (code `manager-title`). A
title that several rows share (two "Team Lead" seats) finds none: the cell stays an
unknown manager.

Examples:
    >>> ids = ["ana", "bo", "cy"]
    >>> reports_to = [None, "Managing Director", "finance  manager"]
    >>> titles = ["Managing Director", "Finance Manager", "Accounts Assistant"]
    >>> print(managers_by_title(ids, titles, reports_to, None))
    2 manager cells that match no row read as the one row with that job title ('Managing Director': 'ana')
    >>> reports_to
    [None, 'ana', 'bo']
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgroles.errors import Problem
from orgroles.importers.id_forms import loose_name, rows_by

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator

__all__ = ["managers_by_title", "row_with_title"]


def row_with_title(index: dict[str, list[int]], value: str, row: int) -> int | None:
    """The one row other than `row` whose title (`index`: `rows_by(titles, loose_name)`)
    is `value`, in any letter case and spacing; None for none, or several."""
    found = index.get(loose_name(value), [])
    return found[0] if len(found) == 1 and found[0] != row else None


def managers_by_title(
    ids: Sequence[str | None],
    titles: Sequence[str | None],
    reports_to: list[str | None],
    locator: Locator | None,
) -> Problem | None:
    """Read each manager of `reports_to` that is no row's id as the one row whose title it
    is (`reports_to` is changed in place); a note at the first, or None."""
    known = set(ids)
    pending = [i for i, boss in enumerate(reports_to) if boss and boss not in known]
    if not pending or not any(titles):
        return None
    index = rows_by(titles, loose_name)
    read = []
    for i in pending:
        j = row_with_title(index, reports_to[i] or "", i)
        if j is not None and ids[j]:
            read.append((i, reports_to[i], ids[j]))
            reports_to[i] = ids[j]
    if not read:
        return None
    i, title, rid = read[0]
    cells = (
        "1 manager cell that matches"
        if len(read) == 1
        else f"{len(read):,} manager cells that match"
    )
    return Problem(
        f"{cells} no row read as the one row with that job title ({title!r}: {rid!r})",
        locator.location(i, "manager") if locator is not None else None,
        locator.where(i, "manager") if locator is not None else "",
        code="manager-title",
    )
