"""Hostile selectors: repeated and nested values, repeated terms, endless selectors.

Review finding F3 and its siblings. The work is counted (children looked up, predicates
built), never timed.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

import orgroles
from orgroles.errors import SelectorError
from orgroles.limits import MAX_SELECTOR_TERMS
from orgroles.selectors import TERMS, parse


class CountingChildren(dict[int, list[int]]):
    """The children table of an index, counting its lookups: the work of a walk."""

    lookups = 0

    def get(self, key: int, default: Any = None) -> Any:
        type(self).lookups += 1
        return super().get(key, default)


def chain(n: int) -> orgroles.Org:
    lines = ["roles:", "  - {id: r0}"] + [
        f"  - {{id: r{i}, reports_to: r{i - 1}}}" for i in range(1, n)
    ]
    org = orgroles.loads("\n".join(lines) + "\n")
    CountingChildren.lookups = 0
    org.index.children = CountingChildren(org.index.children)
    return org


@pytest.mark.parametrize("term", ["under", "team"])
def test_a_value_repeated_20000_times_is_walked_once(term: str) -> None:
    # F3's selector_quadratic_under.yaml: under:r0,r0,... (20,000 times) on a 5,000 chain.
    org = chain(5_000)
    found = org.select(f"{term}:" + ",".join(["r0"] * 20_000))
    assert len(found) == (4_999 if term == "under" else 5_000)
    assert CountingChildren.lookups <= 5_001


@pytest.mark.parametrize("term", ["under", "team"])
def test_nested_values_are_walked_once(term: str) -> None:
    org = chain(3_000)
    values = ",".join(f"r{i}" for i in reversed(range(3_000)))  # the deepest first
    assert len(org.select(f"{term}:{values}")) == (2_999 if term == "under" else 3_000)
    assert CountingChildren.lookups <= 2 * 3_000  # 4.5 million before


def test_a_declared_rule_with_the_reviews_selector_runs_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = ["roles:", "  - {id: r0}"] + [
        f"  - {{id: r{i}, reports_to: r{i - 1}}}" for i in range(1, 5_000)
    ]
    selector = "under:" + ",".join(["r0"] * 20_000)
    lines += ["rules:", "  custom:"]
    lines += [f'    - {{code: X{n}, type: max_span, max: 5, select: "{selector}"}}' for n in (1, 2)]
    built = []
    spec = TERMS["under"]

    def counting(*args: Any) -> Any:
        built.append(1)
        return spec.build(*args)

    monkeypatch.setitem(TERMS, "under", dataclasses.replace(spec, build=counting))
    report = orgroles.loads("\n".join(lines) + "\n").check(select=["X1", "X2"])
    assert len(report) == 0
    assert len(built) == 1  # the two rules share one selection


def test_a_repeated_term_is_tested_once(monkeypatch: pytest.MonkeyPatch) -> None:
    built = []
    spec = TERMS["vacant"]

    def counting(*args: Any) -> Any:
        built.append(1)
        return spec.build(*args)

    monkeypatch.setitem(TERMS, "vacant", dataclasses.replace(spec, build=counting))
    org = orgroles.loads("roles:\n  - {id: a}\n  - {id: b, holder: p}\n")
    assert [r.id for r in org.select(" ".join(["vacant"] * 50 + ["-vacant"] * 50))] == []
    assert [r.id for r in org.select(" ".join(["vacant"] * 50))] == ["a"]
    assert len(built) == 3


@pytest.mark.parametrize("term", ["-id:r{i}", "span<{i}", "vacant"])
def test_a_selector_has_a_bounded_number_of_terms(term: str) -> None:
    # Every kind of term counts: comparisons and flags too (each comparison is a pass
    # over the org).
    parse(" ".join(term.format(i=i) for i in range(MAX_SELECTOR_TERMS)))
    with pytest.raises(SelectorError, match="too many terms: a selector has at most 100"):
        parse(" ".join(term.format(i=i) for i in range(MAX_SELECTOR_TERMS + 1)))


def test_under_and_team_in_a_cycle_match_the_roles_below_each_value() -> None:
    org = orgroles.loads(
        "roles:\n  - {id: a, reports_to: b}\n  - {id: b, reports_to: a}\n"
        "  - {id: c, reports_to: a}\n"
    )
    assert [r.id for r in org.select("under:a")] == ["b", "c"]
    assert [r.id for r in org.select("under:a,b")] == ["a", "b", "c"]
    assert [r.id for r in org.select("under:c")] == []
