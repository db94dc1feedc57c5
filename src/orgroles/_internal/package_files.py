"""The files of one of orgroles' packages, as `importlib.resources.files()` gives them.

A package installed as files (a wheel, an editable install) gives the folder itself, a
`pathlib.Path`; only a package that is read from elsewhere (a zip) takes
`importlib.resources`, whose import brings `zipfile`, `tempfile`, `bz2` and `lzma`: 40
million instructions, a seventh of what orgroles' own code costs a 4-role check.

Examples:
    >>> files("orgroles.model").joinpath("org.py").is_file()
    True
"""

from __future__ import annotations

import sys
from importlib.machinery import SourceFileLoader, SourcelessFileLoader
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["files"]


def files(package: str) -> Traversable:
    """The folder of `package` (imported here if it is not yet), to read its files from."""
    if package not in sys.modules:
        __import__(package)
    spec = sys.modules[package].__spec__
    if (
        spec is not None
        and isinstance(spec.loader, SourceFileLoader | SourcelessFileLoader)
        and spec.submodule_search_locations
    ):
        return Path(spec.submodule_search_locations[0])
    from importlib import resources

    return resources.files(package)
