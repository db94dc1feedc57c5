"""`orgroles check` and `orgroles rules`: run the rules, list them."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import click

from orgroles._internal.text import json_text
from orgroles.cli.base import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_VIOLATIONS,
    STDIO,
    as_of_option,
    catalog_dirs_option,
    cli,
    color_option,
    load_org,
    org_files,
    refuse_overwrite,
    report_problems,
    split,
    step,
    use_color,
    write,
)
from orgroles.cli.over_time import over_time_report, write_over_time
from orgroles.errors import OrgValidationError

if TYPE_CHECKING:
    from orgroles.rules.over_time import Span
    from orgroles.rules.report import Report

__all__ = ["check", "rules_"]


@cli.command()
@click.argument("orgs", nargs=-1, required=True, metavar="ORG...")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Rules to run (codes, names or families such as K; comma-separated). "
    "Replaces the file's rules.select.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Rules not to run, added to the file's rules.ignore.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif"]),
    default="text",
    show_default=True,
    help="text for people, json for programs, sarif for code scanning.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the report to a file ('-': stdout).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="error",
    show_default=True,
    help="Exit 1 when a violation of this severity or a higher one is found.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are violations.")
@as_of_option
@click.option(
    "--over-time",
    is_flag=True,
    help="Check a dated org on every day it changes, and say when each violation started "
    "and ended (up to --as-of).",
)
@color_option
@catalog_dirs_option
def check(
    orgs: Sequence[str],
    select: Sequence[str],
    ignore: Sequence[str],
    fmt: str,
    output: str | None,
    fail_on: str,
    exit_zero: bool,
    as_of: str | None,
    over_time: bool,
    color: str,
    catalog_dirs: Sequence[str],
) -> None:
    """Check org files against the rules (exit 1 on errors, or --fail-on warning).

    ORG is an org file, a folder (every .yaml, .yml and .json file below it) or '-' for
    standard input. Several of them get one report, with a summary of all of them. A
    dated org is checked as of --as-of (default: today), or with --over-time on every
    day it changes (exit 1 when an error holds on the last day).
    """
    from orgroles.rules.output import format_text, summary_line, to_json, to_sarif
    from orgroles.rules.report import SEVERITIES

    chosen = split(select) or None
    ignored = split(ignore)
    paths = list(org_files(orgs))
    refuse_overwrite(output, paths, "report")
    reports = []
    timed: list[tuple[Report, list[Span]]] = []
    unreadable: list[OrgValidationError] = []
    for path in paths:
        try:
            org = step(f"loading {path}", partial(load_org, path, as_of, catalog_dirs))
        except OrgValidationError as exc:
            unreadable.append(exc)
            report_problems(exc)
            continue
        if over_time:
            label = f"checking {len(org):,} roles over time"
            timed.append(step(label, partial(over_time_report, org, chosen, ignored)))
            reports.append(timed[-1][0])
            continue
        checked = step(
            f"checking {len(org):,} roles", partial(org.check, select=chosen, ignore=ignored)
        )
        reports.append(checked)
    if not over_time and reports and not any(r.rules for r in reports):  # not "no problems"
        click.echo("warning: no rule was checked: every rule selected is ignored", err=True)
    if over_time:
        write_over_time(timed, fmt, output, color, unreadable)
    elif fmt == "json":
        write(to_json(reports, unreadable), output)
    elif fmt == "sarif":
        write(to_sarif(reports, unreadable), output)
    else:
        colored = use_color(color) if output in (None, STDIO) else False
        texts = [format_text(r, color=colored) for r in reports]
        if len(paths) > 1:
            texts.append(summary_line(reports, len(unreadable)))
        if texts:
            write("\n\n".join(texts) + "\n", output, color=colored)
    if unreadable:
        sys.exit(EXIT_BAD_INPUT)
    failing = set(SEVERITIES[: SEVERITIES.index(fail_on) + 1])  # this one and above
    if over_time:  # what counts is what holds on the last day
        failed = any(
            span.end is None and span.violation.severity in failing
            for _, spans in timed
            for span in spans
        )
    else:
        failed = any(failing & {s for s, n in r.severity_counts().items() if n} for r in reports)
    sys.exit(EXIT_VIOLATIONS if failed and not exit_zero else EXIT_OK)


@cli.command("rules")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rules_(fmt: str) -> None:
    """List the built-in rules and their parameters."""
    from orgroles.rules import all_rules
    from orgroles.rules.docs import plain

    rows: list[dict[str, Any]] = [
        {
            "code": r.code,
            "name": r.name,
            "family": r.family,
            "severity": r.severity,
            "summary": plain(r.summary),
            "params": {
                name: _jsonable(info.get_default(call_default_factory=True))
                for name, info in r.params_type.model_fields.items()
            },
        }
        for r in all_rules()
    ]
    if fmt == "json":
        click.echo(json_text(json.dumps(rows, indent=2, ensure_ascii=False)))
        return
    for row in rows:
        params = ", ".join(f"{k}={json.dumps(v)}" for k, v in row["params"].items())
        click.echo(f"{row['code']}  {row['name']:<26} {row['severity']:<8} {row['summary']}")
        if params:
            click.echo(f"      {'':<26} {'':<8} parameters: {params}")


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
