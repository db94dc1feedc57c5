"""``orgroles render``: draw an org chart into a file.

The options are those of :class:`~orgroles.render.options.ChartOptions`, with their
choices taken from the same constants, and they reach the renderer as one object.
"""

from __future__ import annotations

from typing import Any

import click

from orgroles._internal.progress import phase
from orgroles._internal.text import plural
from orgroles.cli.base import catalog_dirs_option, cli
from orgroles.render.formats import TABLE
from orgroles.render.options import ENGINES, LANGS, LAYOUTS, MAX_ASPECT, SHOW

__all__ = ["render"]

_SUFFIXES = ", ".join(s for f in TABLE for s in f.suffixes)


@cli.command()
@click.argument("org_path", metavar="ORG", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help=f"The chart file: {_SUFFIXES} (.html is the interactive explorer); "
    "the suffix picks the format.",
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
@catalog_dirs_option
def render(
    org_path: str, output: str, check: bool, catalog_dirs: tuple[str, ...], **chart: Any
) -> None:
    """Draw an org chart of ORG into a file."""
    from orgroles.loaders import load
    from orgroles.render import ChartOptions, format_of, render_file

    format_of(output)  # an unknown suffix fails before the work, not after it
    options = ChartOptions.of(**chart)
    with phase(f"loading {org_path}"):
        org = load(org_path, catalog_dirs=catalog_dirs)
    if options.root is not None:
        org.roles[options.root]  # an unknown id fails here, with a did-you-mean
    if check:
        with phase(f"checking {len(org):,} roles"):
            options = ChartOptions.of(options, report=org.check())
    with phase(f"drawing {output}"):
        _, shown = render_file(org, output, options)
    message = f"{output}: chart of {plural(shown, 'role')}"
    if options.report is not None:
        counts = ", ".join(plural(n, s) for s, n in options.report.severity_counts().items() if n)
        message += f"; violations highlighted: {counts or 'none'}"
    click.echo(message)
