"""The rule engine: stable rule codes, a registry, declarative rules, and reports.

Importing this package registers every built-in rule. `org.check()` runs them.
"""

from orgroles.rules import article, responsibilities, shape, staffing, structure
from orgroles.rules.base import (
    FAMILIES,
    Finding,
    NoParams,
    Params,
    Rule,
    all_rules,
    example,
    get_rule,
)
from orgroles.rules.engine import check, rules_for, select_rules
from orgroles.rules.report import SEVERITIES, Report, Suppressed, Violation

__all__ = [
    "FAMILIES",
    "SEVERITIES",
    "Finding",
    "NoParams",
    "Params",
    "Report",
    "Rule",
    "Suppressed",
    "Violation",
    "all_rules",
    "article",
    "check",
    "example",
    "get_rule",
    "responsibilities",
    "rules_for",
    "select_rules",
    "shape",
    "staffing",
    "structure",
]
