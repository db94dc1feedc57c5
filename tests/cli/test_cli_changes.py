"""`orgroles render --diff OLD` and `--diff-from DATE`: change charts from the command line,
and their errors (exit 2)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from tests.helpers import Cli, Write

SVG = {"svg": "http://www.w3.org/2000/svg"}
DATED = "examples/scaleup_over_time.yaml"


def changed_roles(svg: Path) -> dict[str, set[str]]:
    """The kinds of change of each marked box of a chart, by role id (from its tooltip)."""
    found = {}
    for g in ET.parse(svg).getroot().iterfind(".//svg:g[@class]", SVG):
        title = g.find("svg:title", SVG)
        if title is None or not (title.text or "").endswith(")"):
            continue
        kinds = set(g.get("class", "").split()) & {"added", "removed", "moved", "restaffed"}
        if kinds:
            found[(title.text or "").rsplit("(", 1)[1][:-1]] = kinds
    return found


def test_diff_from_shows_the_product_owners_moved_by_the_reorg(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "reorg.svg"
    result = run("render", DATED, "-o", out, "--diff-from", "2025-03-01", "--as-of", "2025-05-01")
    assert result.exit_code == 0, result.output
    assert "changes: new seats (3), moved seats (3) · old line dashed" in result.output
    found = changed_roles(out)
    assert {r for r, kinds in found.items() if "moved" in kinds} == {"po-1", "po-2", "po-3"}
    assert {r for r, kinds in found.items() if "added" in kinds} == {"qa", "pm-2", "csm-1"}
    # The title says what the chart compares, in the chart's language.
    assert "Lumen Labs over time: changes from 2025-03-01 to 2025-05-01" in out.read_text()
    result = run(
        "render",
        DATED,
        "-o",
        out,
        "--diff-from",
        "2025-03-01",
        "--as-of",
        "2025-05-01",
        "--lang",
        "fr",
    )
    assert result.exit_code == 0, result.output
    assert "Lumen Labs over time : changements du 2025-03-01 au 2025-05-01" in out.read_text()


def test_diff_compares_two_files(run: Cli, write: Write, tmp_path: Path) -> None:
    old = write(
        "old.yaml", "roles:\n  - {id: ceo, kind: ceo}\n  - {id: cfo, kind: cfo, reports_to: ceo}\n"
    )
    new = write(
        "new.yaml", "roles:\n  - {id: ceo, kind: ceo}\n  - {id: cto, kind: cto, reports_to: ceo}\n"
    )
    for suffix in ("svg", "png", "pdf", "pptx", "html", "dot", "mmd"):
        out = tmp_path / f"chart.{suffix}"
        result = run("render", new, "-o", out, "--diff", old)
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    assert changed_roles(tmp_path / "chart.svg") == {"cto": {"added"}, "cfo": {"removed"}}
    assert ": changes from old.yaml to new.yaml" in (tmp_path / "chart.svg").read_text()


def test_a_diff_file_that_cannot_be_read_is_a_located_error(
    run: Cli, write: Write, tmp_path: Path
) -> None:
    bad = write("bad.yaml", "roles:\n  - {id: ceo, kind: ceo\n")
    result = run("render", DATED, "-o", tmp_path / "x.svg", "--diff", bad)
    assert result.exit_code == 2
    assert f"{bad}:" in result.stderr
    result = run("render", DATED, "-o", tmp_path / "x.svg", "--diff", tmp_path / "nowhere.yaml")
    assert result.exit_code == 2
    assert "nowhere.yaml" in result.stderr
    assert not (tmp_path / "x.svg").exists()


def test_diff_and_diff_from_together_is_a_usage_error(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    result = run("render", DATED, "-o", out, "--diff", DATED, "--diff-from", "2025-01-01")
    assert result.exit_code == 2
    assert "use one" in result.stderr
    assert not out.exists()


def test_diff_from_needs_a_dated_org(run: Cli, tmp_path: Path) -> None:
    result = run(
        "render",
        "examples/scaleup_cto_cpo.yaml",
        "-o",
        tmp_path / "x.svg",
        "--diff-from",
        "2025-01-01",
    )
    assert result.exit_code == 2
    assert "has no dates" in result.stderr
    assert "--diff OLD" in result.stderr


def test_diff_from_needs_a_day(run: Cli, tmp_path: Path) -> None:
    result = run("render", DATED, "-o", tmp_path / "x.svg", "--diff-from", "2025-13-01")
    assert result.exit_code == 2
    assert "not a day: '2025-13-01'" in result.stderr


def test_diff_from_a_day_after_the_day_drawn_is_a_usage_error(run: Cli, tmp_path: Path) -> None:
    # It drew a reversed change chart without a word: what opened later shown as removed.
    out = tmp_path / "x.svg"
    result = run("render", DATED, "-o", out, "--diff-from", "2025-05-01", "--as-of", "2025-03-01")
    assert result.exit_code == 2
    assert result.stderr == (
        "orgroles: --diff-from 2025-05-01 is after the day drawn (2025-03-01, --as-of): a "
        "change chart goes from an earlier day to a later one\n"
    )
    assert not out.exists()
