"""Each format shows user text as plain text: builtin SVG, DOT (parsed back by dot), Mermaid."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgroles import Org, Person, Role
from orgroles.render import render_svg, to_dot, to_mermaid
from orgroles.render.plan import Plan, make_plan
from orgroles.render.quoting import clean
from orgroles.render.svg import to_svg

from tests.charts import HOSTILE, hostile_org

SVG = "{http://www.w3.org/2000/svg}"


def plan_texts(plan: Plan) -> dict[str, list[str]]:
    return {b.node: [line.text for line in b.lines] for b in plan.boxes}


def test_hostile_text_is_plain_text_in_builtin_svg() -> None:
    org = hostile_org()
    plan = make_plan(org)
    root = ET.fromstring(to_svg(plan))
    assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("script", "foreignObject")]
    for e in root.iter():
        assert not [a for a in e.attrib if a.startswith("on")], e.attrib
    found = {g.get("id"): [t.text for t in g.iter(f"{SVG}text")] for g in root.iter(f"{SVG}g")}
    assert {k: v for k, v in found.items() if k in plan_texts(plan)} == plan_texts(plan)
    assert root.findtext(f"{SVG}title") == HOSTILE[1]
    frame_labels = [t.text for t in root.iter(f"{SVG}text") if t.get("font-size") == "11"]
    assert HOSTILE[3] in frame_labels


def test_hostile_titles_survive_wrapping_character_for_character() -> None:
    plan = make_plan(hostile_org())
    for b in plan.boxes[1:]:
        lines = [line.text for line in b.lines if line.style == "title"]
        assert b.role is not None
        text = HOSTILE[int(b.role.rsplit("#", 1)[1])]
        # Lines break at spaces, or inside a word too wide for the line.
        assert text in (" ".join(lines), "".join(lines)), (text, lines)


DOT_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
DOT_HTML = re.compile(r"<<.*?>>(?= |\]|$)", re.M)


@pytest.mark.parametrize("layout", ["compact", "tree"])
def test_dot_uses_synthetic_node_ids_and_quotes_every_user_value(layout: str) -> None:
    source = to_dot(hostile_org(), layout=layout).source
    statements = re.findall(r"^\t+(\S+) (?:->|\[)", source, re.M)
    assert statements
    synthetic = r"n\d+(s\d+r\d+)?|graph|node|edge"
    assert all(re.fullmatch(synthetic, s) for s in statements), statements
    # Outside quoted strings and HTML-like labels, only our own words remain.
    bare = DOT_HTML.sub("<>", DOT_STRING.sub('""', source))
    words = set(re.findall(r"[A-Za-z_][\w]*", bare))
    words = {w for w in words if not re.fullmatch(r"cluster_n\d+s", w)}  # frameless stacks
    assert words <= {
        "digraph",
        "org",
        "graph",
        "node",
        "edge",
        "subgraph",
        "cluster_0",
        "rank",
        "same",
        "rankdir",
        "TB",
        "nodesep",
        "ranksep",
        "newrank",
        "true",
        "splines",
        "ortho",
        "fontname",
        "bgcolor",
        "labelloc",
        "t",
        "labeljust",
        "l",
        "label",
        "shape",
        "box",
        "fontsize",
        "fontcolor",
        "width",
        "margin",
        "penwidth",
        "arrowhead",
        "none",
        "color",
        "fillcolor",
        "style",
        "tooltip",
        "height",
        "point",
        "invis",
        "constraint",
        "false",
        "dashed",
        "URL",
        "peripheries",
        "group",
        "ordering",
        "out",
        "minlen",
    } | set(statements), words


@pytest.mark.dot
def test_hostile_text_is_plain_text_once_dot_has_read_it() -> None:
    org = hostile_org()
    plan = make_plan(org)
    source = to_dot(org).source
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=True
    ).stdout
    root = ET.fromstring(svg)
    nodes = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            name = g.findtext(f"{SVG}title")
            nodes[name] = [t.text for t in g.iter(f"{SVG}text")]
    assert {k: v for k, v in nodes.items() if k in plan_texts(plan)} == plan_texts(plan)
    clusters = [
        t.text
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "cluster"
        for t in g.iter(f"{SVG}text")
    ]
    assert clusters == [HOSTILE[3]]
    graph = root.find(f"{SVG}g")
    assert graph is not None
    graph_label = [t.text for t in graph.findall(f"{SVG}text")]
    assert graph_label[0] == HOSTILE[1]


def _graph_label(source: str) -> list[str]:
    """The texts of the graph's own label (title, notes, legend), once dot has read it."""
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=True
    ).stdout
    graph = ET.fromstring(svg).find(f"{SVG}g")
    assert graph is not None
    return [t.text or "" for t in graph.findall(f"{SVG}text")]


