"""`orgroles export`: an org in the W3C Organization Ontology, for RDF tools."""

from __future__ import annotations

from pathlib import Path

import click

from orgroles.cli.base import STDIO, cli, load_org, write

__all__ = ["export"]


@cli.command()
@click.argument("org", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="The file: .jsonld (JSON-LD), .ttl (Turtle) or .nt (N-Triples); '-' for standard "
    "output (Turtle, unless --format says).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json-ld", "turtle", "nt"]),
    help="The format, where the file's suffix does not say it.",
)
@click.option("--base", metavar="IRI", help="The IRI under which the nodes are named.")
def export(org: str, output: str, fmt: str | None, base: str | None) -> None:
    """Write an org in the W3C Organization Ontology: its seats (org:Post), who held them
    (org:holds, org:Membership with org:memberDuring), their managers (org:reportsTo) and,
    for a dated org, every seat it ever had and its history (org:ChangeEvent).

    Needs rdflib: pip install 'orgroles[rdf]'.
    """
    from orgroles.importers.w3c import W3C_FORMATS, w3c_text

    loaded = load_org(org)
    if fmt is None and output != STDIO:
        fmt = W3C_FORMATS.get(Path(output).suffix.lower())
        if fmt is None:
            raise click.BadParameter(
                f"{output!r}: use .jsonld, .ttl or .nt (or --format)", param_hint="'-o'"
            )
    write(w3c_text(loaded, fmt or "turtle", base), output)
