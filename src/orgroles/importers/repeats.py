"""Some rows of an import: a row exported twice left out, and the rows kept located.

A report that joins people with another table (their addresses, their cost centres)
repeats a person's row when the other table has two lines for them; a merge of two
exports repeats the people they share. Such a row is the same in every column as an
earlier one: `drop_repeats()` leaves it out, with one warning. A row that repeats an id
with any other value (one person in two positions, two people given one id) is still a
duplicate id, which the import reports as an error.

Examples:
    >>> from orgroles.importers.csv_map import RecordLocator
    >>> from orgroles.importers.columns import Columns
    >>> rows = Rows(ids=["1", "2", "2"], names=["Ana", "Bo", "Bo"], titles=[None] * 3,
    ...             emails=[None] * 3, managers=[None, "1", "1"], metas=[{}, {}, {}])
    >>> locator = RecordLocator(Columns().resolve(["id"]))
    >>> kept, at = drop_repeats(rows, locator, lambda i: (rows.names[i], rows.managers[i]))
    >>> kept.ids, at.line(1), kept.notes[0].message
    (['1', '2'], 'records[1]', 'a row exported twice? The same values as records[1] in every column: left out')
"""  # noqa: E501

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Hashable
from typing import Any

from orgroles.errors import Location, Problem
from orgroles.importers.rows import Locator, Rows

__all__ = ["SubsetLocator", "drop_repeats", "subset_rows"]


def drop_repeats(
    rows: Rows, locator: Locator, written: Callable[[int], Hashable | None]
) -> tuple[Rows, Locator]:
    """The rows without those that repeat an earlier row with the same id as it is
    written (`written(i)`: the row as written, or None for one that cannot be compared),
    and their locator; a note (in `rows.notes`) at the first one left out, that names
    the others. The rows and locator themselves when no row is left out.

    An open seat (no holder; or no name and no email, where other rows have them) is never
    left out: two open seats with one id are a duplicate id, which the import reports."""
    ids = rows.ids
    if len(set(ids)) == len(ids):  # the usual case, in C
        return rows, locator
    repeated = {rid for rid, n in Counter(ids).items() if n > 1 and rid is not None}
    first: dict[tuple[str, Hashable], int] = {}  # the first row of each id and values
    dropped: list[tuple[int, int]] = []
    named = any(rows.names) or any(rows.emails)
    for i, rid in enumerate(ids):
        if rid not in repeated or i in rows.skip or _open(rows, i, named):
            continue
        key = written(i)
        if key is None:
            continue
        j = first.setdefault((rid, key), i)  # one look-up a row, not one per earlier row
        if j != i:
            dropped.append((i, j))
    if not dropped:
        return rows, locator
    i, j = dropped[0]
    others = [locator.line(k) for k, _ in dropped[1:11]]
    if len(dropped) > 11:
        others.append(f"{len(dropped) - 11:,} more")
    listed = " and ".join([", ".join(others[:-1]), others[-1]] if len(others) > 1 else others)
    so = f"; so are {listed}, each the same as an earlier row" if others else ""
    rows.notes.append(
        Problem(
            f"a row exported twice? The same values as {locator.line(j)} in every column: "
            f"left out{so}",
            locator.location(i, "id"),
            locator.where(i, "id"),
            code="repeated-row",
        )
    )
    gone = {i for i, _ in dropped}
    kept = [k for k in range(len(ids)) if k not in gone]
    return subset_rows(rows, kept), SubsetLocator(locator, kept)


def _open(rows: Rows, i: int, named: bool) -> bool:
    """Whether row `i` is an open seat: no holder, or no name and no email where other
    rows have them."""
    if rows.holders is not None:
        return not rows.holders[i]
    return named and not rows.names[i] and not rows.emails[i]


def subset_rows(rows: Rows, kept: list[int]) -> Rows:
    """The rows at these positions, every list field picked in that order (the problems
    and notes are the same lists)."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(rows):
        value = getattr(rows, f.name)
        if f.name in ("problems", "notes"):
            continue
        if f.name == "skip":
            where = {old: new for new, old in enumerate(kept)}
            changes["skip"] = {where[i] for i in value if i in where}
        elif isinstance(value, list):
            changes[f.name] = [value[i] for i in kept]
    return dataclasses.replace(rows, **changes)


class SubsetLocator:
    """A locator of some rows of another one: row `k` is the other's `kept[k]`."""

    def __init__(self, locator: Locator, kept: list[int]) -> None:
        self._locator, self._kept = locator, kept

    def location(self, row: int, what: str) -> Location | None:
        return self._locator.location(self._kept[row], what)

    def where(self, row: int, what: str) -> str:
        return self._locator.where(self._kept[row], what)

    def line(self, row: int) -> str:
        return self._locator.line(self._kept[row])
