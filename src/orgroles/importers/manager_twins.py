"""A column of the managers' ids beside the column of their names.

Some exports give the manager twice: by name ("Reporting To", a column of the usual
names) and by employee number ("Reporting Manager Employee Number", Keka's). Names may
be shared by two people, ids never: when a column named for a manager holds, row by
row, the ids of the people the name column names, it is read instead.

Examples:
    >>> ids = ["1", "2", "3"]
    >>> person = {"Ana Lima": "1", "Bo Diaz": "2"}.get
    >>> names = [None, "Ana Lima", "Bo Diaz"]
    >>> id_twin(names, person, {"Boss No": [None, "1", "2"], "Cost No": ["9", "9", "9"]})
    'Boss No'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

__all__ = ["id_twin"]

_AGREE = 0.9
"""The share of the rows whose manager both columns name that must agree."""


def id_twin(
    names: Sequence[str | None],
    person: Callable[[str], str | None],
    columns: Mapping[str, Sequence[str | None]],
) -> str | None:
    """The first of `columns` whose cells are the ids of the managers `names` gives, on
    nine rows in ten where both are given and the name is one person's (`person`: the
    id of the one row of a name, None for a name shared or unknown); None if none."""
    for column, cells in columns.items():
        agree = differ = 0
        for name, cell in zip(names, cells, strict=True):
            if not name or not cell:
                continue
            meant = person(name)
            if meant is None:
                continue
            if meant == cell.strip():
                agree += 1
            else:
                differ += 1
        if agree and agree >= _AGREE * (agree + differ):
            return column
    return None
