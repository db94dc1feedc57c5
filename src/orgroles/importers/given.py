"""Column options given for some columns, the others guessed from the header; and the
words that say which columns were read.

A user who corrects one guess of the import (`--name-col "Display name"`, `--end-col
"Term Date"`) means that column only: the others are still guessed from the header, as
without options. The columns given win: a guessed column that holds what a given one
holds, or that a given option reads as something else, is dropped (a manager option
given drops the guessed manager column, whichever way it reads it).

Examples:
    >>> found = Columns(id_col="ID", name_col=("First", "Last"), title_col="Job",
    ...                 manager_col="Boss", department_col="Team")
    >>> cols = merged(Columns(name_col="Display name", department_col="Abteilung"), found)
    >>> cols.id_col, cols.name_col, cols.title_col, cols.manager_col, cols.department_col
    ('ID', ('Display name',), 'Job', 'Boss', 'Abteilung')
    >>> merged(Columns(manager_name_col="Boss"), found).manager_col is None
    True
"""

from __future__ import annotations

import dataclasses

from orgroles.errors import Location, Problem
from orgroles.importers.columns import MANAGER_FIELDS, Columns

__all__ = ["column_names", "describe", "merged", "no_manager_note"]

_OWN = ("preset", "keep_left")


def column_names(value: object) -> tuple[str, ...]:
    """The column names of a `Columns` field: one, several, or none (an unset field, or
    one that names no column, such as `keep_left`).

    Examples:
        >>> column_names("Title"), column_names(("First", "Last")), column_names(None)
        (('Title',), ('First', 'Last'), ())
    """
    if isinstance(value, str):
        return (value,)
    if isinstance(value, tuple):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def merged(given: Columns, found: Columns) -> Columns:
    """The columns `found` (guessed), with those `given` instead wherever given."""
    options = {f.name: getattr(found, f.name) for f in dataclasses.fields(found)}
    chosen = {
        f.name: value
        for f in dataclasses.fields(given)
        if f.name not in _OWN and (value := getattr(given, f.name))
    }
    used = {c for v in chosen.values() for c in column_names(v)}
    if any(f in chosen for f in MANAGER_FIELDS):
        options.update(dict.fromkeys(MANAGER_FIELDS))
    for name, value in options.items():
        if name in _OWN or not value:
            continue
        if used.intersection(column_names(value)):  # a column given for something else
            options[name] = () if name == "name_col" else None
    options.update(chosen)
    options["keep_left"] = given.keep_left
    return Columns(**options)


def no_manager_note(where: Location | None) -> Problem:
    """The warning of columns given with none for the manager: a flat list."""
    return Problem(
        "no column of the manager is given: every role is a top role (name it with "
        "--manager-col, --manager-email-col or --manager-name-col)",
        where,
        code="no-manager-column",
    )


def describe(columns: Columns) -> str:
    """The guessed columns, for the warning that says what was guessed.

    Examples:
        >>> describe(Columns(id_col="ID", name_col=("First", "Last"), manager_col="Boss"))
        "id 'ID', name 'First' + 'Last', manager (by id) 'Boss'"
    """
    whole = len(columns.name_col) > 1 and columns.id_col in columns.name_col
    parts = ["id: the whole name" if whole else f"id {columns.id_col!r}"]
    if columns.name_col:
        parts.append("name " + " + ".join(repr(c) for c in columns.name_col))
    holder = columns.holder_col
    if holder is not None and holder == columns.id_col:
        parts.append("holder: each person by their seat's id")
    for option, label in (
        ("title_col", "title"),
        ("email_col", "email"),
        ("department_col", "department"),
        ("start_col", "start"),
        ("end_col", "end"),
        ("effective_col", "each row from its day"),
        ("status_col", "status"),
        ("holder_col", "holder (a person's id)"),
        ("manager_col", "manager (by id)"),
        ("manager_email_col", "manager (by email)"),
        ("manager_name_col", "manager (by name)"),
        ("dotted_col", "dotted-line manager"),
    ):
        value = getattr(columns, option)
        if value and not (option == "holder_col" and value == columns.id_col):
            parts.append(f"{label} {value!r}")
    return ", ".join(parts)
