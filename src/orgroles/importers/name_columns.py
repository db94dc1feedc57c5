"""Which columns of an export's header hold its people's names, and in what order.

A first and a last name (with a Dutch particle, "van der", and a middle name between
them), or a full name. Japanese and Korean exports give the family name first
("高森 遥"). A middle name column is read when most of its names are more than initials
("J", "M."): "Mohammed Irfan Shaikh", but "Dorian Hartwell" for Dorian J. Hartwell.

Examples:
    >>> header = {"first name": "First Name", "middle name": "Middle Name", "last name": "Last Name"}
    >>> cells = {"Middle Name": ["Irfan", None, "Kaur", "K"]}
    >>> def first(names, taken=()):
    ...     return next((header[n] for n in names if n in header and header[n] not in taken), None)
    >>> name_columns(first, (), cells.__getitem__)
    ('First Name', 'Middle Name', 'Last Name')
    >>> cells["Middle Name"] = ["J", "M.", None, "Anne"]
    >>> name_columns(first, (), cells.__getitem__)
    ('First Name', 'Last Name')
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from orgroles.importers.header_names import (
    FAMILY_FIRST,
    FIRST,
    FULL,
    LAST,
    MIDDLES,
    PARTICLES,
    header_key,
)

__all__ = ["name_columns"]


def name_columns(
    first: Callable[..., str | None],
    taken: Collection[str],
    values: Callable[[str], Sequence[str | None]],
) -> tuple[str, ...]:
    """The name columns: a first and a last name (and what goes between them), or a full
    name, or none. `first(names, taken)` is the header's first column among some names
    and not taken; `values(column)` its cells."""
    first_name, last_name = first(FIRST, taken), first(LAST, taken)
    if first_name and last_name:
        if header_key(first_name) in FAMILY_FIRST:  # "高森 遥": the family name first
            return (last_name, first_name)
        between = [first(PARTICLES, taken)]  # "van der"
        middle = first(MIDDLES, taken)
        if middle and _names_more_than_initials([v for v in values(middle) if v]):
            between.insert(0, middle)
        return (first_name, *(c for c in between if c), last_name)
    full = first(FULL, taken)
    return (full,) if full else ()


def _names_more_than_initials(cells: Sequence[str]) -> bool:
    """Whether most of a middle name column's names are more than an initial."""
    return 2 * sum(len(v.strip(" .")) > 1 for v in cells) > len(cells)
