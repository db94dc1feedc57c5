"""PowerPoint decks: which teams share a slide, in what order, and how a shared slide
says whose teams it shows."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgroles
from orgroles import Org, Role
from orgroles.render import ChartOptions
from orgroles.render.slides import READABLE, slides

DATA = Path(__file__).parent  # holding_forest.yaml: four subsidiaries in team frames
CXOS = ("cfo", "cmo", "cpo", "cto", "coo", "cro")


def _cxo_org(*, assistants: bool) -> Org:
    """A CEO with six CxOs of three reports each, and an assistant each if asked."""
    roles = [Role(id="ceo", title="Chief Executive Officer")]
    for c in CXOS:
        roles.append(Role(id=c, title=f"Chief {c.upper()}", reports_to="ceo"))
        roles += [Role(id=f"{c}-{k}", title="Analyst", reports_to=c) for k in range(3)]
        if assistants:
            roles.append(Role(id=f"{c}-a", title="Assistant", reports_to=c, assistant=True))
    return Org(name="Share", roles=roles)


def test_assistants_do_not_stop_small_teams_sharing_slides() -> None:
    """A CxO with three reports and an assistant is a small team (the assistant beside
    the manager is not counted): the six teams share slides, not one slide each."""
    found = slides(_cxo_org(assistants=True), ChartOptions())
    teams = [s for s in found if s.plan.tops and s.title != "Share"]
    assert teams
    assert all(len(s.plan.tops) > 1 for s in teams), [s.title for s in found]
    assert all(s.scale >= READABLE for s in found)
    assert len(found) <= 3
    shown = {b.role for s in found for b in s.plan.boxes if b.role and not b.hidden}
    assert {f"{c}-a" for c in CXOS} <= shown  # the assistants are drawn all the same


def _holding() -> Org:
    """Four subsidiaries: the first (by the chart's placing) with teams too big to share
    a slide, the others with small teams of a manager and two reports."""
    roles: list[Role] = []
    for s, (name, reports) in enumerate((("Health", 5), ("Agri", 2), ("Nav", 7), ("Cap", 2))):
        roles.append(Role(id=f"s{s}", title=f"CEO {name}"))
        for m in range(4):
            roles.append(Role(id=f"s{s}m{m}", title=f"Chief {m}", reports_to=f"s{s}"))
            roles += [
                Role(id=f"s{s}m{m}r{k}", title="Analyst", reports_to=f"s{s}m{m}")
                for k in range(reports)
            ]
    return Org(name="Holding", roles=roles)


@pytest.mark.parametrize("forest", ["made", "file"])
def test_a_forests_slides_follow_the_order_of_its_overview(forest: str) -> None:
    """The slides of each tree come in the order slide 1 places the trees (a holding of
    four subsidiaries in frames: the largest was drawn third but its slides came first)."""
    org = _holding() if forest == "made" else orgroles.load(DATA / "holding_forest.yaml")
    first, *rest = slides(org, ChartOptions())
    assert len(rest) > 2
    placed = [first.plan.boxes[t].role for t in first.plan.tops]  # as slide 1 has them
    top = {b.role: b.role for b in first.plan.boxes if b.parent < 0}
    for b in first.plan.boxes:  # boxes come after their managers
        if b.parent >= 0:
            top[b.role] = top[first.plan.boxes[b.parent].role]
    # Each slide where its first team's tree is on slide 1 (a shared slide takes the
    # small teams after it along).
    firsts = [placed.index(top[s.plan.boxes[s.plan.tops[0]].role]) for s in rest]
    assert firsts == sorted(firsts), (placed, [s.title for s in rest])


def test_a_shared_slide_title_of_long_names_fits_its_line() -> None:
    """Three long titles and "and 2 more" were cut in the middle of a word on the
    slide's one-line heading ("... Chief Technical Officer and 2 m…")."""
    roles = [Role(id="ceo", title="Chief Executive Officer")]
    for c in ("Marketing", "Product", "Technical", "Operating", "Revenue", "Financial"):
        roles.append(Role(id=c, title=f"Chief {c} Officer", reports_to="ceo"))
        roles += [Role(id=f"{c}-{k}", title="Analyst", reports_to=c) for k in range(3)]
        roles.append(Role(id=f"{c}-a", title="Executive Assistant", reports_to=c, assistant=True))
    shared = [
        s for s in slides(Org(name="Share", roles=roles), ChartOptions()) if " more" in s.title
    ]
    assert shared
    for s in shared:
        assert len(s.title) <= 64, s.title
        assert s.title.startswith("Chief Marketing Officer \u00b7 Chief Product Officer and ")
