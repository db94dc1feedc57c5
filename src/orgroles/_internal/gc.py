"""The one place that pauses Python's cyclic garbage collector."""

from __future__ import annotations

import gc
import os
import threading
from types import TracebackType

__all__ = ["gc_paused"]

_lock = threading.Lock()
_depth = 0  # pauses under way, in every thread
_resume = False  # whether the collector was on when the first of them began
_mine = threading.local()  # this thread's pauses under way (`depth`), for a fork


class _Pause:
    """One pause of the collector, as a context manager (what `gc_paused()` returns).

    Written to hold when memory runs out, as a load that is too big for its process does:
    `_lock` is taken by `acquire()` and given back by `release()` in a `finally`, which
    allocate nothing, and never by `with _lock:`, whose `__exit__` takes its arguments as a
    tuple. A tuple that cannot be made left the lock held, and the next pause, the
    command line's own as it unwound, waited for it for ever (the out-of-memory test
    hung on Python 3.14). What may allocate (this thread's count) is done outside the
    lock, before the pause begins and after it ends.
    """

    __slots__ = ()

    def __enter__(self) -> None:
        global _depth, _resume
        _mine.depth = getattr(_mine, "depth", 0) + 1  # first: if it fails, nothing began
        _lock.acquire()
        try:
            if _depth == 0:
                _resume = gc.isenabled()
                gc.disable()
            _depth += 1
        finally:
            _lock.release()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        global _depth
        _lock.acquire()
        try:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
        finally:
            _lock.release()
        _mine.depth -= 1


_PAUSE = _Pause()  # it holds nothing: one for every pause, so that none need be made


def gc_paused() -> _Pause:
    """Pause the cyclic garbage collector while building millions of objects.

    Loading an org, planning a chart and writing one make millions of small objects that
    hold no reference cycles; the collector's repeated full scans while they are being
    made cost more than the work itself (measured: 14.6 s instead of 2.7 s to load a
    million roles, and more than half of the time of a 100,000-role chart). The pause is
    process-wide, and nests across threads: pauses under way are counted (under a lock),
    and the collector is enabled again when the last of them ends, if it was on when the
    first began. A thread's pause never ends another's, and an exception ends only its
    own. In a process forked while other threads' pauses were under way, only the
    forking thread's own pauses go on (the other threads do not exist in it). Running out
    of memory inside a pause ends it as any exception does.

    Examples:
        >>> import gc
        >>> with gc_paused():
        ...     with gc_paused():
        ...         pass
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    return _PAUSE


def _after_fork_in_child() -> None:
    """The child of a fork has only the thread that forked: the pauses of the others
    never end there, so only that thread's are counted, and with none the collector is
    as it was before the first pause."""
    global _lock, _depth
    _lock = threading.Lock()  # it may have been held by a thread that is not in the child
    paused, _depth = _depth, getattr(_mine, "depth", 0)
    if paused and not _depth and _resume:
        gc.enable()


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(after_in_child=_after_fork_in_child)
