"""The `rules:` section of an org file: settings, and the rules declared in the file."""

# No `from __future__ import annotations` where pydantic models are defined: pydantic
# would evaluate every annotation from its text when the classes are made, about 20 ms
# of each command's start (see docs/performance.md, "Start-up").

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints
from pydantic.dataclasses import dataclass

from orgroles.model.base import CONFIG, Base, Id, Severity

__all__ = [
    "CustomRule",
    "ExclusiveRule",
    "MaxSpanRule",
    "MustReportToRule",
    "RequiresRule",
    "RulesConfig",
    "no_rules",
]


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class _CustomRuleBase(Base):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*[0-9]+$")] = Field(
        description="A code of your own, such as X001."
    )
    name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")] | None = None
    message: str | None = None
    severity: Severity = "error"
    description: str | None = None


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class MustReportToRule(_CustomRuleBase):
    """Roles matching `select` sit under a role matching `under` (directly if `direct`)."""

    type: Literal["must_report_to"]
    select: str
    under: str
    direct: bool = False


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class MaxSpanRule(_CustomRuleBase):
    """Roles matching `select` have at most `max` direct reports."""

    type: Literal["max_span"]
    select: str = ""
    max: int = Field(ge=0)


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class RequiresRule(_CustomRuleBase):
    """Roles matching `select` hold every responsibility listed."""

    type: Literal["requires"]
    select: str
    responsibilities: tuple[Id, ...] = Field(min_length=1)


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class ExclusiveRule(_CustomRuleBase):
    """No person holds two of these responsibilities (segregation of duties)."""

    type: Literal["exclusive"]
    select: str = ""
    responsibilities: tuple[Id, ...] = Field(min_length=2)


CustomRule = Annotated[
    MustReportToRule | MaxSpanRule | RequiresRule | ExclusiveRule, Field(discriminator="type")
]


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class RulesConfig(Base):
    """The `rules:` section of an org file."""

    select: tuple[str, ...] = Field(
        default=(), description="Codes, names or families to run (all if empty)."
    )
    ignore: tuple[str, ...] = Field(default=(), description="Codes, names or families not to run.")
    severity: dict[str, Severity] = Field(default_factory=dict)
    params: dict[str, dict[str, Any]] = Field(default_factory=dict)
    custom: tuple[CustomRule, ...] = ()


def no_rules() -> RulesConfig:
    """The `rules:` section of a file that has none: every setting at its default.

    It is made as pydantic would make it, without pydantic's validator of `RulesConfig`:
    the class's own first call builds that validator and looks up pydantic's plugins,
    30 ms of a 4-role `orgroles check` (the file's validator reads a `rules:` section
    that is there).

    Examples:
        >>> no_rules() == RulesConfig()
        True
        >>> no_rules().severity is no_rules().severity
        False
    """
    section = object.__new__(RulesConfig)
    for name, field in RulesConfig.__pydantic_fields__.items():
        object.__setattr__(section, name, field.get_default(call_default_factory=True))
    return section
