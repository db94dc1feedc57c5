"""Turn the rows of an import into an org document: what every importer shares.

An importer (CSV, records, GitLab) reads its source into `Rows`, one list per field, and a
`Locator` that says where each cell came from. `build_document()` then checks the ids,
resolves the managers, makes people and teams, validates the whole org in one pass, and
reports every problem at the row (file line) it comes from.

Rows are kept column by column, and validation runs once over the whole document rather than
once per row: a million rows cost a few seconds, not minutes.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, Protocol, cast

from pydantic import ValidationError

from orgroles._internal.gc import gc_paused
from orgroles._internal.validators import validator
from orgroles.errors import Location, OrgFileError, OrgImportWarning, OrgValidationError, Problem
from orgroles.importers.assistants import assistant_notes
from orgroles.importers.columns import ManagerBy
from orgroles.importers.email_ids import ids_from_emails, read_email_ids
from orgroles.importers.guests import Mark, drop_guests
from orgroles.importers.job_shares import (
    Sharers,
    add_sharers,
    fold_shares,
    seat_of_sharers,
    share_note,
    shared_seats,
)
from orgroles.importers.kinds import Cell, infer_kinds
from orgroles.importers.managers import match_key, resolve_managers
from orgroles.importers.name_ids import read_name_ids
from orgroles.importers.row_marks import RowMarks
from orgroles.importers.slugs import slug, unique_slugs
from orgroles.importers.status import Status, drop_left_twins, settle_statuses
from orgroles.importers.team_names import one_spelling
from orgroles.importers.vacant import read_unnamed_seats, read_vacant, read_vacant_holders
from orgroles.io.problems import problems_from_validation
from orgroles.io.reader import Source
from orgroles.model import OrgDocument

__all__ = [
    "KINDS_MODES",
    "Cell",
    "Imported",
    "KindsMode",
    "Locator",
    "Rows",
    "build_document",
    "match_key",
    "slug",
    "unique_slugs",
]

KindsMode = Literal["infer", "none"]
KINDS_MODES: tuple[KindsMode, ...] = ("infer", "none")
"""How an import fills `kind`: `infer` it from the job title (the default), or `none`."""


class Locator(Protocol):
    """Where each cell of an import came from, for messages and for `org.location_of`.

    `what` is a field of `Rows` (`"id"`, `"name"`, `"title"`, `"kind"`, `"holder"`,
    `"email"`, `"manager"`, `"department"`) or a meta key.
    """

    def location(self, row: int, what: str) -> Location | None:
        """The file, line and column of a cell; None when the source has no lines."""

    def where(self, row: int, what: str) -> str:
        """How a person finds the cell: `column 'Manager'`, `records[3]['Manager']`."""

    def line(self, row: int) -> str:
        """The row for a message that points at another one: `line 7`, `records[6]`."""


@dataclass
class Rows:
    """The rows of an import, one list per field and one item per row, in source order.

    `holders` is None when every row is one person whose id is the row's id; otherwise it
    holds each row's person id, or None for a vacant seat.
    """

    ids: list[str | None]
    names: list[str | None]
    titles: list[str | None]
    emails: list[str | None]
    managers: list[Cell]
    metas: list[dict[str, Any]]
    dotteds: list[Cell] | None = None
    """Each row's dotted-line (matrix) managers, from a column of their own."""
    departments: list[Cell] | None = None
    kinds: list[str | None] | None = None
    kind_froms: list[str | None] | None = None
    """How each kind was found, when the data says (then nothing is inferred)."""
    families: list[str | None] | None = None
    seniorities: list[str | None] | None = None
    aliases: list[str | None] | None = None
    """Another name of each row's person, to find managers written with it (see
    `orgroles.importers.other_names`)."""
    holders: list[str | None] | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    skip: set[int] = field(default_factory=set)
    """Rows already reported as malformed: not reported again for a missing id."""
    hints: list[tuple[str, ...]] | None = None
    """For each row, words about its function besides its departments (GitLab's job-family
    links): hints for inferring its kind from its title."""
    starts: list[str | None] | None = None
    ends: list[str | None] | None = None
    effectives: list[str | None] | None = None
    """The first and last days and the effective days of the rows, as written (see
    `orgroles.importers.dated`)."""
    statuses: list[tuple[Status, str] | None] | None = None
    """What each row's status says, when not a current row: `left` or `future`, and the
    value as written (see `orgroles.importers.status`)."""
    planned: list[bool] | None = None
    """The rows whose seats are planned (people who have not started)."""
    current: list[bool] | None = None
    """The rows whose status says that the person works there (`Active`): see
    `orgroles.importers.rehires`."""
    guests: list[Mark | None] | None = None
    """What tells each row is a directory's guest or bot account, or None for a member's
    (see `orgroles.importers.guests`): those rows are left out."""


