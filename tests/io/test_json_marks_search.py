"""Roles' lines in JSON found by a search for ``{"id":`` (issue 20) are the lines the walk
of the text finds; whatever could make the search wrong makes it step aside."""

from __future__ import annotations

import json
from typing import Any

import pytest

import orgroles
from orgroles.io.json_marks import JsonMarks, plain_sections


def both(text: str) -> tuple[dict[str, int], list[tuple[int, int]], list[tuple[int, int]]]:
    data = json.loads(text)
    plain = plain_sections(data)
    return plain, JsonMarks(text, plain).items("roles"), JsonMarks(text).items("roles")


ROLES: list[dict[str, Any]] = [
    {"id": "ceo", "title": '{"id": "cto"} in a title', "holder": "p1"},
    {"id": "cto", "reports_to": "ceo", "holder": [{"person": "p2", "start": "2024-01-01"}]},
    {"id": "dev", "reports_to": [{"role": "cto"}], "noqa": ["C002"], "meta": {}},
]


@pytest.mark.parametrize("indent", [None, 2, "\t"])
@pytest.mark.parametrize("people_first", [True, False])
def test_the_search_finds_what_the_walk_finds(indent: Any, people_first: bool) -> None:
    people = [{"id": "cto", "name": "Ana"}, {"id": "p2"}]
    document = (
        {"people": people, "roles": ROLES} if people_first else {"roles": ROLES, "people": people}
    )
    plain, searched, walked = both(json.dumps(document, indent=indent))
    assert plain == {"roles": 3}
    assert searched == walked


@pytest.mark.parametrize(
    ("document", "plain"),
    [
        # an object in a meta could start with "id": the roles are walked
        ({"roles": [{"id": "a", "meta": {"x": [{"id": "b"}]}}, {"id": "b"}]}, {}),
        # the id is not the first key of every role
        ({"roles": [{"id": "a"}, {"reports_to": "a", "id": "b"}]}, {}),
        # a mapping of silenced rules
        ({"roles": [{"id": "a", "noqa": {"C002": "why"}}]}, {}),
    ],
)
def test_what_the_data_says_keeps_the_search_out(document: Any, plain: dict[str, int]) -> None:
    text = json.dumps(document)
    assert both(text)[0] == plain


@pytest.mark.parametrize(
    "text",
    [
        # a key written with an escape: "i\u0064" is "id"
        '{"roles": [{"id": "a"}, {"i\\u0064": "b"}], "people": [{"id": "b"}]}',
        # another "roles" key, in the top-level meta
        '{"meta": {"roles": [{"id": "x"}]}, "roles": [{"id": "a"}, {"id": "b"}]}',
    ],
)
def test_a_text_that_could_mislead_the_search_is_walked(text: str) -> None:
    plain, searched, walked = both(text)
    assert plain["roles"] == 2
    assert searched == walked


def test_violations_point_at_the_same_lines(tmp_path: Any) -> None:
    roles = [{"id": "ceo", "kind": "ceo"}] + [
        {"id": f"d{i}", "kind": "developer", "reports_to": "ceo" if i % 2 else "x"}
        for i in range(50)
    ]
    path = tmp_path / "org.json"
    path.write_text(json.dumps({"roles": roles}, indent=1), encoding="utf-8")
    org = orgroles.load(path)
    lines = [(v.role, v.location) for v in org.check()]
    first = lines[0][1]
    assert first is not None
    assert (first.line or 0) > 1
    walked = orgroles.loads(path.read_text(encoding="utf-8"), "json", path=str(path))
    walked.source.marks = JsonMarks(path.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    assert [(v.role, v.location) for v in walked.check()] == lines
