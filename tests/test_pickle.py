"""An org, its catalogue and its reports pickle and copy: a service caches them and sends
them to worker processes (`multiprocessing`, `ProcessPoolExecutor`)."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from typing import Any

import pytest

import orgroles
from orgroles.render import render_svg

from tests.helpers import EXAMPLES, SCALEUP


def _orgs() -> dict[str, Callable[[], orgroles.Org]]:
    dated = EXAMPLES / "scaleup_over_time.yaml"
    return {
        "yaml": lambda: orgroles.load(SCALEUP),
        "json": lambda: orgroles.loads(orgroles.load(SCALEUP).dumps("json"), path="org.json"),
        "dated": lambda: orgroles.load(dated, today="2026-05-15"),
        "a past day": lambda: orgroles.load(dated, today="2026-05-15").as_of("2024-06-30"),
        "a subtree cut at a depth": lambda: orgroles.load(SCALEUP).subtree("cto", depth=1),
    }


def _round_trips(value: Any) -> list[Any]:
    return [pickle.loads(pickle.dumps(value)), copy.deepcopy(value), copy.copy(value)]


@pytest.mark.parametrize("name", list(_orgs()))
def test_an_org_pickles_and_copies_to_an_equal_org_with_the_same_results(name: str) -> None:
    # pickle raised "cannot pickle 'mappingproxy' object" (the catalogue's views).
    org = _orgs()[name]()
    report = org.check()  # fills the org's caches (graph, index) before it is pickled
    chart = render_svg(org)
    for other in _round_trips(org):
        assert other == org
        assert other.truncated == org.truncated
        assert other.check().to_dict() == report.to_dict()
        assert render_svg(other) == chart
        assert other.catalog == org.catalog


def test_a_report_pickles_with_its_violations_located() -> None:
    # pickle raised "Can't pickle local object 'Source.id_locator.<locals>.locate'".
    report = _orgs()["dated"]().check()
    lines = [v.location.line for v in report.violations if v.location is not None]
    assert len(lines) == len(report) == 7
    for other in _round_trips(_orgs()["dated"]().check()):
        assert other.to_dict() == report.to_dict()
        assert [v.location.line for v in other.violations if v.location is not None] == lines
