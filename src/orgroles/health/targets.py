"""The targets a health report measures an org against: a band of spans of control, what
counts as a narrow span, and how many layers an org of its size should need.

The defaults come from published practice; docs/report.md gives the sources:

- **span band 5-10**: McKinsey's five manager archetypes run from the "player/coach"
  (3 to 5 direct reports) to the "coordinator" (15 or more); the band covers the top of
  the player/coach range, the "coach" (6-7) and the "supervisor" (8-10). 10 is also the
  default `max_span` of the rule C001.
- **narrow: 1 or 2 reports**: a manager with so few reports is a thin layer (the rule
  C002 flags exactly one).
- **layers for the org's size**: the layers a tree needs to hold every role when each
  manager has `s` reports, `L(n, s)`: the smallest `L` with
  `1 + s + s**2 + ... + s**(L-1) >= n` (about `log_s(n) + 1`). The target is at most
  `L(n, low)`, the layers of an org whose managers all sit at the bottom of the band;
  `L(n, high)` is the fewest an org in the band can have.

Examples:
    >>> t = Targets()
    >>> t.span, t.narrow
    ((5, 10), 2)
    >>> t.layers_for(20), t.layers_for(100_000), t.layers_for(1_000_000)
    ((3, 3), (6, 9), (7, 10))
    >>> Targets(span=(6, 12), layers=7).layers_for(100_000)
    (6, 7)
"""

from __future__ import annotations

from dataclasses import dataclass

from orgroles.errors import OrgUsageError

__all__ = ["Targets", "layers_needed"]


def layers_needed(roles: int, span: int) -> int:
    """The fewest layers a tree of `roles` roles needs when every manager has `span`
    direct reports: the smallest `L` with `1 + span + ... + span**(L-1) >= roles`.

    Examples:
        >>> layers_needed(1, 5), layers_needed(6, 5), layers_needed(7, 5), layers_needed(31, 5)
        (1, 2, 3, 3)
        >>> layers_needed(0, 5), layers_needed(4, 1)
        (0, 4)
    """
    if roles <= 0:
        return 0
    if span <= 1:
        return roles
    layers, held, width = 1, 1, 1
    while held < roles:
        width *= span
        held += width
        layers += 1
    return layers


@dataclass(frozen=True)
class Targets:
    """What a health report compares an org with (see the module's docstring).

    `span` is the band of spans of control a manager should have, low and high
    included; `narrow` the largest span that counts as narrow (managers with 1 to
    `narrow` reports are listed); `layers`, if given, the most layers the org should
    have, instead of the number worked out from its size and the band.
    """

    span: tuple[int, int] = (5, 10)
    narrow: int = 2
    layers: int | None = None

    def __post_init__(self) -> None:
        try:
            low, high = (int(v) for v in self.span)
        except (TypeError, ValueError):
            raise OrgUsageError(
                f"the span band is two whole numbers, low and high, not {self.span!r}"
            ) from None
        if not 1 <= low <= high:
            raise OrgUsageError(f"the span band must have 1 <= low <= high, not {low}-{high}")
        if not 0 <= self.narrow < low:
            raise OrgUsageError(
                f"a narrow span ({self.narrow}) must be 0 or more and below the band ({low})"
            )
        if self.layers is not None and self.layers < 1:
            raise OrgUsageError(f"the most layers must be 1 or more, not {self.layers}")
        object.__setattr__(self, "span", (low, high))

    def layers_for(self, roles: int) -> tuple[int, int]:
        """The fewest and the most layers an org of `roles` roles should have: the
        layers it needs with every manager at the top of the band, and with every manager
        at its bottom (or `layers`, when given)."""
        low, high = self.span
        fewest = layers_needed(roles, high)
        most = layers_needed(roles, low) if self.layers is None else self.layers
        return min(fewest, most), most

    def in_band(self, span: int) -> bool:
        """Whether a manager with `span` direct reports is within the band."""
        return self.span[0] <= span <= self.span[1]
