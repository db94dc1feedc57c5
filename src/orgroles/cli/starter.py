"""`orgroles init`: write a starter org file, one of the bundled examples or a skeleton.

The examples ship inside the package (`orgroles/examples/`, copies of the repository's
`examples/` that a test keeps byte for byte equal), so that `pip install orgroles`
is enough to follow the tutorial.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from orgroles._internal.package_files import files
from orgroles.cli.base import STDIO, cli, refuse_to_replace, write
from orgroles.errors import OrgUsageError

__all__ = ["EXAMPLES", "SKELETON", "init", "starter_text"]

EXAMPLES = {
    "three-person": "three_person_tech_team.yaml",
    "scaleup": "scaleup_cto_cpo.yaml",
    "dated": "scaleup_over_time.yaml",
}
"""The names `--example` takes, and the file of `orgroles/examples/` each one is."""

SKELETON = "skeleton.yaml"
"""The file `orgroles init` writes without `--example`: an empty org, with comments."""

_SCHEMA_LINE = re.compile(r"\A# yaml-language-server: \$schema=\S+\n")


def starter_text(example: str | None = None) -> str:
    """The text of a starter org: the bundled example `example` (a key of
    `EXAMPLES`), or the skeleton when it is None.

    Its first line points the editor's YAML language server at the published JSON Schema
    (the repository's copies point at `docs/schema/`, which a pip install does not
    have).

    Examples:
        >>> starter_text("three-person").splitlines()[0]
        '# yaml-language-server: $schema=https://orgroles.readthedocs.io/en/latest/schema/org.schema.json'
        >>> "name: My company" in starter_text()
        True
    """
    from orgroles.schema import SCHEMA_URL

    if example is not None and example not in EXAMPLES:
        raise OrgUsageError(f"no example {example!r}: choose one of {', '.join(EXAMPLES)}")
    name = EXAMPLES[example] if example is not None else SKELETON
    text = files("orgroles").joinpath("examples").joinpath(name).read_text(encoding="utf-8")
    line = f"# yaml-language-server: $schema={SCHEMA_URL}org.schema.json\n"
    return _SCHEMA_LINE.sub(lambda _: line, text, count=1)


@cli.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--example",
    type=click.Choice(list(EXAMPLES)),
    help="Start from a bundled example: three-person (a CEO, a hands-on CTO and two "
    "developers), scaleup (20 roles under a CTO and a CPO) or dated (the scale-up over "
    "three years, with dated seats, holders and lines). Without it: an empty skeleton "
    "with comments.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="The same as PATH.",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
def init(path: str | None, example: str | None, output: str | None, force: bool) -> None:
    """Write a starter org file to PATH (org.yaml by default; '-': standard output).

    \b
    orgroles init --example three-person   # then: orgroles check org.yaml
    orgroles init team.yaml                # an empty skeleton with comments
    """
    if path is not None and output is not None and path != output:
        raise click.UsageError(f"give the file once: PATH {path!r} or -o {output!r}")
    target = path or output or "org.yaml"
    if target != STDIO and Path(target).suffix.lower() not in (".yaml", ".yml", ".json"):
        raise click.BadParameter(
            f"{target!r}: an org file ends in .yaml, .yml or .json", param_hint="'PATH'"
        )
    refuse_to_replace(target, force, "org file")
    from orgroles.loaders import loads

    text = starter_text(example)
    org = loads(text, path=target)
    if target.lower().endswith(".json"):
        text = org.dumps("json")  # JSON has no comments: the data alone
    write(text, target)
    if target != STDIO:
        count = len(org.roles)
        what = f"the {example} example" if example else "an empty skeleton"
        click.echo(
            f"{target}: {what} ({count:,} {'role' if count == 1 else 'roles'}); "
            f"next: orgroles check {target}",
            err=True,
        )
