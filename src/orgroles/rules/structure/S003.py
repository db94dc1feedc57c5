"""S003 roots."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import model_validator

from orgroles.rules.base import Count, Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["Roots"]

_SHOWN = 5


class RootsParams(Params):
    """`min_roots` and `max_roots`: how many top roles the org may have."""

    min_roots: Count = 1
    max_roots: Count = 1

    @model_validator(mode="after")
    def _ordered(self) -> RootsParams:
        if self.min_roots > self.max_roots:
            raise ValueError(
                f"min_roots ({self.min_roots}) is more than max_roots ({self.max_roots})"
            )
        return self


@register
class Roots(Rule):
    """The org does not have exactly one top role (a role without `reports_to`).

    One org, one top. Several tops usually mean a forgotten `reports_to`; none means
    that every role is in or under a reporting cycle. A holding or a board may want
    more: set `max_roots`. A role whose manager is not in the file is no top; when the
    file has no top because its tops report to managers outside it (the export of a
    department), S002 reports those lines and this rule says nothing more.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto}
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, reports_to: ceo}
    ```
    """

    code = "S003"
    name = "roots"
    severity = "warning"
    params_type = RootsParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, RootsParams)
        index = ctx.index  # a role that reports to itself has no manager (S004 says so)
        roots = sorted([*index.roots, *index.self_reports]) if index.self_reports else index.roots
        if not ctx.roles or params.min_roots <= len(roots) <= params.max_roots:
            return
        ids = [ctx.id(i) for i in roots]
        expected = (
            f"{params.min_roots}"
            if params.min_roots == params.max_roots
            else f"{params.min_roots} to {params.max_roots}"
        )
        if not ids:
            if index.dangling:  # tops outside the file (an export of a department): S002
                return
            yield Finding(None, f"no top role (expected {expected}): every role has a manager")
            return
        listed = ", ".join(ids[:_SHOWN]) + (
            f", ... ({len(ids):,} in all)" if len(ids) > _SHOWN else ""
        )
        # Reported on the first surplus top, so that it has a line to point at.
        at = ids[params.max_roots] if len(ids) > params.max_roots else ids[0]
        yield Finding(at, f"{len(ids):,} top roles (expected {expected}): {listed}", tuple(ids))
