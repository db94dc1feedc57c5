"""Import GitLab's team page: the list of team members that builds about.gitlab.com/company/team.

Each entry has a `slug` (its id), a `type` (`person` or `vacancy`), a `name`,
a `role` (the job title, in HTML), `reports_to` (the manager's slug) and
`departments`. A person becomes a person and the role they hold; a vacancy becomes a
vacant role. Titles become plain text, departments become teams, and every other field
goes into the role's `meta` (the links of the title as `links`, and a vacancy's name
as `name`). A manager who has no entry in the file is kept: the rule S002 reports it.

Examples:
    >>> import orgroles, warnings
    >>> with warnings.catch_warnings(record=True) as caught:  # HTML, a department: warnings
    ...     org = orgroles.from_gitlab("tests/data/gitlab-team/team.yml")
    >>> org
    <Org 'GitLab': 1,368 roles, 1,336 people, 329 teams>
    >>> org.roles["tm-1f172f93"].title
    'Backend Engineer, Manage:Workspace'
    >>> print(caught[0].message)
    tests/data/gitlab-team/team.yml:719:9: [81].role: the role's HTML shows no text (a tag is
    broken?): no title, the HTML is kept as meta 'role'
    tests/data/gitlab-team/team.yml:3435:9: [404].role: the role's HTML shows no text ...
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from html import unescape
from typing import Any

from orgroles._internal.gc import gc_paused
from orgroles.errors import Location, OrgFileError, Problem
from orgroles.importers.rows import Cell, Imported, KindsMode, Rows, build_document
from orgroles.io.problems import format_where
from orgroles.io.reader import Source, read_file
from orgroles.io.yaml_reader import YamlMarks, read_yaml

__all__ = ["ENTRY_KEYS", "GITLAB", "gitlab_document", "html_to_text", "job_families"]

GITLAB = "GitLab"
"""The org a GitLab team page file describes: GitLab's own team page names its people."""

ENTRY_KEYS = ("slug", "type", "name", "role", "reports_to", "departments")
"""The keys of an entry that become the org's structure; the others go into `meta`."""

_TYPES = ("person", "vacancy")

# Which key of an entry each field of the import comes from.
_KEY_OF = {
    "id": "slug",
    "holder": "slug",
    "name": "name",
    "title": "role",
    "manager": "reports_to",
    "department": "departments",
}

_JOB_FAMILY = re.compile(r"/job-families/([a-z][a-z-]{0,60})/")
_BREAKS = frozenset({"br", "p", "div", "li", "ul", "ol", "tr", "td", "th"})
_OPENER = re.compile(r"<[A-Za-z/!?]")
_SPECIAL = re.compile(r"[>\"']")
_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)")
_ATTRIBUTE = re.compile(r"""([^\s/=>"']+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>"']*))?""")


def _tag_end(html: str, start: int) -> int:
    """The offset after the `>` that ends the tag at `start`, or -1 if none does.

    Quoted attribute values may hold `>`; comments end at `-->`. Each character is
    looked at once, so a text full of unclosed tags costs one pass.
    """
    if html.startswith("<!--", start):
        end = html.find("-->", start + 4)
        return -1 if end < 0 else end + 3
    if html[start + 1] in "!?":
        end = html.find(">", start)
        return -1 if end < 0 else end + 1
    i = start + 1
    while True:
        found = _SPECIAL.search(html, i)
        if found is None:
            return -1
        if found.group() == ">":
            return found.end()
        close = html.find(found.group(), found.end())  # the end of a quoted value
        if close < 0:
            return -1
        i = close + 1


def html_to_text(html: str) -> tuple[str, list[str]]:
    """The text of an HTML snippet, as a browser shows it on one line, and its links.

    Tags are dropped (text outside them is kept), entities are decoded and runs of white
    space become one space. What is left of a broken tag (one that is never closed) is
    dropped too, as a browser would not show it. One pass, linear in the length of the
    HTML, whatever it holds (Python's html.parser is quadratic on unclosed tags).

    Examples:
        >>> html_to_text('<a href="/job-families/backend/">Backend Engineer</a>, Manage:Workspace')
        ('Backend Engineer, Manage:Workspace', ['/job-families/backend/'])
        >>> html_to_text('<a href="">Director, FP&amp;A</a>')
        ('Director, FP&A', [])
        >>> html_to_text("Git contractor at  GitLab")
        ('Git contractor at GitLab', [])
        >>> html_to_text('<a href="/job-families/security/manager</a>')
        ('', [])
    """
    if "<" not in html and "&" not in html:
        return " ".join(html.split()), []
    parts: list[str] = []
    links: list[str] = []
    i, n = 0, len(html)
    while i < n:
        opener = _OPENER.search(html, i)
        if opener is None:
            parts.append(unescape(html[i:]))
            break
        start = opener.start()
        parts.append(unescape(html[i:start]))
        end = _tag_end(html, start)
        if end < 0:
            break  # a tag still open at the end: a browser shows nothing of it
        i = end
        named = _NAME.match(html, start, end)
        if named is None:
            continue  # a comment, a doctype or a processing instruction
        name = named.group(1).lower()
        if name in _BREAKS:
            parts.append(" ")
        elif name == "a" and html[start + 1] != "/":
            for key, value in _ATTRIBUTE.findall(html, named.end(), end - 1):
                href = unescape(value[1:-1] if value[:1] in "\"'" else value)
                if key.lower() == "href" and href.strip():
                    links.append(href)
    return " ".join("".join(parts).split()), links


