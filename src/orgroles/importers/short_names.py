"""Manager names written short: a first name alone, or a name without its last words.

A sheet kept by hand often names each manager as the team calls them: by the first name
alone ("Zara"), or with the initial of the last name where two share it ("Sam O"), and a
Spanish or Portuguese export by the first name and the first surname only ("Lucía
García" for Lucía García Ortega, whose "Apellidos" column holds both surnames). Such a
cell matches no row's name. It is read as the one row whose name it shortens: the name's
first words (one at least, not all of them), or its first word and the initial of one of
its other words. A short form that two rows' names give ("Sam" for Sam Okafor and Sam
Whitlock) finds none, and neither does one that is a row's whole name, with or without
its titles (that row is meant: "Ansel Brook" is not Ansel Brook Jr.'s short form).

Examples:
    >>> index = short_forms(["Zara Quennell", "Sam Okafor", "Sam Whitlock", "Lucía García Ortega"])
    >>> index[short_key("Zara")], index[short_key("Sam O.")], index[short_key("Lucía García")]
    ([0], [1], [3])
    >>> index[short_key("Sam")]  # two rows: neither is read
    [1, 2]
    >>> "ansel brook" in short_forms(["Dr. Ansel Brook", "Ansel Brook Jr."])
    False
    >>> short_key("  sam   O. ")
    'sam o'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from orgroles.importers.id_forms import loose_name
from orgroles.importers.name_titles import bare_name, may_have_titles

__all__ = ["short_forms", "short_key", "unique_short_forms"]

_NOT_SHORT = re.compile(r"[\d@]")  # an id or an email: no name


def short_key(text: str) -> str:
    """A manager cell as the short forms are written: loosely (`loose_name`), each word
    without a final period ("Sam O." as "sam o")."""
    loose = loose_name(text)
    return " ".join(w.rstrip(".") or w for w in loose.split()) if "." in loose else loose


def _bare(name: str) -> str:
    loose = loose_name(name)
    return short_key(bare_name(name)) if may_have_titles(loose) else short_key(loose)


def short_forms(
    names: Sequence[str | None], wanted: Collection[str] | None = None
) -> dict[str, list[int]]:
    """The rows each short form of the names stands for (a row's index in `names`), but
    not forms that are a row's whole name; only the forms `wanted` (as `short_key` writes
    them), when given: a name whose first word starts none of them is not looked at."""
    firsts = None if wanted is None else {w.split(" ", 1)[0] for w in wanted if w}
    index: dict[str, list[int]] = {}
    whole: set[str] = set()
    for i, name in enumerate(names):
        if not name:
            continue
        if firsts is not None and not firsts.intersection(name.casefold().split()[:2]):
            continue  # no wanted form starts with its first words (or after a title)
        bare = _bare(name)
        whole.update((bare, short_key(name)))
        words = bare.split()
        forms = {" ".join(words[:k]) for k in range(1, len(words))}
        forms.update(f"{words[0]} {word[0]}" for word in words[1:])
        for form in forms if wanted is None else forms.intersection(wanted):
            index.setdefault(form, []).append(i)
    return {form: rows for form, rows in index.items() if form not in whole}


def unique_short_forms(
    names: Sequence[str | None], cells: Iterable[str | None], known: Collection[str] = ()
) -> set[str]:
    """The short forms among `cells` (manager cells; not those with a digit or an `@`, nor
    those `known` as they are, loosely) that one row's name alone gives, as the header
    guess counts a manager cell that names a row.

    Examples:
        >>> names = ["Ana Lima", "Ana Diaz", "Bo Park"]
        >>> sorted(unique_short_forms(names, ["Ana", "Bo", "Ana L.", "Cy", "B0"]))
        ['ana l', 'bo']
    """
    wanted = {
        short_key(c)
        for c in cells
        if c and _NOT_SHORT.search(c) is None and loose_name(c) not in known
    }
    if not wanted:
        return set()
    return {form for form, rows in short_forms(names, wanted).items() if len(rows) == 1}
