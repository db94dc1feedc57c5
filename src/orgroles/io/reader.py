"""Read org and catalogue files (YAML or JSON) into validated models, with locations.

Loading is strict about form and lenient about structure: a wrong type, an unknown key,
a duplicate id or an unreadable file is an `OrgFileError` that
lists every problem with its file, line and column; a dangling reference or a cycle
loads fine and is left to the rules.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import ValidationError

from orgroles._internal import gc as _gc
from orgroles._internal.moved import moved
from orgroles._internal.validators import validator
from orgroles.errors import Location, OrgFileError, Problem
from orgroles.io.json_marks import JsonMarks, plain_sections
from orgroles.io.json_strict import strict_loads
from orgroles.io.problems import (
    ID_SECTIONS,
    Marks,
    duplicate_ids,
    free_form_problems,
    problems_from_validation,
)
from orgroles.io.yaml_reader import YamlMarks, read_yaml
from orgroles.limits import MAX_FILE_BYTES

__all__ = [
    "FORMATS",
    "Format",
    "Source",
    "decode",
    "format_from_suffix",
    "parse_document",
    "read_file",
    "sniff_format",
]

Format = Literal["yaml", "json"]
FORMATS: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


T = TypeVar("T")


__getattr__ = moved(__name__, {"gc_paused": "orgroles._internal.gc"})


@dataclass
class Source:
    """Where an org came from, so that reports can point at its lines.

    A YAML file read without every position (see `read_yaml()`) keeps its text, and
    is read again, once, the first time a position other than an item's is asked for.
    """

    path: str | None
    format: str
    marks: Marks | None = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)
    _items: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)

    def positions(self, section: str) -> list[tuple[int, int]]:
        """The (line, column) of each item of a top-level list (`roles`, ...), cached."""
        found = self._items.get(section)
        if found is None:
            found = self._items[section] = self.marks.items(section) if self.marks else []
        return found

    def item_locator(self, section: str) -> Callable[[int], tuple[int, int] | None]:
        """The (line, column) of item `k` of a top-level list, for many items asked for
        in file order (see `JsonMarks.item_locator()`)."""
        marks = self.marks
        if isinstance(marks, JsonMarks):
            return marks.item_locator(section)
        found = self.positions(section)
        return lambda k: found[k] if 0 <= k < len(found) else None

    def id_locator(
        self, section: str, positions: Callable[[], Mapping[str, int]]
    ) -> Callable[[str], Location | None]:
        """The location of the items of `section` by id, for ids asked for in file order
        (as a report asks): nothing is worked out before the first call; `positions()`
        then gives each id's place in the section, and only the lines of the items asked
        for are counted (see `JsonMarks.item_locator()`)."""
        found: list[Callable[[str], Location | None]] = []

        def locate(item_id: str) -> Location | None:
            if not found:
                at, get, make = self.item_locator(section), positions().get, Location.make

                def located(item_id: str) -> Location | None:
                    k = get(item_id)
                    position = at(k) if k is not None else None
                    return None if position is None else make(self.path, *position)

                found.append(located)
            return found[0](item_id)

        return locate

    def _full_marks(self) -> Marks | None:
        marks = self.marks
        if isinstance(marks, YamlMarks) and not marks.complete and self.text is not None:
            with _gc.gc_paused():
                marks = self.marks = read_yaml(self.text, self.path)[1]
        return marks

    def location(self, loc: tuple[str | int, ...], *, key: bool = False) -> Location:
        """The location of any node, or the nearest ancestor that exists; with `key`,
        of the key of a mapping entry rather than its value."""
        marks = self._full_marks()
        position = marks.position(loc, key=key) if marks is not None else None
        return Location(self.path, *position) if position else Location(self.path)


def format_from_suffix(path: str | os.PathLike[str]) -> Format:
    """The format of a file from its suffix.

    Examples:
        >>> format_from_suffix("org.yml")
        'yaml'
        >>> format_from_suffix("org.txt")
        Traceback (most recent call last):
        ...
        orgroles.errors.OrgFileError: org.txt: unknown file type '.txt': use .yaml, .yml or .json
    """
    suffix = Path(path).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    if os.path.isdir(path):  # a folder named "org" or "data.yaml": what it is, not its suffix
        raise OrgFileError("is a directory, not a file", path=str(path), code="not-found")
    exports = (".csv", ".tsv", ".xlsx", ".xlsm", ".jsonl", ".ndjson")  # what `import csv` reads
    hint = " (import it with 'orgroles import csv')" if suffix in exports else ""
    raise OrgFileError(
        f"unknown file type {suffix or '(none)'!r}: use .yaml, .yml or .json{hint}",
        path=str(path),
        code="file-type",
    )


def sniff_format(text: str) -> Format:
    """Tell JSON from YAML by the content: JSON starts with `[`, or with `{` followed by
    a quoted key or `}`; YAML's own flow style (`{roles: [...]}`) leaves its keys bare.

    Examples:
        >>> sniff_format('  {"roles": []}'), sniff_format("roles: []")
        ('json', 'yaml')
        >>> sniff_format("{roles: [{id: ceo}]}"), sniff_format("{}")
        ('yaml', 'json')
    """
    text = text.lstrip("\ufeff \t\r\n")
    if text[:1] == "[":
        return "json"
    if text[:1] != "{":
        return "yaml"
    return "json" if text[1:].lstrip(" \t\r\n")[:1] in ('"', "}", "") else "yaml"


def decode(raw: bytes, path: str | None, encoding: str | None = None, hint: str = "") -> str:
    """Decode UTF-8 (with or without a byte order mark), UTF-16 with its byte order mark
    (what Excel saves as "Unicode Text"), or `encoding` when it is given; or say where the
    bytes are not that encoding, followed by `hint`.

    Examples:
        >>> decode("Zoé".encode("utf-16"), "a.csv"), decode("Zoé".encode("cp1252"), "a", "cp1252")
        ('Zoé', 'Zoé')
    """
    if encoding is None and raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    name = "UTF-8" if encoding is None else encoding
    try:
        return raw.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = raw.count(b"\n", 0, start) + 1
        column = start - (raw.rfind(b"\n", 0, start) + 1) + 1
        raise OrgFileError(
            f"not valid {name}: byte 0x{raw[start]:02x} cannot start or continue a character{hint}",
            path=path,
            line=line,
            column=column,
            code="encoding",
        ) from None


def read_file(path: str | os.PathLike[str], encoding: str | None = None, hint: str = "") -> str:
    """Read a text file for orgroles, with clear errors for every way it can fail (see
    `decode()` for `encoding` and `hint`)."""
    name = str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise OrgFileError(
                f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})",
                path=name,
                code="too-large",
            )
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise OrgFileError("no such file", path=name, code="not-found") from None
    except IsADirectoryError:
        raise OrgFileError("is a directory, not a file", path=name, code="not-found") from None
    except OSError as exc:
        raise OrgFileError(f"cannot read: {exc.strerror or exc}", path=name, code="io") from None
    return decode(raw, name, encoding, hint)


def _sorted(problems: list[Problem]) -> list[Problem]:
    def key(p: Problem) -> tuple[int, int]:
        loc = p.location
        return (loc.line or 0, loc.column or 0) if loc else (0, 0)

    return sorted(problems, key=key)


def parse_document(
    text: str, format: Format, model: type[T], path: str | None = None
) -> tuple[T, Source]:
    """Parse and validate `text` against `model`; return the model and its source.

    Raises `OrgFileError` with every problem found, each one located.
    """
    _refuse_surrogates(text, path)
    if format == "json":
        return _parse_json(text, model, path)
    if format != "yaml":
        raise OrgFileError(f"unknown format {format!r}: use 'yaml' or 'json'", path=path)
    # Read fast, without positions; a document with problems is read again to place them.
    # As for JSON, the data read is dropped before the collector runs again.
    with _gc.gc_paused():
        data, marks, problems = read_yaml(text, path, locate=False)
        if problems:
            data, marks, problems = read_yaml(text, path)
        source = Source(path, "yaml", marks, text)
        if data is None and not problems:
            raise OrgFileError(
                "the file is empty: an org file is a mapping with at least 'roles'",
                path=path,
                line=1,
                column=1,
                code="empty",
            )
        problems += free_form_problems(data, source.location)
        try:
            document: T = validator(model).validate_python(data)
        except ValidationError as exc:
            # The ids of a document that validates are checked when the org is built.
            problems += _raw_duplicates(data, source)
            problems += problems_from_validation(exc, data, source._full_marks(), path, model)
            problems += _export_hint(data, model, path, json=False)
        if problems:
            raise OrgFileError(_sorted(problems))
        del data
    return document, source


def _refuse_surrogates(text: str, path: str | None) -> None:
    """Text given as `str` may hold lone surrogates, which no UTF-8 file can: refuse them
    (a file is decoded strictly, so this concerns text from Python only)."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        at = exc.start
        char = text[at]
        line = text.count("\n", 0, at) + 1
        raise OrgFileError(
            f"a lone surrogate (U+{ord(char):04X}) is not a character: "
            "was the text decoded from UTF-8 with errors='surrogateescape'?",
            path=path,
            line=line,
            column=at - (text.rfind("\n", 0, at) + 1) + 1,
            code="encoding",
        ) from None


