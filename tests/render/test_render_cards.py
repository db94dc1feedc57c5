"""Cards: the lines ``show`` picks, name first, report counts, team and meta lines, and the
width the boxes share, fitted to their text; colours by group with a legend; themes."""

from __future__ import annotations

import re

import pytest

from orgroles import Org, Person, Role
from orgroles.errors import RenderError
from orgroles.render import make_plan, render_bytes, render_svg
from orgroles.render.paint import PALETTE, box_paint
from orgroles.render.plan import Box, Plan
from orgroles.render.style import BOX_MAX_WIDTH, BOX_MIN_WIDTH, PAD_X, measure

from tests.charts import wide_team


def lines(plan: Plan, role: str) -> list[tuple[str, str]]:
    box = next(b for b in plan.boxes if b.role == role)
    return [(line.style, line.text) for line in box.lines]


def box(plan: Plan, role: str) -> Box:
    return next(b for b in plan.boxes if b.role == role)


def test_the_card_shows_the_title_then_the_holders_by_default(scaleup: Org) -> None:
    assert lines(make_plan(scaleup), "cto") == [
        ("title", "Chief Technical Officer"),
        ("name", "Marc Olsen"),
    ]


def test_name_first_puts_the_holder_in_bold_above_the_title(scaleup: Org) -> None:
    plan = make_plan(scaleup, name_first=True)
    assert lines(plan, "cto") == [
        ("headname", "Marc Olsen"),
        ("subtitle", "Chief Technical Officer"),
    ]
    assert lines(plan, "dev-apps-3") == [("title", "Developer"), ("vacant", "vacant")]  # no one


def test_report_counts_say_direct_reports_and_all_below(scaleup: Org) -> None:
    plan = make_plan(scaleup, show=["reports"])
    assert lines(plan, "ceo")[-1] == ("more", "3 reports · 19 below")
    assert lines(plan, "lead-apps")[-1] == ("more", "4 reports")
    assert all(style != "more" for style, _ in lines(plan, "dev-apps-1"))  # a leaf: none
    cut = make_plan(scaleup, show=["reports"], depth=1)
    assert lines(cut, "cto")[-1] == ("more", "3 reports · 11 below")  # instead of "+11 below"
    fr = make_plan(scaleup, show=["reports"], lang="fr")
    counts = " ".join(text for style, text in lines(fr, "ceo") if style == "more")
    assert counts == "3 collaborateurs directs · 19 en tout"  # on two lines if need be


def test_show_picks_the_lines_and_their_order(scaleup: Org) -> None:
    plan = make_plan(scaleup, show=["team", "name"])
    assert lines(plan, "em-platform") == [("name", "Kenji Arai"), ("detail", "Platform squad")]
    assert lines(plan, "dev-apps-3") == [("title", "Developer"), ("vacant", "vacant"),
                                          ("detail", "Apps squad")]  # fmt: skip
    assert lines(plan, "cpo") == [("name", "Sofia Brandt")]  # in no team: no team line


def test_meta_fields_come_from_the_role_or_its_holder() -> None:
    org = Org(
        people=[Person(id="p", name="Ana", meta={"site": "Lyon", "langs": ["fr", "en"]})],
        roles=[
            Role(id="a", title="CEO", holder="p", meta={"cost": 1200}),
            Role(id="b", title="CFO", reports_to="a", meta={"site": "Paris"}),
        ],
    )
    plan = make_plan(org, show=["meta.site", "meta.cost", "meta.langs"])
    assert lines(plan, "a")[2:] == [("detail", "Lyon"), ("detail", "1200"), ("detail", "fr, en")]
    assert lines(plan, "b")[2:] == [("detail", "Paris")]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"show": ["salary"]}, "cannot show 'salary' (choose from: title, name, team"),
        ({"show": ["meta."]}, "cannot show 'meta.'"),
        ({"color_by": "mood"}, "cannot colour by 'mood' (choose from: auto, family, team, kind"),
        ({"direction": "RL"}, "unknown direction 'RL' (choose from: TB, LR)"),
        ({"theme": "dark"}, "unknown theme 'dark' (choose from: default, print, high-contrast)"),
    ],
)
def test_bad_card_options_are_errors(
    scaleup: Org, options: dict[str, object], message: str
) -> None:
    with pytest.raises(RenderError, match=re.escape(message)):
        make_plan(scaleup, **options)  # type: ignore[arg-type]


