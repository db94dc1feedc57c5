"""Manager ids written as the same number in another form than the rows' ids.

Spreadsheets and pandas rewrite numeric ids on the way out: a column with an empty cell
becomes floats (`2.0` for `2`), and leading zeros are dropped in one column and kept in
another (`42` for `0042`). When a manager id matches no row but exactly one row's id
writes the same whole number, the import reads it as that row, and says so.

Examples:
    >>> number_form("0042"), number_form("2.0"), number_form("7"), number_form("000")
    ('42', '2', '7', '0')
    >>> number_form("A7"), number_form("2.5"), number_form("1e3"), number_form("")
    (None, None, None, None)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from orgroles.errors import Problem

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator

__all__ = ["match_number_forms", "number_form"]

_WHOLE = re.compile(r"0*(\d+)(?:\.0*)?")


def number_form(text: str) -> str | None:
    """The whole number an id writes, without leading zeros; None when it writes none."""
    found = _WHOLE.fullmatch(text)
    return found.group(1) if found else None


def match_number_forms(
    ids: list[str],
    reports_to: list[str | None],
    dotted: dict[int, tuple[str, ...]],
    locator: Locator,
) -> list[Problem]:
    """Read each manager id that matches no row as the one row with the same number.

    `reports_to` and `dotted` are changed in place. The result has a note for each id read
    so; an id that no row's number matches, or several do (`7` and `007`), is left as it is
    (a dangling reference, for the rules to report).
    """
    known = set(ids)
    unknown = [i for i, manager in enumerate(reports_to) if manager is not None]
    unknown = [i for i in unknown if reports_to[i] not in known]
    if not unknown and all(v in known for values in dotted.values() for v in values):
        return []
    by_number: dict[str, list[str]] = {}
    for rid in ids:
        key = number_form(rid)
        if key is not None:
            by_number.setdefault(key, []).append(rid)
    notes: list[Problem] = []

    def read(i: int, value: str) -> str:
        key = number_form(value)
        found = by_number.get(key, []) if key is not None else []
        if len(found) != 1:
            return value
        notes.append(
            Problem(
                f"no row has the manager id {value!r}; the row {found[0]!r} writes the same "
                f"number, so it is read as {found[0]!r} (a spreadsheet or pandas may have "
                "rewritten the ids)",
                locator.location(i, "manager"),
                locator.where(i, "manager"),
                code="number-form",
            )
        )
        return found[0]

    for i in unknown:
        reports_to[i] = read(i, reports_to[i])  # type: ignore[arg-type]  # not None: above
    for i, values in dotted.items():
        dotted[i] = tuple(v if v in known else read(i, v) for v in values)
    return notes
