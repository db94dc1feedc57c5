"""A PDF on sheets of paper, tiled: no page shows a piece of a box (a box that a cut goes
through is whole on the next page, and left out of the page before), and a chart is cut
as evenly as its gaps allow, at a slightly smaller scale when that takes fewer pages (a
last page of one box, or of one box and its line, is gone)."""

from __future__ import annotations

import pytest

import orgroles
from orgroles.render.arrange import arrange
from orgroles.render.pages import page_svgs, sheets
from orgroles.render.plan import make_plan

from tests.charts import GITLAB_VP, gitlab, wide_team
from tests.geometry import drawn_geometry

SCALEUP = "examples/scaleup_cto_cpo.yaml"

SMALL = """\
name: Small
roles:
  - {id: ceo, title: Chief Executive Officer}
  - {id: h0, title: Head of Engineering, reports_to: ceo}
  - {id: h1, title: Head of Finance, reports_to: ceo}
  - {id: h2, title: Head of People, reports_to: ceo}
  - {id: h3, title: Head of Legal, reports_to: ceo}
  - {id: h4, title: Head of Sales, reports_to: ceo}
  - {id: e0, title: Developer, reports_to: h0}
  - {id: e1, title: Developer, reports_to: h0}
  - {id: s0, title: Account Executive, reports_to: h4}
  - {id: s1, title: Account Executive, reports_to: h4}
"""


def _charts() -> list[tuple[str, orgroles.Org, str, dict[str, str]]]:
    return [
        ("small", orgroles.loads(SMALL), "tree", {}),
        ("scale-up", orgroles.load(SCALEUP), "compact", {}),
        ("wide", wide_team(60), "tree", {}),
        ("gitlab VP", gitlab(), "compact", {"root": GITLAB_VP}),
    ]


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_no_page_shows_a_box_cut_at_its_edge(orientation: str) -> None:
    """Every box a page draws is whole inside its region (the scale-up's CPO was cut at
    the right edge of page 2, and whole on page 3), and every box is drawn on a page."""
    for name, org, layout, options in _charts():
        plan, chart = arrange(make_plan(org, **options), layout)  # type: ignore[arg-type]
        pages = sheets(plan, chart, "a4", orientation)
        whole: set[str] = set()
        for page, (svg, _, _) in zip(pages, page_svgs(plan, chart, pages), strict=True):
            x0, y0, x1, y1 = page.region
            rects, _ = drawn_geometry(svg)
            for node, (x, y, w, h) in rects.items():
                inside = x0 <= x and x + w <= x1 + 0.5 and y0 <= y and y + h <= y1 + 0.5
                assert inside, (name, page.number, node, page.region, (x, y, w, h))
                whole.add(node)
        assert whole == {b.node for b in plan.boxes}, name


def test_a_chart_a_little_too_big_takes_fewer_pages() -> None:
    """The scale-up on portrait A4 took three pages, the last one of the CPO's team
    alone; it now takes two, cut between the CEO's reports, at a slightly smaller scale.
    Ten roles (five heads, two of them with two reports) go on one sheet."""
    plan, chart = arrange(make_plan(orgroles.load(SCALEUP)))
    pages = sheets(plan, chart, "a4", "portrait")
    assert len(pages) == 2
    assert pages[0].scale >= 0.65
    plan, chart = arrange(make_plan(orgroles.loads(SMALL)), "tree")
    assert len(sheets(plan, chart, "a4", "portrait")) == 1
