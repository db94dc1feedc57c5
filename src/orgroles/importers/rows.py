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
from unicodedata import normalize

from pydantic import ValidationError

from orgroles._internal.gc import gc_paused
from orgroles._internal.validators import validator
from orgroles.errors import Location, OrgFileError, OrgImportWarning, OrgValidationError, Problem
from orgroles.importers.columns import ManagerBy
from orgroles.importers.id_forms import (
    NameForms,
    drop_no_manager,
    inner_manager,
    inner_note,
    match_id_forms,
    name_reading,
    rows_by,
)
from orgroles.importers.kinds import Cell, infer_kinds
from orgroles.importers.mixed_keys import MixedKeys, mixed_note
from orgroles.importers.row_marks import RowMarks
from orgroles.importers.slugs import slug, unique_slugs
from orgroles.importers.status import Status, drop_left_twins, settle_statuses
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
    departments: list[Cell] | None = None
    kinds: list[str | None] | None = None
    kind_froms: list[str | None] | None = None
    """How each kind was found, when the data says (then nothing is inferred)."""
    families: list[str | None] | None = None
    seniorities: list[str | None] | None = None
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
    amend: Callable[[dict[str, Any], Sequence[int] | None], None] | None = None,
    literal: bool = False,
) -> Imported:
    """Check the rows, resolve managers, make people and teams, and build the document.

    `amend` changes the document's plain data before it is validated (the dates of
    `orgroles.importers.dated.dating()`). `literal` reads the managers as written, as for
    a file that `to_csv` wrote (all its columns, and no option): no second readings
    (`orgroles.importers.id_forms`), so that its dangling managers come back as they were.

    Problems that make the rows unreadable as an org (a row without an id, a repeated
    id, an ambiguous manager name, an invalid value) raise one
    `OrgValidationError` (an `OrgFileError`
    for a file) that lists them all, each at its row. Managers that match no row are kept as
    they are written, as dangling references for the rules to report; a manager name or
    email that matches no row also gives an `OrgImportWarning`.
    """
    origin: list[int] | None = None  # the row given of each row kept, when some are not
    if rows.statuses is not None and not literal:  # before the ids are checked
        rows, locator, origin = drop_left_twins(rows, locator, manager_by)
    problems = list(rows.problems)
    notes = list(rows.notes)
    if not literal:  # open seats: may give them ids
        open_seats = (read_vacant(rows, locator), read_vacant_holders(rows, locator))
        notes += [n for n in (*open_seats, read_unnamed_seats(rows, locator)) if n]
    ids = rows.ids
    problems += _check_ids(ids, locator, rows.skip)
    reports_to, dotted = _resolve_managers(rows, manager_by, locator, problems, notes, literal)
    if problems:
        raise _failure(problems, source)
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
        if kinds == "infer" and rows.kind_froms is None:
            infer_kinds(data["roles"], rows.departments, rows.hints)
        if amend is not None:
            amend(data, origin)
        try:
            document: OrgDocument = validator(OrgDocument).validate_python(data)
        except ValidationError as exc:
            marks = RowMarks(locator, len(role_ids), person_rows, team_rows, rows.holders)
            found = problems_from_validation(exc, data, marks, None, OrgDocument)
            raise _failure([marks.relocate(p) for p in found], source) from None
    if notes:
        warnings.warn(OrgImportWarning(notes), stacklevel=3)
    if source is not None:
        source.marks = RowMarks(locator, len(role_ids), person_rows, team_rows, rows.holders)
    return Imported(document, source)


def _failure(problems: list[Problem], source: Source | None) -> OrgValidationError:
    if source is not None and source.path is not None:
        return OrgFileError(problems)
    return OrgValidationError(problems)


def _check_ids(ids: Sequence[str | None], locator: Locator, skip: set[int]) -> list[Problem]:
    """A problem for every row without an id and for every repeat of an earlier id."""
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
            problems.append(
                Problem(
                    f"duplicate id {rid!r} (first on {locator.line(j)})",
                    locator.location(i, "id"),
                    locator.where(i, "id"),
                    code="duplicate-id",
                )
            )
    return problems


def _values(cell: Cell) -> list[str]:
    if cell is None:
        return []
    return [cell] if isinstance(cell, str) else cell


def _name_key(text: str) -> str:
    return normalize("NFC", text)


def _known(rows: Rows) -> set[str]:
    """Every id, name and email of the rows."""
    return {v for column in (rows.ids, rows.names, rows.emails) for v in column if v}


def _name_read(value: str, read: str, how: str, locator: Locator, i: int, row: int) -> Problem:
    """The note for a manager name read as another row's (see `NameForms`)."""
    said, code = name_reading(how)
    return Problem(
        f"no row has the manager name {value!r}; read as {read!r} ({said}), the name of "
        f"{locator.line(row)}",
        locator.location(i, "manager"),
        locator.where(i, "manager"),
        code=code,
    )


def _email_key(text: str) -> str:
    """An address as mail servers compare it (RFC 5321): the domain in any case, the part
    before the last `@` exactly (`Ana@` and `ana@` may be two mailboxes; `straße@` is never
    `STRASSE@`, as Unicode case folding would make it).

    Examples:
        >>> _email_key("Ana.Lima@Acme.Example")
        'Ana.Lima@acme.example'
    """
    text = normalize("NFC", text.strip())
    local, at, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}" if at else text


