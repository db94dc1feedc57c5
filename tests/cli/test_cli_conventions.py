"""The command-line habits people bring from git, ruff and diff(1): '-' for stdin and
stdout, NO_COLOR and --color, folders and several files, --force, aligned columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import SCALEUP, TINY, Cli, Write

CYCLE = "roles:\n  - {id: a, reports_to: b}\n  - {id: b, reports_to: a}\n"


def test_check_reads_an_org_from_stdin_in_yaml_or_json(run: Cli) -> None:
    result = run("check", "-", input=TINY.read_text(encoding="utf-8"))
    assert result.exit_code == 0
    assert result.stdout == "<stdin>: no problems (4 roles)\n"
    as_json = json.dumps({"roles": [{"id": "a", "reports_to": "a"}]})
    result = run("check", "-", "--select", "S004", input=as_json)
    assert result.exit_code == 1
    assert "S004 error a: " in result.stdout


def test_query_render_diff_and_catalog_take_stdin(run: Cli) -> None:
    text = SCALEUP.read_text(encoding="utf-8")
    assert run("query", "-", "reports:cto", input=text).stdout.splitlines()[-1] == "3 roles"
    drawn = run("render", "-", "-o", "-", "--format", "mermaid", input=text)
    assert drawn.stdout.startswith("flowchart TD\n")
    assert drawn.stderr == "-: chart of 20 roles\n"
    assert run("diff", SCALEUP, "-", input=text).exit_code == 0
    assert "Chief Technical Officer" in run("catalog", "-", input=text).stdout


def test_render_to_stdout_is_svg_by_default_and_keeps_bytes(run: Cli) -> None:
    result = run("render", TINY, "-o", "-")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"<?xml")
    assert b"</svg>" in result.stdout_bytes


def test_a_suffix_or_a_format_picks_what_is_drawn(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chart.txt"
    result = run("render", TINY, "-o", out, "--format", "mermaid")
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("flowchart TD")


@pytest.mark.parametrize(
    ("command", "name", "fmt", "says"),
    [("render", "chart.svg", "png", "svg"), ("report", "health.html", "pdf", "html")],
)
def test_a_format_that_the_files_suffix_contradicts_is_refused(
    run: Cli, tmp_path: Path, command: str, name: str, fmt: str, says: str
) -> None:
    # PNG bytes went into chart.svg, a PDF into health.html, with exit 0.
    out = tmp_path / name
    result = run(command, TINY, "-o", out, "--format", fmt)
    assert result.exit_code == 2
    assert result.stderr == (
        f"orgroles: --format {fmt}, but the file name {str(out)!r} says {says}: drop "
        f"--format, or name the file for {fmt}\n"
    )
    assert not out.exists()


def test_no_color_and_the_color_option(
    run: Cli, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("org.yaml", CYCLE)
    assert "\x1b[" in run("check", path, "--color", "always").stdout
    assert "\x1b[" not in run("check", path, "--color", "never").stdout
    # auto: colour only on a terminal, and never where NO_COLOR is set
    import sys

    import orgroles.cli.base as base

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert base.use_color("auto") is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert base.use_color("auto") is False
    assert base.use_color("always") is True
    monkeypatch.setenv("NO_COLOR", "")
    assert base.use_color("auto") is True


def test_diff_exits_1_when_the_orgs_differ(run: Cli, write: Write) -> None:
    text = TINY.read_text(encoding="utf-8")
    assert "reports_to: cto" in text
    other = write("other.yaml", text.replace("reports_to: cto", "reports_to: ceo", 1))
    assert run("diff", TINY, TINY).exit_code == 0
    changed = run("diff", TINY, other)
    assert changed.exit_code == 1
    assert changed.stdout.strip()
    assert run("diff", "-", "-", input="").exit_code == 2


def test_check_takes_folders_and_several_files_with_one_summary(
    run: Cli, write: Write, tmp_path: Path
) -> None:
    write("orgs/a.yaml", CYCLE)
    write("orgs/sub/b.json", json.dumps({"roles": [{"id": "x"}]}))
    write("orgs/.hidden/c.yaml", "not: [an org")
    write("orgs/notes.txt", "ignored")
    result = run("check", tmp_path / "orgs", TINY, "--select", "S")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.endswith("a.yaml: 1 error, 1 warning (2 roles)") for line in lines)
    assert any("b.json: no problems (1 role)" in line for line in lines)
    assert lines[-1] == "all 3 files: 1 error, 1 warning (7 roles)"
    assert "hidden" not in result.stdout


def test_an_unreadable_file_among_several_is_counted_and_exits_2(run: Cli, write: Write) -> None:
    bad = write("bad.yaml", "roles: [{id: a, reports_too: b}]\n")
    result = run("check", TINY, bad)
    assert result.exit_code == 2
    assert "bad.yaml:1:" in result.stderr
    assert result.stdout.splitlines()[-1] == (
        "all 2 files: no problems (4 roles); 1 file could not be read"
    )


def test_an_empty_folder_is_a_clear_error(run: Cli, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("check", tmp_path / "empty")
    assert result.exit_code == 2
    assert "no .yaml, .yml or .json file in this folder" in result.stderr


def test_check_refuses_to_write_its_report_over_an_org(run: Cli, write: Write) -> None:
    path = write("org.yaml", CYCLE)
    result = run("check", path, "-o", path)
    assert result.exit_code == 2
    assert "which this command reads: refusing to replace it with the report" in result.stderr
    assert path.read_text(encoding="utf-8") == CYCLE


def test_import_keeps_an_existing_file_unless_forced(run: Cli, write: Write) -> None:
    target = write("org.yaml", "# hand-edited\n")
    gitlab = Path("tests/data/gitlab-team/team.yml")
    kept = run("import", "gitlab", gitlab, "-o", target)
    assert kept.exit_code == 2
    assert "exists; use --force" in kept.stderr
    assert target.read_text(encoding="utf-8") == "# hand-edited\n"
    forced = run("import", "gitlab", gitlab, "-o", target, "--force")
    assert forced.exit_code == 0
    assert "1,368 roles" in forced.stderr


def test_import_to_stdout_writes_yaml(run: Cli) -> None:
    result = run(
        "import", "csv", "tests/data/d3-org-chart/data-oracle-107.csv", "--preset", "d3", "-o", "-"
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("name: ")
    assert "roles:" in result.stdout


def test_query_text_lines_up_every_column(run: Cli) -> None:
    lines = run("query", SCALEUP, "reports:cto").stdout.splitlines()
    assert lines[-1] == "3 roles"
    rows = list(zip(lines[:-1], ["Engineering Manager", "Lead Developer", "Security"], strict=True))
    assert [line.split()[0] for line, _ in rows] == ["em-platform", "lead-apps", "security-officer"]
    assert len({line.index(title) for line, title in rows}) == 1  # titles start in one column
    names = ["Kenji Arai", "Hana Sato", "Théo Fabre"]
    assert len({line.index(name) for (line, _), name in zip(rows, names, strict=True)}) == 1


def test_query_reports_answers_who_the_cto_manages(run: Cli) -> None:
    data = json.loads(run("query", TINY, "reports:cto", "--format", "json").stdout)
    assert [r["id"] for r in data] == ["dev-1", "dev-2"]
    assert (
        json.loads(run("query", TINY, "manager:dev-1", "--format", "json").stdout)[0]["id"] == "cto"
    )


@pytest.mark.parametrize(
    ("root", "shown"),
    [
        ("cto", 12),
        ("Chief Technical Officer", 12),
        ("chief product officer", 6),
        ("holder:marc", 12),
    ],
)
def test_render_root_takes_an_id_a_title_or_a_selector(
    run: Cli, tmp_path: Path, root: str, shown: int
) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "x.mmd", "--root", root)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{tmp_path / 'x.mmd'}: chart of {shown} roles\n"


def test_render_root_that_names_several_roles_lists_them(run: Cli, tmp_path: Path) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "x.svg", "--root", "Developer")
    assert result.exit_code == 2
    assert "'Developer' names 5 roles: dev-platform-1" in result.stderr
    unknown = run("render", SCALEUP, "-o", tmp_path / "x.svg", "--root", "Chief Technical Oficer")
    assert unknown.exit_code == 2
    assert "did you mean 'Chief Technical Officer'?" in unknown.stderr
