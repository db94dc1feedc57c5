"""Write examples/analysis.ipynb from the cells below, then run it to store its outputs.

    python tools/make_notebook.py

The notebook is generated so that its source stays reviewable here; tests/test_notebook.py
runs it again from a clean kernel on every CI run.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "examples" / "analysis.ipynb"

CELLS: list[tuple[str, str]] = [
    (
        "markdown",
        """\
# Analysing a real org with orgroles

This notebook looks at GitLab's public team page (1,368 entries, pseudonymised: see
`tests/data/gitlab-team/README.md`; CC BY-SA 4.0): spans of control, layers, vacancies,
the largest teams, the kinds that job titles name, what the article's rules say, and a
chart of one part of the org.
It runs from a clean checkout, with orgroles' `analysis` extra and Jupyter installed.""",
    ),
    (
        "code",
        """\
import warnings
from pathlib import Path

import pandas as pd

import orgroles

DATA = Path("..") / "tests" / "data" / "gitlab-team" / "team.yml"
if not DATA.exists():  # run from the project root rather than from examples/
    DATA = Path("tests") / "data" / "gitlab-team" / "team.yml"
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    org = orgroles.from_gitlab(DATA, name="GitLab (pseudonymised)")
for warning in caught:
    print("warning:", warning.message)
print(org)""",
    ),
    (
        "markdown",
        """\
The importer warns about two entries whose HTML title is broken: they get no title, and
the HTML is kept in `meta`. Nothing is dropped.

## The headline numbers""",
    ),
    (
        "code",
        """\
pd.Series(org.metrics(), dtype=object)""",
    ),
    (
        "markdown",
        """\
The CEO's entry is not in this copy of the data, so 450 people report to someone who is
not in the file: `orgroles check` reports each of them (S002), and they are the tops of
the detached parts of the chart.

## Spans of control that are too wide

`to_frame()` gives one row per role. Managers with more than ten direct reports:""",
    ),
    (
        "code",
        """\
frame = org.to_frame()
wide = frame[frame["span"] > 10].sort_values("span", ascending=False)
wide[["title", "holders", "span", "layer"]]""",
    ),
    (
        "code",
        """\
frame.loc[frame["span"] > 0, "span"].describe()""",
    ),
    ("markdown", "## Layers"),
    (
        "code",
        """\
frame["layer"].value_counts().sort_index().rename("roles per layer")""",
    ),
    (
        "markdown",
        """\
Layers count from the top of each detached part (a role whose manager is not in the
file is at layer 1), so they are a lower bound here.

## Vacancies, by department""",
    ),
    (
        "code",
        """\
vacant = frame[frame["vacant"]]
teams = {t.id: t.display_name for t in org.teams.values()}
vacant["team"].map(teams).value_counts().head(10)""",
    ),
    ("markdown", "## The largest departments (distinct people; vacancies excluded)"),
    (
        "code",
        """\
sizes = pd.Series({t.display_name: org.headcount(t) for t in org.teams.values()})
sizes.sort_values(ascending=False).head(10)""",
    ),
    (
        "markdown",
        """\
## What the rules say

The 450 unknown managers are errors; wide spans, thin layers and a vacant manager are
warnings or information.""",
    ),
    (
        "code",
        """\
report = org.check()
names = {v.code: v.name for v in report}
pd.Series({f"{code} {names[code]}": n for code, n in report.counts().items()})""",
    ),
    (
        "markdown",
        """\
## Kinds from job titles

The team page has job titles and no kinds. The importer reads each title against the
catalogue's titles (English and French, abbreviations and decorations such as "Senior" or
", Payments" included), with the department and the job family a title links to as
hints. Each role records how its kind was found (`kind_from`), and every match can be
explained by the pattern that made it.""",
    ),
    (
        "code",
        """\
from orgroles.queries import kinds_found

found = kinds_found(org)
print(found.summary(most=10))
frame = org.to_frame()
frame["family"].value_counts(dropna=False)""",
    ),
    (
        "code",
        """\
examples = frame.drop_duplicates("title").sample(8, random_state=1)["title"]
pd.DataFrame(
    [
        (t, m.kind, m.family, m.seniority, m.pattern)
        for t in examples
        if (m := orgroles.infer_kind(t)) is not None
    ],
    columns=["title", "kind", "family", "seniority", "pattern"],
)""",
    ),
    (
        "markdown",
        """\
## What the article's rules say

The K rules place the CTO, the CPO and their teams; the R rules check who holds the
duties that need exactly one owner. This copy of the data has no CEO, CTO or CPO entry
(a "Federal CTO" is a customer-facing sales engineer, not the company's CTO), so the
article's rules have nothing to place, and they say so by saying nothing: no false
alarm. The duties that only those seats hold are the gaps.""",
    ),
    (
        "code",
        """\
print(org.check(select=["K", "R"]).counts() or "no K or R finding")
single = [r for r in org.responsibilities.values() if r.single_owner]
pd.DataFrame(
    [
        (r.text(), ", ".join(org.title_of(x) for x in org.roles_with(r.id)) or "(nobody)")
        for r in single
    ],
    columns=["duty with a single owner", "held by"],
)""",
    ),
    (
        "markdown",
        """\
## Titles against the structure

A title's seniority ("Senior", "Manager", "Director", "VP") is read from the title; the
reporting lines say who leads a team. Directors and VPs lead teams; "Manager" is often a
job of its own (a product, program or account manager), which the share below shows.""",
    ),
    (
        "code",
        """\
levels = ["junior", "senior", "staff", "principal", "lead", "manager", "director", "vp", "chief"]
by_level = frame.assign(leads=frame["span"] > 0).groupby("seniority")["leads"]
by_level.agg(roles="size", lead_a_team="mean").reindex(levels).dropna().round(2)""",
    ),
    (
        "markdown",
        """\
## A part of the org, drawn inline

An `Org` shows itself as a chart in Jupyter. Here is a VP's part of the org, two layers
deep; wider teams are stacked in columns.""",
    ),
    (
        "code",
        """\
vp = "tm-816c6d89"
print(org.title_of(vp), "-", len(org.reports(vp, transitive=True)), "roles below")
org.subtree(vp, depth=2)""",
    ),
]


def build(cells: list[tuple[str, str]] = CELLS) -> nbformat.NotebookNode:
    """A notebook of `cells`, each a `("markdown" | "code", source)` pair."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    for kind, source in cells:
        make = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
        nb.cells.append(make(source))
    return nb


def write(cells: list[tuple[str, str]], target: Path) -> None:
    """Run the notebook of `cells` in `target`'s folder and write it there, outputs kept."""
    nb = build(cells)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(target.parent)}}
    ).execute()
    for n, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{n}"  # stable ids keep diffs small
        cell.get("metadata", {}).pop("execution", None)
    nbformat.write(nb, target)
    print(f"wrote {target.relative_to(ROOT)}")


def main() -> None:
    write(CELLS, TARGET)


if __name__ == "__main__":
    main()
