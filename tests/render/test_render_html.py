"""The HTML explorer's page, without a browser: its data, escaping, policy and files.

tests/render/test_explorer_browser.py opens the same pages in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgroles
from orgroles import Org, Person, Role
from orgroles.errors import RenderError
from orgroles.render import format_of, quoting, render, render_bytes, to_html
from orgroles.render.explorer import Explorer, explore
from orgroles.render.html import ACTING, ASSISTANT, VACANT, first_view_depth
from orgroles.render.plan import make_plan
from orgroles.render.quoting import clean
from orgroles.render.words import _UI, ui_words

from tests.charts import HOSTILE, hostile_org, wide_team
from tests.helpers import ROOT, SCALEUP, Cli

STATIC = ROOT / "src" / "orgroles" / "render" / "static"
INJECTIONS = ["</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!--", "&amp;"]


class Page(HTMLParser):
    """The parts of a page the tests look at: script elements, style, meta tags, links."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self.metas: list[dict[str, str | None]] = []
        self.urls: list[str | None] = []
        self._in: tuple[str, dict[str, str | None]] | None = None
        self._text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href", "action", "data", "poster")]
        if tag == "meta":
            self.metas.append(found)
        if tag in ("script", "style"):
            self._in = (tag, found)
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._in is not None and tag == self._in[0]:
            text = "".join(self._text)
            if tag == "script":
                self.scripts.append((self._in[1], text))
            else:
                self.styles.append(text)
            self._in = None

    def data(self, block: str) -> Any:
        return json.loads(next(t for a, t in self.scripts if a.get("id") == f"orgroles-{block}"))

    @property
    def csp(self) -> str:
        found = [
            m["content"] for m in self.metas if m.get("http-equiv") == "Content-Security-Policy"
        ]
        assert len(found) == 1
        assert found[0] is not None
        return found[0]


def page_of(org: Org, **options: Any) -> tuple[str, Page]:
    text = to_html(org, **options)
    return text, Page(text)


def injection_org() -> Org:
    """The issue's two names, and more, as names, titles, ids, team and org names."""
    texts = INJECTIONS + HOSTILE
    roles = [Role(id="top", title=texts[0], holder="p0")]
    people = [Person(id="p0", name=texts[1], email="a@example.org")]
    for i, text in enumerate(texts):
        roles.append(Role(id=f"{text}#{i}", title=text, holder=f"p{i + 1}", reports_to="top"))
        people.append(Person(id=f"p{i + 1}", name=text))
    teams = [{"id": "t", "name": texts[0], "lead": "top", "members": [r.id for r in roles[1:]]}]
    return Org(name=texts[0], roles=roles, people=people, teams=teams)


# -- the format and the entry points -----------------------------------------------------------


def test_html_is_a_format_of_render() -> None:
    assert format_of("chart.html") == format_of("CHART.HTM") == "html"


def test_render_writes_the_page(scaleup: Org, tmp_path: Path) -> None:
    out = render(scaleup, tmp_path / "chart.html")
    assert out.read_text(encoding="utf-8") == to_html(scaleup)


def test_the_cli_writes_the_page_with_violations(run: Cli, tmp_path: Path, tiny: Org) -> None:
    tiny.update_role("cto", responsibilities=())  # the CTO no longer codes: K004
    tiny.dump(tmp_path / "org.yaml")
    result = run("render", tmp_path / "org.yaml", "-o", tmp_path / "chart.html", "--check")
    assert result.exit_code == 0, result.output
    assert "violations highlighted: 1 warning" in result.output
    page = Page((tmp_path / "chart.html").read_text(encoding="utf-8"))
    data, details = page.data("data"), page.data("details")
    cto = data["ids"].index("cto")
    assert [v[0] for v in details["violations"][str(cto)]] == ["K004"]
    assert data["flags"][cto] >> 3 == 2  # the severity bits: a warning


@pytest.mark.nodot
def test_the_page_needs_no_graphviz(scaleup: Org, tmp_path: Path) -> None:
    assert render(scaleup, tmp_path / "chart.html", engine="auto").stat().st_size > 0


def test_an_unknown_engine_is_still_an_error(scaleup: Org) -> None:
    with pytest.raises(RenderError, match="unknown engine"):
        render_bytes(scaleup, "html", engine="nope")


