"""Moved: the GitLab importer is `orgroles.importers.gitlab` and `orgroles.from_gitlab`.

The old names still work, with a `DeprecationWarning` that says where each went.
"""

from orgroles._internal.moved import moved

__all__: list[str] = []

__getattr__ = moved(
    __name__,
    {
        "from_gitlab": "orgroles.loaders",
        "ENTRY_KEYS": "orgroles.importers.gitlab",
        "html_to_text": "orgroles.importers.gitlab",
    },
)
