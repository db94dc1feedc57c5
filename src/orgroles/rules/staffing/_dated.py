"""What the staffing rules over time share: who holds a dated seat since when."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from orgroles.model import Role
from orgroles.model.dates import ONE_DAY

__all__ = ["acting_since", "vacant_since"]


def _tenures(record: Role) -> Iterator[tuple[str, date | None, date | None, bool]]:
    holder = record.holder
    items = () if holder is None else (holder,) if isinstance(holder, str) else holder
    for h in items:
        if isinstance(h, str):
            yield h, record.start, None, record.acting
        else:
            yield h.person, h.start or record.start, h.end, h.acting or record.acting


def acting_since(record: Role, day: date) -> Iterator[tuple[str, date]]:
    """The interim holders of a seat on `day`, each with the day their interim began
    (when the file says it)."""
    for person, start, end, acting in _tenures(record):
        if acting and start is not None and start <= day and (end is None or day <= end):
            yield person, start


def vacant_since(record: Role, day: date) -> date | None:
    """The first day of the vacancy a seat is in on `day`: the day after its last holder
    left, or the seat's first day; None when it is held, or when the file cannot tell."""
    since = record.start
    for _, start, end, _ in _tenures(record):
        if (start is None or start <= day) and (end is None or day <= end):
            return None
        if end is not None and end < day and (since is None or end + ONE_DAY > since):
            since = end + ONE_DAY
    return since
