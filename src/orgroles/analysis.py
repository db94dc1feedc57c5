"""Numbers and tables for analysts: org metrics, and pandas tables of roles and duties.

`metrics()` needs nothing but orgroles. `to_frame()` and
`responsibility_matrix()` need pandas: `pip install 'orgroles[analysis]'`.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/scaleup_cto_cpo.yaml")
    >>> m = metrics(org)
    >>> m["roles"], m["headcount"], m["vacancies"], m["layers"], m["max_span"]
    (20, 19, 1, 5, 4)
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from orgroles._internal.extras import NEEDS_PANDAS, import_extra
from orgroles.errors import MissingExtraError
from orgroles.queries.hierarchy import span
from orgroles.queries.teams import team_ids

if TYPE_CHECKING:
    import pandas as pd

    from orgroles.core import OrgCore
    from orgroles.model import Role

__all__ = [
    "MissingExtraError",
    "meta_columns",
    "metrics",
    "responsibility_matrix",
    "team_ids",
    "to_frame",
]


def _pandas() -> Any:
    return import_extra("pandas", NEEDS_PANDAS)


def metrics(org: OrgCore) -> dict[str, Any]:
    """Headline numbers: roles, headcount, vacancies, layers, spans of control, and more.

    The keys are stable (new ones may be added, none removed or renamed without a
    deprecation). Span figures are over managers: roles with at least one report,
    assistants not counted.

    Returns:
        A dict with these keys:

        - `roles`: seats, planned ones included;
        - `headcount`: distinct people in seats that exist (a person in two seats counts
          once; planned seats left out);
        - `people`: people declared in the file, whether they hold a seat or not;
        - `vacancies`: seats nobody holds, planned seats left out;
        - `planned`: seats that do not exist yet (see `Role.planned`);
        - `acting`: seats with an interim holder;
        - `assistants`: staff seats (`assistant: true`);
        - `tops`: roles that report to nobody (1 for a single tree);
        - `dangling_managers`: roles whose manager id names no role in the file (an HR
          export whose top managers are not in it);
        - `layers`: the deepest layer, the top being layer 1 (as in `org.layers()`),
          where an assistant without reports of its own counts on its manager's layer,
          beside which it sits: it makes the org no deeper;
        - `managers`: roles with at least one report (a planned seat counts, as the chart
          of the day shows it: see `Role.planned`);
        - `median_span`, `mean_span` (rounded to 2 places), `max_span`: direct reports
          per manager;
        - `managers_with_one_report`: thin layers (rule C002);
        - `teams`: declared teams.

    Examples:
        >>> import orgroles
        >>> m = metrics(orgroles.load("examples/scaleup_cto_cpo.yaml"))
        >>> m["roles"], m["headcount"], m["vacancies"], m["layers"], m["max_span"]
        (20, 19, 1, 5, 4)
    """
    index = org.index
    roles = list(org.roles.values())
    spans = [s for s in span(org).values() if s > 0]
    people = {pid for r in roles if not r.planned for pid in r.holders}
    return {
        "roles": len(roles),
        "headcount": len(people),
        "people": len(org.people),
        "vacancies": sum(1 for r in roles if r.vacant and not r.planned),
        "planned": sum(1 for r in roles if r.planned),
        "acting": sum(1 for r in roles if r.acting),
        "assistants": sum(1 for r in roles if r.assistant),
        "tops": len(index.roots),
        "dangling_managers": len(index.dangling),
        "layers": index.layer_count(),
        "managers": len(spans),
        "median_span": statistics.median(spans) if spans else 0,
        "mean_span": round(statistics.fmean(spans), 2) if spans else 0.0,
        "max_span": max(spans, default=0),
        "managers_with_one_report": sum(1 for s in spans if s == 1),
        "teams": len(org.teams),
    }


def to_frame(
    org: OrgCore, lang: str = "en", *, meta: bool | str | Iterable[str] = False
) -> pd.DataFrame:
    """One row per role, indexed by id: title, kind, family, seniority, kind_from (how
    the kind was found: None when declared), holders' names and ids, manager, layer, span,
    team, vacant, acting, planned, assistant, responsibilities, and, when a seat has a
    day, the seats' first and last days, `start` and `end` (of an HR import, the hire
    date, and the termination date of a leaver's seat that closes; NaT where none). An org
    without days has no such columns, as before they existed.

    `meta=True` adds a column per key of the roles' `meta`: the columns of an HR export
    that no option maps (location, cost centre, ...); a key, or a list of keys, adds those
    only. A
    column whose values are all numbers written as text (`"145000"`, `"0.5"`) is numeric
    (whole numbers `Int64`, which keeps the gaps of vacant seats as `<NA>`);
    one of days (`"2024-03-01"`) is of dates; a key that is also a column's name is
    prefixed with `meta.`.

    Examples:
        >>> import orgroles
        >>> org = orgroles.from_records(
        ...     [{"id": "1", "Job Title": "CEO", "Site": "Paris", "Salary": "120000"},
        ...      {"id": "2", "Job Title": "CTO", "Boss": "1", "Site": "Lyon", "Salary": "95000",
        ...       "Hired": "2024-09-02"}],
        ...     id_col="id", title_col="Job Title", manager_col="Boss", start_col="Hired")
        >>> frame = to_frame(org, meta=True)
        >>> frame[["title", "Site", "Salary"]].to_dict("list")
        {'title': ['CEO', 'CTO'], 'Site': ['Paris', 'Lyon'], 'Salary': [120000, 95000]}
        >>> str(frame["Salary"].dtype), str(frame["start"].dtype)
        ('Int64', 'datetime64[s]')
    """
    pandas = _pandas()
    from orgroles.queries.responsibilities import responsibility_ids

    index = org.index
    roles = list(org.roles.values())
    people = org.people
    spans = span(org)
    ids = index.ids
    data = {
        "title": [org.title_of(r, lang) for r in roles],
        "kind": [r.kind for r in roles],
        "family": [org.family_of(r) for r in roles],
        "seniority": [r.seniority for r in roles],
        "kind_from": [r.kind_from for r in roles],
        "holders": [
            "; ".join(people[h].display_name if h in people else h for h in r.holders) or None
            for r in roles
        ],
        "holder_ids": [list(r.holders) for r in roles],
        "manager": [
            ids[p] if p >= 0 else r.reports_to for r, p in zip(roles, index.parent, strict=True)
        ],
        "layer": [d + 1 if d >= 0 else None for d in index.depth],
        "span": [spans[r.id] for r in roles],
        "team": team_ids(org),
        "vacant": [r.vacant for r in roles],
        "acting": [r.acting for r in roles],
        "planned": [r.planned for r in roles],
        "assistant": [r.assistant for r in roles],
        "responsibilities": [list(ids_) for ids_ in responsibility_ids(org)],
    }
    written = [org.records[i] for i in ids]
    if any(r.start is not None or r.end is not None for r in written):  # else as before
        data["start"] = pandas.array([r.start for r in written], dtype="datetime64[s]")
        data["end"] = pandas.array([r.end for r in written], dtype="datetime64[s]")
    frame: pd.DataFrame = pandas.DataFrame(data, index=pandas.Index(ids, name="id"))
    frame["layer"] = frame["layer"].astype("Int64")
    if meta is not False:
        keys = None if meta is True else [meta] if isinstance(meta, str) else list(meta)
        for key, column in meta_columns(roles, keys).items():
            frame[f"meta.{key}" if key in frame.columns else key] = column
    return frame


def meta_columns(roles: Sequence[Role], keys: Sequence[str] | None = None) -> dict[str, Any]:
    """The roles' `meta` as pandas columns, by key (`keys`, or every key in order of first
    use): numbers written as text become numbers, and ISO days dates, when every value
    of the column is one (an id with leading zeros, `"0042"`, stays text).

    Examples:
        >>> from orgroles import Role
        >>> roles = [Role(id="a", meta={"FTE": "0.5", "Code": "007"}), Role(id="b")]
        >>> {k: (str(v.dtype), v[0]) for k, v in meta_columns(roles).items()}
        {'FTE': ('float64', np.float64(0.5)), 'Code': ('object', '007')}
    """
    pandas = _pandas()
    if keys is None:
        keys = list(dict.fromkeys(k for r in roles for k in r.meta))
    columns = {}
    for key in keys:
        values = [r.meta.get(key) for r in roles]
        texts = [v for v in values if v is not None and v != ""]
        column = pandas.Series(values, dtype=object).replace("", None)
        if texts and all(isinstance(v, str) and _NUMBER.fullmatch(v) for v in texts):
            whole = all("." not in v for v in texts)  # whole numbers stay whole beside gaps
            column = pandas.to_numeric(column).astype("Int64" if whole else float)
        elif texts and all(isinstance(v, str) and _DAY.fullmatch(v) for v in texts):
            column = pandas.to_datetime(column, format="%Y-%m-%d", errors="coerce")
            column = column.astype("datetime64[s]")  # as start and end
        elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in texts):
            column = pandas.to_numeric(column) if texts else column
        columns[key] = column.array
    return columns


_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?")
"""A number as an export writes it (`145000`, `0.5`): not an id such as `007`."""
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def responsibility_matrix(org: OrgCore, lang: str = "en") -> pd.DataFrame:
    """A roles x responsibilities table of booleans: who holds what.

    Columns follow the catalogue's order (then ids no catalogue defines); rows follow
    the file. Use `.sum()` for how many roles hold each responsibility.
    """
    pandas = _pandas()
    from orgroles.queries.responsibilities import responsibility_ids

    held = responsibility_ids(org)
    used = {rid for ids in set(held) for rid in ids}
    catalog = org.catalog.responsibilities
    columns = [rid for rid in catalog if rid in used] + sorted(used - set(catalog))
    position = {rid: n for n, rid in enumerate(columns)}
    rows = []
    for ids in held:
        row = [False] * len(columns)
        for rid in ids:
            row[position[rid]] = True
        rows.append(row)
    matrix: pd.DataFrame = pandas.DataFrame(
        rows, index=pandas.Index(org.index.ids, name="id"), columns=columns, dtype=bool
    )
    return matrix
