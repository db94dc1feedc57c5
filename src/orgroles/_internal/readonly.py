"""A read-only view of a dict that, unlike `types.MappingProxyType`, pickles and copies.

An org goes to other processes (`multiprocessing`, a cache) with what it holds: its
`truncated` counts are a `ReadOnly`. (A catalogue pickles its views by its own
`__reduce__`, and an org's graph is built again after a copy: both keep the faster
`MappingProxyType`.)

Examples:
    >>> import copy, pickle
    >>> kinds = ReadOnly({"cto": 1})
    >>> kinds["cto"], list(kinds), len(kinds), kinds == {"cto": 1}
    (1, ['cto'], 1, True)
    >>> pickle.loads(pickle.dumps(kinds)) == copy.deepcopy(kinds) == kinds
    True
    >>> mine = kinds.copy()  # a dict of its own
    >>> mine["cpo"] = 2; sorted(mine), sorted(kinds)
    (['cpo', 'cto'], ['cto'])
    >>> kinds["cpo"] = 2
    Traceback (most recent call last):
    ...
    TypeError: 'ReadOnly' object does not support item assignment
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

__all__ = ["ReadOnly"]

K = TypeVar("K")
V = TypeVar("V")


class ReadOnly(Mapping[K, V]):
    """A live, read-only view of `data` (changes to `data` show through it)."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[K, V]) -> None:
        self._data = data

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __eq__(self, other: object) -> bool:
        return self._data == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ReadOnly({self._data!r})"

    def copy(self) -> dict[K, V]:
        """A new dict of the items, as `MappingProxyType.copy()` gives."""
        return self._data.copy()

    def __reduce__(self) -> tuple[Any, ...]:
        return (ReadOnly, (self._data,))
