"""The seniority of a job title: what its seniority words say, beside the kind it names.

Examples:
    >>> from orgroles.catalog._title_index import Entry
    >>> senior = (0, 1, Entry(None, None, "senior", 1, "senior"))
    >>> seniority_of([senior]), seniority_of([senior], 1, 3, own=("manager",))
    ('senior', 'manager')
"""

from __future__ import annotations

from orgroles.catalog._title_index import Entry, Found
from orgroles.catalog._title_text import LEVELS
from orgroles.model import SENIORITIES, Seniority

__all__ = ["LEADS", "compound_levels", "seniority_of"]

_RANK = {level: rank for rank, level in enumerate(SENIORITIES)}

LEADS: tuple[Seniority, ...] = ("lead", "manager", "director", "vp")
"""The levels of those who lead others. Said in the pattern of a kind that is no chief's,
one is the title's seniority even when the kind is at others: a "Call Centre Team Leader"
is a support manager at `lead`, a "Leiter Vertrieb" a head of sales at `manager`."""

_LAST_PARTS = ("leiterin", "leiter", "chef", "direktorin", "direktor", "directeur", "manager")
"""Seniority words that end German, Dutch and Swedish compounds ("Vertriebsleiter",
"Försäljningschef", "Salesdirecteur"), with their level in `LEVELS`."""


def compound_levels(words: list[str]) -> list[Found]:
    """The seniority said by the last part of each compound word of a title: the
    "leiter" (a manager) of "Vertriebsleiter", the "chef" of "Försäljningschef". A word
    that is a seniority word itself ("Abteilungsleiter", "Teamleiter") says its own, and
    is left to `LEVELS`.

    Examples:
        >>> [(s, e, f.level) for s, e, f in compound_levels(["vertriebsleiter", "dach"])]
        [(0, 1, 'manager')]
        >>> [f.level for _, _, f in compound_levels(["forsaljningsdirektor"])]
        ['director']
        >>> compound_levels(["teamleiter", "kundenservice"]), compound_levels(["chef"])
        ([], [])
    """
    found: list[Found] = []
    for at, word in enumerate(words):
        if (word,) in LEVELS:
            continue
        for part in _LAST_PARTS:
            if word.endswith(part) and len(word) >= len(part) + 3:
                level = LEVELS[(part,)] if (part,) in LEVELS else LEVELS[("director",)]
                found.append((at, at + 1, Entry(None, None, word, 1, level)))
                break
    return found


def seniority_of(
    levels: list[Found],
    start: int = 0,
    end: int = 0,
    own: tuple[Seniority, ...] = (),
    inside: tuple[Seniority, ...] = (),
    whole: bool = False,
) -> Seniority | None:
    """The highest seniority the title says outside the pattern at `start:end`.

    Inside the pattern, a seniority word counts only when it is one of the kind's own
    seniorities (the "manager" of "Product Manager" is not a seniority; that of "Sales
    Manager" is), or one of `inside` (for a kind that is no chief's: `LEADS`), or a VP's.
    A kind with seniorities has at least the first, unless its pattern names a VP ("VP
    People" is no chief; "VP & CTO" is) or says a level of `inside` ("Sales Team Lead"
    is a sales manager at `lead`). With `whole` (a family's pattern), a pattern that is a
    level's words alone says that level: a "Capocantiere" (a site's foreman) is a lead.

    Examples:
        >>> from orgroles.catalog._title_index import Entry
        >>> manager = (1, 2, Entry(None, None, "manager", 1, "manager"))
        >>> seniority_of([manager], 0, 2), seniority_of([manager], 0, 2, own=("manager",))
        (None, 'manager')
        >>> lead = (1, 2, Entry(None, None, "lead", 1, "lead"))
        >>> own = ("manager",)
        >>> seniority_of([lead], 0, 2, own), seniority_of([lead], 0, 2, own, LEADS)
        ('manager', 'lead')
        >>> seniority_of([lead], 1, 2), seniority_of([lead], 1, 2, whole=True)
        (None, 'lead')
    """
    said: list[Seniority] = []
    named_vp = False  # the pattern names a VP ("VP People" of the people chief's kind)
    stated = False  # the pattern says a level of `inside` ("Team Lead", "Leiter")
    for s, e, entry in levels:
        level = entry.level
        assert level is not None
        within = start <= s and e <= end
        named_vp = named_vp or (within and level == "vp")
        stated = stated or (within and level in inside)
        exact = whole and (s, e) == (start, end)  # the pattern is the level ("Capocantiere")
        counts = within and (level in own or level in inside or named_vp)
        if e <= start or s >= end or exact or counts:
            said.append(level)
    if own and not named_vp and not stated and not any(level in own for level in said):
        said.append(own[0])
    if not said:
        return None
    highest: Seniority = max(said, key=_RANK.__getitem__)
    return highest
