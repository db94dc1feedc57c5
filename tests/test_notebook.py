"""The analysis notebook runs from a clean kernel, and its committed source is current."""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType

import nbformat
import pytest
from nbclient import NotebookClient

from tests.helpers import ROOT

NOTEBOOK = ROOT / "examples" / "analysis.ipynb"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_notebook", ROOT / "tools" / "make_notebook.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_notebook_matches_its_generator() -> None:
    committed = nbformat.read(NOTEBOOK, as_version=4)
    expected = _generator().build()
    assert [c.source for c in committed.cells] == [c.source for c in expected.cells], (
        "examples/analysis.ipynb is stale: run python tools/make_notebook.py"
    )


@pytest.mark.slow
def test_the_notebook_runs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = json.dumps([o.get("data", {}).get("text/plain", o.get("text", "")) for o in outputs])
    assert "Chief Marketing and Strategy Officer" in text  # the widest span (22)
    assert "S002 unknown-reference" in text
    charts = [o for o in outputs if "image/svg+xml" in o.get("data", {})]
    assert charts, "the subtree chart did not show inline"


TIME_NOTEBOOK = ROOT / "examples" / "org_over_time.ipynb"


def _time_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_time_notebook", ROOT / "tools" / "make_time_notebook.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_time_notebook_matches_its_generator() -> None:
    committed = nbformat.read(TIME_NOTEBOOK, as_version=4)
    expected = _time_generator().build()
    assert [c.source for c in committed.cells] == [c.source for c in expected.cells], (
        "examples/org_over_time.ipynb is stale: run python tools/make_time_notebook.py"
    )


@pytest.mark.slow
def test_the_time_notebook_runs() -> None:
    """The invented history, the headcount by family per quarter and a change chart."""
    nb = nbformat.read(TIME_NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(TIME_NOTEBOOK.parent)}},
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = json.dumps([o.get("data", {}).get("text/plain", o.get("text", "")) for o in outputs])
    assert "dated: True" in text
    assert "2025Q1" in text
    assert "2025Q3" in text
    assert "moved      tm-6571ecaf: tm-9154473d -> tm-6d27031b" in text
    [chart] = [o["data"]["image/svg+xml"] for o in outputs if "image/svg+xml" in o.get("data", {})]
    assert 'class="old-lines"' in chart
    for kind in ("added", "removed", "moved", "restaffed"):
        assert f'class="{kind}"' in chart, kind
