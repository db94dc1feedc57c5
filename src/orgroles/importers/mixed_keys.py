"""Manager cells of a column that mixes ids, emails and names, as a sheet kept by hand does.

A column of managers' names may hold a manager's email here and an employee id there
("Bo Diaz", "ana@acme.example", "2"). A cell that matches no row by the column's reading
(names, or emails) but is exactly one row's id, or one row's email (in a column of
names) or name (in a column of emails), is read as that row, and one warning says so.

Examples:
    >>> keys = MixedKeys(["1", "2"], ["ana@acme.example", None], ["Ana Lima", "Bo Diaz"],
    ...                  by_email=False, email_key=str.casefold)
    >>> keys.read("ana@acme.example"), keys.read("2"), keys.read("Cy Moss")
    ((0, 'email'), (1, 'id'), None)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgroles.errors import Problem
from orgroles.importers.id_forms import loose_name, rows_by

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from orgroles.importers.rows import Locator

__all__ = ["MixedKeys", "mixed_note"]


class MixedKeys:
    """The rows by id, and by email or by name (the reading the column does not do);
    the indexes are made on first use."""

    def __init__(
        self,
        ids: Sequence[str | None],
        emails: Sequence[str | None],
        names: Sequence[str | None],
        *,
        by_email: bool,
        email_key: Callable[[str], str],
    ) -> None:
        self._ids = ids
        self._other = ("name", names, loose_name) if by_email else ("email", emails, email_key)
        self._tables: list[tuple[str, dict[str, list[int]], Callable[[str], str]]] | None = None

    def read(self, value: str) -> tuple[int, str] | None:
        """The one row whose id, email or name `value` is, and which of them; None when
        no row, or several, have it."""
        if self._tables is None:
            what, texts, key = self._other
            self._tables = [("id", rows_by(self._ids, str.strip), str.strip)]
            self._tables.append((what, rows_by(texts, key), key))
        found = {
            (rows[0], what)
            for what, table, key in self._tables
            if len(rows := table.get(key(value), [])) == 1
        }
        if len({row for row, _ in found}) != 1:
            return None
        return min(found)  # one row: by its id first


def mixed_note(found: list[tuple[int, str, int, str]], what: str, locator: Locator) -> Problem:
    """One note for the manager cells read by another key: (row, cell, the row it names,
    which key) of each, the first located."""
    i, value, row, key = found[0]
    more = len(found) - 1
    others = f", and {more:,} more cell{'s' if more > 1 else ''} like it" if more else ""
    return Problem(
        f"no row has the manager {what} {value!r}, but it is the {key} of {locator.line(row)}: "
        f"read as that row{others}",
        locator.location(i, "manager"),
        locator.where(i, "manager"),
        code="mixed-manager",
    )
