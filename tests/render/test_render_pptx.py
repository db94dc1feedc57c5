"""PowerPoint: editable shapes, one per drawn box, and one glued connector per reporting
line, on 16:9 slides; big charts split by subtree; LibreOffice opens the file."""

from __future__ import annotations

import io
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.util import Emu

import orgroles
from orgroles import Org, Person, Role
from orgroles.errors import MissingExtraError
from orgroles.render import ChartOptions, render_bytes
from orgroles.render.plan import Plan
from orgroles.render.slides import READABLE, slides

from tests.charts import (
    BIDI,
    GITLAB_VP,
    HUGE,
    RTL,
    gitlab,
    hostile_org_with_tricks,
    layered,
    wide_team,
)
from tests.documents import pdf_page_count, pdf_text, pdf_to_pngs, pptx_to_pdf

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
BOX_PREFIXES = ("Role: ", "Group: ", "Not in this file: ")


def deck(data: bytes) -> Any:
    return Presentation(io.BytesIO(data))


def boxes_of(slide: Any) -> list[Any]:
    return [s for s in slide.shapes if s.name.startswith(BOX_PREFIXES)]


def connectors_of(slide: Any) -> list[tuple[int, int, int, int, str, str]]:
    """Each connector: the ids of the shapes it is glued to, the sites, its preset, colour."""
    found = []
    for element in slide.shapes._spTree.iterfind("p:cxnSp", NS):
        start = element.find(".//a:stCxn", NS)
        end = element.find(".//a:endCxn", NS)
        assert start is not None, "a connector that is not glued"
        assert end is not None, "a connector that is not glued"
        preset = element.find(".//a:prstGeom", NS).get("prst")
        color = element.find(".//a:ln//a:srgbClr", NS).get("val")
        found.append(
            (int(start.get("id")), int(start.get("idx")), int(end.get("id")), int(end.get("idx")),
             preset, color)
        )  # fmt: skip
    return found


def stacked_lines_of(slide: Any) -> dict[str, tuple[int, int, int, int]]:
    """Each freeform reporting line (a stacked leaf's), by name: its first and last
    points on the slide (EMU)."""
    found = {}
    for element in slide.shapes._spTree.iterfind("p:sp", NS):
        name = element.find(".//p:cNvPr", NS).get("name")
        if not name.startswith("Line "):
            continue
        assert element.find(".//a:stCxn", NS) is None  # a shape, not a connector
        off, ext = element.find(".//a:xfrm/a:off", NS), element.find(".//a:xfrm/a:ext", NS)
        x, y = int(off.get("x")), int(off.get("y"))
        points = element.findall(".//a:path//a:pt", NS)
        first, last = points[0], points[-1]
        assert element.find(".//a:ln//a:srgbClr", NS).get("val") == "8C959F"
        assert all(int(p.get("x")) <= int(ext.get("cx")) for p in points)
        assert all(int(p.get("y")) <= int(ext.get("cy")) for p in points)
        found[name] = (
            x + int(first.get("x")), y + int(first.get("y")),
            x + int(last.get("x")), y + int(last.get("y")),
        )  # fmt: skip
    return found


def texts(shape: Any) -> list[str]:
    return [line for p in shape.text_frame.paragraphs for line in p.text.split("\v")]


def check_slide(slide: Any, plan: Plan) -> None:
    """One shape per box of the plan, with its text; one glued connector per reporting
    line, but a stacked leaf's: a freeform line from its manager's bottom to its side."""
    shapes = boxes_of(slide)
    assert len(shapes) == len(plan.boxes)
    id_of, shape_of = {}, {}
    for box, shape in zip(plan.boxes, shapes, strict=True):
        assert shape.name.endswith(box.role or box.placeholder or box.node)
        assert texts(shape) == [line.text for line in box.lines]
        id_of[box.id] = shape.shape_id
        shape_of[box.id] = shape
    lines = [c for c in connectors_of(slide) if c[5] == "8C959F"]
    glued = [b for b in plan.boxes if b.parent >= 0 and b.placement != "stack"]
    want = Counter((id_of[b.parent], id_of[b.id]) for b in glued)
    assert Counter((a, b) for a, _, b, _, _, _ in lines) == want
    for _, site_a, _, site_b, preset, _ in lines:
        assert preset.startswith(("bentConnector", "straightConnector"))
        assert (site_a, site_b) in ((2, 0), (2, 3), (3, 1))
    freeform = stacked_lines_of(slide)
    stacked = [b for b in plan.boxes if b.placement == "stack"]
    assert len(freeform) == len(stacked)
    for b in stacked:
        m, leaf = shape_of[b.parent], shape_of[b.id]
        x0, y0, x1, y1 = freeform[f"Line {plan.boxes[b.parent].node}-{b.node}"]
        assert abs(x0 - (m.left + m.width / 2)) <= 2
        assert abs(y0 - (m.top + m.height)) <= 2
        assert abs(y1 - (leaf.top + leaf.height / 2)) <= 2
        assert min(abs(x1 - leaf.left), abs(x1 - (leaf.left + leaf.width))) <= 2


