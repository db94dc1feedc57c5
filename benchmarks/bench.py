"""Scale benchmarks for orgroles, against plain baselines, on the same machine and run.

    python benchmarks/bench.py                       # 1k, 10k and 100k roles
    python benchmarks/bench.py --sizes 1k,10k,100k,1m
    python benchmarks/bench.py --sizes 1m --huge     # adds 2.1M roles
    python benchmarks/bench.py --smoke               # tiny sizes, a few seconds (CI)
    python benchmarks/bench.py --explorer            # and the HTML explorer in Chromium
    python benchmarks/bench.py --only baseline-json-dirty,orgroles-json-dirty,gitlab-check
    python benchmarks/bench.py --only report         # one measure: the health report
    python benchmarks/bench.py --charts --clock cpu --repeat 3   # charts: CPU s, best of 3

The ``render-*`` measures (``--charts`` runs them alone) draw the generated org with the
builtin engine: SVG (``render-builtin``), PNG at the default scale and pixel cap (a big
chart is drawn at a lower scale), PDF on one page the chart's size (``render-pdf``) and on
A4 sheets, tiled (``render-pdf-a4``), and PowerPoint split into slides (``render-pptx``).
``--clock cpu`` times each with the measured process's CPU time, which a busy machine
changes less than the elapsed time; ``--repeat 3`` keeps the best of three fresh processes.

For each size it also generates the same org as HR exports make it (``generate_dirty``:
3 % unknown managers, 10 % vacancies, a forest, repeated titles): the ``dirty`` rows. The
``gitlab-check`` rows check GitLab's team page (tests/data/gitlab-team, 450 of its 1,368
roles report to someone outside the file), in-process and as the ``orgroles check`` command.

For each size it generates a deterministic org (benchmarks/generate.py) as JSON, YAML
and CSV, then runs each measurement in a fresh Python process, so that its peak memory
(RSS) is its own. It prints one table (seconds, seconds per 1,000 roles, the ratio to the
baseline, peak MB) and
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

from generate import (  # noqa: E402
    dated,
    generate,
    generate_dirty,
    undated,
    write_csv,
    write_json,
    write_yaml,
)

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
GITLAB = HERE.parent / "tests" / "data" / "gitlab-team" / "team.yml"
DOT_SIZES = (1_000, 5_000)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}
_clock = time.perf_counter  # the worker's clock, from --clock


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = _clock()
    value = fn()
    return _clock() - start, value


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


def m_baseline_json_dirty(files: dict[str, str], n: int) -> dict[str, float]:
    def load() -> Any:
        with open(files["dirty"], encoding="utf-8") as handle:
            return json.load(handle)

    seconds, _ = _timed(load)
    return {"json.load (dirty)": seconds}


def m_orgroles_json_dirty(files: dict[str, str], n: int) -> dict[str, float]:
    import orgroles
    import orgroles.rules
    from orgroles.rules.output import format_text

    out: dict[str, float] = {}
    out["load json (dirty)"], org = _timed(lambda: orgroles.load(files["dirty"]))
    out["check (dirty)"], report = _timed(org.check)
    out["load + check (dirty)"] = out["load json (dirty)"] + out["check (dirty)"]
    out["violations"] = float(len(report))
    label = f"text report, dirty ({len(report):,} violations)"
    out[label], _ = _timed(lambda: format_text(report))
    return out


def m_gitlab_check(files: dict[str, str], n: int) -> dict[str, float]:
    import orgroles

    org_file = files["gitlab"]
    out: dict[str, float] = {}
    out["gitlab: load + check"], _ = _timed(lambda: orgroles.load(org_file).check())
    command = [sys.executable, "-m", "orgroles", "check", org_file]
    runs = []
    for _ in range(3):
        seconds, _ = _timed(lambda: subprocess.run(command, capture_output=True, check=False))
        runs.append(seconds)
    out["gitlab: orgroles check (command, best of 3)"] = min(runs)
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
    """The same org undated (one holder a seat), dated (three holders per seat on average,
    one after the other, and three times the people), and the dated file with its dates
    taken out (the same seats, holders and people: `generate.undated`): loading each,
    and the views, history and timeline of the dated one. CPU time, not wall time."""
    import pandas  # noqa: F401  (imports are not what is measured)

    import orgroles

    today = "2026-06-30"
    out: dict[str, float] = {}
    out["load json (undated)"], org = _cpu(lambda: orgroles.load(files["json"]))
    del org  # else the dated load runs beside it (at a million roles, 7 s more CPU time)
    gc.collect()
    out["load json (dates taken out)"], org = _cpu(lambda: orgroles.load(files["undated"]))
    del org
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


def _render_timed(files: dict[str, str], n: int, suffix: str, **options: Any) -> tuple[float, Any]:
    """Load the org, then time ``orgroles.render`` of it (builtin engine) to a file."""
    import warnings

    import orgroles
    from orgroles.render import render_file

    org = orgroles.load(files["json"])
    gc.collect()
    out_path = Path(files["dir"]) / f"chart-{n}{suffix}"
    with warnings.catch_warnings():  # a big chart's LargeChartWarning: expected here
        warnings.simplefilter("ignore")
        seconds, _ = _timed(lambda: render_file(org, out_path, engine="builtin", **options))
    return seconds, out_path


def m_render_png(files: dict[str, str], n: int) -> dict[str, float]:
    """PNG at the default scale (2) and pixel cap (16 million): big charts at less."""
    import struct

    seconds, path = _render_timed(files, n, ".png")
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return {f"render png ({width:,} x {height:,} px)": seconds}


def m_render_pdf(files: dict[str, str], n: int) -> dict[str, float]:
    """PDF, one page the chart's size (``--page fit``, the default)."""
    seconds, _ = _render_timed(files, n, "-fit.pdf", page="fit")
    return {"render pdf (page fit)": seconds}


