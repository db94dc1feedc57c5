"""The strict JSON reader refuses a repeated key exactly when the text has one, at any
depth, whatever colons its keys and strings hold (written, or escaped as `\\u003a`)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgroles.errors import OrgFileError
from orgroles.io.json_strict import strict_loads

# Keys and strings from a few characters, colons among them, so that repeats are common.
_TEXT = st.text(alphabet="ab:", max_size=3)


def _pairs(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    objects = st.lists(st.tuples(_TEXT, children), max_size=4).map(lambda p: ("obj", p))
    return st.one_of(st.lists(children, max_size=3), objects)


_VALUES = st.recursive(st.one_of(_TEXT, st.integers(0, 9), st.none()), _pairs, max_leaves=12)


def _dump(value: Any, escape: bool) -> str:
    """JSON text of `value`, objects as written pairs (a key may repeat); colons inside
    strings written as `\\u003a` when `escape`."""
    if isinstance(value, tuple):
        items = (f"{_dump(k, escape)}: {_dump(v, escape)}" for k, v in value[1])
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_dump(v, escape) for v in value) + "]"
    text = json.dumps(value)
    return text.replace(":", "\\u003a") if escape and isinstance(value, str) else text


def _repeats(value: Any) -> bool:
    if isinstance(value, tuple):
        keys = [k for k, _ in value[1]]
        return len(set(keys)) != len(keys) or any(_repeats(v) for _, v in value[1])
    return isinstance(value, list) and any(_repeats(v) for v in value)


@settings(max_examples=300, deadline=None)
@given(value=_VALUES, escape=st.booleans())
def test_a_repeated_key_is_refused_exactly_when_written(value: Any, escape: bool) -> None:
    text = _dump(value, escape)
    if _repeats(value):
        with pytest.raises(OrgFileError) as info:
            strict_loads(text)
        assert {p.code for p in info.value.problems} == {"duplicate-key"}
    else:
        assert strict_loads(text) == json.loads(text)
