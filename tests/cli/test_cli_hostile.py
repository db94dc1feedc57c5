"""What reaches a terminal from hostile data (review F10), and what the commands refuse to
do with their own input (F24)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from orgroles.cli import query as query_module
from orgroles.render.engines import memory_capped

from tests.helpers import ROOT, Cli

HERE = Path(__file__).parent / "hostile"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # \t, \n allowed


def test_catalog_text_shows_escape_sequences_as_text(run: Cli) -> None:
    result = run("catalog", HERE / "catalog_escape.yaml")
    assert result.exit_code == 0
    assert not RAW.search(result.stdout)
    (line,) = [line for line in result.stdout.splitlines() if "evil " in line]
    assert line.startswith("  evil" + " " * 23 + "Evil\\x1b]0;PWNED-TITLE\\x07\\x1b[2J")
    assert "\\x0afake.yaml:1:1: S001 error forged line" in line  # one line, not two
    assert not any(line.startswith("fake.yaml") for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    "command",
    [
        ["catalog", HERE / "catalog_escape.yaml", "--format", "json"],
        ["query", HERE / "diff_b.yaml", "--format", "json"],
        ["diff", HERE / "diff_b.yaml", HERE / "catalog_escape.yaml", "--format", "json"],
        ["check", HERE / "diff_b.yaml", "--format", "json"],
        ["check", HERE / "diff_b.yaml", "--format", "sarif"],
    ],
)
def test_json_outputs_escape_what_a_terminal_acts_on(command: list[str | Path], run: Cli) -> None:
    result = run(*command)
    assert not RAW.search(result.stdout)
    assert "\\u009b31m" in result.stdout or "\\u001b" in result.stdout
    json.loads(result.stdout)  # the same data: only the way it is written changed


def test_diff_text_keeps_each_change_on_one_line(run: Cli, tmp_path: Path) -> None:
    before = tmp_path / "before.yaml"
    before.write_text(
        (HERE / "diff_b.yaml").read_text(encoding="utf-8").replace("holder: q}", "holder: p}"),
        encoding="utf-8",
    )
    result = run("diff", before, HERE / "diff_b.yaml")
    assert result.stdout == "restaffed  c\\x9b31m: p -> q\n"


def test_query_csv_escapes_cells_on_a_terminal_only(
    run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = run("query", HERE / "diff_b.yaml", "--format", "csv").stdout
    cells = list(csv.reader(io.StringIO(plain)))
    assert cells[1][1] == "CEO\x1b]0;T\x07"  # a pipe or a file gets the data as it is
    assert "Ana\x1b]52;c;ZWNobyBwd25lZA==\x07" in cells[2][3]
    monkeypatch.setattr(query_module, "to_terminal", lambda output=None: True)
    shown = run("query", HERE / "diff_b.yaml", "--format", "csv").stdout
    assert not RAW.search(shown)
    assert len(shown.splitlines()) == 4  # a header and three roles: no forged line
    assert "Ana\\x1b]52;c;ZWNobyBwd25lZA==\\x07" in shown  # the OSC 52 clipboard write


def test_bidirectional_overrides_are_shown_as_text(run: Cli, tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text('roles:\n  - {id: a, title: "\\u202eevil\\u202c"}\n', encoding="utf-8")
    assert run("query", path).stdout.startswith("a  \\u202eevil\\u202c")


# -- F18: running out of memory ------------------------------------------------------------


def test_running_out_of_memory_is_a_message_and_exit_2(
    run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import orgroles.loaders

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(orgroles.loaders, "load", exhausted)
    result = run("render", HERE / "diff_b.yaml", "-o", "never.svg")
    assert result.exit_code == 2
    assert result.stderr.startswith("orgroles: out of memory: this input needs more memory")
    assert "Traceback" not in result.output


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
@pytest.mark.parametrize("megabytes", [150, 200, 260])
def test_a_process_under_a_memory_limit_says_so(tmp_path: Path, megabytes: int) -> None:
    # The review's `prlimit --as=300000000 orgroles render BIG -o x.svg`, with less memory;
    # three limits, for memory to run out at different places (the load, the chart...).
    # At 200 MB, one run in six hung on Python 3.14 before locks were released by
    # `release()` rather than `with` (orgroles._internal.gc).
    roles = [{"id": "r0"}] + [
        {"id": f"r{i}", "reports_to": f"r{i // 5}"} for i in range(1, 200_000)
    ]
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"roles": roles}), encoding="utf-8")
    command = [sys.executable, "-m", "orgroles", "render", str(big), "-o", str(tmp_path / "x.svg")]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONFAULTHANDLER": "1"}
    proc = subprocess.Popen(
        memory_capped(command, megabytes * 1024**2),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        _, stderr = proc.communicate(timeout=60)  # it takes seconds
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)  # faulthandler prints where it is stuck
        _, stderr = proc.communicate()
        # CPython before 3.13 can spin when it runs out of memory while it unwinds a
        # `with` block (CPython issue 134163); the command line keeps such blocks where
        # that does not happen (orgroles.cli.base: `_Context`, `step()`), which this
        # test checks. Should another path still spin there, it is recorded, not hidden;
        # from 3.13 on, a spin is a failure.
        message = f"out of memory, the process spun; it was here:\n{stderr[-3000:]}"
        if sys.version_info < (3, 13):
            pytest.xfail(message)
        pytest.fail(message)
    assert proc.returncode == 2, stderr
    assert stderr.startswith("orgroles: out of memory")
    assert "Traceback" not in stderr


@pytest.mark.skipif(
    not (3, 11) <= sys.version_info < (3, 13),
    reason="the interpreters with exception tables that can spin out of memory",
)
def test_no_command_unwinds_a_with_block_late_in_its_code() -> None:
    """CPython 3.11 and 3.12 allocate an int to unwind a `with` block past the 256th
    instruction of a function, and spin when that fails out of memory: the commands run
    their heavy steps through `step()`, and keep their own `with` blocks early."""
    import dis

    from orgroles.cli.base import cli

    parse = dis._parse_exception_table  # type: ignore[attr-defined]
    late = {}
    for name in sorted(cli.commands):
        command = cli.commands[name]
        for each in [command, *getattr(command, "commands", {}).values()]:
            code = each.callback.__code__
            spans = [(e.start // 2, e.end // 2) for e in parse(code) if e.lasti]
            if any(end > 256 for _, end in spans):
                late[each.name] = spans
    assert not late
