"""PNG and PDF by the builtin engine, through typst and the bundled fonts: sizes, scale,
the pixel cap, pages of paper, tiles with their titles and numbers, fonts and text."""

from __future__ import annotations

import itertools
import re
import warnings
from pathlib import Path

import pytest

import orgroles
from orgroles import Org, Role
from orgroles.errors import RenderError
from orgroles.render import ChartOptions, make_plan, render_bytes
from orgroles.render.arrange import arrange
from orgroles.render.formats import LargeChartWarning
from orgroles.render.glyphs import MissingGlyphWarning
from orgroles.render.pages import PAPERS, READABLE, sheets
from orgroles.render.raster import FONT_FILES, PIXEL_LIMIT, font_folder, png_scale

from tests.charts import BIDI, GITLAB_VP, HUGE, gitlab, hostile_org_with_tricks, wide_team
from tests.documents import pdf_fonts, pdf_pages, pdf_text, png_size
from tests.helpers import TINY, Cli, tool


def chart_size(org: Org, **options: object) -> tuple[int, int]:
    chosen = ChartOptions.of(**options)  # type: ignore[arg-type]
    _, chart = arrange(make_plan(org, chosen), chosen.layout, chosen.max_aspect)
    return chart.width, chart.height


def test_png_is_twice_the_chart_by_default_and_scale_sets_it(tiny: Org) -> None:
    w, h = chart_size(tiny)
    assert png_size(render_bytes(tiny, "png")) == (2 * w, 2 * h)
    assert png_size(render_bytes(tiny, "png", scale=1)) == (w, h)
    assert png_size(render_bytes(tiny, "png", scale=3.5)) == (round(3.5 * w), round(3.5 * h))


def test_a_png_over_the_pixel_cap_is_drawn_smaller_with_a_warning(scaleup: Org) -> None:
    w, h = chart_size(scaleup)
    with pytest.warns(LargeChartWarning, match=r"drawn at scale 0\.\d+ .*--root"):
        data = render_bytes(scaleup, "png", max_megapixels=0.5)
    pw, ph = png_size(data)
    assert pw * ph <= 0.5e6 * 1.01
    assert abs(pw / ph - w / h) < 0.02


def test_no_png_passes_the_hard_limit_whatever_max_megapixels_says() -> None:
    with pytest.warns(LargeChartWarning):
        scale = png_scale(200_000, 20_000, 2.0, max_megapixels=10_000)
    assert 200_000 * 20_000 * scale**2 <= PIXEL_LIMIT * 1.000001
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert png_scale(1000, 500, 2.0, 16) == 2.0


def test_bad_scales_are_errors(tiny: Org) -> None:
    for bad in (0, -1, float("nan"), "2", True):
        with pytest.raises(RenderError, match="scale must be a number above 0"):
            render_bytes(tiny, "png", scale=bad)
    with pytest.raises(RenderError, match=r"scale must be at least 0\.1 .* not 0\.001"):
        render_bytes(tiny, "png", scale=0.001)  # it drew a 1 x 1 image
    assert render_bytes(tiny, "png", scale=0.1).startswith(b"\x89PNG")
    with pytest.raises(RenderError, match="unknown page 'a5'"):
        render_bytes(tiny, "pdf", page="a5")
    with pytest.raises(RenderError, match="unknown orientation 'sideways'"):
        render_bytes(tiny, "pdf", orientation="sideways")


def test_the_command_refuses_a_scale_too_low_to_read(run: Cli, tmp_path: Path) -> None:
    done = run("render", TINY, "-o", tmp_path / "chart.png", "--scale", "0.001")
    assert done.exit_code == 2
    assert "0.001 is not in the range x>=0.1" in done.stderr
    assert not (tmp_path / "chart.png").exists()


def test_pdf_fit_is_one_page_the_chart_size(tiny: Org) -> None:
    w, h = chart_size(tiny)
    data = render_bytes(tiny, "pdf")
    assert data.startswith(b"%PDF-")
    assert pdf_pages(data) == [(w * 0.75, h * 0.75)]


