"""A manager outside the file, in a column that writes each manager's id beside a name.

Many HR tools show a manager as a name with an id ("Anouk Brevik (FT-01)", "GT0001 -
Arvind Sethuraman"), and `orgroles.importers.id_forms` reads such a cell as the row whose
id it writes. A manager who is not in the file (another entity's, or left out of the
report) is then written the same way, "Ilse Groen (FT-15)": kept as written, that text
would be a manager id that no later export could ever match. When the column's other
cells were read so, such a cell is kept as the id it writes (one with a digit), with one
warning for them all (code `unknown-manager`), so that the chart and `check` (S002) name
the missing manager as the file names people.

Examples:
    >>> from orgroles.importers.csv_map import RecordLocator
    >>> from orgroles.importers.columns import Columns
    >>> at = RecordLocator(Columns().resolve(["id"]))
    >>> reports = [None, "Ana Lima (E-2)", "Ilse Groen (E-15)"]
    >>> note = keep_outside_ids(["E-1", "E-2", "E-3"], reports, at)
    >>> reports, note.code
    ([None, 'Ana Lima (E-2)', 'E-15'], 'unknown-manager')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from orgroles.errors import Problem
from orgroles.importers.id_forms import and_more, id_parts

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator

__all__ = ["keep_outside_ids"]

_DIGIT = re.compile(r"\d")


def keep_outside_ids(
    ids: list[str], reports_to: list[str | None], locator: Locator
) -> Problem | None:
    """Keep each manager cell that matches no row but writes one id beside a name (with
    a digit, and not the row's own) as that id, in place; a note for them, or None.
    Call it only for a column whose other cells were read as ids beside names."""
    known = set(ids)
    found: list[tuple[int, str, str]] = []
    for i, value in enumerate(reports_to):
        if value is None or value in known:
            continue
        parts = id_parts(value)
        if len(parts) == 1 and _DIGIT.search(parts[0]) and parts[0] not in (value, ids[i]):
            found.append((i, value, parts[0]))
    if not found:
        return None
    for i, _, part in found:
        reports_to[i] = part
    i, value, part = found[0]
    others = and_more(len(found) - 1, "kept so", "kept so")
    return Problem(
        f"no row has the manager {value!r}, nor the id {part!r} it writes beside a name, as "
        f"the column's other cells write the rows' ids: kept as the unknown manager {part!r}"
        f"{others}",
        locator.location(i, "manager"),
        locator.where(i, "manager"),
        code="unknown-manager",
    )
