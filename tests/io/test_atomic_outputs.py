"""Every file orgroles writes is written atomically: a failure keeps the old file whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import DATA, SCALEUP, TINY, Cli

OLD = "the previous content\n"

# (the command line, the output file's name): every command that writes a file.
WRITERS = [
    (["render", str(TINY), "-o", "{out}", "--engine", "builtin"], "chart.svg"),
    (["render", str(TINY), "-o", "{out}"], "chart.mmd"),
    (["render", str(TINY), "-o", "{out}"], "chart.html"),
    (
        [
            "import",
            "csv",
            str(DATA / "d3-org-chart" / "data-oracle-107.csv"),
            "--preset",
            "d3",
            "-o",
            "{out}",
            "--force",  # import keeps an existing file unless told to replace it
        ],
        "org.yaml",
    ),
    (
        ["import", "gitlab", str(DATA / "gitlab-team" / "team.yml"), "-o", "{out}", "--force"],
        "gl.json",
    ),
    (["schema", "-o", "{out}"], "org.schema.json"),
    (["check", str(SCALEUP), "--format", "sarif", "-o", "{out}"], "report.sarif"),
    (["query", str(SCALEUP), "kind:cto", "-o", "{out}"], "roles.txt"),
]


@pytest.mark.parametrize(("args", "name"), WRITERS, ids=[w[1] for w in WRITERS])
def test_a_failed_write_leaves_the_old_file(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str
) -> None:
    out = tmp_path / name
    out.write_text(OLD)

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = run(*[a.format(out=out) for a in args])
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_text() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


@pytest.mark.parametrize(("args", "name"), WRITERS, ids=[w[1] for w in WRITERS])
def test_the_write_replaces_the_old_file_when_it_succeeds(
    run: Cli, tmp_path: Path, args: list[str], name: str
) -> None:
    out = tmp_path / name
    out.write_text(OLD)
    result = run(*[a.format(out=out) for a in args])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") != OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
