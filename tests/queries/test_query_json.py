"""``orgroles query --format json`` writes, byte for byte, what ``json.dumps`` writes of
the role records (its template is for speed only: issue 20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import orgroles
from orgroles.queries.output import query_json, role_record

from tests.helpers import ROOT


def orgs(tmp_path: Path) -> list[orgroles.Org]:
    from benchmarks.generate import generate_dirty

    odd = orgroles.Org(
        people=[{"id": "p1", "name": 'Ana "\x1b[2J" Lima\u2028'}, {"id": "p2", "name": "李娜"}],
        roles=[
            {"id": "a", "title": "Chef \x7f", "holder": ["p1", "p2"]},
            {"id": "b", "reports_to": "c"},  # a cycle: no layer
            {"id": "c", "reports_to": "b", "holder": "nobody"},
            {"id": "d", "kind": "cto", "reports_to": "a", "assistant": True},
        ],
    )
    return [
        odd,
        orgroles.load(ROOT / "tests" / "data" / "sample" / "cycle.yaml"),
        orgroles.Org(**generate_dirty(2_000, every_seat_held=True)),
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_query_json_is_json_dumps_of_the_records(tmp_path: Path, lang: str) -> None:
    for org in orgs(tmp_path):
        for roles in (list(org.roles.values()), [], list(org.roles.values())[:1]):
            records = [role_record(org, r, lang) for r in roles]
            expected = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
            assert query_json(org, roles, lang) == expected
