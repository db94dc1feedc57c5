"""orgroles render: options, exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgroles import Org
from orgroles.rules import Report, Violation

from .conftest import SCALEUP, TINY, Cli


def test_render_writes_the_chart_and_says_so(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    result = run("render", SCALEUP, "-o", out, "--engine", "builtin")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: chart of 20 roles\n"
    assert "Chief Technical Officer" in out.read_text(encoding="utf-8")


def test_render_options_reach_the_chart(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chart.mmd"
    result = run(
        "render", SCALEUP, "-o", out, "--root", "cto", "--depth", "1", "--lang", "fr",
        "--show", "responsibilities", "--fold", "3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Directeur technique" in text
    assert "Chief Executive Officer" not in text
    assert "Définir la stratégie technique" in text
    assert "+4 en dessous" in text


def test_an_unknown_root_exits_2_with_did_you_mean(run: Cli, tmp_path: Path) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "c.svg", "--root", "ctoo")
    assert result.exit_code == 2
    assert result.stderr == "orgroles: unknown role 'ctoo' (did you mean 'cto'?)\n"
    assert not (tmp_path / "c.svg").exists()


def test_bad_usage_exits_2(run: Cli, tmp_path: Path) -> None:
    assert run("render", SCALEUP).exit_code == 2  # no -o
    assert run("render", SCALEUP, "-o", tmp_path / "c.svg", "--lang", "de").exit_code == 2
    assert run("render", SCALEUP, "-o", tmp_path / "c.svg", "--depth", "-1").exit_code == 2
    result = run("render", SCALEUP, "-o", tmp_path / "c.bmp")
    assert result.exit_code == 2
    assert "unknown suffix '.bmp'" in result.stderr


@pytest.mark.nodot
def test_png_without_dot_exits_2_and_says_what_to_install(run: Cli, tmp_path: Path) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "chart.png")
    assert result.exit_code == 2
    assert "apt-get install graphviz" in result.stderr
    assert "brew install graphviz" in result.stderr
    assert "conda install graphviz" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.nodot
def test_svg_without_dot_works(run: Cli, tmp_path: Path) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "chart.svg")
    assert result.exit_code == 0, result.output


@pytest.mark.dot
def test_png_with_dot_works(run: Cli, tmp_path: Path) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "chart.png")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")


def test_check_highlights_the_violations(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = Report(
        [
            Violation("K004", "hands-on-cto", "error", "cto", "team too big"),
            Violation("C002", "single-report", "warning", "ceo", "one report"),
        ]
    )
    monkeypatch.setattr(Org, "check", lambda self, **kw: report, raising=False)
    out = tmp_path / "chart.svg"
    result = run("render", TINY, "-o", out, "--check", "--engine", "builtin")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("violations highlighted: 1 error, 1 warning\n")
    svg = out.read_text(encoding="utf-8")
    assert 'class="role error' in svg
    assert 'class="role warning' in svg
    assert "⚠ K004" in svg