class Imported(NamedTuple):
    """What an importer read: the org document, and its source (for line numbers)."""

    document: OrgDocument
    source: Source | None = None


def build_document(
    rows: Rows,
    locator: Locator,
    *,
    manager_by: ManagerBy = "id",
    name: str | None = None,
    source: Source | None = None,
    kinds: KindsMode = "infer",
    amend: Callable[[dict[str, Any], Sequence[int] | None], list[Problem]] | None = None,
    literal: bool = False,
) -> Imported:
    """Check the rows, resolve managers, make people and teams, and build the document.

    `amend` changes the document's plain data before it is validated (the dates of
    `orgroles.importers.dated.dating()`), and returns its warnings. `literal` reads the
    managers as written, as for a file that `to_csv` wrote (all its columns, and no
    option): no second readings (`orgroles.importers.id_forms`), so that its dangling
    managers come back as they were.

    Problems that make the rows unreadable as an org (a row without an id, a repeated
    id, an ambiguous manager name, an invalid value) raise one
    `OrgValidationError` (an `OrgFileError`
    for a file) that lists them all, each at its row. Managers that match no row are kept as
    they are written, as dangling references for the rules to report; a manager name or
    email that matches no row also gives an `OrgImportWarning`.
    """
    origin: list[int] | None = None  # the row given of each row kept, when some are not
    if rows.guests is not None and not literal:
        rows, locator, origin = drop_guests(rows, locator)
    if rows.statuses is not None and not literal:  # before the ids are checked
        rows, locator, kept = drop_left_twins(rows, locator, manager_by)
        if kept is not None:
            origin = kept if origin is None else [origin[k] for k in kept]
    problems = list(rows.problems)
    notes = list(rows.notes)
    if not literal:  # open seats, a person in two seats: may give them ids
        notes += [n for n in (read_name_ids(rows, locator),) if n]
        open_seats = (read_vacant(rows, locator), read_vacant_holders(rows, locator))
        notes += [n for n in (*open_seats, read_unnamed_seats(rows, locator)) if n]
        notes += read_email_ids(rows, locator)
        notes += [n for n in (ids_from_emails(rows, locator),) if n]
        notes += [n for n in (one_spelling(rows, locator),) if n]
    shares = {} if literal else shared_seats(rows)
    sharers: Sharers = {}
    if shares:  # a job share: one seat's id on a row for each of its people
        notes.append(share_note(shares, locator))
        rows, locator, kept, sharers = fold_shares(rows, locator, shares)
        origin = kept if origin is None else [origin[k] for k in kept]
    ids = rows.ids
    problems += _check_ids(ids, locator, rows.skip, rows.names)
    reports_to, dotted = resolve_managers(rows, manager_by, locator, problems, notes, literal)
    if sharers:
        seat_of_sharers(sharers, set(cast("list[str]", ids)), reports_to)
    if problems:
        raise _failure(problems, source, notes)
    if rows.statuses is not None:  # people who left, and who have not started
        told = len(rows.notes)
        rows, locator, reports_to, dotted, kept = settle_statuses(rows, locator, reports_to, dotted)
        notes += rows.notes[told:]
        if kept is not None:
            origin = kept if origin is None else [origin[k] for k in kept]
        ids = rows.ids
    role_ids: list[str] = ids  # type: ignore[assignment]  # no None left: checked above
    with gc_paused():
        data, person_rows, team_rows = _document(rows, role_ids, reports_to, dotted, name)
        if sharers:
            add_sharers(data["roles"], data["people"], person_rows, sharers)
        if kinds == "infer" and rows.kind_froms is None:
            infer_kinds(data["roles"], rows.departments, rows.hints)
            if not literal:
                notes += assistant_notes(data["roles"], locator)
        if amend is not None:
            notes += amend(data, origin)
        try:
            document: OrgDocument = validator(OrgDocument).validate_python(data)
        except ValidationError as exc:
            marks = RowMarks(locator, len(role_ids), person_rows, team_rows, rows.holders)
            found = problems_from_validation(exc, data, marks, None, OrgDocument)
            raise _failure([marks.relocate(p) for p in found], source, notes) from None
    if notes:
        warnings.warn(OrgImportWarning(notes), stacklevel=3)
    if source is not None:
        source.marks = RowMarks(locator, len(role_ids), person_rows, team_rows, rows.holders)
    return Imported(document, source)


