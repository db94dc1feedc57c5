"""``orgroles init``: starter orgs that load and pass, shipped inside the package."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import orgroles
from orgroles.cli.starter import EXAMPLES, SKELETON, starter_text
from orgroles.schema import SCHEMA_URL

from tests.helpers import ROOT, Cli

PACKAGED = ROOT / "src" / "orgroles" / "examples"


@pytest.mark.parametrize("name", sorted(EXAMPLES.values()))
def test_the_packaged_examples_equal_the_repository_s_byte_for_byte(name: str) -> None:
    assert (PACKAGED / name).read_bytes() == (ROOT / "examples" / name).read_bytes(), (
        f"copy it: cp examples/{name} src/orgroles/examples/{name}"
    )


def test_every_repository_example_org_is_packaged() -> None:
    org_files = {p.name for p in (ROOT / "examples").glob("*.yaml")}
    assert org_files == set(EXAMPLES.values())
    assert {p.name for p in PACKAGED.iterdir()} == {*EXAMPLES.values(), SKELETON}


@pytest.mark.parametrize("example", list(EXAMPLES))
def test_each_example_is_written_loads_and_checks(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "--example", example)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("org.yaml: the ")
    assert result.stderr.rstrip().endswith("next: orgroles check org.yaml")
    text = Path("org.yaml").read_text(encoding="utf-8")
    assert text == starter_text(example)
    original = (ROOT / "examples" / EXAMPLES[example]).read_text(encoding="utf-8")
    assert text.split("\n", 1)[1] == original.split("\n", 1)[1]  # only the schema line differs
    checked = run("check", "org.yaml")
    assert checked.exit_code == 0, checked.output  # warnings and infos only
    assert orgroles.load("org.yaml") == orgroles.load(ROOT / "examples" / EXAMPLES[example])


def test_the_schema_line_points_at_the_published_schema() -> None:
    for example in [None, *EXAMPLES]:
        first = starter_text(example).splitlines()[0]
        assert first == f"# yaml-language-server: $schema={SCHEMA_URL}org.schema.json"
    # ... which is the $id of the schema that docs/schema/ publishes with the site.
    published = json.loads((ROOT / "docs" / "schema" / "org.schema.json").read_text("utf-8"))
    assert published["$id"] == SCHEMA_URL + "org.schema.json"


def test_the_skeleton_loads_empty_and_loads_filled_in_once_uncommented(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.exit_code == 0, result.output
    assert "an empty skeleton (0 roles)" in result.stderr
    text = Path("org.yaml").read_text(encoding="utf-8")
    assert len(orgroles.load("org.yaml").roles) == 0
    # Uncommenting the example lines (the keys and their items) gives a working org.
    filled = re.sub(r"^# (\w+:$|  )", r"\1", text, flags=re.M)
    Path("filled.yaml").write_text(filled, encoding="utf-8")
    org = orgroles.load("filled.yaml")
    assert list(org.roles) == ["ceo", "cto", "dev-1", "office"]
    assert org.check().ok


def test_it_refuses_to_overwrite_without_force(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("org.yaml").write_text("name: mine\n", encoding="utf-8")
    result = run("init", "--example", "scaleup")
    assert result.exit_code == 2
    assert "org.yaml: the org file exists; use --force" in result.stderr
    assert Path("org.yaml").read_text(encoding="utf-8") == "name: mine\n"
    assert run("init", "--example", "scaleup", "--force").exit_code == 0
    assert len(orgroles.load("org.yaml").roles) == 20


def test_a_path_or_o_and_stdout(run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init", "team.yml", "--example", "three-person").exit_code == 0
    assert run("init", "-o", "other.yaml").exit_code == 0
    assert Path("team.yml").exists()
    assert Path("other.yaml").exists()
    assert run("init", "a.yaml", "-o", "b.yaml").exit_code == 2
    out = run("init", "-", "--example", "three-person")
    assert out.exit_code == 0
    assert out.stdout == starter_text("three-person")
    assert out.stderr == ""


def test_json_gets_the_data_without_the_comments(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init", "org.json", "--example", "dated").exit_code == 0
    assert orgroles.load("org.json") == orgroles.load(ROOT / "examples" / EXAMPLES["dated"])


def test_a_path_that_is_no_org_file_exits_2(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "org.txt")
    assert result.exit_code == 2
    assert "an org file ends in .yaml, .yml or .json" in result.stderr
    assert run("init", "--example", "nope").exit_code == 2
    assert not Path("org.txt").exists()
