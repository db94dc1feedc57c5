"""A list of typed values in a record's cell: SCIM's multi-valued attributes.

A SCIM 2.0 user (RFC 7643, as identity providers and HR tools serve `/Users`) gives its
emails, phone numbers and addresses as a list of objects, each with a `value`, a `type`
("work", "home") and a `primary` flag:

    "emails": [{"value": "ana@acme.example", "type": "work", "primary": true},
               {"value": "ana@home.example", "type": "home"}]

Where text is expected (the email), such a list stands for the value of its primary item,
else of its `work` item, else of its first: `primary_value()`. A list of anything else
is no text (an error where text is expected, as before).

Examples:
    >>> primary_value([{"value": "a@home.example", "type": "home"},
    ...                {"value": "a@acme.example", "type": "work", "primary": True}])
    'a@acme.example'
    >>> primary_value([{"value": "a@home.example", "type": "home"},
    ...                {"value": "a@acme.example", "type": "work"}])
    'a@acme.example'
    >>> primary_value([{"value": "+1 555 0100"}]), primary_value(["a", "b"]), primary_value([])
    ('+1 555 0100', None, None)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["primary_value"]


def primary_value(value: Any) -> str | None:
    """The text a SCIM multi-valued list stands for, or None when `value` is no list of
    objects that each have a text `value` (and none marked `primary` but one)."""
    if not isinstance(value, (list, tuple)) or not value:
        return None
    if not all(isinstance(v, Mapping) and isinstance(v.get("value"), str) for v in value):
        return None
    primary = [v for v in value if v.get("primary") is True or v.get("primary") == "true"]
    if len(primary) > 1:
        return None
    work = [v for v in value if str(v.get("type", "")).casefold() == "work"]
    chosen = primary[0] if primary else work[0] if work else value[0]
    text = str(chosen["value"]).strip()
    return text or None
