"""What a chart shows: the plan that every format draws."""

from __future__ import annotations

from typing import Any

import pytest

import orgroles
from orgroles import Org, Person, Role
from orgroles.errors import RenderError, UnknownRoleError
from orgroles.model import Severity
from orgroles.render import render_svg, style
from orgroles.render.paint import box_paint
from orgroles.render.plan import STACK_MIN, Box, Plan, make_plan
from orgroles.rules import Report, Violation

from tests.charts import chain, wide_team


def texts(plan: Plan, role: str) -> list[str]:
    return next([line.text for line in b.lines] for b in plan.boxes if b.role == role)


def box(plan: Plan, role: str) -> Box:
    return next(b for b in plan.boxes if b.role == role)


def test_a_box_shows_the_title_and_the_holders(scaleup: Org) -> None:
    plan = make_plan(scaleup)
    assert texts(plan, "cto") == ["Chief Technical Officer", "Marc Olsen"]
    assert texts(plan, "security-officer") == [
        "Security & Data",
        "Protection Officer",
        "Théo Fabre",
    ]


def test_vacant_and_acting_seats_are_marked_in_english_and_french(scaleup: Org) -> None:
    en, fr = make_plan(scaleup), make_plan(scaleup, lang="fr")
    assert texts(en, "dev-apps-3") == ["Developer", "vacant"]
    assert box(en, "dev-apps-3").vacant
    assert texts(fr, "dev-apps-3") == ["Développeur", "poste vacant"]
    assert texts(en, "po-apps") == ["Product Owner", "Bruno Costa", "acting"]
    assert box(en, "po-apps").acting
    assert texts(fr, "po-apps")[-1] == "par intérim"
    assert texts(fr, "cto")[0] == "Directeur technique"


def test_a_job_share_lists_every_holder() -> None:
    org = Org(
        people=[Person(id="a", name="Ana Lima"), Person(id="b", name="Bo Chen")],
        roles=[Role(id="x", title="Designer", holder=("a", "b", "ghost"))],
    )
    assert texts(make_plan(org), "x") == ["Designer", "Ana Lima, Bo Chen, ghost"]


def test_boxes_carry_the_family_of_their_kind(scaleup: Org) -> None:
    plan = make_plan(scaleup)
    assert box(plan, "ceo").family == "executive"
    assert box(plan, "dev-apps-1").family == "tech"
    assert box(plan, "pm-core").family == "product"
    # no kind and no family: the family its title names ("Executive Assistant")
    assert box(plan, "exec-assistant").family == "operations"


def test_responsibilities_are_shown_on_request(tiny: Org) -> None:
    plain = texts(make_plan(tiny), "cto")
    shown = make_plan(tiny, show=["responsibilities"])
    lines = texts(shown, "cto")
    assert lines[: len(plain)] == plain
    assert "• Define the technical strategy" in lines
    assert "• Write code (hands-on)" in lines  # added by the role, after the kind's defaults
    assert shown.box_width == style.BOX_WIDTH_WIDE
    fr = texts(make_plan(tiny, show=["responsibilities"], lang="fr"), "cto")
    assert "• Définir la stratégie technique" in fr


def test_every_line_fits_its_box(scaleup: Org) -> None:
    for show in ((), ("responsibilities",)):
        plan = make_plan(scaleup, show=show, lang="fr")
        inner = plan.box_width - 2 * style.PAD_X
        for b in plan.boxes:
            for line in b.lines:
                assert style.measure(line.text, line.style) <= inner, (b.role, line)


def test_long_text_is_wrapped_then_cut_with_an_ellipsis() -> None:
    name = "Maximiliana Alexandrovna Konstantinopolitanskaya-Wolfeschlegelsteinhausen"
    org = Org(
        people=[Person(id="p", name=name)],
        roles=[
            Role(id="r", title="Senior Principal Staff Distinguished Engineer " * 3, holder="p")
        ],
    )
    lines = make_plan(org).boxes[0].lines
    # A title or a name takes up to three lines before it is cut, in the widest box.
    assert make_plan(org).box_width == style.BOX_MAX_WIDTH
    assert [line.style for line in lines] == ["title"] * 3 + ["name"] * 3
    assert lines[2].text.endswith("…")
    assert not lines[1].text.endswith("…")
    assert " ".join(line.text for line in lines[3:4]) == "Maximiliana Alexandrovna"
    assert "".join(line.text for line in lines[4:]) == name.split(" ")[-1]  # a long word


def test_the_assistant_sits_beside_its_manager(scaleup: Org) -> None:
    plan = make_plan(scaleup)
    ceo, assistant = box(plan, "ceo"), box(plan, "exec-assistant")
    assert ceo.assistants == [assistant.id]
    assert assistant.id not in ceo.children
    assert assistant.placement == "assistant"


