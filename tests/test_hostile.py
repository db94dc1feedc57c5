"""Hostile and broken input: each case has an exact, asserted behaviour.

Rendering and importers have their own hostile cases next to their tests.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path
from typing import Literal

import pytest

import orgroles
from orgroles.errors import OrgFileError

from tests.helpers import Cli


def refused(
    text: str | bytes, fmt: Literal["yaml", "json"] = "yaml"
) -> list[tuple[str, int | None, int | None]]:
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, fmt, path="x")
    return [
        (p.code, p.location.line if p.location else None, p.location.column if p.location else None)
        for p in info.value.problems
    ]


def test_a_billion_laughs_is_refused_without_being_expanded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        p, n = chr(96 + i), chr(97 + i)
        lines.append(f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]")
    refused("a: &a [1]\nb: *a\n")  # the reader's modules imported first: not measured
    tracemalloc.start()
    codes = {c for c, _, _ in refused("\n".join(lines))}
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1_000_000  # 9**9 "lol"s once expanded
    assert codes == {"anchor", "alias", "unknown-key"}


def test_merge_keys_are_aliases_and_refused() -> None:
    assert ("alias", 2, 14) in refused("base: &b {kind: cto}\nroles: [{<<: *b, id: x}]\n")


@pytest.mark.parametrize("depth", [65, 1000, 100_000])
def test_deep_yaml_is_refused(depth: int) -> None:
    problems = refused("meta: " + "[" * depth + "]" * depth)
    assert problems[-1][0] == "too-deep"


@pytest.mark.parametrize("depth", [300, 100_000])
def test_deep_json_is_refused(depth: int) -> None:
    problems = refused('{"meta": {"x": ' + "[" * depth + "]" * depth + "}}", "json")
    assert problems[0][0] == "too-deep"


def test_long_scalars_are_bounded_and_located() -> None:
    assert refused("roles:\n  - {id: a, title: " + "x" * 1_000_001 + "}\n") == [("too-long", 2, 20)]
    assert refused("roles:\n  - {id: " + "a" * 513 + "}\n") == [("too-long", 2, 10)]
    ok = orgroles.loads("roles:\n  - {id: a, title: " + "x" * 100_000 + "}\n")
    assert len(ok.title_of("a")) == 100_000


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("roles:\n  - {id: " + "a" * 513 + "}\n", "text too long (513 characters; at most 512)"),
        (
            "meta:\n  notes: " + "x" * 1_000_001 + "\nroles: []\n",
            "text too long (1,000,001 characters; at most 1,000,000)",
        ),
    ],
)
def test_a_text_too_long_says_the_limit(text: str, says: str) -> None:
    # It said only how long the text was: "text too long (2,000,000 characters)".
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text)
    assert info.value.problems[0].message == says


def test_nul_bytes_and_control_characters() -> None:
    assert refused("roles:\n  - {id: a\x00b}\n") == [("syntax", 2, 11)]
    assert refused('{"roles": [{"id": "a\x00"}]}', "json")[0][:2] == ("syntax", 1)
    # Escaped in JSON, a NUL is a character like another: refused in ids, kept in titles.
    assert refused('{"roles": [{"id": "a\\u0000"}]}', "json")[0][0] == "invalid-id"
    org = orgroles.loads('{"roles": [{"id": "a", "title": "x\\u0000y"}]}', "json")
    assert org.title_of("a") == "x\x00y"


def test_invalid_utf8_in_json_is_located() -> None:
    assert refused(b'{"roles": [\n {"id": "\xff"}]}', "json") == [("encoding", 2, 10)]


def test_tabs_get_a_hint() -> None:
    with pytest.raises(OrgFileError, match="a tab: YAML indents with spaces only"):
        orgroles.loads("roles:\n\t- {id: a}\n")


def test_ids_differing_only_by_case_are_two_roles_but_unicode_forms_are_one() -> None:
    org = orgroles.loads("roles:\n  - {id: CTO}\n  - {id: cto}\n")
    assert list(org.roles) == ["CTO", "cto"]
    assert refused('roles:\n  - {id: "caf\\u00e9"}\n  - {id: "cafe\\u0301"}\n') == [
        ("duplicate-id", 3, 10)
    ]
    assert refused("roles:\n  - {id: ' a'}\n") == [("invalid-id", 2, 10)]


def test_a_self_reference_everywhere() -> None:
    org = orgroles.loads("roles:\n  - {id: a, reports_to: a, dotted_to: [a]}\n")
    assert org.manager("a") is None
    assert [r.id for r in org.chain("a")] == ["a"]
    assert org.graph.number_of_edges() == 0
    # S004 says it; S003 counts it as the top it is (it said "no top role", as if a loop)
    assert [v.code for v in org.check(select=["S"])] == ["S004"]


NASTY = [
    "<script>alert(1)</script>",
    '"; rankdir=LR; a -> b [label="x',
    "\\N \\G \\L",
    "ops:east",
    "]]> <!-- --> &amp; &#x41;",
    "$(rm -rf ~) `whoami` ; | & > <",
    "%%{init: {'theme':'dark'}}%%",
    "=cmd|' /C calc'!A0",
    "\u202eevil\u202c",
    "\x1b]0;pwned\x07\x1b[2J",
]


@pytest.mark.parametrize("name", NASTY)
def test_nasty_names_round_trip_and_stay_text_in_reports(
    name: str, run: Cli, tmp_path: Path
) -> None:
    org = orgroles.Org(
        people=[{"id": "p", "name": name}],
        roles=[
            {"id": "a", "title": name, "holder": "p"},
            {"id": "b", "title": name, "holder": "p", "reports_to": "a"},
            {"id": "c", "title": name, "holder": "p", "reports_to": "b"},
        ],
    )
    for fmt in ("yaml", "json"):
        assert orgroles.loads(org.dumps(fmt), fmt).to_document() == org.to_document()
    path = tmp_path / "org.yaml"
    org.dump(path)
    text = run("check", path).stdout
    assert "holds 3 seats" in text
    assert "\x1b" not in text
    assert "\x07" not in text
    data = json.loads(run("check", path, "--format", "json").stdout)
    (v,) = [v for v in data["reports"][0]["violations"] if v["code"] == "H002"]
    assert name in v["message"]  # JSON keeps the text exactly; only the terminal view escapes


def test_a_newline_in_a_title_cannot_fake_a_report_line(run: Cli, tmp_path: Path) -> None:
    org = orgroles.Org(
        roles=[
            {"id": "a", "kind": "ceo"},
            {"id": "b", "kind": "cto", "reports_to": "a"},
            {
                "id": "c",
                "kind": "developer",
                "title": "Dev\nx.yaml:1:1: S001 error fake",
                "reports_to": "a",
            },
        ]
    )
    path = tmp_path / "org.yaml"
    org.dump(path)
    lines = run("check", path, "--select", "K002").stdout.splitlines()
    assert len([line for line in lines if "K002 warning" in line]) == 1
    assert not any(line.startswith("x.yaml") for line in lines)


def test_security_md_names_tests_that_exist() -> None:
    """Each test SECURITY.md gives as proof of a guarantee exists: the file, and the test
    named after it with ``::`` (a bare ``::name`` is a test of the file named before)."""
    import re

    from tests.helpers import ROOT

    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    file: Path | None = None
    checked = 0
    for path, test in re.findall(r"`(tests/[\w/.-]+)?(?:::(\w+))?`", text):
        if path:
            file = ROOT / path
            assert file.exists(), path
        if test:
            assert file is not None
            assert file.is_file()
            assert f"def {test}(" in file.read_text(encoding="utf-8"), (file, test)
        checked += 1
    assert checked >= 20
