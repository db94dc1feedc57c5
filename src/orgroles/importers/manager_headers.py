"""Column names that say the column holds each row's manager ("Line Manager Employee
ID", "Vorgesetzte(r)", "Jefe directo"), for a header with none of the usual names.

Examples:
    >>> manager_like("line manager employee id"), manager_like("jefe directo")
    (True, True)
    >>> manager_like("matrix manager"), manager_like("manager level")
    (False, False)
"""

from __future__ import annotations

import re

__all__ = ["manager_like"]


_MANAGER_WORDS = re.compile(
    r"\b(?:manager|mgr|supervisor|reports to|reporting to|boss|superior|superieur|n 1|"
    r"vorgesetzte\w*|fuhrungskraft|responsable|jefe|chef|chefe|leidinggevende|przelozony|"
    r"kierownik|gestor|lider|leder|superiore|responsabile)\b"
)
_NOT_MANAGER = re.compile(
    r"\b(?:dotted|matrix|secondary|functional|fonctionnel|funcional|funzionale|indirect|"
    r"additional|second|level|flag|type|count|number of|title|job|department|phone|"
    r"location|site|date|since|grade|band|is|has|cost|approver|organization|org)\b"
)


def manager_like(key: str) -> bool:
    """Whether a column's name says it holds the manager ("Line Manager Employee ID",
    "Supervisor Employee Number"), for a header with none of the usual names; the data
    then decide (a column that matches no row is not taken)."""
    return _MANAGER_WORDS.search(key) is not None and _NOT_MANAGER.search(key) is None
