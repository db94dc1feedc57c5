"""Executive assistants of an import, marked so: a staff seat beside its manager.

An HR export has no column that says a seat is an assistant's; its job title does: an
"Executive Assistant", an "Assistant to the CEO", a "PA to the Dean", an "Office Manager &
EA". Read as any other seat, the assistant counts in the span of control of the executive
it serves, and a chart draws it below them among the direct reports. So an imported role
whose title reads as the catalogue's executive assistant (`infer_kind`), in the whole
title or in one of its parts joined by "&", "/", "+" or "and", is marked `assistant`,
when it reports to someone.

A title that only begins with "Assistant" is no assistant to a manager: an "Assistant
Professor", an "Assistant Manager", an "Assistant Director" or a "Dental Assistant" is
read as what it is by the catalogue, never as an executive assistant. An assistant whose
manager is an assistant too, or one of three or more under one manager (a pool of
assistants with its lead), is not marked: the lead's span is these assistants.

Examples:
    >>> roles = [
    ...     {"id": "1", "title": "CEO", "reports_to": None},
    ...     {"id": "2", "title": "Office Manager & EA", "reports_to": "1"},
    ...     {"id": "3", "title": "Assistant Professor", "reports_to": "1"},
    ... ]
    >>> mark_assistants(roles)
    [1]
    >>> roles[1]["assistant"], "assistant" in roles[2]
    (True, False)
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import repeat
from typing import TYPE_CHECKING, Any

from orgroles._internal.text import plural
from orgroles.catalog import infer_kind
from orgroles.errors import Problem
from orgroles.importers.id_forms import listed_lines

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator

__all__ = ["ASSISTANT_KIND", "assistant_notes", "mark_assistants", "reads_as_assistant"]

ASSISTANT_KIND = "executive-assistant"
"""The catalogue's kind of an executive assistant."""

_PARTS = re.compile(r"\s*(?:&|/|\+|\band\b|\bund\b|\bet\b|\be\b|\by\b|\ben\b)\s*", re.IGNORECASE)
_EA = frozenset({"ea", "e.a.", "e a"})
"""A part of a title that says executive assistant alone, as "Office Manager & EA" writes
it (a whole title "EA" too)."""

_POOL = 3
"""This many assistants or more under one manager are a pool: not marked."""


def reads_as_assistant(title: str, kind: str | None = None, *, read: bool = False) -> bool:
    """Whether a job title (whose kind, when known, is `kind`) is an executive
    assistant's. `read`: the whole title was already read against the catalogue (it
    gave `kind`, or none), so that only its parts are read.

    Examples:
        >>> reads_as_assistant("Executive Assistant to the CEO")
        True
        >>> reads_as_assistant("Executive Assistant / Office Manager", "office-manager")
        True
        >>> [reads_as_assistant(t) for t in ("Assistant Manager", "Dental Assistant")]
        [False, False]
    """
    if kind == ASSISTANT_KIND:
        return True
    parts = [p for p in _PARTS.split(title) if p]
    if len(parts) == 1 and parts[0].strip().lower() in _EA:
        return True
    if kind is None and len(parts) == 1 and not read:
        match = infer_kind(title)
        return match is not None and match.kind == ASSISTANT_KIND
    for part in parts if len(parts) > 1 else ():
        if part.strip().lower() in _EA:
            return True
        match = infer_kind(part)
        if match is not None and match.kind == ASSISTANT_KIND:
            return True
    return False


def mark_assistants(roles: list[dict[str, Any]]) -> list[int]:
    """Mark `assistant` the roles (plain data, as the import builds them, their titles
    already read for their kinds) whose titles say an executive assistant and that report
    to a role; return their positions."""
    # Each title and kind read once, and the roles walked only if one says an assistant:
    # a million roles of a few thousand titles, none an assistant's, cost three passes in C.
    titles, kinds = map(dict.get, roles, repeat("title")), map(dict.get, roles, repeat("kind"))
    keys = list(zip(titles, kinds, strict=True))
    saying = {key for key in set(keys) if key[0] and reads_as_assistant(key[0], key[1], read=True)}
    if not saying:
        return []
    found = [
        i
        for i, key in enumerate(keys)
        if key in saying
        and roles[i].get("reports_to") is not None
        and not roles[i].get("assistant")
    ]
    if not found:
        return found
    under = Counter(roles[i]["reports_to"] for i in found)
    helpers = {roles[i]["id"] for i in found}
    kept = [
        i
        for i in found
        if under[roles[i]["reports_to"]] < _POOL and roles[i]["reports_to"] not in helpers
    ]
    for i in kept:
        roles[i]["assistant"] = True
    return kept


def assistant_notes(roles: list[dict[str, Any]], locator: Locator) -> list[Problem]:
    """Mark the executive assistants among `roles` (`mark_assistants`); the note that says
    which, or none."""
    kept = mark_assistants(roles)
    if not kept:
        return []
    titles = list(dict.fromkeys(roles[i]["title"] for i in kept))
    what = (
        "an executive assistant from its title"
        if len(kept) == 1
        else "executive assistants from their titles"
    )
    shown = ", ".join(map(repr, titles[:3])) + (", ..." if len(titles) > 3 else "")
    return [
        Problem(
            f"{plural(len(kept), 'role')} read as {what} ({shown}): marked assistant, "
            "drawn beside their manager and outside the span of control "
            f"({listed_lines(locator, kept)})",
            locator.location(kept[0], "title"),
            locator.where(kept[0], "title"),
            code="assistant-titles",
        )
    ]
