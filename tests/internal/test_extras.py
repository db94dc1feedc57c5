"""Optional dependencies: missing, broken, or out of memory, each said as it is."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from orgroles._internal.extras import import_extra
from orgroles.errors import MissingExtraError

from tests.helpers import SCALEUP, Cli

NEEDS = "this needs a_broken_extra: pip install 'orgroles[broken]'"


def _broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reason: str) -> None:
    """A package `a_broken_extra`, installed, whose import fails for `reason`."""
    package = tmp_path / "a_broken_extra"
    package.mkdir()
    (package / "__init__.py").write_text(f"raise ImportError({reason!r})\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()


def test_an_extra_that_is_not_installed_says_how_to_install_it() -> None:
    with pytest.raises(MissingExtraError) as caught:
        import_extra("a_missing_extra", NEEDS)
    assert str(caught.value) == NEEDS


def test_an_extra_installed_but_broken_gives_the_reason_not_pip_advice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken(tmp_path, monkeypatch, "_core.so: undefined symbol: PyFoo_Bar")
    with pytest.raises(MissingExtraError) as caught:
        import_extra("a_broken_extra", NEEDS)
    assert str(caught.value) == (
        "a_broken_extra is installed, but importing it failed: "
        "_core.so: undefined symbol: PyFoo_Bar"
    )


@pytest.mark.parametrize(
    "reason",
    [
        "/venv/PIL/_imaging.cpython-314-x86_64-linux-gnu.so: failed to map segment from "
        "shared object",
        "libxml2.so.2: cannot map zero-fill pages: Cannot allocate memory",
    ],
)
def test_an_extra_that_finds_no_memory_to_load_is_out_of_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reason: str
) -> None:
    # python-pptx imports Pillow, whose C extension could not be mapped into a process
    # that a large load had filled: the command said python-pptx was not installed.
    _broken(tmp_path, monkeypatch, reason)
    with pytest.raises(MemoryError):
        import_extra("a_broken_extra", NEEDS)


def test_the_command_says_out_of_memory_when_pptx_cannot_be_mapped(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.import_module

    def import_module(name: str, package: str | None = None) -> Any:
        if name == "pptx":
            raise ImportError("_imaging.so: failed to map segment from shared object")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", import_module)
    result = run("render", SCALEUP, "-o", tmp_path / "chart.pptx")
    assert result.exit_code == 2
    assert result.stderr.startswith("orgroles: out of memory")
    assert not (tmp_path / "chart.pptx").exists()
