"""Snapshots of the charts of the bundled examples: DOT, Mermaid and builtin SVG.

The files under tests/render/snapshots/ are the expected output, byte for byte. After a
deliberate change of the charts, regenerate them and review the diff::

    ORGROLES_UPDATE_SNAPSHOTS=1 pytest tests/render/test_render_snapshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import orgroles
from orgroles.render import render_bytes

from tests.helpers import EXAMPLES

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("ORGROLES_UPDATE_SNAPSHOTS") == "1"
CASES = [
    (example, fmt, suffix)
    for example in ("three_person_tech_team", "scaleup_cto_cpo")
    for fmt, suffix in (("dot", "dot"), ("mermaid", "mmd"), ("svg", "svg"))
]


@pytest.mark.parametrize(("example", "fmt", "suffix"), CASES, ids=[f"{e}.{s}" for e, _, s in CASES])
def test_snapshot(example: str, fmt: str, suffix: str) -> None:
    org = orgroles.load(EXAMPLES / f"{example}.yaml")
    got = render_bytes(org, fmt, engine="builtin")
    path = SNAPSHOTS / f"{example}.{suffix}"
    if UPDATE:
        path.write_bytes(got)
    assert path.exists(), f"{path} is missing: run ORGROLES_UPDATE_SNAPSHOTS=1 pytest {__file__}"
    assert got == path.read_bytes(), (
        f"{path.name} is stale: if the change is deliberate, run "
        "ORGROLES_UPDATE_SNAPSHOTS=1 pytest tests/render/test_render_snapshots.py and review the diff"
    )
