"""A cache on disk for what each run of the command would otherwise build again.

Its entries are the built-in catalogue, read and validated (reading the YAML and
building the validators of the catalogue's models takes about 30 ms, an eighth of a
4-role check's start-up; reading it back takes 2 ms), and the schemas of the file
models' validators (see `orgroles._internal.validators`).

The cache is off in the library, where a process reads the catalogue once (a notebook,
a service); `orgroles.cli.main()` turns it on. Its folder is `ORGROLES_CACHE_DIR` if set,
else the platform's cache folder (`~/.cache/orgroles`, `$XDG_CACHE_HOME/orgroles`,
`~/Library/Caches/orgroles`, `%LOCALAPPDATA%\\orgroles\\Cache`); `ORGROLES_CACHE_DIR=`
(set and empty) turns it off.

An entry's file name holds a hash of all that its value depends on: the bytes of its
source files and the versions of Python, pydantic and orgroles. An edit to any of them
gives a new name, so that an entry is never out of date; the entries of the same name
with other hashes are then removed. An entry that cannot be read (cut short, written by
another version of a library) is built again; a folder that cannot be written is left
alone, and the value is built in each run as without the cache. The entries are
pickles, read only from the user's own cache folder (or the one they name).

Examples:
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> enable(folder)
    >>> cached("squares", lambda: [n * n for n in range(4)], sources=[])
    [0, 1, 4, 9]
    >>> [p.name.startswith("squares-") for p in Path(folder).iterdir()]
    [True]
    >>> cached("squares", lambda: "not built again", sources=[])
    [0, 1, 4, 9]
    >>> disable()
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol, TypeVar

__all__ = ["cached", "default_folder", "disable", "enable", "folder"]

_T = TypeVar("_T")

ENVIRONMENT = "ORGROLES_CACHE_DIR"
"""The environment variable that names the cache folder; empty, it turns the cache off."""

_folder: Path | None = None


class _Readable(Protocol):
    def read_bytes(self) -> bytes: ...


def default_folder() -> Path | None:
    """Where the command keeps its cache: `ORGROLES_CACHE_DIR`, else the platform's
    cache folder; `None` when `ORGROLES_CACHE_DIR` is set and empty."""
    named = os.environ.get(ENVIRONMENT)
    if named is not None:
        return Path(named) if named else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "orgroles" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "orgroles"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "orgroles"


def enable(where: str | os.PathLike[str] | None = None) -> None:
    """Turn the cache on, in `where` or else in `default_folder()`."""
    global _folder
    _folder = Path(where) if where is not None else default_folder()


def disable() -> None:
    """Turn the cache off: each value is built when asked for."""
    global _folder
    _folder = None


def folder() -> Path | None:
    """The cache's folder, or `None` when the cache is off."""
    return _folder


def cached(name: str, build: Callable[[], _T], *, sources: Iterable[_Readable]) -> _T:
    """The value `build()` returns, read from the cache when an entry for `name` was
    written from the same `sources` (files, read as bytes) by the same versions.

    With the cache off, this is `build()`.
    """
    where = _folder
    if where is None:
        return build()
    entry = where / f"{name}-{_digest(sources)}.pickle"
    try:
        with open(entry, "rb") as file:
            value: _T = pickle.load(file)  # the user's own cache folder
        return value
    except Exception:  # missing, cut short, from other code: build it again
        pass
    value = build()
    _write(entry, value, name)
    return value


def _digest(sources: Iterable[_Readable]) -> str:
    import pydantic

    from orgroles._version import __version__

    digest = hashlib.sha256()
    for part in (sys.version, pydantic.VERSION, __version__):
        digest.update(part.encode() + b"\0")
    for source in sources:
        data = source.read_bytes()
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()[:32]


def _write(entry: Path, value: Any, name: str) -> None:
    import tempfile  # only when an entry is written: a run that reads one does without it

    written: str | None = None  # the temporary file, once made
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=entry.parent, prefix=f".{name}-", suffix=".tmp", delete=False
        ) as file:
            written = file.name
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written, entry)  # whole or not at all, whoever else writes it
    except Exception:  # a folder that cannot be written: no cache
        if written is not None and os.path.exists(written):
            os.unlink(written)
        return
    for old in entry.parent.glob(f"{name}-*.pickle"):
        if old != entry:
            try:
                old.unlink()
            except OSError:
                pass
