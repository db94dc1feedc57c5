"""R rules: who holds what (coverage, conflicts of duties, single owners, unknown ids)."""

from orgroles.rules.responsibilities.R001 import Uncovered
from orgroles.rules.responsibilities.R002 import DutyConflict
from orgroles.rules.responsibilities.R003 import ManyOwners
from orgroles.rules.responsibilities.R004 import UnknownResponsibility

__all__ = ["DutyConflict", "ManyOwners", "Uncovered", "UnknownResponsibility"]
