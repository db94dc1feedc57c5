"""Run rules on an org: choose them, configure them, collect a `Report`.

Selection works like a linter's: `select` and `ignore` take rule codes (`C002`),
names (`single-report`), family letters (`K`) or family names (`article`).
An empty `select` means every rule. The org file's `rules:` section gives the
defaults; the arguments of `check()` (and the CLI's options) add to it: `select`
replaces the file's selection, `ignore`, `params` and `severity` are merged over it.

Examples:
    >>> import orgroles
    >>> org = orgroles.loads('''
    ... roles:
    ...   - {id: ceo, kind: ceo}
    ...   - {id: cto, kind: cto, reports_to: ceo}
    ... ''')
    >>> [(v.code, v.role) for v in check(org)]
    [('C002', 'ceo'), ('H001', 'ceo'), ('K004', 'cto')]
    >>> [(v.code, v.role) for v in check(org, ignore=["C002", "K"])]
    [('H001', 'ceo')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import ValidationError

from orgroles._internal.gc import gc_paused
from orgroles._internal.suggest import suggestion_suffix
from orgroles._internal.validators import validator
from orgroles.errors import Location, RuleConfigError
from orgroles.limits import MAX_VIOLATIONS
from orgroles.model import RulesConfig, Severity
from orgroles.rules.base import FAMILIES, Finding, Params, all_rules
from orgroles.rules.context import CheckContext
from orgroles.rules.custom import DeclaredRule
from orgroles.rules.param_errors import param_problems
from orgroles.rules.report import SEVERITIES, Report, Suppressed, Violation

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = [
    "RuleIndex",
    "RuleLike",
    "check",
    "configured_rules",
    "known_tokens",
    "rule_matches",
    "rules_for",
    "rules_for_config",
    "select_rules",
]


class RuleLike(Protocol):
    """What the engine needs of a rule, built-in or declared in a file."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def severity(self) -> Severity: ...

    @property
    def params_type(self) -> type[Params]: ...

    @property
    def family(self) -> str: ...

    @property
    def summary(self) -> str: ...

    def check(self, ctx: CheckContext, params: Params) -> Iterable[Finding]: ...


def rules_for_config(config: RulesConfig) -> list[RuleLike]:
    """Every rule a `rules:` section can run: the built-in ones, then its own."""
    declared: list[RuleLike] = [DeclaredRule(spec, i) for i, spec in enumerate(config.custom)]
    return [*all_rules(), *declared]


def rules_for(org: OrgCore) -> list[RuleLike]:
    """Every rule that can run on `org`: the built-in ones, then the org's own."""
    return rules_for_config(org.rules)


def rule_matches(token: str, rule: RuleLike) -> bool:
    """Whether a token of `select`/`ignore` (code, name, family, `all`) names `rule`."""
    return token in ("all", rule.code, rule.name, rule.family) or (
        len(token) == 1 and rule.code.startswith(token)
    )


def known_tokens(rules: Sequence[RuleLike]) -> list[str]:
    """Every token `select` and `ignore` accept, for did-you-mean hints."""
    return [
        "all",
        *FAMILIES,
        *FAMILIES.values(),
        *(r.code for r in rules),
        *(r.name for r in rules),
    ]


class RuleIndex:
    """The rules a token names and the rule a key names, found in dicts: a long select list
    or many declared rules cost a lookup each, not a scan of every rule for every token."""

    def __init__(self, rules: Sequence[RuleLike]) -> None:
        self.rules = list(rules)
        self._named: dict[str, list[int]] = {}
        self._by_key: dict[str, RuleLike] = {}
        for n, rule in enumerate(self.rules):
            for key in dict.fromkeys((rule.code, rule.name, rule.family, rule.code[:1])):
                self._named.setdefault(key, []).append(n)
            self._by_key.setdefault(rule.code, rule)
            self._by_key.setdefault(rule.name, rule)
        self.known = known_tokens(self.rules)
        self._known = set(self.known)

    def matches(self, token: str) -> list[int]:
        """The positions of the rules `token` names (see `rule_matches()`)."""
        if token == "all":
            return list(range(len(self.rules)))
        return self._named.get(token, [])

    def is_known(self, token: str) -> bool:
        """Whether `token` names a rule, a family or `all`."""
        return token in self._known or bool(self.matches(token))

    def find(self, key: str) -> RuleLike | None:
        """The rule with this code or name (parameters and severities are keyed so)."""
        return self._by_key.get(key)


