"""PNG and PDF from the builtin engine's SVG, through typst (one wheel, no system package).

`typst <https://pypi.org/project/typst/>`_ draws SVG with resvg (PNG) and svg2pdf (PDF,
with real, selectable text). It is given the DejaVu Sans fonts that ship in this
package, and no other (`ignore_system_fonts`): the fonts whose widths
`orgroles.render.style` measures text with, so that text fits its box as planned,
on every machine, with or without fonts installed. Everything is compiled in memory:
the typst markup is fixed text that names the SVG files, and no user text ever goes
into it except through `typst_string()`.

A PNG's pixels are counted before typst draws them: typst (like resvg) ends the whole
process when it cannot get the memory, which no `except` can catch. So a PNG is never
larger than `PIXEL_LIMIT`, and the options' `max_megapixels` (16 by default)
lowers the scale of big charts, with a `LargeChartWarning`.

Examples:
    >>> png_scale(1000, 500, 2.0, 16)
    2.0
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     round(png_scale(20_000, 2_000, 2.0, 16), 3)
    0.632
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    a PNG of this chart (20,000 x 2,000 px) at scale 2 would have 160 million pixels; ...
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from orgroles.errors import RenderError
from orgroles.render.formats import LargeChartWarning

if TYPE_CHECKING:
    import typst

__all__ = [
    "FONT_FILES",
    "PIXEL_LIMIT",
    "PT_PER_PX",
    "font_folder",
    "pdf_document",
    "png_image",
    "png_scale",
]

PT_PER_PX = 0.75
"""Points per CSS pixel (SVG user unit): 72 pt and 96 px make an inch."""

PIXEL_LIMIT = 250_000_000
"""The most pixels a PNG may have, whatever `max_megapixels` says: about 3 GB of
memory while typst draws it."""

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
"""The fonts that PNG and PDF are drawn with, in `static/fonts` of this package."""


@contextmanager
def font_folder() -> Iterator[Path]:
    """The folder of the bundled fonts, as a real path (even from a zipped package)."""
    fonts = resources.files("orgroles.render").joinpath("static").joinpath("fonts")
    with resources.as_file(fonts) as folder:
        yield Path(folder)


@lru_cache(maxsize=8)
def _fonts(extra: str | None = None) -> typst.Fonts:
    """The bundled fonts, and the folder `extra` of the machine's fonts for the
    characters they lack (`orgroles.render.machine_fonts`)."""
    import typst

    with font_folder() as folder:
        missing = [name for name in FONT_FILES if not (folder / name).is_file()]
        if missing:
            raise RenderError(f"the bundled fonts are missing: {', '.join(missing)} in {folder}")
        paths = [str(folder)] if extra is None else [str(folder), extra]
        return typst.Fonts(
            include_system_fonts=False, include_embedded_fonts=False, font_paths=paths
        )


def _compile(main: str, files: dict[str, str], **how: Any) -> bytes | list[bytes]:
    """Compile `main` (typst markup) with the SVG `files` it names, in memory."""
    import typst

    from orgroles.render.glyphs import lacking_chars
    from orgroles.render.machine_fonts import fallback_folder

    lacking = lacking_chars(list(files.values()))
    extra = fallback_folder(lacking)[0] if lacking else None
    sources: dict[str, bytes] = {"main.typ": main.encode("utf-8")}
    sources.update({name: text.encode("utf-8") for name, text in files.items()})
    try:
        # typst takes a mapping of in-memory files, which its stubs do not declare.
        found = typst.compile(
            cast(Any, sources), font_paths=_fonts(extra), ignore_system_fonts=True, **how
        )
    except typst.TypstError as exc:  # pragma: no cover - our own markup and SVG
        raise RenderError(f"typst could not draw the chart: {exc.message}") from None
    return cast("bytes | list[bytes]", found)


def png_scale(width: float, height: float, scale: float, max_megapixels: float) -> float:
    """The scale to draw a `width` by `height` px chart at as PNG: `scale`, or less
    when the image would have more than `max_megapixels` million pixels (or
    `PIXEL_LIMIT`), with a warning that says so and what to do instead."""
    cap = min(max_megapixels * 1e6, PIXEL_LIMIT)
    pixels = width * height * scale * scale
    if pixels <= cap:
        return scale
    lower = math.sqrt(cap / (width * height))
    warnings.warn(
        f"a PNG of this chart ({width:,.0f} x {height:,.0f} px) at scale {scale:g} would have "
        f"{pixels / 1e6:,.0f} million pixels; it is drawn at scale {lower:.2g} "
        f"({width * lower:,.0f} x {height * lower:,.0f} px) to stay within "
        f"{cap / 1e6:,.0f} million (max_megapixels, --max-megapixels). For a sharper "
        "chart, draw a part of it (--root, --depth, --fold), or write PDF (pages) or "
        ".html (the explorer)",
        LargeChartWarning,
        stacklevel=3,
    )
    return lower


def _page(width_pt: float, height_pt: float, image: str) -> str:
    return (
        f"#page(width: {width_pt:.3f}pt, height: {height_pt:.3f}pt, margin: 0pt)"
        f'[#image("{image}", width: 100%, height: 100%)]\n'
    )


def png_image(svg: str, width: float, height: float, scale: float) -> bytes:
    """The PNG of an SVG document of `width` by `height` px, at `scale` (1 draws one
    pixel per px). The caller chooses the scale with `png_scale()`."""
    if width * height * scale * scale > PIXEL_LIMIT * 1.01:
        raise RenderError(f"a PNG of more than {PIXEL_LIMIT:,} pixels cannot be drawn")
    main = _page(width * PT_PER_PX, height * PT_PER_PX, "chart.svg")
    found = _compile(main, {"chart.svg": svg}, format="png", ppi=96.0 * scale)
    return found if isinstance(found, bytes) else found[0]


def pdf_document(pages: Sequence[tuple[str, float, float]], title: str) -> bytes:
    """A PDF of one page per `(svg, width_pt, height_pt)`, each SVG drawn on its whole
    page, with `title` as the document's title. The same input gives the same bytes."""
    from orgroles.render.quoting import typst_string

    # No date: the same chart gives the same bytes (as SVG, DOT and Mermaid do).
    main = [f"#set document(title: {typst_string(title)}, date: none)\n"]
    files = {}
    for k, (svg, width_pt, height_pt) in enumerate(pages):
        name = f"page{k}.svg"
        files[name] = svg
        main.append(_page(width_pt, height_pt, name))
    found = _compile("".join(main), files, format="pdf", pdf_tags=False)
    return found if isinstance(found, bytes) else found[0]
