"""H rules: seats and the people in them (vacant managers, people with too many seats)."""

from orgroles.rules.staffing.H001 import VacantManager
from orgroles.rules.staffing.H002 import OverloadedPerson

__all__ = ["OverloadedPerson", "VacantManager"]
