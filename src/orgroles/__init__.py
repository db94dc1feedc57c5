"""orgroles: model a company as a graph of roles, check rules on it, draw org charts.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> [r.id for r in org.reports("cto")]
    ['dev-1', 'dev-2']
"""

from orgroles._version import __version__
from orgroles.catalog import Catalog, KindMatch, builtin_catalog, infer_kind, load_catalog
from orgroles.core import OrgCore
from orgroles.errors import (
    EditError,
    EngineNotFoundError,
    Location,
    MissingExtraError,
    OrgError,
    OrgExportError,
    OrgExportWarning,
    OrgFileError,
    OrgImportWarning,
    OrgUsageError,
    OrgValidationError,
    Problem,
    RenderError,
    RuleConfigError,
    SelectorError,
    UnknownIdError,
    UnknownKindError,
    UnknownPersonError,
    UnknownRoleError,
    UnknownTeamError,
    UnknownTeamOrRoleError,
)
from orgroles.importers import Columns, Lookup
from orgroles.loaders import from_csv, from_gitlab, from_records, load, loads
from orgroles.model import (
    CatalogDocument,
    Line,
    OrgDocument,
    Person,
    Responsibility,
    Role,
    RoleKind,
    RulesConfig,
    Team,
    Tenure,
)
from orgroles.org import Org
from orgroles.render import render
from orgroles.render.explorer import Explorer, explore
from orgroles.selectors import Selector, parse_selector, select

__all__ = [
    "Catalog",
    "CatalogDocument",
    "Columns",
    "EditError",
    "EngineNotFoundError",
    "Explorer",
    "KindMatch",
    "Line",
    "Location",
    "Lookup",
    "MissingExtraError",
    "Org",
    "OrgCore",
    "OrgDocument",
    "OrgError",
    "OrgExportError",
    "OrgExportWarning",
    "OrgFileError",
    "OrgImportWarning",
    "OrgUsageError",
    "OrgValidationError",
    "Person",
    "Problem",
    "RenderError",
    "Responsibility",
    "Role",
    "RoleKind",
    "RuleConfigError",
    "RulesConfig",
    "Selector",
    "SelectorError",
    "Team",
    "Tenure",
    "UnknownIdError",
    "UnknownKindError",
    "UnknownPersonError",
    "UnknownRoleError",
    "UnknownTeamError",
    "UnknownTeamOrRoleError",
    "__version__",
    "builtin_catalog",
    "explore",
    "from_csv",
    "from_gitlab",
    "from_records",
    "infer_kind",
    "load",
    "load_catalog",
    "loads",
    "parse_selector",
    "render",
    "select",
]
