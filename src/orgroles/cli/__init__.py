"""The ``orgroles`` command: one module per group of commands, on one click group.

Exit codes: 0 clean, 1 violations of error severity, 2 bad input or usage. Bad input is
reported on stderr as ``file:line:col: message``, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence

from orgroles.cli import check, imports, query, render
from orgroles.cli.base import EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATIONS, cli

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_VIOLATIONS",
    "check",
    "cli",
    "imports",
    "main",
    "query",
    "render",
]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the ``orgroles`` command (the console script's entry point)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="orgroles")
