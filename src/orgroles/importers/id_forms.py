"""Managers written in another form than the rows they name: second readings.

Spreadsheets and pandas rewrite numeric ids on the way out: a column with an empty cell
becomes floats (`2.0` for `2`), and leading zeros are dropped in one column and kept in
another (`42` for `0042`). When a manager id matches no row but exactly one row's id
writes the same whole number, the import reads it as that row, and says so. A manager
cell that writes a row's id with the manager's name, as many HR tools show a person
("Ansel Brook (E-17)", "E-17 - Ansel Brook"), is read as that row. A manager
name is read the same way when it is written last name first ("Brook, Ansel", "BROOK
Ansel"), in other letter case ("ansel brook") or with or without a title ("Dr. Ansel
Brook"): `NameForms`.

Examples:
    >>> number_form("0042"), number_form("2.0"), number_form("7"), number_form("000")
    ('42', '2', '7', '0')
    >>> number_form("A7"), number_form("2.5"), number_form("1e3"), number_form("")
    (None, None, None, None)
    >>> id_parts("Ansel Brook (E-17)"), id_parts("E-17 - Ansel Brook"), id_parts("E-17")
    (('E-17',), ('E-17',), ())
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from unicodedata import normalize

from orgroles.errors import Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from orgroles.importers.rows import Locator

__all__ = [
    "and_more",
    "inner_manager",
    "inner_note",
    "NameForms",
    "first_last",
    "id_parts",
    "listed_lines",
    "loose_name",
    "name_reading",
    "match_id_forms",
    "match_number_forms",
    "number_form",
    "rows_by",
    "turned_round",
]

_WHOLE = re.compile(r"0*(\d+)(?:\.0*)?")
# An id beside a name: "Ansel Brook (E-17)", "Ansel Brook [E-17]", "E-17 - Ansel Brook".
_BRACKETED = re.compile(r"[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*$")
_DASHED = re.compile(r"\s+[-\u2013\u2014|]\s+")
_DIGIT = re.compile(r"\d")


def number_form(text: str) -> str | None:
    """The whole number an id writes, without leading zeros; None when it writes none."""
    found = _WHOLE.fullmatch(text)
    return found.group(1) if found else None


def id_parts(text: str) -> tuple[str, ...]:
    """The parts of a cell that may be an id written beside a name: the text in the last
    brackets ("Ansel Brook (E-17)"), the one word before or after a dash or a bar ("E-17 -
    Ansel Brook", "Ansel Brook | E-17"), or else a first or last word with a digit in it
    ("Ansel Brook E17", as Zoho People writes a person); none for a cell of one word.

    The caller takes a part only when it is a row's id.

    Examples:
        >>> id_parts("Ansel Brook - E-17"), id_parts("Ansel Brook 1017"), id_parts("Ansel Brook")
        (('E-17',), ('1017',), ())
    """
    if text.endswith((")", "]")):
        found = _BRACKETED.search(text)
        return (found.group(1),) if found else ()
    if " - " in text or " \u2013 " in text or " \u2014 " in text or " | " in text:
        pieces = _DASHED.split(text.strip())
        ends = (pieces[0], pieces[-1]) if len(pieces) > 1 else ()
        return tuple(p for p in ends if p and " " not in p)
    words = text.split()
    if len(words) < 2:
        return ()
    return tuple(w for w in (words[-1], words[0]) if _DIGIT.search(w))


_DN_NAME = re.compile(r"\s*cn\s*=\s*((?:\\.|[^,\\])+)", re.IGNORECASE)
# A name with the link to its page: Notion's relation, "Ana Lima (https://www.notion.so/
# Ana-Lima-6f1c...)", or Markdown's "[Ana Lima](https://...)".
_LINKED_NAME = re.compile(
    r"\s*(?:\[([^\]]+)\]\(https?://[^\s)]*\)|([^()]+?)\s*\((?:https?://|www\.)[^\s()]*\))\s*"
)
_BRACKETED_EMAIL = re.compile(r"[^<>]*<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+)\s*>\s*")


def inner_manager(value: str, by_email: bool) -> str | None:
    """The name or email that a manager cell holds in a wider form, or None: the name
    of a directory's distinguished name ("CN=Ana Lima,OU=Users,DC=acme,DC=com", as
    Active Directory exports give a manager), a name with the link to its page ("Ana Lima
    (https://www.notion.so/Ana-Lima-6f1c)", as Notion exports a relation), or the address
    of a mail header's form ("Ana Lima <ana@acme.example>").

    Examples:
        >>> inner_manager(r"CN=Lima\\, Ana,OU=Users,DC=acme,DC=com", False)
        'Lima, Ana'
        >>> inner_manager("Ana Lima <ana@acme.example>", True)
        'ana@acme.example'
        >>> inner_manager("Ana Lima (https://www.notion.so/Ana-Lima-6f1c?pvs=21)", False)
        'Ana Lima'
        >>> inner_manager("[Ana Lima](https://wiki.acme.example/ana)", False)
        'Ana Lima'
        >>> inner_manager("Ana Lima", False), inner_manager("ana@acme.example", True)
        (None, None)
    """
    if by_email:
        found = _BRACKETED_EMAIL.fullmatch(value) if value.endswith(">") else None
        return found.group(1) if found else None
    if "http" in value or "www." in value:
        linked = _LINKED_NAME.fullmatch(value)
        return (linked.group(1) or linked.group(2)).strip() if linked else None
    found = _DN_NAME.match(value) if "=" in value else None
    if found is None:
        return None
    return re.sub(r"\\(.)", r"\1", found.group(1)).strip() or None


def inner_note(inner: list[tuple[int, str, str]], what: str, locator: Locator) -> Problem:
    """One note for the manager cells read by the name or email they hold (see
    `inner_manager()`): (row, cell, what it holds) of each, the first located."""
    i, value, held = inner[0]
    if what == "email":
        said = f"it holds the address {held!r}"
    elif _DN_NAME.match(value):
        said = f"it is the distinguished name of {held!r}, as a directory writes it"
    else:
        said = f"it is {held!r} with the link to a page, as Notion writes a relation"
    return Problem(
        f"no row has the manager {what} {value!r}; {said}, so it is read as {held!r}"
        + and_more(len(inner) - 1, "of that form"),
        locator.location(i, "manager"),
        locator.where(i, "manager"),
        code="manager-form",
    )


def and_more(more: int, how: str, how_plural: str | None = None) -> str:
    """The end of a note that speaks for other cells too: ", and so are 3 more cells
    <how>" (nothing for none); `how_plural` when the plural says `how` otherwise."""
    if not more:
        return ""
    if more == 1:
        return f", and so is one more cell {how}"
    return f", and so are {more:,} more cells {how_plural or how}"


def listed_lines(locator: Locator, found: Sequence[int], shown: int = 5) -> str:
    """The lines of these rows, the first `shown` of them, then "..." for the others:
    `line 3, line 7, ...`."""
    lines = ", ".join(locator.line(i) for i in found[:shown])
    return lines + (", ..." if len(found) > shown else "")


def match_id_forms(
    ids: list[str],
    reports_to: list[str | None],
    dotted: dict[int, tuple[str, ...]],
    locator: Locator,
) -> list[Problem]:
    """Read each manager id that matches no row as the one row that it writes in another
    form: the same whole number (`2.0` for `2`, code `number-form`), or a row's id beside
    a name ("Ansel Brook (E-17)", code `id-with-name`).

    `reports_to` and `dotted` are changed in place. The result has a note for each id read
    so; an id that no row's number matches, or several do (`7` and `007`), is left as it is
    (a dangling reference, for the rules to report).
    """
    known = set(ids)
    unknown = [i for i, m in enumerate(reports_to) if m is not None and m not in known]
    if not unknown and all(v in known for values in dotted.values() for v in values):
        return []
    by_number: dict[str, list[str]] = {}
    for rid in ids:
        key = number_form(rid)
        if key is not None:
            by_number.setdefault(key, []).append(rid)
    notes: list[Problem] = []
    beside: list[tuple[int, str, str]] = []  # (row, cell, id): one note for them all

    def read(i: int, value: str) -> str:
        key = number_form(value)
        found = by_number.get(key, []) if key is not None else []
        if len(found) != 1 or found[0] == ids[i]:  # never the row's own id: not a manager
            part = next((p for p in id_parts(value) if p in known and p != ids[i]), None)
            if part is None:
                return value
            beside.append((i, value, part))
            return part
        notes.append(
            Problem(
                f"no row has the manager id {value!r}; the row {found[0]!r} writes the same "
                f"number, so it is read as {found[0]!r} (a spreadsheet or pandas may have "
                "rewritten the ids)",
                locator.location(i, "manager"),
                locator.where(i, "manager"),
                code="number-form",
            )
        )
        return found[0]

    for i in unknown:
        reports_to[i] = read(i, reports_to[i])  # type: ignore[arg-type]  # not None: above
    for i, values in dotted.items():
        dotted[i] = tuple(v if v in known else read(i, v) for v in values)
    if beside:
        i, value, part = beside[0]
        others = and_more(len(beside) - 1, "that writes an id so", "that write an id so")
        notes.append(
            Problem(
                f"no row has the manager id {value!r}; it writes the row {part!r} beside a "
                f"name, so it is read as {part!r}{others}",
                locator.location(i, "manager"),
                locator.where(i, "manager"),
                code="id-with-name",
            )
        )
    return notes


match_number_forms = match_id_forms
"""The name of `match_id_forms()` before it read ids beside names."""


def first_last(text: str) -> str | None:
    """A name written "Last, First" as "First Last"; None when it has not one comma.

    Examples:
        >>> first_last("Brook, Ansel"), first_last("Lima Diaz, Ana María")
        ('Ansel Brook', 'Ana María Lima Diaz')
        >>> first_last("Brook, Ansel, Jr"), first_last("Brook,"), first_last("Ansel Brook")
        (None, None, None)
    """
    last, comma, first = text.partition(",")
    last, first = last.strip(), first.strip()
    if not comma or not last or not first or "," in first:
        return None
    return f"{first} {last}"


# A space between two letters of Chinese, Japanese or Korean, which names may be written
# with or without ("高森 遥", "高森遥", with a full-width space "高森\u3000遥").
_CJK_SPACE = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]) "
    r"(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])"
)