def select_rules(
    rules: Sequence[RuleLike], select: Iterable[str], ignore: Iterable[str]
) -> list[RuleLike]:
    """The rules chosen by `select` (all if empty) minus those matched by `ignore`.

    An unknown code or name raises `RuleConfigError` with a did-you-mean.
    """
    index = RuleIndex(rules)
    select, ignore = list(dict.fromkeys(select)), list(dict.fromkeys(ignore))
    for what, tokens in (("select", select), ("ignore", ignore)):
        for token in tokens:
            if not index.is_known(token):
                raise RuleConfigError(
                    f"{what}: unknown rule {token!r}{suggestion_suffix(token, index.known)}"
                )
    chosen = {n for t in select for n in index.matches(t)} if select else set(range(len(rules)))
    chosen -= {n for t in ignore for n in index.matches(t)}
    return [r for n, r in enumerate(rules) if n in chosen]


def _by_code(rules: Sequence[RuleLike], table: Mapping[str, Any], what: str) -> dict[str, Any]:
    """Re-key a table written by code or by name to codes; unknown keys are errors."""
    index = RuleIndex(rules)
    out: dict[str, Any] = {}
    keys: dict[str, str] = {}
    for key, value in table.items():
        rule = index.find(key)
        if rule is None:
            known = [r.code for r in rules] + [r.name for r in rules]
            raise RuleConfigError(f"{what}: unknown rule {key!r}{suggestion_suffix(key, known)}")
        if rule.code in keys:  # which one would win is no reader's guess: say so
            raise RuleConfigError(
                f"{what}: {keys[rule.code]!r} and {key!r} are the same rule ({rule.code}): "
                "give it once"
            )
        keys[rule.code] = key
        out[rule.code] = value
    return out


def _params(rule: RuleLike, given: Mapping[str, Any] | None) -> Params:
    if not given:  # the defaults, valid by construction: no validator to build
        return rule.params_type.model_construct()
    try:
        found: Params = validator(rule.params_type).validate_python(dict(given))
        return found
    except ValidationError as exc:
        said = [
            message
            if code == "unknown-key"
            else f"{'.'.join(map(str, loc)) or 'params'}: {message}"
            for loc, message, code in param_problems(rule.code, rule.params_type, exc)
        ]
        raise RuleConfigError(f"rules.params.{rule.code}: {'; '.join(said)}") from None
    except (TypeError, ValueError) as exc:  # not a mapping (from Python)
        raise RuleConfigError(f"rules.params.{rule.code}: {exc}") from None


def _listed(codes: Iterable[str]) -> Iterable[str]:
    """Codes given as one string ("C001", "K,S001") as a list; any other iterable as is."""
    if isinstance(codes, str):
        return [code.strip() for code in codes.split(",") if code.strip()]
    return codes


