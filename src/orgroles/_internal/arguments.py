"""A call with an argument a public function does not take raises `OrgArgumentError`,
which names the arguments it takes, instead of Python's bare `TypeError`.

`checked()` wraps one function; `CheckedCalls` is a base class whose subclasses have
each of their own public methods so wrapped (`Org`). The wrapper costs nothing until
Python refuses the call: only then is the signature read, to tell a call that does not
fit (an unknown keyword, one too many, a missing argument) from a `TypeError` raised
inside the function, which goes on unchanged. `OrgArgumentError` is a `TypeError`, as
Python's own error for such a call is.

Examples:
    >>> @checked
    ... def check(org: str, *, select: str = "") -> str:
    ...     return org
    >>> for call in (lambda: check("acme", selct="K"), lambda: check()):
    ...     try:
    ...         call()
    ...     except OrgArgumentError as exc:
    ...         print(exc)
    check() has no argument 'selct' (did you mean 'select'?); it also takes select
    check() is missing its argument 'org'; it takes org and select
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from orgroles._internal.suggest import did_you_mean
from orgroles.errors import OrgArgumentError

__all__ = ["CheckedCalls", "checked", "misfit"]

F = TypeVar("F", bound=Callable[..., Any])


def checked(function: F) -> F:
    """`function`, raising `OrgArgumentError` for a call that does not fit its signature."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except TypeError:
            problem = misfit(function, args, kwargs)
            if problem is None:
                raise  # raised inside the function: not the caller's call
            raise OrgArgumentError(problem) from None

    return call  # type: ignore[return-value]


def misfit(
    function: Callable[..., Any], args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> str | None:
    """What is wrong with calling `function` with `args` and `kwargs`, or None if the
    call fits its signature.

    Examples:
        >>> def render(org: str, path: str, *, root: str | None = None) -> None: ...
        >>> print(misfit(render, ("acme",), {"path": "x.png", "fmt": "png"}))
        render() has no argument 'fmt'; it also takes path and root
        >>> print(misfit(render, ("acme", "x.png", "cto"), {}))
        render() takes 2 arguments by position, not 3; it takes org, path and root
        >>> misfit(render, ("acme", "x.png"), {"root": "cto"}) is None
        True
    """
    import inspect

    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):  # a builtin without a signature
        return None
    params = list(signature.parameters.values())
    bound_self = "." in function.__qualname__ and params and params[0].name == "self"
    shown = [
        p
        for p in params[1 if bound_self else 0 :]
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    try:
        signature.bind(*args, **kwargs)
    except TypeError:
        pass
    else:
        return None
    name = f"{function.__qualname__.replace('.<locals>', '')}()"
    names = [p.name for p in shown]
    var = next((p.name for p in params if p.kind is p.VAR_KEYWORD), None)
    listed = [*names, f"**{var}"] if var is not None else names
    takes = f"; it takes {_joined(listed)}" if listed else "; it takes no arguments"
    known = {p.name for p in params if p.kind not in (p.POSITIONAL_ONLY, p.VAR_POSITIONAL)}
    unknown = [k for k in kwargs if k not in known]
    if unknown and var is None:
        hint = did_you_mean(unknown[0], names)
        mean = f" (did you mean {' or '.join(map(repr, hint))}?)" if hint else ""
        given = {p.name for p in shown[: max(len(args) - (1 if bound_self else 0), 0)]}
        if given:  # those filled by position go without saying
            rest = [n for n in names if n not in given]
            takes = f"; it also takes {_joined(rest)}" if rest else "; it takes nothing more"
        return f"{name} has no argument {unknown[0]!r}{mean}{takes}"
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(args) > len(positional) and not any(p.kind is p.VAR_POSITIONAL for p in params):
        most = len(positional) - (1 if bound_self else 0)
        passed = len(args) - (1 if bound_self else 0)
        counted = f"{most or 'no'} argument{'' if most == 1 else 's'}"
        return f"{name} takes {counted} by position, not {passed}{takes}"
    for n, p in enumerate(positional):
        if n < len(args) and p.name in kwargs:
            return f"{name} got its argument {p.name!r} twice, by position and by name{takes}"
    missing = [
        p.name
        for n, p in enumerate(params)
        if p.default is p.empty
        and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        and p.name not in kwargs
        and not (p.kind is not p.KEYWORD_ONLY and n < len(args))
    ]
    if missing:
        return f"{name} is missing its argument {missing[0]!r}{takes}"
    return f"{name} cannot be called so{takes}"  # (not expected: bind() refused it)


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


class CheckedCalls:
    """A base class: each public method a subclass defines is `checked()`.

    Examples:
        >>> class Thing(CheckedCalls):
        ...     def span(self) -> int:
        ...         return 1
        >>> try:
        ...     Thing().span("cto")
        ... except OrgArgumentError as exc:
        ...     print(exc)
        Thing.span() takes no arguments by position, not 1; it takes no arguments
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, value in list(vars(cls).items()):
            if not name.startswith("_") and callable(value) and hasattr(value, "__code__"):
                setattr(cls, name, checked(value))
