"""The benchmark script runs end to end on tiny sizes (its real runs are by hand)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow  # a few benchmarks end to end: on the main Python only


def _bench(script: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run a script of ``benchmarks/`` in a fresh Python, its output kept."""
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def test_bench_smoke(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    proc = _bench(
        "bench.py",
        "--smoke",
        "--out",
        str(out),
        "--cache",
        str(tmp_path / "data"),
        "--only",
        "baseline-json,orgroles-json,baseline-json-dirty,orgroles-json-dirty",
    )
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(out.read_text())["rows"]
    measures = {(r["roles"], r["measure"]) for r in rows}
    assert {
        (1000, "load json"),
        (1000, "check"),
        (1000, "10,000 chain()"),
        (200, "json.load"),
        (1000, "json.load (dirty)"),
        (1000, "load + check (dirty)"),
    } <= measures
    check = next(r for r in rows if r["roles"] == 1000 and r["measure"] == "load + check")
    assert check["baseline"] == "json.load"
    assert check["ratio"] is not None
    assert check["peak_mb"] > 0
    assert "load + check" in proc.stdout


def test_bench_dated_smoke(tmp_path: Path) -> None:
    """The dated measure compares the dated load with the same file less its dates and
    with the org of one holder a seat: two rows, one per baseline, each with its ratio."""
    out = tmp_path / "results.json"
    proc = _bench(
        "bench.py",
        *("--smoke", "--only", "orgroles-dated", "--clock", "cpu", "--out", str(out)),
        *("--cache", str(tmp_path / "data")),
    )
    assert proc.returncode == 0, proc.stderr
    rows = [r for r in json.loads(out.read_text())["rows"] if r["roles"] == 1000]
    dated = [r for r in rows if r["measure"] == "load json (dated)"]
    assert [r["baseline"] for r in dated] == ["load json (dates taken out)", "load json (undated)"]
    assert all(r["ratio"] and r["ratio"] > 0 for r in dated)
    measured = {r["measure"] for r in rows}
    assert {"load json (dates taken out)", "history()", "timeline('quarter')"} <= measured
    assert "against load json (undated)" in proc.stdout


def test_undated_is_the_dated_file_less_its_days() -> None:
    """The control of the dated measure: every seat, person and holder of the dated org,
    no day, no dated list, and it loads as a plain org."""
    import runpy

    import orgroles

    generator = runpy.run_path(str(ROOT / "benchmarks" / "generate.py"))
    doc = generator["dated"](generator["generate"](300))
    plain = generator["undated"](doc)
    assert plain["people"] == doc["people"]
    assert [r["id"] for r in plain["roles"]] == [r["id"] for r in doc["roles"]]
    text = json.dumps(plain)
    for key in ("start", "end", "acting"):
        assert f'"{key}"' not in text
    for before, after in zip(doc["roles"], plain["roles"], strict=True):
        if isinstance(before.get("holder"), list):
            assert after["holder"] == [t["person"] for t in before["holder"]]
        if isinstance(before.get("reports_to"), list):
            assert after["reports_to"] == before["reports_to"][-1]["role"]
    org = orgroles.loads(text)
    assert len(org.roles) == 300
    assert len(org.people) == len(doc["people"])
    assert org.view_date is None  # no dates: a plain org


def test_bench_charts_smoke(tmp_path: Path) -> None:
    """The chart measures: SVG, PNG, PDF (one page and A4 tiles) and PowerPoint, in CPU
    seconds, with the seconds per 1,000 roles."""
    out = tmp_path / "results.json"
    proc = _bench(
        "bench.py",
        *("--smoke", "--charts", "--clock", "cpu", "--out", str(out)),
        *("--cache", str(tmp_path / "data")),
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "CPU seconds, one run each" in proc.stdout
    data = json.loads(out.read_text())
    assert data["clock"] == "cpu"
    measures = [r["measure"] for r in data["rows"] if r["roles"] == 1000]
    for start in ("render svg", "render png (", "render pdf (page fit)", "render pdf (a4, "):
        assert any(m.startswith(start) for m in measures), (start, measures)
    assert any(m.startswith("render pptx (") and m.endswith(" slides)") for m in measures)
    assert all(r["per_1k_roles"] > 0 for r in data["rows"])


def test_paths_smoke(tmp_path: Path) -> None:
    """The user's paths (benchmarks/paths.py) run end to end: each a process, against
    json.load of the same file."""
    out = tmp_path / "paths.json"
    proc = _bench(
        "paths.py",
        "--smoke",
        "--out",
        str(out),
        "--cache",
        str(tmp_path / "data"),
        "--variants",
        "dirty",
        "--only",
        "check-json,query-json,import-csv+check",
    )
    assert proc.returncode == 0, proc.stderr
    assert "failed" not in proc.stdout, proc.stdout
    rows = json.loads(out.read_text())["rows"]
    assert {r["path"] for r in rows} == {
        "json.load",
        "check-json",
        "query-json",
        "import-csv+check",
    }
    check = next(r for r in rows if r["path"] == "check-json")
    assert check["violations"] > 0
    assert check["ratio"] > 0
    assert check["peak_mb"] > 0
    assert check["cpu"] > 0


def test_startup_smoke(tmp_path: Path) -> None:
    """The start-up table (benchmarks/startup.py): each command a process, run twice."""
    out = tmp_path / "startup.json"
    proc = _bench("startup.py", "--runs", "2", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(out.read_text())["rows"]
    assert [r["command"] for r in rows] == [
        "python -c pass",
        "dependencies alone",
        "orgroles --version",
        "orgroles check (4 roles)",
    ]
    for row in rows:
        assert 0 < row["wall_best"] <= row["wall_median"]
        assert 0 <= row["cpu_best"] <= row["cpu_median"]
    assert "orgroles check (4 roles)" in proc.stdout
