"""Derived data is built once when threads ask for it at the same time (`build_once`).

Each race is forced, not hoped for: the first build waits until a second thread has
asked too, and is either building (without the guard: two builds) or waiting for the
lock (with it: one). The lock says when a thread is about to wait for it, so that no
test sleeps or times anything.
"""

from __future__ import annotations

import os
import threading
import types
from collections.abc import Callable
from typing import Any

import pytest

import orgroles
import orgroles._internal.once as once
import orgroles.core as core
from orgroles._internal.once import build_once
from orgroles.catalog import Catalog
from orgroles.index import Index
from orgroles.model.dates import view

from tests.helpers import LockWithoutMemory, in_a_forked_child

SAFETY = 60.0  # seconds a thread waits for the other before the test fails; never reached


class _SaysWhenWaited:
    """A re-entrant lock that sets `waiting` when a thread is about to wait for it."""

    def __init__(self, waiting: threading.Event) -> None:
        self._lock = threading.RLock()
        self._waiting = waiting

    def acquire(self) -> bool:
        if not self._lock.acquire(blocking=False):
            self._waiting.set()
            self._lock.acquire()
        return True

    def release(self) -> None:
        self._lock.release()


class Race:
    """Two threads that ask for one value while its first build is under way."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.second_asked = threading.Event()
        self.builds = 0
        fake = types.SimpleNamespace(RLock=lambda: _SaysWhenWaited(self.second_asked))
        monkeypatch.setattr(once, "threading", fake)

    def builder(self, build: Callable[..., Any], ask: Callable[[], Any]) -> Callable[..., Any]:
        """`build`, counted; its first call has a second thread `ask()` and waits until it
        is building too (a second call) or waiting for the first build."""

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.builds += 1
            if self.builds == 1:
                self.second = threading.Thread(target=self._second, args=(ask,))
                self.second.start()
                assert self.second_asked.wait(SAFETY)
            else:
                self.second_asked.set()
            return build(*args, **kwargs)

        return counted

    def _second(self, ask: Callable[[], Any]) -> None:
        try:
            self.got: Any = ask()
        except Exception as exc:  # what the second thread got, for the test to see
            self.got = exc

    def run(self, ask: Callable[[], Any]) -> tuple[Any, Any]:
        """What the first thread and the second got."""
        try:
            first: Any = ask()
        except Exception as exc:
            first = exc
        self.second.join(SAFETY)
        assert not self.second.is_alive()
        return first, self.got


def test_a_value_asked_for_by_two_threads_is_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    race = Race(monkeypatch)
    table: dict[str, object] = {}

    def ask() -> object:
        return build_once(table, "value", build)

    build = race.builder(object, ask)
    first, second = race.run(ask)
    assert race.builds == 1
    assert first is second is table["value"]


def test_a_failed_build_is_done_again_by_the_next_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    race = Race(monkeypatch)
    table: dict[str, object] = {}
    results = iter([ValueError("the first build fails"), "built"])

    def make() -> object:
        result = next(results)
        if isinstance(result, Exception):
            raise result
        return result

    def ask() -> object:
        return build_once(table, "value", build)

    build = race.builder(make, ask)
    first, second = race.run(ask)
    assert isinstance(first, ValueError)
    assert second == "built"
    assert table == {"value": "built"}
    assert once._building == {}  # nothing left behind


def test_a_build_that_asks_for_its_own_key_recurses_rather_than_deadlocks() -> None:
    table: dict[str, int] = {}
    depth = [0]

    def build() -> int:
        depth[0] += 1
        return depth[0] if depth[0] == 3 else build_once(table, "k", build)

    assert build_once(table, "k", build) == 3


def test_an_orgs_index_is_built_once_by_threads_that_ask_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Eight threads that checked a fresh org at once each built its index (and its
    # graph, its tables): eight times the work and the memory, for one kept.
    org = orgroles.loads("roles:\n  - {id: ceo}\n  - {id: cto, reports_to: ceo}\n")
    race = Race(monkeypatch)
    monkeypatch.setattr(core, "Index", race.builder(Index, lambda: org.index))
    first, second = race.run(lambda: org.index)
    assert race.builds == 1
    assert first is second is org.index


def test_a_dated_orgs_view_is_made_once_by_threads_that_ask_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    org = orgroles.loads(
        "roles:\n  - {id: ceo}\n  - {id: cto, reports_to: ceo, start: 2025-01-01}\n",
        today="2026-01-01",
    )
    race = Race(monkeypatch)
    monkeypatch.setattr(core, "view", race.builder(view, lambda: org.roles))
    first, second = race.run(lambda: org.roles)
    assert race.builds == 1
    assert list(first) == list(second) == ["ceo", "cto"]
    assert org._plain is org._cache["view"]


def test_a_catalogues_derived_value_is_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = Catalog()
    race = Race(monkeypatch)

    def ask() -> object:
        return catalog.derived("thing", build)

    build = race.builder(lambda c: object(), ask)
    first, second = race.run(ask)
    assert race.builds == 1
    assert first is second


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_a_child_forked_during_a_build_does_not_wait_for_it() -> None:
    # The thread that builds is not in the child: its lock would never be released.
    table: dict[str, str] = {}
    building, done = threading.Event(), threading.Event()

    def slow() -> str:
        building.set()
        done.wait()
        return "parent's"

    thread = threading.Thread(target=build_once, args=(table, "value", slow))
    thread.start()
    building.wait()
    # In the child, a deadlock ends by the alarm, with nothing said.
    said = in_a_forked_child(lambda: build_once(table, "value", lambda: "child's"), alarm=10)
    done.set()
    thread.join()
    assert said == "child's"
    assert table == {"value": "parent's"}


def test_a_build_that_runs_out_of_memory_leaves_the_locks_free(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(once, "_guard", LockWithoutMemory())
    monkeypatch.setattr(once, "threading", types.SimpleNamespace(RLock=LockWithoutMemory))
    table: dict[str, object] = {}

    def exhausted() -> object:
        raise MemoryError

    with pytest.raises(MemoryError):
        build_once(table, "value", exhausted)
    assert build_once(table, "value", lambda: "built") == "built"
    assert once._building == {}
