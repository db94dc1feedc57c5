"""Which trees a chart draws when it draws some of the org: chosen tops side by side
(`among_starts()`), or a root with some of its direct reports (`only_reports()`), as the
slides of a deck do.

Examples:
    >>> import orgroles
    >>> from orgroles.render.plan import chart_tops
    >>> org = orgroles.Org(roles=[orgroles.Role(id="a", reports_to="gone"),
    ...     orgroles.Role(id="b"), orgroles.Role(id="c", reports_to="b")])
    >>> among_starts(org.index, ["b", "gone"], chart_tops(org)[1])
    ([1, 'gone'], {'gone': [0]})
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgroles.errors import RenderError

if TYPE_CHECKING:
    from orgroles.index import Index

__all__ = ["among_starts", "only_reports"]


def among_starts(
    index: Index, among: Sequence[str], missing: dict[str, list[int]]
) -> tuple[list[int | str], dict[str, list[int]]]:
    """The starts of a chart of the trees under some roles and missing managers (by id,
    in the order given, each once), and the roles under those missing managers."""
    starts: list[int | str] = []
    chosen: dict[str, list[int]] = {}
    for name in dict.fromkeys(among):
        at = index.pos.get(name)
        if at is not None:
            starts.append(at)
        elif name in missing:
            starts.append(name)
            chosen[name] = missing[name]
        else:
            raise RenderError(f"no role {name!r}, and no role reports to a manager so named")
    return starts, chosen


def only_reports(
    index: Index,
    starts: list[int | str],
    missing: dict[str, list[int]],
    reports: Sequence[str],
    seen: bytearray,
) -> dict[str, list[int]]:
    """Leave out the direct reports of the chart's one top (a role, or a manager who is
    not in the org) that are not among `reports`: mark them as seen, or take them out of
    the missing manager's roles, which are returned."""
    if len(starts) != 1:
        raise RenderError("reports= draws some reports of one role: give root= (or missing=)")
    top = starts[0]
    kids = index.children.get(top, []) if isinstance(top, int) else missing[top]
    chosen = {index.pos.get(r, -1) for r in reports}
    strangers = chosen - set(kids)
    if strangers:
        name = next(r for r in reports if index.pos.get(r, -1) in strangers)
        boss = index.ids[top] if isinstance(top, int) else top
        raise RenderError(f"not a direct report of {boss!r}: {name!r}")
    if isinstance(top, str):
        return {top: [k for k in kids if k in chosen]}
    for k in kids:
        if k not in chosen:
            seen[k] = 1
    return missing
