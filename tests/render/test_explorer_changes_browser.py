"""A change chart in the explorer, in headless Chromium: the marked boxes, the old lines
and the legend of the changes (see test_explorer_browser.py for the browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgroles
from orgroles.render import render
from orgroles.render.paint import CHANGE_COLORS

from tests.render.test_explorer_browser import Tab, browser, no_overlap, tab

pytestmark = pytest.mark.browser
__all__ = ["browser", "tab"]  # the fixtures, used by name


def test_the_reorg_in_the_explorer(tab: Tab, tmp_path: Path) -> None:
    org = orgroles.load("examples/scaleup_over_time.yaml")
    page = render(org.viewed("2025-11-01"), tmp_path / "reorg.html", diff=org.viewed("2025-03-01"))
    tab.open(page)
    for role, kind in (("po-1", "moved"), ("qa", "added"), ("office-manager", "removed")):
        node = tab.node(role)
        assert kind in node.get_attribute("class").split(), role
        rect = node.find_element("css selector", "rect.box")
        assert rect.get_attribute("stroke") == CHANGE_COLORS[kind], role
    assert tab.node("office-manager").get_attribute("opacity") == "0.6"
    assert "moved, was under Chief" in " ".join(tab.texts("po-1"))
    old_lines = tab.driver.find_element("id", "old-lines").get_attribute("d")
    assert old_lines.count("M") == 3  # the three product owners' old lines
    legend = [li.text for li in tab.driver.find_elements("css selector", "#legend li.change")]
    assert legend == [
        "new seats (13)",
        "removed seats (1)",
        "moved seats (3) · old line dashed",
        "holder changes (2)",
    ]
    no_overlap(tab.rects())
    # No old line runs behind a box: one product owner, low in the CPO's stack, is
    # entered from the side (svg's test_old_lines checks the same of the static chart).
    assert len(tab.points_along("old-lines")) > 100
    assert tab.lines_through_boxes("old-lines") == []
    tab.shot("reorg")
    assert not tab.errors()
