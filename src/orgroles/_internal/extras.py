"""Optional dependencies (the extras: pandas, python-pptx, openpyxl...), imported on use."""

from __future__ import annotations

import importlib
from typing import Any

from orgroles.errors import MissingExtraError

__all__ = ["NEEDS_PANDAS", "import_extra"]

NEEDS_PANDAS = "this needs pandas: pip install 'orgroles[analysis]' (or pip install pandas)"

_NO_MEMORY = ("failed to map segment", "cannot allocate memory")
"""What the dynamic loader says when a C extension finds no memory to be mapped into
(glibc's words): the process has run out of memory, the extra is there."""


def import_extra(module: str, needs: str) -> Any:
    """`module`, imported; a `MissingExtraError` whose message is `needs` if it is not
    installed.

    An extra that is installed but fails to import (a broken install, a C extension
    built for another Python) is not said to be missing: the error gives the reason. A C
    extension of it that cannot be loaded for want of memory (a process under a limit,
    after a large load) is a `MemoryError`, which the command line reports as running
    out of memory: it said that python-pptx was not installed.

    Examples:
        >>> import_extra("json", "never said").__name__
        'json'
        >>> import_extra("no_such_module_here", "this needs it: pip install it")
        Traceback (most recent call last):
        ...
        orgroles.errors.MissingExtraError: this needs it: pip install it
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError:
        raise MissingExtraError(needs) from None
    except ImportError as exc:
        if any(words in str(exc).lower() for words in _NO_MEMORY):
            raise MemoryError(str(exc)) from None
        top = module.partition(".")[0]
        raise MissingExtraError(f"{top} is installed, but importing it failed: {exc}") from None