def test_one_shape_per_role_and_one_glued_connector_per_reporting_line(scaleup: Org) -> None:
    data = render_bytes(scaleup, "pptx")
    prs = deck(data)
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))  # 16:9
    found = slides(scaleup, ChartOptions())
    assert len(prs.slides) == len(found)
    for page, slide in zip(prs.slides, found, strict=True):
        check_slide(page, slide.plan)
    roles = {s.name.removeprefix("Role: ") for page in prs.slides for s in boxes_of(page)}
    assert roles == set(scaleup.roles)
    title = next(s for s in prs.slides[0].shapes if s.name == "Title")
    assert title.text_frame.text == "Northwind Labs"


def test_a_chart_drawn_left_to_right_has_its_lines_left_to_right(scaleup: Org) -> None:
    """Levels go from left to right: a line leaves its manager's right side and enters
    its report's left side (an assistant's: from the manager's bottom into its top; a
    stacked leaf's: its top or bottom), its stored route with them."""
    cto = scaleup.subtree("cto")
    options = ChartOptions(direction="LR")
    [slide] = slides(cto, options)
    [page] = deck(render_bytes(cto, "pptx", direction="LR")).slides
    shapes = {s.shape_id: s for s in page.shapes}
    by_box = {b.id: s for b, s in zip(slide.plan.boxes, boxes_of(page), strict=True)}
    placement = {by_box[b.id].shape_id: b.placement for b in slide.plan.boxes}
    lines = [c for c in connectors_of(page) if c[5] == "8C959F"]
    assert {"child", "stack"} <= set(placement.values())
    for _a, site_a, b, site_b, _, _ in lines:
        kind = placement[b]
        want = {"assistant": (2, 0), "child": (3, 1)}[kind]
        assert (site_a, site_b) == want
    # A stacked leaf's line leaves its manager's right side and enters its top or bottom.
    stacked = [box for box in slide.plan.boxes if box.placement == "stack"]
    freeform = stacked_lines_of(page)
    assert stacked
    assert len(freeform) == len(stacked)
    for box in stacked:
        m, leaf = by_box[box.parent], by_box[box.id]
        x0, y0, x1, y1 = freeform[f"Line {slide.plan.boxes[box.parent].node}-{box.node}"]
        assert abs(x0 - (m.left + m.width)) <= 2
        assert abs(y0 - (m.top + m.height / 2)) <= 2
        assert abs(x1 - (leaf.left + leaf.width / 2)) <= 2
        assert min(abs(y1 - leaf.top), abs(y1 - leaf.top - leaf.height)) <= 2
    for element in page.shapes._spTree.iterfind("p:cxnSp", NS):
        line = next(
            s for s in page.shapes if s.shape_id == int(element.find(".//p:cNvPr", NS).get("id"))
        )
        start = element.find(".//a:stCxn", NS)
        end = element.find(".//a:endCxn", NS)
        if str(line.line.color.rgb) != "8C959F":  # a reporting line (not a dotted one)
            continue
        manager, report = shapes[int(start.get("id"))], shapes[int(end.get("id"))]
        sites = {
            0: lambda s: (s.left + s.width / 2, s.top),
            1: lambda s: (s.left, s.top + s.height / 2),
            2: lambda s: (s.left + s.width / 2, s.top + s.height),
            3: lambda s: (s.left + s.width, s.top + s.height / 2),
        }
        begin = sites[int(start.get("idx"))](manager)
        finish = sites[int(end.get("idx"))](report)
        assert abs(line.begin_x - begin[0]) <= 2
        assert abs(line.begin_y - begin[1]) <= 2
        assert abs(line.end_x - finish[0]) <= 2
        assert abs(line.end_y - finish[1]) <= 2


def test_dotted_lines_and_team_frames(scaleup: Org) -> None:
    cto = scaleup.subtree("cto")
    [slide] = slides(cto, ChartOptions())
    [page] = deck(render_bytes(cto, "pptx")).slides
    check_slide(page, slide.plan)
    frames = [s.name for s in page.shapes if s.name.startswith("Team: ")]
    assert frames == ["Team: platform", "Team: apps"]
    names = [s.name for s in page.shapes]
    assert names.index("Team: apps") < names.index("Role: cto")  # behind the boxes
    org = Org(
        roles=[
            Role(id="ceo", kind="ceo"),
            Role(id="cto", kind="cto", reports_to="ceo"),
            Role(id="cfo", kind="cfo", reports_to="ceo"),
            Role(id="pm", title="Product Manager", reports_to="cto", dotted_to=("cfo",)),
        ]
    )
    [page] = deck(render_bytes(org, "pptx")).slides
    assert not [c for c in connectors_of(page) if c[5] == "8250DF"]
    # Down to a lower box, as the SVG draws it: a dashed freeform along the route that
    # goes round the boxes between (a connector would be routed across them).
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    paths = [s for s in page.shapes if s._element.find(".//a:custGeom", ns) is not None]
    line, key = paths  # the dotted line, and its dash in the legend
    assert line.name == "Line n3-n2"  # from the CFO's box (n3) to the Product Manager's
    assert key.name == "Legend line (dotted)"
    assert str(key.line.color.rgb) == "8250DF"
    assert str(line.line.color.rgb) == "8250DF"
    assert line._element.find(".//a:ln/a:prstDash", ns).get("val") == "dash"
    org = Org(
        roles=[
            Role(id="ceo", kind="ceo"),
            Role(id="cto", kind="cto", reports_to="ceo", dotted_to=("cfo",)),
            Role(id="cfo", kind="cfo", reports_to="ceo"),
        ]
    )
    [page] = deck(render_bytes(org, "pptx")).slides
    assert not [c for c in connectors_of(page) if c[5] == "8250DF"]
    paths = [s for s in page.shapes if s._element.find(".//a:custGeom", ns) is not None]
    [line] = [s for s in paths if s.name.startswith("Line ")]
    assert str(line.line.color.rgb) == "8250DF"  # between peers: under their level


