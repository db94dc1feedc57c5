"""``orgroles render``: draw an org chart into a file.

The options are those of :class:`~orgroles.render.options.ChartOptions`, with their
choices taken from the same constants, and they reach the renderer as one object.
"""

from __future__ import annotations

from typing import Any

import click

from orgroles._internal.progress import phase
from orgroles._internal.text import plural, printable
from orgroles.cli.base import STDIO, as_of_option, catalog_dirs_option, cli, load_org, write_bytes
from orgroles.render.formats import TABLE
from orgroles.render.options import ENGINES, LANGS, LAYOUTS, MAX_ASPECT, SHOW

__all__ = ["render"]

_SUFFIXES = ", ".join(s for f in TABLE for s in f.suffixes)


@cli.command()
@click.argument("org_path", metavar="ORG", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help=f"The chart file: {_SUFFIXES} (.html is the interactive explorer); "
    "the suffix picks the format. '-' writes to standard output (see --format).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.name for f in TABLE]),
    help="The format, when the file name does not say (with -o -, svg by default).",
)
@click.option(
    "--root",
    metavar="ROLE",
    help="Draw this role and the roles below it only: an id, an exact title, "
    "or a selector that picks one role.",
)
@click.option(
    "--depth", type=click.IntRange(min=0), help="Draw this many layers below the root (or top)."
)
@click.option(
    "--fold",
    type=click.IntRange(min=0),
    help="Fold more than N leaf reports with the same title into one '+N' box.",
)
@click.option(
    "--show", type=click.Choice(SHOW), multiple=True, help="Add this to every box (repeatable)."
)
@click.option("--lang", type=click.Choice(LANGS), default=LANGS[0], show_default=True)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=ENGINES[0],
    show_default=True,
    help="auto: Graphviz's dot if installed and the chart is small enough, else builtin.",
)
@click.option(
    "--layout",
    type=click.Choice(LAYOUTS),
    default=LAYOUTS[0],
    show_default=True,
    help="compact: wrap wide rows of reports onto shelves; tree: always one row.",
)
@click.option(
    "--max-aspect",
    type=click.FloatRange(min=0, min_open=True),
    default=MAX_ASPECT,
    show_default=True,
    help="The widest shape, width over height, that the compact layout aims for.",
)
@click.option("--check", is_flag=True, help="Check the rules and highlight the violations.")
@as_of_option
@catalog_dirs_option
def render(
    org_path: str,
    output: str,
    fmt: str | None,
    check: bool,
    as_of: str | None,
    catalog_dirs: tuple[str, ...],
    **chart: Any,
) -> None:
    """Draw an org chart of ORG (a file, or '-' for standard input) into a file."""
    from orgroles.render import ChartOptions, draw, format_of
    from orgroles.selectors import find_role

    if fmt is None:  # an unknown suffix fails before the work, not after it
        fmt = "svg" if output == STDIO else format_of(output)
    options = ChartOptions.of(**chart)
    with phase(f"loading {org_path}"):
        org = load_org(org_path, as_of, catalog_dirs)
    if options.root is not None:
        options = ChartOptions.of(options, root=find_role(org, options.root).id)
    if check:
        with phase(f"checking {len(org):,} roles"):
            options = ChartOptions.of(options, report=org.check())
    with phase(f"drawing {output}"):
        drawing = draw(org, fmt, options)
        write_bytes(drawing.data, output)
    shown = drawing.plan.shown
    message = f"{output}: chart of {plural(shown, 'role')}"
    if options.report is not None:
        counts = ", ".join(plural(n, s) for s, n in options.report.severity_counts().items() if n)
        message += f"; violations highlighted: {counts or 'none'}"
    click.echo(printable(message), err=output == STDIO)
