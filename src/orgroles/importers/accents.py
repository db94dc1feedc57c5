"""A manager name written without its accents, or with others, read as the one row whose
name it is: "Marta Wisniewska" for "Marta Wiśniewska", as a system that keeps ASCII only
writes it (a payroll export beside an HR tool's names).

Examples:
    >>> read = Unaccented(["Marta Wiśniewska", "Jose Diaz", "José Díaz", None])
    >>> read("Marta Wisniewska"), read("MARTA WISNIEWSKA"), read("Jose Diaz")
    (0, 0, None)
"""

from __future__ import annotations

from collections.abc import Sequence

from orgroles.catalog._title_text import fold

__all__ = ["Unaccented"]


class Unaccented:
    """The one row whose name a manager cell writes, accents aside (None: no row, or
    several: "Jose Diaz" is two people when both are written); the index is made on the
    first call."""

    def __init__(self, names: Sequence[str | None]) -> None:
        self._names = names
        self._index: dict[str, int | None] | None = None

    def __call__(self, value: str) -> int | None:
        index = self._index
        if index is None:
            index = self._index = {}
            for i, name in enumerate(self._names):
                if name:
                    key = _key(name)
                    index[key] = None if key in index else i
        return index.get(_key(value))


def _key(name: str) -> str:
    return " ".join(fold(name).split())
