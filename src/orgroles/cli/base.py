"""What every ``orgroles`` command shares: the group, exit codes, errors and output.

Exit codes: 0 clean, 1 violations of error severity, 2 bad input or usage, and an input
too large for the memory the process may use. Bad input is reported on stderr as
``file:line:col: message``, never as a traceback.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from orgroles._internal.text import printable, printable_lines
from orgroles._version import __version__
from orgroles.errors import OrgError, OrgValidationError

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_VIOLATIONS",
    "catalog_dirs_option",
    "cli",
    "report_problems",
    "refuse_overwrite",
    "split",
    "to_terminal",
    "write",
]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2

OUT_OF_MEMORY = (
    "out of memory: this input needs more memory than the process may use (see the "
    "limits in docs/performance.md; JSON takes less than YAML, and a chart of part of the "
    "org, with --root and --depth, less than one of all of it)"
)


def report_problems(exc: OrgValidationError) -> None:
    """Every problem of bad input on stderr, one line each: ``file:line:col: ...``."""
    for problem in exc.problems:
        click.echo(printable(str(problem)), err=True)


class _Group(click.Group):
    """Turns every :class:`OrgError` into a clear message on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OrgValidationError as exc:
            report_problems(exc)
            ctx.exit(EXIT_BAD_INPUT)
        except OrgError as exc:
            click.echo(printable_lines(f"orgroles: {exc}"), err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except (MemoryError, SystemError):
            # A SystemError ("error return without exception set") is what some C code
            # raises when an allocation fails. Said below, once the exception and the
            # frames it holds (the org, the chart) are gone and their memory free.
            pass
        gc.collect()
        click.echo(f"orgroles: {OUT_OF_MEMORY}", err=True)
        raise click.exceptions.Exit(EXIT_BAD_INPUT)


@click.group(
    cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, "--version", "-V", prog_name="orgroles")
def cli() -> None:
    """Model a company as a graph of roles: check rules on it and draw org charts."""


def catalog_dirs_option(command: F) -> F:
    """``--catalog-dir DIR``: a folder where the catalogue files of ``uses:`` may also be."""
    return click.option(
        "--catalog-dir",
        "catalog_dirs",
        multiple=True,
        metavar="DIR",
        type=click.Path(file_okay=False),
        help="Also read the catalogue files of uses: from this folder (repeatable); "
        "by default only those under the org file's folder are read.",
    )(command)


def refuse_overwrite(output: str | None, inputs: Sequence[str | None], what: str) -> None:
    """Refuse to write ``output`` over one of the files a command reads (exit 2):
    ``orgroles check org.yaml -o org.yaml`` would replace the org with its report."""
    if output is None or output == "-" or not os.path.exists(output):
        return
    for given in inputs:
        if given not in (None, "-") and os.path.exists(given) and os.path.samefile(output, given):
            raise click.UsageError(
                f"-o {output!r} is {given!r}, which this command reads: "
                f"refusing to replace it with the {what}"
            )


def to_terminal(output: str | None = None) -> bool:
    """Whether command output goes to a terminal (stdout, and stdout is one)."""
    if output is not None and output != "-":
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty()) if callable(isatty) else False


def write(text: str, output: str | None) -> None:
    """Write command output to a file (atomically) or to stdout."""
    if output is None or output == "-":
        click.echo(text, nl=not text.endswith("\n"))
    else:
        from orgroles.io.atomic import atomic_write

        atomic_write(output, text)


def split(values: Sequence[str]) -> list[str]:
    """``("K,C001", "S")`` -> ``["K", "C001", "S"]``: options that take comma lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
