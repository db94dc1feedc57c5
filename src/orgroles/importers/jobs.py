"""A person in two jobs, in an export of people that has a position column too.

Workday's additional jobs, ADP's multiple positions and Oracle HCM's secondary
assignments are each one more row of the same person: the same employee id, the same
name, another job. Read by the employee id, the second row is a duplicate id. When the
header also has a column of positions (`POSITIONS`: "Position ID", "Position Number")
whose every row has one of its own, each row is a seat known by its position, and the
employee id is the person in it (`holder_col`); a manager given by an employee id is
then the seat that person holds (see `orgroles.importers.managers`).

Workday's worker directory has no such column, but a "Position" whose every value starts
with the position's code: "P-00102 Senior Software Engineer" (`coded_positions()`). Its
values, each on one row only, are then the seats' ids.

Examples:
    >>> values = {"Associate ID": ["A1", "A2", "A2"], "Position ID": ["P1", "P2", "P3"],
    ...           "Name": ["Ana", "Bo", "Bo"]}
    >>> jobs_by_position("Associate ID", "Position ID", ("Name",), values.__getitem__)
    True
    >>> values["Name"][2] = "Cy"  # two people given one id: not two jobs
    >>> jobs_by_position("Associate ID", "Position ID", ("Name",), values.__getitem__)
    False
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from orgroles.importers.code_ids import code_column
from orgroles.importers.header_names import names
from orgroles.importers.name_titles import is_honorific

__all__ = ["coded_positions", "graded_title", "jobs_by_position", "plain_title"]

_CODED_HEADERS = frozenset(names("position, job, job position, position name, position title"))
_CODE = re.compile(r"[^\W\d_]{0,6}[-_/.]?\d[\w\-/.]*")  # "POS-0001", "J42", "0042"
_CODED = re.compile(r"[A-Za-z]{0,4}[-_]?\d[\w-]*\s+\S.*")  # "P-00102 Senior Software Engineer"


def jobs_by_position(
    id_col: str,
    position: str | None,
    name_cols: Sequence[str],
    values: Callable[[str], Sequence[str | None]],
) -> bool:
    """Whether the rows are jobs known by `position` rather than people known by `id_col`:
    some id is on several rows, each time with the same name (one person in several jobs),
    and every row has a position of its own."""
    if position is None or position == id_col or not name_cols:
        return False
    ids = values(id_col)
    if len(set(ids)) == len(ids):
        return False
    seats = values(position)
    if any(not p for p in seats) or len(set(seats)) != len(seats):
        return False
    columns = [values(c) for c in name_cols]
    first: dict[str, tuple[str | None, ...]] = {}
    for i, rid in enumerate(ids):
        if rid is None:
            continue
        name = tuple(column[i] for column in columns)
        if first.setdefault(rid, name) != name or not any(name):
            return False  # two people given one id: a duplicate id, reported as such
    return True


def coded_positions(
    header: Sequence[str],
    values: Callable[[str], Sequence[str | None]],
    taken: Collection[str] = (),
) -> str | None:
    """The first column of `header`, not `taken`, named as a position or a job, whose
    values are each a code and a title ("P-00102 Senior Software Engineer"), each on one
    row only; None when there is none.

    Examples:
        >>> values = {"Position": ["P-1 CEO", "P-2 CTO"], "Job": ["CEO", "CTO"]}
        >>> coded_positions(["Job", "Position"], values.__getitem__)
        'Position'
    """
    return code_column(header, values, taken, names=_CODED_HEADERS, code=_CODED)


def _codes(cells: Sequence[str | None]) -> bool:
    """Whether every filled cell is a code (one word with a digit: `POS-0001`), one at least."""
    filled = [c for c in cells if c]
    return bool(filled) and all(_CODE.fullmatch(c) for c in filled)


def plain_title(
    title: str | None, others: Sequence[str], values: Callable[[str], Sequence[str | None]]
) -> str | None:
    """The title column: `title`, unless each of its values is another title column's
    value of the row with something before it (Dayforce's "Position", "Engineering -
    Software Engineer", beside its "Job", "Software Engineer"): then that column's; or
    unless they are all titles before a name ("Mr", "Mrs", "Dr": a UK payroll's
    "Title"), or all codes ("POS-0001", "J42": Dynamics 365's "Position" beside its
    "Job"), then the next of `others`.

    Examples:
        >>> rows = {"Position": ["Eng - Developer", "Ops - SRE"], "Job": ["Developer", "SRE"]}
        >>> plain_title("Position", ["Job"], rows.__getitem__)
        'Job'
        >>> plain_title("Job", ["Position"], rows.__getitem__)
        'Job'
        >>> rows["Position"] = ["POS-0001", "POS-0002"]  # codes, not titles
        >>> plain_title("Position", ["Job"], rows.__getitem__)
        'Job'
        >>> plain_title("Position", ["Grade"], {"Position": ["P1"], "Grade": ["G7"]}.get)
        'Position'
    """
    others = [other for other in others if other != title]
    if title is None or not others:
        return title
    cells = values(title)
    if all(is_honorific(c) for c in cells if c):  # a UK payroll's "Title": Mr, Mrs, Dr
        return plain_title(others[0], others[1:], values)
    if _codes(cells):  # "POS-0001": a code; a column of words is the title
        worded = [other for other in others if not _codes(values(other))]
        if worded:
            return plain_title(worded[0], [o for o in others if o != worded[0]], values)
    for other in others:
        pairs = [(a, b) for a, b in zip(cells, values(other), strict=True) if a]
        if pairs and all(b and len(a) > len(b) and a.endswith(b) for a, b in pairs):
            return other
    return title


_PAY_WORDS = frozenset(("grade", "band", "level", "step", "scale", "class", "tier", "pay"))
_WORD = re.compile(r"[^\W\d_]{4,}")


def graded_title(
    column: str | None, taken: Collection[str], values: Callable[[str], Sequence[str | None]]
) -> str | None:
    """A "Grade" column as the title, in a header with no title column, when each of its
    values has a word of four letters or more that is no pay grade's ("Staff Nurse",
    "Ward Sister", "Matron": a hospital roster's grades are its jobs); not when one is a
    pay grade ("Band 5", "Grade 7", "G7", "SEO"). None otherwise.

    Examples:
        >>> rows = {"Grade": ["Staff Nurse", "Matron"], "Pay": ["Band 5", "G7"]}
        >>> graded_title("Grade", (), rows.__getitem__), graded_title("Pay", (), rows.__getitem__)
        ('Grade', None)
    """
    if column is None or column in taken:
        return None
    cells = [c for c in values(column) if c]
    if not cells:
        return None
    for cell in cells:
        words = [w for w in _WORD.findall(cell) if w.casefold() not in _PAY_WORDS]
        if not words or _CODE.fullmatch(cell):
            return None
    return column
