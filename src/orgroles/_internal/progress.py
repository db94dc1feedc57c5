"""Progress on stderr for the long steps of the command line (loading, checking, drawing).

Nothing is shown for a step that ends within `AFTER` seconds, nor when stderr is
not a terminal (a pipe, a CI log), nor when `ORGROLES_NO_PROGRESS` is set.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["AFTER", "phase", "wanted"]

AFTER = 2.0
"""Seconds a step runs before its progress line appears."""


def wanted(stream: TextIO | None = None) -> bool:
    """True when progress lines should be shown on `stream` (stderr by default)."""
    stream = stream or sys.stderr
    return not os.environ.get("ORGROLES_NO_PROGRESS") and bool(getattr(stream, "isatty", bool)())


@contextmanager
def phase(
    label: str,
    *,
    stream: TextIO | None = None,
    after: float = AFTER,
    tick: float = 0.5,
    enabled: bool | None = None,
) -> Iterator[None]:
    """Show `orgroles: <label>... 3s` on one updating line while the block runs long."""
    out = stream or sys.stderr
    if not (wanted(out) if enabled is None else enabled):
        yield
        return
    start = time.monotonic()
    done = threading.Event()
    shown = threading.Event()

    def ticker() -> None:
        while not done.wait(tick):
            elapsed = time.monotonic() - start
            if elapsed >= after:
                shown.set()
                out.write(f"\rorgroles: {label}... {elapsed:.0f}s")
                out.flush()

    thread = threading.Thread(target=ticker, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        if shown.is_set():
            out.write(f"\rorgroles: {label}: {time.monotonic() - start:.1f}s\n")
            out.flush()