def m_render_pdf_a4(files: dict[str, str], n: int) -> dict[str, float]:
    """PDF on A4 sheets: a big chart in tiles, one page each."""
    import re

    seconds, path = _render_timed(files, n, "-a4.pdf", page="a4")
    pages = len(re.findall(rb"/Type\s*/Page\b", path.read_bytes()))
    return {f"render pdf (a4, {pages:,} pages)": seconds}


def m_render_pptx(files: dict[str, str], n: int) -> dict[str, float]:
    """PowerPoint: 16:9 slides, a big chart split by subtree."""
    import io

    from pptx import Presentation

    seconds, path = _render_timed(files, n, ".pptx")
    count = len(Presentation(io.BytesIO(path.read_bytes())).slides)
    return {f"render pptx ({count:,} slides)": seconds}


def m_render_dot(files: dict[str, str], n: int) -> dict[str, float]:
    import orgroles

    render = getattr(orgroles, "render", None)
    if render is None or shutil.which("dot") is None or n not in DOT_SIZES:
        return {}
    org = orgroles.load(files["json"])
    out_path = Path(files["dir"]) / f"chart-{n}-dot.svg"
    seconds, _ = _timed(lambda: render(org, out_path, engine="dot"))
    return {"render svg (dot)": seconds}


def m_report(files: dict[str, str], n: int) -> dict[str, float]:
    """``orgroles report`` in-process: the page (load, check, numbers, charts, write), then
    the PDF of the same org (already loaded)."""
    import matplotlib.figure  # noqa: F401  (imports are not measured)
    import pandas  # noqa: F401

    import orgroles
    import orgroles.health.page
    import orgroles.health.pdf
    import orgroles.rules

    folder = Path(files["dir"])
    page, pdf = folder / f"health-{n}.html", folder / f"health-{n}.pdf"

    def html() -> orgroles.Org:
        org = orgroles.load(files["json"])
        org.report().write(page)
        return org

    out: dict[str, float] = {}
    cpu = time.process_time()
    seconds, org = _timed(html)
    cpu = time.process_time() - cpu
    out[f"report .html, load included ({page.stat().st_size / 1e6:.2f} MB)"] = seconds
    out["report .html, load included: CPU time"] = cpu
    gc.collect()
    seconds, _ = _timed(lambda: org.report().write(pdf))
    out[f"report .pdf, org loaded ({pdf.stat().st_size / 1e3:.0f} KB)"] = seconds
    return out