def _failure(
    problems: list[Problem], source: Source | None, notes: list[Problem]
) -> OrgValidationError:
    """The error of an import that cannot be read; when its columns were guessed, the
    note that says how comes first, as the problems are about the columns it chose."""
    problems = [*(n for n in notes if n.code == "columns-guessed"), *problems]
    if source is not None and source.path is not None:
        return OrgFileError(problems)
    return OrgValidationError(problems)


def _check_ids(
    ids: Sequence[str | None],
    locator: Locator,
    skip: set[int],
    names: Sequence[str | None] = (),
) -> list[Problem]:
    """A problem for every row without an id and for every repeat of an earlier id; a
    repeat with the earlier row's name (`names`) says how to read a person's two jobs."""
    problems: list[Problem] = []
    distinct = set(ids)
    if len(distinct) == len(ids) and None not in distinct:
        return problems  # the usual case, found in one pass at C speed
    first: dict[str, int] = {}
    for i, rid in enumerate(ids):
        if rid is None:
            if i not in skip:
                problems.append(
                    Problem(
                        "missing id: every row needs one",
                        locator.location(i, "id"),
                        locator.where(i, "id"),
                        code="missing-id",
                    )
                )
            continue
        j = first.setdefault(rid, i)
        if j != i:
            same = bool(names) and names[i] is not None and names[i] == names[j]
            problems.append(
                Problem(
                    f"duplicate id {rid!r} (first on {locator.line(j)})"
                    + (_TWO_JOBS if same else ""),
                    locator.location(i, "id"),
                    locator.where(i, "id"),
                    code="duplicate-id",
                )
            )
    return problems


_TWO_JOBS = (
    ": the same person in two jobs? Read a column with an id for each job (a position's) "
    "with --id-col, and this one with --holder-col (and name the other columns too: "
    "--name-col, --manager-col, ...); or a row per change? Name the day each row holds "
    "from with --effective-col"
)


def _document(
    rows: Rows,
    ids: list[str],
    reports_to: list[str | None],
    dotted: dict[int, tuple[str, ...]],
    name: str | None,
) -> tuple[dict[str, Any], list[int], list[int]]:
    """The org as plain data, with the row of each person and the first row of each team."""
    titles, metas, kinds = rows.titles, rows.metas, rows.kinds
    holders: Sequence[str | None] = ids if rows.holders is None else rows.holders
    roles: list[dict[str, Any]] = [
        {"id": rid, "title": title, "holder": holder, "reports_to": boss, "meta": meta}
        for rid, title, holder, boss, meta in zip(
            ids, titles, holders, reports_to, metas, strict=True
        )
    ]
    for key, values in (
        ("kind", kinds),
        ("kind_from", rows.kind_froms),
        ("family", rows.families),
        ("seniority", rows.seniorities),
    ):
        if values is not None:
            for role, value in zip(roles, values, strict=True):
                if value is not None:
                    role[key] = value
    for i, others in dotted.items():
        roles[i]["dotted_to"] = others
    if rows.planned is not None:
        for role, planned in zip(roles, rows.planned, strict=True):
            if planned:
                role["planned"] = True

    names, emails = rows.names, rows.emails
    if rows.holders is None:
        people = [
            {"id": rid, "name": pname, "email": email}
            for rid, pname, email in zip(ids, names, emails, strict=True)
        ]
        person_rows = list(range(len(ids)))
    else:
        seen: dict[str, int] = {}
        people = []
        person_rows = []
        for i, holder in enumerate(rows.holders):
            if holder is None:
                continue
            k = seen.get(holder)
            if k is None:
                seen[holder] = len(people)
                people.append({"id": holder, "name": names[i], "email": emails[i]})
                person_rows.append(i)
            else:  # a person in several seats: the first row that gives a value wins
                person = people[k]
                person["name"] = person["name"] or names[i]
                person["email"] = person["email"] or emails[i]

    teams: list[dict[str, Any]] = []
    team_rows: list[int] = []
    if rows.departments is not None:
        members: dict[str, list[str]] = {}
        for i, cell in enumerate(rows.departments):
            if cell is None:
                continue
            for department in (cell,) if type(cell) is str else dict.fromkeys(cell):
                found = members.get(department)
                if found is None:
                    found = members[department] = []
                    team_rows.append(i)
                found.append(ids[i])
        teams = [
            {"id": tid, "name": tname, "members": tuple(m)}
            for tid, (tname, m) in zip(unique_slugs(list(members)), members.items(), strict=True)
        ]
    data = {"name": name, "people": people, "roles": roles, "teams": teams}
    return data, person_rows, team_rows
