"""The ``orgroles`` command.

Exit codes: 0 clean, 1 violations of error severity, 2 bad input or usage. Bad input is
reported on stderr as ``file:line:col: message``, never as a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from orgroles._progress import phase
from orgroles._text import plural, printable, printable_lines
from orgroles._version import __version__
from orgroles.errors import OrgError, OrgValidationError
from orgroles.io.columns import Lookup, preset_names

if TYPE_CHECKING:
    from orgroles.org import Org

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2


def _report_problems(exc: OrgValidationError) -> None:
    """Every problem of bad input on stderr, one line each: ``file:line:col: ...``."""
    for problem in exc.problems:
        click.echo(printable(str(problem)), err=True)


class _Group(click.Group):
    """Turns every :class:`OrgError` into a clear message on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OrgValidationError as exc:
            _report_problems(exc)
            ctx.exit(EXIT_BAD_INPUT)
        except OrgError as exc:
            click.echo(printable_lines(f"orgroles: {exc}"), err=True)
            ctx.exit(EXIT_BAD_INPUT)


@click.group(
    cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, "--version", "-V", prog_name="orgroles")
def cli() -> None:
    """Model a company as a graph of roles: check rules on it and draw org charts."""


def _write(text: str, output: str | None) -> None:
    """Write command output to a file (atomically) or to stdout."""
    if output is None or output == "-":
        click.echo(text, nl=not text.endswith("\n"))
    else:
        from orgroles.io.atomic import atomic_write

        atomic_write(output, text)


