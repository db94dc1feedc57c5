"""Rule tests as data: one YAML file per rule under tests/rules/cases/, run by one test.

Each case is an org snippet and the violations that rule must report on it, in order:
``role`` and, where given, ``message``, ``related``, ``severity`` and ``name`` must match
exactly. ``expect: []`` is a passing case. Every rule must have both kinds of case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import orgroles
from orgroles.rules import all_rules, example, get_rule

CASES_DIR = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            out.append(pytest.param(spec["rule"], case, id=f"{path.stem}: {case['name']}"))
    return out


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    # A dated case may give the real date (`today`) and the day it is checked on.
    org = orgroles.loads(case["org"], today=case.get("today"), as_of=case.get("as_of"))
    report = org.check(select=[code])
    got = [v for v in report.violations if v.code == code]
    expected = case["expect"]
    assert len(got) == len(expected), "\n".join(str(v) for v in got) or "no violation"
    for violation, want in zip(got, expected, strict=True):
        assert violation.role == want["role"]
        if "message" in want:
            assert violation.message == want["message"]
        if "related" in want:
            assert list(violation.related) == want["related"]
        if "severity" in want:
            assert violation.severity == want["severity"]
        if "name" in want:
            assert violation.name == want["name"]


def test_every_rule_has_failing_and_passing_cases() -> None:
    failing: set[str] = set()
    passing: set[str] = set()
    for path in CASES_DIR.glob("*.yaml"):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            (failing if case["expect"] else passing).add(spec["rule"])
    codes = {r.code for r in all_rules()}
    assert codes <= failing, codes - failing
    assert codes <= passing, codes - passing
    assert {"X001", "X002"} <= failing & passing  # the declarative rules too


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_docstring_examples_behave(rule: Any) -> None:
    bad = orgroles.loads(example(rule, "Anti-pattern"))
    good = orgroles.loads(example(rule, "Best practice"))
    assert bad.check(select=[rule.code]).select([rule.code]), "the anti-pattern passes"
    assert not good.check(select=[rule.code]).select([rule.code]), "the best practice fails"


def test_registry_lookup() -> None:
    rule = get_rule("span-too-wide")
    assert rule is not None
    assert rule.code == "C001"
    assert get_rule("C001") is rule
    assert get_rule("nope") is None
    assert [r.code for r in all_rules()] == sorted(r.code for r in all_rules())
    # As many rules as case files named by a rule's code (the X-*.yaml files are the
    # declarative rules'): no rule left the registry, none came without its cases.
    by_code = sorted(p.stem for p in CASES_DIR.glob("*.yaml") if not p.stem.startswith("X-"))
    assert by_code == [r.code for r in all_rules()]


def test_docs_rules_page_is_not_stale() -> None:
    from orgroles.rules.docs import rules_markdown

    from tests.helpers import ROOT

    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), (
        "docs/rules.md is stale: run python -m orgroles.rules.docs > docs/rules.md"
    )
