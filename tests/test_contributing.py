"""The recipes of CONTRIBUTING.md: each test here fails when a step of one is forgotten."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import orgroles
import orgroles.selectors
from orgroles.importers.columns import PRESETS
from orgroles.render.formats import TABLE, Format
from orgroles.render.plan import Plan
from orgroles.rules import all_rules
from orgroles.selectors import TERMS

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "src" / "orgroles" / "rules"


def test_contributing_names_every_recipe() -> None:
    page = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for recipe in (
        "Add a rule",
        "Add an import preset",
        "Add an output format",
        "Add a catalogue kind",
        "Add a selector term",
        "Add a chart to the health report",
    ):
        assert f"### {recipe}" in page


def test_every_rule_module_is_registered() -> None:
    registered = {rule.code for rule in all_rules()}
    files = sorted(RULES.glob("*/[A-Z]*[0-9].py"))
    assert len(files) == len(registered)
    for path in files:
        module = importlib.import_module(f"orgroles.rules.{path.parent.name}.{path.stem}")
        assert path.stem in registered, f"{path.name} is not registered (@register)"
        assert path.stem in vars(module) or any(
            getattr(v, "code", None) == path.stem for v in vars(module).values()
        )


def test_every_preset_is_documented() -> None:
    page = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w-]+)` \|", page, re.MULTILINE)
    missing = [name for name in PRESETS if name not in rows]
    assert not missing, f"add a row for {missing} to the presets table of docs/import.md"


@pytest.mark.parametrize("fmt", TABLE, ids=lambda f: f.name)
def test_every_format_draws_the_examples(fmt: Format, tiny: orgroles.Org) -> None:
    from orgroles.render import draw

    drawing = draw(tiny, fmt.name)
    assert isinstance(drawing.plan, Plan)
    assert len(drawing.data) > 100
    assert drawing.plan.shown == len(tiny)


@pytest.mark.parametrize("fmt", TABLE, ids=lambda f: f.name)
def test_every_format_is_documented(fmt: Format) -> None:
    page = (ROOT / "docs" / "rendering.md").read_text(encoding="utf-8")
    for suffix in fmt.suffixes:
        assert f"`{suffix}`" in page, f"docs/rendering.md does not name {suffix}"


@pytest.mark.parametrize("key", list(TERMS))
def test_every_selector_term_is_documented(key: str) -> None:
    usage = TERMS[key].usage
    # The docs write X as the kind of value it is (``has:R``, ``holder:P``).
    pattern = re.escape(usage).replace("X", "[A-Z]+")
    page = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    assert re.search(pattern, page), f"docs/queries.md does not list {usage}"
    assert re.search(pattern, orgroles.selectors.__doc__ or ""), usage


def test_every_report_chart_is_a_plot() -> None:
    from orgroles.health import Plots
    from orgroles.health.plots import DRAW

    page = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    for name in DRAW:
        assert callable(getattr(Plots, name, None)), f"Plots has no method {name}()"
        assert f"{name}()" in page, f"docs/report.md does not name org.plot.{name}()"
