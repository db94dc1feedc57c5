"""Kinds for imported roles: each job title read against the catalogue, as it is imported.

Examples:
    >>> roles = [{"id": "1", "title": "Directrice technique"}, {"id": "2", "title": "Sales"}]
    >>> infer_kinds(roles)
    >>> roles[0]["kind"], roles[0]["kind_from"], roles[1]["family"]
    ('cto', 'title', 'sales')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from orgroles.catalog import builtin_catalog, infer_kind, infer_seniority

if TYPE_CHECKING:
    from orgroles.catalog.titles import KindMatch

__all__ = ["Cell", "infer_kinds"]

Cell = str | list[str] | None
"""A manager or department cell: one value, several (a list), or none."""


def infer_kinds(
    roles: list[dict[str, Any]],
    departments: Sequence[Cell] | None = None,
    hints: Sequence[tuple[str, ...]] | None = None,
) -> None:
    """Fill in the kind (or the family) and the seniority of every role with a title and no
    kind, from its title, with its departments as hints (`orgroles.catalog.infer_kind()`).

    The role records `kind_from`, so that a dump shows the inferred kinds apart from the
    declared ones; a kind given in the data is never changed. A title that two kinds
    share and that the department does not settle ("CPO") is then read with the families
    of the role's direct reports (`kind_from: reports`).
    """
    # An export repeats a few hundred titles: each title (with its departments) is read
    # once, and the rows that repeat it get the same answer.
    read: dict[tuple[str, tuple[str, ...]], tuple[KindMatch | None, str | None]] = {}
    untold: list[tuple[int, tuple[str, ...]]] = []  # no answer: the reports may give one
    for i, role in enumerate(roles):
        title = role.get("title")
        if not title or role.get("kind") is not None:
            continue
        cell = departments[i] if departments is not None else None
        department: tuple[str, ...] = (
            () if cell is None else (cell,) if isinstance(cell, str) else tuple(cell)
        )
        if hints is not None:
            department += hints[i]
        answer = read.get((title, department))
        if answer is None:
            found = infer_kind(title, department=department or None)
            answer = read[title, department] = (
                found,
                infer_seniority(title) if found is None else None,
            )
        match, seniority = answer
        if match is None:
            if seniority is not None:
                role["seniority"] = seniority
            if role.get("family") is None:
                untold.append((i, department))
            continue
        _fill(role, match)
    if untold:
        _by_reports(roles, untold)


def _fill(role: dict[str, Any], match: KindMatch) -> None:
    if match.kind is not None:
        role["kind"] = match.kind
    else:
        role["family"] = match.family
    role["kind_from"] = match.source
    if match.seniority is not None:
        role["seniority"] = match.seniority


def _by_reports(roles: list[dict[str, Any]], untold: list[tuple[int, tuple[str, ...]]]) -> None:
    """Read again the titles of `untold` roles that have reports, with their families."""
    below: dict[Any, list[int]] = {}
    for j, role in enumerate(roles):
        boss = role.get("reports_to")
        if isinstance(boss, str):
            below.setdefault(boss, []).append(j)
    kinds = builtin_catalog().kinds
    for i, department in untold:
        role = roles[i]
        reports = below.get(role.get("id"))
        if not reports:
            continue
        families = []
        for j in reports:
            kind = kinds.get(roles[j].get("kind") or "")
            families.append(kind.family if kind is not None else roles[j].get("family"))
        match = infer_kind(role["title"], department=department or None, reports=families)
        if match is not None:
            _fill(role, match)
