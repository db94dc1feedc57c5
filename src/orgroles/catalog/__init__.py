"""Catalogues: the kinds of role (`cto`, `developer`, ...) and the responsibilities.

The built-in catalogue (`builtin.yaml` beside this module) is read with the same
reader and models as user files. An org file's `uses:` lists the catalogues it builds
on, in order: `builtin` and paths to catalogue files (relative to the file that names
them, and under the org file's folder unless more folders are allowed). Later entries
override earlier ones, and the org's own `kinds` and
`responsibilities` override them all. `uses: []` turns the built-in catalogue off.

A catalogue also knows the families (company functions) and the job titles each kind goes
by: `infer_kind()` reads a title such as "Directrice technique" as a `cto`
(see `orgroles.catalog.titles`).

Examples:
    >>> cat = builtin_catalog()
    >>> cat.kinds["cto"].text("fr")
    'Directeur technique'
    >>> "hands-on-coding" in cat.kinds["cto"].responsibilities
    False
"""

from typing import TYPE_CHECKING

from orgroles._internal.lazy import lazy
from orgroles.catalog.catalogs import (
    BUILTIN,
    Catalog,
    builtin_catalog,
    load_catalog,
    resolve_catalog,
)

if TYPE_CHECKING:
    from orgroles.catalog.titles import KindMatch, infer_kind, infer_role, infer_seniority

# The job-title matcher loads when a title is first read (importing HR data), not for
# every org that is loaded.
__getattr__, __dir__ = lazy(
    __name__,
    dict.fromkeys(
        ("KindMatch", "infer_kind", "infer_role", "infer_seniority"), "orgroles.catalog.titles"
    ),
)

__all__ = [
    "BUILTIN",
    "Catalog",
    "KindMatch",
    "builtin_catalog",
    "infer_kind",
    "infer_role",
    "infer_seniority",
    "load_catalog",
    "resolve_catalog",
]
