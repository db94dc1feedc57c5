"""Names of a package imported the first time they are used: a module `__getattr__`.

`import orgroles` and the command line should not pay for what a command does not use
(the charts, the importers, the job-title matcher): a package lists where each of its
names lives, and imports that module when the name is first asked for. The package's
`__all__`, `dir()` and `from package import *` stay as they were, and type checkers
read the real imports from an `if TYPE_CHECKING:` block beside the table.

Examples:
    >>> import sys, types
    >>> package = types.ModuleType("demo")
    >>> sys.modules["demo"] = package
    >>> package.__getattr__, package.__dir__ = lazy("demo", {"dedent": "textwrap"})
    >>> package.dedent("  a")  # imported now, and kept in the package
    'a'
    >>> "dedent" in vars(package), "dedent" in dir(package)
    (True, True)
    >>> package.nothing
    Traceback (most recent call last):
    ...
    AttributeError: module 'demo' has no attribute 'nothing'
    >>> del sys.modules["demo"]
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy"]


def lazy(
    module: str, homes: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A `__getattr__` and a `__dir__` for `module`: each of `homes` is imported
    from the module it maps to the first time it is asked for, then kept in `module`.

    A name that maps to `f"{module}.{name}"` is that submodule itself.
    """

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        found = importlib.import_module(home)
        value = found if home == f"{module}.{name}" else getattr(found, name)
        setattr(sys.modules[module], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[module]), *homes})

    return __getattr__, __dir__
