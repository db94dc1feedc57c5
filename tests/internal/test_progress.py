"""Progress lines on stderr: shown for long steps on a terminal, never otherwise."""

from __future__ import annotations

import io
import threading

import pytest

from orgroles._internal.progress import phase, wanted

from tests.helpers import TINY, Cli


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_step_on_a_terminal_says_what_it_does() -> None:
    out = Terminal()
    gate = threading.Event()
    with phase("checking 5 roles", stream=out, after=0.0, tick=0.01):
        # Wait until the ticker has written at least once, rather than for some time.
        while "checking 5 roles..." not in out.getvalue():
            gate.wait(0.01)
    text = out.getvalue()
    assert text.startswith("\rorgroles: checking 5 roles... 0s")
    assert text.rstrip("\n").split("\r")[-1].startswith("orgroles: checking 5 roles: ")
    assert text.endswith("s\n")


def test_a_short_step_shows_nothing() -> None:
    out = Terminal()
    with phase("loading", stream=out, after=3600):
        pass
    assert out.getvalue() == ""


def test_nothing_but_a_terminal_gets_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not wanted(io.StringIO())
    assert wanted(Terminal())
    monkeypatch.setenv("ORGROLES_NO_PROGRESS", "1")
    assert not wanted(Terminal())


def test_the_cli_under_a_runner_prints_no_progress(run: Cli) -> None:
    result = run("check", TINY)
    assert "orgroles: loading" not in result.stderr
    assert result.stderr == ""
