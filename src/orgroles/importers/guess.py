"""Columns guessed from a header, for an export that no preset names and no option maps.

The org's name is guessed too, from a company column (`company_name()`).

An HR export from a tool without a preset (Personio, HiBob, Rippling, ADP, SAP
SuccessFactors, a spreadsheet) still calls its columns much the same: "Employee ID",
"First Name", "Job Title", "Reports To". `guess_columns()` reads the header for the
usual names, in English, French, German, Spanish, Italian, Portuguese, Dutch,
Polish, the Nordic languages, Japanese, Chinese and Korean, and the data for what the
manager column holds (ids, emails or names): the interpretation that finds the most rows
wins.

Examples:
    >>> header = ["Employee ID", "Display name", "Job title", "Reports to"]
    >>> rows = {"Employee ID": ["E-1", "E-2"], "Display name": ["Ana Lima", "Bo Diaz"],
    ...         "Reports to": [None, "Ana Lima"]}
    >>> found, _ = guess_columns(header, lambda column: rows[column])
    >>> found.id_col, found.name_col, found.title_col, found.manager_name_col
    ('Employee ID', ('Display name',), 'Job title', 'Reports to')
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from functools import cache, partial
from typing import TYPE_CHECKING

from orgroles.errors import Location, OrgFileError, Problem
from orgroles.importers.code_ids import code_column
from orgroles.importers.columns import Columns, ResolvedColumns
from orgroles.importers.csv_export import CSV_COLUMNS, DATED_COLUMNS
from orgroles.importers.day_formats import day_format, reads_days
from orgroles.importers.given import describe, merged, no_manager_note
from orgroles.importers.header_names import (
    DEPARTMENTS,
    DOTTED,
    EFFECTIVES,
    EMAILS,
    ENDS,
    FLAG_COLUMNS,
    HOLDERS,
    IDS,
    INCUMBENTS,
    INVERSE_FLAG_COLUMNS,
    MANAGERS,
    PARENT_POSITIONS,
    POSITIONS,
    STARTS,
    STATUS_COLUMNS,
    TITLES,
    header_key,
    run_together,
)
from orgroles.importers.id_forms import id_parts, inner_manager, loose_name, turned_round
from orgroles.importers.jobs import coded_positions, graded_title, jobs_by_position, plain_title
from orgroles.importers.manager_headers import manager_like
from orgroles.importers.manager_twins import id_twin
from orgroles.importers.name_columns import name_columns
from orgroles.importers.name_titles import bare_forms, may_have_titles
from orgroles.importers.other_names import other_column, other_name
from orgroles.importers.preset_gaps import filled_gaps, gaps
from orgroles.importers.presets import PRESETS
from orgroles.importers.short_names import short_key, unique_short_forms

if TYPE_CHECKING:
    from orgroles.importers.csv_map import Table

__all__ = ["COMPANY_COLUMNS", "company_name", "describe", "guess_columns", "guessed", "unmapped"]

Values = Callable[[str], Sequence[str | None]]
"""The values of a column, by its name."""


def _id_key(ids: Collection[str], text: str) -> str:
    """A manager cell as an id: itself, or the row's id that it writes beside a name."""
    text = text.strip()
    if text in ids:  # most cells
        return text
    return next((p for p in id_parts(text) if p in ids), text)


def _email_key(text: str) -> str:
    text = text.strip()
    return (inner_manager(text, True) or text).casefold()


def _person_key(people: Collection[str], text: str) -> str:
    """A manager cell as a name of `people`: loosely compared, or with its words turned
    round ("QUILL Mara", last name first with no comma), as the import reads it."""
    name = loose_name(inner_manager(text, False) or text)
    if name in people:
        return name
    bare = bare_forms(name)  # without a title: "Dr. Ana Lima" for "Ana Lima"
    forms = (*turned_round(name), *sorted(bare), short_key(name))  # short: "Zara", "Sam O."
    return next((t for t in forms if t in people), name)


