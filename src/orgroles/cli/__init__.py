"""The ``orgroles`` command: one module per group of commands, all on the click group of
:mod:`orgroles.cli.base` (which says what the exit codes are)."""

from __future__ import annotations

from collections.abc import Sequence

from orgroles.cli import check, export, history, imports, query, render
from orgroles.cli.base import EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATIONS, cli

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
]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the ``orgroles`` command (the console script's entry point)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="orgroles")
