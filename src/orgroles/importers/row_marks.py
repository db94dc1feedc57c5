"""Where each node of an imported org came from: its file's row and column.

`build_document()` gives the source of an import these `Marks`, so that a problem found
in the org document (a bad value, a dangling manager) names the CSV line and column, or
the record and key, of the cell it came from.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from orgroles.errors import Problem

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator

__all__ = ["RowMarks"]

_WHERE = re.compile(r"^(roles|people|teams)\[(\d+)\](?:\.([^.]+)(?:\.(.+))?)?$")
_DAYS = ("start", "end")
_ROLE_FIELDS = {"reports_to": "manager", "dotted_to": "manager"}
_TEAM_FIELDS = {"id": "department", "name": "department", "members": "department"}


class RowMarks:
    """The `Marks` of an import: org nodes back to file cells."""

    def __init__(
        self,
        locator: Locator,
        n_roles: int,
        person_rows: list[int],
        team_rows: list[int],
        holders: list[str | None] | None,
    ) -> None:
        self._locator = locator
        self._n_roles = n_roles
        self._person_rows = person_rows
        self._team_rows = team_rows
        self._person_id = "id" if holders is None else "holder"

    def _cell(self, loc: tuple[str | int, ...]) -> tuple[int, str] | None:
        """The row and the field (or meta key) that a node of the document came from."""
        if len(loc) < 2 or not isinstance(loc[1], int):
            return None
        section, i = loc[0], loc[1]
        part = str(loc[2]) if len(loc) > 2 else "id"
        if section == "roles" and i < self._n_roles:
            if part == "meta" and len(loc) > 3:
                return i, str(loc[3])
            if part == "holder":  # a dated holder's day is in its column
                day = str(loc[4]) if len(loc) > 4 else None
                return i, day if day in _DAYS else self._person_id
            return i, _ROLE_FIELDS.get(part, part)
        if section == "people" and i < len(self._person_rows):
            return self._person_rows[i], self._person_id if part == "id" else part
        if section == "teams" and i < len(self._team_rows):
            return self._team_rows[i], _TEAM_FIELDS.get(part, "department")
        return None

    def position(self, loc: tuple[str | int, ...], *, key: bool = False) -> tuple[int, int] | None:
        cell = self._cell(loc)
        where = self._locator.location(*cell) if cell is not None else None
        if where is None or where.line is None:
            return None
        return where.line, where.column or 1

    def items(self, section: str) -> list[tuple[int, int]]:
        rows = {
            "roles": range(self._n_roles),
            "people": self._person_rows,
            "teams": self._team_rows,
        }.get(section, ())
        out = []
        for i in rows:
            where = self._locator.location(i, "id" if section == "roles" else self._person_id)
            if where is None or where.line is None:
                return []
            out.append((where.line, where.column or 1))  # where the id is written
        return out

    def relocate(self, problem: Problem) -> Problem:
        """A validation problem, pointed at the cell it comes from rather than the org node."""
        m = _WHERE.match(problem.where)
        if m is None:
            return problem
        section, index, part, rest = m.groups()
        loc: tuple[str | int, ...] = (section, int(index), *(p for p in (part, rest) if p))
        cell = self._cell(loc)
        if cell is None:
            return problem
        return Problem(
            problem.message,
            self._locator.location(*cell),
            self._locator.where(*cell),
            problem.code,
        )