def test_pdf_uses_only_the_bundled_fonts(scaleup: Org) -> None:
    assert pdf_fonts(render_bytes(scaleup, "pdf")) == {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
    }


def test_png_and_pdf_are_the_same_bytes_every_time(scaleup: Org) -> None:
    for fmt in ("png", "pdf"):
        assert render_bytes(scaleup, fmt) == render_bytes(scaleup, fmt)


@pytest.mark.parametrize("paper", ["a4", "letter", "a3"])
def test_a_small_chart_goes_on_one_sheet_turned_to_show_it_best(tiny: Org, paper: str) -> None:
    w, h = PAPERS[paper]
    assert pdf_pages(render_bytes(tiny, "pdf", page=paper)) == [(h, w)]  # wider than tall
    assert pdf_pages(render_bytes(tiny, "pdf", page=paper, orientation="portrait")) == [(w, h)]


def test_a_chart_too_big_for_a_sheet_is_tiled_and_each_tile_says_what_it_shows() -> None:
    org = gitlab()
    plan, chart = arrange(make_plan(org, root=GITLAB_VP))
    pages = sheets(plan, chart, "a4", "auto")
    assert len(pages) > 3
    assert [p.number for p in pages] == list(range(1, len(pages) + 1))
    fewest = min(
        (sheets(plan, chart, "a4", way) for way in ("landscape", "portrait")), key=len
    )  # auto turns the paper the way that takes fewer pages
    assert len(pages) == len(fewest)
    assert {(p.width, p.height) for p in pages} == {(fewest[0].width, fewest[0].height)}
    # Tiles cover the chart: every box meets a tile, and the tiles do not overlap.
    rects = [(chart.x[b.id], chart.y[b.id], plan.box_width, b.height) for b in plan.boxes]
    for x, y, w, h in rects:
        assert any(
            x < p.region[2] and x + w > p.region[0] and y < p.region[3] and y + h > p.region[1]
            for p in pages
        )
    # Each tile is titled with the teams it shows: a box on it that leads a team on it and
    # whose manager is elsewhere, or the manager elsewhere of a box on it (the VP on one).
    from orgroles.render.pages import box_label

    for p in pages:
        shown = {
            b.id
            for b, (x, y, w, h) in zip(plan.boxes, rects, strict=True)
            if x < p.region[2] and x + w > p.region[0] and y < p.region[3] and y + h > p.region[1]
        }
        leads = {plan.boxes[k].parent for k in shown}
        heads = {
            box_label(plan.boxes[k if k in leads else plan.boxes[k].parent])
            for k in shown
            if plan.boxes[k].parent not in shown and (k in leads or plan.boxes[k].parent >= 0)
        }
        named = re.sub(r" and \d+ more$", "", p.title)
        assert set(named.split(" \u00b7 ")) <= heads, p.title
    assert any(p.title.startswith("VP of Development") for p in pages)
    data = render_bytes(org, "pdf", root=GITLAB_VP, page="a4")
    assert len(pdf_pages(data)) == len(pages)


@pytest.mark.office
def test_tile_pages_are_titled_and_numbered_in_the_pdf_text() -> None:
    org = gitlab()
    texts = pdf_text(render_bytes(org, "pdf", root=GITLAB_VP, page="a4"))
    assert len(texts) > 3
    assert any(text.lstrip().startswith("VP of Development") for text in texts)
    for k, text in enumerate(texts, start=1):
        assert f"page {k} of {len(texts)}" in text
        assert "GitLab" in text or "team" in text  # the org's name, top right


