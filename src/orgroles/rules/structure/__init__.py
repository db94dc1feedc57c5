"""S rules: the reporting structure holds together (no cycles, no dangling ids, one top)."""

from orgroles.rules.structure.S001 import ReportingCycle
from orgroles.rules.structure.S002 import UnknownReference
from orgroles.rules.structure.S003 import Roots
from orgroles.rules.structure.S004 import SelfReport

__all__ = ["ReportingCycle", "Roots", "SelfReport", "UnknownReference"]