def test_boxes_keep_their_colours_and_vacant_seats_are_dashed(scaleup: Org) -> None:
    pages = deck(render_bytes(scaleup, "pptx")).slides
    by_role = {s.name.removeprefix("Role: "): s for page in pages for s in boxes_of(page)}
    cto = by_role["cto"]
    assert str(cto.fill.fore_color.rgb) == "DDE7F7"
    assert str(cto.line.color.rgb) == "2F4B7C"
    vacant = [r for r in scaleup if r.vacant]
    assert vacant
    for role in vacant:
        ln = by_role[role.id]._element.find(".//a:ln", NS)
        assert ln.find("a:prstDash", NS).get("val") == "dash"
    assert cto._element.find(".//a:ln/a:prstDash", NS) is None
    runs = [r for p in cto.text_frame.paragraphs for r in p.runs]
    assert [(r.text, r.font.bold) for r in runs] == [
        ("Chief Technical Officer", True),
        ("Marc Olsen", None),
    ]
    assert {r.font.name for r in runs} == {"Arial"}


def test_a_chart_too_big_for_a_slide_is_split_by_subtree() -> None:
    org = gitlab()
    options = ChartOptions(root=GITLAB_VP)
    found = slides(org, options)
    assert len(found) > 2
    assert found[0].title.startswith("VP of Development")
    assert found[0].subtitle == ""
    assert all(s.scale >= READABLE for s in found)
    # Every role under the VP is on a slide, and a slide starts where another leaves off.
    shown = {b.role for s in found for b in s.plan.boxes if b.role}
    assert shown == {r.id for r in org.reports(GITLAB_VP, transitive=True)} | {GITLAB_VP}
    starts = {s.plan.boxes[t].role for s in found[1:] for t in s.plan.tops}
    cut = {b.role for s in found for b in s.plan.boxes if b.hidden}
    assert starts == cut
    for s in found[1:]:
        assert s.subtitle.startswith("VP of Development")
    prs = deck(render_bytes(org, "pptx", root=GITLAB_VP))
    assert len(prs.slides) == len(found)
    for page, s in zip(prs.slides, found, strict=True):
        check_slide(page, s.plan)
        number = next(x for x in page.shapes if x.name == "Slide number")
        assert number.text_frame.text == f"{found.index(s) + 1} / {len(found)}"


def _forest_with_small_trees(n: int) -> Org:
    """A company of 5 managers with 8 reports each, and roles whose managers are not in
    the file: `n` trees of two and three boxes (a missing manager and one or two
    reports)."""
    roles = [Role(id="ceo", title="Chief Executive Officer", holder="p")]
    for m in range(5):
        roles.append(Role(id=f"m{m}", title=f"Manager {m}", reports_to="ceo"))
        roles += [Role(id=f"m{m}-{k}", title="Engineer", reports_to=f"m{m}") for k in range(8)]
    for t in range(n):
        roles += [
            Role(id=f"x{t}-{k}", title=f"Specialist {t}.{k}", reports_to=f"gone-{t}")
            for k in range(1 + t % 2)
        ]
    return Org(name="Forest", roles=roles, people=[Person(id="p", name="Ada Quill")])


@pytest.mark.parametrize(("trees", "overview"), [(40, True), (150, False)])
def test_small_trees_share_slides(trees: int, overview: bool) -> None:
    """A forest: an overview slide of its tops if they fit one (else the largest tree's
    slides first), then the trees drawn whole in three boxes or fewer share slides, as
    many as fit, in order."""
    org = _forest_with_small_trees(trees)
    found = slides(org, ChartOptions())
    if overview:
        assert (found[0].title, len(found[0].plan.tops)) == ("Forest", trees + 1)
        found = found[1:]
    assert found[0].title == "Chief Executive Officer, Ada Quill"
    assert found[0].subtitle == "Forest"
    assert all(s.scale >= READABLE for s in found)
    drawn = [b.role for s in found for b in s.plan.boxes if b.role and not b.hidden]
    assert sorted(set(drawn)) == sorted(org.roles)
    shared = [s for s in found if len(s.plan.tops) > 1]
    # Every small tree, in order: each shared slide has the next ones (drawn the
    # largest first).
    ids = [sorted(int(str(s.plan.boxes[t].placeholder)[5:]) for t in s.plan.tops) for s in shared]
    assert [t for group in ids for t in group] == list(range(trees))
    assert all(group == list(range(group[0], group[-1] + 1)) for group in ids)
    assert len(shared) <= trees // 10
    for s in shared:
        assert s.subtitle == "Forest"
        assert not any(b.hidden for b in s.plan.boxes)
        tops = [s.plan.boxes[t].placeholder or "" for t in s.plan.tops]
        assert s.title == "not in this file: " + _named(tops)
    assert not any(s.plan.shown <= 1 for s in found)
    prs = deck(render_bytes(org, "pptx"))
    assert len(prs.slides) == len(found) + overview
    for page, s in zip(list(prs.slides)[overview:], found, strict=True):
        check_slide(page, s.plan)


