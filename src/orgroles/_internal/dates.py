"""Days given by users: a `datetime.date`, or its `YYYY-MM-DD` text."""

from __future__ import annotations

import re
from datetime import date, datetime

from orgroles.errors import OrgUsageError

__all__ = ["day", "day_format"]


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


_SPELLED = {"yyyy": "%Y", "yy": "%y", "mm": "%m", "dd": "%d"}
_SPELLED_PART = re.compile(r"yyyy|yy|mm|dd", re.IGNORECASE)


def day_format(fmt: str) -> str:
    """A format of days for `datetime.strptime()`, checked: it must use `%` directives,
    and only those Python knows. A format spelled out (`DD/MM/YYYY`) is an
    `OrgUsageError` that gives the directives to write.

    Examples:
        >>> day_format("%d.%m.%Y")
        '%d.%m.%Y'
        >>> day_format("DD/MM/YYYY")
        Traceback (most recent call last):
        ...
        orgroles.errors.OrgUsageError: the date format 'DD/MM/YYYY' has no % directive: write it %d/%m/%Y (strptime's directives)
    """  # noqa: E501
    if "%" not in fmt:
        written = _SPELLED_PART.sub(lambda m: _SPELLED[m.group(0).lower()], fmt)
        hint = f"write it {written}" if written != fmt else "such as %d/%m/%Y"
        raise OrgUsageError(
            f"the date format {fmt!r} has no % directive: {hint} (strptime's directives)"
        )
    try:
        datetime.strptime("", fmt)
    except ValueError as exc:
        if "directive" in str(exc):
            raise OrgUsageError(f"the date format {fmt!r}: {exc}") from None
    return fmt
