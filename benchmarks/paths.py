"""The user's whole paths, each timed as a process, against ``json.load`` of the same file.

    python benchmarks/paths.py                   # 100k roles
    python benchmarks/paths.py --sizes 100k,1m   # the table of docs/performance.md
    python benchmarks/paths.py --smoke           # 1k roles, one run (the tests run it)
    python benchmarks/paths.py --only check-json,check-text --variants dirty

A user runs commands, not functions: ``orgroles check org.json --format json -o out.json``
pays for starting Python, importing orgroles, reading and validating the file, the check,
finding the lines of the violations and writing the report. Each path below is one such
command (``import csv, then check`` is two), run in a fresh process; the baseline is a
process that runs ``json.load`` of the same file, in the same run.

The orgs (``benchmarks/generate.py``) have one person per seat (every seat held, a
``people:`` row with a name and an e-mail for each holder: what an HR export gives), 3 to
6 responsibilities per role, and spans of 3 to 12, so that a million roles fit in eight
layers and a fifth of the managers have more than ten reports (rule C001: a few percent
of the roles break a rule). Variants:

- ``clean``: that org;
- ``dirty``: the same org as HR exports make it (``generate_dirty``: 3 % unknown
  managers, 10 % vacancies, a forest, repeated titles);
- ``deep``: the dirty org of ``benchmarks/bench.py`` (spans of 3 to 10, ten layers, and
  dirty), one person per seat held: at a million roles, rule C003 reports 362,000 roles on
  the ninth layer, the worst case of a report. Only the ``check`` paths run on it.

Times are CPU seconds (user + system, from ``os.wait4``) of each process: on a machine
shared with other work, wall-clock time measures the neighbours too. Each command runs
``--runs`` times (3 by default) and the best run counts, for the command and for its
baseline alike; the wall-clock time of that run and the peak resident memory of the
process are given too. The table is printed, and written as JSON (``--out``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, generate_dirty, write_csv, write_json  # noqa: E402

SIZES = {"200": 200, "1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
SELECTOR = "kind:developer under:r1 -vacant"
CSV_COLUMNS = [
    *("--id-col", "id", "--name-col", "name", "--title-col", "title"),
    *("--manager-col", "manager_id", "--email-col", "email"),
]
BASELINE = "import json, sys\nwith open(sys.argv[1], encoding='utf-8') as f:\n    json.load(f)"


def orgroles(*args: str) -> list[str]:
    return [sys.executable, "-m", "orgroles", *args]


# Each path: the commands it runs, given the input files and a folder for its outputs.
Command = list[str]
PATHS: dict[str, Callable[[dict[str, str], Path], list[Command]]] = {
    "check-json": lambda f, o: [
        orgroles("check", f["org"], "--format", "json", "-o", str(o / "report.json"))
    ],
    "check-text": lambda f, o: [
        orgroles("check", f["org"], "--format", "text", "-o", str(o / "report.txt"))
    ],
    "check-sarif": lambda f, o: [
        orgroles("check", f["org"], "--format", "sarif", "-o", str(o / "report.sarif"))
    ],
    "query-json": lambda f, o: [
        orgroles("query", f["org"], SELECTOR, "--format", "json", "-o", str(o / "query.json"))
    ],
    "render-svg": lambda f, o: [orgroles("render", f["org"], "-o", str(o / "chart.svg"))],
    "render-html": lambda f, o: [orgroles("render", f["org"], "-o", str(o / "chart.html"))],
    "import-csv+check": lambda f, o: [
        orgroles("import", "csv", f["csv"], "-o", str(o / "in.json"), "--force", *CSV_COLUMNS),
        orgroles("check", str(o / "in.json"), "--format", "json", "-o", str(o / "r.json")),
    ],
}
CHECKS = ("check-json", "check-text", "check-sarif")
VARIANTS = ("clean", "dirty", "deep")


def prepare(n: int, variant: str, cache: Path) -> dict[str, str]:
    """The org file of a variant (and for ``clean``, its CSV export), made once."""
    folder = cache / f"paths-{n}"
    folder.mkdir(parents=True, exist_ok=True)
    files = {"org": str(folder / f"{variant}.json"), "csv": str(folder / f"{variant}.csv")}
    if not Path(files["org"]).exists():
        if variant == "dirty":
            doc = generate_dirty(n, every_seat_held=True, max_span=12)
        elif variant == "deep":
            doc = generate_dirty(n, every_seat_held=True)
        else:
            doc = generate(n, every_seat_held=True, max_span=12)
        write_json(doc, Path(files["org"]))
        write_csv(doc, Path(files["csv"]))
    return files


# Python's bytecode is cached, as it is after pip installs a package (an environment that
# sets PYTHONDONTWRITEBYTECODE would time the compiling of orgroles at every start).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(command: Command, timeout: float) -> dict[str, float]:
    """CPU seconds, wall seconds and peak MB of one process (``os.wait4``)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            raise TimeoutError(f"{command[3:5]} took more than {timeout:.0f} s")
        time.sleep(0.01)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: the check found errors, as the dirty orgs have
        raise RuntimeError(f"{' '.join(command[3:])} exited {code}: {stderr.strip()[-500:]}")
    return {
        "cpu": usage.ru_utime + usage.ru_stime,
        "wall": wall,
        "peak_mb": usage.ru_maxrss / 1024,
    }


