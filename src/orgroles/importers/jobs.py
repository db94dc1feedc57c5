"""A person in two jobs, in an export of people that has a position column too.

Workday's additional jobs, ADP's multiple positions and Oracle HCM's secondary
assignments are each one more row of the same person: the same employee id, the same
name, another job. Read by the employee id, the second row is a duplicate id. When the
header also has a column of positions (`POSITIONS`: "Position ID", "Position Number")
whose every row has one of its own, each row is a seat known by its position, and the
employee id is the person in it (`holder_col`); a manager given by an employee id is
then the seat that person holds (see `orgroles.importers.managers`).

Examples:
    >>> values = {"Associate ID": ["A1", "A2", "A2"], "Position ID": ["P1", "P2", "P3"],
    ...           "Name": ["Ana", "Bo", "Bo"]}
    >>> jobs_by_position("Associate ID", "Position ID", ("Name",), values.__getitem__)
    True
    >>> values["Name"][2] = "Cy"  # two people given one id: not two jobs
    >>> jobs_by_position("Associate ID", "Position ID", ("Name",), values.__getitem__)
    False
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["jobs_by_position"]


def jobs_by_position(
    id_col: str,
    position: str | None,
    name_cols: Sequence[str],
    values: Callable[[str], Sequence[str | None]],
) -> bool:
    """Whether the rows are jobs known by `position` rather than people known by `id_col`:
    some id is on several rows, each time with the same name (one person in several jobs),
    and every row has a position of its own."""
    if position is None or position == id_col or not name_cols:
        return False
    ids = values(id_col)
    if len(set(ids)) == len(ids):
        return False
    seats = values(position)
    if any(not p for p in seats) or len(set(seats)) != len(seats):
        return False
    columns = [values(c) for c in name_cols]
    first: dict[str, tuple[str | None, ...]] = {}
    for i, rid in enumerate(ids):
        if rid is None:
            continue
        name = tuple(column[i] for column in columns)
        if first.setdefault(rid, name) != name or not any(name):
            return False  # two people given one id: a duplicate id, reported as such
    return True
