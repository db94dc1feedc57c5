"""H rules: seats and the people in them (vacant managers, people with too many
seats, interims and vacancies that last)."""

from orgroles.rules.staffing.H001 import VacantManager
from orgroles.rules.staffing.H002 import OverloadedPerson
from orgroles.rules.staffing.H003 import LongInterim
from orgroles.rules.staffing.H004 import LongVacancy

__all__ = ["LongInterim", "LongVacancy", "OverloadedPerson", "VacantManager"]
