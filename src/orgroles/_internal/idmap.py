"""A read-only, ordered view of an org's roles, people or teams, keyed by id."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Generic, TypeVar

from orgroles.errors import UnknownIdError

__all__ = ["IdMap"]

V = TypeVar("V")


class IdMap(Mapping[str, V], Generic[V]):
    """A live, read-only view of a dict; a missing id raises a did-you-mean error.

    Examples:
        >>> from orgroles.errors import UnknownRoleError
        >>> roles = IdMap({"cto": 1, "cpo": 2}, UnknownRoleError)
        >>> roles["cto"], list(roles)
        (1, ['cto', 'cpo'])
        >>> roles["ctoo"]
        Traceback (most recent call last):
        ...
        orgroles.errors.UnknownRoleError: unknown role 'ctoo' (did you mean 'cto'?)
    """

    __slots__ = ("_data", "_error")

    def __init__(self, data: dict[str, V], error: type[UnknownIdError]) -> None:
        self._data = data
        self._error = error

    def __getitem__(self, key: str) -> V:
        try:
            return self._data[key]
        except (KeyError, TypeError):
            raise self._error(str(key), self._data.keys()) from None

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    # The dict's own views: Mapping's generic ones call __getitem__ for every item.
    def keys(self) -> KeysView[str]:
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        return self._data.values()

    def items(self) -> ItemsView[str, V]:
        return self._data.items()

    def get(self, key: str, default: V | None = None) -> V | None:  # type: ignore[override]
        return self._data.get(key, default)

    def __repr__(self) -> str:
        shown = ", ".join(repr(k) for k in list(self._data)[:5])
        more = f", ... ({len(self._data)} in all)" if len(self._data) > 5 else ""
        return f"IdMap([{shown}{more}])"
