"""Inline display in notebooks: always text, an SVG when possible, never an exception."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from orgroles import Org
from orgroles.render import jupyter

from tests.charts import chain, gitlab


def test_an_org_shows_text_and_svg(scaleup: Org) -> None:
    bundle = scaleup._repr_mimebundle_()
    assert bundle["text/plain"] == repr(scaleup)
    ET.fromstring(bundle["image/svg+xml"])


def test_a_subtree_shows_itself_too(scaleup: Org) -> None:
    bundle = scaleup.subtree("cpo")._repr_mimebundle_()
    assert "Chief Product Officer" in bundle["image/svg+xml"]
    assert "Chief Technical Officer" not in bundle["image/svg+xml"]


def test_include_and_exclude(scaleup: Org) -> None:
    assert list(scaleup._repr_mimebundle_(exclude=["image/svg+xml"])) == ["text/plain"]
    assert list(scaleup._repr_mimebundle_(include=["text/plain"])) == ["text/plain"]


def test_the_display_never_raises(scaleup: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(org: Org) -> str:
        raise MemoryError("boom")

    monkeypatch.setitem(jupyter.MIME_TYPES, "image/svg+xml", broken)
    assert scaleup._repr_mimebundle_() == {"text/plain": repr(scaleup)}


@pytest.mark.nodot
def test_without_dot_the_builtin_engine_draws_it(scaleup: Org) -> None:
    assert 'class="roles"' in scaleup._repr_mimebundle_()["image/svg+xml"]


def test_a_big_org_shows_its_top_layers_and_says_so() -> None:
    org = chain(30_000)
    svg = org._repr_mimebundle_()["image/svg+xml"]
    assert f"Showing the top {jupyter.PREVIEW_LIMIT} of 30,000 layers" in svg
    assert svg.count("<rect") < 2 * jupyter.PREVIEW_LIMIT
    assert "To see more: org.subtree(ROLE, depth=2), or org.explore()." in svg


def test_a_big_forest_shows_a_readable_part_of_its_largest_tree() -> None:
    # (Before 0.3, GitLab's import showed as a 447 KB grid of its 450 top roles.)
    org = gitlab()
    svg = org._repr_mimebundle_()["image/svg+xml"]
    assert len(svg) < 40_000
    assert "The largest of 139 separate groups." in svg
    assert "Showing the top 3 of 7 layers: 32 of 1,368 roles." in svg
    assert "To see more" in svg
    root = ET.fromstring(svg)
    width = float(root.get("width") or 0)
    assert width < 1600  # no wider than a notebook shows without shrinking it much
    boxes = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id")]
    assert 30 <= len(boxes) <= jupyter.PREVIEW_LIMIT


def test_preview_depth_keeps_whole_layers() -> None:
    org = chain(10)
    assert jupyter.preview_depth(org, limit=20) is None
    assert jupyter.preview_depth(org, limit=4) == 3


def test_ipython_displays_the_chart(scaleup: Org) -> None:
    formatters = pytest.importorskip("IPython.core.formatters")
    data, _ = formatters.DisplayFormatter().format(scaleup)
    assert sorted(data) == ["image/svg+xml", "text/plain"]
    assert "Chief Technical Officer" in data["image/svg+xml"]
