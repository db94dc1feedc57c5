"""Scale benchmarks for orgroles, against plain baselines, on the same machine and run.

    python benchmarks/bench.py                       # 1k, 10k and 100k roles
    python benchmarks/bench.py --sizes 1k,10k,100k,1m
    python benchmarks/bench.py --sizes 1m --huge     # adds 2.1M roles
    python benchmarks/bench.py --smoke               # tiny sizes, a few seconds (CI)
    python benchmarks/bench.py --explorer            # and the HTML explorer in Chromium

For each size it generates a deterministic org (benchmarks/generate.py) as JSON, YAML
and CSV, then runs each measurement in a fresh Python process, so that its peak memory
(RSS) is its own. It prints one table (seconds, the ratio to the baseline, peak MB) and
writes the same rows as JSON (``--out``, default benchmarks/out/results.json).

Baselines: ``json.load`` and ``csv.DictReader`` of the same files, PyYAML's
``yaml.load(..., Loader=CSafeLoader)`` (up to 100k roles: it takes minutes beyond) and
its C event stream alone (``yaml.parse``), and ``dot -Tsvg`` for charts.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import dated, generate, write_csv, write_json, write_yaml  # noqa: E402

SIZES = {
    "200": 200,
    "1k": 1_000,
    "5k": 5_000,
    "10k": 10_000,
    "100k": 100_000,
    "1m": 1_000_000,
    "2.1m": 2_100_000,
}
YAML_BASELINE_MAX = 100_000
DOT_SIZES = (1_000, 5_000)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


# -- measurements, each run in a worker process ----------------------------------------


def m_baseline_json(files: dict[str, str], n: int) -> dict[str, float]:
    def load() -> Any:
        with open(files["json"], encoding="utf-8") as handle:
            return json.load(handle)

    seconds, _ = _timed(load)
    return {"json.load": seconds}


def m_baseline_csv(files: dict[str, str], n: int) -> dict[str, float]:
    import csv

    def read() -> int:
        with open(files["csv"], encoding="utf-8", newline="") as handle:
            return len(list(csv.DictReader(handle)))

    seconds, _ = _timed(read)
    return {"csv.DictReader": seconds}


def m_baseline_yaml(files: dict[str, str], n: int) -> dict[str, float]:
    import yaml

    text = Path(files["yaml"]).read_text(encoding="utf-8")
    out: dict[str, float] = {}
    out["yaml.parse"], _ = _timed(lambda: sum(1 for _ in yaml.parse(text, Loader=yaml.CSafeLoader)))
    if n <= YAML_BASELINE_MAX:
        out["yaml.load"], _ = _timed(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    return out


def m_orgroles_json(files: dict[str, str], n: int) -> dict[str, float]:
    import networkx  # noqa: F401  (imports are not what is measured)

    import orgroles
    import orgroles.rules

    out: dict[str, float] = {}
    out["load json"], org = _timed(lambda: orgroles.load(files["json"]))
    out["check"], report = _timed(org.check)
    out["load + check"] = out["load json"] + out["check"]
    out["violations"] = float(len(report))
    # What `orgroles check` prints: the lines of the violations, found in the file.
    from orgroles.rules.output import format_text

    out[f"text report ({len(report):,} violations)"], _ = _timed(lambda: format_text(report))
    ids = list(org.roles)
    rng = random.Random(3)
    picks = [rng.choice(ids) for _ in range(10_000)]
    out["10,000 chain()"], _ = _timed(lambda: [org.chain(x) for x in picks])
    managers = [rid for rid, span in org.span().items() if span][:: max(1, n // 2000)][:100]
    out["reports(transitive) x100"], _ = _timed(
        lambda: [org.reports(m, transitive=True) for m in managers]
    )
    out["select kind:developer under:r1 -vacant"], _ = _timed(
        lambda: org.select("kind:developer under:r1 -vacant")
    )
    out["graph (networkx)"], _ = _timed(lambda: org.graph)
    return out


def m_orgroles_yaml(files: dict[str, str], n: int) -> dict[str, float]:
    import orgroles

    seconds, _ = _timed(lambda: orgroles.load(files["yaml"]))
    return {"load yaml": seconds}


def m_orgroles_csv(files: dict[str, str], n: int) -> dict[str, float]:
    import orgroles

    from_csv = getattr(orgroles, "from_csv", None)
    if from_csv is None:
        return {}
    seconds, _ = _timed(
        lambda: from_csv(
            files["csv"],
            id_col="id",
            name_col=["name"],
            title_col="title",
            manager_col="manager_id",
            email_col="email",
        )
    )
    return {"import csv": seconds}


def _cpu(fn: Callable[[], Any]) -> tuple[float, Any]:
    """CPU seconds (``time.process_time``): other work on a shared machine inflates wall
    time, much less the CPU time of this process."""
    start = time.process_time()
    value = fn()
    return time.process_time() - start, value


def m_orgroles_dated(files: dict[str, str], n: int) -> dict[str, float]:
    """The same org undated and dated (three holders per seat on average): loading both,
    and the views, history and timeline of the dated one. CPU time, not wall time."""
    import pandas  # noqa: F401  (imports are not what is measured)

    import orgroles

    today = "2026-06-30"
    out: dict[str, float] = {}
    out["load json (undated)"], _ = _cpu(lambda: orgroles.load(files["json"]))
    gc.collect()
    out["load json (dated)"], org = _cpu(lambda: orgroles.load(files["dated"], today=today))
    out["the view of today (first use of org.roles)"], _ = _cpu(lambda: len(org.roles))
    out["as_of (a past day)"], _ = _cpu(lambda: org.as_of("2024-06-30"))
    out["as_of (today, with planned seats)"], _ = _cpu(lambda: org.as_of(today))
    out["history()"], changes = _cpu(org.history)
    out["changes"] = float(len(changes))
    del changes
    gc.collect()
    out["timeline('quarter')"], _ = _cpu(lambda: org.timeline("quarter"))
    return out


def m_render_builtin(files: dict[str, str], n: int) -> dict[str, float]:
    import orgroles

    render = getattr(orgroles, "render", None)
    if render is None:
        return {}
    org = orgroles.load(files["json"])
    gc.collect()
    out_path = Path(files["dir"]) / f"chart-{n}.svg"
    seconds, _ = _timed(lambda: render(org, out_path, engine="builtin"))
    return {"render svg (builtin)": seconds}


def m_render_dot(files: dict[str, str], n: int) -> dict[str, float]:
    import orgroles

    render = getattr(orgroles, "render", None)
    if render is None or shutil.which("dot") is None or n not in DOT_SIZES:
        return {}
    org = orgroles.load(files["json"])
    out_path = Path(files["dir"]) / f"chart-{n}-dot.svg"
    seconds, _ = _timed(lambda: render(org, out_path, engine="dot"))
    return {"render svg (dot)": seconds}


MEASURES: dict[str, Callable[[dict[str, str], int], dict[str, float]]] = {
    "baseline-json": m_baseline_json,
    "baseline-csv": m_baseline_csv,
    "baseline-yaml": m_baseline_yaml,
    "orgroles-json": m_orgroles_json,
    "orgroles-yaml": m_orgroles_yaml,
    "orgroles-csv": m_orgroles_csv,
    "orgroles-dated": m_orgroles_dated,
    "render-builtin": m_render_builtin,
    "render-dot": m_render_dot,
}

# What each orgroles measure is compared with.
BASELINE_OF = {
    "load json": "json.load",
    "load + check": "json.load",
    "check": "json.load",
    "load yaml": "yaml.load",
    "import csv": "csv.DictReader",
    "load json (dated)": "load json (undated)",
}


def worker(name: str, files: dict[str, str], n: int) -> None:
    result = MEASURES[name](files, n)
    print(json.dumps({"values": result, "peak_mb": _peak_mb()}))


# -- the driver ------------------------------------------------------------------------


def prepare(n: int, cache: Path) -> dict[str, str]:
    folder = cache / f"org-{n}"
    files = {
        "dir": str(folder),
        "json": str(folder / "org.json"),
        "yaml": str(folder / "org.yaml"),
        "csv": str(folder / "org.csv"),
        "dated": str(folder / "org-dated.json"),
    }
    if all(Path(files[k]).exists() for k in ("json", "yaml", "csv", "dated")):
        return files
    folder.mkdir(parents=True, exist_ok=True)
    doc = generate(n)
    write_json(doc, Path(files["json"]))
    write_yaml(doc, Path(files["yaml"]))
    write_csv(doc, Path(files["csv"]))
    write_json(dated(doc), Path(files["dated"]))
    return files


def run_measure(name: str, files: dict[str, str], n: int, timeout: float) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--worker",
        name,
        "--size",
        str(n),
        "--files",
        json.dumps(files),
    ]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"values": {}, "peak_mb": None, "error": f"timed out after {timeout:.0f} s"}
    if proc.returncode != 0:
        return {"values": {}, "peak_mb": None, "error": proc.stderr.strip().splitlines()[-1:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated: 1k,10k,100k,1m")
    parser.add_argument("--huge", action="store_true", help="add 2.1M roles")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, for CI")
    parser.add_argument("--only", default="", help="comma-separated measure names")
    parser.add_argument("--out", default=str(HERE / "out" / "results.json"))
    parser.add_argument("--cache", default=str(HERE / "out" / "data"))
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument(
        "--explorer",
        action="store_true",
        help="also time the HTML explorer in headless Chromium (benchmarks/explorer_timings.py)",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--files", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, json.loads(args.files), args.size)
        return 0

    labels = (
        ["200", "1k"]
        if args.smoke
        else [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    )
    if args.huge and "2.1m" not in labels:
        labels.append("2.1m")
    unknown = [s for s in labels if s not in SIZES]
    if unknown:
        parser.error(f"unknown sizes {unknown}; use {', '.join(SIZES)}")
    only = [m for m in args.only.split(",") if m] or list(MEASURES)
    rows: list[dict[str, Any]] = []
    print(
        f"orgroles benchmarks on {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores; dot: {'yes' if shutil.which('dot') else 'no'}",
        flush=True,
    )
    header = (
        f"{'roles':>9}  {'measure':<40} {'seconds':>9} {'baseline':>9} {'ratio':>7} {'peak MB':>9}"
    )
    print(header)
    print("-" * len(header))
    for label in labels:
        n = SIZES[label]
        files = prepare(n, Path(args.cache))
        baselines: dict[str, float] = {}
        for name in only:
            result = run_measure(name, files, n, args.timeout)
            if "error" in result:
                print(f"{n:>9,}  {name:<40} failed: {result['error']}", flush=True)
                continue
            for metric, value in result["values"].items():
                if metric in ("violations", "changes"):
                    continue
                if name.startswith("baseline") or metric == "load json (undated)":
                    baselines[metric] = value
                base_name = BASELINE_OF.get(metric)
                base = baselines.get(base_name) if base_name else None
                ratio = value / base if base else None
                row = {
                    "roles": n,
                    "measure": metric,
                    "seconds": round(value, 4),
                    "baseline": base_name,
                    "baseline_seconds": round(base, 4) if base else None,
                    "ratio": round(ratio, 2) if ratio else None,
                    "peak_mb": round(result["peak_mb"]),
                }
                rows.append(row)
                print(
                    f"{n:>9,}  {metric:<40} {value:>9.3f} "
                    f"{(f'{base:.3f}' if base else ''):>9} {(f'{ratio:.2f}x' if ratio else ''):>7} "
                    f"{result['peak_mb']:>9,.0f}",
                    flush=True,
                )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {"python": platform.python_version(), "cores": os.cpu_count(), "rows": rows}, indent=2
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"\nwritten to {out}")
    if args.explorer:
        sizes = ",".join(s for s in labels if s in ("10k", "100k", "1m")) or "100k"
        print(
            f"\nThe HTML explorer in headless Chromium (the GitLab import and {sizes}):", flush=True
        )
        subprocess.run(
            [sys.executable, str(HERE / "explorer_timings.py"), "--sizes", sizes], check=False
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