@pytest.mark.dot
def test_dot_names_the_colours_and_the_dotted_line_under_the_title(scaleup: Org) -> None:
    plan = make_plan(scaleup)
    assert plan.legend
    assert plan.lines
    texts = _graph_label(to_dot(scaleup).source)
    assert texts[0] == plan.title
    assert [label for label, _ in plan.legend] + [plan.lines[0][0]] == [
        t for t in texts[1:] if t.strip("- ")
    ]
    assert _graph_label(to_dot(scaleup, legend=False).source) == [plan.title]


@pytest.mark.dot
def test_dot_names_a_change_charts_changes(scaleup: Org) -> None:
    old = Org(
        roles=[r for r in scaleup.roles.values() if r.id != "designer-2"],
        people=list(scaleup.people.values()),
        teams=[],
    )
    plan = make_plan(scaleup, diff=old)
    assert plan.changes
    texts = _graph_label(to_dot(scaleup, diff=old).source)
    assert all(label in texts for label, _ in plan.changes)


@pytest.mark.dot
def test_hostile_group_names_in_dots_legend_is_plain_text() -> None:
    roles = [
        Role(id=f"r{i}", reports_to="r0" if i else None, meta={"site": text})
        for i, text in enumerate(HOSTILE)
    ]
    org = Org(name="Sites", roles=roles)
    shown = [label for label, _ in make_plan(org, color_by="meta.site").legend]
    assert len(set(shown) & set(HOSTILE)) >= 5
    texts = _graph_label(to_dot(org, color_by="meta.site").source)
    assert texts[0] == "Sites"
    assert [t for t in texts[1:] if t.strip()] == shown


MERMAID_LABEL = re.compile(r'^\s+(n\d+|subgraph t\d+)\["(?P<label>[^"]*)"\]$')


def test_hostile_text_is_entity_escaped_in_mermaid() -> None:
    text = to_mermaid(hostile_org())
    assert "%%" not in text
    assert "click" not in text.replace("click n0 href", "")
    for line in text.splitlines()[1:]:
        statement = line.strip()
        assert (
            MERMAID_LABEL.match(line)
            or re.fullmatch(r"n\d+ (---|-\.-|~~~) n\d+", statement)
            or re.fullmatch(r"(classDef|class) [\w,]+ [\w:#,.\- ]+", statement)
            or statement == "end"
        ), line
    labels = [m.group("label") for m in map(MERMAID_LABEL.match, text.splitlines()) if m]
    for label in labels:
        inner = re.sub(r"</?(b|i|small)>|<br/>", "", label)
        assert not re.search(r"[<>\"%{}\[\]|`\\]", inner), label


def test_mermaid_decodes_back_to_the_text() -> None:
    org = hostile_org()
    plan = make_plan(org)
    text = to_mermaid(org)
    decoded = {}
    for m in map(MERMAID_LABEL.match, text.splitlines()):
        if m and m.group(1).startswith("n"):
            parts = re.sub(r"</?(b|i|small)>", "", m.group("label")).split("<br/>")
            decoded[m.group(1)] = [
                re.sub(r"#(\d+);", lambda e: chr(int(e.group(1))), p) for p in parts
            ]
    assert decoded == plan_texts(plan)


