"""Moved: the column options of imports are `orgroles.importers.columns`.

The old names still work, with a `DeprecationWarning` that says where each went.
"""

from orgroles._internal.moved import moved

__all__: list[str] = []

__getattr__ = moved(
    __name__,
    dict.fromkeys(
        ("PRESETS", "Columns", "Lookup", "ManagerBy", "Preset", "ResolvedColumns", "preset_names"),
        "orgroles.importers.columns",
    ),
)
