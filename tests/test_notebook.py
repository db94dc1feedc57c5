"""The example notebooks run from a clean kernel, and their committed sources are current."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from tests.helpers import ROOT, tool

NOTEBOOK = ROOT / "examples" / "analysis.ipynb"
TIME_NOTEBOOK = ROOT / "examples" / "org_over_time.ipynb"
GENERATORS = {NOTEBOOK: "make_notebook", TIME_NOTEBOOK: "make_time_notebook"}


def _generator(name: str) -> ModuleType:
    module: ModuleType = tool(name)
    return module


def _run(path: Path) -> list[Any]:
    """The outputs of the notebook at `path`, run from a clean kernel in its folder."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return outputs


def _text(outputs: list[Any]) -> str:
    return json.dumps([o.get("data", {}).get("text/plain", o.get("text", "")) for o in outputs])


@pytest.mark.parametrize("path", list(GENERATORS), ids=lambda p: p.name)
def test_the_committed_notebook_matches_its_generator(path: Path) -> None:
    committed = nbformat.read(path, as_version=4)
    name = GENERATORS[path]
    expected = _generator(name).build()
    assert [c.source for c in committed.cells] == [c.source for c in expected.cells], (
        f"examples/{path.name} is stale: run python tools/{name}.py"
    )


@pytest.mark.slow
def test_the_notebook_runs() -> None:
    outputs = _run(NOTEBOOK)
    text = _text(outputs)
    assert "Chief Marketing and Strategy Officer" in text  # the widest span (22)
    assert "S002 unknown-reference" in text
    charts = [o for o in outputs if "image/svg+xml" in o.get("data", {})]
    assert charts, "the subtree chart did not show inline"


@pytest.mark.slow
def test_the_time_notebook_runs() -> None:
    """The invented history, the headcount by family per quarter and a change chart."""
    outputs = _run(TIME_NOTEBOOK)
    text = _text(outputs)
    assert "dated: True" in text
    assert "2025Q1" in text
    assert "2025Q3" in text
    assert "moved      tm-6571ecaf: tm-9154473d -> tm-6d27031b" in text
    [chart] = [o["data"]["image/svg+xml"] for o in outputs if "image/svg+xml" in o.get("data", {})]
    assert 'class="old-lines"' in chart
    for kind in ("added", "removed", "moved", "restaffed"):
        assert f'class="{kind}"' in chart, kind