def test_tiles_are_cut_between_boxes_and_every_box_is_whole_on_a_page() -> None:
    for org, layout in ((wide_team(200), "tree"), (gitlab(), "compact")):
        plan, chart = arrange(make_plan(org), layout)
        pages = sheets(plan, chart, "a4", "portrait")
        assert len(pages) > 1
        for b in plan.boxes:
            x, y, w, h = chart.x[b.id], chart.y[b.id], plan.box_width, b.height
            assert any(
                p.region[0] <= x
                and x + w <= p.region[2]
                and p.region[1] <= y
                and y + h <= p.region[3]
                for p in pages
            ), b.role
        # Where a gap between boxes is near a page's edge, the cut is there: no box is cut.
        columns = sorted({(p.region[0], p.region[2]) for p in pages})
        if layout == "tree":
            assert all(a == b for (_, b), (a, _) in itertools.pairwise(columns))


def test_no_tile_shows_a_piece_of_a_box_that_an_earlier_page_shows_whole() -> None:
    """A tile starts at the first box that the cut before it goes through; the boxes of
    the page before that reach past it were drawn there whole, and the tile leaves them
    out (it drew a sliver of each, cut at its left or top edge). Every box is still drawn
    whole on some page."""
    from orgroles.render.pages import page_svgs

    from tests.geometry import drawn_geometry

    for org, layout, options in (
        (wide_team(200), "tree", {}),
        (gitlab(), "compact", {"root": GITLAB_VP}),
    ):
        plan, chart = arrange(make_plan(org, **options), layout)  # type: ignore[arg-type]
        pages = sheets(plan, chart, "a4", "landscape")
        assert len(pages) > 2
        whole: set[str] = set()
        for page, (svg, _, _) in zip(pages, page_svgs(plan, chart, pages), strict=True):
            x0, y0, x1, y1 = page.region
            rects, _ = drawn_geometry(svg)
            assert rects
            for node, (x, y, w, h) in rects.items():
                assert x >= x0, (page.number, node)  # not cut by the left edge
                assert y >= y0, (page.number, node)  # nor by the top one
                if x + w <= x1 and y + h <= y1:
                    whole.add(node)
        assert whole == {b.node for b in plan.boxes}


def test_one_sheet_when_the_text_stays_readable(scaleup: Org) -> None:
    plan, chart = arrange(make_plan(scaleup))
    [page] = sheets(plan, chart, "a3", "auto")
    assert page.scale >= READABLE
    assert (page.width, page.height) == PAPERS["a3"][::-1]


def test_fit_pages_stay_within_what_pdf_viewers_show() -> None:
    org = Org(name="Loners", roles=[Role(id=f"r{i}", title="Founder") for i in range(200)])
    plan, chart = arrange(make_plan(org), "tree")  # 200 tops side by side
    [page] = sheets(plan, chart, "fit")
    assert max(page.width, page.height) <= 14_400.0
    assert chart.width * 0.75 > 14_400.0


def test_the_bundled_fonts_are_those_the_layout_measures() -> None:
    font_metrics = tool("font_metrics")
    from orgroles.render import style

    with font_folder() as folder:
        assert sorted(p.name for p in folder.glob("*.ttf")) == sorted(FONT_FILES)
        units, regular = font_metrics.advance_widths(folder / "DejaVuSans.ttf")
        _, oblique = font_metrics.advance_widths(folder / "DejaVuSans-Oblique.ttf")
        _, bold = font_metrics.advance_widths(folder / "DejaVuSans-Bold.ttf")
        # Regular and italic text are measured with one table: the wider of the two fonts.
        # A character the bold font lacks is drawn, and measured, from the regular one.
        plain = {c: max(w, oblique.get(c, 0)) for c, w in regular.items()}
        tables = {"name": plain, "title": {**plain, **bold}}
        for line_style, widths in tables.items():
            for char, width in widths.items():
                measured = style.measure(char, line_style) / 12 * 100  # in 1/100 em
                exact = width * 100 / units
                assert exact <= measured < exact + 1, (line_style, char)
        assert (
            (folder / "LICENSE").read_text(encoding="utf-8").startswith("Fonts are (c) Bitstream")
        )


def test_pdf_title_is_the_org_name_as_plain_text(tiny: Org) -> None:
    tiny.name = 'Acme "R&D" \\ #set text(red)'
    data = render_bytes(tiny, "pdf")
    assert b"#set text(red)" in data or "Acme".encode("utf-16-be") in data


