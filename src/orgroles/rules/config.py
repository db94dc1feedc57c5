"""Check the `rules:` section of an org file when it loads, with located problems.

A typo in a rule code or a parameter is a load error (exit 2), pointed at its line,
rather than a setting silently ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pydantic import ValidationError

from orgroles._internal.suggest import suggestion_suffix
from orgroles._internal.validators import validator
from orgroles.errors import Location, Problem, SelectorError
from orgroles.io.problems import format_where
from orgroles.limits import MAX_CUSTOM_RULES
from orgroles.model import Role, RulesConfig
from orgroles.rules.base import all_rules
from orgroles.rules.engine import RuleIndex, RuleLike, rules_for_config
from orgroles.rules.param_errors import param_problems

__all__ = ["config_problems"]


class Locate(Protocol):
    def __call__(self, loc: tuple[str | int, ...], *, key: bool = False) -> Location | None: ...


def config_problems(
    config: RulesConfig, locate: Locate, roles: Sequence[Role] = ()
) -> list[Problem]:
    """Every problem in a `rules:` section: unknown rules, bad parameters, code clashes,
    and selectors of declarative rules that do not parse; and the unknown rules that the
    `noqa` of `roles` names (a typo there silenced nothing, silently)."""
    problems: list[Problem] = []

    def add(loc: tuple[str | int, ...], message: str, code: str = "rules") -> None:
        at = locate(loc, key=code == "unknown-key")
        problems.append(Problem(message, at, where=format_where(loc), code=code))

    if len(config.custom) > MAX_CUSTOM_RULES:
        add(
            ("rules", "custom", MAX_CUSTOM_RULES),
            f"too many declared rules ({len(config.custom):,}; the limit is "
            f"{MAX_CUSTOM_RULES:,}): each one looks at every role",
            "too-large",
        )
        return problems
    if config.custom:  # the selectors' parser is not on a plain check's path
        from orgroles.selectors import parse
    for i, spec in enumerate(config.custom):
        for key in ("select", "under"):
            text = getattr(spec, key, None)
            if not text:
                continue
            try:
                parse(text)
            except SelectorError as exc:
                where = exc.position + 1
                add(
                    ("rules", "custom", i, key),
                    f"{exc.message} in selector {text!r} (at character {where})",
                    "selector",
                )
    builtin_codes = {r.code for r in all_rules()}
    seen: dict[str, int] = {}
    for i, spec in enumerate(config.custom):
        if spec.code in builtin_codes:
            add(
                ("rules", "custom", i, "code"),
                f"code {spec.code!r} is a built-in rule's: choose another, such as X{i + 1:03d}",
            )
        elif spec.code in seen:
            add(
                ("rules", "custom", i, "code"),
                f"code {spec.code!r} is already used by rules.custom[{seen[spec.code]}]",
            )
        seen.setdefault(spec.code, i)
    rules: list[RuleLike] = rules_for_config(config)
    index = RuleIndex(rules)
    for key in ("select", "ignore"):
        for i, token in enumerate(getattr(config, key)):
            if not index.is_known(token):
                add(
                    ("rules", key, i),
                    f"unknown rule {token!r}{suggestion_suffix(token, index.known)}",
                )
    names = [r.code for r in rules] + [r.name for r in rules]
    named = [r.code for r in rules] + [r.name for r in rules]
    for i, role in enumerate(roles):
        for j, key in enumerate(role.noqa):
            if index.find(key) is None:
                at = ("roles", i, "noqa", key if isinstance(role.noqa, dict) else j)
                said = (
                    ": noqa names rules, by code or name, not a family of them"
                    if index.is_known(key)
                    else suggestion_suffix(key, named)
                )
                keyed = isinstance(role.noqa, dict)  # a mapping's key: placed at the key
                add(at, f"unknown rule {key!r}{said}", "unknown-key" if keyed else "rules")
    for table in ("severity", "params"):  # a rule keyed twice, by code and by name
        given_as: dict[str, str] = {}
        for key in getattr(config, table):
            rule = index.find(key)
            if rule is None:
                continue
            if rule.code in given_as:
                add(
                    ("rules", table, key),
                    f"{given_as[rule.code]!r} and {key!r} are the same rule ({rule.code}): "
                    "give it once (which one would win is no reader's guess)",
                )
            given_as.setdefault(rule.code, key)
    for key in config.severity:
        if index.find(key) is None:
            add(
                ("rules", "severity", key),
                f"unknown rule {key!r}{suggestion_suffix(key, names)}",
                "unknown-key",
            )
    for key, given in config.params.items():
        rule = index.find(key)
        if rule is None:
            add(
                ("rules", "params", key),
                f"unknown rule {key!r}{suggestion_suffix(key, names)}",
                "unknown-key",
            )
            continue
        try:
            validator(rule.params_type).validate_python(dict(given))
        except ValidationError as exc:
            for loc, message, code in param_problems(rule.code, rule.params_type, exc):
                said = message if code == "unknown-key" else f"{rule.code}: {message}"
                add(("rules", "params", key, *loc), said, code)
    return problems
