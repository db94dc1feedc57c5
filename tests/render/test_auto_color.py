"""`color_by="auto"`, the default: by family, or by team for an org whose roles mostly
have no family (a hospital's, a factory's), so that its chart is not grey."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgroles import Org, Role, Team
from orgroles.render import make_plan, render_svg
from orgroles.render.auto_color import chosen_color_by
from orgroles.render.paint import OTHER, box_paint

from tests.helpers import Cli

HOSPITAL = """\
Employee ID,Name,Job Title,Department,Manager ID
1,Ana Ferrand,Chief Executive,Executive,
2,Boris Lemaire,Director of Nursing,Nursing,1
3,Chloe Marin,Ward Sister,Nursing,2
4,Dario Velez,Staff Nurse,Nursing,3
5,Elif Aksoy,Staff Nurse,Nursing,3
6,Fumi Tanaka,Head of Cardiology,Cardiology,1
7,Goran Petrov,Registrar,Cardiology,6
8,Hana Novak,Medical Secretary,Cardiology,6
9,Ivo Santos,Head of Estates,Facilities,1
10,Jana Horak,Porter,Facilities,9
"""


def team(tid: str, *members: str, name: str | None = None) -> Team:
    return Team(id=tid, name=name, members=members)


def hospital() -> Org:
    """Titles with no family but the CEO's, in three teams of several roles."""
    titles = {
        "ceo": ("Chief Executive", None),
        "don": ("Director of Nursing", "ceo"),
        "sister": ("Ward Sister", "don"),
        "nurse-1": ("Staff Nurse", "sister"),
        "nurse-2": ("Staff Nurse", "sister"),
        "cardio": ("Head of Cardiology", "ceo"),
        "registrar": ("Registrar", "cardio"),
        "porter": ("Porter", "ceo"),
    }
    roles = [Role(id=i, title=t, reports_to=boss) for i, (t, boss) in titles.items()]
    roles[0] = Role(id="ceo", title="Chief Executive", kind="ceo")
    teams = [
        team("nursing", "don", "sister", "nurse-1", "nurse-2", name="Nursing"),
        team("cardiology", "cardio", "registrar", name="Cardiology"),
        team("estates", "porter", name="Estates"),
    ]
    return Org(roles=roles, teams=teams)


def legend(plan: object) -> list[str]:
    return [label for label, _ in plan.legend]  # type: ignore[attr-defined]


def test_an_org_whose_roles_mostly_have_no_family_is_coloured_by_team() -> None:
    org = hospital()
    assert chosen_color_by(org) == "team"
    plan = make_plan(org)
    assert legend(plan) == ["Nursing", "Cardiology", "Estates", "no team"]
    assert render_svg(org) == render_svg(org, color_by="team")
    nurses = {box_paint(b, plan) for b in plan.boxes if b.role in ("sister", "nurse-1")}
    assert len(nurses) == 1
    assert box_paint(next(b for b in plan.boxes if b.role == "porter"), plan).fill != OTHER.fill
    # Asked for, the families are drawn as before: grey but the chief executive.
    by_family = make_plan(org, color_by="family")
    assert legend(by_family) == ["Executive", "other"]


def test_an_org_whose_roles_mostly_have_a_family_is_coloured_by_family(scaleup: Org) -> None:
    assert chosen_color_by(scaleup) == "family"
    assert legend(make_plan(scaleup)) == legend(make_plan(scaleup, color_by="family"))
    assert render_svg(scaleup) == render_svg(scaleup, color_by="family")


def _org(families: int, others: int, teams: list[Team]) -> Org:
    roles = [Role(id="top", title="Boss")]
    roles += [Role(id=f"f{i}", kind="developer", reports_to="top") for i in range(families)]
    roles += [Role(id=f"o{i}", title="Porter", reports_to="top") for i in range(others)]
    return Org(roles=roles, teams=teams)


@pytest.mark.parametrize(
    ("families", "others", "teams", "chosen"),
    [
        # Half the roles with a family (5 of 10) is enough: family.
        (5, 4, [team("a", "o0", "o1"), team("b", "o2", "top")], "family"),
        # Fewer than half, and teams colour more roles in two colours: team.
        (3, 6, [team("a", "o0", "o1"), team("b", "o2", "o3")], "team"),
        # One team alone would draw one colour: family.
        (0, 6, [team("a", "top", "o0", "o1", "o2", "o3", "o4", "o5")], "family"),
        # Teams that colour no more roles than the families do: family.
        (3, 6, [team("a", "o0", "o1"), team("b", "o2")], "family"),
        # No team: family (grey is all there is).
        (0, 6, [], "family"),
    ],
)
def test_the_choice_counts_the_roles_with_a_family_and_with_a_team(
    families: int, others: int, teams: list[Team], chosen: str
) -> None:
    assert chosen_color_by(_org(families, others, teams)) == chosen


def test_the_choice_is_the_whole_orgs_so_every_chart_of_it_agrees() -> None:
    org = hospital()
    # The chief executive alone has a family: drawn alone, it is still coloured by team,
    # as every other chart (a deck's slides) of this org.
    plan = make_plan(org, root="ceo", depth=0)
    assert [b.color_key for b in plan.boxes] == [None]
    # An edit that gives most roles a family changes the choice (the cache is cleared).
    for rid in ("sister", "nurse-1", "nurse-2", "cardio", "registrar"):
        org.update_role(rid, kind="developer")
    assert chosen_color_by(org) == "family"


def test_the_cli_colours_an_imported_hospital_by_department(run: Cli, tmp_path: Path) -> None:
    (tmp_path / "staff.csv").write_text(HOSPITAL, encoding="utf-8")
    result = run("import", "csv", tmp_path / "staff.csv", "-o", tmp_path / "staff.yaml")
    assert result.exit_code == 0, result.output
    result = run("render", tmp_path / "staff.yaml", "-o", tmp_path / "auto.svg")
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "auto.svg").read_text(encoding="utf-8")
    for department in ("Nursing", "Cardiology", "Facilities"):
        assert f">{department}</text>" in svg
    result = run(
        "render", tmp_path / "staff.yaml", "-o", tmp_path / "family.svg", "--color-by", "family"
    )
    assert result.exit_code == 0, result.output
    family = (tmp_path / "family.svg").read_text(encoding="utf-8")
    assert ">Nursing</text>" not in family
    assert ">other</text>" in family


def test_a_team_has_one_colour_in_every_chart_of_the_org() -> None:
    # Before, each chart gave the palette to its own largest groups: a deck's slide of one
    # department drew it in the first colour, whatever colour the overview gave it.
    org = hospital()
    whole = make_plan(org)
    colors = {key: whole.palette[key] for key in ("nursing", "cardiology", "estates")}
    assert len(set(colors.values())) == 3
    for root in ("don", "sister", "cardio", "porter"):
        branch = make_plan(org, root=root)
        for box in branch.boxes:
            if box.color_key is not None:
                assert box_paint(box, branch) == box_paint(
                    next(b for b in whole.boxes if b.role == box.role), whole
                ), (root, box.role)
    # The overview of a deck (a chart cut two levels down) agrees too.
    cut = make_plan(org, depth=1)
    assert cut.palette["cardiology"] == colors["cardiology"]
    assert [label for label, _ in cut.legend] == ["Nursing", "Cardiology", "Estates", "no team"]