def best(commands: list[Command], runs: int, timeout: float) -> dict[str, float]:
    """The best of ``runs`` runs of the commands one after the other (their CPU times and
    wall times added, the peak memory the largest)."""
    results = []
    for _ in range(runs):
        parts = [run(c, timeout) for c in commands]
        results.append(
            {
                "cpu": sum(p["cpu"] for p in parts),
                "wall": sum(p["wall"] for p in parts),
                "peak_mb": max(p["peak_mb"] for p in parts),
            }
        )
    return min(results, key=lambda r: r["cpu"])


def violations(report: Path) -> int | None:
    """How many violations a JSON report lists (its summary), if it is there."""
    if not report.exists():
        return None
    data = json.loads(report.read_text(encoding="utf-8"))
    return sum(sum(r["summary"].values()) for r in data["reports"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100k", help="comma-separated: 1k,10k,100k,1m")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="clean,dirty,deep")
    parser.add_argument("--only", default="", help=f"comma-separated paths: {','.join(PATHS)}")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (the best)")
    parser.add_argument("--smoke", action="store_true", help="1k roles, one run (for the tests)")
    parser.add_argument("--out", default=str(HERE / "out" / "paths.json"))
    parser.add_argument("--cache", default=str(HERE / "out" / "data"))
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args(argv)
    labels = ["1k"] if args.smoke else [s.strip().lower() for s in args.sizes.split(",")]
    unknown = [s for s in labels if s not in SIZES]
    if unknown:
        parser.error(f"unknown sizes {unknown}; use {', '.join(SIZES)}")
    runs = 1 if args.smoke else args.runs
    only = [p for p in args.only.split(",") if p] or list(PATHS)
    variants = [v for v in args.variants.split(",") if v]
    for name in only:
        if name not in PATHS:
            parser.error(f"unknown path {name!r}; use {', '.join(PATHS)}")
    print(
        f"orgroles' paths on {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores; CPU seconds, best of {runs}",
        flush=True,
    )
    header = (
        f"{'roles':>9}  {'variant':<7} {'path':<17} {'violations':>10} {'CPU s':>8} "
        f"{'wall s':>8} {'json.load':>9} {'ratio':>6} {'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))
    rows: list[dict[str, Any]] = []
    subprocess.run([*orgroles("--version")], env=ENV, capture_output=True, check=True)
    for label in labels:
        n = SIZES[label]
        for variant in variants:
            names = [p for p in only if variant != "deep" or p in CHECKS]
            if not names:
                continue
            files = prepare(n, variant, Path(args.cache))
            out = Path(args.cache) / f"paths-{n}" / f"out-{variant}"
            out.mkdir(parents=True, exist_ok=True)
            base = best([[sys.executable, "-c", BASELINE, files["org"]]], runs, args.timeout)
            rows.append({"roles": n, "variant": variant, "path": "json.load", **base, "ratio": 1.0})
            print(
                f"{n:>9,}  {variant:<7} {'json.load':<17} {'':>10} {base['cpu']:>8.2f} "
                f"{base['wall']:>8.2f} {'':>9} {'':>6} {base['peak_mb']:>8,.0f}",
                flush=True,
            )
            for name in names:
                commands = PATHS[name](files, out)
                try:
                    result = best(commands, runs, args.timeout)
                except (RuntimeError, TimeoutError) as exc:
                    print(f"{n:>9,}  {variant:<7} {name:<17} failed: {exc}", flush=True)
                    continue
                found = violations(out / "report.json") if name == "check-json" else None
                ratio = result["cpu"] / base["cpu"]
                rows.append(
                    {
                        "roles": n,
                        "variant": variant,
                        "path": name,
                        "violations": found,
                        **result,
                        "baseline_cpu": base["cpu"],
                        "ratio": ratio,
                    }
                )
                print(
                    f"{n:>9,}  {variant:<7} {name:<17} "
                    f"{(f'{found:,}' if found is not None else ''):>10} {result['cpu']:>8.2f} "
                    f"{result['wall']:>8.2f} {base['cpu']:>9.2f} {ratio:>5.1f}x "
                    f"{result['peak_mb']:>8,.0f}",
                    flush=True,
                )
    write_rows(rows, Path(args.out))
    return 0


def write_rows(rows: list[dict[str, Any]], path: Path) -> None:
    """Write a table's rows as JSON, with the Python version and the cores, and say where."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"python": platform.python_version(), "cores": os.cpu_count(), "rows": rows}
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    raise SystemExit(main())
