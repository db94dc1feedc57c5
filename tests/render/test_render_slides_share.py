"""PowerPoint decks: which teams share a slide, in what order, and how a shared slide
says whose teams it shows."""

from __future__ import annotations

from orgroles import Org, Role
from orgroles.render import ChartOptions
from orgroles.render.slides import READABLE, slides

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