def test_the_width_is_fitted_to_the_text() -> None:
    short = Org(roles=[Role(id="a", title="CEO"), Role(id="b", title="Dev", reports_to="a")])
    assert make_plan(short).box_width == BOX_MIN_WIDTH
    long_title = "Senior Vice President of Global Strategic Partnerships and Alliances"
    long = Org(roles=[Role(id="a", title=long_title)])
    plan = make_plan(long)
    assert plan.box_width == BOX_MAX_WIDTH
    title = [t for s, t in lines(plan, "a") if s == "title"]
    assert " ".join(title) == long_title  # three lines, nothing cut
    # Nine lines in ten fit on one line, and every title of the top two levels.
    org = wide_team(40)
    plan = make_plan(org)
    inner = plan.box_width - 2 * PAD_X
    assert measure("Engineering Manager", "title") <= inner
    assert plan.box_width < 180


def test_every_line_fits_its_box_with_every_option(scaleup: Org) -> None:
    for options in (
        {"show": ["reports", "team", "meta.site", "responsibilities"]},
        {"name_first": True, "lang": "fr"},
        {"direction": "LR", "show": ["photo", "reports"]},
    ):
        plan = make_plan(scaleup, **options)
        inner = plan.box_width - 2 * PAD_X
        for b in plan.boxes:
            for line in b.lines:
                assert measure(line.text, line.style) <= inner, (options, b.role, line)


def test_colours_by_team_with_a_legend(scaleup: Org) -> None:
    plan = make_plan(scaleup, color_by="team")
    assert [label for label, _ in plan.legend] == [
        "Platform squad",
        "Apps squad",
        "Design",
        "no team",
    ]
    platform = {box_paint(box(plan, r), plan).stroke for r in ("em-platform", "dev-platform-1")}
    assert platform == {PALETTE[0].stroke}
    assert box_paint(box(plan, "ceo"), plan).fill == "#eef0f2"  # in no team
    svg = render_svg(scaleup, color_by="team")
    assert svg.count('<g class="legend"') == 1
    assert ">Platform squad</text>" in svg


def test_colours_by_kind_and_by_a_meta_field() -> None:
    org = Org(
        roles=[
            Role(id="a", kind="ceo", meta={"site": "Lyon"}),
            Role(id="b", kind="developer", reports_to="a", meta={"site": "Paris"}),
            Role(id="c", kind="developer", reports_to="a", meta={"site": "Paris"}),
        ]
    )
    by_kind = make_plan(org, color_by="kind")
    assert [label for label, _ in by_kind.legend] == ["Developer", "Chief Executive Officer"]
    by_site = make_plan(org, color_by="meta.site")
    assert [label for label, _ in by_site.legend] == ["Paris", "Lyon"]
    assert box_paint(box(by_site, "b"), by_site) == box_paint(box(by_site, "c"), by_site)
    assert box_paint(box(by_site, "a"), by_site) != box_paint(box(by_site, "b"), by_site)


def test_beyond_the_palette_groups_share_a_grey_and_the_legend_counts_them() -> None:
    roles = [Role(id="top", title="Boss")]
    roles += [
        Role(id=f"r{i}", title="X", reports_to="top", meta={"g": f"g{i:02}"}) for i in range(20)
    ]
    plan = make_plan(Org(roles=roles), color_by="meta.g")
    assert len(plan.legend) == len(PALETTE) + 2  # the palette, "+8 others", "other"
    assert plan.legend[len(PALETTE)][0] == "8 others"


def test_the_legend_is_left_out_when_asked_or_when_all_boxes_share_a_colour(
    scaleup: Org,
) -> None:
    assert make_plan(scaleup).legend  # families: executive, tech, product, ...
    assert make_plan(scaleup, legend=False).legend == ()
    alone = Org(roles=[Role(id="a", kind="developer"), Role(id="b", kind="developer")])
    assert make_plan(alone).legend == ()
    assert '<g class="legend"' not in render_svg(scaleup, legend=False)


