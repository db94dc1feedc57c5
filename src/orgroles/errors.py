"""The exceptions orgroles raises: one root, `OrgError`, and precise subclasses.

Every error caused by outside data says where the problem is (file, line, column and
the path inside the document) and what it is.

Examples:
    >>> from orgroles.errors import Location, Problem, OrgFileError
    >>> err = OrgFileError([Problem("unknown key 'reports_too'", Location("org.yaml", 4, 5),
    ...                             where="roles[1].reports_too", code="unknown-key")])
    >>> print(err)
    org.yaml:4:5: roles[1].reports_too: unknown key 'reports_too'
    >>> isinstance(err, OrgError)
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from orgroles._internal.suggest import did_you_mean
from orgroles.limits import MAX_PROBLEMS
from orgroles.problem_codes import PROBLEM_CODES

__all__ = [
    "EditError",
    "EngineNotFoundError",
    "Location",
    "MissingExtraError",
    "MoreProblems",
    "OrgArgumentError",
    "OrgError",
    "OrgExportError",
    "OrgExportWarning",
    "OrgFileError",
    "OrgImportWarning",
    "OrgUsageError",
    "OrgValidationError",
    "PROBLEM_CODES",
    "Problem",
    "RenderError",
    "capped",
    "RuleConfigError",
    "SelectorError",
    "UnknownIdError",
    "UnknownKindError",
    "UnknownPersonError",
    "UnknownRoleError",
    "UnknownTeamError",
    "UnknownTeamOrRoleError",
]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; `line` and `column` count from 1.

    Examples:
        >>> str(Location("org.yaml", 3, 7))
        'org.yaml:3:7'
        >>> str(Location(None, 3, 7))
        '<string>:3:7'
        >>> str(Location("org.yaml"))
        'org.yaml'
    """

    path: str | None = None
    line: int | None = None
    column: int | None = None

    @classmethod
    def make(cls, path: str | None, line: int | None, column: int | None) -> Location:
        """The same as `Location(path, line, column)`, three times faster (a frozen
        dataclass sets each field through `object.__setattr__`): a report may locate
        half a million violations.

        Examples:
            >>> Location.make("org.json", 1, 12) == Location("org.json", 1, 12)
            True
        """
        made = object.__new__(cls)
        fields = made.__dict__
        fields["path"] = path
        fields["line"] = line
        fields["column"] = column
        return made

    def __str__(self) -> str:
        text = self.path if self.path is not None else "<string>"
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


@dataclass(frozen=True)
class Problem:
    """One problem found in outside data.

    `where` is the path inside the document (`roles[3].reports_to`) and `code` a
    stable, documented name for the kind of problem (`unknown-key`, `duplicate-id`, ...).
    """

    message: str
    location: Location | None = None
    where: str = ""
    code: str = "invalid"

    def __str__(self) -> str:
        parts = [str(self.location)] if self.location is not None else []
        if self.where:
            parts.append(self.where)
        parts.append(self.message)
        return ": ".join(parts)


@dataclass(frozen=True)
class MoreProblems(Problem):
    """Stands for `count` problems that were found but are not listed.

    Examples:
        >>> print(MoreProblems.of(5, "org.yaml"))
        org.yaml: ... and 5 more problems
    """

    count: int = 0

    @classmethod
    def of(cls, count: int, path: str | None = None) -> MoreProblems:
        """`... and N more problems` for a file."""
        where = Location(path) if path is not None else None
        return cls(f"... and {count:,} more problems", where, code="more", count=count)


def capped(problems: Iterable[Problem], path: str | None = None) -> list[Problem]:
    """At most `MAX_PROBLEMS` problems, then one that counts the rest.

    `MoreProblems` already in the list are folded into that count.

    Examples:
        >>> found = capped([Problem(f"p{n}") for n in range(150)])
        >>> len(found), str(found[-1])
        (101, '... and 50 more problems')
    """
    listed: list[Problem] = []
    hidden = 0
    for problem in problems:
        if isinstance(problem, MoreProblems):
            hidden += problem.count
        elif len(listed) < MAX_PROBLEMS:
            listed.append(problem)
        else:
            hidden += 1
    if hidden:
        if path is None:
            path = next((p.location.path for p in listed if p.location is not None), None)
        listed.append(MoreProblems.of(hidden, path))
    return listed


class OrgError(Exception):
    """The root of every exception that orgroles raises on purpose."""


