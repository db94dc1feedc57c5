"""The health report's page, without a browser: its numbers against metrics(), and the
same content-security guarantees as the explorer (tests/render/test_render_html.py).

tests/health/test_report_browser.py opens the pages in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import orgroles
from orgroles import Org, Person, Role
from orgroles.health import HealthReport
from orgroles.health.words import WORDS
from orgroles.render.quoting import clean

from tests.charts import HOSTILE
from tests.health.pages import Page, as_number, shown
from tests.health.test_numbers import EXAMPLE_FILES, TODAY, gitlab
from tests.helpers import EXAMPLES, SCALEUP

INJECTIONS = ["</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!--", "&amp;"]
RTL = ["\u202eevil\u202c.exe", "\u0645\u062d\u0645\u062f \u0639\u0644\u064a", "\u200fmark\u200e"]
DOCS = "https://orgroles.readthedocs.io/en/latest/rules/"
TILES = {
    "headcount": "headcount",
    "vacancies": "vacancies",
    "planned": "planned",
    "layers": "layers",
    "median_span": "median_span",
    "mean_span": "mean_span",
}


def hostile_org() -> Org:
    """Hostile text as names, titles, ids and team names, in every list of the page: the
    managers have one report (narrow), some seats are vacant (teams), rules fire."""
    texts = INJECTIONS + HOSTILE + RTL
    roles = [Role(id="top", kind="ceo", title=texts[0], holder="p0")]
    people = [Person(id="p0", name=texts[1])]
    for i, text in enumerate(texts):
        manager = f"m-{text}#{i}"
        roles.append(Role(id=manager, title=text, holder=f"p{i + 1}", reports_to="top"))
        roles.append(Role(id=f"{text}#{i}", title=text, reports_to=manager))  # vacant
        people.append(Person(id=f"p{i + 1}", name=text))
    teams = [{"id": "t", "name": texts[0], "lead": "top", "members": [roles[1].id, roles[2].id]}]
    return Org(name=texts[0], roles=roles, people=people, teams=teams)


@pytest.fixture(scope="module")
def pages() -> dict[str, tuple[Org, Page]]:
    """The pages the tests read, each made once."""
    out = {}
    for path in EXAMPLE_FILES:
        org = orgroles.load(path, today=TODAY)
        out[path.stem] = (org, Page(org.report().to_html()))
    org = gitlab()
    out["gitlab"] = (org, Page(org.report().to_html()))
    scaleup = orgroles.load(SCALEUP)
    out["scaleup-fr"] = (scaleup, Page(scaleup.report(lang="fr").to_html()))
    dated = orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY)
    out["dated-fr"] = (dated, Page(dated.report(lang="fr").to_html()))
    hostile = hostile_org()
    out["hostile"] = (hostile, Page(hostile.report().to_html()))
    return out


NAMES = [*(p.stem for p in EXAMPLE_FILES), "gitlab", "scaleup-fr", "dated-fr", "hostile"]


# -- the numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_the_headline_is_metrics(name: str, pages: dict[str, tuple[Org, Page]]) -> None:
    org, page = pages[name]
    lang = "fr" if name.endswith("-fr") else "en"
    m = org.metrics()
    expected = {key: m[metric] for key, metric in TILES.items()}
    expected["seats"] = m["roles"] - m["planned"]
    managers = m["managers"]
    expected["manager_ratio"] = round((m["roles"] - managers) / managers, 2) if managers else None
    assert set(page.tiles) == set(expected)
    for key, value in expected.items():
        tile = page.tiles[key]
        assert tile["value"] == str(value), key  # the exact number, in data-value
        assert tile["text"] == shown(value, lang), key  # and as the reader sees it
        if value is not None:
            assert page.tile(key, lang) == pytest.approx(value, abs=0.05), key


@pytest.mark.parametrize("name", NAMES)
def test_the_tables_are_the_queries(name: str, pages: dict[str, tuple[Org, Page]]) -> None:
    org, page = pages[name]
    lang = "fr" if name.endswith("-fr") else "en"
    spans = Counter(s for s in org.span().values() if s > 0)
    rows = page.table("data spans")[1:]
    assert {int(a): as_number(b, lang) for a, b in rows} == dict(spans)
    families = page.table("families")[1:]
    assert sum(as_number(r[1], lang) for r in families) == len(org)
    assert sum(as_number(r[2], lang) for r in families) == org.metrics()["managers"]
    layers = Counter(layer for layer in org.layers().values() if layer is not None)
    cells = page.table("data layers")[1:]
    per_layer: Counter[int] = Counter()
    for layer, _family, count in cells:
        per_layer[int(re.sub(r"\D", "", layer))] += int(as_number(count, lang))
    assert per_layer == layers
    report = org.check()
    if report.violations:
        findings = page.table("findings")[1:]
        counts = {row[0].split()[0]: as_number(row[2], lang) for row in findings}
        assert counts == report.counts()
    if org.metrics()["vacancies"] or org.metrics()["planned"]:
        teams = page.table("teams")[1:]
        assert len(teams) <= 25
        assert all(as_number(r[2], lang) + as_number(r[3], lang) > 0 for r in teams)


def test_a_dated_org_has_its_quarters_and_changes(pages: dict[str, tuple[Org, Page]]) -> None:
    org, page = pages["scaleup_over_time"]
    table = org.timeline("quarter", by_family=False)
    rows = page.table("trends")[1:]
    assert [r[0] for r in rows] == [str(p) for p in table.index]
    assert [int(r[1]) for r in rows] == table["headcount"].tolist()
    assert [int(r[2]) for r in rows] == table["seats"].tolist()
    changes = [c for c in org.history() if str(c.date) >= "2026-02-15" and str(c.date) <= TODAY]
    assert len(page.table("changes")) - 1 == len(changes)
    assert "+4 since 2026-02-15" in page.text  # headcount: 47 then, 51 now


# -- content security ---------------------------------------------------------------------------


def _digest(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("name", NAMES)
def test_the_policy_allows_no_script_no_request_and_its_own_style(
    name: str, pages: dict[str, tuple[Org, Page]]
) -> None:
    _, page = pages[name]
    csp = page.csp
    assert csp["default-src"] == "'none'"
    assert csp["script-src"] == "'none'"
    assert csp["style-src"] == _digest("".join(page.styles))
    assert csp["base-uri"] == "'none'"
    assert csp["form-action"] == "'none'"
    policy = "; ".join(f"{k} {v}" for k, v in csp.items())
    assert "unsafe" not in policy
    assert "http" not in policy
    text = page.source
    assert text.index("Content-Security-Policy") < text.index("<style>")
    assert text.count("<style>") == 1


@pytest.mark.parametrize("name", NAMES)
def test_the_page_has_no_script_no_handler_no_style_attribute(
    name: str, pages: dict[str, tuple[Org, Page]]
) -> None:
    _, page = pages[name]
    assert "script" not in page.tags
    assert not [a for a in page.attrs if a[1].startswith("on")]
    assert not [a for a in page.attrs if a[1] == "style"]  # the policy would block them
    assert not {"img", "iframe", "object", "embed", "link"} & set(page.tags) - {"link"}
    assert page.tags.count("link") == 1  # the empty icon
    # Links go to the page itself or to the rules' docs; nothing is loaded.
    ids = set(page.ids)
    for url in page.urls:
        if url.startswith("#"):
            assert url[1:] in ids, url
        else:
            assert url.startswith(DOCS) or url == "data:,", url
    assert len(page.ids) == len(ids)  # every id once, the charts' included


def test_hostile_names_are_text(pages: dict[str, tuple[Org, Page]]) -> None:
    org, page = pages["hostile"]
    source = page.source.lower()
    assert "<script" not in source
    assert "<img" not in source
    assert "<!--" not in source  # the injected comment opener is escaped
    assert "\u202e" not in page.source  # bidirectional overrides are dropped
    text = page.text
    assert clean(INJECTIONS[0]) in text
    for name in [*INJECTIONS, *HOSTILE, *RTL]:
        assert " ".join(clean(name).split()) in text, name
    assert "\u0645\u062d\u0645\u062f \u0639\u0644\u064a" in text
    # Every org text sits in a <bdi>: a right-to-left name cannot reorder its neighbours.
    assert page.tags.count("bdi") > 3 * len(INJECTIONS + HOSTILE + RTL)
    assert re.search(r"<bdi>\u0645\u062d\u0645\u062f \u0639\u0644\u064a</bdi>", page.source)
    assert org.name in page.source or "&lt;/script&gt;" in page.source


def test_dollars_in_names_are_not_mathematics(tmp_path: Path) -> None:
    org = Org(
        people=[Person(id="p", name="$x^2$ Cash")],
        roles=[Role(id="a", title="$5 \\alpha$", holder="p"), Role(id="b", reports_to="a")],
    )
    page = Page(org.report().to_html())
    assert "$5 \\alpha$" in page.text


@pytest.mark.slow
def test_same_input_same_bytes(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"health-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed, "ORGROLES_TODAY": TODAY}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "orgroles",
                "report",
                str(EXAMPLES / "scaleup_over_time.yaml"),
                "-o",
                str(out),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"2026-05-15" in outputs[0]


def test_an_undated_page_holds_no_date() -> None:
    page = orgroles.load(SCALEUP).report().to_html()
    assert not re.search(r"20\d\d-\d\d-\d\d", page)


# -- French ------------------------------------------------------------------------------------


def _fragments(text: str) -> list[str]:
    """The literal parts of a word of the table, placeholders left out."""
    return [f.strip(" .:;,()") for f in re.split(r"\{[^}]*\}", text)]


@pytest.mark.parametrize("name", ["scaleup-fr", "dated-fr"])
def test_no_english_shows_on_a_french_page(name: str, pages: dict[str, tuple[Org, Page]]) -> None:
    _, page = pages[name]
    assert 'lang="fr"' in page.source[:200]
    # The rules write their messages in English, and say so with lang="en": leave them out.
    french = Page(re.sub(r'<span lang="en">.*?</span>', "", page.source))
    text = french.text.lower()
    # Words French uses too ("manager") are no leak.
    in_french = " ".join(WORDS["fr"].values()).lower()
    leaks = []
    for key, english in WORDS["en"].items():
        if english == WORDS["fr"][key]:
            continue
        for fragment in _fragments(english):
            word = fragment.lower()
            if (
                len(word) >= 4
                and word not in in_french
                and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
            ):
                leaks.append((key, fragment))
    assert not leaks
    assert "Effectif" in page.text
    assert "Étendue du contrôle" in page.text


def test_both_languages_have_the_same_words() -> None:
    assert set(WORDS["fr"]) == set(WORDS["en"])
    for key, english in WORDS["en"].items():
        assert re.findall(r"\{(\w+)\}", english) == re.findall(r"\{(\w+)\}", WORDS["fr"][key]) or (
            sorted(re.findall(r"\{(\w+)\}", english))
            == sorted(re.findall(r"\{(\w+)\}", WORDS["fr"][key]))
        ), key


def test_french_numbers() -> None:
    page = Page(
        orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY).report(lang="fr").to_html()
    )
    assert page.tiles["median_span"]["text"] == "4,5"
    assert page.tiles["manager_ratio"]["text"] == "3,8"


# -- notebooks ----------------------------------------------------------------------------------


def test_the_notebook_shows_the_page_in_a_sandbox(scaleup: Org) -> None:
    report = scaleup.report()
    assert isinstance(report, HealthReport)
    frame = report._repr_html_()
    parsed = Page(frame)
    assert parsed.tags == ["iframe"]  # the page is all inside the attribute
    attrs = {k: v for _, k, v in parsed.attrs}
    assert attrs["sandbox"] == ""  # no script, no same origin
    assert attrs["srcdoc"] == report.to_html()
    assert repr(report) == "<HealthReport 'Northwind Labs': 20 roles, 19 people, 5 layers>"


def test_write_picks_the_format_by_suffix(scaleup: Org, tmp_path: Path) -> None:
    report = scaleup.report()
    assert report.write(tmp_path / "h.html").read_text(encoding="utf-8") == report.to_html()
    assert report.write(tmp_path / "h.pdf").read_bytes().startswith(b"%PDF-")
    with pytest.raises(orgroles.OrgUsageError, match=r"\.html or \.pdf"):
        report.write(tmp_path / "h.svg")


def test_an_unknown_language_is_refused(scaleup: Org) -> None:
    with pytest.raises(orgroles.OrgUsageError, match="unknown language 'de'"):
        scaleup.report(lang="de")


def test_a_page_stays_small_and_names_few_roles() -> None:
    page = gitlab().report().to_html()
    assert len(page.encode()) < 400_000
