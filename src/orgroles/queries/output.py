"""How `orgroles query` prints roles: text for people, JSON and CSV for programs."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from orgroles._internal.text import table
from orgroles.queries.hierarchy import layers, span

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role

__all__ = ["FIELDS", "query_csv", "query_json", "query_text", "role_record"]

FIELDS = ("id", "title", "kind", "holders", "manager", "layer", "span")
"""The columns of `orgroles query`'s JSON and CSV output."""


def role_record(org: OrgCore, role: Role, lang: str = "en") -> dict[str, Any]:
    """One role as a flat record: id, title, kind, holders' names, manager, layer, span."""
    index = org.index
    i = index.pos[role.id]
    depth = index.depth[i]
    return {
        "id": role.id,
        "title": org.title_of(role, lang),
        "kind": role.kind,
        "holders": [p.display_name for p in org.holders_of(role)],
        "manager": role.reports_to,
        "layer": depth + 1 if depth >= 0 else None,
        "span": index.span(i),
    }


def query_text(
    org: OrgCore, roles: Sequence[Role], lang: str = "en", numbers: Sequence[str] = ()
) -> str:
    """One line per role (id, title, holders, and the `numbers` asked for: "span",
    "layer"), in aligned columns, then a count.

    Examples:
        >>> import orgroles
        >>> org = orgroles.load("examples/three_person_tech_team.yaml")
        >>> print(query_text(org, org.select("under:ceo")), end="")
        cto    Chief Technical Officer  Camille Roux
        dev-1  Developer                Yanis Perrin
        dev-2  Developer                Léa Marchand
        3 roles
        >>> print(query_text(org, org.select("span>0"), numbers=["span"]), end="")
        ceo  Chief Executive Officer  Noor Haddad   span 1
        cto  Chief Technical Officer  Camille Roux  span 2
        2 roles
    """
    rows = [
        [
            role.id,
            org.title_of(role, lang),
            ", ".join(p.display_name for p in org.holders_of(role)) or "(vacant)",
        ]
        for role in roles
    ]
    for key in numbers:  # the numbers that a selector compared, beside each role
        found: Mapping[str, int | None] = span(org) if key == "span" else layers(org)
        for row, role in zip(rows, roles, strict=True):
            row.append(f"{key} {found[role.id] if found[role.id] is not None else '-'}")
    lines = table(rows)
    lines.append(f"{len(roles):,} role{'' if len(roles) == 1 else 's'}")
    return "\n".join(lines) + "\n"


def query_json(org: OrgCore, roles: Sequence[Role], lang: str = "en") -> str:
    """A JSON list of role records: what ``json.dumps(records, indent=2,
    ensure_ascii=False)`` writes, each record written from a template (a query may list a
    million roles, and the encoder's Python code for indented output is slow).

    Examples:
        >>> import orgroles
        >>> org = orgroles.load("examples/three_person_tech_team.yaml")
        >>> records = [role_record(org, r) for r in org.roles.values()]
        >>> query_json(org, list(org.roles.values())) == json.dumps(
        ...     records, indent=2, ensure_ascii=False) + "\\n"
        True
    """
    if not roles:
        return "[]\n"
    items = [_record_json(role_record(org, r, lang)) for r in roles]
    return "[\n" + ",\n".join(items) + "\n]\n"


_encode: Callable[[str], str] = json.encoder.encode_basestring  # as json.dumps writes a str


def _record_json(record: dict[str, Any]) -> str:
    """One record as an item of the list that `json.dumps(..., indent=2)` writes."""
    kind, manager, layer = record["kind"], record["manager"], record["layer"]
    holders = record["holders"]
    if not (
        type(kind) in (str, type(None))
        and type(manager) in (str, type(None))
        and type(layer) in (int, type(None))
        and type(record["span"]) is int
    ):  # never expected: whatever json.dumps makes of it
        text = json.dumps(record, indent=2, ensure_ascii=False)
        return "  " + text.replace("\n", "\n  ")
    people = "[]"
    if holders:
        people = "[\n      " + ",\n      ".join(map(_encode, holders)) + "\n    ]"
    return (
        f'  {{\n    "id": {_encode(record["id"])},\n    "title": {_encode(record["title"])},\n'
        f'    "kind": {"null" if kind is None else _encode(kind)},\n    "holders": {people},\n'
        f'    "manager": {"null" if manager is None else _encode(manager)},\n'
        f'    "layer": {"null" if layer is None else int.__repr__(layer)},\n'
        f'    "span": {int.__repr__(record["span"])}\n  }}'
    )


def query_csv(org: OrgCore, roles: Sequence[Role], lang: str = "en") -> str:
    """CSV with a header; holders are joined with '; '."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for role in roles:
        record = role_record(org, role, lang)
        record["holders"] = "; ".join(record["holders"])
        writer.writerow(record)
    return out.getvalue()