class OrgValidationError(OrgError, ValueError):
    """Data could not be read as an org: it carries the problems found.

    Raised as such for data built in Python, and as `OrgFileError` for files.
    `path`, `line` and `column` are those of the first problem. At most `MAX_PROBLEMS`
    are listed, then one `MoreProblems` that counts the rest, whatever kind they are.
    """

    def __init__(
        self,
        problems: Sequence[Problem] | str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        code: str = "invalid",
    ) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems, Location(path, line, column), code=code)]
        self.problems: list[Problem] = capped(problems)
        first = self.problems[0].location if self.problems else None
        self.path = first.path if first else path
        self.line = first.line if first else line
        self.column = first.column if first else column
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class OrgFileError(OrgValidationError):
    """A file or text could not be read as an org; every problem names its location."""


class OrgImportWarning(UserWarning):
    """An import went through, but some rows deserve a look; `problems` lists them.

    For example, a manager name that matches no row: the import keeps it as an unknown
    manager (the rules report it), and this warning says on which line it is.

    Examples:
        >>> w = OrgImportWarning([Problem("no row has the manager name 'Zed'",
        ...                               Location("staff.csv", 4, 5))])
        >>> print(w)
        staff.csv:4:5: no row has the manager name 'Zed'
        >>> print(OrgImportWarning(*w.args))  # made again from its message
        staff.csv:4:5: no row has the manager name 'Zed'
    """

    def __init__(self, problems: Sequence[Problem] | str) -> None:
        # A message alone is how `type(w)(*w.args)` makes the warning again (pytest-xdist
        # does, to carry it from a worker): one problem that says it all.
        self.problems: list[Problem] = (
            [Problem(problems)] if isinstance(problems, str) else list(problems)
        )
        super().__init__(str(self))

    def __str__(self) -> str:
        shown = [str(p) for p in self.problems[:10]]
        if len(self.problems) > 10:
            shown.append(f"... and {len(self.problems) - 10} more")
        return "\n".join(shown)


class OrgExportWarning(UserWarning):
    """An export had to leave out what its format cannot hold (for example, dotted lines
    in a CSV file); the message says what and how much."""


class UnknownIdError(OrgError, KeyError):
    """An id names nothing; the message suggests close matches."""

    what = "id"

    def __init__(self, key: str, candidates: Iterable[str] = ()) -> None:
        self.key = key
        self.suggestions = did_you_mean(key, candidates)
        super().__init__(key)

    def __str__(self) -> str:
        text = f"unknown {self.what} {self.key!r}"
        if self.suggestions:
            text += " (did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?)"
        return text


class UnknownRoleError(UnknownIdError):
    """No role has this id.

    Examples:
        >>> print(UnknownRoleError("ctoo", ["cto", "cpo", "ceo"]))
        unknown role 'ctoo' (did you mean 'cto'?)
    """

    what = "role"


class UnknownPersonError(UnknownIdError):
    """No person has this id."""

    what = "person"


class UnknownTeamError(UnknownIdError):
    """No team has this id."""

    what = "team"


class UnknownKindError(UnknownIdError):
    """No kind of the catalogue has this id."""

    what = "kind"


class UnknownTeamOrRoleError(UnknownTeamError, UnknownRoleError):
    """Neither a team nor a role has this id (where either is welcome, as in `org.team`).

    Examples:
        >>> print(UnknownTeamOrRoleError("desing", ["design", "cto"]))
        unknown team or role 'desing' (did you mean 'design'?)
    """

    what = "team or role"


class SelectorError(OrgError, ValueError):
    """A selector could not be parsed; `str()` shows a caret under the bad term.

    Examples:
        >>> print(SelectorError("unknown term 'kidn'", "kidn:cto vacant", 0))
        unknown term 'kidn'
          kidn:cto vacant
          ^
    """

    def __init__(self, message: str, selector: str, position: int) -> None:
        self.message = message
        self.selector = selector
        self.position = position
        super().__init__(message)

    def __str__(self) -> str:
        return f"{self.message}\n  {self.selector}\n  {' ' * self.position}^"


class RuleConfigError(OrgError, ValueError):
    """A rule configuration (selection, parameters, custom rule) is malformed."""


class EditError(OrgError, ValueError):
    """An edit of an org cannot be made as asked (for example, removing a manager)."""


class OrgExportError(OrgError, ValueError):
    """An org cannot be written in the format asked for (nothing is written)."""


class OrgUsageError(OrgError, ValueError):
    """A call that orgroles cannot take as written: a negative depth, an unknown format
    name, an unknown option. The message says what is accepted."""


class OrgArgumentError(OrgUsageError, TypeError):
    """A call with an argument the function does not take; the message lists those it takes."""


class MissingExtraError(OrgError, ImportError):
    """An optional dependency is not installed; the message says how to install it."""


class RenderError(OrgError):
    """A chart could not be drawn."""


class EngineNotFoundError(RenderError):
    """The layout engine asked for (Graphviz's `dot`) is not installed."""
