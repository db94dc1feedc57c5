"""`loads()` reads JSON as JSON and YAML as YAML without being told which."""

from __future__ import annotations

import pytest

import orgroles
from orgroles.errors import OrgFileError


def test_loads_tells_json_from_yaml_by_default() -> None:
    # It read any text as YAML unless told: a JSON body's numbers and booleans in meta
    # became text, NaN was let through, and a JSON dump did not load back equal.
    body = '{"roles": [{"id": "ceo", "meta": {"salary": 120000, "remote": true, "fte": 0.8}}]}'
    assert orgroles.loads(body).roles["ceo"].meta == {"salary": 120000, "remote": True, "fte": 0.8}
    org = orgroles.loads(body)
    assert orgroles.loads(org.dumps("json")) == org
    with pytest.raises(OrgFileError, match="NaN"):
        orgroles.loads('{"roles": [{"id": "ceo", "meta": {"x": NaN}}]}')
    # YAML's own flow style, with bare keys, is YAML still; and format= still decides.
    assert orgroles.loads("{roles: [{id: ceo, meta: {salary: 120000}}]}").roles["ceo"].meta == {
        "salary": "120000"
    }
    assert orgroles.loads(body, format="yaml").roles["ceo"].meta["salary"] == "120000"
