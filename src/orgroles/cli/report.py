"""`orgroles report`: the org health report, as a page (`.html`) or a PDF (`.pdf`)."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING, Any

import click

from orgroles._internal.text import plural, printable
from orgroles.cli.base import (
    STDIO,
    as_of_option,
    cli,
    load_org,
    refuse_other_suffix,
    step,
    write_bytes,
)
from orgroles.errors import OrgUsageError

if TYPE_CHECKING:
    from orgroles.health import HealthReport
    from orgroles.org import Org

__all__ = ["report"]

_BAND = re.compile(r"^\s*(\d+)\s*[-,:]\s*(\d+)\s*$")


def _band(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    match = _BAND.match(value)
    if match is None:
        raise OrgUsageError(f"--span-band {value!r}: write it LOW-HIGH, such as 5-10")
    return int(match.group(1)), int(match.group(2))


@cli.command()
@click.argument("org_path", metavar="ORG", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="The report: .html (a page that works offline) or .pdf (to print); "
    "'-' writes to standard output (see --format).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "pdf"]),
    help="The format, when the file name does not say (with -o -, html by default).",
)
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
@click.option(
    "--since",
    metavar="DATE",
    help="A dated org's changes are counted from this day (YYYY-MM-DD; "
    "default: three months before the day shown).",
)
@click.option(
    "--span-band",
    metavar="LOW-HIGH",
    help="The target span of control (default: 5-10 direct reports).",
)
@click.option(
    "--narrow",
    type=click.IntRange(min=0),
    help="The widest span that counts as narrow (default: 2).",
)
@click.option(
    "--max-layers",
    type=click.IntRange(min=1),
    help="The most layers the org should have (default: from its size and the band).",
)
@as_of_option
def report(
    org_path: str,
    output: str,
    fmt: str | None,
    lang: str,
    since: str | None,
    span_band: str | None,
    narrow: int | None,
    max_layers: int | None,
    as_of: str | None,
) -> None:
    """Write the health report of ORG (a file, or '-' for standard input): headline
    figures, spans and layers, narrow spans, vacancies by team, rule findings, who owns
    the critical duties and, for a dated org, quarter by quarter and changes."""
    from orgroles.health import Targets, format_of
    from orgroles.health.report import FORMATS

    if fmt is None:  # an unknown suffix fails before the work, not after it
        fmt = "html" if output == STDIO else format_of(output)
    else:
        refuse_other_suffix(fmt, output, FORMATS)
    band = _band(span_band) or Targets().span
    if narrow is None:  # the default, unless the band starts lower
        narrow = min(Targets().narrow, band[0] - 1)
    targets = Targets(span=band, narrow=narrow, layers=max_layers)
    org = step(f"loading {org_path}", partial(load_org, org_path, as_of))
    made = step(
        f"reporting on {len(org):,} roles",
        partial(_write, org, output, fmt, lang=lang, since=since, targets=targets),
    )
    h = made.numbers.headline
    message = (
        f"{output}: health report of {plural(h.roles, 'role')}, {plural(h.layers, 'layer')}, "
        f"{plural(made.numbers.findings.total, 'finding')}"
    )
    click.echo(printable(message), err=output == STDIO)


def _write(org: Org, output: str, fmt: str, **options: Any) -> HealthReport:
    from orgroles.health import health_report

    made = health_report(org, **options)
    write_bytes(made.to_html().encode("utf-8") if fmt == "html" else made.to_pdf(), output)
    return made
