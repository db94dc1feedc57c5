"""Derived data built once, however many threads ask for it at the same time.

An org keeps what it derives from its roles (its index, its graph, the view of a dated
org) in a dict, built on first use. Without a guard, eight threads that ask for an
index at once each build one: eight times the work and the memory of a million-role
index, for one kept. `build_once()` lets one thread build a value while the others that
want the same value of the same table wait for it; a value already built is read
without any lock, as fast as a plain look-up.

Examples:
    >>> table: dict[str, list[int]] = {}
    >>> build_once(table, "squares", lambda: [n * n for n in range(4)])
    [0, 1, 4, 9]
    >>> build_once(table, "squares", lambda: [])  # kept: not built again
    [0, 1, 4, 9]
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Hashable, MutableMapping
from typing import Any, TypeVar

__all__ = ["build_once"]

T = TypeVar("T")

_guard = threading.Lock()
# The builds under way: (id of the table, key) -> the lock its builder holds. An entry
# lives only while its table is being filled (the builder holds the table), so that an
# id cannot be reused meanwhile.
_building: dict[tuple[int, Hashable], threading.RLock] = {}


def build_once(table: MutableMapping[Any, Any], key: Hashable, build: Callable[[], T]) -> T:
    """`table[key]`, set to `build()` first if it is missing, by one thread at a time.

    A thread that asks while another builds the same key waits, then reads the value
    built. If the build raises, the exception goes to the thread that built, and the
    next thread in line builds again. The lock is re-entrant: a build that asks for its
    own key again (a bug) recurses as it would without the lock, not deadlocks. Builds
    of different keys, or of different tables, run at the same time. A process forked
    while other threads were building waits for none of them (they are not in it).
    """
    try:
        found: T = table[key]
        return found
    except KeyError:
        pass
    slot = (id(table), key)
    # Locks are taken by `acquire()` and given back by `release()` in a `finally`, never
    # by `with`: a lock's `__exit__` takes its arguments as a tuple, and with no memory
    # for one (a build that runs out of memory) the lock stayed held, and the next call
    # waited for it for ever.
    _guard.acquire()
    try:
        lock = _building.get(slot)
        if lock is None:
            lock = _building[slot] = threading.RLock()
    finally:
        _guard.release()
    try:
        lock.acquire()
        try:
            try:
                found = table[key]  # built by the thread this one waited for
            except KeyError:
                found = table[key] = build()
            return found
        finally:
            lock.release()
    finally:
        _guard.acquire()
        try:
            if _building.get(slot) is lock:
                del _building[slot]
        finally:
            _guard.release()


def _after_fork_in_child() -> None:
    """The child of a fork has only the thread that forked: the builds of the others
    never end there, and a thread that waited for one would wait for ever."""
    global _guard, _building
    _guard, _building = threading.Lock(), {}


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(after_in_child=_after_fork_in_child)