def test_the_options_reach_the_page(scaleup: Org) -> None:
    data = Page(to_html(scaleup, root="cto", depth=1, lang="fr")).data("data")
    assert data["ids"] == ["cto", "em-platform", "lead-apps", "security-officer"]
    assert data["lang"] == "fr"
    assert data["words"]["search"] == "Rechercher"
    texts = [data["texts"][k] for k in data["lines"][0] if k >= 0]
    assert texts[0] == "Directeur technique"
    assert "+4 en dessous" in [data["texts"][k] for k in data["lines"][1] if k >= 0]
    shown = Page(to_html(scaleup, show=["responsibilities"])).data("data")
    assert shown["geometry"]["boxWidth"] == 240
    resp = [s["name"] for s in shown["styles"]].index("resp")
    assert resp in [shown["textStyle"][k] for k in shown["lines"][0] if k >= 0]


# -- the data ------------------------------------------------------------------------------------


def test_the_data_follows_the_plan(scaleup: Org) -> None:
    plan = make_plan(scaleup)
    data = Page(to_html(scaleup)).data("data")
    assert data["ids"] == [b.role for b in plan.boxes]
    assert data["parent"] == [b.parent for b in plan.boxes]
    for box, codes, names in zip(plan.boxes, data["lines"], data["names"], strict=True):
        lines = [
            ("name", names)
            if k < 0
            else (data["styles"][data["textStyle"][k]]["name"], data["texts"][k])
            for k in codes
        ]
        assert lines == [(line.style, line.text) for line in box.lines]
    flags = dict(zip(data["ids"], data["flags"], strict=True))
    assert flags["dev-apps-3"] == VACANT
    assert flags["po-apps"] == ACTING
    assert flags["exec-assistant"] == ASSISTANT
    assert data["families"][data["fam"][data["ids"].index("cto")]] == [
        "executive",
        "#dde7f7",
        "#2f4b7c",
    ]
    pairs = [(data["ids"][a], data["ids"][b]) for a, b in data["dotted"]]
    assert pairs == [("pm-core", "po-platform")]


def test_search_data_has_full_titles_names_and_responsibilities(scaleup: Org) -> None:
    data = Page(to_html(scaleup)).data("data")
    i = data["ids"].index("security-officer")
    assert data["titles"][data["titleOf"][i]] == "Security & Data Protection Officer"
    assert data["names"][i] == "Théo Fabre"
    ids = [data["resps"][r][0] for r in data["rsets"][data["rset"][i]]]
    assert ids == [r.id for r in scaleup.responsibilities_of("security-officer")]


def test_details_hold_kinds_people_and_teams(scaleup: Org) -> None:
    page = Page(to_html(scaleup))
    data, details = page.data("data"), page.data("details")
    at = data["ids"].index
    po = at("po-apps")
    assert details["kinds"][details["kind"][po]] == ["product-owner", "Product Owner"]
    assert [details["people"][k][0] for k in details["holders"][po]] == ["Bruno Costa"]
    assert details["holders"][at("dev-apps-3")] == []
    team = details["teams"][details["team"][str(po)][0]]
    assert team == ["apps", "Apps squad", at("lead-apps")]


def test_folds_are_groups_the_reader_can_unfold() -> None:
    team = wide_team(40)
    data = Page(to_html(team, fold=10)).data("data")
    assert len(data["ids"]) == 41  # every role has its box, folded or not
    [(manager, members, lines, flags, _)] = data["folds"]
    assert manager == 0
    assert [data["ids"][m] for m in members] == [f"dev-{i}" for i in range(1, 41)]
    assert [data["texts"][k] for k in lines][:2] == ["+40 developers", "5 vacant"]
    assert flags & VACANT == 0
    assert data["start"] == 1  # two layers: the manager and one group


def test_no_fold_option_no_groups(scaleup: Org) -> None:
    assert Page(to_html(scaleup)).data("data")["folds"] == []


def test_the_first_view_opens_whole_layers_within_the_limit() -> None:
    assert first_view_depth([0] + [1] * 10 + [2] * 300) == 1
    assert first_view_depth([0] * 400 + [1] * 10) == 0  # the top layer, however wide
    assert first_view_depth([0, 1, 2, 3]) == 3


def test_org_level_problems_are_in_the_data(tiny: Org) -> None:
    report = tiny.check(params={"R001": {"required": ["user-research"]}})
    data = Page(to_html(tiny, report=report)).data("data")
    assert [p[0] for p in data["problems"]] == ["R001"]


# -- safety --------------------------------------------------------------------------------------