def _named(tops: list[str]) -> str:
    """A shared slide's title: its tops, or the first three and how many more (of five
    or more)."""
    if len(tops) < 5:
        return " · ".join(tops)
    return " · ".join(tops[:3]) + f" and {len(tops) - 3} more"


def test_small_teams_below_a_slide_share_the_next_ones() -> None:
    """A head of 24 managers with two reports each: the first slide shows the managers,
    and their teams (three boxes each) fill a few slides, titled with their managers."""
    roles = [Role(id="head", title="Head of Operations")]
    for m in range(24):
        roles.append(Role(id=f"m{m}", title=f"Shift Lead {m}", reports_to="head"))
        roles += [Role(id=f"m{m}-{k}", title="Operator", reports_to=f"m{m}") for k in range(2)]
    org = Org(name="Plant", roles=roles)
    found = slides(org, ChartOptions())
    assert found[0].plan.shown == 25
    rest = found[1:]
    assert 1 < len(rest) < 8
    sizes = [len(s.plan.tops) for s in rest]  # one size, but the last: as even as can be
    assert len(set(sizes[:-1])) == 1
    assert sizes[-1] <= sizes[0]
    assert sizes[0] - sizes[-1] < len(rest)
    assert [b.role for s in rest for t in s.plan.tops for b in [s.plan.boxes[t]]] == [
        f"m{m}" for m in range(24)
    ]
    for s in rest:
        # The first slide is titled with the org: the chain names its head too.
        assert s.subtitle == "Plant \u203a Head of Operations"
        leads = [s.plan.boxes[t].lines[0].text for t in s.plan.tops]
        assert s.title == _named(leads)
        assert s.plan.shown == 3 * len(leads)
        assert s.scale >= READABLE


def test_shared_slides_count_repeated_titles_and_subtitles_tell_managers_apart() -> None:
    """Two region heads of one title, each over twelve branches of three tellers: a
    slide's subtitle names the managers above it with their holders when their title is
    shared, and a shared slide of tops of one title counts them."""
    roles = [Role(id="ceo", title="CEO")]
    people = []
    for r in range(2):
        roles.append(Role(id=f"rh{r}", title="Region Head", reports_to="ceo", holder=f"p{r}"))
        people.append(Person(id=f"p{r}", name=f"Person {'AB'[r]}"))
        for b in range(12):
            roles.append(Role(id=f"b{r}-{b}", title="Branch Manager", reports_to=f"rh{r}"))
            roles += [
                Role(id=f"t{r}-{b}-{k}", title="Teller", reports_to=f"b{r}-{b}") for k in range(2)
            ]
    found = slides(Org(name="Bank", roles=roles, people=people), ChartOptions())
    subtitles = {s.subtitle for s in found[1:]}
    assert subtitles == {
        "Bank \u203a CEO \u203a Region Head, Person A",
        "Bank \u203a CEO \u203a Region Head, Person B",
    }
    assert all(re.fullmatch(r"Branch Manager \(\d+\)", s.title) for s in found[1:])


def test_a_shared_slide_of_teams_of_two_branches_names_the_managers_above_both() -> None:
    roles = [Role(id="head", title="Head of Operations")]
    for m in range(2):
        roles.append(Role(id=f"m{m}", title=f"Plant Manager {m}", reports_to="head"))
        for lead in range(7):
            roles.append(Role(id=f"l{m}-{lead}", title=f"Shift Lead {lead}", reports_to=f"m{m}"))
            roles += [
                Role(id=f"o{m}-{lead}-{k}", title="Operator", reports_to=f"l{m}-{lead}")
                for k in range(2)
            ]
    _, *rest = slides(Org(name="Plant", roles=roles), ChartOptions())
    mixed = [s for s in rest if len({str(s.plan.boxes[t].role)[1] for t in s.plan.tops}) > 1]
    assert mixed  # teams under both plant managers share a slide
    for s in mixed:  # not the chain of the first team's plant manager
        assert s.subtitle == "Plant \u203a Head of Operations"


def test_branches_of_a_manager_and_three_reports_share_slides() -> None:
    """Twelve branches of a manager and three tellers: a few shared slides after the
    overview, not a slide of four boxes each."""
    roles = [Role(id="ceo", title="CEO")]
    for b in range(12):
        roles.append(Role(id=f"b{b}", title="Branch Manager", reports_to="ceo"))
        roles += [Role(id=f"t{b}-{k}", title="Teller", reports_to=f"b{b}") for k in range(3)]
    _, *rest = slides(Org(name="Bank", roles=roles), ChartOptions())
    assert 1 <= len(rest) <= 3
    assert sum(len(s.plan.tops) for s in rest) == 12
    assert all(s.scale >= READABLE for s in rest)


def test_a_deck_keeps_one_slide_per_team_that_is_not_small(scaleup: Org) -> None:
    found = slides(scaleup, ChartOptions(), width=700)
    assert all(len(s.plan.tops) == 1 for s in found)


