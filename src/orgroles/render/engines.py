"""Layout engines: the builtin tidy tree (the default) or Graphviz's `dot` (run here,
and only here).

The builtin engine is pure Python and linear, and keeps levels as rank (see
`orgroles.render.layout`); it writes SVG, which `orgroles.render.raster` turns
into PNG and PDF with no system package. `dot` is opt-in (`engine="dot"`) for all
three: it keeps levels too (`rank=same`) and draws orthogonal lines, but routes them
its own way, and its time grows roughly with the square of the chart (0.9 s at 1,000
roles, about 50 s at 20,000: see `benchmarks/render_sizes.py`). `"auto"`, the
default before 0.3, is a name for the builtin engine.

Examples:
    >>> choose_engine("builtin", "svg", 10), choose_engine("builtin", "png", 10)
    ('builtin', 'builtin')
    >>> choose_engine("auto", "pdf", 100_000)
    'builtin'
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import Literal

from orgroles.errors import EngineNotFoundError, RenderError
from orgroles.limits import DOT_MEMORY, DOT_TIMEOUT

__all__ = [
    "DOT_LIMIT",
    "DOT_MEMORY",
    "DOT_TIMEOUT",
    "ENGINES",
    "INSTALL_HINT",
    "Engine",
    "choose_engine",
    "find_dot",
    "memory_capped",
    "run_dot",
]

Engine = Literal["builtin", "dot", "auto"]
ENGINES: tuple[Engine, ...] = ("builtin", "dot", "auto")

DOT_LIMIT = 1500
"""Before 0.3, `engine="auto"` used `dot` for charts of at most this many boxes; it
no longer chooses by size, and nothing here reads this any more."""

# How long dot may run before the render fails with a RenderError: see orgroles.limits.

INSTALL_HINT = (
    "install Graphviz: apt-get install graphviz (Debian, Ubuntu), "
    "brew install graphviz (macOS) or conda install graphviz (conda)"
)
"""How to get `dot`, for error messages."""


def find_dot() -> str | None:
    """Return the path of Graphviz's `dot` on PATH, or None (looked up at every call)."""
    return shutil.which("dot")


def choose_engine(engine: str, fmt: str, boxes: int) -> Literal["dot", "builtin"]:
    """Return the engine that draws `boxes` boxes as `fmt` (svg, png or pdf).

    Every format is drawn by the builtin engine unless `engine="dot"`. Raises
    `EngineNotFoundError` when `dot` is asked for and missing, and
    `RenderError` for an unknown engine.

    Examples:
        >>> choose_engine("dot", "svg", 10) if find_dot() else "dot"
        'dot'
    """
    if engine not in ENGINES:
        raise RenderError(f"unknown engine {engine!r} (choose from: {', '.join(ENGINES)})")
    if engine != "dot":
        return "builtin"
    if find_dot() is None:
        raise EngineNotFoundError(
            f"engine='dot' needs Graphviz's dot program, which is not on PATH; "
            f"{INSTALL_HINT}. Every format works without it (the builtin engine, the "
            "default)."
        )
    return "dot"


# Runs in a fresh interpreter, which caps its own address space and then becomes the command.
# This is what ``preexec_fn`` would do, without its deadlock in a process that has threads
# (a web service, a pytest-xdist worker): the child of a threaded fork may not run Python.
_CAPPED = (
    "import os, resource, sys; n = int(sys.argv[1]); "
    "resource.setrlimit(resource.RLIMIT_AS, (n, n)); os.execv(sys.argv[2], sys.argv[2:])"
)


def memory_capped(command: list[str], limit: int) -> list[str]:
    """`command` run with its address space capped at `limit` bytes, where POSIX allows.

    Example:
        >>> memory_capped(["/usr/bin/dot", "-Tsvg"], 2**30)[-3:]
        ['1073741824', '/usr/bin/dot', '-Tsvg']
    """
    try:
        import resource  # noqa: F401
    except ImportError:  # Windows: the timeout is the only bound
        return command
    return [sys.executable, "-S", "-c", _CAPPED, str(limit), *command]


def run_dot(
    source: str, fmt: str, *, timeout: float = DOT_TIMEOUT, memory: int | None = None
) -> bytes:
    """Run `dot -T<fmt>` on DOT source and return its output.

    `dot` runs under a timeout and a limit on its memory (`memory` bytes of address
    space, `DOT_MEMORY` by default): a dense chart can drive it
    past several gigabytes in seconds. Every failure becomes a `RenderError` (or
    `EngineNotFoundError`) that says what happened: dot missing, too slow, out of
    memory, or reporting an error.
    """
    dot = find_dot()
    if dot is None:
        raise EngineNotFoundError(f"Graphviz's dot program is not on PATH; {INSTALL_HINT}")
    if memory is None:
        memory = DOT_MEMORY
    try:
        proc = subprocess.run(
            memory_capped([dot, f"-T{fmt}"], memory),
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"dot took more than {timeout:g} s; for a chart this large use engine='builtin' "
            "(SVG), or draw a part of it with root= and depth="
        ) from None
    except OSError as exc:
        raise RenderError(f"could not run {dot}: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        starved = ("out of memory", "alloc", "Resource temporarily unavailable")
        if proc.returncode < 0 or any(w in line for line in message for w in starved):
            # Out of memory, dot prints so and crashes (a signal): name the likely cause.
            raise RenderError(
                f"dot ran out of memory or crashed (it may use {memory / 1024**3:.3g} GiB): "
                "for a chart this dense use engine='builtin' (SVG), or draw a part of it "
                "with root= and depth="
            )
        detail = "; ".join(message[:3]) or f"exit status {proc.returncode}"
        raise RenderError(f"dot failed: {detail}")
    return proc.stdout
