"""The command line of dated orgs: history, diff of two days, --as-of, check --over-time."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, SCALEUP, Cli

DATED = EXAMPLES / "scaleup_over_time.yaml"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGROLES_TODAY", "2026-05-15")


def test_history_as_text_between_two_days(run: Cli) -> None:
    result = run("history", DATED, "--from", "2025-04-01", "--to", "2025-04-01")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "2025-04-01  moved         po-1  cto -> cpo",
        "2025-04-01  moved         po-2  cto -> cpo",
        "2025-04-01  moved         po-3  cto -> cpo",
        "2025-04-01  seat-opened   qa  under em, hugo",
    ]


def test_history_as_json_and_csv(run: Cli) -> None:
    changes = json.loads(run("history", DATED, "--format", "json").stdout)
    assert changes[0] == {
        "date": "2024-01-08",
        "kind": "seat-opened",
        "role": "ceo",
        "before": None,
        "after": "ceo",
    }
    rows = list(csv.DictReader(io.StringIO(run("history", DATED, "--format", "csv").stdout)))
    assert len(rows) == len(changes)
    assert {r["kind"] for r in rows} >= {"moved", "acting-start", "seat-closed", "holder-out"}


def test_history_of_an_undated_org(run: Cli) -> None:
    result = run("history", SCALEUP)
    assert result.exit_code == 0
    assert result.stdout == "Northwind Labs: no dated changes\n"


def test_diff_of_two_days_of_one_org(run: Cli) -> None:
    result = run("diff", DATED, "--from", "2025-03-31", "--to", "2025-04-01")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "added      qa: QA Engineer, under em",
        "moved      po-1: cto -> cpo",
        "moved      po-2: cto -> cpo",
        "moved      po-3: cto -> cpo",
    ]
    assert run("diff", DATED, "--from", "2025-04-02", "--to", "2025-04-03").exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", DATED], "give two orgs (diff OLD NEW), or one and --from and --to"),
        (["diff", DATED, SCALEUP, "--from", "2025-01-01"], "--from and --to compare two days"),
        (["diff", DATED, "--from", "soon", "--to", "2025-01-01"], "not a day: 'soon'"),
    ],
)
def test_diff_usage_errors(run: Cli, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_query_and_check_as_of_a_day(run: Cli) -> None:
    assert run("query", DATED, "holder:camille", "--as-of", "2025-01-01").stdout.startswith("cto")
    assert "cto" not in run("query", DATED, "holder:camille").stdout  # she left in 2025
    result = run("check", DATED, "--as-of", "2025-04-01", "--select", "K002", "--format", "json")
    report = json.loads(result.stdout)["reports"][0]
    assert [v["role"] for v in report["violations"]] == ["po-1", "po-2", "po-3"]
    assert report["violations"][0]["location"]["line"] > 1


def test_render_as_of_a_day(run: Cli) -> None:
    past = run("render", DATED, "-o", "-", "--format", "mermaid", "--as-of", "2024-01-08").stdout
    assert past.count("<b>Developer</b>") == 1  # dev-1, on the founding day
    today = run("render", DATED, "-o", "-", "--format", "mermaid").stdout
    assert "planned from 2026-07" in today


def test_check_over_time_as_text_json_and_sarif(run: Cli) -> None:
    text = run("check", DATED, "--over-time", "--select", "K002,H004")
    assert text.exit_code == 0  # warnings only
    lines = text.stdout.splitlines()
    assert lines[0].startswith("K002 po-1 from 2025-04-01 (when po-1 moved to cpo, ")
    assert lines[-1].endswith(
        "scaleup_over_time.yaml: 4 violations over time, 4 still holding (60 roles)"
    )
    data = json.loads(
        run("check", DATED, "--over-time", "--select", "H004", "--format", "json").stdout
    )
    assert data["format"] == 1
    (violation,) = data["reports"][0]["violations"]
    assert (violation["role"], violation["from"], violation["until"]) == (
        "ae-3",
        "2026-03-01",
        None,
    )
    sarif = json.loads(
        run("check", DATED, "--over-time", "--select", "H004", "--format", "sarif").stdout
    )
    (result,) = sarif["runs"][0]["results"]
    assert result["message"]["text"].endswith("(from 2026-03-01)")


def test_over_time_exits_1_only_for_an_error_that_still_holds(run: Cli, tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "roles:\n"
        "  - {id: ceo, kind: ceo, holder: ana}\n"
        "  - {id: vp, kind: vp-engineering, holder: bo, reports_to: ceo, end: 2026-12-31}\n"
        "  - {id: dev, kind: developer, start: 2027-01-01, reports_to: vp}\n",
        encoding="utf-8",
    )
    result = run("check", path, "--over-time", "--select", "S006")
    assert result.exit_code == 1
    assert "S006 dev from the start" in result.stdout