def guess_columns(
    header: Sequence[str], values: Values, date_format: str | None = None
) -> tuple[Columns, str | None] | None:
    """The columns of an export guessed from its header (and its manager column's
    values), and the format of its days (None for `YYYY-MM-DD`), or None when the header
    has no id, email or name column, or no manager column. Day columns whose days no
    single format reads (or not `date_format`) are left out (in `meta`)."""
    values, by_key = cache(values), dict[str, str]()  # a column read once, however often asked
    for column in header:
        by_key.setdefault(header_key(column), column)
    for written, column in list(by_key.items()):  # "MANAGERID": words no case tells apart
        if (whole := run_together(written)) is not None:
            by_key.setdefault(whole, column)
    # A nested object's column ("jobRole.jobTitle": Humaans) is also found by its last
    # key, when no other column ends with it.
    inner: dict[str, list[str]] = {}
    for column in header:
        if "." in column.strip("."):
            inner.setdefault(header_key(column.rsplit(".", 1)[1]), []).append(column)
    for last, ending in inner.items():  # not "country.name", "manager.email": another's
        if len(ending) == 1 and last and last not in ("name", "id", "email"):
            by_key.setdefault(last, ending[0])

    def first(names: Sequence[str], taken: Collection[str] = ()) -> str | None:
        return next((by_key[n] for n in names if n in by_key and by_key[n] not in taken), None)

    email = first(EMAILS) or _email_column(by_key)
    seats = _positions(first, values)
    if seats is not None:  # seats that report to seats: the person is the holder
        position, parent, holder = seats
        taken = {c for c in seats if c}
        names = name_columns(first, taken, values) or (
            (n,) if (n := first(INCUMBENTS, taken)) else ()
        )
        return Columns.of(
            id_col=position,
            manager_col=parent,
            # no column of people's ids: their emails, or their seats' ids
            holder_col=holder or _holders(position, email, names, values),
            name_col=names,
            title_col=first(TITLES, taken),
            email_col=email,
            department_col=first(DEPARTMENTS, taken),
            status_col=_status_column(by_key, taken),
            dotted_col=first(DOTTED, taken),
        ), None
    id_cols = list(dict.fromkeys(by_key[n] for n in IDS if n in by_key))
    code = None if id_cols else code_column(header, values) or email  # AFAS's, the emails
    named = () if id_cols or code else name_columns(first, (), values)  # "Name, Title, Reports To"
    if not id_cols:
        if code is None and not named:
            return None
        id_cols = [code or named[0]]  # "Prénom, Nom": the whole name is the id (csv_map)
    by_names = code is None and len(named) > 1
    id_col = id_cols[0]
    taken = set(id_cols)
    names = named if by_names else name_columns(first, taken, values) or named
    taken.update(names)
    candidates = [by_key[n] for n in MANAGERS if n in by_key and by_key[n] not in taken]
    loose = not candidates  # no usual name: any column named for a manager, if its data say
    if loose:
        candidates = [c for k, c in by_key.items() if c not in taken and manager_like(k)]
    emails = {_email_key(v) for v in values(email) if v} if email else set()
    people = _people(names, values, [v for c in candidates for v in values(c)])
    other = other_column(c for c in header if c not in taken) if len(names) > 1 else None
    if other is not None:  # the names people go by: the manager column may use them
        lasts = values(names[-1])
        people.update(loose_name(other_name(v, lasts[i])) for i, v in enumerate(values(other)) if v)
    # A manager cell is read as an id column's (an employee id, a login), email or name.
    readings: list[tuple[str, str, set[str], Callable[[str], str]]] = []
    for column in () if by_names else id_cols:
        ids = {v for v in values(column) if v}
        readings.append(("id", column, ids, partial(_id_key, ids)))
    if email:
        readings.append(("email", email, emails, _email_key))
    readings.append(("name", "", people, partial(_person_key, people)))
    best: tuple[int, int, str, str, str] | None = None
    for rank, column in enumerate(dict.fromkeys(candidates)):
        found = Counter(v for v in values(column) if v)  # a manager's cell, once
        for order, (how, key_col, known, key) in enumerate(readings):
            hits = sum(n for v, n in found.items() if key(v) in known)
            score = (hits, -order * 1000 - rank)  # a tie: ids, then emails, then names
            if best is None or score > (best[0], best[1]):
                best = (*score, column, how, key_col)
    manager: str | None = None
    how = "id"
    if best is not None and not (loose and best[0] == 0):
        _, _, manager, how, key_col = best
        if how == "id":
            id_col = key_col
    elif ("id" in by_key and _OWN.issuperset(by_key)) or id_col == email:
        return None  # the columns that to_csv writes (no reporting lines), read as written
    if how == "name" and manager is not None and names:  # its ids too, in another column?
        others = [c for k, c in by_key.items() if c not in taken | {manager} and manager_like(k)]
        twin = id_twin(
            values(manager),
            _one_person(names, values(id_col), values),
            {c: values(c) for c in others},
        )
        if twin is not None:
            manager, how = twin, "id"
    options: dict[str, str | tuple[str, ...] | None] = {
        "id_col": id_col,
        "name_col": names,
        "title_col": plain_title(
            first(TITLES, taken),
            [c for n in TITLES if (c := by_key.get(n)) is not None and c not in taken],
            values,
        )
        or graded_title(by_key.get("grade"), taken, values),  # a ward's "Staff Nurse"
        "email_col": email,
        "department_col": first(DEPARTMENTS, taken),
        "start_col": first(STARTS, taken),
        "end_col": first(ENDS, taken),
        "status_col": _status_column(by_key, taken),
        "dotted_col": first(DOTTED, {*taken, manager or ""}),
    }
    if manager is not None:
        by = {"id": "manager_col", "email": "manager_email_col", "name": "manager_name_col"}
        options[by[how]] = manager
    jobs = first(POSITIONS, {*taken, manager or ""})
    if by_names:  # one id per name: no jobs, no rows per change
        jobs = None
    elif jobs is None and _repeats(values(id_col)):  # Workday's "P-00102 Senior Engineer"
        jobs = coded_positions(header, values, {*taken, manager or ""})
    if jobs_by_position(id_col, jobs, names, values):  # a person in several jobs
        options["id_col"], options["holder_col"] = jobs, id_col
    elif not by_names and _repeats(values(id_col)):  # a row per change, each from its effective day
        options["effective_col"] = first(EFFECTIVES, taken)
    days = [options[c] for c in ("start_col", "end_col", "effective_col") if options.get(c)]
    texts = [v for c in days for v in values(c) if v]
    if date_format is not None:
        fmt = date_format if reads_days(texts, date_format) else None
    else:
        fmt = day_format(texts) if days else ""
    if fmt is None:  # days that no one format reads: left in meta
        options["start_col"] = options["end_col"] = options["effective_col"] = None
    return Columns.of(**options), fmt or None


