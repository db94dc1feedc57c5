"""``orgroles report``: the page or the PDF, exit codes 0 and 2, and no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.health.pages import Page
from tests.helpers import EXAMPLES, SCALEUP, Cli

DATED = EXAMPLES / "scaleup_over_time.yaml"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGROLES_TODAY", "2026-05-15")


def test_the_summary_says_one_role_and_one_layer_in_the_singular(run: Cli, tmp_path: Path) -> None:
    org = tmp_path / "one.yaml"
    org.write_text("roles:\n  - {id: ceo, kind: ceo, reports_to: nobody}\n", encoding="utf-8")
    out = tmp_path / "one.html"
    result = run("report", org, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: health report of 1 role, 1 layer, 1 finding\n"


def test_the_page(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "health.html"
    result = run("report", SCALEUP, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: health report of 20 roles, 5 layers, 0 findings\n"
    page = Page(out.read_text(encoding="utf-8"))
    assert page.tiles["headcount"]["text"] == "19"


def test_the_pdf_in_french_since_a_day(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "bilan.pdf"
    result = run("report", DATED, "-o", out, "--lang", "fr", "--since", "2025-01-01")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")


def test_since_and_as_of_reach_the_page(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "health.html"
    result = run("report", DATED, "-o", out, "--since", "2025-01-01", "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Changes since 2025-01-01" in text
    assert "as of 2025-12-31" in text


def test_targets_on_the_command_line(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "health.html"
    args = ("--span-band", "2-4", "--max-layers", "4")
    assert run("report", SCALEUP, "-o", out, *args).exit_code == 0
    page = Page(out.read_text(encoding="utf-8"))
    assert "7 managers. 7 have 2 to 4 direct reports (the target band)" in page.text
    assert "target 3\u20134 for this size" in page.text  # 3 at the top of the band, 4 as told
    assert 'class="kpi off" data-key="layers"' in page.source


def test_to_standard_output(run: Cli) -> None:
    result = run("report", SCALEUP, "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "health report of 20 roles" in result.stderr
    pdf = run("report", SCALEUP, "-o", "-", "--format", "pdf")
    assert pdf.stdout_bytes.startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "h.svg"), "a report is .html or .pdf, not .svg"),
        (("-o", "h.html", "--span-band", "ten"), "write it LOW-HIGH, such as 5-10"),
        (("-o", "h.html", "--span-band", "8-4"), "the span band must have 1 <= low <= high"),
        (("-o", "h.html", "--narrow", "6"), "must be 0 or more and below the band (5)"),
        (("-o", "h.html", "--since", "May"), "not a day: 'May'"),
    ],
)
def test_bad_usage_exits_2_with_a_message(
    run: Cli, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run("report", DATED, *[str(tmp_path / a) if a.startswith("h.") else a for a in args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_bad_file_exits_2(run: Cli, write: object) -> None:
    path = write("bad.yaml", "roles:\n  - {id: a, reprts_to: b}\n")  # type: ignore[operator]
    result = run("report", path, "-o", "h.html")
    assert result.exit_code == 2
    assert "bad.yaml:2:" in result.stderr


def test_without_matplotlib_the_command_says_what_to_install(tmp_path: Path) -> None:
    # A fresh interpreter where importing matplotlib fails, as where it is not installed.
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "from orgroles.cli import main\n"
        f"main(['report', {str(SCALEUP)!r}, '-o', {str(tmp_path / 'h.html')!r}])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert "pip install 'orgroles[report]'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "h.html").exists()
