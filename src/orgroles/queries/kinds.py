"""How well the kinds of an org are known: how many titles were matched, and which were not.

An importer fills in each role's kind (or, failing that, its family) from its job title
(`orgroles.infer_kind()`); these queries say what that left unknown, so that a user
can add a title to a catalogue or a kind to a role.

Examples:
    >>> import orgroles
    >>> org = orgroles.from_records([
    ...     {"id": "1", "title": "Directrice technique"},
    ...     {"id": "2", "title": "Développeuse", "reports_to": "1"},
    ...     {"id": "3", "title": "Wizard of Light", "reports_to": "1"},
    ... ])
    >>> found = kinds_found(org)
    >>> found.titled, found.with_kind, found.with_family, found.share
    (3, 2, 2, 0.6666666666666666)
    >>> found.unmatched
    [('Wizard of Light', 1)]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["KindsFound", "kinds_found"]


@dataclass(frozen=True)
class KindsFound:
    """What is known of the kinds of an org's titled roles.

    `titled` roles have a title; `with_kind` of them have a kind (declared or
    inferred), `with_family` a kind or at least a family; `inferred` counts the roles
    whose kind or family was inferred (`kind_from` set); `unmatched` lists the titles of
    the roles with neither, most frequent first.
    """

    titled: int
    with_kind: int
    with_family: int
    inferred: int
    unmatched: list[tuple[str, int]]

    @property
    def share(self) -> float:
        """The share of titled roles whose kind or family is known (1.0 with no title)."""
        return self.with_family / self.titled if self.titled else 1.0

    def summary(self, most: int = 5) -> str:
        """One line for people: the share matched and the most frequent unmatched titles.

        A title matched names a kind or, at least, a function (a family): how many of
        those name a function only is said when some do.

        Examples:
            >>> KindsFound(10, 7, 9, 9, [("Wizard", 1)]).summary()
            "kinds: 9 of 10 titles matched (90.0%), 2 of them a function only (no kind); not matched: 'Wizard' (1)"
            >>> KindsFound(4, 4, 4, 4, []).summary()
            'kinds: 4 of 4 titles matched (100%)'
        """  # noqa: E501
        share = f"{self.share:.0%}" if self.share in (0.0, 1.0) else f"{min(self.share, 0.999):.1%}"
        line = f"kinds: {self.with_family:,} of {self.titled:,} titles matched ({share})"
        if self.with_family > self.with_kind:
            line += f", {self.with_family - self.with_kind:,} of them a function only (no kind)"
        if self.unmatched:
            shown = ", ".join(f"{t!r} ({n:,})" for t, n in self.unmatched[:most])
            more = len(self.unmatched) - most
            line += f"; not matched: {shown}" + (f", and {more:,} more" if more > 0 else "")
        return line


def kinds_found(org: OrgCore) -> KindsFound:
    """What is known of the kinds of `org`'s titled roles (see `KindsFound`)."""
    titled = with_kind = with_family = inferred = 0
    unmatched: Counter[str] = Counter()
    for role in org.roles.values():
        if role.kind_from is not None:
            inferred += 1
        if not role.title:
            continue
        titled += 1
        if role.kind is not None:
            with_kind += 1
            with_family += 1
        elif role.family is not None:
            with_family += 1
        else:
            unmatched[role.title] += 1
    return KindsFound(titled, with_kind, with_family, inferred, unmatched.most_common())
