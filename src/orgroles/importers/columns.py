"""Which column of an HR export holds what: the `Columns` mapping and the presets.

An import names its columns explicitly (`id_col="Employee #"`), through a preset of an
HR tool's usual column names (`preset="bamboohr"`), or both: an explicit column always
wins over the preset's. `Columns.resolve()` checks the mapping against the header of
the file and says, with a did-you-mean and the list of columns that exist, what is wrong.

Examples:
    >>> header = ["Employee #", "First Name", "Last Name", "Job Title", "Reporting to", "Phone"]
    >>> found = Columns(preset="bamboohr").resolve(header)
    >>> found.id_col, found.name_col, found.manager_by, found.manager_col
    ('Employee #', ('First Name', 'Last Name'), 'name', 'Reporting to')
    >>> found.meta_cols
    ('Phone',)
    >>> Columns(id_col="Employee", preset="bamboohr").resolve(header)
    Traceback (most recent call last):
    ...
    orgroles.errors.OrgFileError: <string>:1: no column 'Employee' for the id
    (did you mean 'Employee #'?); the columns are: 'Employee #', 'First Name', ...
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from orgroles._internal.suggest import did_you_mean
from orgroles.errors import Location, OrgFileError, OrgValidationError, Problem
from orgroles.importers.header_names import header_key
from orgroles.importers.lookups import Lookup
from orgroles.importers.presets import PRESETS, ManagerBy, Preset, preset_names

__all__ = [
    "COLUMN_HELP",
    "MANAGER_FIELDS",
    "PRESETS",
    "Columns",
    "Lookup",
    "ManagerBy",
    "Preset",
    "ResolvedColumns",
    "options_error",
    "preset_names",
    "unknown_column",
]

MANAGER_FIELDS: dict[str, ManagerBy] = {
    "manager_col": "id",
    "manager_email_col": "email",
    "manager_name_col": "name",
}
"""The options that name the manager's column, and how each reads it."""

COLUMN_HELP = {
    "id_col": "The row's id (for the role and the person).",
    "name_col": "The person's name; repeat it (first, last name) to join columns with a space.",
    "title_col": "The role's title.",
    "email_col": "The person's work email.",
    "manager_col": "The manager's id.",
    "manager_email_col": "The manager's email, matched against the emails (the domain in "
    "any case, the part before @ exactly, as mail servers compare them).",
    "manager_name_col": "The manager's display name, matched exactly against the names.",
    "dotted_col": "The dotted-line (matrix) manager: an id, email or name (whichever the "
    "column's values match); several separated by ';' or '|'.",
    "department_col": "The department: each one becomes a team.",
    "kind_col": "The role's kind (a catalogue id such as cto).",
    "kind_from_col": "How the kind was found (title, department; empty: declared). With it, "
    "nothing is inferred: the data says.",
    "family_col": "The seat's family (company function: sales, finance, ...).",
    "seniority_col": "The seat's seniority (junior, senior, ..., director, vp, chief).",
    "holder_col": "The id of the person in the seat (empty: vacant). The id column itself: "
    "each person is known by their seat's id, and a row without a name and an email is "
    "vacant.",
    "start_col": "The seat's first day (a hire date: a row is one person's job).",
    "end_col": "The seat's last day (a termination date).",
    "effective_col": "The day from which the row holds (Workday's effective-dated rows): "
    "an id may have several rows, and its manager changes become dated lines.",
    "status_col": "The row's status (Active, Terminated, Onboarding; or a yes-or-no "
    "column such as Active): the rows of people who left are left out, or kept vacant "
    "when others report to them; those who have not started hold planned seats.",
}
"""A line of help for each column option, for the command line (`--id-col` ...)."""

# The options of one column each that go straight into a field of the role or person.
_SINGLE = (
    "title_col",
    "kind_col",
    "kind_from_col",
    "family_col",
    "seniority_col",
    "holder_col",
    "email_col",
    "department_col",
    "start_col",
    "end_col",
    "effective_col",
    "dotted_col",
)
# The status column is read and kept in `meta` too: "On leave" is worth showing.

# What each column is called in messages ("no column 'X' for the title").
_NO_ID = "no column has the name of an id ('id', 'Employee ID', 'Matricule', ...) or of an email"

_PURPOSE = {
    "id_col": "the id",
    "name_col": "the name",
    "title_col": "the title",
    "kind_col": "the kind",
    "kind_from_col": "how the kind was found",
    "family_col": "the family",
    "seniority_col": "the seniority",
    "holder_col": "the holder",
    "email_col": "the email",
    "manager_col": "the manager's id",
    "manager_email_col": "the manager's email",
    "manager_name_col": "the manager's name",
    "dotted_col": "the dotted-line manager",
    "department_col": "the department",
    "start_col": "the first day",
    "end_col": "the last day",
    "effective_col": "the effective day",
    "status_col": "the status",
}


