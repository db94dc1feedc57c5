"""Name one role the way a person would: by its id, its exact title, or a selector.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/scaleup_cto_cpo.yaml")
    >>> find_role(org, "cto").id, find_role(org, "chief product officer").id
    ('cto', 'cpo')
    >>> find_role(org, "holder:marc").id
    'cto'
    >>> find_role(org, "Developer")
    Traceback (most recent call last):
    ...
    orgroles.errors.OrgUsageError: 'Developer' names 5 roles: dev-platform-1, ...; name one by its id
"""  # noqa: E501

from __future__ import annotations

from typing import TYPE_CHECKING

from orgroles.errors import OrgUsageError, SelectorError, UnknownRoleError
from orgroles.selectors.syntax import parse

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.model import Role

__all__ = ["find_role"]

_LISTED = 10


def find_role(org: OrgCore, text: str) -> Role:
    """The one role that `text` names: an id first, then a title (exactly, in any case),
    then a selector (`holder:ana`, `kind:cto`).

    Raises `UnknownRoleError` (with a did-you-mean over ids and
    titles) when nothing matches, and `OrgUsageError` listing
    them when several roles do.
    """
    found = org.roles.get(text)
    if found is not None:
        return found
    wanted = text.casefold().strip()
    matches = [r for r in org.roles.values() if org.title_of(r).casefold() == wanted]
    if not matches and (":" in text or "~" in text or text.strip() in ("vacant", "acting")):
        try:
            matches = parse(text).select(org)
        except SelectorError:
            matches = []
    if len(matches) == 1:
        return matches[0]
    if not matches:
        titles = {org.title_of(r) for r in org.roles.values()}
        raise UnknownRoleError(text, [*org.roles, *titles])
    shown = ", ".join(r.id for r in matches[:_LISTED])
    more = f", ... ({len(matches)} in all)" if len(matches) > _LISTED else ""
    raise OrgUsageError(f"{text!r} names {len(matches)} roles: {shown}{more}; name one by its id")
