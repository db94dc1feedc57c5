"""What a preset leaves unread in a header that the guess reads.

A header is read with a tool's preset without being asked when it has the tool's id and
manager columns ("Employee ID" and "Supervisor" are BambooHR's). Its other columns may
be called otherwise ("Title" where BambooHR's is "Job Title"): the columns that the
guess of the header would take for them are read too, rather than left in `meta`.

Examples:
    >>> from orgroles.importers.columns import Columns
    >>> header = ("Employee ID", "Name", "Title", "Supervisor")
    >>> cols = Columns(preset="bamboohr").resolve(header)
    >>> gaps(cols)
    ['title_col', 'email_col', 'department_col', 'start_col', 'end_col', 'status_col']
    >>> found = Columns(id_col="Employee ID", name_col="Name", title_col="Title")
    >>> chosen, note = filled_gaps(Columns(preset="bamboohr"), cols, found)
    >>> chosen.title_col, note
    ('Title', "the title read from 'Title'")
"""

from __future__ import annotations

import dataclasses

from orgroles.importers.columns import Columns, ResolvedColumns
from orgroles.importers.given import column_names

__all__ = ["GAPS", "filled_gaps", "gaps"]

GAPS = {
    "name_col": "the name",
    "title_col": "the title",
    "email_col": "the email",
    "department_col": "the department",
    "start_col": "the first day",
    "end_col": "the last day",
    "status_col": "the status",
}
"""The fields a guess may fill, each with the words of the note ("the title read from
'Title'")."""


def gaps(cols: ResolvedColumns) -> list[str]:
    """The fields of `GAPS` that a preset's columns leave unread."""
    return [field for field in GAPS if not getattr(cols, field)]


def filled_gaps(
    chosen: Columns, cols: ResolvedColumns, found: Columns | None
) -> tuple[Columns, str]:
    """`chosen` (a preset) with the columns `found` (the guess) reads for the fields the
    preset left unread (`cols`: what it read), when no column it read is one of them;
    and a note of them (empty when none)."""
    if found is None:
        return chosen, ""
    used = {c for c in cols.header if c not in cols.meta_cols}
    filled: dict[str, str | tuple[str, ...]] = {}
    for field in gaps(cols):
        if field == "status_col" and chosen.keep_left:
            continue  # no status is read
        value = getattr(found, field)
        names = column_names(value)
        if names and used.isdisjoint(names):
            filled[field] = value
            used.update(names)
    said = ", ".join(
        f"{GAPS[field]} read from {' + '.join(repr(c) for c in column_names(value))}"
        for field, value in filled.items()
    )
    return dataclasses.replace(chosen, **filled), said  # type: ignore[arg-type]