def test_render_writes_png_and_pdf_files(scaleup: Org, tmp_path: Path) -> None:
    for name, magic in (("c.png", b"\x89PNG"), ("c.pdf", b"%PDF")):
        assert orgroles.render(scaleup, tmp_path / name).read_bytes().startswith(magic)


def test_typst_gets_user_text_only_as_a_string_and_inside_svg(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What typst compiles: fixed markup whose only user text is the document's title, as
    a string literal (quotes and backslashes escaped, overrides and line breaks dropped),
    and SVG files in which user text is only in text nodes and attributes."""
    import re
    import xml.etree.ElementTree as ET

    from orgroles.render import raster
    from orgroles.render.quoting import clean

    org = hostile_org_with_tricks()
    org.name = '\u202eAcme\u202c "R&D" \\ #set text(red)\n#import "x.typ"'
    compiled: list[tuple[str, dict[str, str]]] = []
    real = raster._compile

    def spy(main: str, files: dict[str, str], **how: object) -> bytes | list[bytes]:
        compiled.append((main, files))
        return real(main, files, **how)

    monkeypatch.setattr(raster, "_compile", spy)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("ignore", LargeChartWarning)
        warnings.simplefilter("always", MissingGlyphWarning)
        for fmt, options in (("pdf", {}), ("pdf", {"page": "a4"}), ("png", {"scale": 0.5})):
            render_bytes(org, fmt, **options)
    assert len(compiled) == 3
    # The emoji is text like any other: drawn as an empty box, and named in a warning.
    assert [str(w.message).count("'emoji 🚀 ok' (🚀)") for w in caught] == [1, 1, 1]
    page = re.compile(
        r"#page\(width: [\d.]+pt, height: [\d.]+pt, margin: 0pt\)"
        r'\[#image\("(page\d+|chart)\.svg", width: 100%, height: 100%\)\]'
    )
    for main, files in compiled:
        lines = main.splitlines()
        if lines[0].startswith("#set document"):
            head = re.fullmatch(
                r'#set document\(title: "((?:[^"\\]|\\.)*)", date: none\)', lines[0]
            )
            assert head is not None, lines[0]
            title = re.sub(r"\\(.)", r"\1", head[1])
            assert title == clean(org.name) == 'Acme "R&D" \\ #set text(red) #import "x.typ"'
            lines = lines[1:]
        assert lines
        assert all(page.fullmatch(line) for line in lines), lines
        for svg in files.values():
            root = ET.fromstring(svg)  # well-formed: no text broke out of its element
            tags = {e.tag.split("}")[-1] for e in root.iter()}
            assert not tags & {"script", "foreignObject", "iframe", "use"}, tags
            assert not [a for e in root.iter() for a in e.attrib if a.startswith("on")]
            assert not [c for c in svg if c in BIDI]
            drawn = ["".join(e.itertext()) for e in root.iter() if e.tag.endswith("}text")]
            assert max(len(line) for line in drawn) < 200  # (tooltips keep whole titles)


@pytest.mark.office
def test_hostile_text_is_plain_text_in_pdf() -> None:
    """pdftotext reads each box's text as written: markup, DOT and Mermaid syntax, quotes;
    no bidirectional override; a 1 MB title cut on its box."""
    org = hostile_org_with_tricks()
    with pytest.warns(MissingGlyphWarning, match="'emoji 🚀 ok'"):
        data = render_bytes(org, "pdf")
    assert len(data) < 500_000
    [text] = pdf_text(data)
    plan = make_plan(org)
    for box in plan.boxes:
        for line in box.lines:
            if "🚀" not in line.text:  # not in DejaVu Sans: no glyph, so no text
                assert line.text in text, line.text
    for shown in ("<script>alert(1)</script>", '"; rankdir=LR', "]]>", "-->", "<b>bold</b>"):
        assert shown in text
    assert "Admin gnp.exe isolated" in text
    assert not [c for c in text if c in BIDI]
    assert HUGE[:1000] not in text
    assert "long title long title" in text