MEASURES: dict[str, Callable[[dict[str, str], int], dict[str, float]]] = {
    "baseline-json": m_baseline_json,
    "baseline-csv": m_baseline_csv,
    "baseline-yaml": m_baseline_yaml,
    "orgroles-json": m_orgroles_json,
    "orgroles-yaml": m_orgroles_yaml,
    "orgroles-csv": m_orgroles_csv,
    "orgroles-dated": m_orgroles_dated,
    "render-builtin": m_render_builtin,
    "render-png": m_render_png,
    "render-pdf": m_render_pdf,
    "render-pdf-a4": m_render_pdf_a4,
    "render-pptx": m_render_pptx,
    "render-dot": m_render_dot,
    "baseline-json-dirty": m_baseline_json_dirty,
    "orgroles-json-dirty": m_orgroles_json_dirty,
    "gitlab-check": m_gitlab_check,
    "report": m_report,
}

CHARTS = ("render-builtin", "render-png", "render-pdf", "render-pdf-a4", "render-pptx")
"""The measures of ``--charts``: SVG, PNG, PDF (one page, and A4 tiles) and PowerPoint."""

# What each orgroles measure is compared with.
BASELINE_OF = {
    "load json": "json.load",
    "load + check": "json.load",
    "check": "json.load",
    "load json (dirty)": "json.load (dirty)",
    "load + check (dirty)": "json.load (dirty)",
    "load yaml": "yaml.load",
    "import csv": "csv.DictReader",
    # The cost of the dates (the same file less its days), then of the dated org's
    # history (three times the people and a tenure per holder) against one holder a seat.
    "load json (dated)": ("load json (dates taken out)", "load json (undated)"),
}
# The loads that other measures of the same run are compared with.
RUN_BASELINES = {"load json (undated)", "load json (dates taken out)"}


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
        "undated": str(folder / "org-dated-undated.json"),
        "dirty": str(folder / "org-dirty.json"),
        "gitlab": str(cache / "gitlab.yaml"),
    }
    folder.mkdir(parents=True, exist_ok=True)
    made = ("json", "yaml", "csv", "dated", "undated")
    if not all(Path(files[k]).exists() for k in made):
        doc = generate(n)
        with_dates = dated(doc)
        write_json(doc, Path(files["json"]))
        write_yaml(doc, Path(files["yaml"]))
        write_csv(doc, Path(files["csv"]))
        write_json(with_dates, Path(files["dated"]))
        write_json(undated(with_dates), Path(files["undated"]))
        del doc, with_dates
    if not Path(files["dirty"]).exists():
        write_json(generate_dirty(n), Path(files["dirty"]))
    if not Path(files["gitlab"]).exists():
        command = [sys.executable, "-m", "orgroles", "import", "gitlab", str(GITLAB)]
        subprocess.run([*command, "-o", files["gitlab"]], capture_output=True, check=True)
    return files


def run_measure(
    name: str, files: dict[str, str], n: int, timeout: float, clock: str = "wall", repeat: int = 1
) -> dict[str, Any]:
    """Run a measure in a fresh process, ``repeat`` times: the best time of each metric,
    and the largest peak memory."""
    best: dict[str, Any] = {}
    for _ in range(repeat):
        result = _run_once(name, files, n, timeout, clock)
        if "error" in result:
            return result
        if not best:
            best = result
            continue
        for metric, value in result["values"].items():
            best["values"][metric] = min(best["values"].get(metric, value), value)
        best["peak_mb"] = max(best["peak_mb"], result["peak_mb"])
    return best


