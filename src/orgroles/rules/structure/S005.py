"""S005 dated-outside-seat."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from orgroles.model import Role
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["DatedOutsideSeat"]


@register
class DatedOutsideSeat(Rule):
    """A holder or a reporting line has a date outside its seat's own dates.

    A seat's `start` and `end` bound everything in it: someone who holds it before it
    opens, or a line in force after it closes, is a slip in the dates (a seat opened too
    late, a tenure that should have ended). The file still loads, and on the days outside
    the seat the holder or the line simply does not show. A tenure or a line without a
    `start` (or `end`) runs from the seat's first day (to its last): that is fine.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo, holder: ana}
      - id: cpo
        kind: cpo
        start: 2025-03-01
        reports_to: ceo
        holder: [{person: bo, start: 2025-01-15}]
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: ceo, kind: ceo, holder: ana}
      - id: cpo
        kind: cpo
        start: 2025-01-15
        reports_to: ceo
        holder: [{person: bo, start: 2025-01-15}]
    ```
    """

    code = "S005"
    name = "dated-outside-seat"
    severity = "warning"

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        # The records, not the day's view: a slip in the dates is one whatever the day.
        if not ctx.org.dated:  # no record has a date (a test made when the org was read)
            return
        for rid, record in ctx.org.records.items():
            if record.start is None and record.end is None:
                continue
            opens, closes = record.start or date.min, record.end or date.max
            for what, start, end in _dated_parts(record):
                if any(d is not None and not opens <= d <= closes for d in (start, end)):
                    yield Finding(
                        rid,
                        f"{what} runs {_days(start, end)}, outside the seat's "
                        f"{_days(record.start, record.end)}",
                    )


def _dated_parts(record: Role) -> Iterator[tuple[str, date | None, date | None]]:
    holder = record.holder
    if isinstance(holder, tuple):
        for h in holder:
            if not isinstance(h, str) and (h.start is not None or h.end is not None):
                yield f"the tenure of {h.person!r}", h.start, h.end
    boss = record.reports_to
    if isinstance(boss, tuple):
        for line in boss:
            if line.start is not None or line.end is not None:
                yield f"the line to {line.role!r}", line.start, line.end


def _days(start: date | None, end: date | None) -> str:
    return f"{start or 'the start'} to {end or 'the end'}"
