"""Start-up: the commands a user runs on a small file, each timed as a whole process.

    python benchmarks/startup.py             # 20 runs of each
    python benchmarks/startup.py --runs 3    # (the tests run it so)

A check of four roles is all start-up: starting Python, importing orgroles and what it
uses (click, PyYAML, pydantic), building the validators of the file format's models, and
reading the built-in catalogue (from the command's cache after the first run: see
``orgroles._internal.cache``). Each command runs ``--runs`` times in a fresh process; the
table gives the best and the median of the wall-clock time (what the user waits) and of
the CPU time (user + system, from ``os.wait4``: what a busy machine changes less).

Two rows are for reference: ``python -c pass``, and the dependencies alone (importing
click, PyYAML and pydantic and validating one value: the least a command built on them
can take). The commands take turns, one run of each in each round, after a round that
is not counted (it fills the cache): a machine whose speed drifts (this one's does, by
a third from one hour to the next) slows them all alike. The example is the project's
``examples/three_person_tech_team.yaml``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from paths import run, write_rows  # noqa: E402

EXAMPLE = HERE.parent / "examples" / "three_person_tech_team.yaml"
DEPENDENCIES = (
    "import click, yaml; from pydantic import TypeAdapter; TypeAdapter(int).validate_python(1)"
)
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "dependencies alone": [sys.executable, "-c", DEPENDENCIES],
    "orgroles --version": [sys.executable, "-m", "orgroles", "--version"],
    "orgroles check (4 roles)": [sys.executable, "-m", "orgroles", "check", str(EXAMPLE)],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20, help="runs of each command")
    parser.add_argument("--out", default=str(HERE / "out" / "startup.json"))
    args = parser.parse_args(argv)
    print(
        f"start-up on {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores; {args.runs} runs each, seconds",
        flush=True,
    )
    header = f"{'command':<26} {'wall best':>9} {'median':>7} {'CPU best':>9} {'median':>7}"
    print(header)
    print("-" * len(header))
    for command in COMMANDS.values():  # not counted: fills the cache, warms the disk
        run(command, timeout=60)
    timings: dict[str, list[dict[str, float]]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):  # in turns, so that a drift of the machine slows all alike
        for name, command in COMMANDS.items():
            timings[name].append(run(command, timeout=60))
    rows = []
    for name, runs in timings.items():
        walls = [r["wall"] for r in runs]
        cpus = [r["cpu"] for r in runs]
        row = {
            "command": name,
            "wall_best": min(walls),
            "wall_median": statistics.median(walls),
            "cpu_best": min(cpus),
            "cpu_median": statistics.median(cpus),
        }
        rows.append(row)
        print(
            f"{name:<26} {row['wall_best']:>9.3f} {row['wall_median']:>7.3f} "
            f"{row['cpu_best']:>9.3f} {row['cpu_median']:>7.3f}",
            flush=True,
        )
    write_rows(rows, Path(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
