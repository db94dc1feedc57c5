"""The health report's page in headless Chromium: it opens with no console error and no
request, its style and charts apply under its policy, and hostile names run nothing.

Screenshots go to ``test-artifacts/report/``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import orgroles

from tests.browser import start_chrome
from tests.health.test_numbers import TODAY, gitlab
from tests.health.test_page import INJECTIONS, hostile_org
from tests.helpers import EXAMPLES, ROOT, SCALEUP

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "report"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = start_chrome(tmp_path_factory.mktemp("profile"), width=1280, height=900)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    dated = orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY)
    made = {
        "scaleup": orgroles.load(SCALEUP).report(),
        "dated": dated.report(),
        "dated-fr": dated.report(lang="fr"),
        "gitlab": gitlab().report(),
        "hostile": hostile_org().report(),
    }
    paths = {name: report.write(out / f"{name}.html") for name, report in made.items()}
    frame = out / "notebook.html"
    frame.write_text(
        f"<!DOCTYPE html><html><body>{made['scaleup']._repr_html_()}</body></html>", "utf-8"
    )
    paths["notebook"] = frame
    return paths


def open_page(browser: Any, path: Path) -> list[str]:
    """Open a page; return the URLs it asked for."""
    browser.get_log("browser")
    browser.get_log("performance")
    browser.get(path.as_uri())
    end = time.monotonic() + 10
    while browser.execute_script("return document.readyState") != "complete":
        assert time.monotonic() < end
        time.sleep(0.05)
    time.sleep(0.2)
    requested = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    return requested


def errors(browser: Any) -> list[dict[str, Any]]:
    return [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def shot(browser: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(int(height), 8000))
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))
    browser.set_window_size(1280, 900)


@pytest.mark.parametrize("name", ["scaleup", "dated", "dated-fr", "gitlab"])
def test_the_page_opens_cleanly_and_asks_for_nothing(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    requested = open_page(browser, pages[name])
    assert requested == [pages[name].as_uri()]
    assert errors(browser) == []
    js = browser.execute_script
    # The style sheet applies (its hash is in the policy): the tiles are a grid.
    assert js("return getComputedStyle(document.querySelector('.kpis')).display") == "grid"
    # The charts' colours apply (presentation attributes, not blocked styles): the bars
    # are not black, and each chart has its size.
    fills = js(
        "return [...document.querySelectorAll('figure svg path[fill]')]"
        ".map(p => getComputedStyle(p).fill)"
    )
    assert "rgb(47, 75, 124)" in fills or "rgb(89, 161, 79)" in fills  # a bar, a family
    assert set(fills) != {"rgb(0, 0, 0)"}
    sizes = js(
        "return [...document.querySelectorAll('figure svg')]"
        ".map(s => [s.getBoundingClientRect().width, s.getBoundingClientRect().height])"
    )
    assert len(sizes) >= 3  # spans, layers, teams; findings and quarters when there are some
    assert all(w > 600 and h > 100 for w, h in sizes)
    # Nothing is wider than the window.
    assert js("return document.documentElement.scrollWidth <= window.innerWidth")
    shot(browser, name)


def test_every_link_inside_the_page_has_a_target(browser: Any, pages: dict[str, Path]) -> None:
    open_page(browser, pages["gitlab"])
    missing = browser.execute_script(
        "return [...document.querySelectorAll('a[href^=\"#\"]')]"
        ".map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))"
    )
    assert missing == []
    link = browser.find_element("css selector", "#narrow a[href^='#role-']")
    target = link.get_attribute("href").split("#")[1]
    link.click()
    assert browser.execute_script("return location.hash") == f"#{target}"
    assert errors(browser) == []


def test_hostile_names_show_as_text_and_run_nothing(browser: Any, pages: dict[str, Path]) -> None:
    script = "window.__alerted = []; window.alert = (m) => window.__alerted.push(String(m));"
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": script})
    try:
        requested = open_page(browser, pages["hostile"])
        assert requested == [pages["hostile"].as_uri()]
        js = browser.execute_script
        assert js("return window.__alerted") == []
        assert js("return document.querySelectorAll('script, img, iframe').length") == 0
        assert browser.title.startswith(INJECTIONS[0])
        assert js("return document.querySelector('h1').textContent") == INJECTIONS[0]
        body = js("return document.body.innerText")
        for text in INJECTIONS[:2]:
            assert text in body
        assert errors(browser) == []
        shot(browser, "hostile")
    finally:
        browser.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]}
        )


def test_the_notebook_frame_shows_the_page(browser: Any, pages: dict[str, Path]) -> None:
    open_page(browser, pages["notebook"])
    frame = browser.find_element("tag name", "iframe")
    browser.switch_to.frame(frame)
    try:
        assert browser.find_element("tag name", "h1").text == "Northwind Labs"
        assert (
            browser.execute_script(
                "return getComputedStyle(document.querySelector('.kpis')).display"
            )
            == "grid"
        )
    finally:
        browser.switch_to.default_content()
    assert errors(browser) == []
