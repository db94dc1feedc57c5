"""Text that is safe to print: user data may hold terminal escape sequences."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["display_width", "plural", "printable", "printable_lines", "table"]

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


def display_width(text: str) -> int:
    """How many terminal columns a text takes: wide East Asian characters take two,
    combining marks none.

    >>> display_width("Léa"), display_width("李娜"), display_width("e\u0301")
    (3, 4, 1)
    """
    if text.isascii():
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def table(rows: Sequence[Sequence[str]], gap: str = "  ") -> list[str]:
    """Rows of cells as lines whose columns line up (by display width), each cell
    made :func:`printable`; the last column is not padded.

    >>> for line in table([["cto", "Chief Technical Officer", "Ana"], ["dev-10", "Dev", "李娜"]]):
    ...     print(line)
    cto     Chief Technical Officer  Ana
    dev-10  Dev                      李娜
    """
    cells = [[printable(c) for c in row] for row in rows]
    if not cells:
        return []
    columns = max(len(row) for row in cells)
    widths = [
        max((display_width(row[k]) for row in cells if k < len(row)), default=0)
        for k in range(columns)
    ]
    lines = []
    for row in cells:
        parts = [
            cell + " " * (widths[k] - display_width(cell)) if k < len(row) - 1 else cell
            for k, cell in enumerate(row)
        ]
        lines.append(gap.join(parts))
    return lines
