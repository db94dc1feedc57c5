"""The seniority of a job title: what its seniority words say, beside the kind it names.

Examples:
    >>> from orgroles.catalog._title_index import Entry
    >>> senior = (0, 1, Entry(None, None, "senior", 1, "senior"))
    >>> seniority_of([senior]), seniority_of([senior], 1, 3, own=("manager",))
    ('senior', 'manager')
"""

from __future__ import annotations

from orgroles.catalog._title_index import Found
from orgroles.model import SENIORITIES, Seniority

__all__ = ["seniority_of"]

_RANK = {level: rank for rank, level in enumerate(SENIORITIES)}


def seniority_of(
    levels: list[Found],
    start: int = 0,
    end: int = 0,
    own: tuple[Seniority, ...] = (),
    inside: tuple[Seniority, ...] = (),
) -> Seniority | None:
    """The highest seniority the title says outside the pattern at `start:end`.

    Inside the pattern, a seniority word counts only when it is one of the kind's own
    seniorities (the "manager" of "Product Manager" is not a seniority; that of "Sales
    Manager" is), or one of `inside`, or a VP's; a kind with seniorities has at least the
    first, unless its pattern names a VP ("VP People" is no chief; "VP & CTO" is).

    Examples:
        >>> from orgroles.catalog._title_index import Entry
        >>> manager = (1, 2, Entry(None, None, "manager", 1, "manager"))
        >>> seniority_of([manager], 0, 2), seniority_of([manager], 0, 2, own=("manager",))
        (None, 'manager')
    """
    said: list[Seniority] = []
    named_vp = False  # the pattern names a VP ("VP People" of the people chief's kind)
    for s, e, entry in levels:
        level = entry.level
        assert level is not None
        within = start <= s and e <= end
        named_vp = named_vp or (within and level == "vp")
        if e <= start or s >= end or (within and (level in own or level in inside or named_vp)):
            said.append(level)
    if own and not named_vp and not any(level in own for level in said):
        said.append(own[0])
    if not said:
        return None
    highest: Seniority = max(said, key=_RANK.__getitem__)
    return highest
