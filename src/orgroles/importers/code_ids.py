"""An id column named for the person: "Medewerker" (AFAS), "Employee", "Mitarbeiter".

Some payrolls give the personnel number under the word for the employee, and the names in
columns of their own: AFAS's "Medewerker" column holds 1001, 1002, ... When no column has
the name of an id, a column named as a person's name (`FULL`) whose every value is a code
(digits, with letters or separators around them: `1001`, `E-0042`, `000117`), each on one
row only, is the id column. A name column whose values are names is not one.

Examples:
    >>> rows = {"Medewerker": ["1001", "1002"], "Achternaam": ["Lima", "Diaz"],
    ...         "Employee": ["Ana Lima", "Bo Diaz"]}
    >>> code_column(["Medewerker", "Achternaam"], lambda c: rows[c])
    'Medewerker'
    >>> code_column(["Employee", "Achternaam"], lambda c: rows[c]) is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from orgroles.importers.header_names import FULL, header_key

__all__ = ["code_column"]

_PERSON = frozenset(FULL)
_CODE = re.compile(r"[A-Za-z]{0,4}[-_/.]?\d[\d\-_/.]*[A-Za-z]?")


def code_column(
    header: Sequence[str],
    values: Callable[[str], Sequence[str | None]],
    taken: Collection[str] = (),
    *,
    names: Collection[str] = _PERSON,
    code: re.Pattern[str] = _CODE,
) -> str | None:
    """The first column of `header`, not `taken`, whose name (as `header_key` writes it)
    is among `names` (a person's, by default) and that holds a different `code` on each
    row that has a value; None when there is none."""
    for column in header:
        if column in taken or header_key(column) not in names:
            continue
        cells = [v.strip() for v in values(column) if v and v.strip()]
        if cells and len(set(cells)) == len(cells) and all(code.fullmatch(c) for c in cells):
            return column
    return None