@dataclass(frozen=True)
class ResolvedColumns:
    """A mapping checked against a header: every column named here exists in it.

    `meta_cols` are the columns that no option maps: their values go into each role's
    `meta`, keyed by the column name.
    """

    header: tuple[str, ...]
    id_col: str
    name_col: tuple[str, ...] = ()
    title_col: str | None = None
    kind_col: str | None = None
    kind_from_col: str | None = None
    family_col: str | None = None
    seniority_col: str | None = None
    holder_col: str | None = None
    email_col: str | None = None
    manager_col: str | None = None
    manager_by: ManagerBy = "id"
    dotted_col: str | None = None
    department_col: str | None = None
    start_col: str | None = None
    end_col: str | None = None
    effective_col: str | None = None
    status_col: str | None = None
    meta_cols: tuple[str, ...] = ()


@dataclass(frozen=True)
class Columns:
    """Which column holds what, as the user gave it (each field a column name, or None).

    These are the column options of `orgroles.from_csv()`, `orgroles.from_records()`
    and `orgroles import csv` (`--id-col` ...):

    `id_col`
        The row's id: it becomes the role's and the person's id. Ids stay text
        (`0001` keeps its zeros); a missing or repeated id is an error.
    `name_col`
        The person's name: one column, or several (first and last name) joined by a space.
    `title_col`, `email_col`, `kind_col`
        The role's title, the person's work email, and the role's kind (a catalogue id).
    `family_col`, `seniority_col`, `kind_from_col`
        The seat's family and seniority, and how its kind was found (`title`,
        `department`, or empty for a declared kind). With `kind_from_col`, nothing is
        inferred from the titles: the data says what was (the CSV that `to_csv` writes).
    `holder_col`
        The id of the person in the seat, when it is not the row's id; an empty value makes
        a vacant seat. `to_csv()` writes this column.
    `manager_col`, `manager_email_col`, `manager_name_col`
        Who the manager is, by exactly one of: id; email (matched case-insensitively
        against `email_col`); display name (matched exactly, after trimming). A manager
        that matches no row is kept as it is written: the rule S002 reports it. A name or
        email that matches no row also gives an `OrgImportWarning`;
        one that matches several rows is an error.
    `dotted_col`
        The dotted-line (matrix) manager, given by id, email or name: the reading that
        matches the most rows, whatever the manager column's. Several in one cell are
        separated by `;` or `|` (a JSON export may give a list).
    `department_col`
        The department: each distinct value becomes a team of the roles that have it.
    `start_col`, `end_col`
        The seat's first and last days (`YYYY-MM-DD`): a hire date and a termination
        date (a row is one person's job: hired in the future, it is a planned seat), or the
        days that `to_csv` writes.
    `effective_col`
        The day from which each row holds, for exports with a row per change (Workday's
        effective-dated rows): an id may then have several rows; its manager changes
        become dated reporting lines, and its latest row gives the rest.
    `status_col`
        The row's status ("Active", "Terminated", "On leave", "Onboarding"), or a
        yes-or-no column (`Active`, `accountEnabled`). A row of someone who left, with
        no last day, is left out, or kept as a vacant seat when others report to it; a
        row of someone who has not started, with no first day, is a planned seat (see
        `orgroles.importers.status`).
        The status stays in each role's `meta`, as a column that no option maps.
    `keep_left`
        True reads no status: every row is a current one.
    `preset`
        `bamboohr`, `workday`, `odoo`, `google` or `d3`: the usual column names
        of that tool (see `PRESETS`), filling in every column not given. Without a
        preset and without `id_col`, the columns not given are guessed from the header,
        else the `orgroles` preset applies (the columns that `to_csv()` writes).

    Examples:
        >>> Columns(id_col="id", name_col="Full name").name_col
        ('Full name',)
        >>> Columns(id_col="id", manager_col="boss", manager_name_col="Boss")
        Traceback (most recent call last):
        ...
        orgroles.errors.OrgValidationError: give one way to find the manager,
        not 2: manager_col, manager_name_col
    """

    id_col: str | None = None
    name_col: tuple[str, ...] = field(default=())
    title_col: str | None = None
    kind_col: str | None = None
    kind_from_col: str | None = None
    family_col: str | None = None
    seniority_col: str | None = None
    holder_col: str | None = None
    email_col: str | None = None
    manager_col: str | None = None
    manager_email_col: str | None = None
    manager_name_col: str | None = None
    dotted_col: str | None = None
    department_col: str | None = None
    start_col: str | None = None
    end_col: str | None = None
    effective_col: str | None = None
    status_col: str | None = None
    preset: str | None = None
    keep_left: bool = False

    def __post_init__(self) -> None:
        names: Any = self.name_col  # a single column name is welcome too
        object.__setattr__(self, "name_col", (names,) if isinstance(names, str) else tuple(names))
        if self.preset is not None and self.preset not in PRESETS:
            raise options_error(
                f"unknown preset {self.preset!r}{_hint(self.preset, PRESETS)}; "
                f"the presets are: {', '.join(PRESETS)}",
                code="preset",
            )
        if self.keep_left and self.status_col is not None:
            raise options_error(
                "keep_left (--keep-left) reads no status: give it or status_col "
                "(--status-col), not both",
                code="columns",
            )
        given = [f for f in MANAGER_FIELDS if getattr(self, f) is not None]
        if len(given) > 1:
            raise options_error(
                f"give one way to find the manager, not {len(given)}: {', '.join(given)}"
            )

    @classmethod
    def of(cls, **options: str | Sequence[str] | bool | None) -> Columns:
        """Columns from keyword options, refusing an unknown one with a did-you-mean.

        Examples:
            >>> Columns.of(id_col="Employee #", preset="bamboohr").id_col
            'Employee #'
            >>> Columns.of(title="Job Title")
            Traceback (most recent call last):
            ...
            orgroles.errors.OrgValidationError: unknown column option 'title'
            (did you mean 'title_col'?)
        """
        names = [f.name for f in fields(cls)]
        for key in options:
            if key not in names:
                raise options_error(f"unknown column option {key!r}{_hint(key, names)}")
        if options.get("name_col") is None:
            options.pop("name_col", None)
        return cls(**options)  # type: ignore[arg-type]

    @property
    def names_manager(self) -> bool:
        """Whether a column of the manager is given (by id, email or name)."""
        return any(getattr(self, f) for f in MANAGER_FIELDS)

    def _preset(self) -> Preset | None:
        if self.preset is not None:
            return PRESETS[self.preset]
        return PRESETS["orgroles"] if self.id_col is None else None

    def resolve(
        self,
        header: Sequence[str],
        *,
        path: str | None = None,
        line: int = 1,
        exact: bool = False,
    ) -> ResolvedColumns:
        """Check the mapping against a header (the file's first row) and fill in the preset.

        A preset the user chose finds its columns by their words too ("Employee ID" for
        Workday's "Employee_ID"); with `exact` (a guess that tries each preset), or for
        the default `orgroles` preset, only by their exact names.

        Raises `OrgFileError`, located at the header, for every
        column that does not exist, with a did-you-mean and the list of the columns that do.
        """
        columns = tuple(header)
        present = set(columns)
        preset = self._preset()
        problems: list[Problem] = []
        where = Location(path, line)

        def missing(option: str, column: str) -> None:
            problems.append(unknown_column(column, _PURPOSE[option], columns, where))

        chosen = self
        if preset is not None:
            chosen = self._fill(preset, columns, loose=self.preset is not None and not exact)
        for option in _PURPOSE:
            value = getattr(chosen, option)
            for column in (value,) if isinstance(value, str) else value or ():
                if column not in present:
                    missing(option, column)
        if chosen.id_col is None:
            said, more = (
                (f"the {self.preset} preset looks for " + " or ".join(map(repr, preset.ids)), "")
                if self.preset and preset
                else (_NO_ID, f", or pick a preset ({', '.join(list(PRESETS)[1:])})")
            )
            problems.append(
                Problem(
                    f"no id column: {said}; the columns are: {_listing(columns)}; "
                    f"name the id column with id_col (--id-col), and the other columns "
                    f"to read (--name-col, --manager-col, ...: with --id-col and a manager "
                    f"column, none is guessed){more}",
                    where,
                    code="unknown-column",
                )
            )
        elif preset is not None and self.preset is not None and not chosen.names_manager:
            expected = ", ".join(repr(m) for m in dict.fromkeys(m for _, m, _ in preset.managers))
            problems.append(
                Problem(
                    f"no manager column: the {preset.name} preset looks for {expected}; "
                    f"the columns are: {_listing(columns)}; name it with manager_col, "
                    "manager_email_col or manager_name_col (--manager-col, ...)",
                    where,
                    code="unknown-column",
                )
            )
        if chosen.manager_email_col is not None and chosen.email_col is None:
            problems.append(
                Problem(
                    "finding managers by email needs the column of each row's own email: "
                    "give email_col (--email-col)",
                    where,
                    code="columns",
                )
            )
        if problems:
            raise OrgFileError(problems)
        assert chosen.id_col is not None
        manager_col: str | None = None
        manager_by: ManagerBy = "id"
        for option, how in MANAGER_FIELDS.items():
            if getattr(chosen, option) is not None:
                manager_col, manager_by = getattr(chosen, option), how
        mapped = {chosen.id_col, manager_col, *chosen.name_col}
        mapped.update(getattr(chosen, f) for f in _SINGLE)
        return ResolvedColumns(
            header=columns,
            id_col=chosen.id_col,
            name_col=chosen.name_col,
            title_col=chosen.title_col,
            kind_col=chosen.kind_col,
            kind_from_col=chosen.kind_from_col,
            family_col=chosen.family_col,
            seniority_col=chosen.seniority_col,
            holder_col=chosen.holder_col,
            email_col=chosen.email_col,
            manager_col=manager_col,
            manager_by=manager_by,
            dotted_col=chosen.dotted_col,
            department_col=chosen.department_col,
            start_col=chosen.start_col,
            end_col=chosen.end_col,
            effective_col=chosen.effective_col,
            status_col=chosen.status_col,
            meta_cols=tuple(c for c in columns if c not in mapped),
        )

    def _fill(self, preset: Preset, columns: Sequence[str], *, loose: bool) -> Columns:
        """This mapping with each column not given taken from the preset, if the file has
        it (`loose`: or a column of the same words)."""
        present = set(columns)

        # A preset's name matches its column as the tool writes it, or as another export
        # of the tool spells it: Workday's API writes "Employee_ID" and "Email_-_Work",
        # its reports "Employee ID" and "Email - Work" (the same words, as header_key
        # reads them).
        spelled: dict[str, str] = {}
        for column in columns if loose else ():  # the first of two spellings in the file
            spelled.setdefault(header_key(column), column)

        def named(candidate: str) -> str | None:
            return candidate if candidate in present else spelled.get(header_key(candidate))

        def first(candidates: Sequence[str]) -> str | None:
            return next((found for c in candidates if (found := named(c)) is not None), None)

        id_col = self.id_col or first(preset.ids)
        changes: dict[str, object] = {"id_col": id_col}
        if not self.names_manager:
            for how, column, pairs_with in preset.managers:
                found = named(column)
                if found is not None and (pairs_with is None or named(pairs_with) == id_col):
                    option = next(f for f, h in MANAGER_FIELDS.items() if h == how)
                    changes[option] = found
                    break
        if not self.name_col:
            changes["name_col"] = next(
                (
                    tuple(named(c) for c in cols)
                    for cols in preset.names
                    if all(named(c) is not None for c in cols)
                ),
                (),
            )
        for option, candidates in (
            ("title_col", preset.titles),
            ("kind_col", preset.kinds),
            ("kind_from_col", preset.kind_froms),
            ("family_col", preset.families),
            ("seniority_col", preset.seniorities),
            ("holder_col", preset.holders),
            ("dotted_col", preset.dotteds),
            ("email_col", preset.emails),
            ("department_col", preset.departments),
            ("start_col", preset.starts),
            ("end_col", preset.ends),
            ("effective_col", preset.effectives),
            ("status_col", preset.statuses),
        ):
            if getattr(self, option) is None and not (option == "status_col" and self.keep_left):
                changes[option] = first(candidates)  # keep_left: the status goes into meta
        return replace(self, **changes)  # type: ignore[arg-type]


