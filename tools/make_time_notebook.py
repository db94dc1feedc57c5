"""Write examples/org_over_time.ipynb from the cells below, then run it to store its outputs.

    python tools/make_time_notebook.py

Generated as `tools/make_notebook.py` generates the analysis notebook, so that its source
stays reviewable here; tests/test_notebook.py runs it again from a clean kernel.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_notebook  # tools/make_notebook.py: one way to build and write a notebook

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "examples" / "org_over_time.ipynb"

CELLS: list[tuple[str, str]] = [
    (
        "markdown",
        """\
# An org over time, and a change chart

This notebook builds a dated history of GitLab's public team page (1,368 entries,
pseudonymised: see `tests/data/gitlab-team/README.md`; CC BY-SA 4.0), counts the
headcount of each family per quarter, and draws a change chart of a reorganisation.

**The history is invented.** The team page has no start dates (no `start_date` field
in this copy of the data), so the page as it is stands for July 2025, and the two
earlier snapshots are made from it by hand: a fifth of the leaf seats are hired in
April 2025 and another fifth in July, an engineering manager moves from one director
to another in July, a *Release Manager* seat closes, and a manager's seat changes
holder. The snapshots are written as CSV exports and read back as one dated org, as
quarterly HR exports would be. It runs from a clean checkout, with orgroles'
`analysis` extra and Jupyter installed.""",
    ),
    (
        "code",
        """\
import tempfile
import warnings
from pathlib import Path

from IPython.display import SVG

import orgroles
from orgroles.render import render_bytes

DATA = Path("..") / "tests" / "data" / "gitlab-team" / "team.yml"
if not DATA.exists():  # run from the project root rather than from examples/
    DATA = Path("tests") / "data" / "gitlab-team" / "team.yml"
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # two entries have a broken HTML title
    gitlab = orgroles.from_gitlab(DATA, name="GitLab (pseudonymised)")
print(gitlab)""",
    ),
    (
        "markdown",
        """\
## Three invented snapshots

`snapshot(day)` is the org on `day`: the page as it is from July 2025, and before that
with the changes above undone. Each snapshot is written as a CSV export, and
`orgroles.from_csv(paths, dates=...)` reads them back as one dated org: a seat, holder
or line that changes between two snapshots starts on the day of the second.""",
    ),
    (
        "code",
        """\
VP = "tm-816c6d89"  # the VP of Development
MOVED, NEW_BOSS, OLD_BOSS = "tm-6571ecaf", "tm-6d27031b", "tm-9154473d"
RESTAFFED = "tm-bd9864e6"
leaves = sorted(role.id for role in gitlab if not gitlab.reports(role))


def snapshot(day: str) -> orgroles.Org:
    org = gitlab.copy()
    if day < "2025-07-01":
        for rid in leaves[::5]:  # hired in July
            org.remove_role(rid)
        org.move(MOVED, OLD_BOSS)  # the reorg moves this manager to NEW_BOSS in July
        org.add_person({"id": "p-robin", "name": "Robin Vale"})
        release = {"id": "release-manager", "title": "Release Manager", "holder": "p-robin"}
        org.add_role({**release, "reports_to": VP})  # closed in July
        org.add_person({"id": "p-sam", "name": "Sam Okoro"})
        org.assign(RESTAFFED, "p-sam")  # a new holder in July
    if day < "2025-04-01":
        for rid in leaves[2::5]:  # hired in April
            org.remove_role(rid)
    return org


days = ["2025-01-01", "2025-04-01", "2025-07-01"]
folder = Path(tempfile.mkdtemp())
paths = []
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # CSV leaves out what it cannot hold (extra teams)
    for day in days:
        paths.append(folder / f"gitlab-{day}.csv")
        snapshot(day).to_csv(paths[-1])
    org = orgroles.from_csv(paths, dates=days, name="GitLab (pseudonymised, invented history)")
print(org, "- dated:", org.dated)""",
    ),
    (
        "markdown",
        """\
## Headcount by family, per quarter

`org.timeline("quarter")` has a row per quarter and family, with the numbers of the
view of the quarter's last day; the headcount counts distinct people.""",
    ),
    (
        "code",
        """\
timeline = org.timeline("quarter", start="2025-01-01", end="2025-09-30")
timeline["headcount"].unstack("family").fillna(0).astype(int)""",
    ),
    (
        "markdown",
        """\
## What changed in the reorg

`diff()` compares two views; besides the hires, one seat moved, one closed and one has
a new holder.""",
    ),
    (
        "code",
        """\
before, after = org.viewed("2025-06-30"), org.viewed("2025-07-01")
changes = before.diff(after)
print(changes.counts())
print("\\n".join(line for line in str(changes).splitlines() if not line.startswith("added")))""",
    ),
    (
        "markdown",
        """\
## The change chart

The `diff` chart option draws the new org with what changed since the old one marked:
new seats in green, the closed seat as a ghost where it was, the moved manager under
its new director with its old line dashed, the new holder in amber, and a legend of the
changes the chart shows. Here, the VP of Development's part, two layers deep.""",
    ),
    (
        "code",
        """\
SVG(render_bytes(after, "svg", diff=before, root=VP, depth=2))""",
    ),
]


def build() -> nbformat.NotebookNode:
    return make_notebook.build(CELLS)


def main() -> None:
    make_notebook.write(CELLS, TARGET)


if __name__ == "__main__":
    main()
