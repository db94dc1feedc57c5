"""K003 product-line."""

from __future__ import annotations

from collections.abc import Iterator

from orgroles.model import Id
from orgroles.rules.article._line import LineParams, line_findings
from orgroles.rules.base import Finding, Params, Rule, register
from orgroles.rules.context import CheckContext

__all__ = ["ProductLine"]


class ProductLineParams(LineParams):
    """The CPO's line: Product Managers and designers."""

    manager: Id = "cpo"
    kinds: tuple[Id, ...] = ("product-manager", "designer")


@register
class ProductLine(Rule):
    """Product Managers and designers sit under the CPO.

    The CPO leads the product's development and its image, with the Product Managers and
    the designers (facts P9 and D1). The rule only runs when the org has a CPO.
    A role whose line goes up to a manager who is not in the file is left to S002:
    where that line goes is not known.

    **Anti-pattern**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, reports_to: ceo}
      - {id: cpo, kind: cpo, reports_to: ceo}
      - {id: designer, kind: designer, reports_to: cto}
    ```

    **Best practice**

    ```yaml
    roles:
      - {id: ceo, kind: ceo}
      - {id: cto, kind: cto, reports_to: ceo}
      - {id: cpo, kind: cpo, reports_to: ceo}
      - {id: designer, kind: designer, reports_to: cpo}
    ```
    """

    code = "K003"
    name = "product-line"
    severity = "warning"
    params_type = ProductLineParams

    def check(self, ctx: CheckContext, params: Params) -> Iterator[Finding]:
        assert isinstance(params, ProductLineParams)
        return line_findings(ctx, params)
