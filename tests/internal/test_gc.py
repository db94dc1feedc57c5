"""The collector's pause (`gc_paused`) is process-wide: pauses in several threads nest."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterator

import pytest

from orgroles._internal.gc import gc_paused

from tests.helpers import LockWithoutMemory, in_a_forked_child


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def _overlapping(first_ends: Callable[[], None]) -> dict[str, bool]:
    """Thread A pauses; thread B pauses while A's pause is under way; A's pause ends
    (by `first_ends`) while B's is still under way: what B sees then, and after."""
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def a() -> None:
        try:
            with gc_paused():
                a_in.set()
                b_in.wait()
                first_ends()
        except ValueError:
            pass
        finally:
            a_out.set()

    def b() -> None:
        a_in.wait()
        with gc_paused():
            b_in.set()
            a_out.wait()
            seen["during B's pause, after A's"] = gc.isenabled()
        seen["after both"] = gc.isenabled()

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return seen


def test_one_threads_pause_does_not_end_anothers() -> None:
    # It did: A's pause turned the collector back on while B was still loading.
    seen = _overlapping(lambda: None)
    assert seen == {"during B's pause, after A's": False, "after both": True}


def _fails() -> None:
    raise ValueError("a load that fails")


def test_an_exception_ends_only_its_own_pause() -> None:
    seen = _overlapping(_fails)
    assert seen == {"during B's pause, after A's": False, "after both": True}


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    with gc_paused(), gc_paused():
        pass
    assert not gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        _fails()
    assert not gc.isenabled()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_a_child_forked_during_another_threads_pause_collects() -> None:
    # The child has no thread to end that pause: its collector stayed off for good.
    paused, done = threading.Event(), threading.Event()

    def loading() -> None:
        with gc_paused():
            paused.set()
            done.wait()

    thread = threading.Thread(target=loading)
    thread.start()
    paused.wait()
    try:
        said = in_a_forked_child(lambda: f"{gc.isenabled()}")
    finally:
        done.set()
        thread.join()
    assert said == "True"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_a_child_forked_inside_its_own_pause_ends_it() -> None:
    def report() -> str:
        inside = gc.isenabled()
        with gc_paused():
            pass
        inside_after_another = gc.isenabled()
        return f"{inside} {inside_after_another}"

    with gc_paused():
        said = in_a_forked_child(report)
    assert said == "False False"
    assert gc.isenabled()


def test_running_out_of_memory_in_a_pause_leaves_the_lock_free(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A `with _lock:` whose exit could not run (no memory for its arguments) left the
    # lock held: the command line's own pause then waited for it for ever (CI, 3.14).
    import orgroles._internal.gc as pause

    monkeypatch.setattr(pause, "_lock", LockWithoutMemory())
    with pytest.raises(MemoryError), gc_paused():
        raise MemoryError
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
