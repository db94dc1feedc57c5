"""Hostile org files: what the readers refuse or keep, where they say it is, and the work
it costs (counted, never timed). Review findings F4, F9, F19, F20, F22 and F23."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import orgroles
from orgroles.errors import OrgFileError
from orgroles.io import json_marks
from orgroles.io.json_marks import JsonMarks

from tests.helpers import Cli

HERE = Path(__file__).parent / "hostile"


def problems(text: str, fmt: str = "json") -> list[tuple[str, int | None, int | None, str]]:
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, fmt, path="x")  # type: ignore[arg-type]
    return [
        (
            p.code,
            p.location.line if p.location else None,
            p.location.column if p.location else None,
            p.message,
        )
        for p in info.value.problems
    ]


# -- F4: one pass for all JSON locations; the cap of 100 problems holds for every kind ----


def test_many_duplicate_ids_in_json_cost_one_walk_and_list_100(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walks = {"elements": 0, "members": 0, "lines": 0}
    elements, members = JsonMarks._elements, JsonMarks._members

    def count(name: str, real: object) -> object:
        def counted(self: JsonMarks, i: int) -> object:
            walks[name] += 1
            return real(self, i)  # type: ignore[operator]

        return counted

    monkeypatch.setattr(JsonMarks, "_elements", count("elements", elements))
    monkeypatch.setattr(JsonMarks, "_members", count("members", members))
    text = '{"roles":[' + ",".join(['{"id":"a"}'] * 20_000) + "]}"  # gen_cases.json_dups
    found = problems(text)
    assert len(found) == 101
    assert found[0][:3] == ("duplicate-id", 1, 28)
    assert found[-1][3] == "... and 19,899 more problems"
    # The roles array is walked once; each role object once, for the 100 listed only.
    assert walks["elements"] == 1
    assert walks["members"] <= 1 + 101


def test_lines_of_many_nodes_are_counted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "{\n" + ",\n".join(f'"k{i}": {{"id": "x"}}' for i in range(2_000)) + "\n}"
    marks = JsonMarks(text)
    counted = []
    real_count = str.count

    class Text(str):
        def count(self, *args: object) -> int:
            counted.append(args)
            return real_count(self, *args)  # type: ignore[arg-type]

    marks._text = Text(text)
    assert [marks.position((f"k{i}", "id")) for i in (0, 1999)] == [(2, 14), (2001, 17)]
    for i in range(2_000):
        marks.position((f"k{i}", "id"))
    assert len(counted) <= json_marks._DIRECT  # then a table of lines, made once


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_every_kind_of_problem_is_capped(fmt: str) -> None:
    if fmt == "yaml":  # 500 duplicate keys, refused by the YAML reader itself
        text = "meta:\n" + "".join("  k: 1\n" for _ in range(500)) + "roles: []\n"
    else:  # 500 duplicate keys, refused by the strict JSON reader
        text = '{"meta": {' + ", ".join(['"k": 1'] * 500) + '}, "roles": []}'
    found = problems(text, fmt)
    assert len(found) == 101
    assert {code for code, *_ in found[:100]} == {"duplicate-key"}
    assert found[-1][3] == "... and 399 more problems"


# -- F9, F19, F22: what strict JSON refuses --------------------------------------------------


def test_a_huge_json_integer_is_located(run: Cli, tmp_path: Path) -> None:
    path = tmp_path / "json_bigint_min.json"  # the review's reproducer
    path.write_text('{"roles": [{"id": "a", "meta": {"n": %s}}]}' % ("9" * 4301), encoding="utf-8")
    result = run("check", path)
    assert result.exit_code == 2
    assert result.stderr == f"{path}:1:38: a number of 4,301 digits: at most 4,300\n"


def test_json_duplicate_keys_are_refused_like_yamls() -> None:
    text = (HERE / "json_dupkeys.json").read_text(encoding="utf-8")
    assert problems(text) == [
        ("duplicate-key", 1, 26, "duplicate key 'roles' (first at line 1, column 2)"),
        ("duplicate-key", 1, 48, "duplicate key 'id' (first at line 1, column 37)"),
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # colons inside strings (a reader that counts colons must not be misled)
        ('{"roles": [{"id": "a", "title": "VP: Sales", "id": "b"}]}', "id"),
        ('{"roles": [{"id": "a", "meta": {"at": "10:30", "at": "11:00"}}]}', "at"),
        # keys with colons, repeated
        ('{"roles": [{"id": "a", "meta": {"x:y": 1, "x:y": 2}}]}', "x:y"),
        # a colon written as an escape
        ('{"roles": [{"id": "a", "title": "VP\\u003a Sales", "id": "b"}]}', "id"),
        # a repeat deep down, in a list of lists
        ('{"roles": [{"id": "a", "meta": {"m": [[{"k": 1, "k": 1}]]}}]}', "k"),
    ],
)
def test_a_repeated_key_is_refused_wherever_colons_are(text: str, key: str) -> None:
    first, repeat = text.index(f'"{key}"') + 1, text.rindex(f'"{key}"') + 1
    assert problems(text) == [
        ("duplicate-key", 1, repeat, f"duplicate key {key!r} (first at line 1, column {first})")
    ]


@pytest.mark.parametrize(
    "text",
    [
        '{"roles": [{"id": "a", "title": "VP: Sales", "meta": {"url": "https://x.test"}}]}',
        '{"roles": [{"id": "a", "title": "VP\\u003a Sales", "meta": {"a:b": "c:d"}}]}',
        '{"roles": [{"id": "a", "meta": {"l": [[], {}, [{}], {"x": [1, {"y": ":"}]}]}}]}',
    ],
)
def test_colons_inside_strings_are_no_repeated_key(text: str) -> None:
    assert orgroles.loads(text, "json").roles["a"].id == "a"


def test_nan_infinity_and_overflowing_numbers_are_refused() -> None:
    nan = (HERE / "json_nan.json").read_text(encoding="utf-8")
    assert [(code, line, column) for code, line, column, _ in problems(nan)] == [
        ("number", 1, 16),
        ("number", 1, 26),
        ("number", 1, 73),
    ]
    huge = (HERE / "json_float_id.json").read_text(encoding="utf-8")  # "id": 1e400
    assert problems(huge) == [("number", 1, 19, "the number 1e400 is too large for a float")]


def test_free_form_values_keep_the_text_limit_and_the_nesting_limit() -> None:
    long = json.dumps({"roles": [{"id": "a", "meta": {"x": "y" * 1_000_001}}]})
    assert problems(long)[0][:2] == ("too-long", 1)
    yaml_long = "roles:\n  - id: a\n    meta: {x: " + "y" * 1_000_001 + "}\n"
    assert problems(yaml_long, "yaml")[0][:3] == ("too-long", 3, 15)
    deep = json.dumps({"meta": {"x": [[[[[["z"]]]]]] * 1}}).replace("[", "[" * 12)
    assert problems(deep.replace("]", "]" * 12))[0][0] == "too-deep"


def test_a_nul_key_in_yaml_is_read_not_dropped() -> None:
    assert problems((HERE / "nul_escape_key.yaml").read_text(encoding="utf-8"), "yaml") == [
        ("unknown-key", 2, 13, "unknown key '\\x00'")
    ]
    org = orgroles.loads((HERE / "nul_escape_key_meta.yaml").read_text(encoding="utf-8"))
    assert org.meta == {"\0": "secret", "\0x": "2"}
    assert orgroles.loads(org.dumps()).meta == org.meta


# -- F20: lone surrogates ---------------------------------------------------------------------


def test_lone_surrogates_are_an_org_error() -> None:
    assert problems("roles: [{id: a, title: x\udcffy}]", "yaml")[0][:3] == ("encoding", 1, 25)
    assert problems('{"meta": {"k": "\\udcff"}, "roles": []}')[0][:3] == ("text", 1, 16)
    emoji = orgroles.loads('{"meta": {"k": "\\ud83d\\ude00"}, "roles": []}', "json")
    assert emoji.meta == {"k": "\U0001f600"}


def test_a_lone_surrogate_in_python_meta_is_an_org_error_when_written(tmp_path: Path) -> None:
    org = orgroles.Org(roles=[{"id": "a"}], meta={"k": "\udcff"})
    with pytest.raises(orgroles.OrgError, match="surrogate"):
        org.dump(tmp_path / "org.yaml")
    with pytest.raises(orgroles.OrgError, match="surrogate"):
        org.dumps("json")
    assert not list(tmp_path.iterdir())


# -- F23: lines as editors count them -------------------------------------------------------


def test_a_line_separator_is_not_a_line_break() -> None:
    text = (HERE / "ls_in_plain.yaml").read_text(encoding="utf-8")
    assert "\u2028" in text
    assert [(c, line) for c, line, _, _ in problems(text, "yaml")] == [("syntax", 2)]
    text = 'roles:\n  - {id: a, title: "x\u2028y"}\n  - {id: c, c: 1}\n'
    assert problems(text, "yaml")[0][:3] == ("unknown-key", 3, 13)


# -- F24: ids that show nothing ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("id_zwsp.yaml", [(2, "\\u200b"), (3, "\\u200b\\u200b")]),
        ("id_only_combining.yaml", [(2, "\\u0301")]),
    ],
)
def test_ids_made_only_of_invisible_characters_are_refused(
    name: str, expected: list[tuple[int, str]]
) -> None:
    found = problems((HERE / name).read_text(encoding="utf-8"), "yaml")
    assert [(line, code) for code, line, _, _ in found] == [(n, "invalid-id") for n, _ in expected]
    for (_, _, _, message), (_, shown) in zip(found, expected, strict=True):
        assert message == f"invalid id '{shown}': an id needs at least one visible character"
    assert orgroles.loads('roles:\n  - {id: "e\\u0301"}\n').roles  # an accent on a letter is fine
    with pytest.raises(orgroles.OrgError, match="at least one visible character"):
        orgroles.Org(people=[{"id": "\u3164"}])  # a Hangul filler, from Python
