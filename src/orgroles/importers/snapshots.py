"""Several CSV exports of one org, on increasing days, read as one dated org.

`from_csv([jan, apr], dates=[...])` and `orgroles import csv jan.csv apr.csv --dates ...`
read each file as `csv_document()` does, then `orgroles.importers.dated.merge_snapshots()`
makes one dated document of them.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from orgroles._internal.gc import gc_paused
from orgroles._internal.validators import validator
from orgroles.errors import OrgValidationError
from orgroles.importers.columns import Columns, Lookup, options_error
from orgroles.importers.csv_map import csv_document
from orgroles.importers.dated import merge_snapshots
from orgroles.importers.json_records import is_json, json_document
from orgroles.importers.rows import Imported, KindsMode
from orgroles.io.problems import problems_from_validation
from orgroles.model import OrgDocument

__all__ = ["snapshots_document"]


def snapshots_document(
    paths: Sequence[str | os.PathLike[str]],
    days: Sequence[date],
    columns: Columns,
    *,
    departments: Lookup | Mapping[str, str] | None = None,
    titles: Lookup | Mapping[str, str] | None = None,
    delimiter: str | None = None,
    name: str | None = None,
    kinds: KindsMode = "infer",
    date_format: str | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
) -> Imported:
    """Read CSV exports of one org on increasing days (one file per day) as one dated org
    document: see `orgroles.importers.dated` for how. Each file is read as
    `csv_document()` reads it (a JSON export as `json_document()` does), and its problems
    name it and their lines."""
    if len(paths) != len(days):
        raise options_error(
            f"{len(paths)} files and {len(days)} days: give one day per file, in order",
            code="dates",
        )
    for before, after in itertools.pairwise(days):
        if after <= before:
            raise options_error(
                f"the days of the snapshots go in increasing order, one per file: {after} "
                f"comes after {before}",
                code="dates",
            )
    snapshots = []
    for path in paths:
        read = json_document if is_json(path) else csv_document
        imported = read(
            path,
            columns,
            departments=departments,
            titles=titles,
            delimiter=delimiter,
            kinds=kinds,
            date_format=date_format,
            encoding=encoding,
            sheet=sheet,
        )
        snapshots.append(imported.document)
    with gc_paused():
        data = merge_snapshots(list(zip(days, snapshots, strict=True)))
        data["name"] = name or snapshots[-1].name or Path(os.fspath(paths[-1])).stem
        try:
            document: OrgDocument = validator(OrgDocument).validate_python(data)
        except ValidationError as exc:
            raise OrgValidationError(
                problems_from_validation(exc, data, None, None, OrgDocument)
            ) from None
    return Imported(document)
