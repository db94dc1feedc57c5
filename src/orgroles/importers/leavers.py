"""The seats of people who left while others still report to them: kept, vacant.

An export of all employees gives the last day of each person who left (a termination
date). That day ends the row's seat, as the person's job. But an HR tool often still
names the person who left as the manager of others, who have not been moved yet: the
seat is still there, and those people still report to it. Closing it would leave them
reporting to a seat that does not exist (S002 on every check after the last day).

So a seat whose holder's last day comes before the last day of someone who reports to it
(or who has none) stays open: the holder's time in it ends on that day instead
(`holder: [{person, end}]`), and the seat is vacant after it. One warning lists these
seats (code `kept-seats`).

Examples:
    >>> roles = [
    ...     {"id": "ceo", "holder": "ceo"},
    ...     {"id": "vp", "holder": "vp", "end": "2026-03-31", "reports_to": "ceo"},
    ...     {"id": "rep", "holder": "rep", "reports_to": "vp"},
    ... ]
    >>> keep_managed_seats(roles)
    [(1, '2026-03-31')]
    >>> roles[1]
    {'id': 'vp', 'holder': [{'person': 'vp', 'end': '2026-03-31'}], 'reports_to': 'ceo'}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["keep_managed_seats"]


def keep_managed_seats(roles: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """Keep open the seats (roles as plain data, dated by their rows) that someone still
    reports to after their `end`: the holder's tenure ends instead. Returns the position
    and the holder's last day of each seat kept, in order."""
    ends = {role["id"]: end for role in roles if (end := role.get("end")) is not None}
    if not ends:
        return []
    needed: set[str] = set()
    for role in roles:
        own_end = role.get("end")
        for boss, line_end in _managers(role):
            boss_end = ends.get(boss)
            if boss_end is None or boss in needed:
                continue
            last = min((d for d in (own_end, line_end) if d is not None), default=None)
            if last is None or last > boss_end:  # ISO days compare as text
                needed.add(boss)
    kept = [(k, role["end"]) for k, role in enumerate(roles) if role["id"] in needed]
    for k, _ in kept:
        _end_tenure(roles[k])
    return kept


def _managers(role: dict[str, Any]) -> Iterator[tuple[str, str | None]]:
    """The seats a role reports to (solid and dotted lines), each with the last day of
    the line (None: open)."""
    boss = role.get("reports_to")
    if isinstance(boss, str):
        yield boss, None
    elif isinstance(boss, list):
        for line in boss:
            if isinstance(line, dict) and isinstance(line.get("role"), str):
                yield line["role"], line.get("end")
    for other in role.get("dotted_to") or ():
        if isinstance(other, str):
            yield other, None


def _end_tenure(role: dict[str, Any]) -> None:
    """Move a seat's `end` to its holder's time in it (the seat stays open)."""
    end = role.pop("end")
    holder = role.get("holder")
    if isinstance(holder, str):
        tenure: dict[str, Any] = {"person": holder, "end": end}
        if role.pop("acting", False):
            tenure["acting"] = True
        role["holder"] = [tenure]
    elif isinstance(holder, list) and holder and isinstance(holder[-1], dict):
        holder[-1].setdefault("end", end)
