"""The pydantic models of orgroles: they *are* the file format.

Every model forbids unknown keys (a typo is an error, not a silently ignored field) and
is frozen, so that an `Org` can keep its indexes consistent: edits go
through the `Org` methods, which replace whole models (`dataclasses.replace`).

The models are pydantic *dataclasses* with `__slots__` rather than `BaseModel`
subclasses: validation is the same, but a role takes about a fifth of the memory and
validates 40% faster, which is what lets a two-million-role org fit on one machine
(see docs/performance.md). They have no `model_dump`: `to_dict()` gives the same
plain data (what the file holds, defaults left out), and `pydantic.TypeAdapter(Role)`
offers the rest of pydantic's API (`dump_json`, `json_schema`, ...).

Examples:
    >>> from orgroles.model import Role
    >>> cto = Role(id="cto", kind="cto", holder="camille", reports_to="ceo")
    >>> cto.holders, cto.vacant
    (('camille',), False)
    >>> Role(id="dev-1", holder=["ana", "bo"]).holders   # a job share
    ('ana', 'bo')
    >>> cto.to_dict()
    {'id': 'cto', 'kind': 'cto', 'holder': 'camille', 'reports_to': 'ceo'}
"""

from orgroles.model.base import (
    CATEGORIES,
    FAMILIES,
    GENERAL_PRACTICE,
    SENIORITIES,
    Category,
    Id,
    KindFrom,
    Seniority,
    Severity,
    TitlePatterns,
)
from orgroles.model.catalog import (
    MAX_PATTERN_SPELLINGS,
    CatalogDocument,
    Family,
    Quality,
    Responsibility,
    RoleKind,
)
from orgroles.model.org import Line, OrgDocument, Person, Role, Team, Tenure
from orgroles.model.rules import (
    CustomRule,
    ExclusiveRule,
    MaxSpanRule,
    MustReportToRule,
    RequiresRule,
    RulesConfig,
)

__all__ = [
    "CATEGORIES",
    "CatalogDocument",
    "Category",
    "CustomRule",
    "ExclusiveRule",
    "FAMILIES",
    "Family",
    "GENERAL_PRACTICE",
    "Id",
    "KindFrom",
    "Line",
    "MAX_PATTERN_SPELLINGS",
    "MaxSpanRule",
    "MustReportToRule",
    "OrgDocument",
    "Person",
    "Quality",
    "RequiresRule",
    "Responsibility",
    "Role",
    "RoleKind",
    "RulesConfig",
    "SENIORITIES",
    "Seniority",
    "Severity",
    "Team",
    "Tenure",
    "TitlePatterns",
]
