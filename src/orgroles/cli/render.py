"""`orgroles render`: draw an org chart into a file.

The options are those of `ChartOptions`, with their
choices taken from the same constants, and they reach the renderer as one object.
"""

from __future__ import annotations

import dataclasses
import os
import warnings
from functools import partial
from typing import TYPE_CHECKING, Any

import click

from orgroles._internal.text import plural, printable
from orgroles.cli.base import (
    STDIO,
    as_of_option,
    catalog_dirs_option,
    cli,
    load_org,
    refuse_other_suffix,
    step,
    write_bytes,
)
from orgroles.errors import OrgUsageError
from orgroles.render.formats import FORMATS, TABLE, Drawing, LargeChartWarning
from orgroles.render.options import (
    COLOR_BY,
    DIRECTIONS,
    ENGINES,
    LANGS,
    LAYOUTS,
    MAX_ASPECT,
    MAX_MEGAPIXELS,
    MIN_SCALE,
    ORIENTATIONS,
    PAGES,
    SCALE,
    SHOW,
    THEMES,
)

__all__ = ["render"]


def _show_warning(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> None:
    click.echo(printable(f"orgroles: warning: {message}"), err=True)


_SUFFIXES = ", ".join(s for f in TABLE for s in f.suffixes)


if TYPE_CHECKING:
    from orgroles.org import Org
    from orgroles.render import ChartOptions

    _Param = click.ParamType[str]
else:  # click made ParamType generic after 8.2, the oldest it supports
    _Param = click.ParamType


class _OrMeta(_Param):
    """One of some words, or `meta.FIELD` (a field of the roles' `meta`)."""

    name = "choice"

    def __init__(self, choices: tuple[str, ...]) -> None:
        self.choices = choices

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(self.choices) + "|meta.FIELD]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if text in self.choices or (text.startswith("meta.") and len(text) > 5):
            return text
        return self.fail(
            f"{text!r} is not one of {', '.join(self.choices)} or meta.FIELD", param, ctx
        )


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
    "--only",
    metavar="SELECTOR",
    help="Draw only the roles that match SELECTOR ('family:product'), each under its "
    "nearest manager among them.",
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
    "--show",
    type=_OrMeta(SHOW),
    multiple=True,
    help="A line of the boxes (repeatable): without title or name, both are shown and "
    "these added. reports: counts such as '12 reports · 40 below'; photo: the holder's "
    "photo, or initials; meta.FIELD: a field of the role's (or holder's) meta.",
)
@click.option(
    "--name-first", is_flag=True, help="Put the holder's name first, in bold, then the title."
)
@click.option(
    "--color-by",
    type=_OrMeta(COLOR_BY),
    default=COLOR_BY[0],
    show_default=True,
    help="Colour the boxes by family, team, kind or a meta field, with a legend. auto: "
    "by family, or by team when fewer than half the roles have a family.",
)
@click.option(
    "--legend/--no-legend",
    default=True,
    show_default=True,
    help="Name the colours under the chart.",
)
@click.option(
    "--direction",
    type=click.Choice(DIRECTIONS),
    default=DIRECTIONS[0],
    show_default=True,
    help="TB: levels from top to bottom; LR: from left to right.",
)
@click.option(
    "--theme",
    type=click.Choice(THEMES),
    default=THEMES[0],
    show_default=True,
    help="print: grey levels and no fills; high-contrast: black text and borders.",
)
@click.option(
    "--allow-outside-photos",
    is_flag=True,
    help="Let photos be files outside the org file's folder, or http(s) URLs (fetched).",
)
@click.option("--lang", type=click.Choice(LANGS), default=LANGS[0], show_default=True)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=ENGINES[0],
    show_default=True,
    help="builtin (the default; auto is its old name) draws every format with no system "
    "package; dot (Graphviz's, opt-in) lays out SVG, PNG and PDF itself.",
)
@click.option(
    "--layout",
    type=click.Choice(LAYOUTS),
    default=LAYOUTS[0],
    show_default=True,
    help="compact: stack leaf reports and wrap forests when the chart is too wide; "
    "tree: every row in full.",
)
@click.option(
    "--max-aspect",
    type=click.FloatRange(min=0, min_open=True),
    default=MAX_ASPECT,
    show_default=True,
    help="The widest shape, width over height, that the compact layout aims for.",
)
@click.option(
    "--scale",
    type=click.FloatRange(min=MIN_SCALE),
    default=SCALE,
    show_default=True,
    help="PNG: pixels per px of the chart (2 is 192 dpi).",
)
@click.option(
    "--max-megapixels",
    type=click.FloatRange(min=0, min_open=True),
    default=MAX_MEGAPIXELS,
    show_default=True,
    help="PNG: a bigger image is drawn at a lower scale, with a warning (250 at most).",
)
@click.option(
    "--page",
    type=click.Choice(PAGES),
    default=PAGES[0],
    show_default=True,
    help="PDF: one page the chart's size (fit), or sheets of paper; a chart too big for "
    "one sheet is tiled over several pages.",
)
@click.option(
    "--orientation",
    type=click.Choice(ORIENTATIONS),
    default=ORIENTATIONS[0],
    show_default=True,
    help="PDF: how the paper is turned; auto shows the chart largest, on the fewest pages.",
)
@click.option("--check", is_flag=True, help="Check the rules and highlight the violations.")
@click.option(
    "--diff",
    "diff_path",
    metavar="OLD",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="A change chart: mark what changed since the org in OLD (new seats, removed "
    "seats as ghosts, moves with their old line dashed, new holders), with a legend.",
)
@click.option(
    "--diff-from",
    metavar="DATE",
    help="A change chart of a dated ORG: mark what changed from DATE to the day shown "
    "(--as-of, or today).",
)
@as_of_option
@catalog_dirs_option
def render(
    org_path: str,
    output: str,
    fmt: str | None,
    check: bool,
    diff_path: str | None,
    diff_from: str | None,
    only: str | None,
    as_of: str | None,
    catalog_dirs: tuple[str, ...],
    **chart: Any,
) -> None:
    """Draw an org chart of ORG (a file, or '-' for standard input) into a file.

    With --diff OLD or --diff-from DATE, the chart is a change chart: ORG with what
    changed since OLD, or since DATE, marked. With --only SELECTOR, a chart of the
    matching roles alone.
    """
    from orgroles.render import ChartOptions, format_of
    from orgroles.selectors import find_role

    if fmt is None:  # an unknown suffix fails before the work, not after it
        fmt = "svg" if output == STDIO else format_of(output)
    else:
        refuse_other_suffix(fmt, output, FORMATS)
    if diff_path is not None and diff_from is not None:
        raise OrgUsageError("--diff OLD and --diff-from DATE both give the old org: use one")
    if diff_path == STDIO and org_path == STDIO:
        raise OrgUsageError("only one of ORG and --diff OLD can be '-' (standard input)")
    if only is not None and (diff_path is not None or diff_from is not None):
        raise OrgUsageError("--only draws a part of one org: a change chart draws all of it")
    options = ChartOptions.of(**chart)
    org = step(f"loading {org_path}", partial(load_org, org_path, as_of, catalog_dirs))
    if only is not None:  # the chart's title says which roles it shows
        chosen = org.select(only)
        if options.root is not None:  # the root is drawn, whatever --only says of it
            top = find_role(org, options.root)
            options = ChartOptions.of(options, root=top.id)
            chosen += [top] if all(r.id != top.id for r in chosen) else []
        part = org.subset(chosen)
        org = part.with_document(
            dataclasses.replace(part.to_document(), name=f"{org.name}: {only}")
        )
    if diff_path is not None:
        old = step(f"loading {diff_path}", partial(load_org, diff_path, as_of, catalog_dirs))
        options = ChartOptions.of(options, diff=old)
        org = _titled(org, options.lang, os.path.basename(diff_path), os.path.basename(org_path))
    elif diff_from is not None:
        if not org.dated:
            raise OrgUsageError(
                f"--diff-from compares two days of a dated org, and {org_path} has no dates: "
                "compare two files with --diff OLD"
            )
        old = org.viewed(diff_from)
        if (
            old.view_date is not None
            and org.view_date is not None
            and old.view_date > org.view_date
        ):
            raise OrgUsageError(
                f"--diff-from {old.view_date} is after the day drawn ({org.view_date}, "
                "--as-of): a change chart goes from an earlier day to a later one"
            )
        options = ChartOptions.of(options, diff=old)
        org = _titled(org, options.lang, str(old.view_date), str(org.view_date))
    if options.root is not None:
        options = ChartOptions.of(options, root=find_role(org, options.root).id)
    if check:
        options = ChartOptions.of(options, report=step(f"checking {len(org):,} roles", org.check))
    drawing = step(f"drawing {output}", partial(_draw, org, fmt, options, output))
    shown = drawing.plan.shown
    message = f"{output}: chart of {plural(shown, 'role')}"
    if fmt == "pptx":
        from orgroles.render.pptx_file import slide_count

        message += f" on {plural(slide_count(drawing.data), 'slide')}"
    if options.report is not None:
        counts = ", ".join(plural(n, s) for s, n in options.report.severity_counts().items() if n)
        message += f"; violations highlighted: {counts or 'none'}"
    if options.diff is not None:
        changes = ", ".join(label for label, _ in drawing.plan.changes)
        message += f"; changes: {changes or 'none'}"
    click.echo(printable(message), err=output == STDIO)


def _titled(org: Org, lang: str, old: str, new: str) -> Org:
    """A change chart's org, named so that its title says what it compares ("Acme:
    changes from 2025-06-01 to 2026-11-30")."""
    from orgroles.render.words import word

    return org.renamed(word("changes_from", lang).format(name=org.name, old=old, new=new))


def _draw(org: Org, fmt: str, options: ChartOptions, output: str) -> Drawing:
    from orgroles.render import draw

    with warnings.catch_warnings():
        # A chart too big for its format says so at once, before the long work.
        warnings.simplefilter("always", LargeChartWarning)
        warnings.showwarning = _show_warning
        drawing = draw(org, fmt, options)
    write_bytes(drawing.data, output)
    return drawing
