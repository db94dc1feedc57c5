"""R001 uncovered."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.model import Id
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["Uncovered"]


class UncoveredParams(Params):
    """`required`: responsibilities someone must hold, on top of those the catalogue
    marks `required: true`."""

    required: tuple[Id, ...] = ()


@register
class Uncovered(Rule):
    """A required responsibility is held by nobody.

    Which ones are required: those listed in `required` and those a catalogue marks
    `required: true`. A vacant seat does not cover a responsibility: someone must be
    in it. "Someone owns data protection" is the classic case.

    **Anti-pattern**

    ```yaml
    rules: {params: {R001: {required: [data-protection]}}}
    people:
      - {id: ana, name: Ana Lima}
    roles:
      - {id: ceo, kind: ceo, holder: ana}
      - {id: cto, kind: cto, reports_to: ceo}
    ```

    **Best practice**

    ```yaml
    rules: {params: {R001: {required: [data-protection]}}}
    people:
      - {id: ana, name: Ana Lima}
    roles:
      - {id: ceo, kind: ceo, holder: ana, responsibilities: [data-protection]}
      - {id: cto, kind: cto, reports_to: ceo}
    ```
    """

    code = "R001"
    name = "uncovered"
    severity = "warning"
    params_type = UncoveredParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, UncoveredParams)
        catalog = ctx.org.catalog.responsibilities
        required = list(
            dict.fromkeys([*params.required, *(r.id for r in catalog.values() if r.required)])
        )
        if not required:
            return
        wanted = set(required)
        held: set[str] = set()
        on_vacant: set[str] = set()
        for i in ctx.holding(wanted):
            ids = ctx.duties_of(i)
            (on_vacant if ctx.roles[i].vacant else held).update(wanted.intersection(ids))
        for rid in required:
            if rid in held:
                continue
            label = catalog[rid].text() if rid in catalog else rid
            what = f"{rid!r} ({label})" if label != rid else repr(rid)
            tail = ": only vacant seats carry it" if rid in on_vacant else ""
            yield Finding(None, f"nobody holds the required responsibility {what}{tail}")
