"""``orgroles check`` and ``orgroles rules``: run the rules, list them."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

import click

from orgroles._internal.progress import phase
from orgroles._internal.text import json_text
from orgroles.cli.base import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_VIOLATIONS,
    catalog_dirs_option,
    cli,
    refuse_overwrite,
    report_problems,
    split,
    write,
)
from orgroles.errors import OrgValidationError

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
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to a file.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are errors.")
@catalog_dirs_option
def check(
    orgs: Sequence[str],
    select: Sequence[str],
    ignore: Sequence[str],
    fmt: str,
    output: str | None,
    exit_zero: bool,
    catalog_dirs: Sequence[str],
) -> None:
    """Check org files against the rules (exit 1 on errors)."""
    from orgroles.loaders import load
    from orgroles.rules.output import format_text, to_json, to_sarif

    refuse_overwrite(output, orgs, "report")
    chosen = split(select) or None
    ignored = split(ignore)
    reports = []
    unreadable = False
    for path in orgs:
        try:
            with phase(f"loading {path}"):
                org = load(path, catalog_dirs=catalog_dirs)
        except OrgValidationError as exc:
            unreadable = True
            report_problems(exc)
            continue
        with phase(f"checking {len(org):,} roles"):
            reports.append(org.check(select=chosen, ignore=ignored))
    if fmt == "json":
        write(to_json(reports), output)
    elif fmt == "sarif":
        write(to_sarif(reports), output)
    elif reports:
        color = output is None or output == "-"
        text = "\n\n".join(format_text(r, color=color) for r in reports) + "\n"
        write(text, output)
    if unreadable:
        sys.exit(EXIT_BAD_INPUT)
    failed = not all(r.ok for r in reports)
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