def test_stacked_leaves_hang_from_the_side(tiny: Org) -> None:
    org = wide_team(12)
    [slide] = slides(org, ChartOptions())
    [page] = deck(render_bytes(org, "pptx")).slides
    check_slide(page, slide.plan)
    assert connectors_of(page) == []
    leaves = {s.shape_id: s for s in boxes_of(page)[1:]}
    lines = stacked_lines_of(page)
    assert len(lines) == 12
    # Two columns, each hung from its inner side, from one spine between them.
    spine = {x for _, _, x, _ in lines.values()}
    inner: Counter[str] = Counter()
    for _, _, x1, y1 in lines.values():
        leaf = next(s for s in leaves.values() if abs(s.top + s.height / 2 - y1) <= 2
                    and min(abs(x1 - s.left), abs(x1 - s.left - s.width)) <= 2)  # fmt: skip
        inner["right" if abs(x1 - leaf.left - leaf.width) <= 2 else "left"] += 1
    assert inner == {"right": 6, "left": 6}
    assert len(spine) == 2  # the right sides of one column, the left sides of the other
    left_column, right_column = sorted(spine)
    assert right_column - left_column < min(s.width for s in leaves.values()) / 4


def test_the_same_org_gives_the_same_bytes(scaleup: Org) -> None:
    assert render_bytes(scaleup, "pptx") == render_bytes(scaleup, "pptx")


@pytest.mark.parametrize("layout", [6, 1])  # blank (what charts use), and with placeholders
def test_slides_are_added_as_python_pptx_adds_them(layout: int) -> None:
    """orgroles adds slides in constant time (python-pptx's own add_slide looks through
    every slide before, which made a deck of 14,000 slides quadratic): the file is the
    same as python-pptx's, byte for byte."""
    from orgroles.render.pptx_file import add_slide, steady

    def made(fast: bool) -> bytes:
        presentation = Presentation()
        chosen = presentation.slide_layouts[layout]
        placeholders = list(chosen.iter_cloneable_placeholders())
        for k in range(1, 5):
            if fast:
                slide = add_slide(presentation, chosen, placeholders, k)
            else:
                slide = presentation.slides.add_slide(chosen)
            slide.shapes.add_textbox(Emu(0), Emu(0), Emu(100), Emu(100)).text = f"slide {k}"
        out = io.BytesIO()
        presentation.save(out)
        return steady(out.getvalue())

    data = made(True)
    assert data == made(False)
    assert [s.slide_id for s in deck(data).slides] == [256, 257, 258, 259]


def test_hostile_text_is_plain_text_on_slides() -> None:
    """Markup, DOT and Mermaid syntax, quotes and backslashes come out as the text they
    are; bidirectional overrides and control characters are dropped; a 1 MB title is cut
    on its box (the file stays small)."""
    org = hostile_org_with_tricks()
    data = render_bytes(org, "pptx")
    assert len(data) < 200_000
    found = slides(org, ChartOptions())
    pages = deck(data).slides
    assert len(pages) == len(found)
    shown: list[str] = []
    for page, s in zip(pages, found, strict=True):
        check_slide(page, s.plan)  # each box's text is exactly the plan's lines
        for shape in page.shapes:
            if shape.has_text_frame:
                shown += texts(shape)
    for text in ("<script>alert(1)</script>", '"; rankdir=LR', "\\G \\L \\E", "]]>", "-->"):
        assert text in shown, text
    assert 'x" onload="alert(1)' in " ".join(shown)
    assert "Admin gnp.exe isolated" in " ".join(shown)  # the overrides dropped, in order
    assert "anA Lima" in shown  # as stored: the override only made it display reversed
    assert "Bell [2J Clear" in shown  # the bell and the escape character become spaces
    everything = "".join(shown)
    assert not [c for c in everything if c in BIDI or ord(c) < 32]
    assert RTL not in everything
    assert max(len(line) for line in shown) < 200
    assert any(line.startswith("long title") and line.endswith("…") for line in shown)
    assert HUGE[:1000] not in everything
    assert deck(data).core_properties.title == "Org <script>alert(1)</script>"


