"""`orgroles import`: turn an HR export (CSV, Excel, JSON, GitLab's team page) into an org
file."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from orgroles._internal.progress import phase
from orgroles._internal.text import printable
from orgroles.cli.base import STDIO, cli, refuse_overwrite, refuse_to_replace
from orgroles.importers.columns import COLUMN_HELP, Lookup, preset_names
from orgroles.importers.rows import KINDS_MODES
from orgroles.queries.kinds import kinds_found

if TYPE_CHECKING:
    from orgroles.errors import Problem
    from orgroles.org import Org

__all__ = ["import_", "import_csv", "import_gitlab"]

F = TypeVar("F", bound=Callable[..., Any])


@cli.group("import")
def import_() -> None:
    """Import an HR export (CSV, Excel, JSON, GitLab's team page) as an org file."""


_MAX_WARNINGS = 20


def _import(
    make: Callable[[], Org],
    source: str,
    output: str,
    force: bool,
    reads: tuple[str | None, ...] = (),
) -> None:
    """Run an importer, show its warnings, write the org atomically and summarise."""
    import warnings
    from pathlib import Path

    from orgroles.errors import OrgImportWarning
    from orgroles.io.reader import FORMATS

    refuse_overwrite(output, [source, *reads], "imported org")
    fmt = "yaml" if output == STDIO else FORMATS.get(Path(output).suffix.lower())
    if fmt is None:  # fail before the work, not after it
        raise click.BadParameter(
            f"{output!r}: an org file ends in .yaml, .yml or .json", param_hint="'-o'"
        )
    refuse_to_replace(output, force, "org file")
    with warnings.catch_warnings(record=True) as caught, phase(f"importing {source}"):
        warnings.simplefilter("always")
        org = make()
    notes = [
        p for w in caught if isinstance(w.message, OrgImportWarning) for p in w.message.problems
    ]
    notes.sort(key=_in_file_order(notes))
    for problem in notes[:_MAX_WARNINGS]:
        click.echo(printable(f"warning: {problem}"), err=True)
    if len(notes) > _MAX_WARNINGS:
        click.echo(f"warning: ... and {len(notes) - _MAX_WARNINGS} more", err=True)
    for w in caught:
        if not isinstance(w.message, OrgImportWarning):
            click.echo(printable(f"warning: {w.message}"), err=True)
    with phase(f"writing {output}"):
        if output == STDIO:
            click.echo(org.dumps(fmt), nl=False)
        else:
            org.dump(output, fmt)
    index = org.index
    people = len(org.people)
    if org.dated:  # today's: the people in a seat today (the file keeps those who left)
        people = len({h for role in org.roles.values() for h in role.holders})
    counts = [
        (len(org.roles), "role", "roles"),
        (people, "person", "people"),
        (len(org.teams), "team", "teams"),
        (sum(1 for role in org.roles.values() if role.vacant), "vacancy", "vacancies"),
        (len(set(index.dangling.values())), "unknown manager", "unknown managers"),
    ]  # a manager counted once, however many roles report to it (said after it)
    reporting = len(index.dangling)
    roles = org.roles
    dotted = sum(1 for role in roles.values() for boss in role.dotted_to if boss not in roles)
    if dotted:  # said only when there are some: the usual summary stays as it was
        counts.append((dotted, "unknown dotted-line manager", "unknown dotted-line managers"))
    if index.self_reports:
        counts.append(
            (len(index.self_reports), "role reporting to itself", "roles reporting to itself")
        )
    parts = [f"{n:,} {one if n == 1 else many}" for n, one, many in counts]
    if reporting:
        verb, them = ("reports", "it") if reporting == 1 else ("report", "them")
        parts[4] += f" ({reporting:,} {'role' if reporting == 1 else 'roles'} {verb} to {them})"
    summary = ", ".join(parts)
    if org.dated:  # the counts are those of today's view
        ever = f", {len(org.people):,} people" if len(org.people) != people else ""
        summary += f" (today's; {len(org.records):,} seats over time{ever})"
    click.echo(printable(f"{source} -> {output}: {summary}"), err=True)
    found = kinds_found(org)
    if found.inferred or found.unmatched:
        click.echo(printable(found.summary()), err=True)


def _in_file_order(notes: list[Problem]) -> Callable[[Problem], tuple[int, int]]:
    """How warnings are ordered for reading: by file (in the order they are first named),
    then by line; the import's steps find them in another order."""
    files: dict[str | None, int] = {}
    for note in notes:
        files.setdefault(note.location.path if note.location else None, len(files))

    def key(note: Problem) -> tuple[int, int]:
        where = note.location
        if where is None:
            return files[None], 0
        return files[where.path], where.line or 0

    return key


def _output(command: F) -> F:
    """`-o FILE` and `--force`: where the org goes, and whether it may replace a file."""
    command = click.option("--force", is_flag=True, help="Replace the output file if it exists.")(
        command
    )
    return click.option(
        "-o",
        "--output",
        required=True,
        type=click.Path(dir_okay=False, allow_dash=True),
        help="The org file to write: .yaml, .yml or .json ('-': YAML on standard output).",
    )(command)


def _name(command: F) -> F:
    """`--name` and `--kinds`: what every importer takes besides its source."""
    command = click.option(
        "--kinds",
        type=click.Choice(KINDS_MODES),
        default=KINDS_MODES[0],
        show_default=True,
        help="infer: find each role's kind (or family) and seniority from its job title, "
        "with its department as a hint; none: leave them empty.",
    )(command)
    return click.option("--name", help="The org's name (default: the source file's name).")(command)


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


def _column_options(command: F) -> F:
    """The column options of `import csv`, one per field of `Columns`."""
    for option, text in reversed(COLUMN_HELP.items()):
        flag = "--" + option.replace("_", "-")
        command = click.option(
            flag, option, metavar="COL", multiple=option == "name_col", help=text
        )(command)
    return command


@import_.command("csv")
@click.argument("sources", metavar="FILE...", nargs=-1, required=True)
@_output
@click.option(
    "--preset",
    type=click.Choice(preset_names()),
    help="The usual column names of an HR tool; explicit column options win over it.",
)
@_column_options
@click.option(
    "--keep-left",
    is_flag=True,
    help="Read no status: the rows of people who left are current rows (see --status-col).",
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
@click.option(
    "--encoding",
    metavar="NAME",
    help="The files' encoding when not UTF-8 or UTF-16 (cp1252: a spreadsheet's CSV on "
    "Windows; latin-1).",
)
@click.option(
    "--sheet",
    metavar="NAME",
    help="The sheet of an Excel workbook to read: its name, or its number (1: the first, "
    "the default).",
)
@click.option(
    "--dates",
    metavar="DAY,...",
    help="With several files, snapshots of the org: the day of each (YYYY-MM-DD), in order. "
    "They make one dated org.",
)
@click.option(
    "--date-format",
    metavar="FORMAT",
    help="How the files write their days, when not YYYY-MM-DD (strptime: %m/%d/%Y).",
)
@_name
def import_csv(
    sources: tuple[str, ...],
    output: str,
    force: bool,
    preset: str | None,
    departments_file: str | None,
    departments_key_col: str | None,
    departments_name_col: str | None,
    titles_file: str | None,
    titles_key_col: str | None,
    titles_name_col: str | None,
    delimiter: str | None,
    encoding: str | None,
    sheet: str | None,
    dates: str | None,
    date_format: str | None,
    name: str | None,
    kinds: str,
    **columns: Any,
) -> None:
    """Import a CSV export: each row becomes one person and the role they hold.

    An Excel workbook (.xlsx) is read as its first sheet, or the one --sheet names (with
    the excel extra). A JSON export (.json: an HR tool's API) is read as its list of
    objects, one row each.

    Columns that no option maps go into each role's meta. Managers that match no row are
    kept (orgroles check reports them). Several files with --dates are snapshots of one
    org, made into one dated org. See docs/import.md for the presets.
    """
    from orgroles.loaders import from_csv

    days = [d.strip() for d in dates.split(",")] if dates is not None else None
    if days is None and len(sources) > 1:
        raise click.UsageError(f"{len(sources)} files: give the day of each with --dates")
    if days is not None and len(days) != len(sources):
        raise click.BadParameter(
            f"{len(days)} days for {len(sources)} files: one day per file, in order",
            param_hint="'--dates'",
        )
    source: Any = sources[0] if days is None else list(sources)

    departments = _lookup(
        departments_file, departments_key_col, departments_name_col, "departments"
    )
    titles = _lookup(titles_file, titles_key_col, titles_name_col, "titles")
    _import(
        lambda: from_csv(
            source,
            preset=preset,
            departments=departments,
            titles=titles,
            delimiter=delimiter,
            encoding=encoding,
            sheet=sheet,
            name=name,
            kinds=kinds,  # type: ignore[arg-type]
            dates=days,
            date_format=date_format,
            **columns,
        ),
        " + ".join(sources),
        output,
        force,
        (departments_file, titles_file),
    )


@import_.command("gitlab")
@click.argument("source", metavar="FILE")
@_output
@_name
def import_gitlab(source: str, output: str, force: bool, name: str | None, kinds: str) -> None:
    """Import GitLab's team page (a team.yml list of people and vacancies)."""
    from orgroles.loaders import from_gitlab

    _import(lambda: from_gitlab(source, name=name, kinds=kinds), source, output, force)  # type: ignore[arg-type]