def configured_rules(
    org: OrgCore,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    params: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[tuple[RuleLike, Params]]:
    """The rules a check of `org` runs, each with its parameters: the file's `rules:`
    section with the arguments of `check()` over it. `select` and `ignore` may be one
    string, a code or a comma list (`"C001"`, `"K,S001"`), as on the command line."""
    config = org.rules
    rules = rules_for(org)
    chosen = select_rules(
        rules,
        config.select if select is None else _listed(select),
        [*config.ignore, *_listed(ignore)],
    )
    all_params = _by_code(rules, config.params, "rules.params")
    for code, given in _by_code(rules, params or {}, "params").items():
        if not isinstance(given, Mapping):
            raise RuleConfigError(
                f"params: {code}: expected a mapping of parameter names to values "
                f"({{'max_span': 9}}), got {type(given).__name__}"
            )
        all_params[code] = {**all_params.get(code, {}), **given}
    return [(rule, _params(rule, all_params.get(rule.code))) for rule in chosen]


def check(
    org: OrgCore,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    params: Mapping[str, Mapping[str, Any]] | None = None,
    severity: Mapping[str, Severity] | None = None,
) -> Report:
    """Run the chosen rules on `org` and return the `Report`.

    Shared indexes are computed once for the whole check; every rule is O(N).
    """
    config = org.rules
    rules = rules_for(org)
    configured = configured_rules(org, select, ignore, params)
    severities = _by_code(rules, {**config.severity, **(severity or {})}, "rules.severity")
    for code, level in severities.items():
        if level not in SEVERITIES:
            raise RuleConfigError(f"rules.severity.{code}: {level!r} is not one of {SEVERITIES}")

    with gc_paused():  # the indexes and findings are many objects without cycles
        found, omitted = _run(org, configured, severities)
    found.sort(key=itemgetter(0, 1))  # file order, then by code (a stable sort, in C)
    return Report(
        [v for _, _, v, reason in found if reason is None],
        [Suppressed(v, reason) for _, _, v, reason in found if reason is not None],
        rules=[r.code for r, _ in configured],
        org=org.name,
        path=org.source.path if org.source is not None else None,
        roles=len(org),
        locate=org.locator(),
        omitted=omitted,
    )


def _run(
    org: OrgCore,
    configured: Sequence[tuple[RuleLike, Params]],
    severities: Mapping[str, Severity],
) -> tuple[list[tuple[int, int, Violation, str | None]], Counter[tuple[str, str, Severity]]]:
    """Run the configured rules: every violation kept (up to the cap) with its role's
    position, its rule's rank and its noqa reason, and the count of those past the cap."""
    ctx = CheckContext(org)
    roles = ctx.roles
    position = ctx.index.pos
    path = org.source.path if org.source is not None else None
    org_wide = Location(path) if path is not None else None
    found: list[tuple[int, int, Violation, str | None]] = []  # (role position, rank, ...)
    omitted: Counter[tuple[str, str, Severity]] = Counter()
    reasons_of: dict[str, dict[str, str]] = {}
    make = Violation.make
    # The rank of each rule in the order of the report: by code, then as chosen.
    order = sorted(range(len(configured)), key=lambda n: (configured[n][0].code, n))
    rank = {n: r for r, n in enumerate(order)}
    for rule_number, (rule, rule_params) in enumerate(configured):
        is_set = rule.code in severities  # the user's severity wins over a finding's
        rule_level = severities.get(rule.code, rule.severity)
        rule_rank = rank[rule_number]
        for finding in rule.check(ctx, rule_params):
            level = rule_level
            if finding.severity is not None and not is_set:
                level = max(rule_level, finding.severity, key=SEVERITIES.index)  # the milder
            if len(found) >= MAX_VIOLATIONS:  # counted, not kept: memory stays bounded
                omitted[rule.code, rule.name, level] += 1
                continue
            role_id = finding.role
            # A role's line is found later, and only if someone reads it (see Report).
            location = finding.location or (org_wide if role_id is None else None)
            violation = make(
                rule.code, rule.name, level, role_id, finding.message, location, finding.related
            )
            reason = None
            where = -1 if role_id is None else position.get(role_id, -1)
            if role_id is not None and where >= 0 and roles[where].noqa:
                reasons = reasons_of.get(role_id)
                if reasons is None:
                    reasons = reasons_of[role_id] = roles[where].noqa_reasons
                hit = next((k for k in (rule.code, rule.name) if k in reasons), None)
                if hit is not None:
                    reason = reasons[hit]
            found.append((where, rule_rank, violation, reason))
    return found, omitted
