"""Rule parameters that do not validate, said in the words of the rules, as the file's
`rules.params` and `org.check(params=...)` both say them.

Examples:
    >>> from orgroles.rules.shape.C001 import SpanParams
    >>> from orgroles._internal.validators import validator
    >>> from pydantic import ValidationError
    >>> try:
    ...     validator(SpanParams).validate_python({"max_spn": 8})
    ... except ValidationError as exc:
    ...     for where, message, code in param_problems("C001", SpanParams, exc):
    ...         print(where, code)
    ...         print(message)
    ('max_spn',) unknown-key
    C001 has no parameter 'max_spn' (did you mean 'max_span'?) (parameters: max_span)
"""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from orgroles._internal.suggest import suggestion_suffix

__all__ = ["param_problems"]


def param_problems(
    code: str, params_type: type[BaseModel], exc: ValidationError
) -> list[tuple[tuple[str | int, ...], str, str]]:
    """Each error of `exc` (the parameters of rule `code` validated as `params_type`) as
    its place inside the parameters, its message and its problem code: `unknown-key`
    (the message names the rule and its parameters) or `type` (the message says what the
    value should be, without the rule)."""
    fields = list(params_type.model_fields)
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            field = str(loc[-1])
            hint = suggestion_suffix(field, fields)
            allowed = ", ".join(fields) or "none"
            message = f"{code} has no parameter {field!r}{hint} (parameters: {allowed})"
            found.append((loc, message, "unknown-key"))
        else:
            message = f"{err['msg'][:1].lower()}{err['msg'][1:]}"
            if err["type"] in ("greater_than_equal", "less_than_equal"):
                message += f", got {str(err.get('input'))[:40]}"
            found.append((loc, message, "type"))
    return found
