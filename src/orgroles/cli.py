"""The ``orgroles`` command.

Exit codes: 0 clean, 1 violations of error severity, 2 bad input or usage. Bad input is
reported on stderr as ``file:line:col: message``, never as a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from orgroles._version import __version__
from orgroles.errors import OrgError, OrgValidationError, RenderError

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2


class _Group(click.Group):
    """Turns every :class:`OrgError` into a clear message on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OrgValidationError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except OrgError as exc:
            click.echo(f"orgroles: {exc}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="orgroles")
def cli() -> None:
    """Model a company as a graph of roles: check rules on it and draw org charts."""


def _write(text: str, output: str | None) -> None:
    """Write command output to a file (atomically) or to stdout."""
    if output is None or output == "-":
        click.echo(text, nl=not text.endswith("\n"))
    else:
        from orgroles.io.atomic import atomic_write

        atomic_write(output, text)


@cli.command()
@click.argument("orgs", nargs=-1, required=True, metavar="ORG...")
def check(orgs: Sequence[str]) -> None:
    """Check org files: load each one and report its problems."""
    from orgroles.io.orgfile import load

    failed = False
    for path in orgs:
        try:
            org = load(path)
        except OrgValidationError as exc:
            failed = True
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            continue
        click.echo(f"{path}: no problems ({len(org):,} roles)")
    sys.exit(EXIT_BAD_INPUT if failed else EXIT_OK)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--catalog", "which", flag_value="catalog", help="The schema of catalogue files instead."
)
def schema(output: str | None, which: str | None) -> None:
    """Print the JSON Schema of the org file format (draft 7)."""
    from orgroles.schema import catalog_schema, org_schema

    document = catalog_schema() if which == "catalog" else org_schema()
    _write(json.dumps(document, indent=2, ensure_ascii=False) + "\n", output)


@cli.command()
@click.argument("org_path", metavar="ORG", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The chart file: .svg, .png, .pdf, .dot, .gv or .mmd (the suffix picks the format).",
)
@click.option("--root", metavar="ID", help="Draw this role and the roles below it only.")
@click.option(
    "--depth", type=click.IntRange(min=0), help="Draw this many layers below the root (or top)."
)
@click.option(
    "--fold",
    type=click.IntRange(min=0),
    help="Fold more than N leaf reports with the same title into one '+N' box.",
)
@click.option(
    "--show",
    type=click.Choice(["responsibilities"]),
    multiple=True,
    help="Add this to every box (repeatable).",
)
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
@click.option(
    "--engine",
    type=click.Choice(["auto", "dot", "builtin"]),
    default="auto",
    show_default=True,
    help="auto: Graphviz's dot if installed and the chart is small enough, else builtin.",
)
@click.option("--check", is_flag=True, help="Check the rules and highlight the violations.")
def render(
    org_path: str,
    output: str,
    root: str | None,
    depth: int | None,
    fold: int | None,
    show: tuple[str, ...],
    lang: str,
    engine: str,
    check: bool,
) -> None:
    """Draw an org chart of ORG into a file."""
    from orgroles.io.orgfile import load
    from orgroles.render import render as draw

    org = load(org_path)
    if root is not None:
        org.roles[root]  # an unknown id fails here, with a did-you-mean
    report = None
    if check:
        run_checks = getattr(org, "check", None)  # Org.check comes with the rule engine
        if run_checks is None:
            raise RenderError("--check needs the rule engine, which this version lacks")
        report = run_checks()
    draw(
        org,
        output,
        root=root,
        depth=depth,
        fold=fold,
        show=show,
        lang=lang,
        engine=engine,
        report=report,
    )
    message = f"{output}: chart of {len(org):,} roles"
    if report is not None:
        counts = ", ".join(f"{n} {s}" for s, n in report.severity_counts().items() if n)
        message += f"; violations highlighted: {counts or 'none'}"
    click.echo(message)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the ``orgroles`` command (the console script's entry point)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="orgroles")
