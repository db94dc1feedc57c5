"""orgroles: model a company as a graph of roles, check rules on it, draw org charts.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> [r.id for r in org.reports("cto")]
    ['dev-1', 'dev-2']
"""

import sys as _sys
import types as _types
from typing import TYPE_CHECKING

from orgroles._internal.lazy import lazy as _lazy
from orgroles._version import __version__

if TYPE_CHECKING:
    from orgroles.catalog import Catalog, KindMatch, builtin_catalog, infer_kind, load_catalog
    from orgroles.core import OrgCore
    from orgroles.errors import (
        EditError,
        EngineNotFoundError,
        Location,
        MissingExtraError,
        OrgArgumentError,
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

# Every public name is imported the first time it is used: ``import orgroles`` and
# ``orgroles --version`` do not load pydantic's models, the rules or the charts.
_HOMES = {
    **dict.fromkeys(
        ("Catalog", "KindMatch", "builtin_catalog", "infer_kind", "load_catalog"),
        "orgroles.catalog",
    ),
    "OrgCore": "orgroles.core",
    **dict.fromkeys(
        (
            "EditError",
            "EngineNotFoundError",
            "Location",
            "MissingExtraError",
            "OrgArgumentError",
            "OrgError",
            "OrgExportError",
            "OrgExportWarning",
            "OrgFileError",
            "OrgImportWarning",
            "OrgUsageError",
            "OrgValidationError",
            "Problem",
            "RenderError",
            "RuleConfigError",
            "SelectorError",
            "UnknownIdError",
            "UnknownKindError",
            "UnknownPersonError",
            "UnknownRoleError",
            "UnknownTeamError",
            "UnknownTeamOrRoleError",
        ),
        "orgroles.errors",
    ),
    **dict.fromkeys(("Columns", "Lookup"), "orgroles.importers"),
    **dict.fromkeys(
        ("from_csv", "from_gitlab", "from_records", "load", "loads"), "orgroles.loaders"
    ),
    **dict.fromkeys(
        (
            "CatalogDocument",
            "Line",
            "OrgDocument",
            "Person",
            "Responsibility",
            "Role",
            "RoleKind",
            "RulesConfig",
            "Team",
            "Tenure",
        ),
        "orgroles.model",
    ),
    "Org": "orgroles.org",
    "render": "orgroles.render.charts",
    **dict.fromkeys(("Explorer", "explore"), "orgroles.render.explorer"),
    **dict.fromkeys(("Selector", "parse_selector", "select"), "orgroles.selectors"),
}
__getattr__, __dir__ = _lazy(__name__, _HOMES)


class _Package(_types.ModuleType):
    """`orgroles.render` is the function: importing the subpackage of the same name,
    which Python records on its parent, leaves it so (as importing it eagerly did)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "render" and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package

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
    "OrgArgumentError",
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