def test_a_deck_of_many_slides_does_not_walk_the_whole_org_per_slide(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each slide makes a plan of its part of the org. The plans share the org's list of
    roles (listed once, not once per slide) and count what they leave out from the
    subtree sizes (not by walking the subtrees): with 14,000 slides for 100,000 roles,
    either made the deck quadratic."""
    from orgroles._internal.idmap import IdMap
    from orgroles.index import Index

    org = gitlab()
    listed: list[int] = []
    walked: list[int] = []
    values, below = IdMap.values, Index.below

    def counted_values(self: Any) -> Any:
        listed.append(len(self))
        return values(self)

    def counted_below(self: Any, i: int) -> list[int]:
        found = below(self, i)
        walked.append(len(found))
        return found

    monkeypatch.setattr(IdMap, "values", counted_values)
    monkeypatch.setattr(Index, "below", counted_below)
    found = slides(org, ChartOptions())
    assert len(found) > 100
    assert sum(n for n in listed if n == len(org.roles)) <= 2 * len(org.roles)
    assert sum(walked) == 0


def test_without_python_pptx_the_error_says_what_to_install(
    scaleup: Org, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pptx", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'orgroles\[pptx\]'"):
        orgroles.render(scaleup, tmp_path / "chart.pptx")
    assert not (tmp_path / "chart.pptx").exists()


@pytest.mark.office
def test_libreoffice_opens_the_deck_and_draws_every_slide(tmp_path: Path) -> None:
    org = gitlab()
    found = slides(org, ChartOptions(root=GITLAB_VP, depth=2))
    path = tmp_path / "vp.pptx"
    orgroles.render(org, path, root=GITLAB_VP, depth=2)
    pdf = pptx_to_pdf(path, tmp_path)
    data = pdf.read_bytes()
    assert pdf_page_count(data) == len(found)
    for text, s in zip(pdf_text(data), found, strict=True):
        assert s.title.split(",")[0] in text
        for box in s.plan.boxes:
            assert box.lines[0].text in text
    pngs = pdf_to_pngs(pdf, tmp_path / "slide")
    assert len(pngs) == len(found)
    assert pngs[0].stat().st_size > 10_000  # a drawn slide, not a blank page


def test_a_team_too_wide_for_a_slide_is_split_over_slides_with_its_manager() -> None:
    """A manager of 300: the manager with a fifth of them on each of five slides, the
    same number on each, all readable, each report once, in order."""
    org = wide_team(300)
    found = slides(org, ChartOptions())
    assert len(found) == 5
    assert all(s.scale >= READABLE for s in found)
    shown = [b.role for s in found for b in s.plan.boxes if b.role and b.role != "em"]
    assert shown == [f"dev-{i}" for i in range(1, 301)]
    for k, s in enumerate(found):
        assert [s.plan.boxes[t].role for t in s.plan.tops] == ["em"]
        assert s.plan.shown == 61
        assert (
            s.title
            == f"Engineering Manager, Dev Person 0 (reports {60 * k + 1}\u2013{60 * k + 60} of 300)"
        )
    french = slides(org, ChartOptions(lang="fr"))
    assert french[1].title.endswith("(collaborateurs 61 à 120 sur 300)")


def test_the_reports_of_a_wide_team_get_their_own_slides_below_it() -> None:
    """A VP of 120 managers, each with two reports: the VP's slides show the managers
    ("+2 below"), and their teams share the slides after them, under the VP's chain."""
    roles = [Role(id="ceo", title="CEO"), Role(id="vp", title="VP Operations", reports_to="ceo")]
    for m in range(120):
        roles.append(Role(id=f"m{m}", title=f"Site Lead {m}", reports_to="vp"))
        roles += [Role(id=f"m{m}-{k}", title="Operator", reports_to=f"m{m}") for k in range(2)]
    org = Org(name="Plants", roles=roles)
    found = slides(org, ChartOptions())
    assert all(s.scale >= READABLE for s in found)
    wide = [s for s in found if s.title.startswith("VP Operations, vacant (reports ")]
    assert len(wide) > 1
    assert sum(s.plan.shown - 1 for s in wide) == 120
    teams = [s for s in found if s.subtitle.endswith("VP Operations")]
    assert sorted(str(s.plan.boxes[t].role) for s in teams for t in s.plan.tops) == sorted(
        f"m{m}" for m in range(120)
    )
    drawn = {b.role for s in found for b in s.plan.boxes if b.role and not b.hidden}
    assert drawn == set(org.roles)


def test_a_wide_teams_assistants_sit_beside_its_manager_on_each_slide() -> None:
    """A manager of 300 reports and two assistants: the assistants are on every slide
    beside the manager, and the slides count the 300 reports only."""
    org = wide_team(300)
    roles = [*org.roles.values()]
    roles += [Role(id=f"ea{k}", title="Assistant", reports_to="em", assistant=True) for k in (1, 2)]
    found = slides(
        Org(name=org.name, roles=roles, people=list(org.people.values())), ChartOptions()
    )
    assert len(found) > 1
    assert found[-1].title.endswith(" of 300)")
    for s in found:
        (top,) = [s.plan.boxes[t] for t in s.plan.tops]
        assert [s.plan.boxes[a].role for a in top.assistants] == ["ea1", "ea2"]
    shown = [b.role for s in found for b in s.plan.boxes if b.role and b.role.startswith("dev")]
    assert shown == [f"dev-{i}" for i in range(1, 301)]


def test_a_missing_manager_with_too_many_reports_is_split_too() -> None:
    org = Org(roles=[Role(id=f"r{i}", title="Analyst", reports_to="gone") for i in range(200)])
    found = slides(org, ChartOptions())
    assert len(found) > 1
    assert all(s.scale >= READABLE for s in found)
    assert all(s.title.startswith("not in this file: gone (reports ") for s in found)
    assert found[-1].title.endswith(" of 200)")
    shown = [b.role for s in found for b in s.plan.boxes if b.role]
    assert shown == [f"r{i}" for i in range(200)]
    assert all(s.plan.boxes[s.plan.tops[0]].placeholder == "gone" for s in found)


@pytest.mark.parametrize(("teams", "lang"), [(3, "en"), (4, "en"), (9, "en"), (9, "fr")])
def test_a_shared_slide_names_its_first_teams(teams: int, lang: str) -> None:
    """Up to four small teams are named; more, the first three and how many more. (A
    team of 80 keeps the head's slide one layer deep, so the small teams share one.)"""
    roles = [Role(id="head", title="Head of Operations")]
    roles.append(Role(id="big", title="Plant Manager", reports_to="head"))
    roles += [Role(id=f"op{k}", title="Operator", reports_to="big") for k in range(80)]
    for m in range(teams):
        roles.append(Role(id=f"m{m}", title=f"Shift Lead {m}", reports_to="head"))
        roles += [Role(id=f"m{m}-{k}", title="Operator", reports_to=f"m{m}") for k in range(2)]
    org = Org(name="Plant", roles=roles)
    [title] = [s.title for s in slides(org, ChartOptions(lang=lang)) if len(s.plan.tops) > 1]
    if teams <= 4:
        assert title == " · ".join(f"Shift Lead {m}" for m in range(teams))
    else:
        more = {"en": f" and {teams - 3} more", "fr": f" et {teams - 3} autres"}[lang]
        assert title == "Shift Lead 0 · Shift Lead 1 · Shift Lead 2" + more


def test_every_elbow_bends_halfway_clear_of_assistants_and_team_names(scaleup: Org) -> None:
    """LibreOffice draws a glued elbow connector with its bend halfway between its ends,
    whatever its adjustment says: the slides' lines bend there too (`adj1` 50%), and the
    gaps are tall enough that the halfway line passes below a manager's stacked
    assistants and above the team frames' names (it crossed the chief of staff's box, and
    ran along the frames' tops, in LibreOffice)."""
    boss = Org(
        roles=[
            Role(id="ceo", kind="ceo"),
            Role(id="ea", title="Executive Assistant", reports_to="ceo", assistant=True),
            Role(id="cos", title="Chief of Staff", reports_to="ceo", assistant=True),
            *(Role(id=f"vp{n}", title=f"VP {n}", reports_to="ceo") for n in range(4)),
        ]
    )
    checked = 0
    for org in (boss, scaleup.subtree("cto"), scaleup):
        for page in deck(render_bytes(org, "pptx")).slides:
            shapes = {s.shape_id: s for s in page.shapes}
            boxes = [s for s in page.shapes if s.name.startswith(BOX_PREFIXES)]
            frames = [s for s in page.shapes if s.name.startswith("Team: ")]
            for element in page.shapes._spTree.iterfind("p:cxnSp", NS):
                if element.find(".//a:prstGeom", NS).get("prst") != "bentConnector3":
                    continue
                if element.find(".//a:xfrm", NS).get("rot") != "5400000":
                    continue  # an assistant's: across first
                [adj] = element.findall(".//a:gd", NS)
                assert abs(int(adj.get("fmla").removeprefix("val ")) - 50000) <= 1
                top = shapes[int(element.find(".//a:stCxn", NS).get("id"))]
                low = shapes[int(element.find(".//a:endCxn", NS).get("id"))]
                bend = (top.top + top.height + low.top) / 2
                x0, x1 = sorted((top.left + top.width / 2, low.left + low.width / 2))
                for shape in boxes:
                    if shape.left < x1 and x0 < shape.left + shape.width:
                        assert not shape.top <= bend <= shape.top + shape.height, shape.name
                for frame in frames:  # of the reports' level, below the manager
                    below = top.top + top.height <= frame.top < low.top
                    if below and frame.left < x1 and x0 < frame.left + frame.width:
                        assert bend < frame.top, frame.name
                checked += 1
    assert checked > 10


def test_an_assistant_on_the_left_is_glued_side_to_side() -> None:
    """Two assistants, one on each side of the manager: the left one's line leaves the
    manager's left side and enters the assistant's right side; the right one's the
    other way round."""
    roles = [Role(id="ceo", title="Chief Executive Officer")]
    roles += [Role(id=a, title=a, reports_to="ceo", assistant=True) for a in ("ea", "cos")]
    roles += [Role(id=f"vp{k}", title="Vice President", reports_to="ceo") for k in range(3)]
    [page] = deck(render_bytes(Org(name="Board", roles=roles), "pptx")).slides
    ids = {s.name.removeprefix("Role: "): s.shape_id for s in boxes_of(page)}
    shapes = {s.shape_id: s for s in page.shapes}
    sites = {(a, b): (sa, sb) for a, sa, b, sb, _, _ in connectors_of(page)}
    assert sites[ids["ceo"], ids["ea"]] == (1, 3)
    assert sites[ids["ceo"], ids["cos"]] == (3, 1)
    ea, ceo, cos = (shapes[ids[r]] for r in ("ea", "ceo", "cos"))
    assert ea.left + ea.width < ceo.left < ceo.left + ceo.width < cos.left
    assert ea.top == ceo.top == cos.top


def test_an_executive_team_cut_on_the_first_slide_stays_in_one_row() -> None:
    """A CEO's six executives, each with a team of its own on a later slide, sat in two
    columns at three heights on the first slide: peers read as a chain. They are one
    row; a top with many cut reports still stacks them, as lower managers cut do."""
    roles = layered(
        "Chief Executive Officer",
        ("x", "Chief Officer {}", 6),
        ("m", "Manager", 12),
        ("s", "Specialist", 6),
    )
    first, *rest = slides(Org(name="Corp", roles=roles), ChartOptions())
    plan = first.plan
    execs = [b for b in plan.boxes if b.role is not None and b.role.startswith("x")]
    assert len(execs) == 6
    assert all(b.hidden and b.placement == "child" and not b.stack for b in execs)
    assert first.scale >= READABLE
    assert rest  # each executive's team is on slides of its own
    many = [Role(id="ceo", title="CEO")]
    for e in range(9):
        many.append(Role(id=f"x{e}", title=f"Head {e}", reports_to="ceo"))
        many += [Role(id=f"s{e}-{k}", title="Clerk", reports_to=f"x{e}") for k in range(30)]
    first = slides(Org(name="Corp", roles=many), ChartOptions())[0]
    heads = [b for b in first.plan.boxes if b.role is not None and b.role.startswith("x")]
    assert {b.placement for b in heads} == {"stack"}  # nine: stacked


def test_lines_are_under_the_boxes() -> None:
    """LibreOffice drew the dashed dotted lines over the boxes they cross, through their
    text; the lines come first on the slide, as in SVG, and stay glued to the boxes."""
    roles = [Role(id="ceo", title="CEO")]
    roles += [Role(id=f"h{k}", title=f"Regional Head {k}", reports_to="ceo") for k in range(3)]
    roles += [Role(id=f"l{k}", title="Lead", reports_to=f"h{k}") for k in range(3)]
    roles += [
        Role(id=f"e{k}", title="Engineer", reports_to=f"l{k % 3}", dotted_to=(f"h{(k + 1) % 3}",))
        for k in range(6)
    ]
    deck = Presentation(io.BytesIO(render_bytes(Org(name="Matrix", roles=roles), "pptx")))
    names = [shape.name for shape in deck.slides[0].shapes]
    lines = [k for k, name in enumerate(names) if name.startswith("Line ")]
    boxes = [k for k, name in enumerate(names) if name.startswith("Role: ")]
    assert len(boxes) == 13
    assert len(lines) >= 12 + 6  # the reporting lines and the dotted ones
    assert max(lines) < min(boxes)
    xml = deck.slides[0].shapes._spTree.xml
    glued = re.findall(r'<a:(?:st|end)Cxn id="(\d+)"', xml)
    ids = {str(s.shape_id) for s in deck.slides[0].shapes if s.name.startswith("Role: ")}
    assert glued
    assert set(glued) <= ids


def test_a_subtitle_too_long_for_its_line_keeps_the_nearest_managers() -> None:
    """A bank's chain of long titles (five managers, so shown whole) was cut at the end
    of its line: "… > Managing Director, Branch Network, Rosa Kowal > Divisional Di…",
    without the manager the slide hangs from. The farthest managers give way instead,
    after an ellipsis, and the line holds the rest whole."""
    from orgroles.render import style
    from orgroles.render.slides import MARGIN, SEPARATOR, SLIDE_WIDTH

    room = (SLIDE_WIDTH - 2 * MARGIN) * 11 / 14  # the subtitle's 14 pt, measured as 11 px

    titles = [
        "Group Chief Executive",
        "Chief Executive, Retail and Commercial Banking",
        "Managing Director, Branch Network and Distribution",
        "Divisional Director, Northern and Central Regions",
        "Regional Director, Metropolitan Area",
        "Area Director",
    ]
    roles = [Role(id="l0-0", title=titles[0])]
    for level in range(1, len(titles)):
        for k in range(2):  # two of each, so that titles repeat and holders are named
            top = f"l{level - 1}-0"
            roles.append(Role(id=f"l{level}-{k}", title=titles[level], reports_to=top))
    roles += [Role(id=f"teller{k}", title="Teller", reports_to="l5-0") for k in range(12)]
    org = Org(name="Bank", roles=roles)
    deep = [s for s in slides(org, ChartOptions(depth=None)) if s.subtitle.count(SEPARATOR) > 2]
    assert deep
    for s in deep:
        first = s.plan.boxes[s.plan.tops[0]].role
        assert first is not None
        above = org.roles[first].reports_to
        assert isinstance(above, str)
        manager = org.title_of(above)
        assert style.measure(s.subtitle, "note") <= room
        assert s.subtitle.rsplit(SEPARATOR, 1)[-1].startswith(manager)


def test_co_ceos_share_the_top_of_their_slide_at_one_height() -> None:
    """Two co-CEOs (two top roles) over three and four executives of five directors
    each: the rows that fit the slide's shape best put one co-CEO above the other, and
    its executives at the other's height. When their trees fit one row readably, the
    co-CEOs stand side by side and each level is one row."""
    roles = [Role(id=f"ceo{c}", title="Co-Chief Executive Officer") for c in range(2)]
    for k in range(7):
        roles.append(
            Role(id=f"x{k}", title=f"Chief Officer {k}", reports_to=f"ceo{0 if k < 3 else 1}")
        )
        roles += [Role(id=f"x{k}-{d}", title="Director", reports_to=f"x{k}") for d in range(5)]
    first = slides(Org(name="Co-CEO Company", roles=roles), ChartOptions())[0]
    plan, chart = first.plan, first.chart
    assert len(plan.tops) == 2
    assert len({chart.y[t] for t in plan.tops}) == 1
    level = {b.role: chart.y[b.id] for b in plan.boxes if b.role and b.role.count("-") == 0}
    assert len({y for role, y in level.items() if role.startswith("x")}) == 1
    assert first.scale >= READABLE
