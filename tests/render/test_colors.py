"""The chart's colours can be told apart: families, the palette of groups, and the grey of
boxes in no group; a catalogue's own families take colours that no other family has."""

from __future__ import annotations

import itertools
import math

import pytest

from orgroles import Org, Role
from orgroles.render import make_plan
from orgroles.render.paint import GREY_GROUPS, OTHER, PALETTE, box_paint
from orgroles.render.style import FAMILY_NAMES, SPARE, Colors, family_colors, family_palette


def _lab(color: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour `#rrggbb`."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(color[i : i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: str, b: str) -> float:
    """The CIE76 colour difference: about 2.3 is the least a reader notices side by side."""
    return math.dist(_lab(a), _lab(b))


def test_delta_e_measures_what_a_reader_sees() -> None:
    assert delta_e("#ffffff", "#ffffff") == 0
    assert round(delta_e("#000000", "#ffffff")) == 100  # black to white: all of L*
    # The two blues that executive and support shared before: a reader could not tell them.
    assert delta_e("#dde7f7", "#e0e6ee") < 5


@pytest.mark.parametrize("part", ["fill", "stroke"])
def test_every_family_and_group_colour_differs_from_the_others(part: str) -> None:
    colors: dict[str, Colors] = {f: family_colors(f) for f in FAMILY_NAMES}
    colors.update({f"spare{i}": c for i, c in enumerate(SPARE)})
    colors["no group"] = OTHER
    least = 7.0 if part == "fill" else 10.0
    close = [
        (a, b, round(delta_e(getattr(colors[a], part), getattr(colors[b], part)), 1))
        for a, b in itertools.combinations(colors, 2)
        if delta_e(getattr(colors[a], part), getattr(colors[b], part)) < least
    ]
    assert close == []
    assert len(set(PALETTE)) == len(PALETTE) == len(FAMILY_NAMES) + len(SPARE)


def test_a_catalogue_s_own_families_take_the_colours_no_family_of_the_org_has() -> None:
    def seat(rid: str, family: str, boss: str | None = None) -> Role:
        return Role(id=rid, family=family, reports_to=boss, holder=f"p-{rid}")  # not vacant

    org = Org(
        roles=[
            seat("ceo", "executive"),
            seat("cno", "nursing", "ceo"),
            *(seat(f"n{i}", "nursing", "cno") for i in range(4)),
            seat("estates", "estates", "ceo"),
            *(seat(f"e{i}", "estates", "estates") for i in range(2)),
            seat("cfo", "finance", "ceo"),
        ]
    )
    plan = make_plan(org)
    fills = {b.role: box_paint(b, plan).fill for b in plan.boxes}
    assert fills["ceo"] == family_colors("executive").fill
    assert fills["cfo"] == family_colors("finance").fill
    used = {fills["ceo"], fills["cfo"]}
    assert fills["cno"] not in used
    assert fills["estates"] not in used
    assert fills["cno"] != fills["estates"]
    # The largest of them first: nursing (5 roles) takes the first free colour, tech's.
    assert fills["cno"] == family_colors("tech").fill
    # A chart of one branch gives a family the colour the chart of the whole org gives.
    branch = make_plan(org, root="estates")
    assert {box_paint(b, branch).fill for b in branch.boxes} == {fills["estates"]}
    assert [label for label, _ in plan.legend] == ["Nursing", "Estates", "Executive", "Finance"]


def test_family_palette_falls_back_to_a_stable_colour_when_all_are_taken() -> None:
    many = [*FAMILY_NAMES, *(f"own{i}" for i in range(len(SPARE) + 1))]
    found = family_palette(many)
    assert found["own0"] == SPARE[0]
    assert found["own1"] == SPARE[1]
    assert found["own2"] == family_colors("own2")  # none left: its own stable colour


def test_a_chart_of_groups_beyond_the_palette_takes_it_in_its_own_order() -> None:
    # The org's twelve largest groups are all below the chart's depth: the chart of its
    # top was all grey, with a legend of "others" only.
    roles = [Role(id="top", holder="a", meta={"g": "top"})]
    for m in range(2):
        roles.append(Role(id=f"m{m}", holder=f"m{m}", reports_to="top", meta={"g": "mgr"}))
        for k in range(39):
            group = f"leaf{(13 * m + k) % 13:02}"
            roles.append(
                Role(id=f"r{m}-{k}", holder=f"p{m}-{k}", reports_to=f"m{m}", meta={"g": group})
            )
    org = Org(roles=roles)
    whole = make_plan(org, color_by="meta.g")
    assert box_paint(next(b for b in whole.boxes if b.role == "top"), whole).fill == OTHER.fill
    plan = make_plan(org, color_by="meta.g", depth=1)
    fills = {b.role: box_paint(b, plan).fill for b in plan.boxes}
    assert fills["m0"] == PALETTE[0].fill  # the chart's largest group first
    assert fills["top"] == PALETTE[1].fill
    assert [label for label, _ in plan.legend] == ["mgr", "top"]


@pytest.mark.parametrize("color_by", ["family", "meta.g"])
def test_the_print_theme_names_as_many_groups_as_it_has_greys(color_by: str) -> None:
    """On paper, four greys are all a reader tells apart: the three largest groups get one
    each, and the others share the lightest under one "others" entry. The greys cycled,
    and a legend of six families showed two pairs of swatches alike."""
    families = ["tech", "product", "sales", "finance", "people", "legal"]
    roles = [Role(id="top", holder="a", family="executive", meta={"g": "top"})]
    for n, family in enumerate(families):
        for k in range(len(families) - n):  # tech the largest, legal the smallest
            seat = f"{family}{k}"
            meta = {"g": family}
            roles.append(Role(id=seat, holder=seat, reports_to="top", family=family, meta=meta))
    plan = make_plan(Org(roles=roles), color_by=color_by, theme="print")
    strokes = {label: plan.palette[key].stroke for label, key in plan.legend}
    assert len(plan.legend) == GREY_GROUPS + 1
    assert plan.legend[-1][0] == "4 others"
    assert len(set(strokes.values())) == len(strokes)  # no two swatches alike
    assert {box_paint(b, plan).stroke for b in plan.boxes if b.role in ("people0", "legal0")} == {
        strokes["4 others"]
    }


def test_a_seat_with_only_a_title_is_coloured_by_the_family_its_title_names() -> None:
    # A hand-written org of titles was all grey, its legend "other" alone.
    org = Org(
        roles=[
            Role(id="ceo", title="Chief Executive Officer"),
            Role(id="cfo", title="Chief Financial Officer", reports_to="ceo"),
            Role(id="dev", title="Senior Backend Engineer", reports_to="ceo"),
            Role(id="ops", title="Chief of Vibes", reports_to="ceo"),  # names no family
            Role(id="sales", title="Account Executive", family="marketing", reports_to="ceo"),
        ]
    )
    plan = make_plan(org, color_by="family")
    families = {box.role: box.family for box in plan.boxes}
    assert families == {
        "ceo": "executive",
        "cfo": "executive",
        "dev": "tech",
        "ops": None,
        "sales": "marketing",  # the family written wins
    }
    assert all(role.kind is None for role in org.roles.values())  # the org is not changed
    assert {label for label, _ in plan.legend} >= {"Executive", "Tech", "Marketing"}
