"""The tutorial works for a pip user: it runs from the built wheel, in a fresh venv, in an
empty folder, with no clone in sight.

The wheel is built offline (``--no-build-isolation``: hatchling comes with the test
extra) and installed without its dependencies, which the fresh venv borrows from the
environment running the tests through a ``.pth`` file. Only orgroles itself comes from
the wheel, and the test checks that it does. Then every snippet of docs/tutorial.md runs
in order, as a reader types it: ``orgroles`` commands through the venv's console script,
``pycon`` blocks through its ``python -m doctest``.
"""

from __future__ import annotations

import os
import shlex
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.test_docs import _matches, snippets

pytestmark = [pytest.mark.wheel, pytest.mark.slow]

TUTORIAL = ROOT / "docs" / "tutorial.md"


def _run(args: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PYTHONUNBUFFERED"] = "1"  # stdout and stderr in the order they were written
    return subprocess.run(
        args,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        timeout=300,
    )


def _borrowed_site_packages() -> list[str]:
    """Where the running interpreter finds orgroles' dependencies (not orgroles itself:
    an editable install is a .pth file there, which a path listed in another .pth file
    does not run)."""
    found = [*site.getsitepackages(), site.getusersitepackages(), sysconfig.get_path("purelib")]
    return [p for p in dict.fromkeys(found) if os.path.isdir(p)]


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--quiet",
            "-w",
            str(work / "dist"),
            str(ROOT),
        ]
    )
    assert built.returncode == 0, built.stdout
    (wheel,) = (work / "dist").glob("orgroles-*.whl")
    env = work / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(env)])
    assert made.returncode == 0, made.stdout
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    installed = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--no-cache-dir",
            "--quiet",
            str(wheel),
        ]
    )
    assert installed.returncode == 0, installed.stdout
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    pth = Path(purelib.stdout.strip()) / "_borrowed_dependencies.pth"
    pth.write_text("\n".join(_borrowed_site_packages()) + "\n", encoding="utf-8")
    return env


def test_the_tutorial_runs_from_the_wheel(venv: Path, tmp_path: Path) -> None:
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    where = _run([str(bin_dir / "python"), "-c", "import orgroles; print(orgroles.__file__)"])
    assert where.returncode == 0, where.stdout
    assert Path(where.stdout.strip()).is_relative_to(venv), "orgroles must come from the wheel"

    folder = tmp_path / "my-org"  # an empty folder: no examples/, no clone
    folder.mkdir()
    written_by_blocks: set[str] = set()
    ran = 0
    for snippet in snippets(TUTORIAL):
        if snippet.lang == "console":
            outputs: list[tuple[str, subprocess.CompletedProcess[str], list[str]]] = []
            for line in snippet.body.splitlines():
                if line.startswith("$ "):
                    command, expected = line[2:], list[str]()
                    words = shlex.split(command)
                    assert words[0] == "orgroles", f"{snippet}: the tutorial runs orgroles only"
                    result = _run([str(bin_dir / "orgroles"), *words[1:]], cwd=folder)
                    ran += 1
                    outputs.append((command, result, expected))
                elif outputs:
                    outputs[-1][2].append(line)
            for command, result, lines in outputs:
                text = "\n".join(lines).strip()
                if text:
                    assert _matches(text + "\n", result.stdout), (
                        f"{snippet}: `{command}` printed:\n{result.stdout}\nexpected:\n{text}"
                    )
                else:
                    assert result.returncode == 0, f"{snippet}: `{command}`:\n{result.stdout}"
        elif snippet.lang == "yaml" and snippet.title:
            path = folder / snippet.title
            if path.exists() and snippet.title not in written_by_blocks:
                # The first time the page shows a file a command wrote, it shows it whole.
                assert path.read_text(encoding="utf-8") == snippet.body, (
                    f"{snippet}: the page does not show {snippet.title} as the command wrote it"
                )
            path.write_text(snippet.body, encoding="utf-8")
            written_by_blocks.add(snippet.title)
        elif snippet.lang == "pycon":
            session = tmp_path / f"session-{snippet.line}.txt"
            session.write_text(snippet.body, encoding="utf-8")
            result = _run(
                [
                    str(bin_dir / "python"),
                    "-m",
                    "doctest",
                    "-o",
                    "ELLIPSIS",
                    "-o",
                    "NORMALIZE_WHITESPACE",
                    str(session),
                ],
                cwd=folder,
            )
            ran += 1
            assert result.returncode == 0, f"{snippet}:\n{result.stdout}"
        elif snippet.lang not in ("yaml", "text", ""):
            raise AssertionError(f"{snippet}: the tutorial test cannot run {snippet.lang!r}")
    assert ran >= 8
    assert (folder / "org.png").read_bytes().startswith(b"\x89PNG")
    assert (folder / "org.pptx").read_bytes().startswith(b"PK")