class _GitlabLocator:
    def __init__(self, path: str, marks: YamlMarks) -> None:
        self._path = path
        self._marks = marks

    def location(self, row: int, what: str) -> Location:
        position = self._marks.position((row, _KEY_OF.get(what, what)))
        return Location(self._path, *position) if position else Location(self._path)

    def where(self, row: int, what: str) -> str:
        return format_where((row, _KEY_OF.get(what, what)))

    def line(self, row: int) -> str:
        position = self._marks.position((row,))
        return f"line {position[0]}" if position else format_where((row,))


_Locate = Callable[[str], tuple[Location, str]]


def _text_or_none(
    entry: dict[str, Any], key: str, locate: _Locate, problems: list[Problem]
) -> str | None:
    """The entry's value for `key`, trimmed; None when absent or empty."""
    value = entry.get(key)
    if isinstance(value, str):
        return value.strip() or None
    if value is not None:
        problems.append(
            Problem(f"expected text for {key!r}, got {_describe(value)}", *locate(key), code="type")
        )
    return None


def gitlab_document(
    path: str | os.PathLike[str], *, name: str | None = None, kinds: KindsMode = "infer"
) -> Imported:
    """Read a GitLab team page file (`team.yml`) as an org document.

    This is what `orgroles.from_gitlab()` does before it builds the org; its
    docstring describes the arguments.
    """
    file = os.fspath(path)
    text = read_file(file)
    with gc_paused():
        data, marks, problems = read_yaml(text, file)
    if problems:
        raise OrgFileError(problems)
    if data is None:
        raise OrgFileError(
            "the file is empty: a team page is a list of entries", path=file, line=1, column=1
        )
    if not isinstance(data, list):
        raise OrgFileError(
            "expected a list of team members (entries with slug, type, name, role, "
            f"reports_to, departments), got a {type(data).__name__}",
            path=file,
            line=1,
            column=1,
            code="type",
        )
    locator = _GitlabLocator(file, marks)
    with gc_paused():
        rows = _rows(data, locator)
        return build_document(
            rows, locator, name=name or GITLAB, source=Source(file, "gitlab"), kinds=kinds
        )


def _rows(entries: list[Any], locator: _GitlabLocator) -> Rows:
    n = len(entries)
    rows = Rows(
        ids=[None] * n,
        names=[None] * n,
        titles=[None] * n,
        emails=[None] * n,
        managers=[None] * n,
        metas=[{} for _ in range(n)],
        departments=[None] * n,
        holders=[None] * n,
        hints=[()] * n,
    )
    problems = rows.problems
    departments: list[Cell] = rows.departments  # type: ignore[assignment]
    holders: list[str | None] = rows.holders  # type: ignore[assignment]
    hints: list[tuple[str, ...]] = rows.hints  # type: ignore[assignment]
    for i, entry in enumerate(entries):

        def locate(key: str, i: int = i) -> tuple[Location, str]:
            return locator.location(i, key), format_where((i, key))

        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    f"expected a mapping (a team member), got {_describe(entry)}",
                    locator.location(i, "entry"),
                    format_where((i,)),
                    code="type",
                )
            )
            rows.skip.add(i)
            continue
        if entry.get("slug") is not None and not isinstance(entry["slug"], str):
            rows.skip.add(i)  # reported here as not text, not again as a missing id
        rows.ids[i] = slug = _text_or_none(entry, "slug", locate, problems)
        kind = entry.get("type") or "person"
        if kind not in _TYPES:
            problems.append(
                Problem(
                    f"unknown type {kind!r}: expected 'person' or 'vacancy'",
                    *locate("type"),
                    code="choice",
                )
            )
        person_name = _text_or_none(entry, "name", locate, problems)
        meta = rows.metas[i]
        if kind == "vacancy":
            if person_name is not None:
                meta["name"] = entry["name"]
        else:
            holders[i] = slug
            rows.names[i] = person_name
        role = _text_or_none(entry, "role", locate, problems)
        if role is not None:
            title, links = html_to_text(role)
            rows.titles[i] = title or None
            if links:
                meta["links"] = links
                hints[i] = job_families(links)
            if not title:
                meta["role"] = role  # keep what the HTML said, for a person to read
                rows.notes.append(
                    Problem(
                        "the role's HTML shows no text (a tag is broken?): no title, "
                        "the HTML is kept as meta 'role'",
                        *locate("role"),
                        code="no-title",
                    )
                )
        rows.managers[i] = _text_or_none(entry, "reports_to", locate, problems)
        departments[i] = _departments(entry.get("departments"), locate, problems)
        for key, value in entry.items():
            if key not in ENTRY_KEYS and value is not None:
                meta[key] = value
    return rows


def job_families(links: list[str]) -> tuple[str, ...]:
    """The job families that a title's links name, as words: hints of the seat's function.

    Examples:
        >>> job_families(["https://handbook.gitlab.com/job-families/people-ops/people-partner/"])
        ('people ops',)
    """
    found = (_JOB_FAMILY.search(link) for link in links)
    return tuple(dict.fromkeys(m.group(1).replace("-", " ") for m in found if m))


def _departments(value: Any, locate: _Locate, problems: list[Problem]) -> Cell:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and all(isinstance(v, str) or v is None for v in value):
        found = [v.strip() for v in value if v and v.strip()]
        return found or None
    problems.append(
        Problem(
            f"expected a list of department names, got {_describe(value)}",
            *locate("departments"),
            code="type",
        )
    )
    return None


def _describe(value: Any) -> str:
    if value is None:
        return "an empty entry"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"the text {str(value)[:40]!r}"
