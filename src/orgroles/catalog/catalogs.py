"""Catalogues: read them (the built-in one, files named by `uses:`) and merge them."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Hashable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from orgroles._internal import cache
from orgroles._internal.once import build_once
from orgroles._internal.package_files import files
from orgroles._internal.validators import model_sources
from orgroles.errors import Location, OrgFileError, Problem
from orgroles.io.reader import FORMATS, format_from_suffix, parse_document, read_file
from orgroles.model import CatalogDocument, Family, Responsibility, RoleKind

__all__ = ["BUILTIN", "Catalog", "builtin_catalog", "load_catalog", "resolve_catalog"]

_T = TypeVar("_T")

BUILTIN = "builtin"
"""The name that stands for the built-in catalogue in `uses:`."""


class Catalog:
    """Kinds, responsibilities and families merged from one or more catalogues (read-only).

    Indexes built from a catalogue (such as the title matcher of
    `orgroles.catalog.titles.infer_kind()`) are kept with it by `derived()`, so
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

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and copy as the catalogue's items (its views are not picklable, and what
        `derived()` keeps is built again when asked for)."""
        items = (self.kinds.values(), self.responsibilities.values(), self.families.values())
        return (Catalog, tuple(map(tuple, items)))

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
        """`build(self)`, computed once per catalogue and `key` (by one thread), then kept.

        Examples:
            >>> cat = Catalog()
            >>> cat.derived("size", lambda c: len(c.kinds)), cat.derived("size", lambda c: -1)
            (0, 0)
        """
        try:
            value: _T = self._derived[key]
        except KeyError:  # built by one thread, while the others that ask wait for it
            value = build_once(self._derived, key, lambda: build(self))
        return value

    def merged(self, other: Catalog) -> Catalog:
        """A catalogue with `other`'s entries added, replacing entries with the same id."""
        return Catalog(
            {**self.kinds, **other.kinds}.values(),
            {**self.responsibilities, **other.responsibilities}.values(),
            {**self.families, **other.families}.values(),
        )


@lru_cache(maxsize=1)
def builtin_catalog() -> Catalog:
    """The catalogue that ships with orgroles (the CTO, the CPO and their teams)."""
    file = files("orgroles.catalog").joinpath("builtin.yaml")

    def read() -> CatalogDocument:
        text = file.read_text(encoding="utf-8")
        return parse_document(text, "yaml", CatalogDocument, path="<builtin catalogue>")[0]

    # The command keeps what it read in its cache (orgroles._internal.cache), which an
    # edit of the file or of the models it is read into (their fields) makes new.
    document = cache.cached("builtin-catalogue", read, sources=[file, *model_sources()])
    return Catalog(document.kinds, document.responsibilities, document.families)


def load_catalog(
    path: str | os.PathLike[str], *, catalog_dirs: Iterable[str | os.PathLike[str]] = ()
) -> Catalog:
    """Read a catalogue file and the catalogues it uses (under its folder, or under one of
    `catalog_dirs`: see `resolve_catalog()`)."""
    file = Path(path)
    resolver = _Resolver(file.parent, catalog_dirs)
    return resolver.read(Path(os.path.realpath(file)), lambda i: None, 0, str(path))


def resolve_catalog(
    uses: Iterable[str],
    base_dir: str | os.PathLike[str] | None,
    *,
    where: Callable[[int], Location | None] = lambda i: None,
    chain: tuple[Path, ...] = (),
    catalog_dirs: Iterable[str | os.PathLike[str]] = (),
) -> Catalog:
    """Merge the catalogues named in a `uses:` list, in order.

    Paths are relative to `base_dir`, and must lead (symbolic links followed) to a file
    under `base_dir` or under one of `catalog_dirs`: an org file cannot make the
    process read, or tell whether there is, a file elsewhere on the machine. Without a
    `base_dir`, only `builtin` may be used, so that an org given as text reads no file.
    Each catalogue file is read once, however many paths lead to it; a catalogue that uses
    itself is refused with the chain of files. `where(i)` gives the location of the i-th
    entry for error messages; `chain` is kept for compatibility and unused.
    """
    if base_dir is None:
        return _Resolver(None, ()).merge(uses, None, where)
    return _Resolver(Path(base_dir), catalog_dirs).merge(uses, Path(base_dir), where)


_MAX_PATH = 4096  # bytes: Linux's PATH_MAX; longer paths cannot be opened anyway
_MAX_NAME = 255  # bytes in one file name


