"""Run the fuzz targets of tests/test_fuzz.py for a given time, with fresh random seeds.

    python tools/fuzz.py --minutes 30 [--examples 2000]

Each round runs every target with ``--examples`` new random examples (hypothesis, not
derandomized), and rounds repeat until the time is up. It stops at the first failure and
says which target and input failed (add that input to tests/fuzz_corpus/). It prints the
rounds, the examples tried and the time taken, and exits 1 on a finding.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--examples", type=int, default=2000, help="examples per target per round")
    args = parser.parse_args()
    env = {**os.environ, "ORGROLES_FUZZ_EXAMPLES": str(args.examples), "ORGROLES_FUZZ_RANDOM": "1"}
    deadline = time.monotonic() + args.minutes * 60
    start = time.monotonic()
    rounds = 0
    targets = 12
    while time.monotonic() < deadline:
        rounds += 1
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "tests/test_fuzz.py",
                "-q",
                "-x",
                "-p",
                "no:cacheprovider",
                "-k",
                "not corpus",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = (time.monotonic() - start) / 60
        print(f"round {rounds}: exit {proc.returncode}, {elapsed:.1f} min", flush=True)
        if proc.returncode != 0:
            print(proc.stdout[-6000:])
            print(f"FINDING after {rounds} rounds ({elapsed:.1f} min)")
            return 1
    total = rounds * targets * args.examples
    print(
        f"no finding: {rounds} rounds, about {total:,} examples over {targets} targets, "
        f"{(time.monotonic() - start) / 60:.1f} min"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
