"""S rules: the reporting structure holds together (no cycles, no dangling ids, one top,
dates that agree)."""

from orgroles.rules.structure.S001 import ReportingCycle
from orgroles.rules.structure.S002 import UnknownReference
from orgroles.rules.structure.S003 import Roots
from orgroles.rules.structure.S004 import SelfReport
from orgroles.rules.structure.S005 import DatedOutsideSeat
from orgroles.rules.structure.S006 import PlannedUnderClosingSeat

__all__ = [
    "DatedOutsideSeat",
    "PlannedUnderClosingSeat",
    "ReportingCycle",
    "Roots",
    "SelfReport",
    "UnknownReference",
]
