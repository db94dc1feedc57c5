"""Atomic file writes: the old file stays whole until the new one is complete.

What happens depends on what the path names:

- **nothing, or a regular file**: the data goes to a temporary file in the same folder
  (`.orgroles-XXXXXXXX.tmp`), which then replaces the path with a rename. A failure, an
  interruption (Ctrl-C, SIGTERM, SIGHUP) leaves the previous file whole and no temporary
  file behind;
- **a symbolic link**: the file it points to is replaced that way (in that file's folder),
  and the link stays a link; a link to nothing creates the file it names;
- **a character device or a FIFO** (`/dev/null`, `/dev/stdout`, a named pipe): the
  data is written straight to it, which is not replaced; a FIFO that no process reads is
  an error rather than a wait forever;
- **anything else** (a folder, a block device, a socket): an error, and nothing is written.

Examples:
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> atomic_write(target, "hello\\n")
    >>> target.read_text()
    'hello\\n'
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from orgroles.errors import OrgError

__all__ = ["OutputError", "atomic_write"]

_PREFIX = ".orgroles-"  # short, so that any valid file name can be written (255 bytes)
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class OutputError(OrgError, OSError):
    """An output file could not be written; the previous file, if any, is intact."""


class _Signalled(BaseException):
    """SIGTERM or SIGHUP arrived while a temporary file existed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write `data` to `path`: atomically for a file, straight to a device or FIFO.

    See the module's docstring for what each kind of path gets. A new file gets the usual
    permissions (0666 minus the umask); a replaced one keeps its own.
    """
    target = Path(path)
    try:
        payload = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        raise OutputError(
            f"{target}: cannot write: the text holds U+{ord(char):04X} (a lone surrogate), "
            "which UTF-8 cannot encode"
        ) from None
    try:
        info: os.stat_result | None = os.stat(target)  # follows symbolic links
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"{target}: cannot write here: {exc.strerror or exc}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            _write_through(target, payload, fifo=stat.S_ISFIFO(info.st_mode))
            return
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise OutputError(f"{target}: cannot write: it is {what}")
    if target.is_symlink():
        target = Path(os.path.realpath(target))  # replace the file, keep the link
    _replace(target, payload, info)


def _write_through(target: Path, payload: bytes, *, fifo: bool) -> None:
    """Write to a device or a FIFO in place (it is never replaced)."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(target, flags | (os.O_NONBLOCK if fifo else 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"{target}: cannot write: no process reads this FIFO") from None
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        if fifo:
            os.set_blocking(fd, True)
        with os.fdopen(fd, "wb", closefd=True) as handle:
            handle.write(payload)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None


def _replace(target: Path, payload: bytes, info: os.stat_result | None) -> None:
    directory = target.parent if str(target.parent) else Path(".")
    with _cleanup_on_signals():
        try:
            fd, tmp = tempfile.mkstemp(prefix=_PREFIX, suffix=".tmp", dir=directory)
        except OSError as exc:
            raise OutputError(f"{target}: cannot write here: {exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            if info is not None:
                mode = stat.S_IMODE(info.st_mode)
            else:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
            raise


def _raise(signum: int, frame: FrameType | None) -> None:
    raise _Signalled(signum)


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """While a temporary file exists, SIGTERM and SIGHUP (left at their default, and in
    the main thread) raise, so that the file is removed; then the signal is delivered
    again with its default action, and the process ends as it would have."""
    installed: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in _SIGNALS:
            if signal.getsignal(signum) == signal.SIG_DFL:
                installed[signum] = signal.signal(signum, _raise)
    try:
        yield
    except _Signalled as exc:
        for signum in installed:
            signal.signal(signum, signal.SIG_DFL)
        installed.clear()
        os.kill(os.getpid(), exc.signum)
        raise  # only if the default action did not end the process
    finally:
        for signum in installed:
            signal.signal(signum, signal.SIG_DFL)