def _split(values: Sequence[str]) -> list[str]:
    """``("K,C001", "S")`` -> ``["K", "C001", "S"]``: options that take comma lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


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
def check(
    orgs: Sequence[str],
    select: Sequence[str],
    ignore: Sequence[str],
    fmt: str,
    output: str | None,
    exit_zero: bool,
) -> None:
    """Check org files against the rules (exit 1 on errors)."""
    from orgroles.io.orgfile import load
    from orgroles.rules.output import format_text, to_json, to_sarif

    chosen = _split(select) or None
    ignored = _split(ignore)
    reports = []
    unreadable = False
    for path in orgs:
        try:
            with phase(f"loading {path}"):
                org = load(path)
        except OrgValidationError as exc:
            unreadable = True
            _report_problems(exc)
            continue
        with phase(f"checking {len(org):,} roles"):
            reports.append(org.check(select=chosen, ignore=ignored))
    if fmt == "json":
        _write(to_json(reports), output)
    elif fmt == "sarif":
        _write(to_sarif(reports), output)
    elif reports:
        color = output is None or output == "-"
        text = "\n\n".join(format_text(r, color=color) for r in reports) + "\n"
        _write(text, output)
    if unreadable:
        sys.exit(EXIT_BAD_INPUT)
    failed = not all(r.ok for r in reports)
    sys.exit(EXIT_VIOLATIONS if failed and not exit_zero else EXIT_OK)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--catalog", "which", flag_value="catalog", help="The schema of catalogue files instead."
)
def schema(output: str | None, which: str | None) -> None:
    """Print the JSON Schema of the org file format (draft 7)."""
    from orgroles.schema import catalog_schema, org_schema

    document = catalog_schema() if which == "catalog" else org_schema()
    _write(json.dumps(document, indent=2, ensure_ascii=False) + "\n", output)


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
def query(org: str, selector: str, fmt: str, lang: str, output: str | None) -> None:
    """List the roles of ORG that match SELECTOR (all if empty).

    \b
    Terms, all of which must hold:  id:X  kind:X  family:X  team:X  has:RESP
    under:X  holder:PERSON  title~TEXT  name~TEXT  vacant  acting  assistant
    (-term negates, X,Y means either: 'kind:developer,designer under:cto -vacant')
    """
    from orgroles.io.orgfile import load
    from orgroles.query_output import query_csv, query_json, query_text

    loaded = load(org)
    roles = loaded.select(selector)
    formatter = {"text": query_text, "json": query_json, "csv": query_csv}[fmt]
    _write(formatter(loaded, roles, lang), output)


@cli.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def diff(old: str, new: str, fmt: str) -> None:
    """Show a reorganisation between two org files.

    Lists the roles added, removed, moved (to a new manager), retitled and re-staffed.
    """
    from orgroles.io.orgfile import load

    changes = load(old).diff(load(new))
    if fmt == "json":
        click.echo(json.dumps(changes.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(str(changes))


@cli.command()
@click.argument("org", required=False, type=click.Path(dir_okay=False))
@click.option("--lang", default="en", show_default=True, help="Language of labels (en, fr).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def catalog(org: str | None, lang: str, fmt: str) -> None:
    """List the kinds and responsibilities (built-in, or ORG's)."""
    from orgroles.catalog import builtin_catalog
    from orgroles.catalog.listing import catalog_data, catalog_text
    from orgroles.io.orgfile import load

    chosen = load(org).catalog if org else builtin_catalog()
    if fmt == "json":
        click.echo(json.dumps(catalog_data(chosen, lang), indent=2, ensure_ascii=False))
    else:
        click.echo(catalog_text(chosen, lang))


@cli.command()
@click.argument("org_path", metavar="ORG", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The chart file: .svg, .png, .pdf, .dot, .gv, .mmd or .html (the interactive "
    "explorer); the suffix picks the format.",
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
    "--show",
    type=click.Choice(["responsibilities"]),
    multiple=True,
    help="Add this to every box (repeatable).",
)
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
@click.option(
    "--engine",
    type=click.Choice(["auto", "dot", "builtin"]),
    default="auto",
    show_default=True,
    help="auto: Graphviz's dot if installed and the chart is small enough, else builtin.",
)
@click.option(
    "--layout",
    type=click.Choice(["compact", "tree"]),
    default="compact",
    show_default=True,
    help="compact: wrap wide rows of reports onto shelves; tree: always one row.",
)
@click.option(
    "--max-aspect",
    type=click.FloatRange(min=0, min_open=True),
    default=3.0,
    show_default=True,
    help="The widest shape, width over height, that the compact layout aims for.",
)
@click.option("--check", is_flag=True, help="Check the rules and highlight the violations.")
def render(
    org_path: str,
    output: str,
    root: str | None,
    depth: int | None,
    fold: int | None,
    show: tuple[str, ...],
    lang: str,
    engine: str,
    layout: str,
    max_aspect: float,
    check: bool,
) -> None:
    """Draw an org chart of ORG into a file."""
    from orgroles.io.orgfile import load
    from orgroles.render import format_of, render_file

    format_of(output)  # an unknown suffix fails before the work, not after it
    with phase(f"loading {org_path}"):
        org = load(org_path)
    if root is not None:
        org.roles[root]  # an unknown id fails here, with a did-you-mean
    report = None
    if check:
        with phase(f"checking {len(org):,} roles"):
            report = org.check()
    with phase(f"drawing {output}"):
        _, shown = render_file(
            org,
            output,
            root=root,
            depth=depth,
            fold=fold,
            show=show,
            lang=lang,
            engine=engine,
            report=report,
            layout=layout,
            max_aspect=max_aspect,
        )
    message = f"{output}: chart of {plural(shown, 'role')}"
    if report is not None:
        counts = ", ".join(plural(n, s) for s, n in report.severity_counts().items() if n)
        message += f"; violations highlighted: {counts or 'none'}"
    click.echo(message)


# -- orgroles import ---------------------------------------------------------------------


@cli.group("import")
def import_() -> None:
    """Import an HR export (CSV, GitLab's team page) as an org file."""


_MAX_WARNINGS = 20


def _import(make: Callable[[], Org], source: str, output: str) -> None:
    """Run an importer, show its warnings, write the org atomically and summarise."""
    import warnings
    from pathlib import Path

    from orgroles.errors import OrgImportWarning
    from orgroles.io.reader import FORMATS

    fmt = FORMATS.get(Path(output).suffix.lower())
    if fmt is None:  # fail before the work, not after it
        raise click.BadParameter(
            f"{output!r}: an org file ends in .yaml, .yml or .json", param_hint="'-o'"
        )
    with warnings.catch_warnings(record=True) as caught, phase(f"importing {source}"):
        warnings.simplefilter("always")
        org = make()
    notes = [
        p for w in caught if isinstance(w.message, OrgImportWarning) for p in w.message.problems
    ]
    for problem in notes[:_MAX_WARNINGS]:
        click.echo(printable(f"warning: {problem}"), err=True)
    if len(notes) > _MAX_WARNINGS:
        click.echo(f"warning: ... and {len(notes) - _MAX_WARNINGS} more", err=True)
    for w in caught:
        if not isinstance(w.message, OrgImportWarning):
            click.echo(printable(f"warning: {w.message}"), err=True)
    with phase(f"writing {output}"):
        org.dump(output, fmt)
    index = org.index
    counts = [
        (len(org.roles), "role", "roles"),
        (len(org.people), "person", "people"),
        (len(org.teams), "team", "teams"),
        (sum(1 for role in org.roles.values() if role.vacant), "vacancy", "vacancies"),
        (len(index.dangling), "unknown manager", "unknown managers"),
    ]
    if index.self_reports:
        counts.append(
            (len(index.self_reports), "role reporting to itself", "roles reporting to itself")
        )
    summary = ", ".join(f"{n:,} {one if n == 1 else many}" for n, one, many in counts)
    click.echo(f"{source} -> {output}: {summary}", err=True)


_output = click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The org file to write: .yaml, .yml or .json.",
)
_name = click.option("--name", help="The org's name (default: the source file's name).")


def _delimiter(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    value = {"tab": "\t", "\\t": "\t"}.get(value, value)
    if len(value) != 1:
        raise click.BadParameter("one character, such as ';' (or 'tab')")
    return value


def _lookup(path: str | None, key: str | None, value: str | None, what: str) -> Lookup | None:
    if path is None:
        if key is not None or value is not None:
            raise click.UsageError(f"--{what}-key-col and --{what}-name-col need --{what} FILE")
        return None
    if value is None:
        raise click.UsageError(f"--{what} needs --{what}-name-col: the column of the names")
    return Lookup(path, value, key)


@import_.command("csv")
@click.argument("source", metavar="FILE")
@_output
@click.option(
    "--preset",
    type=click.Choice(preset_names()),
    help="The usual column names of an HR tool; explicit column options win over it.",
)
@click.option("--id-col", metavar="COL", help="The row's id (for the role and the person).")
@click.option(
    "--name-col",
    metavar="COL",
    multiple=True,
    help="The person's name; repeat it (first, last name) to join columns with a space.",
)
@click.option("--title-col", metavar="COL", help="The role's title.")
@click.option("--email-col", metavar="COL", help="The person's work email.")
@click.option("--manager-col", metavar="COL", help="The manager's id.")
@click.option(
    "--manager-email-col",
    metavar="COL",
    help="The manager's email, matched (ignoring case) against --email-col.",
)
@click.option(
    "--manager-name-col",
    metavar="COL",
    help="The manager's display name, matched exactly against the names.",
)
@click.option("--department-col", metavar="COL", help="The department: each one becomes a team.")
@click.option("--kind-col", metavar="COL", help="The role's kind (a catalogue id such as cto).")
@click.option(
    "--holder-col", metavar="COL", help="The id of the person in the seat (empty: vacant)."
)
@click.option(
    "--departments",
    "departments_file",
    metavar="FILE",
    help="A CSV file that names the department codes of --department-col.",
)
@click.option(
    "--departments-key-col",
    metavar="COL",
    help="Its column of codes (default: the name of --department-col).",
)
@click.option("--departments-name-col", metavar="COL", help="Its column of names.")
@click.option(
    "--titles",
    "titles_file",
    metavar="FILE",
    help="A CSV file that names the job codes of --title-col.",
)
@click.option(
    "--titles-key-col",
    metavar="COL",
    help="Its column of codes (default: the name of --title-col).",
)
@click.option("--titles-name-col", metavar="COL", help="Its column of titles.")
@click.option(
    "--delimiter",
    callback=_delimiter,
    help="The delimiter (default: sniffed among , ; tab and |).",
)
@_name
def import_csv(
    source: str,
    output: str,
    preset: str | None,
    id_col: str | None,
    name_col: tuple[str, ...],
    title_col: str | None,
    email_col: str | None,
    manager_col: str | None,
    manager_email_col: str | None,
    manager_name_col: str | None,
    department_col: str | None,
    kind_col: str | None,
    holder_col: str | None,
    departments_file: str | None,
    departments_key_col: str | None,
    departments_name_col: str | None,
    titles_file: str | None,
    titles_key_col: str | None,
    titles_name_col: str | None,
    delimiter: str | None,
    name: str | None,
) -> None:
    """Import a CSV export: each row becomes one person and the role they hold.

    Columns that no option maps go into each role's meta. Managers that match no row are
    kept (orgroles check reports them). See docs/import.md for the presets.
    """
    from orgroles.io.csv_import import from_csv

    departments = _lookup(
        departments_file, departments_key_col, departments_name_col, "departments"
    )
    titles = _lookup(titles_file, titles_key_col, titles_name_col, "titles")
    _import(
        lambda: from_csv(
            source,
            preset=preset,
            id_col=id_col,
            name_col=name_col,
            title_col=title_col,
            kind_col=kind_col,
            holder_col=holder_col,
            email_col=email_col,
            manager_col=manager_col,
            manager_email_col=manager_email_col,
            manager_name_col=manager_name_col,
            department_col=department_col,
            departments=departments,
            titles=titles,
            delimiter=delimiter,
            name=name,
        ),
        source,
        output,
    )


@import_.command("gitlab")
@click.argument("source", metavar="FILE")
@_output
@_name
def import_gitlab(source: str, output: str, name: str | None) -> None:
    """Import GitLab's team page (a team.yml list of people and vacancies)."""
    from orgroles.io.gitlab import from_gitlab

    _import(lambda: from_gitlab(source, name=name), source, output)


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
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        params = ", ".join(f"{k}={json.dumps(v)}" for k, v in row["params"].items())
        click.echo(f"{row['code']}  {row['name']:<26} {row['severity']:<8} {row['summary']}")
        if params:
            click.echo(f"      {'':<26} {'':<8} parameters: {params}")


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def main(argv: Sequence[str] | None = None) -> None:
    """Run the ``orgroles`` command (the console script's entry point)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="orgroles")
