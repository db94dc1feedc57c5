"""The issues' "done when" lines, end to end through the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import orgroles

from tests.helpers import DATA, Cli

GITLAB = DATA / "gitlab-team" / "team.yml"


def test_gitlab_import_check_and_render(run: Cli, tmp_path: Path) -> None:
    gl = tmp_path / "gl.yaml"
    result = run("import", "gitlab", GITLAB, "-o", gl)
    assert result.exit_code == 0, result.output
    assert "1,368 roles" in result.stderr
    assert "139 unknown managers (450 roles report to them)" in result.stderr

    checked = run("check", gl, "--format", "json")
    assert checked.exit_code == 1  # the dangling managers are errors
    report = json.loads(checked.stdout)["reports"][0]
    unknown_managers = [
        v
        for v in report["violations"]
        if v["code"] == "S002" and v["message"].startswith("reports_to ")
    ]
    assert len(unknown_managers) == 450
    assert len({v["role"] for v in unknown_managers}) == 450
    assert report["roles"] == 1368
    text = run("check", gl).stdout
    assert re.search(r"^\s+\d+\s+S002 unknown-reference \(error\)$", text, re.M)

    root = "tm-816c6d89"  # a VP with 188 roles below
    org = orgroles.load(gl)
    below = len(org.reports(root, transitive=True))
    assert below == 188
    svg = tmp_path / "team.svg"
    drawn = run("render", gl, "--root", root, "-o", svg, "--engine", "builtin")
    assert drawn.exit_code == 0, drawn.output
    assert drawn.stdout.startswith(f"{svg}: chart of ")
    assert len(re.findall(r'class="role[ "]', svg.read_text(encoding="utf-8"))) == below + 1
    assert org.title_of(root) in svg.read_text(encoding="utf-8")


def test_render_unknown_root_is_exit_2_with_a_hint(run: Cli, tmp_path: Path) -> None:
    gl = tmp_path / "gl.yaml"
    run("import", "gitlab", GITLAB, "-o", gl)
    result = run("render", gl, "--root", "tm-816c6d8", "-o", tmp_path / "x.svg")
    assert result.exit_code == 2
    assert "unknown role 'tm-816c6d8' (did you mean 'tm-816c6d89'?)" in result.stderr
