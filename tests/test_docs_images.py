"""The charts in docs/images/ are what docs/images/generate.py draws today."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from tests.helpers import ROOT

IMAGES = ROOT / "docs" / "images"


def _generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_images", IMAGES / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHARTS = _generate().charts()


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_docs_image_is_up_to_date(name: str) -> None:
    path = IMAGES / name
    assert path.exists(), f"{path} is missing: run python docs/images/generate.py"
    assert path.read_bytes() == CHARTS[name], f"{name} is stale: run python docs/images/generate.py"


def test_every_image_is_used_in_the_docs() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    for name in CHARTS:
        assert f"images/{name}" in text, name
