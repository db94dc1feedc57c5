"""A document's sections indexed by id, and its dated records checked, every problem located.

What `OrgCore` does first with a validated document: repeated ids
and malformed dates are load errors that name their place in the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from typing import Any

from orgroles.errors import Problem
from orgroles.io.problems import duplicate_ids, format_where, invisible_ids, normal_id, visible
from orgroles.io.reader import Source
from orgroles.limits import MAX_ROLES
from orgroles.model import Role
from orgroles.model.dates import form_problems, malformed

__all__ = ["date_problems", "index_by_id"]

_ID = attrgetter("id")


def date_problems(
    roles: tuple[Role, ...], positions: list[int], source: Source | None
) -> list[Problem]:
    """Malformed dates of the dated records, each located at its key in the file."""
    problems = []
    for i in positions:
        if not malformed(roles[i]):  # the fast test, for the many records that are fine
            continue
        for where, message in form_problems(roles[i]):
            loc = ("roles", i, *where)
            location = source.location(loc) if source is not None else None
            problems.append(Problem(message, location, where=format_where(loc), code="dates"))
    return problems


def index_by_id(
    items: Iterable[Any], section: str, source: Source | None, problems: list[Problem]
) -> dict[str, Any]:
    """Index items by id; every repeated id adds a problem located at the repeat."""
    items = list(items)
    if len(items) > MAX_ROLES:
        where = source.location((section,)) if source else None
        problems.append(
            Problem(
                f"too many {section} ({len(items):,}; the limit is {MAX_ROLES:,})",
                where,
                where=section,
                code="too-large",
            )
        )
        return {}
    ids = list(map(_ID, items))  # in C: a few hundredths of a second per million items
    table = dict(zip(ids, items, strict=True))
    unicode_ids = [] if all(map(str.isascii, ids)) else [rid for rid in table if not rid.isascii()]
    clash = len({normal_id(rid) for rid in unicode_ids}) != len(unicode_ids)
    locate = source.location if source else (lambda loc: None)
    if len(table) != len(items) or clash:  # the caller raises: which one is kept is moot
        problems += duplicate_ids(section, (x.id for x in items), locate)
    if unicode_ids and not all(visible(rid) for rid in unicode_ids):
        problems += invisible_ids(section, (x.id for x in items), locate)
    return table
