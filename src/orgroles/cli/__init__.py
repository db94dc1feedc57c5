"""The `orgroles` command: one module per group of commands, all on the click group of
`orgroles.cli.base` (which says what the exit codes are, and imports the module of a
command only when that command runs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgroles._internal import cache
from orgroles._internal.lazy import lazy
from orgroles.cli.base import (
    COMMAND_HOMES,
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_VIOLATIONS,
    OUT_OF_MEMORY,
    cli,
)

if TYPE_CHECKING:
    from orgroles.cli import check, export, history, imports, query, render, report, starter

# The modules of the commands (those of the commands table in orgroles.cli.base) are
# imported when a command is looked up, or when one is asked for here.
__getattr__, __dir__ = lazy(__name__, {m.rpartition(".")[2]: m for m in COMMAND_HOMES.values()})

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_VIOLATIONS",
    "check",
    "cli",
    "export",
    "history",
    "imports",
    "main",
    "query",
    "render",
    "report",
    "starter",
]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the `orgroles` command (the console script's entry point)."""
    import gc
    import os
    import sys

    # pydantic looks through the entry points of every installed distribution for its
    # plugins when it builds its first validator (8 ms here, more in a large environment);
    # the command has no use for them. `PYDANTIC_DISABLE_PLUGINS=` (set, empty) turns them
    # on again.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    cache.enable()  # the built-in catalogue, read once rather than in each run

    # The cyclic collector stays off in the command's process: a command pauses it anyway
    # (see orgroles.cli.base), and turned on again at the end its first pass would walk
    # every object the command made, just before the process ends (1.7 s after a check of
    # a million roles).
    gc.disable()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="orgroles")
    except (MemoryError, SystemError):  # outside a command (starting, writing its output)
        pass  # said below, once the exception and the frames it holds are gone

    sys.stderr.write(f"orgroles: {OUT_OF_MEMORY}\n")
    sys.exit(EXIT_BAD_INPUT)
