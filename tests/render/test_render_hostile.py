"""Hostile charts: very long words (review F6) and a chart that makes Graphviz's dot
swallow gigabytes (F8). The work is counted; memory is bounded by a limit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import orgroles
from orgroles.errors import RenderError
from orgroles.render import engines, render_bytes
from orgroles.render import style as style_module
from orgroles.render.style import wrap

from tests.helpers import ROOT, Cli


@pytest.fixture
def measured(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The characters that the text metrics measure: the work of wrapping."""
    sizes: list[int] = []
    metrics = style_module._METRICS[False]
    real = type(metrics).width

    def width(self: object, text: str) -> int:
        sizes.append(len(text))
        return real(self, text)  # type: ignore[arg-type]

    monkeypatch.setattr(type(metrics), "width", width)
    return sizes


@pytest.mark.parametrize("size", [250_000, 1_000_000])
def test_wrapping_a_long_word_measures_a_bounded_text(size: int, measured: list[int]) -> None:
    lines = wrap.__wrapped__("x" * size, "name", 164)
    assert len(lines) == 2
    assert lines[1].endswith("…")
    assert sum(measured) < 50_000  # 18 s for 250,000 characters before (quadratic)


def test_wrapping_many_words_measures_a_bounded_text(measured: list[int]) -> None:
    wrap.__wrapped__(" ".join(["word"] * 200_000), "name", 164)
    assert sum(measured) < 50_000


def test_a_chart_of_the_reviews_long_title(tmp_path: Path, run: Cli) -> None:
    path = tmp_path / "long_title_250k.json"  # gen_cases.long_title(250_000)
    path.write_text(
        json.dumps(
            {"roles": [{"id": "a", "title": "x" * 250_000}, {"id": "b", "reports_to": "a"}]}
        ),
        encoding="utf-8",
    )
    result = run("render", path, "-o", tmp_path / "chart.svg", "--engine", "builtin")
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    drawn = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert any(line.endswith("…") for line in drawn)
    assert max(len(line) for line in drawn) < 100  # cut; the tooltip keeps the whole title


def dense_dotted(n: int = 1_500, k: int = 50) -> str:
    """The review's gen_cases.dense_dotted: every role with k dotted-line managers."""
    lines = ["roles:", "  - {id: r0}"]
    for i in range(1, n):
        dotted = ", ".join(f"r{(i * 7 + j * 13) % n}" for j in range(k))
        lines.append(f"  - {{id: r{i}, reports_to: r0, dotted_to: [{dotted}]}}")
    return "\n".join(lines) + "\n"


@pytest.mark.dot
def test_dot_runs_under_a_memory_limit() -> None:
    org = orgroles.loads(dense_dotted())
    source = render_bytes(org, "dot").decode("utf-8")
    with pytest.raises(RenderError, match="dot ran out of memory or crashed"):
        engines.run_dot(source, "svg", memory=300 * 1024**2)  # it went past 3.6 GB
    assert engines.run_dot("digraph { a -> b }", "svg").startswith(b"<?xml")


@pytest.mark.dot
def test_the_command_says_so_and_exits_2(
    tmp_path: Path, run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "DOT_MEMORY", 300 * 1024**2)
    path = tmp_path / "dense_dotted_50.yaml"
    path.write_text(dense_dotted(), encoding="utf-8")
    result = run("render", path, "-o", tmp_path / "chart.svg", "--engine", "dot")
    assert result.exit_code == 2
    assert "dot ran out of memory or crashed (it may use 0.293 GiB)" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "chart.svg").exists()


def test_the_memory_limit_is_documented() -> None:
    from orgroles import limits

    assert limits.DOT_MEMORY == 2 * 1024**3
    page = (ROOT / "docs" / "reference" / "limits.md").read_text(encoding="utf-8")
    assert "`orgroles.limits.DOT_MEMORY` | 2 GiB |" in page
