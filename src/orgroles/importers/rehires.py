"""The last day of an earlier stint: a rehired person's old termination date.

Payroll exports keep a person's termination date after they are hired again: Paylocity's
"Term Date" beside its "Rehire Date", UKG's "Termination Date" beside its "Last Hire
Date", and the status says "Active". Read as it is, that old last day would end the seat
of someone who works there today: their seat left vacant, or the person left out. So a
row's last day is not read when

- it falls before the row's first day (its latest hire date, which the import reads
  rather than the original one when the export has both, and a rehire day where a
  column of them gives one: `latest_hires()`), or
- the row's status says that the person works there (`Active`, `On leave`: not a status
  of someone who left or has not started, nor one that says nothing of it, as
  `Full-Time` or France's `Cadre`) and the day is past.

One note names the rows. A last day that is still to come (a notice period) is read.

The other way round, a first day still to come on a row whose status says the person
left, with no last day, is a hire's (`hired_later()`): a directory makes the account of a
new hire before the first day, disabled (Entra's `accountEnabled: false`), and the row is
read as someone who has not started, a planned seat, rather than left out.

Examples:
    >>> from datetime import date
    >>> from orgroles.importers.rows import Rows
    >>> rows = Rows(ids=["1", "2", "3"], names=[], titles=[], emails=[], managers=[],
    ...             metas=[], current=[True, True, False])
    >>> starts = [date(2023, 8, 14), date(2015, 1, 1), date(2015, 1, 1)]
    >>> ends = [date(2019, 3, 1), date(2020, 5, 20), date(2020, 5, 20)]
    >>> class Lines:
    ...     def location(self, row, what): return None
    ...     def where(self, row, what): return ""
    ...     def line(self, row): return f"line {row + 2}"
    >>> earlier_stints(rows, starts, ends, Lines(), today=date(2026, 1, 1))
    [None, None, datetime.date(2020, 5, 20)]
    >>> print(rows.notes[0].message)
    2 rows' last days (line 2, line 3) come before their latest hire date, or with a status of someone who works there: read as the end of an earlier stint (a person hired again), not as a last day
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from orgroles._internal import clock
from orgroles._internal.text import plural
from orgroles.errors import Problem
from orgroles.importers.header_names import header_key, names
from orgroles.importers.id_forms import listed_lines
from orgroles.importers.rows import Locator, Rows

if TYPE_CHECKING:
    from orgroles.importers.tables import Table

__all__ = ["REHIRES", "earlier_stints", "hired_later", "latest_hires"]

REHIRES = frozenset(
    names(
        "rehire date, re hire date, date of rehire, rehired on, rehire, last rehire date, "
        "date de reembauche, wiedereintrittsdatum, fecha de reingreso, data de readmissao"
    )
)
"""Headers of a column that gives the day of a person's latest hire when they were hired
again, and is empty for everyone else (Paylocity's and ADP's "Rehire Date")."""


def latest_hires(table: Table, start: str, others: Sequence[str]) -> list[str | None]:
    """The first days of the rows: each row's rehire day (a column of `REHIRES` among
    `others`, which are otherwise kept in `meta`) where it has one, else its `start`
    column's day. The rehire day begins the stint that the row's seat is.

    Examples:
        >>> from orgroles.importers.tables import RecordRows
        >>> table = RecordRows([{"Hire": "2013-11-04", "Rehire Date": "2022-04-18"},
        ...                     {"Hire": "2015-01-05", "Rehire Date": None}])
        >>> latest_hires(table, "Hire", ["Rehire Date"])
        ['2022-04-18', '2015-01-05']
    """
    firsts = table.texts(start)
    again = next((c for c in others if header_key(c) in REHIRES), None)
    if again is None:
        return firsts
    return [later or first for first, later in zip(firsts, table.texts(again), strict=True)]


def earlier_stints(
    rows: Rows,
    starts: Sequence[date | None] | None,
    ends: list[date | None] | None,
    locator: Locator,
    today: date | None = None,
) -> list[date | None] | None:
    """`ends` without the last days of earlier stints (see the module's docstring),
    with a note in `rows.notes` when there are some. Effective-dated rows (a row per
    change) are left as they are. `today` is the clock's by default."""
    if ends is None or rows.effectives is not None:
        return ends
    today = today or clock.today()
    current = rows.current
    stale = [
        i
        for i, end in enumerate(ends)
        if end is not None
        and (
            (starts is not None and (start := starts[i]) is not None and end < start)
            or (current is not None and current[i] and end < today)
        )
    ]
    if not stale:
        return ends
    out = list(ends)
    for i in stale:
        out[i] = None
    one = len(stale) == 1
    whose, comes, its = ("'s last day", "comes", "its") if one else ("' last days", "come", "their")
    rows.notes.append(
        Problem(
            f"{plural(len(stale), 'row')}{whose} ({listed_lines(locator, stale)}) {comes} "
            f"before {its} latest hire date, or with a status of someone who works "
            "there: read as the end of an earlier stint (a person hired again), not as a "
            "last day",
            locator.location(stale[0], "end"),
            locator.where(stale[0], "end"),
            code="earlier-stint",
        )
    )
    return out


def hired_later(
    rows: Rows,
    starts: Sequence[date | None] | None,
    ends: Sequence[date | None] | None,
    locator: Locator,
    today: date | None = None,
) -> None:
    """Read as `future` the status of each row that says the person left but gives a
    first day to come and no last day (see the module's docstring), with one note in
    `rows.notes`. `today` is the clock's by default."""
    statuses = rows.statuses
    if statuses is None or starts is None:
        return
    today = today or clock.today()
    hires = {
        i: status[1]
        for i, status in enumerate(statuses)
        if status is not None
        and status[0] == "left"
        and (ends is None or ends[i] is None)
        and (start := starts[i]) is not None
        and start > today
    }
    for i, value in hires.items():
        statuses[i] = ("future", value)
    if hires:
        found = list(hires)
        said = ", ".join(dict.fromkeys(map(repr, hires.values())))
        rows.notes.append(
            Problem(
                f"{plural(len(found), 'row')} whose status says the person left ({said}) "
                f"but whose first day is still to come, with no last day "
                f"({listed_lines(locator, found)}): read as people who have not started "
                "(an account made before the first day), planned seats",
                locator.location(found[0], "status"),
                locator.where(found[0], "status"),
                code="future-rows",
            )
        )
