"""Objects that keep derived data in a `_cache` dict pickle and copy without it.

An org keeps what it derives from its roles (its index, its graph) in `_cache`, built
again when first asked for: a copy or a pickle need not carry it, and the graph's
read-only attribute views could not be pickled.

Examples:
    >>> import copy
    >>> class Thing(DropsDerived):
    ...     def __init__(self) -> None:
    ...         self.name, self._cache = "t", {"graph": object()}
    >>> other = copy.deepcopy(Thing())
    >>> other.name, other._cache
    ('t', {})
"""

from __future__ import annotations

from typing import Any, TypeVar

__all__ = ["DropsDerived", "shallow"]

D = TypeVar("D", bound="DropsDerived")


class DropsDerived:
    """Pickle and copy every attribute but `_cache`, which starts empty."""

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_cache"] = {}
        return state


def shallow(obj: D) -> D:
    """A copy of `obj` that shares every attribute but `_cache` (what `copy.copy()` makes
    of a `DropsDerived` without a `__copy__` of its own), whatever its `__copy__`.

    Examples:
        >>> class Thing(DropsDerived):
        ...     def __copy__(self) -> "Thing":
        ...         raise AssertionError("not called")
        >>> thing = Thing()
        >>> thing.table, thing._cache = {}, {"index": 1}
        >>> other = shallow(thing)
        >>> other.table is thing.table, other._cache
        (True, {})
    """
    new: D = object.__new__(type(obj))
    new.__dict__.update(obj.__getstate__())
    return new
