"""The ways to get an `Org`: read an org file, or import an HR export.

`load()` and `loads()` read orgroles' own format (YAML or JSON);
`from_csv()`, `from_records()` and `from_gitlab()` import the data people
already have. Each reads a document with the layers below (`orgroles.io`,
`orgroles.importers`) and builds the org from it.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> org.name, len(org)
    ('Tiny Startup', 4)
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from orgroles._internal.arguments import checked
from orgroles._internal.dates import day, day_format
from orgroles._internal.gc import gc_paused
from orgroles.catalog import Catalog, resolve_catalog
from orgroles.errors import OrgArgumentError, OrgUsageError
from orgroles.io.reader import (
    Format,
    Source,
    decode,
    format_from_suffix,
    parse_document,
    read_file,
    sniff_format,
)
from orgroles.model import OrgDocument
from orgroles.org import Org

if TYPE_CHECKING:
    import pandas as pd

    from orgroles.importers.columns import Lookup
    from orgroles.importers.rows import Imported, KindsMode

__all__ = ["from_csv", "from_gitlab", "from_records", "load", "loads"]

ColumnOption = str | Sequence[str] | None
"""The value of a column option: a column name (several for `name_col`), or None."""


@checked
def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    as_of: date | str | None = None,
    today: date | str | None = None,
    catalog_dirs: Iterable[str | os.PathLike[str]] = (),
) -> Org:
    """Read an org file: YAML (`.yaml`, `.yml`) or JSON (`.json`), by its suffix.

    A file with dates shows the org as of `as_of` (a day, `YYYY-MM-DD`), by default
    `today`, which is the real date unless given (it tells the planned seats); see
    `Org.as_of()`. The catalogue files its `uses:` names must be under the file's
    folder, or under one of `catalog_dirs` (the command line's `--catalog-dir`).
    Raises `OrgFileError` listing every problem with its line.
    """
    if not isinstance(path, (str, os.PathLike)):  # a mistake of the caller's, not bad input
        text = ": for text, use loads()" if isinstance(path, bytes) else ""  # type: ignore[unreachable]
        raise OrgArgumentError(
            f"load() reads a file named by a str or a Path, not {type(path).__name__}{text}"
        )
    name = os.fspath(path)
    fmt = format or format_from_suffix(name)
    with gc_paused():  # the collector would scan the millions of new objects over and over
        document, source = parse_document(read_file(name), fmt, OrgDocument, name)
        return _from_document(
            document, source, Path(name).parent, catalog_dirs, as_of=as_of, today=today
        )


@checked
def loads(
    text: str | bytes,
    format: Format | None = None,
    *,
    path: str | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    as_of: date | str | None = None,
    today: date | str | None = None,
    catalog_dirs: Iterable[str | os.PathLike[str]] = (),
) -> Org:
    """Read an org from text, JSON or YAML (`format`: by default, told by the content);
    `path` names the text in messages; `base_dir` anchors `uses:` (without it, the
    org reads no catalogue file) and `catalog_dirs` are more folders where its catalogue
    files may be; `as_of` and `today` are those of `load()`. Data already parsed (a
    dict) is no text: `Org(**data)` builds its org."""
    if isinstance(text, bytes):
        text = decode(text, path)
    elif not isinstance(text, str):  # a mistake of the caller's, not bad input
        hint = ": for data already parsed, use Org(**data)" if isinstance(text, Mapping) else ""  # type: ignore[unreachable]
        raise OrgArgumentError(f"loads() reads str or bytes, not {type(text).__name__}{hint}")
    fmt = format or sniff_format(text)
    with gc_paused():
        document, source = parse_document(text, fmt, OrgDocument, path)
        return _from_document(document, source, base_dir, catalog_dirs, as_of=as_of, today=today)


def _day(value: date | str | None) -> date | None:
    return day(value) if value is not None else None


def _from_document(
    document: OrgDocument,
    source: Source,
    base_dir: str | os.PathLike[str] | None,
    catalog_dirs: Iterable[str | os.PathLike[str]],
    *,
    as_of: date | str | None,
    today: date | str | None,
) -> Org:
    catalog = None
    folders = list(catalog_dirs)
    if folders and base_dir is not None:  # else the core resolves uses: as it always does
        base = resolve_catalog(
            document.uses,
            base_dir,
            where=lambda i: source.location(("uses", i)),
            catalog_dirs=folders,
        )
        catalog = base.merged(Catalog(document.kinds, document.responsibilities))
    return Org.from_document(
        document,
        source=source,
        base_dir=base_dir,
        catalog=catalog,
        as_of=_day(as_of),
        today=_day(today),
    )


@checked
def from_csv(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    preset: str | None = None,
    departments: Lookup | Mapping[str, str] | None = None,
    titles: Lookup | Mapping[str, str] | None = None,
    delimiter: str | None = None,
    name: str | None = None,
    kinds: KindsMode = "infer",
    dates: Sequence[date | str] | None = None,
    date_format: str | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    keep_left: bool = False,
    **columns: ColumnOption,
) -> Org:
    """Import a CSV export: each row becomes one person and one role.

    Args:
        path: The CSV file: UTF-8 with or without a byte order mark (or UTF-16 with one),
            any line endings, its delimiter (`,`, `;`, tab or `|`) found by
            `sniff_delimiter()`. Or an Excel workbook (see `sheet`), or a JSON export
            (`.json`: a list of objects, or an object that holds one; see
            `orgroles.importers.json_records`). Or several files, exports of the same org
            on the `dates` (see below).
        encoding: The files' encoding when they are not UTF-8, as Python names it
            (`cp1252`, the CSV of a spreadsheet on Windows; `latin-1`): the lookup
            tables' too.
        sheet: For an Excel workbook (`.xlsx`, `.xlsm`, with the `excel` extra), the
            sheet to read: its name (in any letter case) or its number (`2` or `"2"` for
            the second tab, counted from 1). By default the first sheet of rows (not a
            chart), with a warning that names the others.
        dates: With several files, the day of each (`YYYY-MM-DD`), in increasing order:
            they make one dated org (see `orgroles.importers.dated`). A seat, person or
            reporting line in consecutive snapshots is continuous; a change starts on the
            day of the snapshot that shows it; what is gone ends the day before.
        date_format: How the file writes its days, for `datetime.strptime()`
            (`%m/%d/%Y`), when it is not `YYYY-MM-DD`.
        preset: `bamboohr`, `workday`, `odoo`, `google` or `d3`: the usual column names
            of that tool (see `PRESETS`). A column option
            given explicitly wins over the preset. Without a preset and without `id_col`,
            the columns are those `Org.to_csv()` writes.
        departments: A lookup table, when the department column holds codes (Oracle's
            `DEPARTMENT_ID`): a `Lookup` of a CSV file, or a mapping from code to name.
            The code stays in the role's `meta`.
        titles: The same for the title column (Oracle's `JOB_ID`).
        delimiter: The delimiter, when sniffing it is not wanted.
        name: The org's name, the title of its charts. By default the data's: the most common
            value of a company column (`Company`, `Organization`, `Employer`, ...); the
            file's name without its suffix only when there is none.
        kinds: `"infer"` (the default) fills in each role's kind, or its family, and its
            seniority from its job title, with its department as a hint (see
            `orgroles.infer_kind()`); the role records `kind_from`. `"none"` leaves
            them empty. A kind column (`kind_col`) always wins.
        keep_left: Read no status column: the rows of people who left (`Terminated`,
            `Inactive`) are current rows, as they are written. By default they are left
            out, or kept as vacant seats when others report to them (see `status_col`
            in `Columns`).
        **columns: Which column holds what: `id_col`, `name_col`, `title_col`, `kind_col`,
            `holder_col`, `email_col`, `manager_col`, `manager_email_col`,
            `manager_name_col`, `department_col`, `status_col` (Active, Terminated,
            Onboarding), and the days `start_col`, `end_col` (hire and termination
            dates) and `effective_col`, as described in `Columns`. An unknown option is
            an error with a did-you-mean.

    Returns:
        Roles in file order; columns that no option maps are in each role's `meta`.

    Raises:
        OrgFileError: For a file that cannot be read as such an export: every problem with
            its line.

    Examples:
        >>> import orgroles
        >>> org = orgroles.from_csv("tests/data/d3-org-chart/org-chart-1516.csv", preset="d3")
        >>> org
        <Org 'org-chart-1516': 1,516 roles, 1,516 people, 1 team>
        >>> org.roles["O-6067"].title, org.roles["O-6067"].meta["tags"]
        ('CTO', 'Ceo,tag1, tag2')
    """
    from orgroles.importers.columns import Columns  # the importers load when used
    from orgroles.importers.csv_map import csv_document
    from orgroles.importers.json_records import is_json, json_document
    from orgroles.importers.snapshots import snapshots_document

    chosen = Columns.of(preset=preset, keep_left=keep_left, **columns)
    _kinds_mode(kinds)
    if date_format is not None:
        day_format(date_format)
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise OrgUsageError(
                f"unknown encoding {encoding!r} (Python's names: utf-8, cp1252, latin-1, ...)"
            ) from None
    read: Callable[..., Imported]
    if dates is not None or not isinstance(path, (str, os.PathLike)):
        paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
        if dates is None:
            raise OrgUsageError(f"{len(paths)} files: give the day of each (dates=, --dates)")
        read = partial(snapshots_document, paths, [day(d) for d in dates])
    elif is_json(path):
        read = partial(json_document, path)
    else:
        read = partial(csv_document, path)
    imported = read(
        chosen,
        departments=departments,
        titles=titles,
        delimiter=delimiter,
        name=name,
        kinds=kinds,
        date_format=date_format,
        encoding=encoding,
        sheet=sheet,
    )
    return _org(imported)


@checked
def from_records(
    records: Iterable[Mapping[str, Any]] | pd.DataFrame,
    *,
    preset: str | None = None,
    departments: Lookup | Mapping[str, str] | None = None,
    titles: Lookup | Mapping[str, str] | None = None,
    name: str | None = None,
    kinds: KindsMode = "infer",
    date_format: str | None = None,
    keep_left: bool = False,
    **columns: ColumnOption,
) -> Org:
    """Import records (mappings from column name to value) as `from_csv()` imports rows.

    The columns are the keys of the records; a record may lack some. The options are those
    of `from_csv()`. A pandas table imports as it is (or through
    `df.to_dict("records")`): NaN counts as empty, and a number that pandas stored as a
    float (`100.0`) reads as `100`. A manager or department value may be a list (several
    managers: the first is `reports_to`, the others dotted lines; several departments:
    several teams), and a one-key mapping stands for its value, as in Workday's JSON
    reports. Problems name the record: `records[3]['Manager']`.

    Examples:
        >>> import json, orgroles
        >>> with open("tests/data/cartography-fixtures/workday_directory_report.json") as f:
        ...     report = json.load(f)
        >>> org = orgroles.from_records(report["Report_Entry"], preset="workday")
        >>> [(r.id, r.title, r.reports_to) for r in org.roles.values()][:2]
        [('emp001', 'Software Engineer', 'emp003'), ('emp002', 'Senior Software Engineer', 'emp003')]
        >>> sorted(org.teams)
        ['engineering-department', 'executive-department']
    """  # noqa: E501
    rows: Iterable[Mapping[str, Any]]
    if hasattr(records, "to_dict") and hasattr(records, "columns"):  # a pandas DataFrame
        rows = cast("Iterable[Mapping[str, Any]]", records.to_dict("records"))
    else:
        rows = records
    from orgroles.importers.columns import Columns
    from orgroles.importers.csv_map import records_document

    _kinds_mode(kinds)
    imported = records_document(
        rows,
        Columns.of(preset=preset, keep_left=keep_left, **columns),
        departments=departments,
        titles=titles,
        name=name,
        kinds=kinds,
        date_format=None if date_format is None else day_format(date_format),
    )
    return _org(imported)


@checked
def from_gitlab(
    path: str | os.PathLike[str], *, name: str | None = None, kinds: KindsMode = "infer"
) -> Org:
    """Import a GitLab team page file (`team.yml`): a YAML list of team members.

    The file is read with orgroles' own safe YAML reader (no anchors, aliases or tags).
    An entry that is not a mapping, that has no `slug`, repeats a slug, or has an
    unknown `type` is an error located at its line; every such problem is reported at
    once. See `orgroles.importers.gitlab` for how entries become roles.

    Args:
        path: The file, such as `tests/data/gitlab-team/team.yml`.
        name: The org's name, the title of its charts: `"GitLab"` by default, as the file is
            GitLab's team page.
        kinds: `"infer"` (the default) fills in kinds from the job titles, with the departments
            and the job families the titles link to as hints; `"none"` does not.

    Examples:
        >>> import orgroles, warnings
        >>> with warnings.catch_warnings(record=True):
        ...     org = orgroles.from_gitlab("tests/data/gitlab-team/team.yml")
        >>> sum(role.vacant for role in org), len(org.index.dangling)
        (32, 450)
    """
    from orgroles.importers.gitlab import gitlab_document

    _kinds_mode(kinds)
    return _org(gitlab_document(path, name=name, kinds=kinds))


def _kinds_mode(kinds: object) -> None:
    """Refuse a `kinds` that is neither mode: `True` or `"Infer"` turned inference off."""
    if kinds not in ("infer", "none") or type(kinds) is not str:
        raise OrgUsageError(f"kinds: {kinds!r} is not one of 'infer' (the default) and 'none'")


def _org(imported: Imported) -> Org:
    return Org.from_document(imported.document, source=imported.source)
