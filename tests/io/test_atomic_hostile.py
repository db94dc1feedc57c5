"""What the atomic writer does with every kind of path (review F11), signals (F15) and long
names (F21), and the outputs that would replace their own input (F24)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from orgroles.io.atomic import OutputError, atomic_write

from tests.helpers import ROOT, SCALEUP, TINY, Cli

root_only = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root"
)


@root_only
def test_a_character_device_is_written_through_not_replaced(tmp_path: Path, run: Cli) -> None:
    # The review's `mknod nulldev c 1 3; orgroles check ORG -o nulldev`, in a scratch folder.
    device = tmp_path / "nulldev"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    atomic_write(device, "discarded\n")
    result = run("check", SCALEUP, "-o", device)
    assert result.exit_code in (0, 1), result.output
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nulldev"]


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    for _ in range(100):  # the writer refuses a FIFO that nobody reads yet: wait for it
        try:
            atomic_write(fifo, "through the pipe\n")
            break
        except OutputError:
            threading.Event().wait(0.05)
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_fifo_without_a_reader_is_an_error_not_a_wait(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="no process reads this FIFO"):
        atomic_write(fifo, "nobody listens\n")


def test_a_symbolic_link_keeps_pointing_at_the_replaced_file(tmp_path: Path) -> None:
    real = tmp_path / "real" / "org.yaml"
    real.parent.mkdir()
    real.write_text("old\n")
    os.chmod(real, 0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    atomic_write(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o640
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "real" / "created.yaml")
    atomic_write(dangling, "made\n")
    assert (tmp_path / "real" / "created.yaml").read_text() == "made\n"
    assert sorted(p.name for p in real.parent.iterdir()) == ["created.yaml", "org.yaml"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a folder"):
        atomic_write(tmp_path, "x")


def test_a_name_of_250_bytes_can_be_written(tmp_path: Path, run: Cli) -> None:
    # F21: the temporary file's name was the output's plus 14 bytes.
    out = tmp_path / ("a" * 246 + ".svg")
    result = run("render", TINY, "-o", out, "--engine", "builtin")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<?xml")


def _wait_until_asleep(pid: int) -> None:
    """Wait until the child is blocked in its `time.sleep`.

    CPython runs a Python signal handler between bytecodes: a signal that arrives after
    the child printed but before its `sleep` blocked is handled only when the sleep ends,
    60 s later (seen on Python 3.14 under pytest-xdist). Where Linux's /proc shows what
    the child waits in, wait for the sleep itself; elsewhere, give it half a second.
    """
    wchan = Path(f"/proc/{pid}/wchan")
    if not wchan.exists():
        time.sleep(0.5)
        return
    deadline = time.monotonic() + 10
    while "nanosleep" not in wchan.read_text() and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_leave_no_temporary_file(tmp_path: Path, signum: int) -> None:
    target = tmp_path / "chart.svg"
    target.write_text("the previous chart\n")
    script = textwrap.dedent(
        f"""
        import os, signal, sys, time
        from orgroles.io import atomic

        # The signals at their default, whatever the test runner inherited (a run under
        # nohup ignores SIGHUP, and atomic_write leaves an ignored signal ignored).
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)

        def slow_fsync(fd):  # the signal arrives while the temporary file exists
            print("writing", flush=True)
            time.sleep(60)

        os.fsync = slow_fsync
        atomic.atomic_write({str(target)!r}, "x" * 1_000_000)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert child.stdout is not None
    assert child.stdout.readline() == b"writing\n"
    assert len(list(tmp_path.iterdir())) == 2  # the chart and the temporary file
    _wait_until_asleep(child.pid)
    child.send_signal(signum)
    assert child.wait(timeout=30) == -signum  # the process ends as the signal says
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.svg"]
    assert target.read_text() == "the previous chart\n"


def test_a_lone_surrogate_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="U\\+DCFF"):
        atomic_write(tmp_path / "x.txt", "a\udcffb")
    assert not list(tmp_path.iterdir())


# -- F24: a command never writes over the file it reads -----------------------------------


def test_check_refuses_to_write_its_report_over_the_org(tmp_path: Path, run: Cli) -> None:
    org = tmp_path / "org.yaml"
    org.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    before = org.read_text(encoding="utf-8")
    commands: list[list[str | os.PathLike[str]]] = [
        ["check", org, "-o", org],
        ["check", TINY, org, "--format", "sarif", "-o", org],
    ]
    for args in commands:
        result = run(*args)
        assert result.exit_code == 2
        assert "refusing to replace it with the report" in result.stderr
    assert org.read_text(encoding="utf-8") == before
    link = tmp_path / "link.yaml"
    link.symlink_to(org)
    assert run("check", org, "-o", link).exit_code == 2  # the same file by another name


def test_query_and_import_refuse_too(tmp_path: Path, run: Cli) -> None:
    org = tmp_path / "org.yaml"
    org.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("query", org, "-o", org).exit_code == 2
    team = tmp_path / "team.yml"
    team.write_text("- {slug: a, type: person, name: A}\n", encoding="utf-8")
    result = run("import", "gitlab", team, "-o", team)
    assert result.exit_code == 2
    assert "refusing to replace it with the imported org" in result.stderr
    assert team.read_text(encoding="utf-8") == "- {slug: a, type: person, name: A}\n"
