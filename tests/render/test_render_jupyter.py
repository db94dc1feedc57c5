"""Inline display in notebooks: always text, an SVG when possible, never an exception."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from orgroles import Org
from orgroles.render import jupyter

from tests.charts import chain


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
    assert "Showing the top 500 of 30,000 layers: 500 of 30,000 roles." in svg
    assert svg.count("<rect") < 600


def test_preview_depth_keeps_whole_layers() -> None:
    org = chain(10)
    assert jupyter.preview_depth(org, limit=20) is None
    assert jupyter.preview_depth(org, limit=4) == 3


def test_ipython_displays_the_chart(scaleup: Org) -> None:
    formatters = pytest.importorskip("IPython.core.formatters")
    data, _ = formatters.DisplayFormatter().format(scaleup)
    assert sorted(data) == ["image/svg+xml", "text/plain"]
    assert "Chief Technical Officer" in data["image/svg+xml"]
