"""Today's date, in one place, so that tests and docs can fix it.

A dated org shows itself as of today by default, and a seat that starts after today is
planned. `today()` reads the clock, or the `ORGROLES_TODAY` environment variable
(`YYYY-MM-DD`) when it is set: reproducible docs, tests and CI runs set it, or patch
this function.
"""

from __future__ import annotations

import datetime
import os

__all__ = ["today"]


def today() -> datetime.date:
    """The local date, or the day `ORGROLES_TODAY` names.

    Examples:
        >>> import os
        >>> os.environ["ORGROLES_TODAY"] = "2026-05-04"
        >>> today()
        datetime.date(2026, 5, 4)
        >>> del os.environ["ORGROLES_TODAY"]
    """
    fixed = os.environ.get("ORGROLES_TODAY")
    if fixed:
        return datetime.date.fromisoformat(fixed)
    return datetime.date.today()
