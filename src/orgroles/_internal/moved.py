"""Old import paths that still work: a module `__getattr__` for names that moved.

When a name moves to another module, its old module keeps answering for it, with a
`DeprecationWarning` that says where it went. The new home is imported only when
an old name is asked for, so an old path costs nothing to the code that no longer uses it.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["moved"]


def moved(module: str, names: Mapping[str, str]) -> Callable[[str], Any]:
    """A module-level `__getattr__` for `module`: each of `names` lives in the module
    it maps to.

    Examples:
        >>> getattr_ = moved("orgroles.old", {"select": "orgroles.selectors"})
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     getattr_("select").__module__
        'orgroles.selectors.syntax'
        >>> print(caught[0].message)
        orgroles.old.select moved to orgroles.selectors.select: import it from there
        >>> getattr_("nothing")
        Traceback (most recent call last):
        ...
        AttributeError: module 'orgroles.old' has no attribute 'nothing'
    """

    def __getattr__(name: str) -> Any:
        home = names.get(name)
        if home is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        warnings.warn(
            f"{module}.{name} moved to {home}.{name}: import it from there",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(home), name)

    return __getattr__