def _repeats(cells: Sequence[str | None]) -> bool:
    return len(set(cells)) != len(cells)


_OWN = frozenset(header_key(c) for c in (*CSV_COLUMNS, *DATED_COLUMNS))
"""The header of a CSV that orgroles wrote: an `id` column and no other is no HR export's."""

First = Callable[..., "str | None"]
"""The first column of the header among some names, and not among those taken."""


_NOT_OWN_EMAIL = re.compile(
    r"\b(?:manager|supervisor|reports|boss|parent|lead|vorgesetzte\w*|responsable|jefe|"
    r"chef|personal|private|home|alternate|secondary|other)\b"
)


def _email_column(by_key: dict[str, str]) -> str | None:
    """A column whose name ends with an email's ("Work Contact: Work Email", as ADP
    writes it), and is not a manager's or a personal one; a work email first."""
    found = [
        (key, column)
        for key, column in by_key.items()
        if any(key.endswith(" " + n) for n in EMAILS) and not _NOT_OWN_EMAIL.search(key)
    ]
    work = (c for key, c in found if "work" in key.split())
    return next(work, found[0][1] if found else None)


def _status_column(by_key: dict[str, str], taken: Collection[str]) -> str | None:
    """The status column: the first column of the header named as a status or as a
    yes-or-no flag of it (see `orgroles.importers.status`)."""
    flags = (STATUS_COLUMNS, FLAG_COLUMNS, INVERSE_FLAG_COLUMNS)
    return next(
        (c for k, c in by_key.items() if c not in taken and any(k in f for f in flags)), None
    )


