"""H003 long-interim."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pydantic import Field

from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext
from orgroles.rules.staffing._dated import acting_since

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["LongInterim"]


class LongInterimParams(Params):
    """`max_days`: how long an interim may last."""

    max_days: int = Field(default=180, ge=1)


@register
class LongInterim(Rule):
    """Someone has held a seat as an interim (`acting`) for more than `max_days` days
    (180 by default) on the day the org is viewed.

    An interim is a stopgap: after six months it has become the job, without the title,
    the mandate or the pay, and the search for a permanent holder has stalled. Appoint the
    interim, or say when they leave. Only dated holders are checked: the file must say
    when the interim began.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo, holder: ana}
      - id: cto
        kind: cto
        reports_to: ceo
        holder: [{person: bo, start: 2020-01-01, acting: true}]
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: ceo, kind: ceo, holder: ana}
      - id: cto
        kind: cto
        reports_to: ceo
        holder:
          - {person: bo, start: 2020-01-01, end: 2020-04-30, acting: true}
          - {person: cy, start: 2020-05-01}
    ```
    """

    code = "H003"
    name = "long-interim"
    severity = "warning"
    params_type = LongInterimParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, LongInterimParams)
        org = ctx.org
        day = org.view_date
        if day is None:
            return
        records = org.records
        people = org.people
        for role in ctx.roles:
            if not role.acting or role.planned:
                continue
            for pid, since in acting_since(records[role.id], day):
                if (day - since).days + 1 > params.max_days:
                    name = people[pid].display_name if pid in people else pid
                    yield Finding(
                        role.id,
                        f"{name} ({pid}) has been the interim holder since {since}, "
                        f"more than {params.max_days} days",
                    )

    def days(self, org: OrgCore, params: Params) -> Iterator[date]:
        assert isinstance(params, LongInterimParams)
        for record in org.records.values():
            holder = record.holder
            if isinstance(holder, tuple):
                for h in holder:
                    if not isinstance(h, str) and (h.acting or record.acting) and h.start:
                        yield h.start + timedelta(days=params.max_days)
