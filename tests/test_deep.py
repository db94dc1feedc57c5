"""A 100,000-layer reporting chain and a 100,000-role cycle go through every output.

No step may recurse per layer (Python's limit is about a thousand): reading, checking,
queries, dumps, every chart format, the explorer, tables and diffs.
"""

from __future__ import annotations

import json
import re

import pytest

import orgroles
from orgroles.render import render_bytes
from orgroles.rules.output import format_text, to_json

N = 100_000


@pytest.fixture(scope="module")
def chain() -> orgroles.Org:
    return orgroles.Org(
        roles=[{"id": "r0"}, *({"id": f"r{i}", "reports_to": f"r{i - 1}"} for i in range(1, N))]
    )


@pytest.fixture(scope="module")
def cycle() -> orgroles.Org:
    return orgroles.Org(roles=[{"id": f"r{i}", "reports_to": f"r{(i - 1) % N}"} for i in range(N)])


@pytest.mark.slow
def test_a_deep_chain_through_every_output(chain: orgroles.Org) -> None:
    report = chain.check()
    assert [(v.code, v.role) for v in report if v.code == "C003"] == [("C003", "r8")]
    assert "C003 warning r8: on layer 9" in format_text(report)
    assert json.loads(to_json([report]))["reports"][0]["roles"] == N
    again = orgroles.loads(chain.dumps("json"), "json")
    assert len(again.chain(f"r{N - 1}")) == N
    assert orgroles.loads(chain.dumps("yaml")).layers()[f"r{N - 1}"] == N
    svg = render_bytes(chain, "svg", engine="builtin").decode()
    assert len(re.findall(r'class="role[ "]', svg)) == N
    assert chain.to_mermaid().count(" --- ") == N - 1
    assert chain.to_dot().source.count(" -> ") >= N - 1
    page = render_bytes(chain, "html").decode()
    assert '<script type="application/json" id="orgroles-data">' in page
    assert chain.to_frame()["layer"].max() == N
    assert len(chain.subtree("r50000").roles) == N - 50_000
    assert not chain.diff(chain.copy())
    assert chain.metrics()["layers"] == N


@pytest.mark.slow
def test_a_long_cycle_through_every_output(cycle: orgroles.Org) -> None:
    report = cycle.check()
    codes = report.counts()
    assert codes["S001"] == 1
    assert codes["S003"] == 1  # no top role at all
    assert len(cycle.chain("r7")) == N
    assert len(cycle.reports("r0", transitive=True)) == N - 1
    assert orgroles.loads(cycle.dumps("json"), "json").to_document() == cycle.to_document()
    assert cycle.layers()["r5"] is None
    svg = render_bytes(cycle, "svg", engine="builtin").decode()
    assert svg.startswith("<?xml")
    assert cycle.to_mermaid().startswith("flowchart TD")
    assert render_bytes(cycle, "html").decode().startswith("<!DOCTYPE html>")
    assert cycle.metrics()["layers"] == 0
