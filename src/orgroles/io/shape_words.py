"""How to write a section of an org file that has the wrong shape, said with the
author's own data: a person written as a name, roles written as a mapping of ids.

Examples:
    >>> shape_hint(("people", 0), "Camille Roux")
    ': write a person as {id: camille-roux, name: Camille Roux}'
    >>> shape_hint(("roles", 2), "cto")
    ': write a role as {id: cto}'
    >>> shape_hint(("roles",), {"ceo": {"kind": "ceo"}})
    ": write each role as a list item, its key as its id ('- id: ceo', its keys under it)"
    >>> shape_hint(("roles", 0, "kind"), "cto")
    ''
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["shape_hint"]

_ONE = {"people": "person", "roles": "role", "teams": "team"}
_NOT_ID = re.compile(r"[^\w]+")


def shape_hint(loc: tuple[str | int, ...], value: Any) -> str:
    """What to write instead of `value` at `loc` (`": write ..."`), or ``""``."""
    if not loc or loc[0] not in _ONE:
        return ""
    one = _ONE[str(loc[0])]
    if len(loc) == 1 and isinstance(value, dict) and value:
        first = next(iter(value))
        return (
            f": write each {one} as a list item, its key as its id "
            f"('- id: {first}', its keys under it)"
        )
    if len(loc) == 2 and isinstance(value, str) and value.strip() and len(value) <= 80:
        text = value.strip()
        ident = _NOT_ID.sub("-", text.casefold()).strip("-") or "x"
        if ident == text or one == "role":
            return f": write a {one} as {{id: {ident}}}"
        return f": write a {one} as {{id: {ident}, name: {text}}}"
    return ""
