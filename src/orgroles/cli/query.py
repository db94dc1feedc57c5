"""``orgroles query``, ``diff``, ``schema`` and ``catalog``: look at an org and its catalogue."""

from __future__ import annotations

import json

import click

from orgroles._internal.text import json_text, printable_csv
from orgroles.cli.base import catalog_dirs_option, cli, refuse_overwrite, to_terminal, write

__all__ = ["catalog", "diff", "query", "schema"]


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--catalog", "which", flag_value="catalog", help="The schema of catalogue files instead."
)
def schema(output: str | None, which: str | None) -> None:
    """Print the JSON Schema of the org file format (draft 7)."""
    from orgroles.schema import catalog_schema, org_schema

    document = catalog_schema() if which == "catalog" else org_schema()
    write(json.dumps(document, indent=2, ensure_ascii=False) + "\n", output)


@cli.command()
@click.argument("org", type=click.Path(dir_okay=False))
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
@catalog_dirs_option
def query(
    org: str, selector: str, fmt: str, lang: str, output: str | None, catalog_dirs: tuple[str, ...]
) -> None:
    """List the roles of ORG that match SELECTOR (all if empty).

    \b
    Terms, all of which must hold:  id:X  kind:X  family:X  team:X  has:RESP
    under:X  holder:PERSON  title~TEXT  name~TEXT  vacant  acting  assistant
    (-term negates, X,Y means either: 'kind:developer,designer under:cto -vacant')
    """
    from orgroles.loaders import load
    from orgroles.queries.output import query_csv, query_json, query_text

    refuse_overwrite(output, [org], "listing")
    loaded = load(org, catalog_dirs=catalog_dirs)
    roles = loaded.select(selector)
    formatter = {"text": query_text, "json": query_json, "csv": query_csv}[fmt]
    text = formatter(loaded, roles, lang)
    if fmt == "json":
        text = json_text(text)
    elif fmt == "csv" and to_terminal(output):  # a file or a pipe gets the cells as they are
        text = printable_csv(text)
    write(text, output)


@cli.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@catalog_dirs_option
def diff(old: str, new: str, fmt: str, catalog_dirs: tuple[str, ...]) -> None:
    """Show a reorganisation between two org files.

    Lists the roles added, removed, moved (to a new manager), retitled and re-staffed.
    """
    from orgroles.loaders import load

    changes = load(old, catalog_dirs=catalog_dirs).diff(load(new, catalog_dirs=catalog_dirs))
    if fmt == "json":
        click.echo(json_text(json.dumps(changes.to_dict(), indent=2, ensure_ascii=False)))
    else:
        click.echo(str(changes))


@cli.command()
@click.argument("org", required=False, type=click.Path(dir_okay=False))
@click.option("--lang", default="en", show_default=True, help="Language of labels (en, fr).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@catalog_dirs_option
def catalog(org: str | None, lang: str, fmt: str, catalog_dirs: tuple[str, ...]) -> None:
    """List the kinds and responsibilities (built-in, or ORG's)."""
    from orgroles.catalog import builtin_catalog
    from orgroles.catalog.listing import catalog_data, catalog_text
    from orgroles.loaders import load

    chosen = load(org, catalog_dirs=catalog_dirs).catalog if org else builtin_catalog()
    if fmt == "json":
        data = catalog_data(chosen, lang)
        click.echo(json_text(json.dumps(data, indent=2, ensure_ascii=False)))
    else:
        click.echo(catalog_text(chosen, lang))
