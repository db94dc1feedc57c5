"""How fast the HTML explorer opens and answers, in headless Chromium.

    python benchmarks/explorer_timings.py                 # the GitLab import and 100k roles
    python benchmarks/explorer_timings.py --sizes 10k,1m  # generated orgs of other sizes

For each org it writes the page (timing ``orgroles.render``), opens it from a file in
headless Chromium and reads the page's own marks (``window.__orgroles``):

- **first view**: milliseconds from the start of navigation to the first view drawn
  and answering (two animation frames after the first render);
- **expand**: a collapsed team of 40 reports opened with a click: the page's layout and
  drawing time, and the time until the next frame is painted;
- **search**: the first search (which builds the search index) for a common word.

Generated orgs (benchmarks/generate.py) get a collapsed team of 40 developers under the
CTO, so that there is a 40-report team to open. ``main()`` prints a table;
``benchmarks/bench.py`` can call it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from generate import generate  # noqa: E402

__all__ = ["big_org", "main", "measure"]

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
TEAM = "team-40"
GITLAB = ROOT / "tests" / "data" / "gitlab-team" / "team.yml"


def big_org(n: int) -> tuple[Any, str]:
    """A generated org of ``n`` roles with a team of 40 developers under the CTO.

    Returns the org and the id of the team's manager, which a search for it shows collapsed.
    """
    import orgroles

    doc = generate(n - 41)
    doc["name"] = f"Generated org of {n:,} roles"
    doc["roles"].append({"id": TEAM, "kind": "engineering-manager", "reports_to": "r1"})
    doc["roles"] += [
        {"id": f"{TEAM}-dev-{i}", "kind": "developer", "reports_to": TEAM} for i in range(40)
    ]
    return orgroles.Org(**doc), TEAM


def gitlab_org() -> tuple[Any, str]:
    """The GitLab import, and its top role with the most direct reports."""
    import orgroles

    with warnings.catch_warnings():  # two roles of the export have broken HTML: known
        warnings.simplefilter("ignore", orgroles.OrgImportWarning)
        org = orgroles.from_gitlab(GITLAB, name="GitLab")
    index = org.index
    top = max(index.tops, key=lambda i: len(index.children.get(i, ())))
    return org, index.ids[top]


_EXPAND = """
const [id, done] = arguments;
const n = JSON.parse(document.getElementById('orgroles-data').textContent).ids.indexOf(id);
const toggle = document.querySelector(`#nodes > g.node[data-n="${n}"] .toggle`);
const before = document.querySelectorAll('#nodes > g.node').length;
const t0 = performance.now();
toggle.dispatchEvent(new MouseEvent('click', {bubbles: true}));
requestAnimationFrame(() => requestAnimationFrame(() => done({
  frame: performance.now() - t0,
  js: window.__orgroles.lastRender,
  added: document.querySelectorAll('#nodes > g.node').length - before,
})));
"""

_SEARCH = """
const [query, done] = arguments;
const box = document.getElementById('search');
box.value = query;
const t0 = performance.now();
box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
requestAnimationFrame(() => done({
  ms: performance.now() - t0,
  count: document.getElementById('search-count').textContent,
}));
"""


def measure(driver: Any, org: Any, team: str, folder: Path, label: str) -> dict[str, Any]:
    """Write the page of ``org``, open it, open ``team``, search; return the timings."""
    import orgroles

    path = folder / f"{label}.html"
    start = time.perf_counter()
    orgroles.render(org, path)
    build = time.perf_counter() - start
    driver.get(path.as_uri())
    end = time.monotonic() + 60
    while not driver.execute_script("return !!(window.__orgroles && window.__orgroles.ready)"):
        if time.monotonic() > end:
            raise RuntimeError(f"{label}: the page did not get ready")
        time.sleep(0.02)
    marks = driver.execute_script("return window.__orgroles")
    driver.execute_async_script(_SEARCH, team)  # a search shows it, when the first view does not
    expand = driver.execute_async_script(_EXPAND, team)
    search = driver.execute_async_script(_SEARCH, "developer")
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return {
        "org": label,
        "roles": len(org),
        "page_mb": path.stat().st_size / 1e6,
        "build_s": build,
        "first_view_ms": marks["ready"],
        "first_view_boxes": marks["firstView"],
        "expand_added": expand["added"],
        "expand_js_ms": expand["js"],
        "expand_frame_ms": expand["frame"],
        "search_ms": search["ms"],
        "search_count": search["count"],
        "console_errors": len(errors),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100k", help=f"generated orgs: {', '.join(SIZES)}")
    parser.add_argument("--no-gitlab", action="store_true", help="skip the GitLab import")
    args = parser.parse_args(argv)
    from tests.browser import missing, start_chrome

    reason = missing()
    if reason is not None:
        print(f"cannot run: {reason}", file=sys.stderr)
        return 2
    orgs: list[tuple[str, Any, str]] = []
    if not args.no_gitlab:
        orgs.append(("gitlab", *gitlab_org()))
    for label in (s.strip().lower() for s in args.sizes.split(",") if s.strip()):
        if label not in SIZES:
            parser.error(f"unknown size {label!r}; use {', '.join(SIZES)}")
        orgs.append((label, *big_org(SIZES[label])))
    header = (
        f"{'org':<8} {'roles':>9} {'page MB':>8} {'write s':>8} {'first view ms':>14} "
        f"{'boxes':>6} {'expand ms (js/frame)':>21} {'search ms':>10} {'errors':>7}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        driver = start_chrome(Path(tmp) / "profile", height=900)
        try:
            for label, org, team in orgs:
                r = measure(driver, org, team, Path(tmp), label)
                expand = (
                    f"+{r['expand_added']}: {r['expand_js_ms']:.1f} / {r['expand_frame_ms']:.1f}"
                )
                print(
                    f"{r['org']:<8} {r['roles']:>9,} {r['page_mb']:>8.2f} {r['build_s']:>8.2f} "
                    f"{r['first_view_ms']:>14.0f} {r['first_view_boxes']:>6} {expand:>21} "
                    f"{r['search_ms']:>10.0f} {r['console_errors']:>7}",
                    flush=True,
                )
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
