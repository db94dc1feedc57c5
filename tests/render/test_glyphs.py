"""Text that the fonts of PNG and PDF cannot draw is named in a warning, not drawn silently
as empty boxes. Every person here is invented."""

from __future__ import annotations

import warnings

import pytest

import orgroles
from orgroles.render import render_bytes
from orgroles.render.glyphs import _RANGES, MissingGlyphWarning, drawable, missing_glyphs
from orgroles.render.raster import font_folder

from tests.helpers import Cli, Write, tool

ORG = """\
name: {name}
people:
  - {{id: a, name: {ceo}}}
  - {{id: b, name: Ana Lima}}
roles:
  - {{id: ceo, title: CEO, holder: a}}
  - {{id: cto, title: "{cto}", holder: b, reports_to: ceo}}
"""


def _org(name: str = "Acme", ceo: str = "Ines Marlow", cto: str = "CTO") -> orgroles.Org:
    return orgroles.loads(ORG.format(name=name, ceo=ceo, cto=cto))


def test_the_table_is_the_fonts_character_maps() -> None:
    font_metrics = tool("font_metrics")
    with font_folder() as folder:
        ranges = font_metrics.coverage(folder)
    assert [n for pair in ranges for n in pair] == list(_RANGES)


@pytest.mark.parametrize(
    "text",
    ["Zoé Ørsted", "Łukasz Wąs", "Ωμέγα", "Юлия Орлова", "حسن", "שרה", "Nguyễn Văn An", "…•€"],
)
def test_the_scripts_the_fonts_cover_are_drawable(text: str) -> None:
    assert drawable(text)


@pytest.mark.parametrize("text", ["王芳", "佐藤", "김민준", "Team 🚀", "สมชาย", "ሰላም"])
def test_what_they_lack_is_not(text: str) -> None:
    assert not drawable(text)


def test_invisible_characters_are_not_reported() -> None:
    # A zero-width joiner and a left-to-right mark draw nothing, with or without a glyph.
    assert drawable("Ana\u200dLima\u200e")


def test_only_drawn_labels_are_named() -> None:
    svg = (
        '<svg><title>王芳 in a tooltip</title><text x="1">Ana</text>'
        '<text x="2">Li &amp; <tspan>李伟</tspan></text><text x="3">Li &amp; 李伟</text></svg>'
    )
    assert missing_glyphs(svg) == {"Li & 李伟": "李伟"}


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_png_and_pdf_name_the_labels_they_cannot_draw(fmt: str) -> None:
    org = _org(name="东方科技", ceo="王芳", cto="CTO 🚀")
    with pytest.warns(MissingGlyphWarning) as caught:
        data = render_bytes(org, fmt)
    assert data  # the chart is drawn all the same
    (warning,) = caught
    assert str(warning.message).startswith(
        f"3 labels of this {fmt.upper()} chart use characters that the fonts bundled for "
        "PNG and PDF (DejaVu Sans) do not have, drawn as empty boxes: '东方科技' "
        "(东 方 科 技); '王芳' (王 芳); 'CTO 🚀' (🚀). An SVG or .html chart"
    )


def test_tiled_pdf_pages_are_looked_at_too() -> None:
    org = _org(ceo="王芳")
    with pytest.warns(MissingGlyphWarning, match="1 label of this PDF chart uses .* '王芳'"):
        render_bytes(org, "pdf", page="a4")


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_covered_text_and_svg_give_no_warning(fmt: str) -> None:
    org = _org(name="Ωμέγα", ceo="Юлия Орлова", cto="CTO, حسن")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_bytes(org, fmt)
        render_bytes(_org(ceo="王芳"), "svg")  # the reader's fonts draw SVG


def test_the_command_line_prints_it(write: Write, run: Cli) -> None:
    path = write("org.yaml", ORG.format(name="Acme", ceo="王芳", cto="CTO"))
    result = run("render", path, "-o", path.with_name("chart.png"))
    assert result.exit_code == 0
    assert "orgroles: warning: 1 label of this PNG chart uses characters" in result.stderr
    assert path.with_name("chart.png").stat().st_size > 0
