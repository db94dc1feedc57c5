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
    wanted = {form for v in unknown for form in (v, forms[v]) if form}
    columns: set[str] = set()  # those that hold a manager: the rows that hold one tell
    for meta in metas:
        if _holds(wanted, meta):
            columns.update(k for k, v in meta.items() if type(v) is str and v in wanted)
    best: tuple[int, str, dict[str, int]] | None = None
    for column in sorted(columns):
        cells = [v if type(v := meta.get(column)) is str else None for meta in metas]
        hits = wanted.intersection(cells)
        reads = sum(1 for v in unknown if v in hits or forms[v] in hits)
        if not reads or reads * 2 < len(unknown) or (best is not None and reads <= best[0]):
            continue
        present = [v for v in cells if v is not None and v != ""]
        if len(set(present)) != len(present):  # not a key: two rows have a value
            continue
        index = {v: i for i, v in enumerate(cells) if v in hits}
        found = {v: j for v in unknown if (j := _row(index, v, forms[v])) is not None}
        best = (len(found), column, found)
    if best is None:
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


def _holds(wanted: set[str], meta: Mapping[str, Any]) -> bool:
    """Whether a row's meta holds one of the `wanted` texts (a JSON record's list is none)."""
    try:
        return not wanted.isdisjoint(meta.values())  # in C: most rows hold none
    except TypeError:  # an unhashable value: a list, a nested object
        return any(type(v) is str and v in wanted for v in meta.values())
