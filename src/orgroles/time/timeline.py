"""Numbers per period and family: how a dated org grew (needs pandas).

`timeline()` computes, for the last day of each period, what
`orgroles.analysis.metrics()` says of `org.as_of(day)`, family by family. It does
so with numpy arrays over all the dated items at once (seats, tenures, lines), rather than
by building a plain org per period: a million seats with three holders each in seconds.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from orgroles._internal import clock
from orgroles._internal.dates import day
from orgroles._internal.extras import NEEDS_PANDAS, import_extra
from orgroles._internal.gc import gc_paused
from orgroles.errors import OrgUsageError
from orgroles.time.depths import depths, depths_by_level, levels

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
    return import_extra("pandas", NEEDS_PANDAS)


@dataclass
class _Arrays:
    """The dated items of an org as numpy arrays of day numbers (`date.toordinal`)."""

    start: np.ndarray  # per seat: first day (0: always)
    end: np.ndarray  # per seat: last day (a huge number: never ends)
    planned: np.ndarray  # per seat: planned: true in the file
    assistant: np.ndarray
    family: np.ndarray  # per seat: the family's code
    families: Sequence[str]
    bounds: list[tuple[int, int]]  # per family code: its seats (sorted by family)
    t_role: np.ndarray  # per tenure: the seat, its family, its days
    t_family: np.ndarray
    t_start: np.ndarray
    t_end: np.ndarray
    t_shared: np.ndarray | None  # per tenure: its person holds other tenures too (None: nobody)
    t_person: np.ndarray  # per tenure: the person's code (for the shared ones only, else 0)
    l_role: np.ndarray  # per line: the seat, the manager's seat (-1: no such role), days
    l_boss: np.ndarray
    l_start: np.ndarray
    l_end: np.ndarray
    days: list[int]  # every day a seat, tenure or line starts or ends
    whole: bool = False  # one family for every seat: the org's layers, as `metrics()`'s


_NEVER = date.max.toordinal() + 1


def _arrays(org: OrgCore) -> _Arrays:
    """The arrays of an org's records, each list built by one comprehension or one `map`
    (a million seats with three million tenures in a few seconds)."""
    import numpy as np

    records = list(org.records.values())
    n = len(records)
    position = dict(zip(org.records, range(n), strict=True))
    i64 = np.int64

    # Families: one code per family name, in order of first appearance.
    keys = list(zip([r.kind for r in records], [r.family for r in records], strict=True))
    some = dict(zip(keys, records, strict=True))  # a record of each (kind, family)
    fam_codes: dict[str, int] = {}
    codes = {
        key: fam_codes.setdefault(org.family_of(some[key]) or _NO_FAMILY, len(fam_codes))
        for key in dict.fromkeys(keys)
    }
    fam = np.array(list(map(codes.__getitem__, keys)), dtype=i64)
    del keys, some

    # Tenures: a plain id holds from the first day to the last.
    plain_roles, plain, dated_roles, dated = _split([r.holder for r in records])
    t_role = np.concatenate([plain_roles, dated_roles])
    people = plain + list(map(attrgetter("person"), dated))
    t_start = np.concatenate([np.zeros(len(plain), i64), _ordinals(dated, "start", 0)])
    t_end = np.concatenate([np.full(len(plain), _NEVER, i64), _ordinals(dated, "end", _NEVER)])
    t_shared, t_person = _shared(people)
    del people, plain, dated

    # Lines: a plain manager holds from the first day to the last.
    plain_roles, plain, dated_roles, dated = _split([r.reports_to for r in records])
    l_role = np.concatenate([plain_roles, dated_roles])
    get = position.get
    l_boss = np.array([get(b, -1) for b in plain + list(map(attrgetter("role"), dated))], i64)
    l_boss[l_boss == l_role] = -1  # a seat that reports to itself has no manager
    l_start = np.concatenate([np.zeros(len(plain), i64), _ordinals(dated, "start", 0)])
    l_end = np.concatenate([np.full(len(plain), _NEVER, i64), _ordinals(dated, "end", _NEVER)])
    del plain, dated

    starts = _ordinals(records, "start", 0)
    ends = _ordinals(records, "end", _NEVER)
    every = np.concatenate([starts, ends + 1, t_start, t_end + 1, l_start, l_end + 1])
    every = every[(every > 0) & (every <= date.max.toordinal())]
    # The seats grouped by family (their order does not matter to the numbers): a day's
    # numbers are counts over each family's slice.
    order = np.argsort(fam, kind="stable")
    where = np.empty(n, dtype=i64)
    where[order] = np.arange(n, dtype=i64)
    fam = fam[order]
    t_role, l_role = where[t_role], where[l_role]
    l_boss = np.where(l_boss >= 0, where[np.maximum(l_boss, 0)], -1)
    cuts = np.searchsorted(fam, np.arange(len(fam_codes) + 1)).tolist()
    return _Arrays(
        start=starts[order],
        end=ends[order],
        planned=np.array([r.planned for r in records], dtype=bool)[order],
        assistant=np.array([r.assistant for r in records], dtype=bool)[order],
        family=fam,
        families=list(fam_codes),
        bounds=list(itertools.pairwise(cuts)),
        t_role=t_role,
        t_family=fam[t_role],
        t_start=t_start,
        t_end=t_end,
        t_shared=t_shared,
        t_person=t_person,
        l_role=l_role,
        l_boss=l_boss,
        l_start=l_start,
        l_end=l_end,
        days=np.unique(every).tolist(),
    )


def _split(
    values: list[Any],
) -> tuple[np.ndarray, list[str], np.ndarray, list[Any]]:
    """The items of a field whose value per seat is None, an id, or a list of ids and dated
    items (holders, reporting lines): the seats and ids of the plain ones, and the seats
    and items of the dated ones, in file order within each (the order does not matter to
    the numbers)."""
    import numpy as np

    i64 = np.int64
    kinds = list(map(type, values))
    plain_at = [i for i, kind in enumerate(kinds) if kind is str]
    nested_at = [i for i, kind in enumerate(kinds) if kind is tuple]
    plain: list[str] = list(map(values.__getitem__, plain_at))
    nested = list(map(values.__getitem__, nested_at))
    flat = list(chain.from_iterable(nested))
    flat_roles = np.repeat(np.array(nested_at, dtype=i64), list(map(len, nested)))
    plain_roles = np.array(plain_at, dtype=i64)
    if str in set(map(type, flat)):  # plain ids in lists (a job share of ids): rare
        inner = np.array([type(x) is str for x in flat], dtype=bool)
        plain += [x for x in flat if type(x) is str]
        plain_roles = np.concatenate([plain_roles, flat_roles[inner]])
        flat = [x for x in flat if type(x) is not str]
        flat_roles = flat_roles[~inner]
    return plain_roles, plain, flat_roles, flat


def _ordinals(items: list[Any], name: str, default: int) -> np.ndarray:
    """The day numbers of the `start` or `end` of `items` (`default` for None)."""
    import numpy as np

    if name == "start":  # an attribute named in the comprehension: the fastest way
        days = [default if (d := x.start) is None else d.toordinal() for x in items]
    else:
        days = [default if (d := x.end) is None else d.toordinal() for x in items]
    return np.array(days, dtype=np.int64)


def _shared(people: list[str]) -> tuple[np.ndarray | None, np.ndarray]:
    """Which tenures are of a person who has others (None: nobody has two), and a code of
    the person of each of those.

    Such people (one seat after another, or two seats at once) are counted once per
    family, which needs their pairs of family and person made unique; the others need
    nothing. They are found by sorting the people's hashes (equal hashes of different
    people are only counted with more care), not by a dictionary of millions of names.
    """
    import numpy as np

    size = len(people)
    t_person = np.zeros(size, dtype=np.int64)
    hashes = np.fromiter(map(hash, people), dtype=np.int64, count=size)
    order = np.argsort(hashes, kind="stable")
    ordered = hashes[order]
    same = ordered[1:] == ordered[:-1]
    if not same.any():
        return None, t_person
    flags = np.zeros(size, dtype=bool)
    flags[1:] |= same
    flags[:-1] |= same
    shared = np.zeros(size, dtype=bool)
    shared[order] = flags
    codes: dict[str, int] = {}
    where = np.flatnonzero(shared)
    t_person[where] = [codes.setdefault(people[i], len(codes)) for i in where.tolist()]
    return shared, t_person


class _Sweep:
    """The numbers of the views of days in increasing order.

    A past day's holders are counted by a sweep: the tenures sorted by their first day
    and by their last are each walked once over all the days, so that a day costs
    O(seats) rather than O(tenures). Today and later (planned seats shown as on their
    first day) need no more: only the seats that exist have their holders read.
    """

    def __init__(self, a: _Arrays, today: int) -> None:
        import numpy as np

        self.a, self.today = a, today
        self.n = n = a.start.size
        by_start = np.argsort(a.t_start, kind="stable")
        by_end = np.argsort(a.t_end, kind="stable")
        self.first_days, self.last_days = a.t_start[by_start], a.t_end[by_end]
        self.started, self.ended = a.t_role[by_start], a.t_role[by_end]
        alone = ~a.t_shared if a.t_shared is not None else None
        self.started_alone = a.t_role[by_start][alone[by_start]] if alone is not None else None
        self.ended_alone = a.t_role[by_end][alone[by_end]] if alone is not None else None
        self.first_alone = a.t_start[by_start][alone[by_start]] if alone is not None else None
        self.last_alone = a.t_end[by_end][alone[by_end]] if alone is not None else None
        self.shared = np.flatnonzero(a.t_shared) if a.t_shared is not None else None
        self.holders = np.zeros(n, dtype=np.int64)  # tenures in force, per seat
        self.holders_alone = np.zeros(n, dtype=np.int64)  # of people in one tenure only
        self.at = [0, 0, 0, 0]  # how far each sorted list has been walked
        self.levels = levels(n, a.l_role, a.l_boss)

    def _walk(self, day: int) -> None:
        import numpy as np

        at = self.at
        to = int(np.searchsorted(self.first_days, day, side="right"))
        np.add.at(self.holders, self.started[at[0] : to], 1)
        at[0] = to
        to = int(np.searchsorted(self.last_days, day, side="left"))
        np.subtract.at(self.holders, self.ended[at[1] : to], 1)
        at[1] = to
        if self.first_alone is not None:
            assert self.started_alone is not None
            assert self.ended_alone is not None
            assert self.last_alone is not None
            to = int(np.searchsorted(self.first_alone, day, side="right"))
            np.add.at(self.holders_alone, self.started_alone[at[2] : to], 1)
            at[2] = to
            to = int(np.searchsorted(self.last_alone, day, side="left"))
            np.subtract.at(self.holders_alone, self.ended_alone[at[3] : to], 1)
            at[3] = to

    def rows(self, day: int) -> dict[str, Any]:
        """The numbers of the view of `day` (later than the days asked before), per
        family."""
        import numpy as np

        a, today = self.a, self.today
        families = len(a.families)
        self._walk(day)
        exists = (a.start <= day) & (day <= a.end)
        if day < today:
            shown = exists
            planned = shown & a.planned
            line = (a.l_start <= day) & (day <= a.l_end) & shown[a.l_role]
        else:
            later = a.start > day
            shown = exists | later
            planned = shown & (a.planned | (a.start > today))
            on = np.where(later, a.start, day)[a.l_role]  # a planned seat: its first day
            line = shown[a.l_role] & (a.l_start <= on) & (on <= a.l_end)
        # The holders are read for the seats that exist only (vacancies, headcount), which
        # started on or before the day: the sweep's counts are theirs.
        current = shown & ~planned
        holders = self.holders
        # People: a person counts once per family, in the seats that exist.
        alone = holders if a.t_shared is None else self.holders_alone
        heads = np.array(
            [int(alone[lo:hi][current[lo:hi]].sum()) for lo, hi in a.bounds], dtype=np.int64
        )
        if a.t_shared is not None:  # they count once per family
            sh = self.shared
            assert sh is not None
            working = (a.t_start[sh] <= day) & (day <= a.t_end[sh]) & current[a.t_role[sh]]
            heads += _pairs(a, sh[working], families)
        return _numbers(a, shown, planned, current, holders, line, heads, self.levels)


def _pairs(a: _Arrays, tenures: np.ndarray, families: int) -> np.ndarray:
    """Per family, the people of these tenures (each counted once in a family)."""
    import numpy as np

    pairs = np.unique(a.t_person[tenures] * families + a.t_family[tenures])
    return np.bincount(pairs % families, minlength=families)


def _numbers(
    a: _Arrays,
    shown: np.ndarray,
    planned: np.ndarray,
    current: np.ndarray,
    holders: np.ndarray,
    line: np.ndarray,
    heads: np.ndarray,
    levels: list[np.ndarray] | None,
) -> dict[str, Any]:
    """The numbers of one day's view, per family, from its seats, holders and lines."""
    import numpy as np

    n = a.start.size
    parent = np.full(n, -1, dtype=np.int64)
    parent[a.l_role[line]] = a.l_boss[line]
    parent[(parent >= 0) & ~shown[np.maximum(parent, 0)]] = -1  # a closed manager: a top
    reports = shown & (parent >= 0) & ~a.assistant
    span = np.bincount(parent[reports], minlength=n)
    depth = depths(parent) if levels is None else depths_by_level(parent, levels)
    if a.whole:  # an assistant without reports counts on its manager's layer (`metrics()`)
        kids = np.bincount(parent[shown & (parent >= 0)], minlength=n)
        depth = depth - (a.assistant & (parent >= 0) & (kids == 0) & (depth > 0))
    out: dict[str, Any] = {}
    for code, (lo, hi) in enumerate(a.bounds):
        here = shown[lo:hi]
        if not here.any():
            continue
        now = current[lo:hi]
        spans = span[lo:hi][here & (span[lo:hi] > 0)]
        deep = depth[lo:hi][here & (depth[lo:hi] >= 0)]
        out[a.families[code]] = {
            "headcount": int(heads[code]),
            "seats": int(np.count_nonzero(now)),
            "vacancies": int(np.count_nonzero(now & (holders[lo:hi] == 0))),
            "planned": int(np.count_nonzero(planned[lo:hi])),
            "managers": int(spans.size),
            "layers": int(deep.max()) + 1 if deep.size else 0,
            "median_span": float(np.median(spans)) if spans.size else 0.0,
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
    its deepest seat (of the whole org, an assistant without reports of its own counts
    on its manager's layer, as in `metrics()`). An undated org gives one period, today's.

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
    with gc_paused():  # millions of small objects, without cycles: the arrays, the sweep
        arrays = _arrays(org)
        if not by_family:  # one family for every seat: the whole org
            import numpy as np

            arrays.family = np.zeros_like(arrays.family)
            arrays.t_family = np.zeros_like(arrays.t_family)
            arrays.families = ["all"]
            arrays.bounds = [(0, int(arrays.family.size))]
            arrays.whole = True
        today = (org.today or clock.today()).toordinal()
        first = _as_day(start) or (date.fromordinal(arrays.days[0]) if arrays.days else None)
        last = _as_day(end) or date.fromordinal(max([*arrays.days[-1:], today]))
        first = first or last
        periods = pandas.period_range(first, last, freq=code)
        rows = []
        sweep = _Sweep(arrays, today)
        for period in periods:
            last_day = min(period.end_time.date(), last).toordinal()
            for family, numbers in sweep.rows(last_day).items():
                rows.append({"period": period, "family": family, **numbers})
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=["period", "family", *COLUMNS])
    if not by_family:
        whole: pd.DataFrame = frame.drop(columns="family").set_index("period")
        return whole
    indexed: pd.DataFrame = frame.set_index(["period", "family"])
    return indexed


def _as_day(value: date | str | None) -> date | None:
    return day(value) if value is not None else None