def loose_name(text: str) -> str:
    """A name as compared loosely: one Unicode form, any case, single spaces, none
    between two Chinese, Japanese or Korean letters.

    Examples:
        >>> loose_name("  Ansel   BROOK "), loose_name("高森\u3000遥")
        ('ansel brook', '高森遥')
    """
    loose = " ".join(normalize("NFC", text).casefold().split())
    return loose if loose.isascii() else _CJK_SPACE.sub("", loose)


def rows_by(texts: Sequence[str | None], key: Callable[[str], str]) -> dict[str, list[int]]:
    """The rows of each key: `key(text)` of every text given (a row's name, email, id).

    Examples:
        >>> rows_by(["Ana", None, "ANA", "Bo"], str.casefold)
        {'ana': [0, 2], 'bo': [3]}
    """
    index: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if text:
            index.setdefault(key(text), []).append(i)
    return index


def turned_round(name: str) -> Iterator[str]:
    """The loose forms of a name with its words turned round (each way but its own), as
    the name of a person written last name first with no comma reads.

    Examples:
        >>> list(turned_round("QUILL Mara")), list(turned_round("Ines Claire Morel"))
        (['mara quill'], ['claire morel ines', 'morel ines claire'])
    """
    words = loose_name(name).split()
    return (" ".join(words[k:] + words[:k]) for k in range(1, len(words)))


