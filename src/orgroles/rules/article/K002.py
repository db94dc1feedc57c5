"""K002 tech-line."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.model import Id
from orgroles.rules.article._line import LineParams, line_findings
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["TechLine"]


class TechLineParams(LineParams):
    """The CTO's line: developers, lead developers, engineering managers, Product Owners."""

    manager: Id = "cto"
    kinds: tuple[Id, ...] = ("developer", "lead-developer", "engineering-manager", "product-owner")


@register
class TechLine(Rule):
    """Developers, lead developers, engineering managers and Product Owners sit under the CTO.

    The CTO has the technical side of the product under their wing: the developers and
    the Product Owners (facts C9 and D1). The rule only runs when the org has a CTO.
    A role whose line goes up to a manager who is not in the file is left to S002:
    where that line goes is not known.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, reports_to: ceo}
      - {id: cpo, kind: cpo, reports_to: ceo}
      - {id: po, kind: product-owner, reports_to: cpo}
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, reports_to: ceo}
      - {id: cpo, kind: cpo, reports_to: ceo}
      - {id: po, kind: product-owner, reports_to: cto, dotted_to: [cpo]}
    ```
    """

    code = "K002"
    name = "tech-line"
    severity = "warning"
    params_type = TechLineParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, TechLineParams)
        return line_findings(ctx, params)
