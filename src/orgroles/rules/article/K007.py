"""K007 coding-cto-large-team."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles._internal.text import plural
from orgroles.model import Id
from orgroles.rules.article.K004 import operational_duties
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["CodingCtoLargeTeam", "LargeTeamParams"]


class LargeTeamParams(Params):
    """`min_team`: the team size (in seats, the CTO's own included) from which the CTO's
    role is managerial and strategic; `kind`: the kind this applies to."""

    min_team: int = 12
    kind: Id = "cto"


@register
class CodingCtoLargeTeam(Rule):
    """The CTO of a large tech org still holds hands-on duties.

    The other half of fact D3: in a small company the CTO is operational (K004), in a
    larger one the role becomes managerial and strategic. The article does not put a
    number on "larger"; `min_team` (12 seats: the CTO and more than the ten direct
    reports that C001 allows one manager) is where one person can no longer lead the whole
    tech team directly, so that coding competes with leading leads. It is a note, not a
    fault: say so with `noqa` where a large org wants its CTO hands-on.

    **Anti-pattern**

    ```yaml
    rules: {params: {K007: {min_team: 4}}}
    roles:
      - {id: cto, kind: cto, responsibilities: [hands-on-coding]}
      - {id: em, kind: engineering-manager, reports_to: cto}
      - {id: dev-1, kind: developer, reports_to: em}
      - {id: dev-2, kind: developer, reports_to: em}
    ```

    **Best practice**

    ```yaml
    rules: {params: {K007: {min_team: 4}}}
    roles:
      - {id: cto, kind: cto}
      - {id: em, kind: engineering-manager, reports_to: cto}
      - {id: dev-1, kind: developer, reports_to: em}
      - {id: dev-2, kind: developer, reports_to: em}
    ```
    """

    code = "K007"
    name = "coding-cto-large-team"
    severity = "info"
    params_type = LargeTeamParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, LargeTeamParams)
        for i in ctx.by_kind.get(params.kind, ()):
            below = ctx.below_count(i)
            if 1 + below < params.min_team:
                continue
            duties = operational_duties(ctx, i)
            if duties:
                yield Finding(
                    ctx.id(i),
                    f"leads a team of {plural(1 + below, 'seat')} (min_team {params.min_team}) "
                    "and still "
                    f"holds hands-on duties ({', '.join(duties)}): at this size the CTO's "
                    "role is managerial and strategic",
                )