def test_mermaid_shows_teams_classes_and_dotted_lines(scaleup: Org) -> None:
    text = to_mermaid(scaleup)
    assert text.startswith("flowchart TD\n")
    assert text.count("subgraph ") == 3
    assert text.count("    end\n") == 3
    assert '    subgraph t0["Platform squad"]' in text
    assert re.search(r"^    n\d+ -\.- n\d+$", text, re.M)
    assert "classDef vacant" in text
    assert "classDef fam_executive" in text


def test_builtin_svg_names_its_fonts_and_is_self_contained(scaleup: Org) -> None:
    svg = render_svg(scaleup, engine="builtin")
    assert 'font-family="DejaVu Sans, Arial, Helvetica, sans-serif"' in svg
    assert "<style" not in svg
    assert "http://" not in svg.replace("http://www.w3.org/2000/svg", "")
    ET.fromstring(svg)


# Any text at all: what the chart shows is the text, cleaned to one printable line.
any_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40
).filter(lambda t: clean(t) != "")


def _org_with(title: str, name: str, team: str) -> Org:
    return Org(
        name=name,
        people=[Person(id="p", name=name)],
        roles=[Role(id="a", title=title, holder="p"), Role(id="b", title=name, reports_to="a")],
        teams=[{"id": "t", "name": team, "lead": "a", "members": ["b"]}],
    )


def _reads_as(text: str, lines: list[str]) -> bool:
    """Whether lines read as `text`: each break is at a space (which the break takes) or
    inside a word too long for a line (which it splits), and nothing else differs."""
    pattern = "( ?)".join(map(re.escape, lines))
    return re.fullmatch(pattern, text, flags=re.DOTALL) is not None


@settings(max_examples=150, deadline=None)
@given(any_text, any_text, any_text)
def test_any_text_is_shown_as_written_in_builtin_svg_and_mermaid(
    title: str, name: str, team: str
) -> None:
    org = _org_with(title, name, team)
    plan = make_plan(org)
    root = ET.fromstring(to_svg(plan))
    found = {
        g.get("id"): [t.text or "" for t in g.iter(f"{SVG}text")] for g in root.iter(f"{SVG}g")
    }
    for b in plan.boxes:
        assert found[b.node] == [line.text for line in b.lines]
    title_lines = [line.text for line in plan.boxes[0].lines if line.style == "title"]
    assert _reads_as(clean(title), title_lines) or title_lines[-1].endswith("…")
    assert root.findtext(f"{SVG}title") == clean(name)
    decoded = {}
    for m in map(MERMAID_LABEL.match, to_mermaid(org).splitlines()):
        if m:
            label = re.sub(r"</?(b|i|small)>", "", m.group("label"))
            decoded[m.group(1)] = [
                re.sub(r"#(\d+);", lambda e: chr(int(e.group(1))), part)
                for part in label.split("<br/>")
            ]
    assert decoded.pop("subgraph t0") == [clean(team)]
    assert decoded == plan_texts(plan)


@pytest.mark.dot
@settings(max_examples=15, deadline=None)
@given(any_text, any_text, any_text)
def test_any_text_is_shown_as_written_by_dot(title: str, name: str, team: str) -> None:
    org = _org_with(title, name, team)
    plan = make_plan(org)
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=to_dot(org).source.encode(), capture_output=True, check=True
    ).stdout
    root = ET.fromstring(svg)
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            node = g.findtext(f"{SVG}title")
            box = next(b for b in plan.boxes if b.node == node)
            got = [t.text or "" for t in g.iter(f"{SVG}text")]
            # dot drops spaces at the ends of a text run; nothing else may differ
            assert [s.strip() for s in got] == [line.text.strip() for line in box.lines]