def _ascii_lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def match_key(manager_by: ManagerBy) -> Callable[[str], str]:
    """How a manager's email (any case) or name (any Unicode form) is matched to a row's."""
    return _email_key if manager_by == "email" else _name_key


def _resolve_managers(
    rows: Rows,
    manager_by: ManagerBy,
    locator: Locator,
    problems: list[Problem],
    notes: list[Problem],
    literal: bool = False,
) -> tuple[list[str | None], dict[int, tuple[str, ...]]]:
    """Each row's manager id (`reports_to`) and, for rows that name several, the others.

    By id, the value is the id (kept even when no row has it). By email (the domain in any
    case, the rest exactly, as RFC 5321 says) or name (exact, then `NameForms`, then
    `MixedKeys`), the value is looked up among the rows: no match keeps it as a dangling
    reference, with a note; several is a problem."""
    ids = rows.ids
    managers = rows.managers
    dotted: dict[int, tuple[str, ...]] = {}
    none = None if literal else drop_no_manager(managers, lambda: _known(rows), locator)
    if none is not None:
        notes.append(none)
    if manager_by == "id":
        reports_to: list[str | None]
        if all(cell is None or type(cell) is str for cell in managers):
            reports_to = cast("list[str | None]", managers[:])  # one id per row
        else:
            reports_to = []
            append = reports_to.append
            for i, cell in enumerate(managers):
                if cell is None or isinstance(cell, str):
                    append(cell)
                else:
                    append(cell[0] if cell else None)
                    if len(cell) > 1:
                        dotted[i] = tuple(cell[1:])
        if not problems and not literal:  # every row has an id
            known = cast("list[str]", ids)
            notes += match_id_forms(known, reports_to, dotted, locator)
        return reports_to, dotted

    by_email = manager_by == "email"
    # The same text in two Unicode forms (é as one character or as e + accent, as some
    # systems write it) is the same name; the case of an email's domain does not matter.
    key = _email_key if by_email else _name_key
    index = rows_by(rows.emails if by_email else rows.names, key)
    what = "email" if by_email else "name"
    case_hint = _CaseHint(index, rows.emails)
    name_forms = NameForms(index, rows.names)
    mixed = MixedKeys(ids, rows.emails, rows.names, by_email=by_email, email_key=_email_key)
    by_other: list[tuple[int, str, int, str]] = []  # a row's id, or its other key
    resolved: list[str | None] = [None] * len(ids)
    inner: list[tuple[int, str, str]] = []  # (row, cell, what it holds): one note for all
    for i, cell in enumerate(managers):
        found: list[str] = []
        for value in _values(cell):
            matches = index.get(key(value), [])
            if not matches and (held := inner_manager(value, by_email)) is not None:
                matches = index.get(key(held), [])
                if matches:
                    inner.append((i, value, held))
            if not matches and not by_email:
                matches, why = name_forms.read(value)
                if why is not None:
                    notes.append(_name_read(value, *why, locator, i, matches[0]))
            if not matches and (other := mixed.read(value)) is not None:
                matches = [other[0]]
                by_other.append((i, value, *other))
            if len(matches) == 1:
                found.append(ids[matches[0]])  # type: ignore[arg-type]
            elif not matches:
                found.append(value)
                hint = case_hint(value) if by_email else ""
                notes.append(
                    Problem(
                        f"no row has the manager {what} {value!r}{hint}: kept as an unknown "
                        "manager",
                        locator.location(i, "manager"),
                        locator.where(i, "manager"),
                        code="unknown-manager",
                    )
                )
            else:
                rows_text = ", ".join(locator.line(j) for j in matches[:10])
                more = f" and {len(matches) - 10} more" if len(matches) > 10 else ""
                problems.append(
                    Problem(
                        f"the manager {what} {value!r} is ambiguous: {len(matches)} rows have "
                        f"it ({rows_text}{more}); give managers by id instead (manager_col, "
                        "--manager-col), or make the "
                        + ("emails" if by_email else "names")
                        + " unique",
                        locator.location(i, "manager"),
                        locator.where(i, "manager"),
                        code="ambiguous-manager",
                    )
                )
        if found:
            resolved[i] = found[0]
            if len(found) > 1:
                dotted[i] = tuple(found[1:])
    if inner:
        notes.append(inner_note(inner, what, locator))
    if by_other:
        notes.append(mixed_note(by_other, what, locator))
    return resolved, dotted


class _CaseHint:
    """` (a row has 'ana@acme.example': ...)` for an email that matches a row's only once
    case is ignored; the index of lower-cased addresses is made for the first message."""

    def __init__(self, index: dict[str, list[int]], emails: list[str | None]) -> None:
        self._index = index
        self._emails = emails
        self._lowered: dict[str, int] | None = None

    def __call__(self, value: str) -> str:
        if self._lowered is None:
            self._lowered = {}
            for key, rows_of in self._index.items():
                self._lowered.setdefault(_ascii_lower(key), rows_of[0])
        j = self._lowered.get(_ascii_lower(_email_key(value)))
        if j is None:
            return ""
        return f" (a row has {self._emails[j]!r}: the part before @ is case-sensitive)"


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
