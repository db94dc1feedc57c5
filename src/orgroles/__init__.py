"""orgroles: model a company as a graph of roles, check rules on it, draw org charts.

>>> import orgroles
>>> org = orgroles.load("examples/three_person_tech_team.yaml")
>>> [r.id for r in org.reports("cto")]
['dev-1', 'dev-2']
"""

from orgroles._version import __version__
from orgroles.catalog import Catalog, builtin_catalog, load_catalog
from orgroles.errors import (
    EditError,
    EngineNotFoundError,
    Location,
    OrgError,
    OrgExportError,
    OrgExportWarning,
    OrgFileError,
    OrgImportWarning,
    OrgValidationError,
    Problem,
    RenderError,
    RuleConfigError,
    SelectorError,
    UnknownIdError,
    UnknownPersonError,
    UnknownRoleError,
    UnknownTeamError,
)
from orgroles.io.csv_import import from_csv, from_records
from orgroles.io.gitlab import from_gitlab
from orgroles.io.orgfile import load, loads
from orgroles.model import (
    CatalogDocument,
    OrgDocument,
    Person,
    Responsibility,
    Role,
    RoleKind,
    RulesConfig,
    Team,
)
from orgroles.org import Org
from orgroles.render import render
from orgroles.render.explorer import Explorer, explore
from orgroles.selectors import Selector, parse_selector, select

__all__ = [
    "Catalog",
    "CatalogDocument",
    "EditError",
    "EngineNotFoundError",
    "Explorer",
    "Location",
    "Org",
    "OrgDocument",
    "OrgError",
    "OrgExportError",
    "OrgExportWarning",
    "OrgFileError",
    "OrgImportWarning",
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
    "UnknownIdError",
    "UnknownPersonError",
    "UnknownRoleError",
    "UnknownTeamError",
    "__version__",
    "builtin_catalog",
    "explore",
    "from_csv",
    "from_gitlab",
    "from_records",
    "load",
    "load_catalog",
    "loads",
    "parse_selector",
    "render",
    "select",
]
