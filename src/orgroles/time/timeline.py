"""Numbers per period and family: how a dated org grew (needs pandas).

`timeline()` computes, for the last day of each period, what
`orgroles.analysis.metrics()` says of `org.as_of(day)`, family by family. It does
so with numpy arrays over all the dated items at once (seats, tenures, lines), rather than
by building a plain org per period: a million seats with three holders each in seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from orgroles._internal import clock
from orgroles._internal.dates import day
from orgroles.errors import MissingExtraError, OrgUsageError
from orgroles.model import Tenure

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from orgroles.core import OrgCore

__all__ = ["FREQUENCIES", "timeline"]

FREQUENCIES = {"month": "M", "quarter": "Q", "year": "Y"}
"""The periods `timeline()` knows, and their pandas codes."""

COLUMNS = (
    "headcount",
    "seats",
    "vacancies",
    "planned",
    "managers",
    "layers",
    "median_span",
)

_NO_FAMILY = "(none)"


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError(
            "this needs pandas: pip install 'orgroles[analysis]' (or pip install pandas)"
        ) from None
    return pandas


@dataclass
class _Arrays:
    """The dated items of an org as numpy arrays of day numbers (`date.toordinal`)."""

    start: np.ndarray  # per seat: first day (0: always)
    end: np.ndarray  # per seat: last day (a huge number: never ends)
    planned: np.ndarray  # per seat: planned: true in the file
    assistant: np.ndarray
    family: np.ndarray  # per seat: the family's code
    families: Sequence[str]
    t_role: np.ndarray  # per tenure: the seat, the person's code, its days, acting
    t_person: np.ndarray
    t_start: np.ndarray
    t_end: np.ndarray
    t_acting: np.ndarray
    l_role: np.ndarray  # per line: the seat, the manager's seat (-1: no such role), days
    l_boss: np.ndarray
    l_start: np.ndarray
    l_end: np.ndarray
    days: list[int]  # every day a seat, tenure or line starts or ends


_NEVER = date.max.toordinal() + 1


def _arrays(org: OrgCore) -> _Arrays:
    import numpy as np

    records = list(org.records.values())
    position = {r.id: i for i, r in enumerate(records)}

    def number(value: date | None, default: int) -> int:
        return value.toordinal() if value is not None else default

    fam_codes: dict[str, int] = {}
    by_kind: dict[str | None, int] = {}
    family = []
    for r in records:
        code = by_kind.get(r.kind)
        if code is None:
            name = org.family_of(r) or _NO_FAMILY
            code = by_kind[r.kind] = fam_codes.setdefault(name, len(fam_codes))
        family.append(code)
    people: dict[str, int] = {}
    t_role, t_person, t_start, t_end, t_acting = [], [], [], [], []
    l_role, l_boss, l_start, l_end = [], [], [], []
    # Plain values are the common case: the loop keeps them short.
    for i, r in enumerate(records):
        holder = r.holder
        if holder is not None:
            for h in (holder,) if type(holder) is str else holder:
                t_role.append(i)
                if type(h) is str:
                    t_person.append(people.setdefault(h, len(people)))
                    t_start.append(0)
                    t_end.append(_NEVER)
                    t_acting.append(r.acting)
                else:
                    assert isinstance(h, Tenure)
                    t_person.append(people.setdefault(h.person, len(people)))
                    t_start.append(number(h.start, 0))
                    t_end.append(number(h.end, _NEVER))
                    t_acting.append(r.acting or h.acting)
        boss = r.reports_to
        if boss is None:
            continue
        if type(boss) is str:
            found = position.get(boss, -1)
            l_role.append(i)
            l_boss.append(-1 if found == i else found)
            l_start.append(0)
            l_end.append(_NEVER)
            continue
        assert isinstance(boss, tuple)
        for line in boss:
            found = position.get(line.role, -1)
            l_role.append(i)
            l_boss.append(-1 if found == i else found)
            l_start.append(number(line.start, 0))
            l_end.append(number(line.end, _NEVER))
    starts = np.array([number(r.start, 0) for r in records], dtype=np.int64)
    ends = np.array([number(r.end, _NEVER) for r in records], dtype=np.int64)
    i64 = np.int64
    arrays = _Arrays(
        start=starts,
        end=ends,
        planned=np.array([r.planned for r in records], dtype=bool),
        assistant=np.array([r.assistant for r in records], dtype=bool),
        family=np.array(family, dtype=i64),
        families=list(fam_codes),
        t_role=np.array(t_role, dtype=i64),
        t_person=np.array(t_person, dtype=i64),
        t_start=np.array(t_start, dtype=i64),
        t_end=np.array(t_end, dtype=i64),
        t_acting=np.array(t_acting, dtype=bool),
        l_role=np.array(l_role, dtype=i64),
        l_boss=np.array(l_boss, dtype=i64),
        l_start=np.array(l_start, dtype=i64),
        l_end=np.array(l_end, dtype=i64),
        days=[],
    )
    every = np.concatenate(
        [starts, ends + 1, arrays.t_start, arrays.t_end + 1, arrays.l_start, arrays.l_end + 1]
    )
    every = every[(every > 0) & (every <= date.max.toordinal())]
    arrays.days = sorted(int(d) for d in np.unique(every))
    return arrays


def _depths(parent: np.ndarray) -> np.ndarray:
    """The depth of every seat (0 at a top), -1 in or below a cycle: pointer jumping,
    O(N log depth), without recursion."""
    import numpy as np

    depth = (parent >= 0).astype(np.int64)
    jump = parent.copy()
    pending = np.flatnonzero(jump >= 0)
    while pending.size:
        ahead = jump[pending]  # depth[i] is the distance from i to jump[i], or to its top
        depth[pending] += depth[ahead]
        jump[pending] = jump[ahead]
        still = pending[jump[pending] >= 0]
        if still.size == pending.size:  # only cycles are left: they never reach a top
            depth[still] = -1
            break
        pending = still
    return depth


def _day_rows(a: _Arrays, day: int, today: int) -> dict[str, Any]:
    """The numbers of the view of `day`, per family code."""
    import numpy as np

    exists = (a.start <= day) & (day <= a.end)
    if day >= today:
        shown = exists | (a.start > day)
        seen = np.where(a.start > day, a.start, day)  # a planned seat: its first day
    else:
        shown = exists
        seen = np.full(a.start.shape, day, dtype=np.int64)
    planned = shown & (a.planned | (a.start > today))
    current = shown & ~planned
    on = seen[a.t_role]
    held = shown[a.t_role] & (a.t_start <= on) & (on <= a.t_end)
    holders = np.bincount(a.t_role[held], minlength=a.start.size)
    on = seen[a.l_role]
    line = shown[a.l_role] & (a.l_start <= on) & (on <= a.l_end)
    parent = np.full(a.start.size, -1, dtype=np.int64)
    parent[a.l_role[line]] = a.l_boss[line]
    parent[(parent >= 0) & ~shown[np.maximum(parent, 0)]] = -1  # a closed manager: a top
    reports = shown & (parent >= 0) & ~a.assistant
    span = np.bincount(parent[reports], minlength=a.start.size)
    depth = _depths(parent)
    # People: a person counts once per family, in the seats that exist.
    working = held & current[a.t_role]
    families = len(a.families)
    width = int(a.t_person.max(initial=0)) + 1
    seen_pairs = np.zeros(families * width, dtype=bool)  # (family, person) pairs
    seen_pairs[a.family[a.t_role[working]] * width + a.t_person[working]] = True
    heads = seen_pairs.reshape(families, width).sum(axis=1)
    fam = a.family

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(fam[mask], minlength=families)

    seats, vacancies = count(current), count(current & (holders == 0))
    planned_seats, managers = count(planned), count(shown & (span > 0))
    deep = shown & (depth >= 0)
    layers = np.zeros(families, dtype=np.int64)
    np.maximum.at(layers, fam[deep], depth[deep] + 1)
    bosses = np.flatnonzero(shown & (span > 0))
    order = np.lexsort((span[bosses], fam[bosses]))  # by family, then span
    sorted_spans, sorted_fams = span[bosses][order], fam[bosses][order]
    firsts = np.searchsorted(sorted_fams, np.arange(families))
    out: dict[str, Any] = {}
    for code in np.flatnonzero(count(shown)):
        n, at = int(managers[code]), int(firsts[code])
        middle = sorted_spans[at + (n - 1) // 2 : at + n // 2 + 1]
        out[a.families[int(code)]] = {
            "headcount": int(heads[code]),
            "seats": int(seats[code]),
            "vacancies": int(vacancies[code]),
            "planned": int(planned_seats[code]),
            "managers": n,
            "layers": int(layers[code]),
            "median_span": float(middle.mean()) if n else 0.0,
        }
    return out


def timeline(
    org: OrgCore,
    freq: str = "quarter",
    *,
    start: date | str | None = None,
    end: date | str | None = None,
    by_family: bool = True,
) -> pd.DataFrame:
    """A pandas table with a row per period and family: headcount, seats, vacancies,
    planned seats, managers, layers and median span, as of the period's last day.
    With `by_family=False`, one row per period for the whole org: the numbers of
    `orgroles.analysis.metrics()` on `org.as_of(day)`.

    `freq` is `month`, `quarter` or `year`. The periods run from the one of the
    first dated change (or `start`) to the one of the last change or of today, whichever
    is later (or `end`). The numbers are those of `orgroles.analysis.metrics()` on
    `org.as_of(day)` for the seats of one family: `seats` counts the seats that exist
    (`planned` the others), `vacancies` the existing seats nobody holds, `headcount`
    the people in existing seats; `managers`, `layers` and `median_span` look at the
    whole chart of the day (planned seats included), and a family's layers are those of
    its deepest seat. An undated org gives one period, today's.

    Examples:
        >>> import orgroles
        >>> org = orgroles.loads('''
        ... roles:
        ...   - {id: ceo, kind: ceo, holder: ana, start: 2025-01-01}
        ...   - {id: cto, kind: cto, reports_to: ceo, start: 2025-05-01,
        ...      holder: [{person: bo, start: 2025-06-01}]}
        ... ''')
        >>> table = timeline(org, "quarter", end="2025-09-30")
        >>> table[["headcount", "seats", "vacancies", "layers"]]
                          headcount  seats  vacancies  layers
        period family
        2025Q1 executive          1      1          0       1
        2025Q2 executive          2      2          0       2
        2025Q3 executive          2      2          0       2
        >>> timeline(org, "quarter", end="2025-09-30", by_family=False)["headcount"].tolist()
        [1, 2, 2]
    """
    pandas = _pandas()
    code = FREQUENCIES.get(freq)
    if code is None:
        raise OrgUsageError(f"unknown period {freq!r}: use {', '.join(FREQUENCIES)}")
    arrays = _arrays(org)
    if not by_family:  # one family for every seat: the whole org
        import numpy as np

        arrays.family = np.zeros_like(arrays.family)
        arrays.families = ["all"]
    today = (org.today or clock.today()).toordinal()
    first = _as_day(start) or (date.fromordinal(arrays.days[0]) if arrays.days else None)
    last = _as_day(end) or date.fromordinal(max([*arrays.days[-1:], today]))
    first = first or last
    periods = pandas.period_range(first, last, freq=code)
    rows = []
    for period in periods:
        last_day = min(period.end_time.date(), last).toordinal()
        for family, numbers in _day_rows(arrays, last_day, today).items():
            rows.append({"period": period, "family": family, **numbers})
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=["period", "family", *COLUMNS])
    if not by_family:
        whole: pd.DataFrame = frame.drop(columns="family").set_index("period")
        return whole
    indexed: pd.DataFrame = frame.set_index(["period", "family"])
    return indexed


def _as_day(value: date | str | None) -> date | None:
    return day(value) if value is not None else None
