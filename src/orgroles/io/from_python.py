"""An org document from data built in Python (`Org(**data)`), checked as a file is.

`orgroles.loads()` validates a parsed file with the file model's validator and reports
every problem, located; `Org(name=..., roles=[...], **data)` goes through the same
validation here, so that a dict that would not load as a file raises the same problems
(as an `OrgValidationError`, without lines) and not a `TypeError` of Python's.

Examples:
    >>> document_from_python({"$schema": "org.schema.json", "roles": [{"id": "ceo"}]}).roles
    (Role(id='ceo'),)
    >>> document_from_python({"roles": [{"id": "ceo"}], "people": None})
    Traceback (most recent call last):
    ...
    orgroles.errors.OrgValidationError: people: expected a list, got null
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from orgroles._internal.validators import validator
from orgroles.errors import OrgValidationError
from orgroles.io.problems import free_form_problems, problems_from_validation
from orgroles.model import OrgDocument

__all__ = ["document_from_python"]

_LISTS = ("uses", "responsibilities", "kinds", "people", "roles", "teams")
_OPTIONAL = ("meta", "rules")  # None is their default: as if not given


def document_from_python(fields: Mapping[str, Any]) -> OrgDocument:
    """The document of these fields (the keys of an org file: `$schema`, `name`,
    `roles`, ...), validated as `loads()` validates a file.

    A section may be any iterable (a generator, a tuple), but not a string or a mapping,
    which a file could not hold either; `meta` and `rules` may be None (not given).
    Raises `OrgValidationError` with every problem, each at its place (`roles[1].kind`).
    """
    data: dict[str, Any] = {}
    for key, value in fields.items():
        if key in _OPTIONAL and value is None:
            continue
        if key in _LISTS and _iterable(value):
            value = list(value)
        elif key == "meta" and isinstance(value, Mapping):
            value = dict(value)  # its own: an edit of the org's meta leaves the caller's
        data[key] = value
    problems = free_form_problems(data, lambda loc: None)
    try:
        document: OrgDocument = validator(OrgDocument).validate_python(data)
    except ValidationError as exc:
        problems += problems_from_validation(exc, data, None, None, OrgDocument)
    if problems:
        raise OrgValidationError(problems)
    return document


def _iterable(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))
