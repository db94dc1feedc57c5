"""The other name of each person in an export, to find managers written with it.

Many HR tools export a person's legal first and last names and, beside them, the name
they go by: a display name ("Bea Quint" for Beatrix Quint: HiBob, Kenjo, directories) or a
preferred first name ("Kat" for Katharina Morrow: Humaans, Workday). The manager column
is then often written with that other name, which no row's name matches. An export with a
display name as its name column may have the first and last names too, and a manager
column written with those.

So the import reads, beside the name columns, one more column of names when the header
has one (`OTHER_NAMES`, among the columns that no option maps): a preferred first name
(a single word) goes before the last name. A manager name that matches no row's name is
then looked for among these names (a note says so, code `other-name`), and a row with no
name takes its other one (a directory's service account has a display name only).

Examples:
    >>> from orgroles.importers.tables import RecordRows
    >>> table = RecordRows([
    ...     {"First name": "Katharina", "Last name": "Morrow", "Preferred name": "Kat"},
    ...     {"First name": "Theodore", "Last name": "Ashby", "Preferred name": ""},
    ... ])
    >>> names = ["Katharina Morrow", "Theodore Ashby"]
    >>> other_names(table, ("First name", "Last name"), ("Preferred name",), names)
    (['Katharina Morrow', 'Theodore Ashby'], ['Kat Morrow', None])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from orgroles.importers.header_names import FIRST, FULL, LAST, header_key, names

__all__ = ["OTHER_NAMES", "other_column", "other_name", "other_names"]

OTHER_NAMES = (
    *names(
        "display name, preferred name, preferred full name, preferred first name, known as, "
        "nickname, chosen name, usual name, nom d usage, rufname, kutsumanimi"
    ),
    *FULL,
)
"""The headers of a column of the names people go by, beside their name columns."""


def other_column(columns: Iterable[str]) -> str | None:
    """The column of other names among `columns`: the one whose header comes first in
    `OTHER_NAMES` ("Display name" before "Name"), or None.

    Examples:
        >>> other_column(["Name", "Display name", "Email"])
        'Display name'
    """
    keys: dict[str, str] = {}
    for column in columns:
        keys.setdefault(header_key(column), column)
    return next((keys[n] for n in OTHER_NAMES if n in keys), None)


def other_name(value: str, last: str | None) -> str:
    """A person's other name as written in its column: a preferred first name (one word)
    goes before the last name."""
    return f"{value} {last}" if last and " " not in value else value


class _Texts(Protocol):
    def texts(self, column: str) -> list[str | None]: ...


def other_names(
    table: _Texts,
    name_cols: Sequence[str],
    spare_cols: Sequence[str],
    names_read: list[str | None],
) -> tuple[list[str | None], list[str | None] | None]:
    """The rows' names, and each row's other name (None when it has none, or the same),
    from the first column of `spare_cols` (those no option maps) that the header names as
    one: a display or preferred name beside first and last name columns, or a first and a
    last name beside a single name column. A row without a name (in `names_read`) takes
    its other one. The other names are None when no column holds them."""
    keys = {header_key(c): c for c in spare_cols}
    found: list[str | None] | None = None
    if len(name_cols) == 1:
        first = next((c for k, c in keys.items() if k in FIRST), None)
        last = next((c for k, c in keys.items() if k in LAST), None)
        if first is not None and last is not None:
            pairs = zip(table.texts(first), table.texts(last), strict=True)
            found = [f"{a} {b}" if a and b else None for a, b in pairs]
    else:
        column = other_column(spare_cols)
        if column is not None:
            lasts = table.texts(name_cols[-1]) if len(name_cols) > 1 else None
            found = []
            for i, value in enumerate(table.texts(column)):
                found.append(other_name(value, lasts[i] if lasts else None) if value else None)
    if found is None:
        return names_read, None
    names_out = names_read
    for i, other in enumerate(found):
        if other is None:
            continue
        if names_read[i] is None:
            if names_out is names_read:
                names_out = list(names_read)  # the table's own list may be shared
            names_out[i] = other
        if other == names_out[i]:
            found[i] = None
    return names_out, (found if any(found) else None)
