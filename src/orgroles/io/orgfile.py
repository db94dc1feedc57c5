"""Moved: `orgroles.load()` and `orgroles.loads()` are in `orgroles.loaders`.

The old names still work, with a `DeprecationWarning` that says where each went.
"""

from orgroles._internal.moved import moved

__all__: list[str] = []

__getattr__ = moved(__name__, {"load": "orgroles.loaders", "loads": "orgroles.loaders"})
