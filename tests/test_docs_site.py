"""The documentation site builds with `mkdocs build --strict` (broken links and anchors,
pages missing from the navigation, griffe's docstring warnings all fail it), and every
public name of `orgroles.__all__` has an entry in the rendered API reference: its
mkdocstrings inventory, `objects.inv`, lists it.

It needs the `docs` extra; .ci/run installs it, so the main test run builds the site.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import orgroles

from tests.helpers import ROOT
from tests.test_docs import REFERENCE_NAME

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("ORGROLES_REQUIRE_DOCS") == "1":  # CI: the site must build here
        for module in ("mkdocstrings", "mkdocs_jupyter"):
            importlib.import_module(module)
    pytest.importorskip("mkdocstrings", reason="the docs extra is not installed")
    pytest.importorskip("mkdocs_jupyter", reason="the docs extra is not installed")
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return out


def inventory(site: Path) -> set[str]:
    """The names of a Sphinx inventory (version 2: four lines, then zlib)."""
    data = (site / "objects.inv").read_bytes()
    start = 0
    for _ in range(4):
        start = data.index(b"\n", start) + 1
    lines = zlib.decompress(data[start:]).decode("utf-8").splitlines()
    return {line.split(" ", 1)[0] for line in lines if line}


def test_every_public_name_has_a_rendered_reference_entry(site: Path) -> None:
    names = inventory(site)
    missing = [
        name
        for name in orgroles.__all__
        if name != "__version__" and REFERENCE_NAME.get(name, f"orgroles.{name}") not in names
    ]
    assert not missing, f"no entry in the API reference for {missing}"


def test_the_site_has_the_pages_each_user_starts_from(site: Path) -> None:
    for page in ("install", "tutorial", "howto/slides", "howto/notebook", "howto/service"):
        assert (site / page / "index.html").exists(), page
    assert (site / "howto" / "analysis" / "index.html").exists()  # the notebook, rendered
    assert (site / "schema" / "org.schema.json").exists()  # what `orgroles init` points at
    security = (site / "security" / "index.html").read_text(encoding="utf-8")
    assert "Threat model" in security
    changelog = (site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "Keep a Changelog" in changelog
