"""How fast job titles become kinds: ``infer_kind`` over a million titles.

    python benchmarks/infer_titles.py                 # 1,000,000 titles
    python benchmarks/infer_titles.py --titles 100000 --distinct 5000

The titles are drawn from a realistic mix: the real titles of GitLab's team page, the Odoo,
Oracle HR and d3 demo data, and the titles of the test suite (English and French), each
also dressed with the decorations HR exports add ("Senior", "II", ", Payments", "(EMEA)",
"Interim"). Real HR data repeats titles heavily, so the draw follows a Zipf law over the
distinct titles. It prints one table: the time to build the title index, the cost of a
title seen for the first time (no cache), and the time for all the titles, with and
without departments.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import yaml

import orgroles
from orgroles.catalog import Catalog, builtin_catalog, infer_kind
from orgroles.catalog._title_match import Matcher

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

PREFIXES = ["", "", "", "Senior ", "Sr. ", "Junior ", "Staff ", "Lead ", "Principal ", "Interim "]
SUFFIXES = [
    "",
    "",
    " II",
    " III",
    ", Payments",
    ", Platform",
    " (EMEA)",
    " (APAC)",
    " - Remote",
    ", Growth (Mid-Market)",
    " (H/F)",
    " & Co-founder",
]
DEPARTMENTS = ["Engineering", "Sales", "Product", "People", "Finance", "R&D", "Support", ""]


def real_titles() -> list[str]:
    """Every title of the bundled real data and of the test suite, once."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        org = orgroles.from_gitlab(DATA / "gitlab-team" / "team.yml")
    titles = [r.title for r in org.roles.values() if r.title]
    for path, column in [
        (DATA / "odoo-hr-demo" / "hr_employee_export_labels.csv", "Job Title"),
        (DATA / "oracle-hr-schema" / "jobs.csv", "JOB_TITLE"),
        (DATA / "d3-org-chart" / "org-chart-1516.csv", "positionName"),
        (DATA / "d3-org-chart" / "data-oracle-107.csv", "position"),
    ]:
        with path.open(encoding="utf-8-sig", newline="") as f:
            titles += [row[column] for row in csv.DictReader(f)]
    cases = yaml.safe_load((ROOT / "tests" / "catalog" / "titles.yaml").read_text("utf-8"))
    titles += [case["title"] for case in cases]
    return list(dict.fromkeys(titles))


def title_pool(distinct: int, seed: int) -> list[str]:
    """``distinct`` different titles: the real ones, then decorated variants of them."""
    rng = random.Random(seed)
    base = real_titles()
    pool = dict.fromkeys(base)
    while len(pool) < distinct:
        pool[rng.choice(PREFIXES) + rng.choice(base) + rng.choice(SUFFIXES)] = None
    titles = list(pool)[:distinct]
    rng.shuffle(titles)
    return titles


def draw(pool: list[str], n: int, seed: int) -> list[str]:
    """``n`` titles drawn from the pool with Zipf-like frequencies (exponent 1.1)."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(pool))]
    return rng.choices(pool, weights, k=n)


def fresh_catalog() -> Catalog:
    """The built-in catalogue without its caches (its title index is built anew)."""
    b = builtin_catalog()
    return Catalog(b.kinds.values(), b.responsibilities.values(), b.families.values())


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _each(seconds: float, n: int, unit: float = 1e9) -> str:
    return f"{seconds / n * unit:.1f} {'us' if unit == 1e6 else 'ns'}/title"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=1_000_000)
    parser.add_argument("--distinct", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)

    pool = title_pool(args.distinct, args.seed)
    titles = draw(pool, args.titles, args.seed)
    rng = random.Random(args.seed)
    departments = [rng.choice(DEPARTMENTS) or None for _ in titles]
    seen = len(set(titles))
    rows: list[tuple[str, int, float, str]] = []

    cat = fresh_catalog()
    build = timed(lambda: Matcher(cat.kinds, cat.families, None))
    rows.append(("build the title index", 1, build, f"{build * 1e3:.1f} ms"))

    matcher = Matcher(cat.kinds, cat.families, None)
    first = timed(lambda: [matcher.infer(t, ()) for t in pool])
    rows.append(("distinct titles, first time", len(pool), first, _each(first, len(pool), 1e6)))

    cat = fresh_catalog()
    total = timed(lambda: [infer_kind(t, catalog=cat) for t in titles])
    rows.append((f"infer_kind, {seen:,} distinct", len(titles), total, _each(total, len(titles))))

    cat = fresh_catalog()
    pairs = list(zip(titles, departments, strict=True))
    total = timed(lambda: [infer_kind(t, department=d, catalog=cat) for t, d in pairs])
    rows.append(("infer_kind with departments", len(titles), total, _each(total, len(titles))))

    matched = sum(infer_kind(t) is not None for t in pool)
    print(f"orgroles {orgroles.__version__}, Python {sys.version.split()[0]}")
    print(f"{len(pool):,} distinct titles in the pool, {matched / len(pool):.1%} of them matched\n")
    print(f"{'measure':<34} {'titles':>10} {'seconds':>9}  per title")
    print(f"{'-' * 34} {'-' * 10} {'-' * 9}  {'-' * 14}")
    for name, n, seconds, each in rows:
        print(f"{name:<34} {n:>10,} {seconds:>9.3f}  {each}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
