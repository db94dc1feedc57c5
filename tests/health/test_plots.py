"""org.plot: each chart alone, as a matplotlib Figure drawn from the report's numbers."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

import orgroles
from orgroles.errors import MissingExtraError
from orgroles.health import Plots, Targets
from orgroles.health.svg import inline_svg

from tests.health.test_numbers import TODAY
from tests.helpers import EXAMPLES


@pytest.fixture(scope="module")
def dated() -> orgroles.Org:
    return orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY)


def bars(fig: Figure) -> list[Rectangle]:
    """The bars of a chart (not the shaded band): those of its bar containers."""
    [ax] = fig.axes
    return [b for c in ax.containers for b in c if isinstance(b, Rectangle) and b.get_width()]


def legend_of(fig: Figure) -> list[str]:
    [ax] = fig.axes
    legend = ax.get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def test_every_chart_is_a_figure(dated: orgroles.Org) -> None:
    plot = dated.plot
    assert isinstance(plot, Plots)
    assert repr(plot) == "<Plots of 'Lumen Labs over time': spans, layers, teams, findings, trends>"
    for name in ("spans", "layers", "teams", "findings", "trends"):
        fig = getattr(plot, name)()
        assert isinstance(fig, Figure), name
        assert len(fig.axes) == 1, name
        assert fig.axes[0].get_title(loc="left"), name  # alone, a chart has its title


def test_the_span_bars_are_the_spans(dated: orgroles.Org) -> None:
    fig = dated.plot.spans()
    counts = Counter(s for s in dated.span().values() if s > 0)
    heights = {round(b.get_x() + b.get_width() / 2): b.get_height() for b in bars(fig)}
    assert heights == dict(counts)
    assert legend_of(fig) == ["target 5\u201310", "narrow (1\u20132)", "median 4.5"]


def test_targets_move_the_band(dated: orgroles.Org) -> None:
    fig = dated.plot.spans(targets=Targets(span=(3, 6), narrow=1))
    assert legend_of(fig)[:2] == [
        "target 3\u20136",
        "narrow (1\u20131)",
    ]


def test_the_pyramid_has_a_bar_per_layer_and_family(dated: orgroles.Org) -> None:
    fig = dated.plot.layers()
    frame = dated.to_frame()
    expected = Counter(zip(frame["layer"].astype(int), frame["family"].fillna(""), strict=True))
    assert sorted(b.get_width() for b in bars(fig)) == sorted(expected.values())
    [ax] = fig.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == ["L1", "L2", "L3", "L4"]


def test_draw_into_your_own_axes(dated: orgroles.Org) -> None:
    fig = Figure(figsize=(10, 4))
    left, right = fig.subplots(1, 2)
    assert dated.plot.spans(ax=left) is fig
    assert dated.plot.findings(ax=right) is fig
    assert right.get_title(loc="left") == "Rule findings"
    assert [round(p.get_width()) for p in right.patches if isinstance(p, Rectangle)][:1]


def test_the_figures_show_in_jupyter(dated: orgroles.Org) -> None:
    fig: Any = dated.plot.teams()
    svg = fig._repr_svg_()
    assert svg.startswith("<svg")
    assert fig._repr_png_().startswith(b"\x89PNG")


def test_french_charts(dated: orgroles.Org) -> None:
    [ax] = dated.plot.spans(lang="fr").axes
    assert ax.get_xlabel() == "subordonnés directs (étendue du contrôle)"
    assert ax.get_title(loc="left") == "Étendue du contrôle"


def test_charts_keep_the_users_settings(dated: orgroles.Org) -> None:
    import matplotlib

    before = dict(matplotlib.rcParams)
    dated.plot.spans()
    assert dict(matplotlib.rcParams) == before


def test_the_inline_svg_needs_no_inline_style(dated: orgroles.Org) -> None:
    svg = inline_svg(dated.plot.layers(), "layers")
    assert "style=" not in svg
    assert "<style" not in svg
    assert "<!--" not in svg
    assert 'id="layers-' in svg
    assert 'xlink:href="#layers-' in svg


def test_without_matplotlib_it_says_which_extra_to_install(
    dated: orgroles.Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orgroles.health import plots

    for name in ("matplotlib", "matplotlib.figure"):  # as if not installed
        monkeypatch.setitem(sys.modules, name, None)
    plots.matplotlib_figure.cache_clear()
    try:
        with pytest.raises(MissingExtraError, match=r"pip install 'orgroles\[report\]'"):
            dated.plot.spans()
        with pytest.raises(MissingExtraError, match=r"pip install 'orgroles\[report\]'"):
            dated.report().to_html()
    finally:
        monkeypatch.undo()
        plots.matplotlib_figure.cache_clear()
    assert "matplotlib" in sys.modules
