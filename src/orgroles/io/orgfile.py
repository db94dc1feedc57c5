"""Moved: :func:`orgroles.load` and :func:`orgroles.loads` are in :mod:`orgroles.loaders`.

The old names still work, with a :class:`DeprecationWarning` that says where each went.
"""

from orgroles._internal.moved import moved

__all__: list[str] = []

__getattr__ = moved(__name__, {"load": "orgroles.loaders", "loads": "orgroles.loaders"})
