"""The HTML explorer in a real browser: headless Chromium, driven by selenium.

Pages are rendered by orgroles, written to files and opened from ``file://`` URLs. One
browser serves the module; each test opens its page afresh. Screenshots go to
``test-artifacts/explorer/``.
"""

from __future__ import annotations

import importlib.util
import json
import re
import time
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import orgroles
from orgroles import Org, Person, Role
from orgroles.render import render
from orgroles.render.html import FOREST, MISSING
from orgroles.render.plan import make_plan

from tests.browser import start_chrome
from tests.charts import layered, wide_team
from tests.helpers import DATA, ROOT, SCALEUP, TINY

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "explorer"
INJECTIONS = ["</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


class Tab:
    """The browser, looking at one explorer page."""

    def __init__(self, driver: Any, downloads: Path) -> None:
        self.driver = driver
        self.downloads = downloads

    def open(self, path: Path, *, frame: bool = False) -> Tab:
        self.driver.get_log("browser")  # forget what earlier pages logged
        self.driver.get_log("performance")
        self.driver.get(path.as_uri())
        if frame:
            self.driver.switch_to.frame(self.driver.find_element("tag name", "iframe"))
        self.wait("return !!(window.__orgroles && window.__orgroles.ready)")
        return self

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def wait(self, script: str, *args: Any, timeout: float = 10) -> Any:
        end = time.monotonic() + timeout
        while True:
            found = self.js(script, *args)
            if found:
                return found
            if time.monotonic() > end:
                raise AssertionError(f"timed out waiting for: {script}")
            time.sleep(0.03)

    def settle(self) -> None:
        """Wait for transitions (pan and zoom animations) to end."""
        time.sleep(0.45)

    # -- what the page shows --------------------------------------------------------------

    def index(self, role: str) -> int:
        i: int = self.js(
            "return JSON.parse(document.getElementById('orgroles-data').textContent)"
            ".ids.indexOf(arguments[0])",
            role,
        )
        assert i >= 0, role
        return i

    def boxes(self) -> int:
        n: int = self.js("return document.querySelectorAll('#nodes > g.node').length")
        return n

    def node(self, role: str) -> Any:
        return self.driver.find_element(
            "css selector", f'#nodes > g.node[data-n="{self.index(role)}"]'
        )

    def texts(self, role: str) -> list[str]:
        found: list[str] = self.js(
            "return [...arguments[0].querySelectorAll('.lines text')].map(t => t.textContent)",
            self.node(role),
        )
        return found

    def rects(self) -> list[dict[str, float]]:
        """The boxes' rectangles on the screen."""
        found: list[dict[str, float]] = self.js(
            "return [...document.querySelectorAll('#nodes > g.node > rect.box')].map(r => {"
            " const b = r.getBoundingClientRect(); return {x: b.x, y: b.y, w: b.width, h: b.height}; })"
        )
        return found

    def points_along(self, path_id: str) -> list[tuple[float, float]]:
        """Points every pixel along the path `path_id`, on the page."""
        return [
            (x, y)
            for x, y in self.js(
                "const path = document.getElementById(arguments[0]), m = path.getScreenCTM();"
                "const out = [], length = path.getTotalLength();"
                "for (let s = 0; s <= length; s += 1) {"
                " const p = path.getPointAtLength(s), q = new DOMPoint(p.x, p.y).matrixTransform(m);"
                " out.push([q.x, q.y]); }"
                "return out;",
                path_id,
            )
        ]

    def lines_through_boxes(self, path_id: str) -> list[dict[str, float]]:
        """The boxes that the path `path_id` runs more than 2 px inside of."""
        points = self.points_along(path_id)
        return [
            r
            for r in self.rects()
            if any(
                r["x"] + 2 < x < r["x"] + r["w"] - 2 and r["y"] + 2 < y < r["y"] + r["h"] - 2
                for x, y in points
            )
        ]

    def in_view(self, element: Any) -> bool:
        inside: bool = self.js(
            "const b = arguments[0].querySelector('rect.box').getBoundingClientRect();"
            "const c = document.getElementById('chart').getBoundingClientRect();"
            "const p = document.getElementById('panel');"
            "const right = p.hidden ? c.right : p.getBoundingClientRect().left;"
            "return b.left >= c.left && b.top >= c.top && b.right <= right && b.bottom <= c.bottom;",
            element,
        )
        return inside

    def transform(self) -> tuple[float, float, float]:
        x, y, k = self.js(
            "const t = d3.zoomTransform(document.getElementById('chart')); return [t.x, t.y, t.k];"
        )
        return x, y, k

    def key(self, *keys: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(self.driver).send_keys(*keys).perform()

    def errors(self) -> list[dict[str, Any]]:
        return [e for e in self.driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path


def no_overlap(rects: list[dict[str, float]]) -> None:
    boxes = sorted(rects, key=lambda r: (r["x"], r["y"]))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if b["x"] >= a["x"] + a["w"] - 0.5:
                break
            separate = b["y"] >= a["y"] + a["h"] - 0.5 or a["y"] >= b["y"] + b["h"] - 0.5
            assert separate, (a, b)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = start_chrome(
        tmp_path_factory.mktemp("profile"), downloads=tmp_path_factory.mktemp("downloads")
    )
    yield driver
    driver.quit()


@pytest.fixture
def tab(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tab]:
    downloads = tmp_path_factory.mktemp("downloads")
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    page = Tab(browser, downloads)
    yield page
    errors = page.errors()
    assert not errors, errors  # no test may leave console errors behind


@pytest.fixture(scope="module")
def gitlab() -> Org:
    with warnings.catch_warnings():  # two roles of the export have broken HTML: known
        warnings.simplefilter("ignore", orgroles.OrgImportWarning)
        return orgroles.from_gitlab(DATA / "gitlab-team" / "team.yml", name="GitLab")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, gitlab: Org) -> dict[str, Path]:
    """The pages the tests open, each rendered once."""
    out = tmp_path_factory.mktemp("pages")
    scaleup = orgroles.load(SCALEUP)
    tiny = orgroles.load(TINY)
    tiny.update_role("cto", responsibilities=())  # the CTO no longer codes: K004
    return {
        "scaleup": render(scaleup, out / "scaleup.html"),
        "scaleup-fr": render(scaleup, out / "scaleup-fr.html", lang="fr"),
        "checked": render(tiny, out / "checked.html", report=tiny.check()),
        "gitlab": render(gitlab, out / "gitlab.html"),
        "wide": render(wide_team(40), out / "wide.html", fold=10),
        "injection": render(injection_org(), out / "injection.html"),
        "by-team": render(scaleup, out / "by-team.html", color_by="team", name_first=True),
    }


def injection_org() -> Org:
    roles = [Role(id="top", kind="ceo", holder="p0")]
    people = [Person(id="p0", name=INJECTIONS[1])]
    for i, text in enumerate(INJECTIONS):
        roles.append(Role(id=text, title=text, holder=f"p{i + 1}", reports_to="top"))
        people.append(Person(id=f"p{i + 1}", name=text))
    teams = [{"id": "t", "name": INJECTIONS[0], "lead": "top", "members": INJECTIONS}]
    return Org(name=INJECTIONS[0], roles=roles, people=people, teams=teams)


# -- the first view --------------------------------------------------------------------------


def test_the_scaleup_opens_whole_and_draws_the_plan(tab: Tab, pages: dict[str, Path]) -> None:
    tab.open(pages["scaleup"])
    plan = make_plan(orgroles.load(SCALEUP))
    assert tab.boxes() == len(plan.boxes) == 20
    for box in plan.boxes:
        assert box.role is not None
        assert tab.texts(box.role) == [line.text for line in box.lines]
    no_overlap(tab.rects())
    assert all(tab.in_view(tab.node(b.role)) for b in plan.boxes if b.role)  # it fits
    # Vacancies are dashed and white, families have their colours, as in the SVG.
    vacant = tab.node("dev-apps-3").find_element("css selector", "rect.box")
    assert vacant.get_attribute("stroke-dasharray") == "5 3"
    assert vacant.get_attribute("fill") == "#ffffff"
    cto = tab.node("cto").find_element("css selector", "rect.box")
    assert (cto.get_attribute("fill"), cto.get_attribute("stroke")) == ("#dde7f7", "#2f4b7c")
    assert tab.js("return document.getElementById('dotted').getAttribute('d')").startswith("M")
    # The Product Manager's dotted line goes down, across and down, as the SVG's does:
    # it meets no box on its way (svg's test_old_lines checks the same of the static chart).
    assert len(tab.points_along("dotted")) > 100
    assert tab.lines_through_boxes("dotted") == []
    tab.shot("scaleup")


READABLE_JS = """
const chart = document.getElementById('chart').getBoundingClientRect();
const sizes = [];
for (const t of document.querySelectorAll('#nodes > g.node .lines text')) {
  const b = t.getBoundingClientRect();
  if (b.right < chart.left || b.left > chart.right || b.bottom < chart.top || b.top > chart.bottom) continue;
  const size = parseFloat(t.getAttribute('font-size') || '12');
  if (size === 12) sizes.push(size * t.getScreenCTM().a);
}
const box = document.querySelector('#nodes > g.node > rect.box').getBoundingClientRect();
return [sizes.length, Math.min(...sizes), box.width];
"""


def test_a_forest_opens_readable_on_its_largest_trees(
    tab: Tab, pages: dict[str, Path], gitlab: Org
) -> None:
    # (Before 0.3, GitLab's 450 tops opened as one row of boxes 88,204 px wide, and Fit
    # shrank it to a grey line.) A 1600 x 1000 window, as on a laptop.
    tab.driver.set_window_size(1600, 1000)
    try:
        tab.open(pages["gitlab"])
        data = tab.js("return JSON.parse(document.getElementById('orgroles-data').textContent)")
        flags, parent = data["flags"], data["parent"]
        assert flags[0] & FOREST  # one top above the forest
        assert parent[0] == -1
        assert parent.count(-1) == 1
        missing = [i for i, f in enumerate(flags) if f & MISSING]
        assert len(missing) == len(set(gitlab.index.dangling.values())) == 139
        assert all(parent[i] == 0 for i in missing)
        assert all(data["ids"][i] == "" for i in missing)
        others = [f for f in data["folds"] if f[0] == 0]
        assert len(others) == 1  # the smaller trees, behind one box
        assert len(others[0][1]) > 100
        shown = tab.boxes()
        assert shown == tab.js("return window.__orgroles.firstView")
        assert shown < 300
        no_overlap(tab.rects())
        # Three layers of the largest trees would be 15,000 px wide: it opens on their tops
        # and their reports, the largest whole in view (the CMO and the CLO, under a manager
        # who is not in the file), not on a slice of its directors.
        assert tab.in_view(tab.node("tm-7af96e6b"))
        assert tab.in_view(tab.node("tm-acd9234c"))
        for view in ("first view", "fit"):
            if view == "fit":
                tab.driver.find_element("id", "fit").click()
                tab.settle()
            count, smallest, box_width = tab.js(READABLE_JS)
            assert count > 10, view
            assert smallest >= 8, (view, smallest)  # 12 px text shows at 8 px or more
            assert box_width >= 120, (view, box_width)
        tab.shot("gitlab-first-view")
        # The smaller trees are one click away.
        fold = tab.driver.find_element("css selector", "#nodes > g.node.fold")
        fold.click()
        assert tab.boxes() > shown + 100
    finally:
        tab.driver.set_window_size(1280, 800)


def test_expand_and_collapse_a_team(tab: Tab, pages: dict[str, Path], gitlab: Org) -> None:
    from selenium.webdriver.common.keys import Keys

    tab.open(pages["gitlab"])
    index = gitlab.index
    # The collapsed role of the first view with the most direct reports, and its reports.
    collapsed = tab.js(
        "const ids = JSON.parse(document.getElementById('orgroles-data').textContent).ids;"
        "return [...document.querySelectorAll('#nodes > g.node.role[aria-expanded=false]')]"
        ".map(g => ids[+g.dataset.n]);"
    )
    top = max((index.pos[i] for i in collapsed), key=lambda i: len(index.children.get(i, ())))
    reports = index.children[top]
    before = tab.boxes()
    node = tab.node(index.ids[top])
    toggle = node.find_element("css selector", ".toggle")
    # It says how many roles are below.
    below = len(index.below(top))
    assert toggle.find_element("tag name", "text").get_attribute("textContent") == str(below)
    tip = toggle.find_element("tag name", "title").get_attribute("textContent")
    assert tip == f"Expand: {below} below"
    tab.driver.find_element("id", "search").send_keys(index.ids[top], Keys.ENTER)  # go there
    tab.settle()
    assert tab.in_view(node)
    toggle.click()
    assert tab.boxes() == before + len(reports)
    assert tab.js("return window.__orgroles.lastRender") < 100
    for r in reports:
        tab.node(index.ids[r])  # each report is drawn
    tab.settle()
    assert tab.in_view(node)  # the view follows, keeping the role in sight
    assert tab.in_view(tab.node(index.ids[reports[len(reports) // 2]]))
    no_overlap(tab.rects())
    tab.shot("gitlab-expanded")
    node.find_element("css selector", ".toggle").click()
    assert tab.boxes() == before


# -- search ----------------------------------------------------------------------------------


def test_search_cto_highlights_and_shows_it(tab: Tab, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.keys import Keys

    tab.open(pages["scaleup"])
    box = tab.driver.find_element("id", "search")
    box.send_keys("CTO", Keys.ENTER)
    tab.wait("return document.querySelector('#nodes > g.node.current')")
    assert tab.driver.find_element("id", "search-count").text == "1 of 1"
    current = tab.driver.find_element("css selector", "#nodes > g.node.current")
    assert current.get_attribute("data-n") == str(tab.index("cto"))
    tab.settle()
    assert tab.in_view(current)
    tab.shot("search-cto")


def test_search_reveals_hidden_matches_one_after_another(
    tab: Tab, pages: dict[str, Path], gitlab: Org
) -> None:
    from selenium.webdriver.common.keys import Keys

    # Roles with words that start with "engineering" and "manager", in the chart's order:
    # each term in the role's id, title or holders, or in one of its responsibilities.
    from orgroles.queries.responsibilities import effective_ids

    def words(text: str) -> list[str]:
        return re.findall(r"[^\W_]+", text.lower())

    def has(term: str, text: str) -> bool:
        return any(w.startswith(term) for w in words(text))

    def matches(role: str) -> bool:
        own = " ".join(
            [role, gitlab.title_of(role), *(p.display_name for p in gitlab.holders_of(role))]
        )
        catalog = gitlab.catalog.responsibilities
        resps = [
            f"{rid} {catalog[rid].text('en') if rid in catalog else ''}"
            for rid in effective_ids(gitlab, gitlab.roles[role])
        ]
        return all(
            has(term, own) or any(has(term, r) for r in resps)
            for term in ("engineering", "manager")
        )

    order = [b.role for b in make_plan(gitlab).boxes if b.role is not None]
    expected = [r for r in order if matches(r)]
    tab.open(pages["gitlab"])
    box = tab.driver.find_element("id", "search")
    box.send_keys("engineering manager", Keys.ENTER)
    count = tab.driver.find_element("id", "search-count")
    tab.wait("return document.querySelector('#nodes > g.node.current')")
    assert count.text == f"1 of {len(expected)}"

    def current() -> str:
        n = tab.driver.find_element("css selector", "#nodes > g.node.current").get_attribute(
            "data-n"
        )
        ids: list[str] = tab.js(
            "return JSON.parse(document.getElementById('orgroles-data').textContent).ids"
        )
        return ids[int(n)]

    seen = [current()]
    for _ in range(3):
        box.send_keys(Keys.ENTER)
        seen.append(current())
    assert seen == expected[:4]
    assert count.text == f"4 of {len(expected)}"
    tab.settle()
    assert tab.in_view(tab.node(seen[-1]))  # revealed and brought into view, deep or not
    box.send_keys(Keys.SHIFT, Keys.ENTER)
    assert current() == expected[2]
    tab.driver.find_element("id", "search-previous").click()
    tab.driver.find_element("id", "search-previous").click()
    tab.driver.find_element("id", "search-previous").click()
    assert current() == expected[-1]  # wraps around
    assert tab.js("return document.querySelectorAll('#nodes > g.node.match').length") > 1
    tab.shot("search-gitlab")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("GDPR", "data-protection"),  # a word of a responsibility's label
        ("olsen", "cto"),  # a holder's name
        ("zoe", "dev-apps-2"),  # without its accent: Zoé
        ("design lead", "design-lead"),  # a title
        ("dev-apps-3", "dev-apps-3"),  # an id
    ],
)
def test_search_by_name_title_id_or_responsibility(
    tab: Tab, pages: dict[str, Path], query: str, found: str
) -> None:
    from selenium.webdriver.common.keys import Keys

    tab.open(pages["scaleup"])
    scaleup = orgroles.load(SCALEUP)
    roles = [r.id for r in scaleup.roles_with(found)] if found == "data-protection" else [found]
    tab.driver.find_element("id", "search").send_keys(query, Keys.ENTER)
    tab.wait("return document.querySelector('#nodes > g.node.current')")
    assert tab.driver.find_element("id", "search-count").text == f"1 of {len(roles)}"
    current = tab.driver.find_element("css selector", "#nodes > g.node.current")
    assert current.get_attribute("data-n") == str(tab.index(roles[0]))


# -- colours and cards ---------------------------------------------------------------------------


def test_colours_by_team_with_a_legend_and_names_first(tab: Tab, pages: dict[str, Path]) -> None:
    tab.open(pages["by-team"])
    legend = tab.driver.find_element("id", "legend")
    assert legend.is_displayed()
    entries = [li.text for li in legend.find_elements("tag name", "li")]
    assert entries == [
        "Platform squad",
        "Apps squad",
        "Design",
        "no team",
        "dotted line: a matrix (functional) manager",  # the chart has one
    ]
    fills = {
        role: tab.node(role).find_element("css selector", "rect.box").get_attribute("fill")
        for role in ("em-platform", "dev-platform-1", "lead-apps", "ceo")
    }
    assert fills["em-platform"] == fills["dev-platform-1"] != fills["lead-apps"]
    swatches = legend.find_elements("css selector", ".swatch")
    assert swatches[0].value_of_css_property("background-color") == "rgba(221, 231, 247, 1)"
    assert tab.texts("cto")[:2] == ["Marc Olsen", "Chief Technical Officer"]  # the name first
    assert not tab.errors()


# -- the details panel --------------------------------------------------------------------------


def test_the_details_panel(tab: Tab, pages: dict[str, Path]) -> None:
    tab.open(pages["scaleup"])
    tab.node("po-apps").click()
    panel = tab.driver.find_element("id", "panel")
    assert panel.is_displayed()
    assert panel.find_element("tag name", "h2").text == "Product Owner"
    text = panel.text
    assert "Bruno Costa (acting)" in text
    assert "Product Owner (product-owner)" in text
    assert "Apps squad — led by Lead Developer · Hana Sato" in text
    headings = [h.text for h in panel.find_elements("tag name", "h4")]
    scaleup = orgroles.load(SCALEUP)
    categories = {r.category for r in scaleup.responsibilities_of("po-apps")}
    assert len(headings) == len(categories)
    chain = [li.text for li in panel.find_elements("css selector", "ol.chain li")]
    assert chain == [
        "Chief Executive Officer · Inès Garnier",
        "Chief Technical Officer · Marc Olsen",
        "Lead Developer · Hana Sato",
        "Product Owner",
    ]
    tab.shot("details-panel")
    # The chain of command links to each manager.
    panel.find_elements("css selector", "ol.chain button.link")[1].click()
    assert panel.find_element("tag name", "h2").text == "Chief Technical Officer"
    assert tab.node("cto").get_attribute("class").split() == ["node", "role", "selected"]
    tab.settle()
    assert tab.in_view(tab.node("cto"))
    tab.driver.find_element("id", "panel-close").click()
    assert not panel.is_displayed()


def test_violations_show_on_the_box_and_in_the_panel(tab: Tab, pages: dict[str, Path]) -> None:
    tab.open(pages["checked"])
    cto = tab.node("cto")
    assert cto.find_element("css selector", "rect.box").get_attribute("stroke") == "#d4730b"
    assert "⚠ K004" in tab.texts("cto")
    cto.click()
    violations = tab.driver.find_elements("css selector", "#panel .violation")
    assert len(violations) == 1
    assert violations[0].text.startswith("warning K004 hands-on-cto\nleads a team of 3")
    tab.shot("details-violation")
    tab.node("dev-1").click()  # a holder's e-mail address is a mailto link
    link = tab.driver.find_element("css selector", "#panel li a")
    assert (link.text, link.get_attribute("href")) == (
        "yanis@tiny.example",
        "mailto:yanis@tiny.example",
    )


# -- folds, keyboard, download ------------------------------------------------------------------


def test_fold_and_unfold_a_group(tab: Tab, pages: dict[str, Path]) -> None:
    tab.open(pages["wide"])
    assert tab.boxes() == 2  # the manager and "+40 developers"
    fold = tab.driver.find_element("css selector", "#nodes > g.fold")
    assert fold.find_element("css selector", ".lines text").text == "+40 developers"
    fold.click()
    assert tab.boxes() == 42  # the manager, the group's header and its 40 developers
    # Stacked in as many columns as the static chart uses.
    columns = make_plan(wide_team(40)).boxes[0].columns
    xs = tab.js(
        "return [...document.querySelectorAll('#nodes > g.role')].slice(1)"
        ".map(g => g.transform.baseVal[0].matrix.e)"
    )
    assert len(set(xs)) == columns == 4
    no_overlap(tab.rects())
    tab.settle()
    tab.shot("wide-unfolded")
    tab.driver.find_element("css selector", "#nodes > g.fold").click()
    assert tab.boxes() == 2


def test_keyboard_shortcuts(tab: Tab, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.keys import Keys

    tab.open(pages["scaleup"])
    x, y, k = tab.transform()
    tab.key("+")
    tab.settle()
    assert tab.transform()[2] == pytest.approx(k * 1.25)
    tab.key("-")
    tab.settle()
    assert tab.transform()[2] == pytest.approx(k)
    x, y, _ = tab.transform()
    tab.key(Keys.ARROW_LEFT)
    assert tab.transform()[0] == pytest.approx(x + 80)
    tab.key("w")
    assert tab.transform()[1] == pytest.approx(y + 80)
    tab.key("0")
    tab.settle()
    assert all(tab.in_view(g) for g in tab.driver.find_elements("css selector", "#nodes > g.node"))
    tab.key("?")
    assert tab.driver.find_element("id", "help").is_displayed()
    tab.shot("help")
    tab.key(Keys.ESCAPE)
    assert not tab.driver.find_element("id", "help").is_displayed()
    tab.key("/")
    assert tab.js("return document.activeElement.id") == "search"
    tab.key(Keys.ESCAPE)
    # Tab reaches the boxes; Enter collapses and expands the focused one; I shows its details.
    tab.js("document.activeElement.blur()")
    tab.key(Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB)  # toolbar: search, ▲, ▼, fit, SVG
    tab.key(Keys.TAB, Keys.TAB)
    focused = tab.js("return document.activeElement.getAttribute('aria-label')")
    assert focused == "Chief Executive Officer, Inès Garnier"
    tab.key(Keys.ENTER)
    assert tab.boxes() == 1
    tab.key(" ")
    assert tab.boxes() == 20
    tab.key("i")
    assert tab.driver.find_element("css selector", "#panel h2").text == "Chief Executive Officer"
    tab.key(Keys.ESCAPE)
    assert not tab.driver.find_element("id", "panel").is_displayed()


def test_mouse_drag_pans_and_wheel_zooms(tab: Tab, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin

    tab.open(pages["scaleup"])
    chart = tab.driver.find_element("id", "chart")
    x, y, k = tab.transform()
    # From an empty spot near the bottom left corner, 120 px right and 40 px up.
    drag = ActionChains(tab.driver).move_to_element_with_offset(chart, -500, 200)
    drag.click_and_hold().move_by_offset(60, -20).move_by_offset(60, -20).release().perform()
    assert tab.transform() == pytest.approx((x + 120, y - 40, k))
    assert tab.driver.find_element("id", "panel").is_displayed() is False  # a drag is no click
    ActionChains(tab.driver).scroll_from_origin(ScrollOrigin.from_element(chart), 0, -300).perform()
    assert tab.transform()[2] > k


def _downloaded(target: Path, wait: float = 10) -> ET.Element:
    """The root of an SVG file that the browser downloads, once it is whole: the file
    appears first, empty, then is written (a busy machine shows it empty)."""
    end = time.monotonic() + wait
    while True:
        try:
            return ET.parse(target).getroot()
        except (FileNotFoundError, ET.ParseError):
            if time.monotonic() > end:
                raise
            time.sleep(0.05)


def test_download_the_view_as_svg(tab: Tab, pages: dict[str, Path]) -> None:
    tab.open(pages["scaleup"])
    tab.node("cto").find_element("css selector", ".toggle").click()  # collapse a branch first
    shown = tab.boxes()
    tab.driver.find_element("id", "download").click()
    target = tab.downloads / "northwind-labs.svg"
    root = _downloaded(target)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(root.findall(".//svg:rect[@class='box']", ns)) == shown == 9
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Chief Executive Officer" in texts
    assert "Developer" not in texts  # the collapsed branch is not in the view
    assert not root.findall(".//*[@class='toggle']", ns)  # the page's controls stay out
    assert root.findtext("svg:title", namespaces=ns) == "Northwind Labs"


# -- offline and safe ---------------------------------------------------------------------------


def test_the_page_makes_no_request(tab: Tab, pages: dict[str, Path]) -> None:
    tab.open(pages["scaleup"])
    tab.driver.find_element("id", "search").send_keys("dev")
    tab.settle()  # the search pans to its first match: click once the view is still
    tab.node("cto").click()
    time.sleep(0.3)
    requested = []
    for entry in tab.driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    assert requested == [pages["scaleup"].as_uri()]


def test_hostile_names_show_as_text_and_run_nothing(
    tab: Tab, pages: dict[str, Path], browser: Any
) -> None:
    # Any alert, from any script or handler, would set this flag before the page's own code.
    script = "window.__alerted = []; window.alert = (m) => window.__alerted.push(String(m));"
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": script})
    try:
        tab.open(pages["injection"])
        assert tab.js("return window.__alerted") == []
        assert tab.js("return document.querySelectorAll('script').length") == 4
        assert tab.js("return document.querySelectorAll('img').length") == 0
        assert tab.driver.title == INJECTIONS[0]
        plan = make_plan(injection_org())
        for box in plan.boxes:
            assert box.role is not None
            assert tab.texts(box.role) == [line.text for line in box.lines]
        for text in INJECTIONS:  # the tooltip has the title and the id, whole
            tip = tab.node(text).find_element("tag name", "title").get_attribute("textContent")
            assert tip == f"{text} ({text})"
        tab.node(INJECTIONS[1]).click()
        panel = tab.driver.find_element("id", "panel")
        assert panel.find_element("tag name", "h2").text == INJECTIONS[1]
        assert INJECTIONS[0] in panel.text  # the team's name
        assert tab.js("return document.querySelectorAll('img').length") == 0
        assert tab.js("return window.__alerted") == []
        tab.shot("injection")
    finally:
        browser.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]}
        )


def test_french_labels(tab: Tab, pages: dict[str, Path]) -> None:
    tab.open(pages["scaleup-fr"])
    assert tab.driver.find_element("id", "fit").text == "Ajuster"
    assert tab.js("return document.documentElement.lang") == "fr"
    assert tab.texts("dev-apps-3") == ["Développeur", "poste vacant"]
    tab.node("po-apps").click()
    assert "Bruno Costa (par intérim)" in tab.driver.find_element("id", "panel").text
    tab.shot("scaleup-fr")


def test_the_notebook_frame_runs_the_page(tab: Tab, tmp_path: Path) -> None:
    view = orgroles.load(SCALEUP).explore()
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body>{view._repr_html_()}</body></html>", "utf-8")
    tab.open(host, frame=True)
    # The frame is narrower than the whole chart at a readable scale: its first view
    # leaves the last layer (two developers) a click away, and shows the rest whole.
    assert tab.boxes() == 18
    assert all(tab.in_view(n) for n in tab.driver.find_elements("css selector", "#nodes > g.node"))
    tab.shot("notebook-frame")
    tab.driver.switch_to.default_content()


def test_odd_orgs_open_cleanly(tab: Tab, tmp_path: Path) -> None:
    cycle = Org(
        name="Loops",
        roles=[
            Role(id="a", reports_to="c"),
            Role(id="b", reports_to="a"),
            Role(id="c", reports_to="b"),
            Role(id="dangling", reports_to="nobody"),
            Role(id="self", reports_to="self"),
        ],
    )
    tab.open(render(cycle, tmp_path / "cycle.html"))
    assert tab.boxes() == 5 + 2  # and a box for "nobody", and one above the three tops
    tab.open(render(Org(name="Empty"), tmp_path / "empty.html"))
    assert tab.boxes() == 0
    tab.key("0")
    tab.driver.find_element("id", "search").send_keys("x")
    # The tab fixture checks that none of this logged an error.


# -- scale -----------------------------------------------------------------------------------------


def timings() -> Any:
    """benchmarks/explorer_timings.py, imported."""
    spec = importlib.util.spec_from_file_location(
        "explorer_timings", ROOT / "benchmarks" / "explorer_timings.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_100k_roles_open_and_unfold(tab: Tab, tmp_path: Path) -> None:
    # How fast is measured by benchmarks/explorer_timings.py (docs/performance.md), not here.
    from selenium.webdriver.common.keys import Keys

    org, team = timings().big_org(100_000)
    page = render(org, tmp_path / "100k.html")
    tab.open(page)
    assert tab.js("return window.__orgroles.ready") > 0
    tab.driver.find_element("id", "search").send_keys(team, Keys.ENTER)  # go there
    tab.settle()
    before = tab.boxes()
    tab.node(team).find_element("css selector", ".toggle").click()
    assert tab.boxes() == before + 40
    tab.settle()
    tab.shot("100k")


def test_the_timings_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert timings().main(["--sizes", "10k", "--no-gitlab"]) == 0
    out = capsys.readouterr().out
    [row] = [line.split() for line in out.splitlines() if line.startswith("10k ")]
    assert row[1] == "10,000"
    assert row[6] == "+40:"  # the team of 40 opened
    assert row[-1] == "0"  # no console error


def test_a_cycle_is_said_in_the_explorer_as_under_a_charts_title(tab: Tab, tmp_path: Path) -> None:
    org = orgroles.loads(
        "name: Loop\nroles:\n  - {id: ceo, reports_to: ceo}\n  - {id: a, reports_to: b}\n"
        "  - {id: b, reports_to: a}\n  - {id: c, reports_to: a}\n"
    )
    tab.open(orgroles.render(org, tmp_path / "loop.html"))
    notes = tab.driver.find_element("id", "notes")
    assert notes.text.splitlines() == [
        "⚠ Reporting cycle: a → b → a (drawn from a, the line from a to b left out)",
        "⚠ ceo reports to itself (drawn at the top)",
    ]
    box = notes.rect
    for r in tab.rects():  # over no box of the first view
        assert box["y"] + box["height"] <= r["y"] or r["x"] >= box["x"] + box["width"], r
    tab.shot("cycle-notes")
    assert not tab.errors()


def test_a_dotted_line_between_peers_goes_round_the_boxes_between(tab: Tab, tmp_path: Path) -> None:
    """A product manager's dotted line to an engineering manager three boxes away: under
    or over the level, as the SVG draws it, not across the boxes between."""
    org = orgroles.loads(
        "name: Matrix\nroles:\n  - {id: ceo}\n  - {id: cto, reports_to: ceo}\n"
        "  - {id: cpo, reports_to: ceo}\n"
        + "".join(f"  - {{id: em{k}, reports_to: cto}}\n" for k in range(3))
        + "  - {id: pm, reports_to: cpo, dotted_to: [em0]}\n"
    )
    tab.open(orgroles.render(org, tmp_path / "matrix.html"))
    assert len(tab.points_along("dotted")) > 100
    assert tab.lines_through_boxes("dotted") == []
    assert "Q" in tab.js("return document.getElementById('dotted').getAttribute('d')")  # a route
    assert not tab.errors()


def test_a_dotted_line_up_to_a_higher_row_goes_round_the_boxes(tab: Tab, tmp_path: Path) -> None:
    """A dotted manager in a forest's second row, its report in the first: out of its top,
    over it and up, as the SVG draws it, not across a designer's box."""
    org = orgroles.load("examples/scaleup_cto_cpo.yaml").subset("family:product")
    tab.open(orgroles.render(org, tmp_path / "product.html"))
    assert tab.lines_through_boxes("dotted") == []
    assert "Q" in tab.js("return document.getElementById('dotted').getAttribute('d')")  # a route
    assert not tab.errors()


def test_assistants_sit_either_side_of_their_manager(tab: Tab, tmp_path: Path) -> None:
    """As the static chart places them: the first on the manager's left, the second on
    its right, the third under the first; their level no taller than a box."""
    roles = [Role(id="ceo", title="Chief Executive Officer")]
    roles += [Role(id=a, title=a, reports_to="ceo", assistant=True) for a in ("ea", "cos", "om")]
    roles += [Role(id=f"vp{k}", title="Vice President", reports_to="ceo") for k in range(4)]
    tab.open(orgroles.render(Org(name="Board", roles=roles), tmp_path / "board.html"))
    rect = tab.js(
        "const out = {}; for (const id of arguments[0]) {"
        ' const n = document.querySelector(`#nodes > g.node[data-n="${'
        "JSON.parse(document.getElementById('orgroles-data').textContent).ids.indexOf(id)}\"] > rect.box`);"
        " const b = n.getBoundingClientRect(); out[id] = [b.x, b.y, b.width, b.height]; }"
        " return out;",
        ["ceo", "ea", "cos", "om", "vp0"],
    )
    ceo, ea, cos, om = rect["ceo"], rect["ea"], rect["cos"], rect["om"]
    assert ea[0] + ea[2] < ceo[0] < ceo[0] + ceo[2] < cos[0]
    assert abs(ea[1] - ceo[1]) < 1
    assert abs(cos[1] - ceo[1]) < 1
    assert abs(om[0] - ea[0]) < 1
    assert om[1] > ea[1] + ea[3]
    no_overlap(tab.rects())
    assert not tab.errors()


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_a_wide_chart_opens_on_its_top_and_every_report_of_the_top(
    tab: Tab, tmp_path: Path, size: tuple[int, int]
) -> None:
    """A CEO of six VPs, each with three directors of two managers, is too wide to read
    whole: the first view opens the top and the six VPs, every one whole, in a wide
    window as in a narrow one (it opened three layers and showed a slice: 15 of 28 boxes
    cut at 1280 px, 6 at 1920)."""
    roles = layered(
        "Chief Executive Officer",
        ("vp", "Vice President {}", 6),
        ("d", "Director", 3),
        ("m", "Manager", 2),
    )
    tab.driver.set_window_size(*size)
    try:
        tab.open(orgroles.render(Org(name="Wide", roles=roles), tmp_path / "wide.html"))
        assert all(tab.in_view(tab.node(f"vp{v}")) for v in range(6))
        assert all(
            tab.in_view(n) for n in tab.driver.find_elements("css selector", "#nodes > g.node")
        )
        assert not tab.errors()
    finally:
        tab.driver.set_window_size(1280, 800)


def test_a_change_charts_title_is_whole_in_the_bar(tab: Tab, tmp_path: Path) -> None:
    """The bar gave the title 28 % of the window: "Orchard Health: changes from
    2025-01-01 to 2025-…" lost the day the chart shows, beside half a bar left empty.
    The title takes what it needs, the search box giving way; a long one is still cut."""
    org = orgroles.load(ROOT / "examples" / "scaleup_over_time.yaml", today="2026-05-15")
    title = f"{org.name}: changes from 2025-01-01 to 2026-05-15"
    page = orgroles.render(org.renamed(title), tmp_path / "changes.html")
    whole = "const h = document.getElementById('org-title'); return h.scrollWidth <= h.clientWidth"
    for width in (1600, 1280):
        tab.driver.set_window_size(width, 800)
        try:
            tab.open(page)
            assert tab.js("return document.getElementById('org-title').textContent") == title
            assert tab.js(whole), width
        finally:
            tab.driver.set_window_size(1280, 800)
    long = orgroles.Org(name="A company whose name is long " * 6, roles=[{"id": "ceo"}])
    tab.open(orgroles.render(long, tmp_path / "long.html"))
    assert not tab.js(whole)  # cut, with an ellipsis
    assert tab.js("return document.querySelector('.search input').clientWidth") >= 150


def test_a_frame_laid_out_late_opens_on_its_whole_first_view(tab: Tab, tmp_path: Path) -> None:
    """A notebook's frame not laid out yet when its page ran (on a busy machine) had no
    width: every chart was too wide, and it opened on its top and the top's reports
    alone (4 boxes of 18). The first view waits for the frame's width."""
    frame = orgroles.load(SCALEUP).explore()._repr_html_().replace('width="100%"', 'width="0"')
    widen = "setTimeout(() => { document.querySelector('iframe').width = '100%'; }, 300);"
    host = tmp_path / "late.html"
    host.write_text(f"<!DOCTYPE html><html><body>{frame}<script>{widen}</script></body></html>")
    tab.open(host, frame=True)
    assert tab.boxes() == 18
    tab.driver.switch_to.default_content()