def test_an_assistant_with_reports_of_its_own_is_drawn_as_a_report() -> None:
    org = Org(
        roles=[
            Role(id="ceo", kind="ceo"),
            Role(id="chief-of-staff", title="Chief of Staff", reports_to="ceo", assistant=True),
            Role(id="analyst", title="Analyst", reports_to="chief-of-staff"),
        ]
    )
    plan = make_plan(org)
    assert box(plan, "ceo").assistants == []
    assert box(plan, "ceo").children == [box(plan, "chief-of-staff").id]


def test_declared_teams_that_are_whole_branches_become_frames(scaleup: Org) -> None:
    plan = make_plan(scaleup)
    frames = {c.team: (c.label, [plan.boxes[b].role for b in c.boxes]) for c in plan.clusters}
    assert frames == {
        "platform": (
            "Platform squad",
            ["em-platform", "lead-platform", "dev-platform-1", "dev-platform-2", "po-platform"],
        ),
        "apps": ("Apps squad", ["lead-apps", "dev-apps-1", "dev-apps-2", "dev-apps-3", "po-apps"]),
        "design": ("Design", ["design-lead", "designer-1", "designer-2"]),
    }


def test_a_team_across_branches_is_not_a_frame(scaleup: Org) -> None:
    doc = scaleup.to_document()
    import dataclasses

    from orgroles.model import Team

    odd = Team(id="guild", name="Guild", lead="cto", members=("designer-1",))
    org = Org.from_document(dataclasses.replace(doc, teams=(*doc.teams, odd)))
    assert "guild" not in [c.team for c in make_plan(org).clusters]


def test_nested_teams_nest() -> None:
    org = Org(
        roles=[
            Role(id="a", title="A"),
            Role(id="b", title="B", reports_to="a"),
            Role(id="c", title="C", reports_to="b"),
        ],
        teams=[
            {"id": "outer", "lead": "a", "members": ["b", "c"]},
            {"id": "inner", "lead": "b", "members": ["c"]},
        ],
    )
    outer, inner = make_plan(org).clusters
    assert (outer.team, inner.team) == ("outer", "inner")
    assert inner.parent == outer.id
    assert outer.children == [inner.id]
    assert outer.boxes == [0]
    assert inner.boxes == [1, 2]


def test_teams_nest_three_deep_in_every_format() -> None:
    org = Org(
        roles=[Role(id="r0", title="Top")]
        + [Role(id=f"r{i}", title="R", reports_to=f"r{i - 1}") for i in range(1, 9)],
        teams=[
            {"id": f"t{i}", "lead": f"r{i}", "members": [f"r{j}" for j in range(i + 1, 9)]}
            for i in (0, 3, 6)
        ],
    )
    clusters = make_plan(org).clusters
    assert [(c.team, c.parent, c.children) for c in clusters] == [
        ("t0", -1, [1]),
        ("t3", 0, [2]),
        ("t6", 1, []),
    ]
    mermaid = org.to_mermaid()
    assert mermaid.count("subgraph") == 3
    assert "            subgraph t2" in mermaid  # nested twice
    source = org.to_dot().source
    assert source.index("cluster_0") < source.index("cluster_1") < source.index("cluster_2")


def test_dotted_lines_join_drawn_boxes(scaleup: Org) -> None:
    plan = make_plan(scaleup)
    assert [(plan.boxes[a].role, plan.boxes[b].role) for a, b in plan.dotted] == [
        ("pm-core", "po-platform")
    ]
    assert make_plan(scaleup, root="cto").dotted == []  # pm-core is not drawn


def _texts(plan: Plan, role: str) -> list[str]:
    return [line.text for line in next(b for b in plan.boxes if b.role == role).lines]


def test_a_dotted_manager_left_out_of_the_chart_is_named_in_the_box(scaleup: Org) -> None:
    assert "dotted line to Mei Chen" in _texts(make_plan(scaleup, root="cto"), "po-platform")
    assert "en pointillés sous Mei Chen" in _texts(
        make_plan(scaleup, root="cto", lang="fr"), "po-platform"
    )
    # Both ends drawn: the line is drawn, and no box names it.
    whole = make_plan(scaleup)
    assert not any("dotted line" in line.text for b in whole.boxes for line in b.lines)
    # Only the drawn boxes: the CPO's branch has the dotted manager, not the report.
    cpo = make_plan(scaleup, root="cpo")
    assert not any("dotted line" in line.text for b in cpo.boxes for line in b.lines)