def _positions(first: First, values: Values) -> tuple[str, str, str | None] | None:
    """The columns of a position export: the seat's id, its parent seat's and its
    holder's (None when no column holds people's ids). None when the header has no
    position and parent position columns, when no parent, or fewer than half of them,
    are positions of the file, or when a row has no position or shares one with
    another row (a position pooled by several people): the rows are then people."""
    position = first(POSITIONS)
    parent = first(PARENT_POSITIONS, (position,)) if position else None
    if position is None or parent is None:
        return None
    cells = values(position)
    seats = {v.strip() for v in cells if v}
    parents = [v.strip() for v in values(parent) if v]
    if not parents or 2 * sum(p in seats for p in parents) < len(parents):
        return None  # no parent is a position: the rows are people
    if len(seats) != len(cells):
        return None  # a row without a position, or a position pooled by several rows
    taken = (position, parent)  # a person's id; a column named "ID" alone may be the row's
    holder = first(HOLDERS, taken) or first([n for n in IDS if n != "id"], taken)
    return position, parent, holder


def _holders(position: str, email: str | None, names: tuple[str, ...], values: Values) -> str:
    """The column that tells the people of a position export apart when none holds their
    ids: the email, when every row with a name has one; else the position itself (each
    person known by the id of their seat, a row without a name or an email an open
    seat: see `orgroles.importers.csv_map`)."""
    if email is not None:
        if not names:
            return email
        named = [any(parts) for parts in zip(*(values(c) for c in names), strict=True)]
        if all(address for address, name in zip(values(email), named, strict=True) if name):
            return email
    return position


def _days_format(cols: Columns | ResolvedColumns, table: Table) -> str | None:
    """The format of the days of the columns read (see `day_format()`)."""
    days = [c for c in (cols.start_col, cols.end_col, cols.effective_col) if c]
    return day_format([v for c in days for v in table.texts(c) if v]) if days else ""


def _unread_days(table: Table, chosen: Columns) -> list[str]:
    """The columns named for a first or last day that the guess left out, as no one
    format read their days (a position export's hire dates are the people's, not the
    seats': not read, and not said)."""
    if chosen.start_col or chosen.end_col or chosen.holder_col:
        return []
    return [c for c in table.header if header_key(c) in _DAY_NAMES]


_DAY_NAMES = frozenset((*STARTS, *ENDS))


def unmapped(columns: Columns) -> bool:
    """Whether the user gave no preset and no column option (the default mapping)."""
    return all(
        not getattr(columns, f.name) for f in dataclasses.fields(columns) if f.name != "keep_left"
    )


def _one_person(
    names: tuple[str, ...], ids: Sequence[str | None], values: Values
) -> Callable[[str], str | None]:
    """The id of the one row whose name a manager cell writes (None: shared or unknown)."""
    rows: dict[str, str | None] = {}
    for parts, rid in zip(zip(*(values(c) for c in names), strict=True), ids, strict=True):
        name = loose_name(" ".join(p for p in parts if p))
        rows[name] = None if name in rows else rid
    people = set(rows)
    return lambda text: rows.get(_person_key(people, text))


def _people(names: tuple[str, ...], values: Values, cells: list[str | None]) -> set[str]:
    """Each row's name ("First Last"), and "Last, First" too, as manager cells write it,
    without a title ("Dr."), and the manager `cells` that shorten one row's name alone."""
    if not names:
        return set()
    found: set[str] = set()
    rows = [[p for p in ps if p] for ps in zip(*map(values, names), strict=True)]
    for words in filter(None, rows):
        name = loose_name(" ".join(words))
        found.add(name)
        if may_have_titles(name):
            found.update(bare_forms(name, loose=True))
        if len(words) >= 2:  # "Berg, Pieter" and "van der Berg, Pieter"
            found.add(loose_name(f"{' '.join(words[1:])}, {words[0]}"))
    short = unique_short_forms([" ".join(w) for w in rows], set(cells), found)  # "Sam O."
    return found | short


