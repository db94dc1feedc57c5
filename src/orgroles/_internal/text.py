"""Text that is safe to print: user data may hold terminal escape sequences."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = [
    "CONTROL",
    "display_width",
    "json_text",
    "plural",
    "printable",
    "printable_csv",
    "printable_lines",
    "table",
]

# C0 and C1 controls (tab aside), DEL, the line and paragraph separators, and the
# bidirectional overrides and isolates that reorder what a terminal shows ("Trojan source"):
# what printable() escapes.
CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    r"""Text safe for a terminal: control characters (escape sequences that could move the
    cursor or retitle the window, in a name from an HR export) are shown as `\xNN`.
    Line breaks too, so that one item stays on one line and cannot fake another.

    Examples:
        >>> printable("Ana\x1b[2J Lima")
        'Ana\\x1b[2J Lima'
        >>> printable("Dev\nS001 error fake: line")
        'Dev\\x0aS001 error fake: line'
        >>> printable("\u202eevil")
        '\\u202eevil'
    """
    return CONTROL.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_text(text: str) -> str:
    r"""JSON text with the characters that `json.dumps(..., ensure_ascii=False)` leaves
    raw and a terminal acts on (C1 controls such as CSI `\x9b`, DEL, bidirectional
    overrides) written as `\uXXXX` escapes: the same data, safe to print.

    Examples:
        >>> json_text('{"name": "a\x9b31m"}')
        '{"name": "a\\u009b31m"}'
    """
    if text.isascii() and "\x7f" not in text:  # nothing to escape: two scans in C
        return text
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def printable_csv(text: str) -> str:
    """CSV text for a terminal: each cell through `printable()`, so that a line break
    or an escape sequence inside a cell can neither run nor fake a row."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in csv.reader(io.StringIO(text, newline="")):
        writer.writerow([printable(cell) for cell in row])
    return out.getvalue()


def printable_lines(text: str) -> str:
    """`printable()` for each line of a text whose line breaks are meant."""
    return "\n".join(printable(line) for line in text.split("\n"))


def plural(n: int, word: str) -> str:
    """`3 warnings`, `1 error`: a count and a regular English noun.

    Examples:
        >>> plural(1, "error"), plural(1200, "role")
        ('1 error', '1,200 roles')
    """
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def display_width(text: str) -> int:
    """How many terminal columns a text takes: wide East Asian characters take two,
    combining marks none.

    Examples:
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
    made `printable()`; the last column is not padded.

    Examples:
        >>> for line in table([["cto", "Chief Technical Officer", "Ana"], ["dev-10", "Dev", "李娜"]]):
        ...     print(line)
        cto     Chief Technical Officer  Ana
        dev-10  Dev                      李娜
    """  # noqa: E501
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