def options_error(message: str, code: str = "columns") -> OrgValidationError:
    """The error of import options that do not fit together (no file or line to name).

    Examples:
        >>> print(options_error("give one way to find the manager"))
        give one way to find the manager
    """
    return OrgValidationError([Problem(message, None, code=code)])


def unknown_column(
    column: str, purpose: str, header: Sequence[str], where: Location | None
) -> Problem:
    """The problem of a column that the header does not have, with a did-you-mean.

    Examples:
        >>> print(unknown_column("job title", "the title", ["Name", "Job Title"], None))
        no column 'job title' for the title (did you mean 'Job Title'?);
        the columns are: 'Name', 'Job Title'
    """
    return Problem(
        f"no column {column!r} for {purpose}{_hint(column, header)}; "
        f"the columns are: {_listing(header)}",
        where,
        code="unknown-column",
    )


def _hint(word: str, candidates: Sequence[str] | dict[str, Preset]) -> str:
    """` (did you mean 'X'?)`, matching case-insensitively first, or nothing."""
    pool = list(candidates)
    folded = {c.casefold(): c for c in pool}
    if word.casefold() in folded:
        return f" (did you mean {folded[word.casefold()]!r}?)"
    found = did_you_mean(word.casefold(), list(folded))
    return f" (did you mean {folded[found[0]]!r}?)" if found else ""


def _listing(columns: Sequence[str], limit: int = 60) -> str:
    if not columns:
        return "(none)"
    shown = ", ".join(repr(c) for c in columns[:limit])
    return shown + (f", ... ({len(columns)} in all)" if len(columns) > limit else "")
