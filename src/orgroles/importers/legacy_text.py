"""A CSV export in Windows-1252, read as such when it is not UTF-8.

Excel on Windows saves "CSV (Comma delimited)" in the machine's legacy code page:
Windows-1252 in Western Europe and the Americas, so French, German, Spanish and
Portuguese payroll and HR exports often come so ("Hélène" written `48 E9 6C E8 6E 65`).
Such bytes are not UTF-8, and the import used to stop at the first accent. A file that
is not UTF-8 and reads as Windows-1252 text that looks like a Western language (a few
accented letters among plain text: `looks_western()`) is read so, with a warning; any
other stays an error that names `--encoding`, as a file in a CJK or a Central European
encoding read as Windows-1252 would give names of nonsense.

Examples:
    >>> looks_western("Matricule;Prénom;Nom\\n12;Hélène;Dubreuil\\n")
    True
    >>> looks_western("001,山田太郎".encode("shift_jis").decode("cp1252"))
    False
    >>> polish = "1;Wojciech Żółkiewski-Kałuża;Księgowość\\n".encode("cp1250")
    >>> looks_western(polish.decode("cp1252"))  # Central European: not read so
    False
"""

from __future__ import annotations

import unicodedata

from orgroles.errors import Location, Problem

__all__ = ["looks_western", "windows_1252"]

_SIGNS = frozenset("\xa0€£‘’“”–—…•°«»·")  # noqa: RUF001


def looks_western(text: str) -> bool:
    """Whether text read as Windows-1252 looks like a Western language: no control
    characters but tabs and line ends, at most one character in ten outside ASCII, and
    those nearly all letters or usual signs (mojibake of another encoding is mostly
    symbols, capitals and letters side by side)."""
    other = [c for c in text if not c.isascii()]
    if not other or len(other) * 10 > len(text):
        return False
    if any(c < " " and c not in "\t\r\n" for c in text):
        return False
    usual = sum(c in _SIGNS or unicodedata.category(c) in ("Ll", "Lu") for c in other)
    return usual * 10 >= len(other) * 9


def windows_1252(raw: bytes, path: str) -> tuple[str, Problem] | None:
    """The text of bytes that are Windows-1252 text of a Western language, and the
    warning that says how they were read; None for any other bytes."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None  # a byte that Windows-1252 does not define
    if not looks_western(text):
        return None
    note = Problem(
        "not UTF-8: read as Windows-1252 (cp1252), as Excel saves a CSV on Windows in "
        "Western Europe and the Americas; give its encoding (--encoding, encoding=) to "
        'read it otherwise, or save it as "CSV UTF-8"',
        Location(path, 1),
        code="encoding-guessed",
    )
    return text, note
