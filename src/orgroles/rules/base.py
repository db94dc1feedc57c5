"""What a rule is: a small class with a stable code, a name, a family, a default
severity, typed parameters and a docstring with an Anti-pattern and a Best practice.

Rules register themselves with `register()`; the engine runs the registered ones.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, NamedTuple, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from orgroles.errors import Location, RuleConfigError
from orgroles.limits import MAX_ROLES
from orgroles.model import Severity

if TYPE_CHECKING:
    from datetime import date

    from orgroles.core import OrgCore
    from orgroles.rules.context import CheckContext

__all__ = [
    "FAMILIES",
    "Count",
    "Finding",
    "NoParams",
    "Params",
    "Rule",
    "all_rules",
    "example",
    "get_rule",
    "register",
]

FAMILIES: dict[str, str] = {
    "S": "structure",
    "H": "staffing",
    "C": "shape",
    "R": "responsibilities",
    "K": "article",
    "X": "custom",
}
"""Rule families by code letter: select or ignore a whole family by letter or by name."""


Count = Annotated[int, Field(ge=0, le=MAX_ROLES)]
"""A count in a rule's parameters (a span, a number of layers, seats or roots): from 0 to
`MAX_ROLES`, so that a negative or absurd value is a located error."""


class Params(BaseModel):
    """Base of every rule's parameters: unknown keys are errors, and lists lose repeats.

    A list written `[cto, cto, cto, ...]` means the same as `[cto]`: it is kept once,
    in the order written, so that a long list of repeats costs nothing to check. Counts
    are bounded by `Field(ge=..., le=...)` in each rule's parameters.

    Examples:
        >>> class P(Params):
        ...     kinds: tuple[str, ...] = ()
        ...     pair: tuple[str, str] = ("a", "b")
        >>> P(kinds=["cto", "cpo", "cto"], pair=["x", "x"])
        P(kinds=('cto', 'cpo'), pair=('x', 'x'))
    """

    # Built when first validated: a check with the default parameters builds none of them
    # (see orgroles.rules.engine), which saves the command line a tenth of its start.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _without_repeats(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, tuple) and info.field_name is not None:
            args = get_args(cls.model_fields[info.field_name].annotation)
            if args and args[-1] is Ellipsis:  # a list of any length, not a pair
                return tuple(dict.fromkeys(value))
        return value


class NoParams(Params):
    """A rule without parameters."""


class Finding(NamedTuple):
    """What a rule reports: the role at fault (or None for the whole org) and why.

    `related` names the other roles involved; `location` overrides the role's own
    (for problems that belong to a team or a kind rather than a role). `severity` lowers
    the rule's default severity for this finding (a rule that says less in some cases, as
    K005 in a very small company); a severity the user configures for the rule wins.
    """

    role: str | None
    message: str
    related: tuple[str, ...] = ()
    location: Location | None = None
    severity: Severity | None = None


class Rule:
    """A rule. Subclasses set the class attributes and implement `check()`."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    params_type: ClassVar[type[Params]] = NoParams

    @property
    def family(self) -> str:
        """The family name, from the code's letter (`K` -> `article`)."""
        return FAMILIES.get(self.code[:1], "custom")

    @property
    def summary(self) -> str:
        """The first paragraph of the docstring, on one line (a sentence may go on over
        two lines of it: H003's "... for more than `max_days` days (180 by default) on the
        day the org is viewed.")."""
        return " ".join(inspect.cleandoc(type(self).__doc__ or "").split("\n\n", 1)[0].split())

    @property
    def doc(self) -> str:
        """The whole docstring, dedented."""
        return inspect.cleandoc(type(self).__doc__ or "")

    def check(self, ctx: CheckContext, params: Params) -> Iterable[Finding]:
        """Yield a `Finding` for every violation in the org of `ctx`."""
        raise NotImplementedError

    def days(self, org: OrgCore, params: Params) -> Iterable[date]:
        """Days, besides those on which a dated org changes, on which this rule's verdict
        may change (an interim passing its limit): `check --over-time` checks them too."""
        return ()

    def __repr__(self) -> str:
        return f"<Rule {self.code} {self.name}>"


_REGISTRY: dict[str, Rule] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry (its code and name must be new)."""
    rule = cls()
    if rule.code in _REGISTRY or any(r.name == rule.name for r in _REGISTRY.values()):
        raise RuleConfigError(f"rule {rule.code} {rule.name} is registered twice")
    _REGISTRY[rule.code] = rule
    return cls


def all_rules() -> list[Rule]:
    """Every built-in rule, by code."""
    return [_REGISTRY[c] for c in sorted(_REGISTRY)]


def get_rule(code_or_name: str) -> Rule | None:
    """The built-in rule with this code or name, or None."""
    found = _REGISTRY.get(code_or_name)
    if found is None:
        found = next((r for r in _REGISTRY.values() if r.name == code_or_name), None)
    return found


_SECTION = re.compile(r"\*\*(Anti-pattern|Best practice)\*\*.*?```yaml\n(.*?)```", re.S)


def example(rule: Rule, which: str) -> str:
    """The YAML org of a rule's `Anti-pattern` or `Best practice` docstring section."""
    for title, body in _SECTION.findall(rule.doc):
        if title == which:
            return str(body)
    raise LookupError(f"{rule.code} has no {which} example")
