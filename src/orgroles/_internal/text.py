"""Text that is safe to print: user data may hold terminal escape sequences."""

from __future__ import annotations

import re

__all__ = ["plural", "printable", "printable_lines"]

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""Text safe for a terminal: control characters (escape sequences that could move the
    cursor or retitle the window, in a name from an HR export) are shown as ``\xNN``.
    Line breaks too, so that one item stays on one line and cannot fake another.

    >>> printable("Ana\x1b[2J Lima")
    'Ana\\x1b[2J Lima'
    >>> printable("Dev\nS001 error fake: line")
    'Dev\\x0aS001 error fake: line'
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def printable_lines(text: str) -> str:
    """:func:`printable` for each line of a text whose line breaks are meant."""
    return "\n".join(printable(line) for line in text.split("\n"))


def plural(n: int, word: str) -> str:
    """``3 warnings``, ``1 error``: a count and a regular English noun.

    >>> plural(1, "error"), plural(1200, "role")
    ('1 error', '1,200 roles')
    """
    return f"{n:,} {word}{'' if n == 1 else 's'}"