def test_a_vacant_dotted_manager_left_out_is_named_by_its_title() -> None:
    org = Org(
        roles=[
            Role(id="ceo", title="CEO"),
            Role(id="a", title="Head of Data", reports_to="ceo"),
            Role(id="b", title="Head of Apps", reports_to="ceo"),
            Role(id="x", title="Analyst", reports_to="b", dotted_to=("a", "b", "gone")),
        ]
    )
    text = " ".join(_texts(make_plan(org, root="b"), "x"))  # wrapped to the box
    assert text.endswith("vacant dotted line to Head of Data")


def test_many_leaf_reports_are_stacked_in_an_even_number_of_columns() -> None:
    plan = make_plan(wide_team(40))
    em = plan.boxes[0]
    assert len(em.stack) == 40
    assert em.children == []
    assert em.columns % 2 == 0
    assert 2 <= em.columns <= 8
    assert len({plan.boxes[s].height for s in em.stack}) == 1


def test_few_leaf_reports_stay_in_a_row() -> None:
    plan = make_plan(wide_team(STACK_MIN - 1))
    assert plan.boxes[0].stack == []
    assert len(plan.boxes[0].children) == STACK_MIN - 1
    assert len(make_plan(wide_team(STACK_MIN)).boxes[0].stack) == STACK_MIN


def test_managers_are_not_stacked_with_the_leaves() -> None:
    org = wide_team(10)
    doc = org.to_document()
    extra = Role(id="intern", title="Intern", reports_to="dev-1")
    org = Org(name="x", roles=[*doc.roles, extra], people=doc.people)
    em = make_plan(org).boxes[0]
    assert len(em.stack) == 9
    assert len(em.children) == 1


def test_fold_turns_a_large_group_into_one_box() -> None:
    plan = make_plan(wide_team(40), fold=12)
    assert len(plan.boxes) == 2
    folded = plan.boxes[1]
    assert folded.role is None
    assert len(folded.folded) == 40
    assert [line.text for line in folded.lines] == ["+40 developers", "5 vacant"]
    fr = make_plan(wide_team(40), fold=12, lang="fr").boxes[1]
    assert [line.text for line in fr.lines] == ["+40 développeurs", "dont 5 postes vacants"]
    assert plan.shown == 41


def test_fold_leaves_small_groups_alone(scaleup: Org) -> None:
    assert len(make_plan(scaleup, fold=4).boxes) == len(scaleup)
    plan = make_plan(scaleup, fold=2)
    apps = box(plan, "lead-apps")
    assert [line.text for line in plan.boxes[apps.children[0]].lines] == [
        "+3 developers",
        "1 vacant",
    ]


def test_root_and_depth_draw_a_subtree_and_count_what_is_hidden(scaleup: Org) -> None:
    plan = make_plan(scaleup, root="cto", depth=1)
    assert [b.role for b in plan.boxes] == ["cto", "em-platform", "lead-apps", "security-officer"]
    assert texts(plan, "em-platform")[-1] == "+4 below"
    assert texts(make_plan(scaleup, root="cto", depth=1, lang="fr"), "lead-apps")[-1] == (
        "+4 en dessous"
    )
    assert [b.role for b in make_plan(scaleup, depth=0).boxes] == ["ceo"]


def test_an_unknown_root_says_did_you_mean(scaleup: Org) -> None:
    with pytest.raises(UnknownRoleError, match="did you mean 'cto'"):
        make_plan(scaleup, root="ctoo")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"depth": -1}, "depth must be"),
        ({"fold": -2}, "fold must be"),
        ({"depth": 1.5}, "depth must be"),
        ({"show": ["salaries"]}, "cannot show 'salaries'"),
    ],
)
def test_bad_options_are_render_errors(scaleup: Org, options: dict[str, Any], message: str) -> None:
    with pytest.raises(RenderError, match=message):
        make_plan(scaleup, **options)


def test_roles_in_a_reporting_cycle_are_still_drawn() -> None:
    org = Org(
        roles=[
            Role(id="ceo", kind="ceo"),
            Role(id="a", title="A", reports_to="b"),
            Role(id="b", title="B", reports_to="a"),
            Role(id="c", title="C", reports_to="b"),
        ]
    )
    plan = make_plan(org)
    assert sorted(b.role or "" for b in plan.boxes) == ["a", "b", "c", "ceo"]
    assert len(plan.tops) == 2


def test_violations_are_highlighted() -> None:
    org = orgroles.load("examples/three_person_tech_team.yaml")
    report = Report(
        [
            Violation("C001", "span-too-wide", "warning", "cto", "12 direct reports (max 10)"),
            Violation("K004", "hands-on-cto", "error", "cto", "the CTO's team is too big"),
            Violation("R001", "uncovered", "error", None, "nobody holds data-protection"),
        ]
    )
    plan = make_plan(org, report=report)
    cto = box(plan, "cto")
    assert cto.severity == "error"
    assert cto.lines[-1].text == "⚠ C001 · K004"
    assert "K004 hands-on-cto: the CTO's team is too big" in cto.tooltip
    assert box(plan, "ceo").severity is None
    assert [line.text for line in plan.notes][
        -1
    ] == "⚠ R001 uncovered: nobody holds data-protection"


