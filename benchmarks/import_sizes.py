"""How long importing a CSV export takes, by size: 10k, 100k and 1M rows.

Run it with ``python benchmarks/import_sizes.py`` (``--sizes 10000 100000`` for fewer).
Each size gets a deterministic, BambooHR-shaped CSV in a temporary folder (ids with
leading zeros, first and last names, a title, a manager id, a department, two other
columns that go into ``meta``), which :func:`orgroles.from_csv` then imports. The table
shows the best time of the import alone over ``--repeat`` runs (a shared machine is
noisy), the rows per second, and the process's peak memory so far: for time proportional
to the size, the rate stays about the same from one size to the next.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import orgroles

__all__ = ["SIZES", "main", "time_import", "write_csv"]

SIZES = (10_000, 100_000, 1_000_000)
SPAN = 8  # every manager has about this many reports
_FIRST = ("Ana", "Bo", "Chloé", "Dmitri", "Esi", "Farid", "Gül", "Hana", "Iker", "Jun")
_LAST = ("Lima", "Diaz", "Roux", "Okafor", "Sato", "Novak", "Haddad", "Berg", "Silva", "Ito")
_TITLES = ("Engineer", "Senior Engineer", "Designer", "Analyst", "Manager", "Recruiter")
_DEPARTMENTS = ("R&D", "Sales", "Finance", "People", "Operations", "Legal", "Support")


def write_csv(path: Path, rows: int, seed: int = 7) -> int:
    """Write a CSV of ``rows`` invented employees in a tree; return its size in bytes."""
    rng = random.Random(seed)
    width = len(str(rows))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Employee #",
                "First Name",
                "Last Name",
                "Job Title",
                "Supervisor EID",
                "Department",
                "Location",
                "Hire Date",
            ]
        )
        for i in range(rows):
            boss = "" if i == 0 else str((i - 1) // SPAN).zfill(width)
            writer.writerow(
                [
                    str(i).zfill(width),
                    rng.choice(_FIRST),
                    rng.choice(_LAST),
                    rng.choice(_TITLES),
                    boss,
                    rng.choice(_DEPARTMENTS),
                    f"Site {i % 97}",
                    f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}",
                ]
            )
    return path.stat().st_size


def time_import(path: Path) -> tuple[float, orgroles.Org]:
    """The import's wall-clock time in seconds, and the org it made."""
    start = time.perf_counter()
    org = orgroles.from_csv(path, preset="bamboohr")
    return time.perf_counter() - start, org


def _peak_mb() -> float:
    """The process's peak resident memory so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3  # bytes on macOS, KiB here


def main(argv: Sequence[str] | None = None) -> list[dict[str, float]]:
    """Print a table of import times by size; return its rows (for benchmarks/bench.py)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best counts")
    args = parser.parse_args(argv)
    results = []
    print(f"{'rows':>10} {'MB':>8} {'import s':>9} {'rows/s':>10} {'us/row':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory(prefix="orgroles-bench-") as tmp:
        for rows in args.sizes:
            path = Path(tmp) / f"staff-{rows}.csv"
            size = write_csv(path, rows)
            times = []
            for _ in range(max(1, args.repeat)):
                seconds, org = time_import(path)
                if len(org) != rows or org.index.dangling:
                    raise RuntimeError(f"the import of {rows:,} rows lost or broke some of them")
                del org
                times.append(seconds)
            path.unlink()
            best = min(times)
            peak = _peak_mb()
            results.append(
                {
                    "rows": rows,
                    "bytes": size,
                    "seconds": best,
                    "rows_per_s": rows / best,
                    "peak_mb": peak,
                }
            )
            print(
                f"{rows:>10,} {size / 1e6:>8.1f} {best:>9.2f} {rows / best:>10,.0f}"
                f" {1e6 * best / rows:>7.2f} {peak:>8,.0f}",
                flush=True,
            )
    return results


if __name__ == "__main__":
    main()