def guessed(
    columns: Columns, table: Table, where: Location | None, date_format: str | None
) -> tuple[Columns, str | None, list[Problem]]:
    """The columns to read and the format of the days: those given, or, when no preset
    and no id and manager columns are given and the header is not `to_csv`'s, those
    guessed (the given ones win: see `orgroles.importers.given`; an id column without a
    manager corrects the guess too), with a note that says which. A header with an `id`
    column but no `reports_to` (d3-org-chart's "id, parentId, name, positionName") is
    guessed too; it is read as `to_csv`'s when no column of it names the manager."""
    given = not unmapped(columns)
    mapped = columns.id_col and columns.names_manager
    if columns.preset or mapped or {"id", "reports_to"} <= set(table.header):
        flat = columns.id_col and not columns.preset and not columns.names_manager
        if date_format is None:  # the days' format, found as for the columns guessed
            with contextlib.suppress(OrgFileError):  # said when the columns are read
                date_format = _days_format(columns.resolve(table.header), table) or None
        return columns, date_format, [no_manager_note(where)] if flat else []
    for name, preset in list(PRESETS.items())[1:]:  # a tool's own header: its preset
        chosen = dataclasses.replace(columns, preset=name)
        try:
            # The tool's own id and manager columns, not the ones given: with a manager
            # column given, a lone "id" would make any header Odoo's.
            Columns(preset=name).resolve(table.header, exact=True)
            cols = chosen.resolve(table.header, exact=True)
        except OrgFileError:
            continue
        found = guess_columns(table.header, table.texts, date_format) if gaps(cols) else None
        chosen, filled = filled_gaps(chosen, cols, found[0] if found else None)
        fmt = _days_format(chosen.resolve(table.header) if filled else cols, table)
        written = f" (days written {fmt})" if fmt and date_format is None else ""
        if filled:
            written += f"; {filled}"
        said = "the columns not given: " if given else "no preset and no column options: "
        note = Problem(
            f"{said}the header is that of the {name} preset ({preset.source}), read with "
            f"it{written}; give a preset or column options (--id-col, ...) to read it "
            "otherwise",
            where,
            code="columns-guessed",
        )
        return chosen, date_format or fmt or None, [note]
    found = guess_columns(table.header, table.texts, date_format)
    if found is None:
        return columns, date_format, [no_manager_note(where)] if columns.id_col else []
    chosen, read_as = found
    if given:
        chosen = merged(columns, chosen)
        if date_format is None:  # the days of the columns given too
            read_as = _days_format(chosen, table)
    if columns.keep_left:
        chosen = dataclasses.replace(chosen, status_col=None, keep_left=True)
    written = f" (days written {read_as})" if read_as and date_format is None else ""
    unread = _unread_days(table, chosen)
    if unread and date_format is not None:
        written += (
            f"; the days of {' and '.join(repr(c) for c in unread)} are left in meta: the "
            f"format given ({date_format}) does not read them all"
        )
    elif unread:
        written += (
            f"; the days of {' and '.join(repr(c) for c in unread)} are left in meta: no "
            "one format reads them all, or two read them differently (01/02/2018: January "
            "or February?); give it with "
            "--date-format (date_format=): %m/%d/%Y, %d/%m/%Y, ..."
        )
    if not chosen.names_manager:
        written += (
            "; no column names the manager: every role is a top role (name it with "
            "--manager-col, --manager-email-col or --manager-name-col)"
        )
    if not chosen.name_col:
        written += "; no column names the people: they have no names (name it with --name-col)"
    said = "the columns not given were guessed" if given else "no preset and no column options"
    note = Problem(
        f"{said}: the columns were read as {describe(chosen)}"
        f"{written}; give a preset or column options (--id-col, ...) to read them otherwise",
        where,
        code="columns-guessed",
    )
    return chosen, date_format or read_as, [note]


COMPANY_COLUMNS = (
    "company",
    "company name",
    "organization",
    "organisation",
    "organization name",
    "organisation name",
    "employer",
    "legal entity",
)
"""The columns whose value names the org (lower-cased, with spaces for `_` and `-`)."""


def company_name(table: Table) -> str | None:
    """The org's name that the data gives: the most common value of its first company
    column (`COMPANY_COLUMNS`), or None.

    Examples:
        >>> from orgroles.importers.csv_map import RecordRows
        >>> company_name(RecordRows([{"Company": "Acme"}, {"Company": "Acme"}, {"Company": ""}]))
        'Acme'
        >>> company_name(RecordRows([{"id": "a"}])) is None
        True
    """
    by_key = {header_key(h): h for h in table.header}  # as the other columns are found
    for key in COMPANY_COLUMNS:
        column = by_key.get(key)
        if column is None:
            continue
        found = Counter(v for v in table.texts(column) if v)
        if found:
            return found.most_common(1)[0][0]
    return None