def _run_once(
    name: str, files: dict[str, str], n: int, timeout: float, clock: str
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--worker",
        name,
        "--size",
        str(n),
        "--files",
        json.dumps(files),
        "--clock",
        clock,
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
    parser.add_argument(
        "--charts", action="store_true", help="only the charts: --only " + ",".join(CHARTS)
    )
    parser.add_argument("--out", default=str(HERE / "out" / "results.json"))
    parser.add_argument("--cache", default=str(HERE / "out" / "data"))
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument(
        "--explorer",
        action="store_true",
        help="also time the HTML explorer in headless Chromium (benchmarks/explorer_timings.py)",
    )
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="wall",
        help="wall: elapsed seconds; cpu: the measured process's CPU seconds "
        "(time.process_time), steadier on a shared machine",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="run each measure N times, keep the best"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--files", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        global _clock
        _clock = CLOCKS[args.clock]
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
    only = [m for m in args.only.split(",") if m] or (
        list(CHARTS) if args.charts else list(MEASURES)
    )
    unknown_measures = [m for m in only if m not in MEASURES]
    if unknown_measures:
        parser.error(f"unknown measures {unknown_measures}; use {', '.join(MEASURES)}")
    rows: list[dict[str, Any]] = []
    print(
        f"orgroles benchmarks on {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores; dot: {'yes' if shutil.which('dot') else 'no'}; "
        f"{'CPU' if args.clock == 'cpu' else 'wall-clock'} seconds, "
        f"{f'best of {args.repeat} runs' if args.repeat > 1 else 'one run'} each",
        flush=True,
    )
    header = (
        f"{'roles':>9}  {'measure':<40} {'seconds':>9} {'per 1k':>8} {'baseline':>9} "
        f"{'ratio':>7} {'peak MB':>9}"
    )
    print(header)
    print("-" * len(header))
    for label in labels:
        n = SIZES[label]
        files = prepare(n, Path(args.cache))
        baselines: dict[str, float] = {}
        for name in only:
            result = run_measure(name, files, n, args.timeout, args.clock, max(1, args.repeat))
            if "error" in result:
                print(f"{n:>9,}  {name:<40} failed: {result['error']}", flush=True)
                continue
            for metric, value in result["values"].items():
                if metric in ("violations", "changes"):
                    continue
                if name.startswith("baseline") or metric in RUN_BASELINES:
                    baselines[metric] = value
                compared = BASELINE_OF.get(metric)
                names = (compared,) if isinstance(compared, str) or compared is None else compared
                for k, base_name in enumerate(names):
                    base = baselines.get(base_name) if base_name else None
                    ratio = value / base if base else None
                    rows.append(
                        {
                            "roles": n,
                            "measure": metric,
                            "seconds": round(value, 4),
                            "per_1k_roles": round(value * 1000 / n, 4),
                            "baseline": base_name,
                            "baseline_seconds": round(base, 4) if base else None,
                            "ratio": round(ratio, 2) if ratio else None,
                            "peak_mb": round(result["peak_mb"]),
                        }
                    )
                    # A second baseline of the same measure: its own row, named for it.
                    label = metric if k == 0 else f"  against {base_name}"[:40]
                    print(
                        f"{n:>9,}  {label:<40} {value:>9.3f} {value * 1000 / n:>8.3f} "
                        f"{(f'{base:.3f}' if base else ''):>9} "
                        f"{(f'{ratio:.2f}x' if ratio else ''):>7} "
                        f"{result['peak_mb']:>9,.0f}",
                        flush=True,
                    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "python": platform.python_version(),
                "cores": os.cpu_count(),
                "clock": args.clock,
                "repeat": args.repeat,
                "rows": rows,
            },
            indent=2,
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
