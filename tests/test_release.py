"""The release is tag-ready: the version has its changelog section and compare link."""

from __future__ import annotations

import re

import orgroles

from tests.helpers import ROOT


def test_the_version_has_a_changelog_section() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    version = orgroles.__version__
    assert re.search(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", text, re.M)
    assert re.search(rf"^\[{re.escape(version)}\]: https://", text, re.M)
    assert text.index("## [Unreleased]") < text.index(f"## [{version}]")


def test_every_changelog_version_is_linked() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headed = re.findall(r"^## \[([^\]]+)\]", text, re.M)
    linked = re.findall(r"^\[([^\]]+)\]: ", text, re.M)
    assert headed == linked
