"""A did-you-mean for an unknown key of an org file: a close spelling first
(`reports-to`, `reportsTo`), then the word people use for what a key holds (`manager:`
for `reports_to`, `employee:` for `holder`), which no spelling distance finds.

A word is suggested only where its key exists: `manager` is `reports_to` in a role and
`lead` in a team.

Examples:
    >>> role_keys = ["id", "title", "kind", "holder", "reports_to", "responsibilities"]
    >>> key_hint("manager", role_keys), key_hint("reportsTo", role_keys)
    (" (did you mean 'reports_to'?)", " (did you mean 'reports_to'?)")
    >>> key_hint("manager", ["id", "name", "lead", "members"])
    " (did you mean 'lead'?)"
    >>> key_hint("Job Title", role_keys), key_hint("colour", role_keys)
    (" (did you mean 'title'?)", '')
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from orgroles._internal.suggest import suggestion_suffix

__all__ = ["MEANT", "key_hint"]

MEANT: dict[str, tuple[str, ...]] = {
    "manager": ("reports_to", "lead"),
    "managerid": ("reports_to",),
    "linemanager": ("reports_to",),
    "boss": ("reports_to", "lead"),
    "parent": ("reports_to",),
    "parentid": ("reports_to",),
    "supervisor": ("reports_to",),
    "reports": ("reports_to",),
    "head": ("lead",),
    "leader": ("lead",),
    "person": ("holder",),
    "people": ("holder",),
    "employee": ("holder",),
    "owner": ("holder",),
    "incumbent": ("holder",),
    "assignee": ("holder",),
    "who": ("holder",),
    "type": ("kind",),
    "role": ("kind",),
    "job": ("title",),
    "jobtitle": ("title",),
    "position": ("title",),
    "duties": ("responsibilities",),
    "tasks": ("responsibilities",),
    "fullname": ("name",),
    "displayname": ("name",),
    "mail": ("email",),
    "interim": ("acting",),
    "since": ("start",),
    "from": ("start",),
    "startdate": ("start",),
    "until": ("end",),
    "enddate": ("end",),
    "dotted": ("dotted_to",),
    "dottedline": ("dotted_to",),
    "matrix": ("dotted_to",),
}
"""Words people use for a key (lower case, without separators) -> the keys they may mean."""

_SEPARATORS = re.compile(r"[\s\-_.]+")


def key_hint(key: str, keys: Sequence[str]) -> str:
    """`" (did you mean 'x'?)"` for the unknown `key` among a mapping's `keys`, or ``""``."""
    hint = suggestion_suffix(key, keys)
    if hint:
        return hint
    meant = MEANT.get(_SEPARATORS.sub("", key.casefold()), ())
    found = next((k for k in meant if k in keys), None)
    return f" (did you mean {found!r}?)" if found is not None else ""
