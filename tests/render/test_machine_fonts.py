"""PNG and PDF draw the characters that the bundled DejaVu Sans lacks (Chinese, Japanese,
Korean, Thai, Devanagari...) with a font of the machine that has them, rather than as
empty boxes. Every person here is invented."""

from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path

import pytest

import orgroles
from orgroles.render import machine_fonts, render_bytes
from orgroles.render.glyphs import MissingGlyphWarning
from orgroles.render.machine_fonts import cmap_has, fallback_folder, font_chars

ORG = """\
name: 华星科技
people:
  - {id: a, name: 王伟}
  - {id: b, name: Ana Lima}
roles:
  - {id: ceo, title: 首席执行官, holder: a}
  - {id: cto, title: CTO, holder: b, reports_to: ceo}
"""
HAN = "华星科技王伟首席执行官"


def _han_font(folder: Path, family: str = "Orgroles Test Han") -> Path:
    """A font with a square glyph for each character of `HAN`, as a machine's CJK font."""
    ttlib = pytest.importorskip("fontTools.ttLib")
    from fontTools.fontBuilder import FontBuilder  # type: ignore[import-untyped]
    from fontTools.pens.ttGlyphPen import TTGlyphPen  # type: ignore[import-untyped]

    names = [".notdef"] + [f"uni{ord(c):04X}" for c in HAN]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in HAN})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        pen.moveTo((100, 0))
        pen.lineTo((100, 800))
        pen.lineTo((900, 800))
        pen.lineTo((900, 0))
        pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics(dict.fromkeys(names, (1000, 100)))
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    ps_name = family.replace(" ", "") + "-Regular"  # a font without one is not loaded
    builder.setupNameTable(
        {"familyName": family, "styleName": "Regular", "fullName": family, "psName": ps_name}
    )
    builder.setupOS2()
    builder.setupPost()
    path = folder / "testhan.ttf"
    builder.save(str(path))
    assert isinstance(ttlib.TTFont(str(path)), ttlib.TTFont)
    return path


@pytest.fixture
def han_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = _han_font(tmp_path)
    fonts = (("Orgroles Test Han", str(path), 0),)
    monkeypatch.setattr(machine_fonts, "_machine_fonts", lambda: fonts)
    fallback_folder.cache_clear()
    machine_fonts.__dict__["_linked"].cache_clear()
    return path


def test_the_character_map_is_read(han_machine: Path) -> None:
    assert font_chars(str(han_machine), 0, frozenset("王伟Ab")) == frozenset("王伟")
    assert font_chars(str(han_machine.with_name("none.ttf")), 0, frozenset("王")) == frozenset()
    folder, drawn = fallback_folder(frozenset("王伟🚀"))
    assert drawn == frozenset("王伟")
    assert folder is not None
    assert [p.resolve() for p in Path(folder).iterdir()] == [han_machine.resolve()]
    # Other characters of the same fonts: the same folder, not one more.
    assert fallback_folder(frozenset("王华"))[0] == folder


def test_format_4_maps_through_its_glyph_array() -> None:
    """A segment whose idRangeOffset points into the glyph array: glyph 0 is no glyph."""
    sub = struct.pack(">7H", 4, 0, 0, 4, 0, 0, 0)  # format 4 with two segments
    sub += struct.pack(">HH", 0x4E01, 0xFFFF) + b"\0\0" + struct.pack(">HH", 0x4E00, 0xFFFF)
    sub += struct.pack(">hh", 0, 1) + struct.pack(">HH", 4, 0) + struct.pack(">HH", 7, 0)
    # (ends; pad; starts; deltas; range offsets, the first 4 bytes on: the glyph array)
    cmap = struct.pack(">HHHHI", 0, 1, 3, 1, 12) + sub
    # 一 (U+4E00) maps to glyph 7, 丁 (U+4E01) to glyph 0: not there.
    assert cmap_has(io.BytesIO(cmap), 0, frozenset("一丁")) == frozenset("一")


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_a_machine_font_draws_what_the_bundled_fonts_lack(han_machine: Path, fmt: str) -> None:
    org = orgroles.loads(ORG)
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphWarning)
        data = render_bytes(org, fmt)
    if fmt == "pdf":
        assert b"OrgrolesTestHan" in data  # embedded: the characters are drawn with it
    else:
        assert data != _bare(org, fmt)  # squares, not the empty boxes


def _bare(org: orgroles.Org, fmt: str) -> bytes:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(machine_fonts, "_machine_fonts", lambda: ())
        fallback_folder.cache_clear()
        with pytest.warns(MissingGlyphWarning):
            data = render_bytes(org, fmt)
    fallback_folder.cache_clear()
    return data


def test_latin_charts_never_look_at_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> tuple[tuple[str, str, int], ...]:
        raise AssertionError("the machine's fonts were listed")

    monkeypatch.setattr(machine_fonts, "_machine_fonts", fail)
    fallback_folder.cache_clear()
    render_bytes(orgroles.loads("roles: [{id: a, title: Zoé Łukasz}]\n"), "png")
    render_bytes(orgroles.loads("roles: [{id: a, title: Ωμέγα Юлия حسن}]\n"), "pdf")


def test_the_machine_fonts_are_listed_without_the_bundled_family() -> None:
    listed = machine_fonts.__dict__["_machine_fonts"]  # the fixture's (): a bare machine
    assert listed() == ()
    assert "DejaVu Sans" in machine_fonts.BUNDLED_FAMILIES
