"""The pages a pip user follows work from the built wheel, in a fresh venv, in an empty
folder, with no clone in sight: the tutorial, the slides how-to, the notebook quick-start
and the service guide.

The wheel is built offline (`--no-build-isolation`: hatchling comes with the test
extra) and installed without its dependencies, which the fresh venv borrows from the
environment running the tests through a `.pth` file. Only orgroles itself comes from
the wheel, and the test checks that it does. Then `tests/docs_runner.py` runs each page
with the venv's interpreter, as a reader types it: `orgroles` commands through the venv's
console script, Python blocks and `pycon` sessions in its interpreter.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = [pytest.mark.wheel, pytest.mark.slow]

RUNNER = ROOT / "tests" / "docs_runner.py"
PIP_USER_PAGES = ["tutorial.md", "howto/slides.md", "howto/notebook.md", "howto/service.md"]


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


def test_orgroles_comes_from_the_wheel(venv: Path) -> None:
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    where = _run([str(python), "-c", "import orgroles; print(orgroles.__file__)"])
    assert where.returncode == 0, where.stdout
    assert Path(where.stdout.strip()).is_relative_to(venv), "orgroles must come from the wheel"


@pytest.mark.parametrize("page", PIP_USER_PAGES)
def test_the_page_runs_from_the_wheel(venv: Path, tmp_path: Path, page: str) -> None:
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    folder = tmp_path / "work"  # an empty folder: no examples/, no clone
    folder.mkdir()
    # -I: not tests/ first on sys.path (tests/selectors would hide the standard library's).
    result = _run([str(python), "-I", str(RUNNER), str(ROOT / "docs" / page)], cwd=folder)
    assert result.returncode == 0, result.stdout
    if page == "tutorial.md":
        assert (folder / "org.png").read_bytes().startswith(b"\x89PNG")
        assert (folder / "org.pptx").read_bytes().startswith(b"PK")