def test_themes_paint_boxes_lines_and_text(scaleup: Org) -> None:
    printed = make_plan(scaleup, theme="print")
    assert {box_paint(b, printed).fill for b in printed.boxes} == {"#ffffff"}
    contrast = make_plan(scaleup, theme="high-contrast")
    assert {box_paint(b, contrast).stroke for b in contrast.boxes if not b.severity} == {"#000000"}
    svg = render_svg(scaleup, theme="high-contrast")
    assert 'class="lines" fill="none" stroke="#000000" stroke-width="1.6"' in svg
    assert 'fill="#30363d"' not in svg  # names are black, not grey
    for fmt in ("png", "pdf", "pptx", "html", "dot", "mmd"):
        assert render_bytes(scaleup, "mermaid" if fmt == "mmd" else fmt, theme="print")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Each character outside Latin was measured 1 em wide: these names broke mid-word
        # (the Greek one after its 19th letter) or took a line a word, in boxes with room.
        ("Святослав Ярополкович Преображенский", ("Святослав Ярополкович", "Преображенский")),
        ("Αικατερίνη Παπαδοπούλου-Καραγιάννη", ("Αικατερίνη", "Παπαδοπούλου-Καραγιάννη")),
        ("אליעזר בן־יהודה הצעיר", ("אליעזר בן־יהודה הצעיר",)),
        ("Nguyễn Thị Minh Khai", ("Nguyễn Thị Minh Khai",)),
    ],
)
def test_names_in_other_alphabets_are_measured_as_the_fonts_draw_them(
    name: str, expected: tuple[str, ...]
) -> None:
    org = Org(people=[Person(id="p", name=name)], roles=[Role(id="r", title="X", holder="p")])
    plan = make_plan(org)
    assert [text for style, text in lines(plan, "r") if style == "name"] == list(expected)
    width = measure(name, "name")
    assert width < 12 * 0.7 * len(name)  # the fonts' widths, not 1 em (12 px) a character


def test_a_long_hyphenated_name_breaks_after_its_hyphen() -> None:
    from orgroles.render.style import wrap

    lines = wrap("Anna Wolfeschlegelsteinhausen-Bergerdorff", "name", 180, max_lines=3)
    assert lines == ("Anna", "Wolfeschlegelsteinhausen-", "Bergerdorff")


JOB_SHARE = [
    "Maximiliane von Hohenberg-Schwarzenfeld",
    "Anastasia Konstantinopoulou-Papadimitriou",
    "Jean-Baptiste Delacroix-Montmorency",
]


def job_share(names: list[str]) -> Org:
    people = [Person(id=f"p{k}", name=n) for k, n in enumerate(names)]
    roles = [
        Role(id="ceo", kind="ceo"),
        Role(
            id="cpo",
            kind="chief-people-officer",
            holder=tuple(p.id for p in people),
            reports_to="ceo",
        ),
    ]
    return Org(name="Job share", roles=roles, people=people)


@pytest.mark.parametrize("name_first", [False, True])
def test_a_job_share_names_whole_holders_and_counts_the_others(name_first: bool) -> None:
    """Three holders with long names: the box showed two, the second cut mid-name
    ("Anastasia Konstantinopoulou-Papa…"), and nothing said that a third shared it."""
    org = job_share(JOB_SHARE)
    plan = make_plan(org, name_first=name_first)
    style = "headname" if name_first else "name"
    text = " ".join(t for s, t in lines(plan, "cpo") if s == style)
    assert "…" not in text
    shown = [n for n in JOB_SHARE if n in text]
    more = re.search(r"\+(\d+) more$", text)
    assert shown == JOB_SHARE[: len(shown)]
    assert shown
    assert more is not None
    assert int(more[1]) == len(JOB_SHARE) - len(shown)
    assert ", ".join(JOB_SHARE) in box(plan, "cpo").tooltip  # every name, on hovering
    for fmt in ("svg", "html"):
        assert more[0] in render_bytes(org, fmt, name_first=name_first).decode()


def test_a_job_share_that_fits_names_everyone_without_a_count() -> None:
    plan = make_plan(job_share(["Ana Lima", "Bo Chen", "Chidi Okeke"]))
    assert lines(plan, "cpo")[1:] == [("name", "Ana Lima, Bo Chen, Chidi Okeke")]
