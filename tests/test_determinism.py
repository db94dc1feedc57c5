"""Outputs do not depend on PYTHONHASHSEED or dict order: two runs, two seeds, same bytes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

from tests.helpers import DATA, ROOT

SCRIPT = """
import hashlib, json, sys, warnings
import orgroles
from orgroles.rules.output import format_text, to_json, to_sarif
from orgroles.importers.csv_export import csv_text
warnings.simplefilter("ignore")
org = orgroles.from_gitlab(sys.argv[1])
report = org.check()
parts = [
    org.dumps("yaml"), org.dumps("json"), csv_text(org),
    format_text(report), to_json([report]), to_sarif([report]),
    json.dumps(org.metrics()), str(org.diff(orgroles.load(sys.argv[2]))),
    org.to_mermaid(), org.to_dot().source,
]
print(hashlib.sha256("\\x00".join(parts).encode()).hexdigest())
"""


def _digest(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            SCRIPT,
            str(DATA / "gitlab-team" / "team.yml"),
            str(ROOT / "examples" / "scaleup_cto_cpo.yaml"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=ROOT,
    )
    return proc.stdout.strip()


def test_outputs_are_the_same_under_two_hash_seeds() -> None:
    first, second = _digest("1"), _digest("4242")
    assert len(first) == len(hashlib.sha256().hexdigest())
    assert first == second
