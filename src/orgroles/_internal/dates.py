"""Days given by users: a `datetime.date`, or its `YYYY-MM-DD` text."""

from __future__ import annotations

from datetime import date, datetime

from orgroles.errors import OrgUsageError

__all__ = ["day"]


def day(value: date | str) -> date:
    """A day from a `date` or its `YYYY-MM-DD` text; anything else is an
    `OrgUsageError`.

    Examples:
        >>> day("2026-03-01"), day(date(2026, 3, 1))
        (datetime.date(2026, 3, 1), datetime.date(2026, 3, 1))
        >>> day("March 1st")
        Traceback (most recent call last):
        ...
        orgroles.errors.OrgUsageError: not a day: 'March 1st' (write it YYYY-MM-DD)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise OrgUsageError(f"not a day: {value!r} (write it YYYY-MM-DD)")
