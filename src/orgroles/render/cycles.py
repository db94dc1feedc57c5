"""Reporting cycles in a chart: where each is cut, and the line that says so.

A cycle has no top, so a chart draws it from one of its roles (`cycle_tops()`), without
that role's line to its manager, and names it under the chart's title (`cycle_note()`).
A role that reports to itself is drawn as a top, and named there too (`self_note()`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from orgroles.render import words

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["cycle_note", "cycle_tops", "on_cycle", "on_self", "self_note"]


def cycle_tops(org: OrgCore) -> list[int]:
    """One role of each reporting cycle, so that roles no top reaches are drawn too."""
    index = org.index
    parent, depth = index.parent, index.depth
    state = bytearray(len(index))  # 0 unseen, 1 on the current walk, 2 done
    tops = []
    for i in range(len(index)):
        if depth[i] != -1 or state[i]:
            continue
        path = []
        j = i
        while j >= 0 and state[j] == 0:
            state[j] = 1
            path.append(j)
            j = parent[j]
        if j >= 0 and state[j] == 1:
            tops.append(j)
        for k in path:
            state[k] = 2
    return tops


def on_cycle(org: OrgCore, starts: Sequence[int | str]) -> list[int]:
    """The starts of a chart that lie on a reporting cycle (drawn from there, cut)."""
    index = org.index
    depth, parent = index.depth, index.parent
    found = []
    for s in starts:
        if isinstance(s, int) and depth[s] == -1:
            j = parent[s]
            for _ in range(len(index)):
                if j < 0 or j == s:
                    break
                j = parent[j]
            if j == s:
                found.append(s)
    return found


def cycle_note(org: OrgCore, start: int, lang: str) -> str:
    """The line under a chart's title that names the reporting cycle drawn from `start`.

    Examples:
        >>> import orgroles
        >>> org = orgroles.Org(roles=[orgroles.Role(id="a", reports_to="c"),
        ...     orgroles.Role(id="b", reports_to="a"), orgroles.Role(id="c", reports_to="b")])
        >>> cycle_note(org, 0, "en")
        '⚠ Reporting cycle: a → c → b → a (drawn from a, the line from a to c left out)'
    """
    index = org.index
    ids, parent = index.ids, index.parent
    path = [start]
    j = parent[start]
    while j != start and len(path) < 8:
        path.append(j)
        j = parent[j]
    shown = " → ".join(ids[k] for k in path) + (" → …" if j != start else "")
    return "⚠ " + words.word("cycle", lang).format(
        path=f"{shown} → {ids[start]}" if j == start else shown,
        top=ids[start],
        manager=ids[parent[start]],
    )


def on_self(org: OrgCore, shown: Iterable[int]) -> list[int]:
    """The roles among `shown` that report to themselves, in order."""
    found = set(org.index.self_reports)
    return sorted(i for i in shown if i in found) if found else []


def self_note(org: OrgCore, roles: Sequence[int], lang: str) -> str:
    """The line under a chart's title that names the roles that report to themselves
    (the first three, and how many more).

    Examples:
        >>> import orgroles
        >>> org = orgroles.Org(roles=[orgroles.Role(id="a", reports_to="a")])
        >>> self_note(org, [0], "en")
        '⚠ a reports to itself (drawn at the top)'
        >>> org = orgroles.Org(roles=[orgroles.Role(id=c, reports_to=c) for c in "abcde"])
        >>> self_note(org, range(5), "en")
        '⚠ 5 roles report to themselves (drawn at the top): a, b, c and 2 more'
    """
    ids = [org.index.ids[i] for i in roles]
    if len(ids) == 1:
        return "⚠ " + words.word("self_report", lang).format(id=ids[0])
    named = ", ".join(ids[:3]) + (
        words.word("and_more", lang).format(n=len(ids) - 3) if len(ids) > 3 else ""
    )
    return "⚠ " + words.word("self_reports", lang).format(n=len(ids), ids=named)