def test_no_text_can_close_a_script_or_open_markup() -> None:
    text, page = page_of(injection_org())
    # Exactly the page's own four scripts, each closed once.
    assert len(re.findall(r"<script", text, re.I)) == 4
    assert len(re.findall(r"</script", text, re.I)) == 4
    for name in INJECTIONS[:2]:
        assert name not in text
    assert "<img" not in text.lower()
    data = page.data("data")
    for i, name in enumerate(INJECTIONS + HOSTILE):
        node = data["ids"].index(clean(f"{name}#{i}"))
        assert data["titles"][data["titleOf"][node]] == clean(name)
        assert data["names"][node] == clean(name)
    assert data["title"] == INJECTIONS[0]


def test_json_blocks_escape_angle_brackets_and_ampersands() -> None:
    _, page = page_of(injection_org())
    for attrs, body in page.scripts:
        if attrs.get("type") == "application/json":
            assert not set("<>&") & set(body)


def test_the_policy_allows_the_pages_own_code_only() -> None:
    text, page = page_of(hostile_org())
    csp = dict(d.split(" ", 1) for d in page.csp.split("; "))
    assert csp["default-src"] == "'none'"
    assert "unsafe" not in page.csp
    assert "http" not in page.csp
    code = [body for attrs, body in page.scripts if "type" not in attrs]
    assert len(code) == 2

    def digest(body: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"

    assert csp["script-src"].split() == [digest(body) for body in code]
    assert csp["style-src"].split() == [digest(body) for body in page.styles]
    # The policy comes before anything it governs.
    assert text.index("Content-Security-Policy") < text.index("<style>") < text.index("<script")


def test_the_page_names_no_outside_resource() -> None:
    _, page = page_of(orgroles.load(SCALEUP))
    assert page.urls == ["data:,"]  # the empty icon, so that browsers ask for no favicon


def test_the_page_sets_text_with_text_content_only() -> None:
    script = (STATIC / "explorer.js").read_text(encoding="utf-8")
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert forbidden not in script
    assert 'setAttribute("style"' not in script  # the policy would refuse style attributes


def test_same_input_same_bytes(scaleup: Org, tmp_path: Path) -> None:
    assert to_html(scaleup, fold=1) == to_html(scaleup, fold=1)
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"chart-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "orgroles",
                "render",
                str(SCALEUP),
                "-o",
                str(out),
                "--fold",
                "1",
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


@given(st.text(alphabet='ab.+-_@%é <"\\', min_size=1, max_size=12))
@settings(max_examples=300, deadline=None)
def test_the_quick_path_of_mailto_agrees_with_the_full_check(email: str) -> None:
    # Plain addresses skip the quoting and checks, which cost half of a 100k-role page.
    full = quoting.safe_url("mailto:" + quote(quoting.clean(email), safe="@+.-_"))
    assert quoting.mailto(email) == full


# -- notebooks -----------------------------------------------------------------------------------


class Frames(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.frames: list[dict[str, str | None]] = []
        self.tags: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "iframe":
            self.frames.append(dict(attrs))


def test_explore_shows_a_sandboxed_frame_with_the_page(scaleup: Org) -> None:
    view = scaleup.explore(check=True)
    assert isinstance(view, Explorer)
    frames = Frames(view._repr_html_())
    assert frames.tags == ["iframe"]  # the page is all inside the attribute
    [frame] = frames.frames
    assert frame["srcdoc"] == view.html
    assert frame["sandbox"] == "allow-scripts allow-downloads"  # never allow-same-origin
    assert view.html == to_html(scaleup, report=scaleup.check())
    assert 360 <= int(frame["height"] or 0) <= 760


def test_explore_has_a_text_form(scaleup: Org) -> None:
    view = orgroles.explore(scaleup, root="cpo")
    assert repr(view) == "<Explorer 'Northwind Labs': 6 roles>"
    assert view._repr_mimebundle_() == {"text/plain": repr(view), "text/html": view._repr_html_()}
    assert view._repr_mimebundle_(exclude=["text/html"]) == {"text/plain": repr(view)}


def test_hostile_text_stays_inside_the_frame_attribute() -> None:
    view = explore(injection_org())
    frames = Frames(view._repr_html_())
    assert frames.tags == ["iframe"]
    assert frames.frames[0]["srcdoc"] == view.html


def test_save_writes_the_page(scaleup: Org, tmp_path: Path) -> None:
    view = scaleup.explore()
    assert view.save(tmp_path / "x.html").read_text(encoding="utf-8") == view.html


def test_a_big_first_view_gets_a_tall_frame() -> None:
    view = explore(wide_team(300, vacant_every=0))
    assert view.height == 760
    assert explore(orgroles.load(SCALEUP), height=500).height == 500


# -- words and files -----------------------------------------------------------------------------


def test_every_interface_word_has_its_french() -> None:
    assert set(_UI["fr"]) == set(_UI["en"])
    assert ui_words("fr")["vacant"] == "poste vacant"


def test_the_template_uses_known_words_only() -> None:
    template = (STATIC / "explorer.html").read_text(encoding="utf-8")
    used = set(re.findall(r"\{\{w\.(\w+)\}\}", template))
    assert used <= set(ui_words("en"))
    script = (STATIC / "explorer.js").read_text(encoding="utf-8")
    in_script = set(re.findall(r"\bW\.(\w+)", script))
    assert in_script <= set(ui_words("en")), in_script - set(ui_words("en"))


def test_the_vendored_files_are_the_recorded_releases() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "vendor_d3.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    versions = json.loads((STATIC / "vendor" / "VERSIONS.json").read_text())["packages"]
    for entry in versions:
        script = (STATIC / "vendor" / entry["file"]).read_bytes()
        assert hashlib.sha256(script).hexdigest() == entry["sha256"]
        assert script.startswith(
            f"// https://d3js.org/{entry['package']}/ v{entry['version']} ".encode()
        )
    names = [e["package"] for e in versions]
    assert {"d3-hierarchy", "d3-zoom", "d3-selection", "d3-transition"} <= set(names)


def test_the_page_carries_the_d3_modules_and_their_licenses(scaleup: Org) -> None:
    text = to_html(scaleup)
    versions = json.loads((STATIC / "vendor" / "VERSIONS.json").read_text())["packages"]
    at = [text.index((STATIC / "vendor" / e["file"]).read_text(encoding="utf-8")) for e in versions]
    assert at == sorted(at)  # in load order: dependencies first
    for entry in versions:
        license_text = (STATIC / "vendor" / entry["license_file"]).read_text(encoding="utf-8")
        assert license_text.strip() in text
        assert f"{entry['package']} {entry['version']}" in text


def test_the_wheel_ships_the_explorer_and_the_fonts(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    [wheel] = tmp_path.glob("orgroles-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    static = {
        f"orgroles/render/static/{p.relative_to(STATIC)}" for p in STATIC.rglob("*") if p.is_file()
    }
    assert static <= names
    # And the fonts of PNG and PDF, with their licence, and typst to draw them.
    fonts = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "LICENSE"}
    assert {f"orgroles/render/static/fonts/{name}" for name in fonts} <= names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    requires = zipfile.ZipFile(wheel).read(metadata).decode("utf-8").splitlines()
    assert any(line.startswith("Requires-Dist: typst") for line in requires)
    assert any(
        line.startswith("Requires-Dist: python-pptx") and "pptx" in line for line in requires
    )


def test_the_explorer_says_what_the_chart_says_under_its_title() -> None:
    from orgroles.render.html import page_data
    from orgroles.render.options import ChartOptions
    from orgroles.render.plan import make_plan
    from orgroles.rules.report import Report, Violation

    text = (
        "roles:\n  - {id: ceo, reports_to: ceo}\n  - {id: a, reports_to: b}\n"
        "  - {id: b, reports_to: a}\n"
    )
    org = orgroles.loads(text)
    data, _ = page_data(org, make_plan(org))
    assert [t for _, t in data["notes"]] == [
        "⚠ Reporting cycle: a → b → a (drawn from a, the line from a to b left out)",
        "⚠ ceo reports to itself (drawn at the top)",
    ]
    # With the rules checked, a problem of the whole org (no role) is the problems
    # button's: the static chart lists it under the title, the explorer not in its notes.
    general = Violation("X001", "whole-org", "warning", None, "the org has no CTO")
    report = Report([*org.check().violations, general], org=org.name, roles=len(org))
    plan = make_plan(org, ChartOptions(report=report))
    assert "⚠ X001 whole-org: the org has no CTO" in [n.text for n in plan.notes]
    checked, _ = page_data(org, plan, report=report)
    assert checked["notes"] == data["notes"]
    assert ["X001", "whole-org", "warning", "the org has no CTO"] in checked["problems"]
