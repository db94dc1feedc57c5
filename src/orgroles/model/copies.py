"""Copies of the models that share no mutable state with the originals.

The models are frozen, but a few of their fields hold plain dicts and lists: `meta` (free
data, as the file writes it), a role's `noqa` given as a mapping, the rules' `params`.
An org's copy made of the original's objects would change the original when a script
writes `scenario.roles["ceo"].meta["x"] = 1`. `detached()` copies a model with such
fields of its own, deeply, and without validating again (the values were valid).

Examples:
    >>> from orgroles.model import Role
    >>> role = Role(id="ceo", meta={"tags": ["board"]})
    >>> other = detached(role)
    >>> other == role, other is role, other.meta["tags"] is role.meta["tags"]
    (True, False, False)
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from operator import attrgetter
from typing import Any, TypeVar

from orgroles._internal.gc import gc_paused
from orgroles.model.org import OrgDocument

__all__ = ["detached", "detached_document", "free_copy"]

T = TypeVar("T")

_SHARED = frozenset({str, int, float, bool, type(None), date})  # immutable: shared

# A model class's fields: a getter and the setters of those that cannot hold a dict or a
# list, and the getter and setter of each one that can (a frozen model's slots are
# written past its __setattr__, as `object.__setattr__` does).
_Setter = Callable[[Any, Any], None]
_fields: dict[type, tuple[Callable[[Any], Any], list[_Setter], list[tuple[Any, _Setter]]]] = {}


def free_copy(value: T) -> T:
    """A deep copy of free data (a `meta` value): dicts and lists are copied, strings,
    numbers and days are shared (they cannot change), anything else is deep-copied.

    Examples:
        >>> meta = {"tags": ["a"], "fte": 0.8}
        >>> free_copy(meta) == meta, free_copy(meta)["tags"] is meta["tags"]
        (True, False)
    """
    kind = type(value)
    if kind is dict:
        if not value:
            return {}  # type: ignore[return-value]
        return {k: free_copy(v) for k, v in value.items()}  # type: ignore[attr-defined, return-value]
    if kind is list:
        return [free_copy(v) for v in value]  # type: ignore[attr-defined, return-value]
    if kind in _SHARED or (kind is tuple and all(type(v) is str for v in value)):  # type: ignore[attr-defined]
        return value
    return copy.deepcopy(value)


def detached(item: T) -> T:
    """A copy of a model (a `Role`, `Person`, `Team`, ...) whose dict and list fields are
    its own (see `free_copy()`); its other fields, immutable, are shared."""
    cls = type(item)
    found = _fields.get(cls)
    if found is None:
        plain: list[str] = []
        free: list[tuple[Any, _Setter]] = []
        for name, info in cls.__pydantic_fields__.items():  # type: ignore[attr-defined]
            if any(word in str(info.annotation) for word in ("dict", "list", "Any")):
                free.append((attrgetter(name), vars(cls)[name].__set__))
            else:
                plain.append(name)
        get_plain = attrgetter(*plain) if len(plain) > 1 else lambda x: (getattr(x, plain[0]),)
        found = _fields[cls] = (get_plain, [vars(cls)[n].__set__ for n in plain], free)
    get, setters, free_fields = found
    new: T = object.__new__(cls)
    for put, value in zip(setters, get(item), strict=True):
        put(new, value)
    for get_one, put in free_fields:
        put(new, free_copy(get_one(item)))
    return new


def detached_document(document: OrgDocument) -> OrgDocument:
    """The document with roles, people, teams, rules and `meta` of its own (`detached()`):
    what an independent copy of an org is made from.

    Examples:
        >>> doc = OrgDocument(roles=({"id": "ceo", "meta": {"cc": "A1"}},), meta={"s": 1})
        >>> other = detached_document(doc)
        >>> other == doc, other.roles[0].meta is doc.roles[0].meta, other.meta is doc.meta
        (True, False, False)
    """
    with gc_paused():  # a copy of a large org: the collector would scan it over and over
        new = detached(document)
        own = object.__setattr__
        for section in ("people", "roles", "teams"):
            own(new, section, tuple(map(detached, getattr(document, section))))
        own(new, "rules", detached(document.rules))
    return new