class NameForms:
    """Second readings of a manager name that matches no row exactly: written last name
    first (with a comma, or with none: the words turned round), in other letter case
    (and spacing), or with or without a title ("Dr. Ansel Brook" for "Ansel Brook", and
    the other way). Each finds a row only when it finds one; the loose indexes of the
    names are made on first use.

    Examples:
        >>> forms = NameForms({"Ansel Brook": [0]}, ["Ansel Brook"])
        >>> forms.read("Brook, Ansel"), forms.read("ansel  BROOK")
        (([0], ('Ansel Brook', 'order')), ([0], ('Ansel Brook', 'case')))
        >>> forms.read("BROOK Ansel")
        ([0], ('Ansel Brook', 'order'))
        >>> forms.read("Ansel")
        ([], None)
        >>> forms.read("Dr. Ansel Brook")
        ([0], ('Ansel Brook', 'title'))
    """

    def __init__(self, index: dict[str, list[int]], names: list[str | None]) -> None:
        self._index = index
        self._names = names
        self._loose: dict[str, list[int]] | None = None
        self._bare: dict[str, list[int]] | None = None
        self._ends: dict[tuple[str, str], list[int]] | None = None

    def read(self, value: str) -> tuple[list[int], tuple[str, str] | None]:
        """The rows a name stands for, and (the name read, how: `order` or `case`)."""
        swapped = first_last(value) if "," in value else None
        if swapped is not None:
            found = self._index.get(normalize("NFC", swapped), [])
            if len(found) == 1:
                return found, (swapped, "order")
            if found:
                return found, None  # several rows: ambiguous, as the name itself would be
        if self._loose is None:
            self._loose = rows_by(self._names, loose_name)
        for text in (value, swapped):
            found = self._loose.get(loose_name(text), []) if text else []
            if len(found) == 1:
                name = self._names[found[0]] or ""
                return found, (name, "case")
            if found:
                return found, None
        found, why = self._turned_round(value)
        if found:
            return found, why
        found, why = self._without_titles(value)
        return (found, why) if found else self._middle(swapped or value)

    def _middle(self, value: str) -> tuple[list[int], tuple[str, str] | None]:
        """The row whose name this is with or without a middle name or initial ("Ruth A
        Adeyemi-Lark", or "Ruth Anne Adeyemi-Lark", for Ruth Adeyemi-Lark; "Ruth A.
        Adeyemi-Lark" for Ruth Anne Adeyemi-Lark): the same first and last words, and the
        middle words, when both names have some, alike or an initial of each other. Rows
        of one name are ambiguous, as the name itself would be; rows of different names
        (John Smith and John Paul Smith, for John P. Smith) find none."""
        from orgroles.importers.name_titles import middles_agree

        words = loose_name(value).split()
        if len(words) < 2:
            return [], None
        if self._ends is None:
            self._ends = {}
            for i, name in enumerate(self._names):
                parts = loose_name(name).split() if name else []
                if len(parts) > 1:
                    self._ends.setdefault((parts[0], parts[-1]), []).append(i)
        found = [
            i
            for i in self._ends.get((words[0], words[-1]), [])
            if middles_agree(words[1:-1], loose_name(self._names[i] or "").split()[1:-1])
        ]
        names = {self._names[i] for i in found}
        if len(names) != 1 or " ".join(words) == loose_name(self._names[found[0]] or ""):
            return [], None
        if len(found) > 1:
            return found, None
        return found, (self._names[found[0]] or "", "middle")

    def _without_titles(self, value: str) -> tuple[list[int], tuple[str, str] | None]:
        """The row whose name this is with or without a title (`name_titles`: "Dr. Ansel
        Brook" for "Ansel Brook", not "Ansel Brook Sr." for "Ansel Brook Jr."). Rows of one
        name are ambiguous, as the name itself would be; rows of different names ("Dr.
        Ansel Brook" and "Ansel Brook Jr.") find none."""
        from orgroles.importers.name_titles import bare_forms, compatible, name_parts

        if self._bare is None:
            self._bare = {}
            for i, name in enumerate(self._names):
                if name:
                    for form in bare_forms(name):
                        self._bare.setdefault(form, []).append(i)
        parts = name_parts(value)
        found = sorted(
            {
                i
                for form in bare_forms(value)
                for i in self._bare.get(form, [])
                if compatible(parts, name_parts(self._names[i] or ""))
            }
        )
        if len({self._names[i] for i in found}) != 1:
            return [], None
        if len(found) > 1:
            return found, None
        return found, (self._names[found[0]] or "", "title")

    def _turned_round(self, value: str) -> tuple[list[int], tuple[str, str] | None]:
        """The rows whose name this is with its words turned round: last name first with
        no comma ("Brook Ansel", "GARCÍA LÓPEZ María": as French and Spanish HR tools show
        a person). Rows of one name are ambiguous, as the name itself would be; rows of
        different names (a rare clash, "Lee Chen" and "Chen Lee" turned) find none."""
        assert self._loose is not None  # made by read()
        found = [i for turned in turned_round(value) for i in self._loose.get(turned, [])]
        names = {self._names[i] for i in found}
        if len(names) != 1:
            return [], None
        if len(found) > 1:
            return found, None
        return found, (self._names[found[0]] or "", "order")


def name_reading(how: str) -> tuple[str, str]:
    """What the note of a name that `NameForms` read says of it, and its code, given how
    it was read (`order`, `case`, `title`, or `other`: a row's other name, see
    `orgroles.importers.other_names`)."""
    if how == "order":
        return "the name written last name first", "name-order"
    if how == "title":
        return "the same name with or without a title such as Dr. or Jr.", "name-title"
    if how == "other":
        return "that row's other name in the file: a display or preferred name", "other-name"
    if how == "job":
        return "the one row with that job title", "manager-title"
    if how == "middle":
        return "the same name with or without a middle name or initial", "name-middle"
    if how == "short":
        return "the one row whose name it shortens: a first name, or its first words", "short-name"
    if how == "accents":
        return "the same name with other accents, or none", "name-accents"
    return "the same name in other letter case or spacing", "letter-case"
