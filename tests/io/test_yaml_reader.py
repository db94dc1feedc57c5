"""The safe YAML reader: every refusal is located, and scalars are never re-typed."""

from __future__ import annotations

import tracemalloc

import pytest

import orgroles
from orgroles.errors import OrgFileError
from orgroles.io.yaml_reader import read_yaml
from orgroles.limits import MAX_DEPTH


def problems(text: str) -> list[tuple[str, int | None, int | None]]:
    """(code, line, column) of each problem, whether returned or raised."""
    try:
        _, _, found = read_yaml(text, "t.yaml")
    except OrgFileError as exc:
        found = exc.problems
    return [(p.code, p.location.line, p.location.column) for p in found if p.location]


def test_plain_scalars_stay_strings() -> None:
    data, _, found = read_yaml("a: 0123\nb: NO\nc: on\nd: 12:30\ne: 1e3\nf: true\ng: 0x1F\n")
    assert found == []
    assert data == {
        "a": "0123",
        "b": "NO",
        "c": "on",
        "d": "12:30",
        "e": "1e3",
        "f": "true",
        "g": "0x1F",
    }


@pytest.mark.parametrize("text", ["a:\n", "a: ~\n", "a: null\n", "a: Null\n", "a: NULL\n"])
def test_only_plain_null_forms_mean_none(text: str) -> None:
    assert read_yaml(text)[0] == {"a": None}


@pytest.mark.parametrize("text", ["a: 'null'\n", 'a: "~"\n', "a: ''\n"])
def test_quoted_null_forms_stay_strings(text: str) -> None:
    assert read_yaml(text)[0]["a"] in ("null", "~", "")


def test_block_scalars_keep_their_text() -> None:
    assert read_yaml("a: |\n  two\n  lines\n")[0] == {"a": "two\nlines\n"}


def test_alias_and_anchor_are_refused_where_they_stand() -> None:
    assert problems("a: &x 1\nb: *x\n") == [("anchor", 1, 4), ("alias", 2, 4)]


def test_tags_are_refused() -> None:
    assert problems("a: !!int 12\nb: !custom {x: 1}\n") == [("tag", 1, 4), ("tag", 2, 4)]


def test_duplicate_keys_are_refused_at_the_repeat() -> None:
    _, _, found = read_yaml("roles: []\nname: a\nroles: []\n", "t.yaml")
    assert [(p.code, p.location.line) for p in found if p.location] == [("duplicate-key", 3)]
    assert "first at line 1" in found[0].message


def test_complex_and_empty_keys_are_refused() -> None:
    assert [c for c, _, _ in problems("? [a, b]\n: 1\n")] == ["key"]
    assert [c for c, _, _ in problems("~: 1\n")] == ["key"]


def test_several_documents_are_refused() -> None:
    assert problems("a: 1\n---\nb: 2\n") == [("documents", 2, 1)]


def test_nesting_is_bounded() -> None:
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert problems(deep) == [("too-deep", 1, MAX_DEPTH + 1)]


def test_very_deep_nesting_is_refused_fast() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    assert problems(deep)[0][0] == "too-deep"


def test_syntax_errors_are_located() -> None:
    assert problems("a: [1, 2\nb: 3\n") == [("syntax", 2, 2)]


def test_forbidden_characters_are_located() -> None:
    assert problems("a: b\nc: \x00\n") == [("syntax", 2, 4)]


def test_an_alias_bomb_is_refused_without_being_expanded() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(lines) + "\n"
    assert len(bomb) < 1000
    tracemalloc.start()
    codes = {c for c, _, _ in problems(bomb)}
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert codes == {"anchor", "alias"}
    assert peak < 1_000_000  # a refusal, not an expansion (9**11 nodes)


def test_marks_point_at_keys_and_values() -> None:
    _, marks, _ = read_yaml("roles:\n  - id: a\n    title: T\n")
    assert marks.position(("roles", 0, "title")) == (3, 12)
    assert marks.position(("roles", 0, "title"), key=True) == (3, 5)
    assert marks.position(("roles", 5, "title")) == (2, 3)  # the nearest ancestor: the list
    assert marks.items("roles") == [(2, 5)]


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        (
            "roles:\n  - id: ceo\n    kind: ceo\n  - id: cto\n   kind: cto\n",
            ":5:4: ",
            "this line is not indented as the lines of its list item",
        ),
        (
            "roles:\n  - id: cto\n    kind: cto\n      reports_to: ceo\n",
            ":4:17: ",
            "a 'key: value' where none can start",
        ),
        # PyYAML placed this one past the end of the file (line 5 of 4): the line is 4
        ("roles:\n- id: cto\n  reports_to:\n  ceo\n", ":4:3: ", "a line that is neither"),
        # Tabs, and brackets and quotes left open: said in plain words first too.
        # "while scanning a plain scalar found a tab character that violates indentation"
        ("roles:\n  - id: ceo\n\tkind: ceo\n", ":3:1: ", "a tab: YAML indents with spaces only"),
        # "while parsing a flow mapping did not find expected ',' or '}'"
        (
            "roles:\n  - {id: ceo, kind: ceo\n  - {id: cto}\n",
            ":3:5: ",
            "a '{' opened at line 2, column 5 is not closed: a '}' is missing, or a ','",
        ),
        ("roles: [{id: a}, {id: b}\n", ":1:8: ", "a '[' opened at line 1, column 8 is not closed"),
        # "while scanning a quoted scalar found unexpected end of stream"
        (
            "roles:\n  - {id: 'ceo}\n",
            ":2:10: ",
            "a quote opened at line 2, column 10 is not closed",
        ),
    ],
)
def test_indentation_tabs_and_unclosed_brackets_are_said_in_plain_words_at_their_line(
    text: str, where: str, says: str
) -> None:
    with pytest.raises(OrgFileError) as caught:
        orgroles.loads(text, path="org.yaml")
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"org.yaml{where}{says}")
    assert "(YAML: " in str(problem)  # PyYAML's own words, for a search
    assert problem.code == "syntax"
