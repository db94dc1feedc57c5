"""H004 long-vacancy."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pydantic import Field

from orgroles.model.dates import ONE_DAY
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext
from orgroles.rules.staffing._dated import vacant_since

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["LongVacancy"]


class LongVacancyParams(Params):
    """`max_days`: how long a seat may stay empty."""

    max_days: int = Field(default=90, ge=1)


@register
class LongVacancy(Rule):
    """A seat has been vacant for more than `max_days` days (90 by default) on the day
    the org is viewed.

    Filling a seat usually takes one to three months, counting the search and the notice
    the new holder gives; past a quarter, the vacancy is no longer a hire under way but a
    hole that the reports and the neighbours fill without a mandate. Fill the seat, name an
    interim, or close it. Only dated seats are checked: the file must say since when the
    seat is empty (its first day, or the day after its last holder left). Planned seats
    are not vacancies.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo, holder: ana}
      - id: cfo
        kind: cfo
        reports_to: ceo
        holder: [{person: bo, end: 2020-06-30}]
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: ceo, kind: ceo, holder: ana}
      - id: cfo
        kind: cfo
        reports_to: ceo
        holder: [{person: bo, end: 2020-06-30}, {person: cy, start: 2020-08-01}]
    ```
    """

    code = "H004"
    name = "long-vacancy"
    severity = "warning"
    params_type = LongVacancyParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, LongVacancyParams)
        org = ctx.org
        day = org.view_date
        if day is None:
            return
        records = org.records
        for role in ctx.roles:
            if role.holder is not None or role.planned:
                continue
            since = vacant_since(records[role.id], day)
            if since is not None and (day - since).days + 1 > params.max_days:
                yield Finding(role.id, f"vacant since {since}, more than {params.max_days} days")

    def days(self, org: OrgCore, params: Params) -> Iterator[date]:
        assert isinstance(params, LongVacancyParams)
        limit = timedelta(days=params.max_days)
        for record in org.records.values():
            if not record.dated:
                continue
            if record.start is not None:
                yield record.start + limit
            holder = record.holder
            if isinstance(holder, tuple):
                for h in holder:
                    if not isinstance(h, str) and h.end is not None:
                        yield h.end + ONE_DAY + limit
