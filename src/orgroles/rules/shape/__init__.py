"""C rules: the shape of the org (spans of control, thin layers, depth)."""

from orgroles.rules.shape.C001 import SpanTooWide
from orgroles.rules.shape.C002 import SingleReport
from orgroles.rules.shape.C003 import TooDeep

__all__ = ["SingleReport", "SpanTooWide", "TooDeep"]