@pytest.mark.parametrize(
    ("severity", "line_style", "color"),
    [("error", "alert", "#b42318"), ("warning", "alert-warning", "#9a4d00"),
     ("info", "alert-info", "#0550ae")],
)  # fmt: skip
def test_a_boxs_rule_codes_take_the_colour_of_its_severity(
    severity: Severity, line_style: str, color: str
) -> None:
    # An info's box was bordered in blue and its codes written in an error's red.
    org = orgroles.load("examples/three_person_tech_team.yaml")
    report = Report([Violation("C002", "single-report", severity, "cto", "one report")])
    plan = make_plan(org, report=report)
    codes = box(plan, "cto").lines[-1]
    assert (codes.style, codes.text) == (line_style, "⚠ C002")
    svg = render_svg(org, report=report)
    assert f'font-weight="bold" fill="{color}">⚠ C002</text>' in svg
    assert box_paint(box(plan, "cto"), plan).stroke == style.SEVERITY_COLORS[severity]
    printed = render_svg(org, report=report, theme="print")
    assert 'fill="#000000">⚠ C002</text>' in printed


@pytest.mark.slow
def test_a_chain_of_a_hundred_thousand_roles_needs_no_recursion() -> None:
    plan = make_plan(chain(100_000))
    assert len(plan.boxes) == 100_000
    assert plan.boxes[-1].level == 99_999


def test_links_only_use_safe_schemes() -> None:
    org = Org(
        people=[Person(id="a", name="A", email="a@example.org")],
        roles=[
            Role(id="x", title="X", holder="a"),
            Role(id="y", title="Y", reports_to="x", meta={"url": "javascript:alert(1)"}),
            Role(id="z", title="Z", reports_to="x", meta={"url": "https://wiki.example/z"}),
        ],
    )
    plan = make_plan(org)
    assert [b.url for b in plan.boxes] == ["mailto:a@example.org", None, "https://wiki.example/z"]


def test_among_draws_the_trees_under_chosen_roles_and_missing_managers_side_by_side() -> None:
    org = Org(
        roles=[
            Role(id="ceo"),
            Role(id="cto", reports_to="ceo"),
            Role(id="dev", reports_to="cto"),
            Role(id="cfo", reports_to="ceo"),
            Role(id="ae", reports_to="vp-sales"),  # a manager not in the file
            Role(id="ae2", reports_to="vp-sales"),
        ]
    )
    plan = make_plan(org, among=["cto", "vp-sales", "cto"])  # each tree once
    tops = [plan.boxes[t] for t in plan.tops]
    assert [(b.role, b.placeholder) for b in tops] == [("cto", None), (None, "vp-sales")]
    assert {b.role for b in plan.boxes} == {"cto", "dev", "ae", "ae2", None}
    assert plan.shown == 4
    assert all(b.level == 0 for b in tops)
    cut = make_plan(org, among=["cto", "vp-sales"], depth=0)
    assert [b.hidden for b in cut.boxes] == [1, 2]
    with pytest.raises(RenderError, match="no role 'nobody'"):
        make_plan(org, among=["nobody"])
    with pytest.raises(RenderError, match="'cto' is a role of the org, not a missing manager"):
        make_plan(org, missing="cto")


def test_reports_draws_a_root_with_some_of_its_direct_reports() -> None:
    org = wide_team(6)
    plan = make_plan(org, root="em", reports=["dev-2", "dev-5"])
    assert [b.role for b in plan.boxes] == ["em", "dev-2", "dev-5"]
    assert plan.shown == 3
    with pytest.raises(RenderError, match="not a direct report of 'em': 'em'"):
        make_plan(org, root="em", reports=["dev-1", "em"])
    forest = Org(roles=[Role(id="a"), Role(id="b")])
    with pytest.raises(RenderError, match="give root="):
        make_plan(forest, reports=["a"])


def test_reports_of_a_missing_manager() -> None:
    org = Org(roles=[Role(id=f"r{i}", reports_to="gone") for i in range(5)])
    plan = make_plan(org, missing="gone", reports=["r1", "r3"])
    assert [(b.role, b.placeholder) for b in plan.boxes] == [
        (None, "gone"),
        ("r1", None),
        ("r3", None),
    ]
    with pytest.raises(RenderError, match="not a direct report of 'gone': 'x'"):
        make_plan(org, missing="gone", reports=["x"])
