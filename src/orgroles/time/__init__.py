"""Orgs over time: the history of a dated org, its replay, and its numbers per period.

An org file may date its seats (`start`, `end`), their holders and their reporting
lines (see docs/file-format.md). Loading keeps those dated records and shows the org as
of one day (`orgroles.core` says how: `org.as_of(day)` is the plain org of a
day). This package holds the free functions over the records:

- `history()`: the `Change` items, in date order: seats opened and closed,
  holders in and out, interims started and ended, moves;
- `founding()` and `replay()`: the org before any change, and the org rebuilt by
  applying changes to it (`replay(founding(org), history(org), until=d)` has the roles
  of `org.as_of(d)` on every past day);
- `change_days()`: the days on which the org changes;
- `timeline()`: a pandas table of headcount, seats, vacancies, planned seats,
  managers, layers and median span per period and family.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/scaleup_over_time.yaml", today="2026-05-15")
    >>> org.as_of("2024-09-01").roles["cto"].holder
    'camille'
"""

from __future__ import annotations

from orgroles.time.history import (
    CHANGE_KINDS,
    Change,
    ChangeKind,
    change_days,
    founding,
    history,
    replay,
)
from orgroles.time.timeline import FREQUENCIES, timeline

__all__ = [
    "CHANGE_KINDS",
    "FREQUENCIES",
    "Change",
    "ChangeKind",
    "change_days",
    "founding",
    "history",
    "replay",
    "timeline",
]
