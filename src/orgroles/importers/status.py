"""Rows of people who left, or who have not started, as an export's status column says.

An HR tool's export of "all employees" lists the people who left beside those who work
there, with a status ("Terminated", "Inactive", "Former employee", `Active: false`), and
often the people who have signed and not started yet ("Onboarding", "Pending"). Read as
they are, the people who left would hold their old seats: the spans, the headcount and
the chart would be wrong. With a status column (`status_col`, guessed from a header such
as "Status", "Employment Status", "Position Status", "Active", `accountEnabled`):

- a row of someone who left and that gives no last day is left out of the org, unless
  other rows report to it: its seat is then kept, vacant (the person's name goes into
  the role's `meta`, `former_holder`), so that its reports keep their manager. A row
  that gives a last day (`end_col`) is dated by it, as any other (its seat is kept,
  vacant after that day, when others still report to it: see
  `orgroles.importers.leavers`);
- a row of someone who left that shares its id, or the name or email its manager
  column reads, with a current row (an old job of a person hired again, or moved) is
  left out first, so that the current row is the one found;
- a row of someone who has not started, without a first day (`start_col`), is a planned
  seat;
- of effective-dated rows, the latest of each id gives its status; one that says the
  person left ends the seat the day before its effective day, when an earlier row holds
  it (see `orgroles.importers.dated`);
- a directory's account status (a column such as Google Workspace's "Status [READ
  ONLY]" or "Account Status") says `Suspended` or `Blocked` of the account of someone
  who left; in an HR tool's status column, `Suspended` is someone still employed;
- any other value (`Active`, `On leave`, `Full-Time`, `Contractor`) is a current row.

One warning says what was left out. The status stays in each role's `meta`. `keep_left`
(`--keep-left`) reads no status: every row is a current one.

Examples:
    >>> [status_of(v, "Employment Status") for v in ("Terminated", "On Leave", "Onboarding")]
    ['left', None, 'future']
    >>> [status_of(v, "Active") for v in ("false", "No", "true")]
    ['left', 'left', None]
    >>> status_of("Pending termination", "Status"), status_of("Inactive (resigned)", "Status")
    (None, 'left')
    >>> status_of("Suspended", "Status [READ ONLY]"), status_of("Suspended", "Employee Status")
    ('left', None)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from orgroles._internal.text import plural
from orgroles.errors import Problem
from orgroles.importers.header_names import (
    FLAG_COLUMNS,
    INVERSE_FLAG_COLUMNS,
    STATUS_COLUMNS,
    header_key,
    names,
)
from orgroles.importers.id_forms import listed_lines
from orgroles.importers.managers import match_key
from orgroles.importers.vacant import vacate

if TYPE_CHECKING:
    from orgroles.importers.columns import ManagerBy
    from orgroles.importers.rows import Locator, Rows

__all__ = [
    "Status",
    "current_rows",
    "drop_left_twins",
    "read_statuses",
    "settle_statuses",
    "status_of",
]

Status = Literal["left", "future"]
"""What a status says of a row that is not a current one."""


def _names(text: str) -> frozenset[str]:
    return frozenset(names(text))


# A status that starts with one of these words says the person left, whatever follows
# ("Terminated - Voluntary", "Retired 2023", "Inactive (resigned)").
_LEFT_LEADING = _names(
    "terminated, termination, termed, retired, deceased, resigned, dismissed, separated, "
    "withdrawn, "
    "former, former employee, ex employee, left, leaver, exited, offboarded, laid off, "
    "fired, inactive, deactivated, disabled, archived, deleted, alumni, alumnus, alumna, "
    "deprovisioned, "
    "no longer employed, not employed, no longer with, inactif, sorti, sortie, "
    "parti, partie, ancien salarie, ancienne salariee, ancien collaborateur, licencie, "
    "licenciee, demissionnaire, retraite, decede, decedee, ex salarie, inaktiv, "
    "ausgeschieden, ausgetreten, ehemalig, ehemaliger, ehemalige, pensioniert, "
    "verstorben, ex mitarbeiter, deaktiviert, archiviert, inactivo, inactiva, "
    "dado de baja, dada de baja, cesado, cesada, despedido, despedida, jubilado, "
    "jubilada, desvinculado, desvinculada, fallecido, fallecida, ex empleado, inattivo, "
    "inattiva, cessato, cessata, dimesso, dimessa, licenziato, licenziata, pensionato, "
    "pensionata, deceduto, deceduta, inativo, inativa, desligado, desligada, demitido, "
    "demitida, aposentado, aposentada, falecido, falecida, inactief, uit dienst, "
    "vertrokken, ontslagen, gepensioneerd, overleden, nieaktywny, nieaktywna, zwolniony, "
    "zwolniona, sluttet, fratradd, fratradt, avslutad, fratraadt, relieved, absconded, "
    "absconding, paattynyt, lopettanut, eronnut, irtisanottu, "
    "退職, 退職済, 退職済み, 退職者, 離職, 離職済, 离职, 已离职, 퇴사, 퇴직, 퇴사자"
)
# Only alone: a word that other statuses begin with ("Baja" is a leaver in Spain's
# "Alta / Baja", "de baja" someone on sick leave; "Closed" a position that is no more).
_LEFT_ALONE = _names(
    "baja, closed, eliminated, abolished, expired, end of contract, contract ended, ended, "
    "completed, contract completed, cancelled, canceled, contract cancelled, finished"
)
_FUTURE_ALONE = _names(
    "pending, pending start, pending hire, pending worker, new hire, newhire, hired, "
    "onboarding, "
    "preboarding, pre boarding, staged, "
    "pre hire, prehire, pre start, pre employment, not started, not yet started, future, "
    "future hire, future start, future starter, future employee, upcoming, incoming, "
    "yet to join, to join, yet to start, yet to onboard, "
    "offer accepted, "
    "accepted offer, hired not started, starting soon, to start, a venir, futur, "
    "futur salarie, future salariee, en attente, en attente d arrivee, pre embauche, "
    "zukunftig, geplant, eintritt geplant, bevorstehend, pendiente, "
    "pendiente de incorporacion, por incorporar, futuro, futura, in arrivo, da assumere, "
    "pendente, a admitir, admissao pendente, toekomstig, nog niet in dienst, alkamassa, "
    "aloittamassa, "
    "入社予定, 内定, 内定者, 待入职, 입사예정, 입사 예정"
)
# A directory's account status (Google Workspace's "Status [READ ONLY]"): a suspended
# account is the one of someone who left, where an HR tool's "Suspended" is someone on
# leave, still employed (PeopleSoft's `S`).
_ACCOUNT_COLUMNS = _names("status read only, account status, user status, account state")
_ACCOUNT_LEFT = _names("suspended, blocked")
_FALSE = _names("false, no, n, f, 0, non, nein, nee, nao, nie, nej, off, inactive")
_TRUE = _names("true, yes, y, t, 1, x, oui, ja, si, sim, tak, on")

# A status that says the person works there (its head: "Active - Regular"), on leave or
# not. Only such a status makes a past last day the end of an earlier stint (see
# `orgroles.importers.rehires`): a column of "Cadre" and "Non-cadre" (France's "Statut")
# or "Full-Time" says nothing of it, and the last day is read.
_CURRENT = _names(
    "active, active employee, active assignment, actively employed, employed, current, "
    "current employee, working, in service, on leave, leave, leave of absence, loa, "
    "paid leave, unpaid leave, sick leave, parental leave, maternity leave, sabbatical, "
    "suspended, notice, notice period, probation, on probation, "
    "actif, active salariee, en poste, en activite, en conge, en periode d essai, aktiv, "
    "beschaftigt, im dienst, in elternzeit, activo, activa, alta, de baja, ativo, ativa, "
    "attivo, attiva, in servizio, actief, in dienst, aktywny, aktywna, zatrudniony, "
    "zatrudniona, anstalld, tjanstledig, ansatt, aktiivinen, "
    "在職, 在籍, 在职, 재직, 재직중, 휴직"
)
_LETTERS_CURRENT = frozenset("ALPS")
_HEAD = re.compile(r"\s+[-\u2013\u2014]\s+|[(:/,;|\[]")  # what sets a qualifier apart: " - ", "("


def status_of(value: str, header: str) -> Status | None:
    """What a status cell says of its row: `left`, `future`, or None (a current row),
    as read under its column's header (a status, or a yes-or-no column). A cell that
    names its column first ("Status: Terminated") is read after the name."""
    column = header_key(header)
    label, colon, rest = value.partition(":")
    if colon and rest.strip() and header_key(label) in (column, *STATUS_COLUMNS):
        value = rest
    words = header_key(value)
    if column in FLAG_COLUMNS and words in _FALSE:
        return "left"
    if column in INVERSE_FLAG_COLUMNS:
        return "left" if words in _TRUE else None
    head = header_key(_HEAD.split(value, 1)[0]) or words  # "Terminated - Voluntary": its head
    if head in _FUTURE_ALONE:
        return "future"
    if head in _LEFT_ALONE or (head in _ACCOUNT_LEFT and column in _ACCOUNT_COLUMNS):
        return "left"
    leading = head.split(" ")
    for n in range(min(len(leading), 4), 0, -1):
        if " ".join(leading[:n]) in _LEFT_LEADING:
            return "left"
    return None


# PeopleSoft's one-letter codes (EMPL_STATUS, HR_STATUS): A active, L and P on leave,
# S suspended; D deceased, I inactive, Q and R retired, T, U and V terminated, X retired.
_LETTER_CODES = frozenset("ADILPQRSTUVX")
_LETTERS_LEFT = frozenset("DIQRTUVX")


def _letter_codes(values: Sequence[str | None], header: str) -> bool:
    """Whether a status column holds PeopleSoft's one-letter codes: every value one of
    them, and `A` among them."""
    distinct = {v.strip().upper() for v in set(values) if v}
    return "A" in distinct and distinct <= _LETTER_CODES and header_key(header) in STATUS_COLUMNS


# Words of a header that make its yes ("true", "1") say the person left ("Has Left").
_LEAVING = frozenset(
    ["terminated", "inactive", "disabled", "deleted", "archived", "left", "leaver", "former"]
)


def _flags(values: Sequence[str | None], header: str) -> bool | None:
    """Whether a yes-or-no column says who works there by its yes: True for "Active" or
    any column of yes and no only ("Currently Employed"), False for "Terminated" (a
    header of a word of leaving), None for a column of other values."""
    column = header_key(header)
    if column in FLAG_COLUMNS or column in INVERSE_FLAG_COLUMNS:
        return column in FLAG_COLUMNS
    said = {header_key(v) for v in set(values) if v}
    if not said or not said <= _TRUE | _FALSE:
        return None
    return _LEAVING.isdisjoint(column.split())


def read_statuses(
    values: Sequence[str | None], header: str
) -> list[tuple[Status, str] | None] | None:
    """Each row's status (what it says, and the value as written) or None for a current
    row; None when no row is other than current. A value is read once. A column of
    PeopleSoft's one-letter codes (`A`, `T`, `R`, ...: every value one of them, and `A`
    among them) is read as such."""
    seen: dict[str, Status | None] = {}
    if _letter_codes(values, header):
        seen = {
            v: ("left" if v.strip().upper() in _LETTERS_LEFT else None) for v in set(values) if v
        }
    elif (yes_works := _flags(values, header)) is not None:
        gone = _FALSE if yes_works else _TRUE
        seen = {v: ("left" if header_key(v) in gone else None) for v in set(values) if v}
    found: list[tuple[Status, str] | None] = []
    for value in values:
        if value is None:
            found.append(None)
            continue
        if value not in seen:
            seen[value] = status_of(value, header)
        says = seen[value]
        found.append(None if says is None else (says, value))
    return found if any(found) else None


def current_rows(
    values: Sequence[str | None], header: str, statuses: Sequence[object | None] | None
) -> list[bool]:
    """Whether each row's status says that the person works there: a word of it
    (`Active`, `On leave`), a yes in a yes-or-no column, or PeopleSoft's `A`, `L`, `P`
    and `S`; not a status of someone who left or has not started (`statuses`), nor one
    that says nothing of it ("Full-Time", "Cadre"). Each value is read once."""
    letters = _letter_codes(values, header)
    yes_works = None if letters else _flags(values, header)
    seen: dict[str, bool] = {}
    for value in {v for v in values if v}:
        words = header_key(value)
        if letters:
            seen[value] = value.strip().upper() in _LETTERS_CURRENT
        elif yes_works is not None:
            seen[value] = words in (_TRUE if yes_works else _FALSE)
        else:
            head = header_key(_HEAD.split(value, 1)[0]) or words
            seen[value] = head in _CURRENT or words in _CURRENT
    said = statuses or [None] * len(values)
    return [
        bool(v) and s is None and seen.get(v, False)  # type: ignore[arg-type]
        for v, s in zip(values, said, strict=True)
    ]


def _left(rows: Rows) -> list[int]:
    """The rows of people who left that give no last day (a row with one is dated)."""
    statuses, ends = rows.statuses or (), rows.ends
    return [
        i
        for i, status in enumerate(statuses)
        if status is not None and status[0] == "left" and not (ends and ends[i])
    ]


def drop_left_twins(
    rows: Rows, locator: Locator, manager_by: ManagerBy
) -> tuple[Rows, Locator, list[int] | None]:
    """Leave out the rows of people who left whose id (or the name or email that the
    manager column reads) is also a current row's, so that the current row is the one
    found; with no current row at all, read no status (a note says so). A note in
    `rows.notes` for each case. Returns the rows, their locator and the positions of
    the rows kept (None, with the rows and locator themselves, when none is left out)."""
    from orgroles.importers.repeats import SubsetLocator, subset_rows

    left = _left(rows)
    if not left:
        return rows, locator, None
    gone = set(left)
    if len(gone) == len(rows.ids):
        _note(
            rows,
            locator,
            left[0],
            "every row's status says the person left: the status is not read (is it "
            "another kind of status?); name the columns to read with the column options",
            "status",
        )
        rows.statuses = None
        return rows, locator, None
    keys: list[list[str | None]] = [rows.ids]
    if manager_by != "id":
        key = match_key(manager_by)
        own = rows.emails if manager_by == "email" else rows.names
        keys.append([key(v) if v else None for v in own])
    twins = []
    for column in keys:
        current = {v for i, v in enumerate(column) if v and i not in gone}
        twins += [i for i in left if column[i] in current]
    if not twins:
        return rows, locator, None
    twins = sorted(set(twins))
    _note(
        rows,
        locator,
        twins[0],
        f"{plural(len(twins), 'row')} of people who left, as their status says "
        f"({_values(rows, twins)}), with the {_key_name(manager_by)} of a current row: "
        f"left out, the current row is the one read{_lines(locator, twins)}",
        "left-rows",
    )
    taken = set(twins)
    kept = [i for i in range(len(rows.ids)) if i not in taken]
    return subset_rows(rows, kept), SubsetLocator(locator, kept), kept


def settle_statuses(
    rows: Rows,
    locator: Locator,
    reports_to: list[str | None],
    dotted: dict[int, tuple[str, ...]],
) -> tuple[Rows, Locator, list[str | None], dict[int, tuple[str, ...]], list[int] | None]:
    """With the managers resolved: leave out the rows of people who left, but keep
    vacant those that current rows report to (through others that left, too); mark the
    seats of people who have not started, without a first day, as planned. Notes in
    `rows.notes`. Returns what is given, for the rows kept, and their positions (None
    when all are)."""
    from orgroles.importers.repeats import SubsetLocator, subset_rows

    statuses, starts = rows.statuses or (), rows.starts
    future = [
        i
        for i, status in enumerate(statuses)
        if status is not None and status[0] == "future" and not (starts and starts[i])
    ]
    if future:
        planned = set(future)
        rows.planned = [i in planned for i in range(len(rows.ids))]
        _note(
            rows,
            locator,
            future[0],
            f"{plural(len(future), 'row')} of people who have not started, as their "
            f"status says ({_values(rows, future)}), with no first day: planned "
            f"seats{_lines(locator, future)}",
            "future-rows",
        )
    left = _left(rows)
    if not left:
        return rows, locator, reports_to, dotted, None
    ids = rows.ids
    gone: dict[str | None, int] = {ids[i]: i for i in left}
    # The seats of people who left that a current row reports to: counted in C, as the
    # rows that left are few and the current ones many.
    named = Counter(reports_to)
    named_by_gone = Counter(reports_to[i] for i in left)
    for i, others in dotted.items():
        named.update(others)
        if ids[i] in gone:
            named_by_gone.update(others)
    todo = [j for rid, j in gone.items() if named[rid] > named_by_gone[rid]]
    needed: set[int] = set()
    while todo:  # and up through the seats of people who left that those report to
        j = todo.pop()
        if j not in needed:
            needed.add(j)
            todo += [
                k for m in (reports_to[j], *dotted.get(j, ())) if (k := gone.get(m)) is not None
            ]
    _vacate_left(rows, sorted(needed))
    dropped = [i for i in left if i not in needed]
    kept_note = ""
    if needed:
        first = min(needed)
        kept_note = (
            f"; {plural(len(needed), 'seat')} kept, vacant, as others report to "
            f"{'it' if len(needed) == 1 else 'them'} ({rows.ids[first]!r}, "
            f"{locator.line(first)}{' ...' if len(needed) > 1 else ''})"
        )
    _note(
        rows,
        locator,
        left[0],
        f"{plural(len(left), 'row')} of people who left, as their status says "
        f"({_values(rows, left)}), with no last day: left out of the org"
        f"{_lines(locator, dropped)}{kept_note}; --keep-left (keep_left=True) reads "
        "them as current rows",
        "left-rows",
    )
    if not dropped:
        return rows, locator, reports_to, dotted, None
    out = set(dropped)
    kept = [i for i in range(len(rows.ids)) if i not in out]
    new = {old: k for k, old in enumerate(kept)}
    return (
        subset_rows(rows, kept),
        SubsetLocator(locator, kept),
        [reports_to[i] for i in kept],
        {new[i]: others for i, others in dotted.items() if i in new},
        kept,
    )


def _vacate_left(rows: Rows, found: list[int]) -> None:
    """Make these seats vacant, the person who left named in the role's `meta`."""
    for i in found:
        person = rows.names[i] or rows.emails[i] or (rows.holders or rows.ids)[i]
        if person is not None:
            rows.metas[i] = {**rows.metas[i], "former_holder": person}
    if found:
        vacate(rows, found)


def _note(rows: Rows, locator: Locator, row: int, message: str, code: str) -> None:
    """Add a note at a row's status cell to `rows.notes`."""
    where = locator.location(row, "status"), locator.where(row, "status")
    rows.notes.append(Problem(message, *where, code=code))


def _key_name(manager_by: ManagerBy) -> str:
    return "id" if manager_by == "id" else f"id or {manager_by}"


def _values(rows: Rows, found: list[int]) -> str:
    """The statuses of these rows as written, the most common first, with their counts."""
    statuses = rows.statuses or ()
    counts = Counter(status[1] for i in found if (status := statuses[i]) is not None)
    shown = [f"{v!r}" if n == 1 else f"{v!r} {n:,}" for v, n in counts.most_common(4)]
    if len(counts) > 4:
        shown.append("...")
    return ", ".join(shown)


def _lines(locator: Locator, found: list[int]) -> str:
    return f" ({listed_lines(locator, found)})" if found else ""
