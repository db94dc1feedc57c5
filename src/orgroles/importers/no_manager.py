"""Manager cells that say there is no manager: "n/a", "none", "0", "self", "TBD".

Examples:
    >>> sorted(w for w in NO_MANAGER if w in {"self", "tbd", "n/a", "\u2014"})
    ['n/a', 'self', 'tbd', '\u2014']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgroles.errors import Problem

if TYPE_CHECKING:
    from collections.abc import Callable

    from orgroles.importers.kinds import Cell
    from orgroles.importers.rows import Locator

__all__ = ["NO_MANAGER", "drop_no_manager"]


NO_MANAGER = frozenset(
    [
        "none",
        "null",
        "nil",
        "n/a",
        "na",
        "#n/a",
        "-",
        "--",
        "0",
        "no manager",
        "no_manager",
        "nomanager",
        "no-manager",
        "no supervisor",
        "kein",
        "aucun",
        "aucune",
        "ninguno",
        "nessuno",
        "keine",
        "keiner",
        "geen",
        "n.v.t.",
        "nvt",
        "n.a.",
        "\u2013",
        "\u2014",
        "self",
        "tbd",
        "tbc",
        "tba",
        "?",
        "??",
    ]
)
"""What exports write in a manager cell for no manager (in any case), and what a sheet
typed by hand writes for its top person: "self", "TBD", a dash (en or em)."""


def drop_no_manager(
    managers: list[Cell], known: Callable[[], set[str]], locator: Locator
) -> Problem | None:
    """Empty the manager cells that say "no manager" (`NO_MANAGER`: "NO_MANAGER", "n/a",
    "0", ...) and that name no row (`known()`: the rows' ids, names and emails); a note
    for the first of them, or None when there is none."""
    distinct = {m for m in managers if type(m) is str}
    said = {m for m in distinct if m.strip().casefold() in NO_MANAGER}
    if not said:
        return None
    said -= known()
    if not said:
        return None
    rows = [i for i, m in enumerate(managers) if type(m) is str and m in said]
    for i in rows:
        managers[i] = None
    others = f", and {len(rows) - 1:,} more below" if len(rows) > 1 else ""
    return Problem(
        f"{_managers_text(said)} "
        + ("names no row and stands" if len(said) == 1 else "name no row and stand")
        + f" for no manager: read as none{others}",
        locator.location(rows[0], "manager"),
        locator.where(rows[0], "manager"),
        code="no-manager",
    )


def _managers_text(values: set[str]) -> str:
    """The values, quoted, in order: `'N/A'` or `'N/A' and 'none'`."""
    return " and ".join(repr(v) for v in sorted(values))
