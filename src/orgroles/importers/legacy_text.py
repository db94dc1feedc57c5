"""A CSV export in Windows-1252, read as such when it is not UTF-8.

Excel on Windows saves "CSV (Comma delimited)" in the machine's legacy code page:
Windows-1252 in Western Europe and the Americas, so French, German, Spanish and
Portuguese payroll and HR exports often come so ("Hélène" written `48 E9 6C E8 6E 65`).
Such bytes are not UTF-8, and the import used to stop at the first accent. A file that
is not UTF-8 and reads as Windows-1252 text that looks like a Western language (a few
accented letters among plain text: `looks_western()`) is read so, with a warning; any
other stays an error that names `--encoding`, as a file in a CJK or a Central European
encoding read as Windows-1252 would give names of nonsense.

A file in one of the legacy encodings of Japanese, Chinese or Korean text (`cp932`,
Shift_JIS as Windows writes it; `gbk`; `big5`; `cp949`) is told by
`east_asian_encodings()`, so that the error names the encoding to give.

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

import dataclasses
import unicodedata

from orgroles.errors import Location, Problem

__all__ = [
    "central_european",
    "east_asian_encodings",
    "east_asian_error",
    "looks_western",
    "windows_1252",
]

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


# Each encoding, the script its text must show, and how the error names it.
_EAST_ASIAN = (
    ("cp932", "\u3040-\u30ff\u4e00-\u9fff", "Japanese in Shift_JIS"),  # kana, kanji
    ("cp949", "\uac00-\ud7af", "Korean in EUC-KR"),  # hangul
    ("gbk", "\u4e00-\u9fff", "Chinese in GBK"),
    ("big5", "\u4e00-\u9fff", "Chinese in Big5"),
)


def east_asian_encodings(raw: bytes) -> list[tuple[str, str]]:
    """The legacy encodings of Japanese, Korean or Chinese text that bytes (not UTF-8)
    read as, and how to name each: every byte read, most characters outside ASCII of the
    script it writes, and few of them inside Latin words (as a Western text's accented
    letters read so would be). Text with kana is Japanese; kanji alone, or hangul, read as
    Japanese, Korean and Chinese alike, and all are given.

    Examples:
        >>> east_asian_encodings("社員番号,姓,名\\n1,高森,はるか\\n".encode("shift_jis"))
        [('cp932', 'Japanese in Shift_JIS')]
        >>> [e for e, _ in east_asian_encodings("사번,이름\\n1,김민준\\n".encode("cp949"))]
        ['cp949', 'gbk', 'big5']
        >>> east_asian_encodings("Prénom;Hélène".encode("cp1252"))
        []
    """
    import re

    found = []
    for encoding, script, name in _EAST_ASIAN:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        other = sum(not c.isascii() for c in text)
        letters = f"{script}\u3000-\u303f\uff00-\uffef"
        written = len(re.findall(f"[{letters}]", text))
        # Western text read so has its accented letters inside Latin words ("Pr駭om").
        inside = len(re.findall(f"(?<=[A-Za-z])[{letters}]{{1,2}}(?=[A-Za-z])", text))
        if other and 10 * written >= 9 * other and 10 * inside < written:
            if encoding == "cp932" and re.search("[\u3040-\u30ff]", text):
                return [(encoding, name)]  # kana: Japanese, whatever else reads it
            found.append((encoding, name))
    return found


_CENTRAL = frozenset("ąćęłńśźżĄĆĘŁŃŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽőűŐŰ")


def central_european(raw: bytes) -> list[tuple[str, str]]:
    """`[("cp1250", ...)]` for bytes that read as Polish, Czech or Hungarian text in
    Windows-1250 (nearly all their letters outside ASCII letters, and some of those that
    Western languages lack: ł, ż, ř, ő), else `[]`. Asked of a file that is not Western
    text in Windows-1252 (whose "è" would read as "č").

    Examples:
        >>> central_european("Imię;Nazwisko\\n1;Wiśniewska\\n".encode("cp1250"))
        [('cp1250', 'Central European in Windows-1250')]
        >>> central_european("Größe;Jürgen".encode("cp1252"))
        []
    """
    try:
        text = raw.decode("cp1250")
    except UnicodeDecodeError:
        return []
    other = [c for c in text if not c.isascii()]
    letters = other and 10 * sum(c.isalpha() for c in other) >= 9 * len(other)
    if letters and not _CENTRAL.isdisjoint(other):
        return [("cp1250", "Central European in Windows-1250")]
    return []


def east_asian_error(path: str, problem: Problem, hint: str) -> Problem | None:
    """The error of a file that is not UTF-8 (`problem`, which ends with `hint`), naming
    the encodings it reads in instead, when it reads as Japanese, Chinese or Korean in a
    legacy encoding (Shift_JIS, ...), or as Polish, Czech or Hungarian in Windows-1250;
    None for any other file."""
    with open(path, "rb") as handle:
        raw = handle.read()
    found = east_asian_encodings(raw) or central_european(raw)
    if not found or not problem.message.endswith(hint):
        return None
    if len(found) == 1:
        [(encoding, name)] = found
        said = f"it reads as {name}: give its encoding, --encoding {encoding}, "
        said += f'encoding="{encoding}"'
    else:
        *some, last = [f"{name} (--encoding {encoding})" for encoding, name in found]
        said = f"it reads as {', '.join(some)} or {last}: give its encoding"
    said += ', or save it as "CSV UTF-8"'
    return dataclasses.replace(problem, message=problem.message.removesuffix(hint) + f" ({said})")