def _parse_json(text: str, model: type[T], path: str | None) -> tuple[T, Source]:
    # The strict reader refuses what Python's json lets through (repeated keys, NaN, ...);
    # the schema then validates the data, as for YAML. The parsed data is dropped before
    # the collector runs again: else its first pass would walk millions of dicts that are
    # about to go (a second of a million roles' load).
    with _gc.gc_paused():
        data = strict_loads(text, path)
        source = Source(path, "json", JsonMarks(text))
        problems = free_form_problems(data, source.location)
        try:
            document: T = validator(model).validate_python(data)
        except ValidationError as exc:
            problems += _raw_duplicates(data, source)
            problems += problems_from_validation(exc, data, source.marks, path, model)
            problems += _export_hint(data, model, path, json=True)
        if problems:
            raise OrgFileError(_sorted(problems))
        plain = plain_sections(data)  # the items that a search finds, if a report needs them
        del data
    if plain:
        source.marks = JsonMarks(text, plain)
    return document, source


_ROLE_KEYS = frozenset(("kind", "reports_to", "holder", "title"))
"""Keys that tell a role from a person or a team."""


def _export_hint(data: Any, model: type, path: str | None, json: bool) -> list[Problem]:
    """A note for an HR export given as an org file, with the command that imports it: a
    JSON list of people, or an object with no key of an org file that holds one
    (`import csv`); GitLab's team page (`import gitlab`)."""
    fields = getattr(model, "__dataclass_fields__", {})
    if "roles" not in fields:
        return []  # not an org file's model (a catalogue, say)
    rows = data
    if isinstance(data, Mapping):
        if not set(data).isdisjoint(fields):
            return []  # an org file with mistakes: its own problems say which
        rows = next((v for v in data.values() if isinstance(v, list) and v), None)
    if not isinstance(rows, list) or not rows or not all(isinstance(r, Mapping) for r in rows):
        return []
    if all("slug" in r for r in rows[:20]):
        command = "gitlab"  # GitLab's team.yml
    elif rows is data and all("id" in r for r in rows) and any(_ROLE_KEYS & set(r) for r in rows):
        return [  # roles written at the top, without the `roles:` key above them
            Problem(
                "this list holds roles: an org file is a mapping, so "
                + (
                    'wrap the list as {"roles": [...]}'
                    if json
                    else "write 'roles:' on the line above the list and indent the list under it"
                ),
                Location(path, 1, 1),
                code="type",
            )
        ]
    elif json:
        command = "csv"  # which reads JSON exports
    else:
        return []
    from shlex import quote  # an error's path only

    name = quote(path) if path else "FILE"
    return [
        Problem(
            "this looks like an HR export (a list of people), not an org file: import it "
            f"with 'orgroles import {command} {name} -o org.yaml'",
            Location(path),
            code="file-type",
        )
    ]


def _raw_duplicates(data: Any, source: Source) -> list[Problem]:
    """Duplicate ids in parsed data that may not validate (so that all problems show)."""
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    for section in ID_SECTIONS:
        items = data.get(section)
        if isinstance(items, list):
            ids = (x.get("id") if isinstance(x, dict) else None for x in items)
            problems += duplicate_ids(section, ids, source.location)
    return problems
