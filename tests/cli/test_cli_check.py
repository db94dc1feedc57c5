"""`orgroles check`: exit codes, text, JSON and SARIF output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from orgroles.rules.output import format_text

from tests.helpers import DATA, SCALEUP, TINY, Cli, Write

CYCLE = """\
people: [{id: ana, name: Ana Lima}]
roles:
  - {id: ceo, kind: ceo, holder: ana}
  - {id: a, holder: ana, reports_to: c}
  - {id: b, holder: ana, reports_to: a}
  - {id: c, holder: ana, reports_to: b}
"""


@pytest.fixture
def cycle(write: Write) -> Path:
    return write("cycle.yaml", CYCLE)


def test_the_examples_are_clean(run: Cli) -> None:
    result = run("check", TINY)
    assert result.exit_code == 0
    assert result.stdout == f"{TINY}: no problems (4 roles)\n"


def test_a_cycle_exits_1_and_names_s001_and_the_roles(run: Cli, cycle: Path) -> None:
    result = run("check", cycle, "--select", "S001")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{cycle}:4:5: S001 error a: reporting cycle of 3 roles: a -> c -> b -> a [reporting-cycle]",
        f"{cycle}: 1 error (4 roles)",
        "     1  S001 reporting-cycle (error)",
    ]


def test_warnings_alone_exit_0(run: Cli, write: Write) -> None:
    path = write("w.yaml", "roles:\n  - {id: a}\n  - {id: b}\n")
    result = run("check", path)
    assert result.exit_code == 0
    assert "S003 warning" in result.stdout


def test_exit_zero(run: Cli, cycle: Path) -> None:
    assert run("check", cycle, "--exit-zero").exit_code == 0


@pytest.mark.parametrize(
    ("fail_on", "code"), [(None, 0), ("error", 0), ("warning", 1), ("info", 1)]
)
def test_fail_on_a_lower_severity(run: Cli, write: Write, fail_on: str | None, code: int) -> None:
    # Two tops (S003, a warning) and a manager of one (C002, an info): no error.
    path = write("w.yaml", "roles:\n  - {id: a}\n  - {id: b}\n  - {id: c, reports_to: b}\n")
    options = ["--fail-on", fail_on] if fail_on else []
    result = run("check", path, *options)
    assert result.exit_code == code
    assert "S003 warning" in result.stdout
    assert run("check", path, *options, "--exit-zero").exit_code == 0


def test_fail_on_infos_only(run: Cli, write: Write) -> None:
    held = "people: [{id: p}]\nroles:\n  - {id: a, holder: p}\n  - {id: b, reports_to: a}\n"
    path = write("i.yaml", held)  # a manager of one (C002, an info), and nothing else
    assert run("check", path, "--fail-on", "warning").exit_code == 0
    assert run("check", path, "--fail-on", "info").exit_code == 1


def test_fail_on_over_time_counts_what_holds_on_the_last_day(run: Cli) -> None:
    dated = "examples/scaleup_over_time.yaml"  # seats vacant for too long (H004, warnings)
    late = ("check", dated, "--over-time", "--select", "H004", "--as-of", "2026-11-01")
    assert run(*late).exit_code == 0
    assert run(*late, "--fail-on", "warning").exit_code == 1
    early = ("check", dated, "--over-time", "--select", "H004", "--as-of", "2026-01-15")
    assert run(*early, "--fail-on", "warning").exit_code == 0


def test_select_and_ignore_take_comma_lists(run: Cli, cycle: Path) -> None:
    result = run("check", cycle, "--select", "S,H", "--ignore", "S001,H002")
    assert result.exit_code == 0
    assert "H002" not in result.stdout
    assert "S001" not in result.stdout


def test_an_unknown_rule_on_the_command_line_exits_2(run: Cli, cycle: Path) -> None:
    result = run("check", cycle, "--select", "S01")
    assert result.exit_code == 2
    assert result.stderr == "orgroles: select: unknown rule 'S01' (did you mean 'S001'?)\n"


def test_an_unreadable_file_among_others_exits_2_but_the_others_are_checked(
    run: Cli, write: Write
) -> None:
    bad = write("bad.yaml", "roles: [")
    result = run("check", TINY, bad)
    assert result.exit_code == 2
    assert f"{TINY}: no problems" in result.stdout
    assert result.stderr.startswith(f"{bad}:")


def test_json_output_is_stable(run: Cli, cycle: Path) -> None:
    result = run("check", cycle, "--format", "json", "--select", "S001,H002")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["format"] == 1
    assert data["ok"] is False
    (report,) = data["reports"]
    assert report["path"] == str(cycle)
    assert report["summary"] == {"error": 1, "warning": 1, "info": 0}
    assert report["counts"] == {"H002": 1, "S001": 1}
    assert report["rules"] == ["H002", "S001"]
    h002 = report["violations"][0]
    assert h002 == {
        "code": "H002",
        "name": "overloaded-person",
        "severity": "warning",
        "role": "ceo",
        "message": "Ana Lima (ana) holds 4 seats (max 2): ceo, a, b, c",
        "related": ["a", "b", "c"],
        "location": {"path": str(cycle), "line": 3, "column": 5},
    }


def test_json_names_a_file_that_could_not_be_read_and_is_not_ok(run: Cli, write: Write) -> None:
    # It said '"ok": true' with the file left out, as if it were clean.
    bad = write("bad.yaml", "roles:\n  - {id: a, titel: CEO}\n")
    result = run("check", bad, TINY, "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert [r["path"] for r in data["reports"]] == [str(TINY)]
    assert data["unreadable"] == [
        {
            "path": str(bad),
            "problems": [
                {
                    "message": "unknown key 'titel' (did you mean 'title'?)",
                    "code": "unknown-key",
                    "location": {"path": str(bad), "line": 2, "column": 13},
                }
            ],
        }
    ]
    assert "unreadable" not in json.loads(run("check", TINY, "--format", "json").stdout)


def test_sarif_of_a_file_that_could_not_be_read_is_no_successful_run(
    run: Cli, write: Write
) -> None:
    bad = write("bad.yaml", "roles:\n  - {id: a, titel: CEO}\n")
    result = run("check", bad, "--format", "sarif")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "unknown key 'titel' (did you mean 'title'?)"
    where = note["locations"][0]["physicalLocation"]
    assert where["region"] == {"startLine": 2, "startColumn": 13}
    assert where["artifactLocation"]["uri"] == bad.as_posix()


def test_over_time_json_names_a_file_that_could_not_be_read(run: Cli, write: Write) -> None:
    bad = write("bad.yaml", "roles: [")
    result = run("check", bad, TINY, "--over-time", "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["unreadable"][0]["path"] == str(bad)


def _sarif_schema() -> dict[str, object]:
    schema: dict[str, object] = json.loads(
        (DATA / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8")
    )
    return schema


def test_sarif_validates_against_the_sarif_2_1_0_schema(
    run: Cli, cycle: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.sarif"
    result = run("check", cycle, TINY, "--format", "sarif", "-o", out)
    assert result.exit_code == 1
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    run_ = log["runs"][0]
    assert run_["tool"]["driver"]["name"] == "orgroles"
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    for result_ in run_["results"]:
        assert rule_ids[result_["ruleIndex"]] == result_["ruleId"]
        region = result_["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
    s001 = next(r for r in run_["results"] if r["ruleId"] == "S001")
    assert s001["level"] == "error"
    assert s001["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == cycle.as_posix()
    assert s001["locations"][0]["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 5}


def test_sarif_of_a_clean_org_is_valid_and_empty(run: Cli) -> None:
    result = run("check", SCALEUP, "--format", "sarif")
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    assert log["runs"][0]["results"] == []


def test_text_is_coloured_only_for_a_terminal(run: Cli, cycle: Path) -> None:
    import orgroles

    report = orgroles.load(cycle).check()
    assert "\x1b[" in format_text(report, color=True)
    assert "\x1b[" not in format_text(report, color=False)
    assert "\x1b[" not in run("check", cycle).stdout  # CliRunner is not a terminal


def test_report_to_a_file(run: Cli, cycle: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = run("check", cycle, "-o", out)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "S001 error a: reporting cycle" in out.read_text()


def test_a_selection_that_leaves_no_rule_says_so(run: Cli) -> None:
    result = run("check", SCALEUP, "--select", "K", "--ignore", "K")
    assert result.exit_code == 0
    assert result.stderr == "warning: no rule was checked: every rule selected is ignored\n"
    assert run("check", SCALEUP, "--select", "K001").stderr == ""


def test_a_catalogue_folder_that_does_not_exist_is_a_usage_error(run: Cli, tmp_path: Path) -> None:
    result = run("check", SCALEUP, "--catalog-dir", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
