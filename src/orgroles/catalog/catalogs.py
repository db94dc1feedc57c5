"""Catalogues: read them (the built-in one, files named by ``uses:``) and merge them."""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from orgroles.errors import Location, OrgFileError, Problem
from orgroles.io.reader import format_from_suffix, parse_document, read_file
from orgroles.model import CatalogDocument, Family, Responsibility, RoleKind

__all__ = ["BUILTIN", "Catalog", "builtin_catalog", "load_catalog", "resolve_catalog"]

_T = TypeVar("_T")

BUILTIN = "builtin"
"""The name that stands for the built-in catalogue in ``uses:``."""


class Catalog:
    """Kinds, responsibilities and families merged from one or more catalogues (read-only).

    Indexes built from a catalogue (such as the title matcher of
    :func:`orgroles.catalog.titles.infer_kind`) are kept with it by :meth:`derived`, so
    they are built once per catalogue.
    """

    __slots__ = ("_derived", "families", "kinds", "responsibilities")

    def __init__(
        self,
        kinds: Iterable[RoleKind] = (),
        responsibilities: Iterable[Responsibility] = (),
        families: Iterable[Family] = (),
    ) -> None:
        self.kinds: Mapping[str, RoleKind] = MappingProxyType({k.id: k for k in kinds})
        self.responsibilities: Mapping[str, Responsibility] = MappingProxyType(
            {r.id: r for r in responsibilities}
        )
        self.families: Mapping[str, Family] = MappingProxyType({f.id: f for f in families})
        self._derived: dict[Hashable, Any] = {}

    def __repr__(self) -> str:
        return f"<Catalog: {len(self.kinds)} kinds, {len(self.responsibilities)} responsibilities>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalog):
            return NotImplemented
        return (
            dict(self.kinds) == dict(other.kinds)
            and dict(self.responsibilities) == dict(other.responsibilities)
            and dict(self.families) == dict(other.families)
        )

    __hash__ = None  # type: ignore[assignment]

    def derived(self, key: Hashable, build: Callable[[Catalog], _T]) -> _T:
        """``build(self)``, computed once per catalogue and ``key``, then kept.

        >>> cat = Catalog()
        >>> cat.derived("size", lambda c: len(c.kinds)), cat.derived("size", lambda c: -1)
        (0, 0)
        """
        try:
            value: _T = self._derived[key]
        except KeyError:
            value = self._derived[key] = build(self)
        return value

    def merged(self, other: Catalog) -> Catalog:
        """A catalogue with ``other``'s entries added, replacing entries with the same id."""
        return Catalog(
            {**self.kinds, **other.kinds}.values(),
            {**self.responsibilities, **other.responsibilities}.values(),
            {**self.families, **other.families}.values(),
        )


@lru_cache(maxsize=1)
def builtin_catalog() -> Catalog:
    """The catalogue that ships with orgroles (the CTO, the CPO and their teams)."""
    text = resources.files(__package__).joinpath("builtin.yaml").read_text(encoding="utf-8")
    document, _ = parse_document(text, "yaml", CatalogDocument, path="<builtin catalogue>")
    return Catalog(document.kinds, document.responsibilities, document.families)


def load_catalog(path: str | os.PathLike[str]) -> Catalog:
    """Read a catalogue file and the catalogues it uses."""
    return _load_file(Path(path), ())


def _load_file(path: Path, chain: tuple[Path, ...]) -> Catalog:
    name = str(path)
    document, source = parse_document(
        read_file(path), format_from_suffix(path), CatalogDocument, name
    )
    base = resolve_catalog(
        document.uses,
        path.parent,
        where=lambda i: source.location(("uses", i)),
        chain=(*chain, path.resolve()),
    )
    return base.merged(Catalog(document.kinds, document.responsibilities, document.families))


def resolve_catalog(
    uses: Iterable[str],
    base_dir: str | os.PathLike[str] | None,
    *,
    where: Callable[[int], Location | None] = lambda i: None,
    chain: tuple[Path, ...] = (),
) -> Catalog:
    """Merge the catalogues named in a ``uses:`` list, in order.

    ``where(i)`` gives the location of the i-th entry for error messages, and ``chain``
    the files already being read, so that a catalogue that uses itself is refused.
    Paths are relative to ``base_dir``; without one, only ``builtin`` may be used, so that
    an org given as text cannot make the process read its files.
    """
    merged = Catalog()
    for i, entry in enumerate(uses):
        if entry == BUILTIN:
            merged = merged.merged(builtin_catalog())
            continue
        if base_dir is None:
            # Text from elsewhere (a web upload, say) must not make the process read files.
            raise OrgFileError(
                [
                    _problem(
                        f"catalogue {entry!r}: an org read from text may only use catalogue files "
                        "when a base folder is given (loads(..., base_dir=...))",
                        where(i),
                        i,
                        "uses-not-allowed",
                    )
                ]
            )
        path = (Path(base_dir) / entry).resolve()
        if path in chain:
            loop = " -> ".join(p.name for p in (*chain[chain.index(path) :], path))
            raise OrgFileError([_problem(f"catalogue cycle: {loop}", where(i), i, "uses-cycle")])
        if not path.is_file():
            raise OrgFileError(
                [
                    _problem(
                        f"catalogue {entry!r} not found (looked for {path})",
                        where(i),
                        i,
                        "uses-not-found",
                    )
                ]
            )
        merged = merged.merged(_load_file(path, chain))
    return merged


def _problem(message: str, location: Location | None, i: int, code: str) -> Problem:
    return Problem(message, location, where=f"uses[{i}]", code=code)


# Title matching builds on the Catalog above, so it is imported once Catalog exists.
