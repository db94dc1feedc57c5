"""Manager ids written as another key of the rows: a directory's distinguished name, a uid.

A directory export (LDAP's `ldapsearch` turned into CSV, Active Directory's
`Get-ADUser`) names each person's manager by its distinguished name
("uid=tjessop,ou=People,dc=acme,dc=example"), which is in the manager's own row, in a
column (`dn`, `DistinguishedName`) that is not the id the import chose (an employee
number). Its first part holds the manager's `uid` or `sAMAccountName`, another column.
Read as ids, every such manager is unknown.

So, when manager ids match no row, the import looks for them among the columns that no
option maps and whose values are all different (a key of the rows): a manager cell that
is one row's value there, or whose first part of a distinguished name is
(`uid=tjessop,...` for `tjessop`), is read as that row, when this column reads at least
half of the managers that match no row. One note says which column, code `other-key`.

Examples:
    >>> metas = [{"dn": "uid=ana,ou=People"}, {"dn": "uid=bo,ou=People"}]
    >>> reports_to = [None, "uid=ana,ou=People"]
    >>> _ = match_other_keys(["1", "2"], metas, reports_to, {}, None)
    >>> reports_to
    [None, '1']
    >>> rdn_value("uid=tjessop,ou=People,dc=acme"), rdn_value(r"CN=Lima\\, Ana,OU=Users")
    ('tjessop', 'Lima, Ana')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from orgroles.errors import Problem
from orgroles.importers.id_forms import and_more

if TYPE_CHECKING:
    from orgroles.importers.rows import Locator

__all__ = ["match_other_keys", "rdn_value"]

_RDN = re.compile(r"\s*[A-Za-z][\w-]*\s*=\s*((?:\\.|[^,\\+])+?)\s*,")


def rdn_value(value: str) -> str | None:
    """The value of the first part of a distinguished name ("uid=tjessop,ou=..." gives
    `tjessop`), or None for a text that is not one."""
    found = _RDN.match(value) if "=" in value and "," in value else None
    return re.sub(r"\\(.)", r"\1", found.group(1)) if found else None


def match_other_keys(
    ids: Sequence[str],
    metas: Sequence[Mapping[str, Any]],
    reports_to: list[str | None],
    dotted: dict[int, tuple[str, ...]],
    locator: Locator | None,
) -> list[Problem]:
    """Read the manager ids that match no row as the rows whose other key they are (see
    the module); `reports_to` and `dotted` are changed in place. The note, or none."""
    known = set(ids)
    unknown = {m for m in reports_to if m is not None and m not in known}
    unknown.update(v for values in dotted.values() for v in values if v not in known)
    if not unknown:
        return []
    forms = {v: rdn_value(v) for v in unknown}
    best: tuple[int, str, dict[str, int]] | None = None
    for column in dict.fromkeys(k for meta in metas for k in meta):
        index: dict[str, int] = {}
        unique = True
        for i, meta in enumerate(metas):
            value = meta.get(column)
            if value is None or value == "":
                continue
            text = str(value)
            if text in index:
                unique = False
                break
            index[text] = i
        if not unique or not index:
            continue
        found = {v: j for v in unknown if (j := _row(index, v, forms[v])) is not None}
        if found and (best is None or len(found) > best[0]):
            best = (len(found), column, found)
    if best is None or best[0] * 2 < len(unknown):
        return []
    _, column, found = best
    changed: list[tuple[int, str]] = []
    for i, boss in enumerate(reports_to):
        j = found.get(boss) if boss is not None else None
        if j is not None and j != i:
            reports_to[i] = ids[j]
            changed.append((i, boss))  # type: ignore[arg-type]  # not None: found
    for i, values in dotted.items():
        dotted[i] = tuple(
            ids[j] if (j := found.get(v)) is not None and j != i else v for v in values
        )
    if not changed:
        return []
    i, value = changed[0]
    held = found[value]
    return [
        Problem(
            f"no row has the manager id {value!r}; it is the {column!r} of the row "
            f"{ids[held]!r}, a column whose values are all different, so it is read as "
            f"{ids[held]!r}" + and_more(len(changed) - 1, "read so"),
            None if locator is None else locator.location(i, "manager"),
            "" if locator is None else locator.where(i, "manager"),
            code="other-key",
        )
    ]


def _row(index: dict[str, int], value: str, rdn: str | None) -> int | None:
    j = index.get(value)
    if j is None and rdn is not None:
        j = index.get(rdn)
    return j