class _Resolver:
    """Reads the catalogues of one load: each file once, only under the allowed folders."""

    def __init__(
        self, base_dir: Path | None, catalog_dirs: Iterable[str | os.PathLike[str]]
    ) -> None:
        folders = [] if base_dir is None else [base_dir, *(Path(d) for d in catalog_dirs)]
        self.roots = [Path(os.path.realpath(folder)) for folder in folders]
        self.done: dict[Path, Catalog] = {}
        self.reading: list[Path] = []

    def merge(
        self, uses: Iterable[str], folder: Path | None, where: Callable[[int], Location | None]
    ) -> Catalog:
        entries = list(uses)
        last = {entry: i for i, entry in enumerate(entries)}  # a repeat: its last place wins
        merged = Catalog()
        for i, entry in enumerate(entries):
            if last[entry] != i:
                continue
            if entry == BUILTIN:
                merged = merged.merged(builtin_catalog())
                continue
            if folder is None:
                # Text from elsewhere (a web upload, say) must not make the process read files.
                raise _error(
                    f"catalogue {entry!r}: an org read from text may only use catalogue files "
                    "when a base folder is given (loads(..., base_dir=...))",
                    where,
                    i,
                    "uses-not-allowed",
                )
            path = self._path(folder, entry, where, i)
            if path in self.reading:
                loop = " -> ".join(
                    p.name for p in (*self.reading[self.reading.index(path) :], path)
                )
                raise _error(f"catalogue cycle: {loop}", where, i, "uses-cycle")
            found = self.done.get(path)
            if found is None:
                found = self.done[path] = self.read(path, where, i, str(path))
            merged = merged.merged(found)
        return merged

    def _path(
        self, folder: Path, entry: str, where: Callable[[int], Location | None], i: int
    ) -> Path:
        """The real path of a `uses:` entry, checked, or a located error."""
        if "\0" in entry:
            raise _error(f"catalogue {entry!r}: a path cannot hold a NUL character", where, i)
        parts = entry.replace("\\", "/").split("/")
        size = len(entry.encode("utf-8", "surrogatepass"))
        if size > _MAX_PATH or any(
            len(p.encode("utf-8", "surrogatepass")) > _MAX_NAME for p in parts
        ):
            shown = entry if len(entry) <= 60 else entry[:57] + "..."
            raise _error(f"catalogue {shown!r}: the path is too long", where, i)
        suffix = Path(entry).suffix.lower()
        if suffix not in FORMATS:
            raise _error(
                f"catalogue {entry!r}: a catalogue file ends in .yaml, .yml or .json", where, i
            )
        try:
            real = Path(os.path.realpath(folder / entry))
        except (OSError, ValueError, RuntimeError) as exc:  # RuntimeError: a loop, in 3.10-3.12
            raise _error(f"catalogue {entry!r}: {_reason(exc)}", where, i) from None
        if not any(real == root or root in real.parents for root in self.roots):
            raise _error(
                f"catalogue {entry!r} is outside the org's folder: allow its folder with "
                "catalog_dirs=[...] (the command line's --catalog-dir)",
                where,
                i,
                "uses-not-allowed",
            )
        try:
            info = real.stat()
        except FileNotFoundError:
            raise _error(
                f"catalogue {entry!r} not found (looked for {real})", where, i, "uses-not-found"
            ) from None
        except (OSError, ValueError) as exc:
            raise _error(f"catalogue {entry!r}: {_reason(exc)}", where, i) from None
        if not stat.S_ISREG(info.st_mode):
            raise _error(f"catalogue {entry!r} is not a file", where, i, "uses-not-found")
        return real

    def read(
        self, path: Path, where: Callable[[int], Location | None], i: int, name: str
    ) -> Catalog:
        """Read one catalogue file and, in turn, the catalogues it uses."""
        self.reading.append(path)
        try:
            try:
                text = read_file(path)
            except OrgFileError as exc:
                reason = exc.problems[0].message if exc.problems else "cannot read"
                raise _error(f"catalogue {name!r}: {reason}", where, i, "uses-not-found") from None
            document, source = parse_document(text, format_from_suffix(path), CatalogDocument, name)
            base = self.merge(document.uses, path.parent, lambda j: source.location(("uses", j)))
        finally:
            self.reading.pop()
        return base.merged(Catalog(document.kinds, document.responsibilities, document.families))


def _reason(exc: BaseException) -> str:
    if (isinstance(exc, OSError) and exc.errno == errno.ELOOP) or isinstance(exc, RuntimeError):
        return "a loop of symbolic links"
    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        return "the path is too long"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError):
        return f"cannot be read: {exc.strerror or exc}"
    return f"not a usable path ({exc})"


def _error(
    message: str, where: Callable[[int], Location | None], i: int, code: str = "uses-invalid"
) -> OrgFileError:
    return OrgFileError([Problem(message, where(i), where=f"uses[{i}]", code=code)])
