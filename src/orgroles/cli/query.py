"""`orgroles query`, `diff`, `schema` and `catalog`: look at an org and its catalogue."""

from __future__ import annotations

import json
import sys

import click

from orgroles._internal.text import json_text, printable_csv, printable_lines
from orgroles.cli.base import (
    EXIT_OK,
    EXIT_VIOLATIONS,
    STDIO,
    as_of_option,
    catalog_dirs_option,
    cli,
    load_org,
    refuse_overwrite,
    to_terminal,
    write,
)
from orgroles.errors import OrgUsageError

__all__ = ["catalog", "diff", "query", "schema"]


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--catalog", "which", flag_value="catalog", help="The schema of catalogue files instead."
)
def schema(output: str | None, which: str | None) -> None:
    """Print the JSON Schema of the org file format (draft 7)."""
    from orgroles.schema import schema_text

    write(schema_text("catalog.schema.json" if which == "catalog" else "org.schema.json"), output)


def _terms_help() -> str:
    from orgroles.selectors import TERMS

    usages = "  ".join(t.usage for t in TERMS.values())
    return (
        "List the roles of ORG that match SELECTOR (all if empty); ORG may be '-' (stdin).\n\n"
        f"\b\nTerms, all of which must hold: {usages}\n"
        "(-term negates, X,Y means either: 'kind:developer,designer under:cto -vacant';\n"
        "'reports:cto' answers: whom does the CTO manage?)"
    )


@cli.command(help=_terms_help())
@click.argument("org", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("selector", default="")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
)
@click.option("--lang", default="en", show_default=True, help="Language of titles (en, fr).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file.")
@as_of_option
@catalog_dirs_option
def query(
    org: str,
    selector: str,
    fmt: str,
    lang: str,
    output: str | None,
    as_of: str | None,
    catalog_dirs: tuple[str, ...],
) -> None:
    from orgroles.queries.output import query_csv, query_json, query_text
    from orgroles.selectors import parse
    from orgroles.selectors.terms import COMPARE_KEYS

    refuse_overwrite(output, [org], "listing")
    loaded = load_org(org, as_of, catalog_dirs)
    parsed = parse(selector)
    roles = loaded.select(parsed)
    if fmt == "text":  # the numbers compared (span>8) are shown; JSON and CSV have them all
        numbers = list(dict.fromkeys(t.key for t in parsed.terms if t.key in COMPARE_KEYS))
        text = query_text(loaded, roles, lang, numbers)
    else:
        text = (query_json if fmt == "json" else query_csv)(loaded, roles, lang)
    if fmt == "json":
        text = json_text(text)
    elif fmt == "csv" and to_terminal(output):  # a file or a pipe gets the cells as they are
        text = printable_csv(text)
    write(text, output)


@cli.command()
@click.argument("old", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("new", type=click.Path(dir_okay=False, allow_dash=True), required=False)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--from", "since", metavar="DATE", help="With one dated ORG: the first day.")
@click.option("--to", "until", metavar="DATE", help="With one dated ORG: the second day.")
@catalog_dirs_option
def diff(
    old: str,
    new: str | None,
    fmt: str,
    since: str | None,
    until: str | None,
    catalog_dirs: tuple[str, ...],
) -> None:
    """Show a reorganisation between two org files, or between two days of one dated
    org (exit 1 when they differ, like diff).

    Run as 'diff OLD NEW', or as 'diff ORG --from DATE --to DATE'. Lists the roles added,
    removed, moved (to a new manager), retitled and re-staffed, and the people and teams
    added, removed or changed.
    """
    if new is None:
        if since is None or until is None:
            raise OrgUsageError("give two orgs (diff OLD NEW), or one and --from and --to")
        org = load_org(old, catalog_dirs=catalog_dirs)
        changes = org.as_of(since).diff(org.as_of(until))
    elif since is not None or until is not None:
        raise OrgUsageError("--from and --to compare two days of one org: give one ORG")
    elif old == STDIO and new == STDIO:
        raise OrgUsageError("only one of OLD and NEW can be '-' (standard input)")
    else:
        before = load_org(old, catalog_dirs=catalog_dirs)
        changes = before.diff(load_org(new, catalog_dirs=catalog_dirs))
    if fmt == "json":
        click.echo(json_text(json.dumps(changes.to_dict(), indent=2, ensure_ascii=False)))
    else:
        click.echo(printable_lines(str(changes)))
    sys.exit(EXIT_VIOLATIONS if changes else EXIT_OK)


@cli.command()
@click.argument("org", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--lang", default="en", show_default=True, help="Language of labels (en, fr).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--titles",
    "titles_of",
    metavar="KIND",
    help="Show the job titles that KIND goes by (the patterns that infer it).",
)
@catalog_dirs_option
def catalog(
    org: str | None, lang: str, fmt: str, titles_of: str | None, catalog_dirs: tuple[str, ...]
) -> None:
    """List the kinds and responsibilities (built-in, or ORG's)."""
    from orgroles.catalog import builtin_catalog
    from orgroles.catalog.listing import catalog_data, catalog_text, titles_text
    from orgroles.errors import UnknownKindError

    chosen = load_org(org, catalog_dirs=catalog_dirs).catalog if org else builtin_catalog()
    if titles_of is not None:
        kind = chosen.kinds.get(titles_of)
        if kind is None:
            raise UnknownKindError(titles_of, chosen.kinds)
        click.echo(printable_lines(titles_text(kind)))
        return
    if fmt == "json":
        data = catalog_data(chosen, lang)
        click.echo(json_text(json.dumps(data, indent=2, ensure_ascii=False)))
    else:
        click.echo(printable_lines(catalog_text(chosen, lang)))
