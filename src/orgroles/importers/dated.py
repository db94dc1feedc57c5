"""Dates in imports: hire and termination dates, effective-dated rows, dated snapshots.

An HR export says when things happen in three ways, and each becomes the dated format
(`start` and `end` on seats, dated holders and reporting lines):

- **a first and a last day per row** (BambooHR's `Hire Date` and `Termination Date`):
  `read_days()` reads them, and `apply_days()` dates each seat with them (a row
  is one person's job; the CSV that `to_csv` writes has its seats' days);
- **a row per change** (Workday's effective-dated rows, `Effective_Date`): an id has
  several rows; `effective_groups()` sorts them, the latest gives the seat, and
  `dated_lines()` turns the manager of each row into reporting lines;
- **several snapshots of the whole org**, each as of a day (`jan.csv` on 2026-01-31,
  `apr.csv` on 2026-04-30): `merge_snapshots()` makes one dated org of them.

A change takes effect on the day of the snapshot that shows it: what consecutive
snapshots show is continuous, what is new starts on that day, and what is gone ends the
day before. What the first snapshot shows held from the start; a seat missing from a
snapshot and back in a later one is kept, vacant, in between.

Examples:
    >>> parse_day("2026-03-01"), parse_day("2026-03-01-08:00"), parse_day("03/01/2026", "%m/%d/%Y")
    (datetime.date(2026, 3, 1), datetime.date(2026, 3, 1), datetime.date(2026, 3, 1))
    >>> days = [date(2025, 1, 1), date(2025, 6, 1), date(2025, 9, 1)]
    >>> dated_lines(list(zip(days, ["ceo", "coo", "coo"])))
    [{'role': 'ceo', 'end': '2025-05-31'}, {'role': 'coo', 'start': '2025-06-01'}]
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from orgroles.errors import Problem
from orgroles.importers.columns import ManagerBy
from orgroles.importers.id_forms import listed_lines
from orgroles.importers.leavers import keep_managed_seats
from orgroles.importers.rehires import earlier_stints, hired_later
from orgroles.importers.repeats import SubsetLocator, subset_rows
from orgroles.importers.rows import Locator, Rows, match_key
from orgroles.model import OrgDocument, Role
from orgroles.model.dates import state_on

__all__ = [
    "apply_days",
    "dated_lines",
    "dating",
    "effective_groups",
    "merge_snapshots",
    "parse_day",
    "read_days",
]

ONE_DAY = timedelta(days=1)

# A day, alone or followed by a time or a UTC offset (Workday writes 2026-03-01-08:00).
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]|[+-]\d{2}:?\d{2}$|Z$)")
# A day followed by a time of day (with seconds, AM or PM, a UTC offset), as Dayforce and
# spreadsheets write a day: "2/1/2016 12:00:00 AM", "01.03.2026 08:00".
_TIME_AFTER = re.compile(
    r"(.+?)(?:,?\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?"
)
_ZERO_DAY = re.compile(  # "12/31/2154 11:59:59 PM": Dynamics 365's last day, for never
    r"(?:0{4}-00-00|(?:9999|2154)-12-31|00[/.]00[/.]0{4}|(?:31[/.]12[/.]|12/31/)(?:9999|2154))"
    r"(?:[ T][\d:.]*(?:\s*[AaPp][Mm])?)?"
)
"""The days that databases write for none (MySQL's `0000-00-00`) or for never (SAP's
`31.12.9999`, Dynamics 365's `12/31/2154`): read as an empty cell."""


Amend = Callable[[dict[str, Any], Sequence[int] | None], list[Problem]]
"""Dates the plain data of a document: its roles, each made from a row (`origin`: the
row of each role, when some rows were left out; by default, role k is row k). Returns
the notes (warnings) it has."""


def dating(
    rows: Rows, locator: Locator, date_format: str | None, manager_by: ManagerBy
) -> tuple[Rows, Locator, Amend | None]:
    """Read the days of an import's rows (problems go to `rows.problems`, at their
    cells), and say how they date its document: the rows to build the document from
    (with effective-dated rows, each id's latest row only), their locator, and the
    function that dates the document's plain data (None when the rows have no days)."""
    problems, notes = rows.problems, rows.notes
    starts = read_days(rows.starts, date_format, locator, "start", problems, notes)
    ends = read_days(rows.ends, date_format, locator, "end", problems, notes)
    ends = earlier_stints(rows, starts, ends, locator)  # a rehired person's old last day
    hired_later(rows, starts, ends, locator)  # an account made before the first day
    groups: list[list[int]] | None = None
    effective: list[date | None] = []
    if rows.effectives is not None:
        effective = read_days(rows.effectives, date_format, locator, "effective", problems) or []
        groups = effective_groups(rows.ids, effective, locator, problems)
        if all(len(g) == 1 for g in groups):
            groups = None
    if starts is None and ends is None and groups is None:
        return rows, locator, None
    full = rows
    if groups is not None:
        kept = [g[-1] for g in groups]
        rows, locator = subset_rows(rows, kept), SubsetLocator(locator, kept)
        starts = _first_of(starts, groups)
        ends = _first_of(ends, groups, last=True)
        ends = _left_on(rows, groups, effective, ends)

    resolved: list[Callable[[Any], str | None]] = []

    def amend(data: dict[str, Any], origin: Sequence[int] | None = None) -> list[Problem]:
        roles = data["roles"]
        at = origin if origin is not None else range(len(roles))  # each role's row
        for role, k in zip(roles, at, strict=True):
            apply_days(
                role,
                starts[k] if starts is not None else None,
                ends[k] if ends is not None else None,
            )
            if groups is None or len(group := groups[k]) == 1:
                continue
            if not resolved:
                resolved.append(_resolver(rows, manager_by))
            resolve = resolved[0]
            changes = [(effective[i], resolve(full.managers[i])) for i in group[:-1]]
            changes.append((effective[group[-1]], role.get("reports_to")))
            role["reports_to"] = dated_lines(changes)
        if ends is None:
            return []
        kept = keep_managed_seats(roles)
        if not kept:
            return []
        seats = [(roles[k]["id"], last) for k, last in kept]
        return [_kept_note(seats, [at[k] for k, _ in kept], locator)]

    return rows, locator, amend


def _kept_note(seats: list[tuple[str, str]], kept: list[int], locator: Locator) -> Problem:
    """The warning that lists the seats kept open after their holder's last day (`seats`:
    each one's id and that day; `kept`: each one's row)."""
    first = kept[0]
    if len(kept) == 1:
        said = (
            f"the seat {seats[0][0]!r} is kept, vacant after {seats[0][1]}: its "
            "holder left that day, and others still report to it"
        )
    else:
        said = (
            f"{len(kept):,} seats are kept, vacant after their holders' last days, as others "
            f"still report to them (also {listed_lines(locator, kept[1:])})"
        )
    return Problem(
        said,
        locator.location(first, "end"),
        locator.where(first, "end"),
        code="kept-seats",
    )


def _left_on(
    rows: Rows,
    groups: list[list[int]],
    effective: list[date | None],
    ends: list[date | None] | None,
) -> list[date | None] | None:
    """The last days of the seats whose latest effective-dated row says the person left
    (a termination, as Workday writes one: a row from the day they are gone), when no
    last day is given: the day before that row's. Such a row then counts as dated (its
    `rows.ends` text is set), and its seat's history is kept rather than left out."""
    statuses = rows.statuses
    if statuses is None:
        return ends
    for k, group in enumerate(groups):
        status, day = statuses[k], effective[group[-1]]
        if status is None or status[0] != "left" or len(group) == 1 or day is None:
            continue
        if ends is not None and ends[k] is not None:
            continue
        last = day - ONE_DAY
        ends = ends if ends is not None else [None] * len(groups)
        ends[k] = last
        texts: list[str | None] = rows.ends if rows.ends is not None else [None] * len(groups)
        texts[k] = last.isoformat()
        rows.ends = texts
    return ends


def _first_of(
    days: list[date | None] | None, groups: list[list[int]], last: bool = False
) -> list[date | None] | None:
    """Per group of rows, the first day given (the last one, with `last`)."""
    if days is None:
        return None
    out = []
    for group in groups:
        given = [days[i] for i in group if days[i] is not None]
        out.append((given[-1] if last else given[0]) if given else None)
    return out


def _resolver(rows: Rows, manager_by: ManagerBy) -> Callable[[Any], str | None]:
    """How an earlier row's manager cell becomes a role id: its first value, by id; by
    name or email, the id of the one latest row that has it (else the value itself)."""
    if manager_by == "id":
        return lambda cell: cell if cell is None or isinstance(cell, str) else (cell or [None])[0]
    key = match_key(manager_by)
    index: dict[str, list[str]] = {}
    for rid, text in zip(
        rows.ids, rows.emails if manager_by == "email" else rows.names, strict=True
    ):
        if text and rid is not None:
            index.setdefault(key(text), []).append(rid)

    def resolve(cell: Any) -> str | None:
        value = cell if cell is None or isinstance(cell, str) else (cell or [None])[0]
        if value is None:
            return None
        found = index.get(key(value), [])
        return found[0] if len(found) == 1 else value

    return resolve


# Excel's serial days (the 1900 date system, counted from 1899-12-30), which a CSV
# written from a spreadsheet holds for a cell formatted as a number: from 20000
# (1954-10-03) to 80000 (2119-01-10), five digits that no other day format writes.
_SERIAL = re.compile(r"[2-7]\d{4}|80000")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_day(text: str, fmt: str | None = None) -> date:
    """A day from an export's cell: `YYYY-MM-DD`, alone or followed by a time or a UTC
    offset; or, with `fmt`, as `datetime.strptime()` reads it (`%m/%d/%Y`), or
    `YYYY-MM-DD`; or a spreadsheet's serial day (`43466` is 2019-01-01).
    Raises `ValueError` with a message for the user.

    A time after the day ("2/1/2016 12:00:00 AM", "01.03.2026 08:00") is read as the day.

    Examples:
        >>> parse_day("43466"), parse_day("04/03/2019", "%d/%m/%Y")
        (datetime.date(2019, 1, 1), datetime.date(2019, 3, 4))
        >>> parse_day("2/1/2016 12:00:00 AM", "%m/%d/%Y")
        datetime.date(2016, 2, 1)
    """
    found = _ISO_DAY.match(text)
    if found is None and _SERIAL.fullmatch(text):  # a spreadsheet's day as a number
        return _EXCEL_EPOCH + timedelta(days=int(text))
    if fmt is not None:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            timed = _TIME_AFTER.fullmatch(text)  # "2/1/2016 12:00:00 AM": the day
            if timed is not None:
                with contextlib.suppress(ValueError):
                    return datetime.strptime(timed[1], fmt).date()
            if found is None:  # YYYY-MM-DD, which cannot be mistaken, is read too
                raise ValueError(f"{text!r} is not a day written {fmt}") from None
    if found is None:
        raise ValueError(
            f"{text!r} is not a day written YYYY-MM-DD (give the format of the file's days "
            "with date_format, --date-format: %m/%d/%Y, %d.%m.%Y, ...)"
        )
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        raise ValueError(f"{text!r} is not a day of the calendar") from None


def read_days(
    texts: Sequence[str | None] | None,
    fmt: str | None,
    locator: Locator,
    what: str,
    problems: list[Problem],
    notes: list[Problem] | None = None,
) -> list[date | None] | None:
    """The days of a column (None for an empty cell); a problem at its cell for each
    value that is not a day. A database's day for none (`0000-00-00`) or for never (SAP's
    `31.12.9999`) is an empty cell, with one note in `notes` for the column."""
    if texts is None:
        return None
    out: list[date | None] = []
    zeros: list[int] = []
    for i, text in enumerate(texts):
        if text is None:
            out.append(None)
            continue
        if text[:1] in "01239" and _ZERO_DAY.fullmatch(text):  # or SAP's "31.12.9999"
            zeros.append(i)
            out.append(None)
            continue
        try:
            out.append(parse_day(text, fmt))
        except ValueError as exc:
            problems.append(
                Problem(str(exc), locator.location(i, what), locator.where(i, what), code="dates")
            )
            out.append(None)
    if zeros and notes is not None:
        said, more = str(texts[zeros[0]]), len(zeros) - 1
        also = f", and {more:,} more below" if more else ""
        notes.append(
            Problem(
                f"{said!r}, a database's day for {'none' if said[:1] == '0' else 'never'}, "
                f"read as no day{also}",
                locator.location(zeros[0], what),
                locator.where(zeros[0], what),
                code="no-day",
            )
        )
    return out


def effective_groups(
    ids: Sequence[str | None],
    days: Sequence[date | None],
    locator: Locator,
    problems: list[Problem],
) -> list[list[int]]:
    """The rows of each id, ids in order of first appearance, each id's rows sorted by
    their effective day (a row without an id is a group of its own). An id with several
    rows needs an effective day on each, all different: a problem at the row otherwise."""
    groups: dict[str, list[int]] = {}
    alone: list[list[int]] = []
    order: list[list[int]] = []
    for i, rid in enumerate(ids):
        if rid is None:
            order.append([i])
            alone.append(order[-1])
            continue
        rows = groups.get(rid)
        if rows is None:
            rows = groups[rid] = []
            order.append(rows)
        rows.append(i)
    for rid, rows in groups.items():
        if len(rows) < 2:
            continue
        first: dict[date, int] = {}
        for i in rows:
            day = days[i]
            if day is None:
                message = f"{rid!r} has {len(rows)} rows: each needs its effective day"
            elif day in first:
                message = (
                    f"{rid!r} has two rows effective on {day} (first on {locator.line(first[day])})"
                )
            else:
                first[day] = i
                continue
            problems.append(
                Problem(
                    message,
                    locator.location(i, "effective"),
                    locator.where(i, "effective"),
                    code="dates",
                )
            )
        rows.sort(key=lambda i: days[i] or date.min)
    return order


def dated_lines(
    changes: Sequence[tuple[date | None, str | None]],
) -> str | list[dict[str, Any]] | None:
    """The `reports_to` of a seat whose manager is `changes` (each manager from its
    day on, in order; None: no manager): the manager itself when it never changes, else
    dated lines (the first one from the start)."""
    segments: list[list[Any]] = []  # [first day, manager, last day]
    for k, (day, boss) in enumerate(changes):
        if segments and segments[-1][1] == boss:
            continue
        if segments and day is not None:
            segments[-1][2] = day - ONE_DAY
        segments.append([day if k else None, boss, None])
    if len(segments) == 1:
        boss = segments[0][1]
        return boss if boss is None or isinstance(boss, str) else None
    lines: list[dict[str, Any]] = []
    for first, boss, last in segments:
        if boss is None:
            continue
        line: dict[str, Any] = {"role": boss}
        if first is not None:
            line["start"] = first.isoformat()
        if last is not None:
            line["end"] = last.isoformat()
        lines.append(line)
    return lines or None


def apply_days(role: dict[str, Any], start: date | None, end: date | None) -> None:
    """Date the seat of a role of an import (plain data) with a row's first and last days."""
    if start is not None:
        role["start"] = start.isoformat()
    if end is not None:
        role["end"] = end.isoformat()


# -- snapshots ------------------------------------------------------------------------------


def merge_snapshots(snapshots: Sequence[tuple[date, OrgDocument]]) -> dict[str, Any]:
    """One dated org (as plain data) from documents of the same org on increasing days.

    Each seat is the latest snapshot's that shows it (title, kind, meta, ...), dated by
    the snapshots that show it; its holders and its manager in each snapshot become
    dated holders and lines (see the module's docstring for the days). People are the
    latest snapshot's that names them; teams are the last snapshot's.
    """
    days = [day for day, _ in snapshots]
    n = len(snapshots)
    slots: dict[str, list[Role | None]] = {}
    for k, (_, document) in enumerate(snapshots):
        for role in document.roles:
            found = slots.get(role.id)
            if found is None:
                found = slots[role.id] = [None] * n
            found[k] = role
    people: dict[str, Any] = {}
    for _, document in snapshots:
        for person in document.people:
            people[person.id] = person.to_dict()  # the latest wins, in order of appearance
    last = snapshots[-1][1]
    return {
        "name": last.name,
        "description": last.description,
        "people": list(people.values()),
        "roles": [_merged(found, days) for found in slots.values()],
        "teams": [team.to_dict() for team in last.teams],
        "meta": last.meta,
    }


def _merged(found: list[Role | None], days: list[date]) -> dict[str, Any]:
    """One seat of several snapshots (None where a snapshot does not show it)."""
    shown = [k for k, role in enumerate(found) if role is not None]
    first, last = shown[0], shown[-1]
    latest = found[last]
    assert latest is not None
    out = latest.to_dict()
    for key in ("start", "end", "holder", "acting", "reports_to", "planned"):
        out.pop(key, None)
    # Each snapshot's state, as of its day; a gap keeps the seat, vacant, where it was.
    states: list[tuple[tuple[str, ...], bool, str | None]] = []
    for k in range(first, last + 1):
        role = found[k]
        if role is None:
            states.append(((), False, states[-1][2]))
        else:
            states.append(state_on(role, days[k]))
    starts = [None, *days[first + 1 : last + 1]]  # each state's first day (None: the seat's)
    own = [r.start for r in found if r is not None and r.start is not None]
    ends = [r.end for r in found if r is not None and r.end is not None]
    seat_start = min(own) if own else (days[first] if first else None)
    seat_end = ends[-1] if ends else (days[last + 1] - ONE_DAY if last + 1 < len(days) else None)
    if seat_start is not None:
        out["start"] = seat_start.isoformat()
    if seat_end is not None:
        out["end"] = seat_end.isoformat()
    out.update(_holders(states, starts))
    reports_to = dated_lines(
        [(day, boss) for day, (_, _, boss) in zip(starts, states, strict=True)]
    )
    if reports_to is not None:
        out["reports_to"] = reports_to
    return out


def _holders(
    states: list[tuple[tuple[str, ...], bool, str | None]], starts: list[date | None]
) -> dict[str, Any]:
    """`holder` (and `acting`) of a seat from its states: a person who holds it in every
    state is a plain holder; otherwise each person's runs of consecutive states are dated
    holders (interim when the seat was held by an interim all along)."""
    everyone = dict.fromkeys(p for people, _, _ in states for p in people)
    if len(everyone) == 1 and all(len(people) == 1 for people, _, _ in states):
        (person,) = everyone
        acting = all(flag for _, flag, _ in states)
        return {"holder": person, **({"acting": True} if acting else {})}
    tenures: list[tuple[int, int, dict[str, Any]]] = []
    for person in everyone:
        run: list[int] = []
        for k, (people, _, _) in enumerate(states):
            if person in people:
                run.append(k)
            if run and (person not in people or k == len(states) - 1):
                a, b = run[0], run[-1]
                tenure: dict[str, Any] = {"person": person}
                begin, after = starts[a], starts[b + 1] if b + 1 < len(states) else None
                if begin is not None:
                    tenure["start"] = begin.isoformat()
                if after is not None:
                    tenure["end"] = (after - ONE_DAY).isoformat()
                if all(states[j][1] for j in run):
                    tenure["acting"] = True
                tenures.append((a, len(tenures), tenure))
                run = []
    return {"holder": [t for _, _, t in sorted(tenures, key=lambda t: t[:2])]} if tenures else {}
