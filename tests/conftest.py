"""Shared fixtures: the bundled example orgs and a way to run the CLI in-process.

Tests in every folder under ``tests/`` get these fixtures. The paths and the fixtures'
types live in ``tests/helpers.py``: ``from tests.helpers import TINY, Cli, Write``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import orgroles

from tests.helpers import DATA, EXAMPLES, ROOT, SCALEUP, TINY, Cli, Write

# Re-exported: tests may still import these from here (`from tests.conftest import ...`).
__all__ = ["DATA", "EXAMPLES", "ROOT", "SCALEUP", "TINY", "Cli", "Write"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip, saying why, the tests whose tools are missing: ``dot`` needs Graphviz's dot,
    ``browser`` needs Chromium, chromedriver and selenium, ``office`` needs LibreOffice
    and poppler's tools (see ``tests/documents.py``).

    With ``ORGROLES_REQUIRE_BROWSER=1`` (as in CI), a missing browser fails the run instead;
    with ``ORGROLES_REQUIRE_OFFICE=1``, so do missing office tools.
    """
    from tests import documents
    from tests.browser import missing

    skips = {}
    if shutil.which("dot") is None:
        skips["dot"] = "Graphviz's dot is not on PATH (apt-get install graphviz)"
    no_browser = missing()
    if no_browser is not None and any(item.get_closest_marker("browser") for item in items):
        if os.environ.get("ORGROLES_REQUIRE_BROWSER") == "1":
            raise pytest.UsageError(f"the browser tests cannot run: {no_browser}")
        skips["browser"] = no_browser
    no_office = documents.missing()
    if no_office is not None and any(item.get_closest_marker("office") for item in items):
        if os.environ.get("ORGROLES_REQUIRE_OFFICE") == "1":
            raise pytest.UsageError(f"the office tests cannot run: {no_office}")
        skips["office"] = no_office
    for item in items:
        for marker, reason in skips.items():
            if item.get_closest_marker(marker) is not None:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _hide_dot_for_nodot_tests(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Tests marked ``nodot`` run as on a machine without Graphviz: PATH has no ``dot``.

    PATH becomes an empty folder; the orgroles code looks ``dot`` up with
    ``shutil.which`` at every render (nothing caches it), so the change takes effect.
    """
    if request.node.get_closest_marker("nodot") is None:
        return
    monkeypatch.setenv("PATH", str(tmp_path_factory.mktemp("path-without-dot")))
    assert shutil.which("dot") is None


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The commands the tests run keep their cache (``orgroles._internal.cache``) in a
    temporary folder, not in the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ORGROLES_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(autouse=True)
def _no_fonts_on_the_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """PNG and PDF are drawn as on a bare machine (CI): with the bundled fonts only, the
    machine's fonts for the characters they lack being none (see
    ``orgroles.render.machine_fonts``). A test gives fonts of its own to see them used."""
    from orgroles.render import machine_fonts

    machine_fonts.fallback_folder.cache_clear()
    monkeypatch.setattr(machine_fonts, "_machine_fonts", lambda: ())
    yield
    machine_fonts.fallback_folder.cache_clear()
    machine_fonts.__dict__["_linked"].cache_clear()


@pytest.fixture(autouse=True)
def _run_in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Docstring examples name files relative to the project root, so tests run there."""
    monkeypatch.chdir(ROOT)


@pytest.fixture
def tiny() -> orgroles.Org:
    return orgroles.load(TINY)


@pytest.fixture
def scaleup() -> orgroles.Org:
    return orgroles.load(SCALEUP)


@pytest.fixture
def run() -> Cli:
    return Cli()


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """Write a text file (or bytes) under the test's temporary folder and return its path."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
