"""The `orgroles` command: one module per group of commands, all on the click group of
`orgroles.cli.base` (which says what the exit codes are)."""

from __future__ import annotations

from collections.abc import Sequence

from orgroles.cli import check, history, imports, query, render, report, starter
from orgroles.cli.base import EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATIONS, OUT_OF_MEMORY, cli

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_VIOLATIONS",
    "check",
    "cli",
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
    import sys

    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="orgroles")
    except (MemoryError, SystemError):  # outside a command (starting, writing its output)
        pass  # said below, once the exception and the frames it holds are gone

    sys.stderr.write(f"orgroles: {OUT_OF_MEMORY}\n")
    sys.exit(EXIT_BAD_INPUT)
