"""The machine's fonts for the characters that the bundled DejaVu Sans lacks.

PNG and PDF are drawn with the DejaVu Sans fonts inside orgroles, whose widths the layout
measures text with. They have no Chinese, Japanese, Korean, Thai or Devanagari, among
others, and typst embeds none that have them (only Libertinus Serif, New Computer Modern
and DejaVu Sans Mono). So a chart whose text needs such characters is drawn with the
bundled fonts first and, for those characters only, the fonts of the machine that have
them (Noto Sans CJK, Droid Sans Fallback, PingFang, Microsoft YaHei...), found by reading
each font's character map (`cmap`). A chart whose text the bundled fonts cover never
looks at the machine's fonts, and so is the same, byte for byte, on every machine.

`fallback_folder()` gives a folder of links to the fonts chosen (a family's every style,
so bold titles stay bold), to hand to typst beside the bundled fonts, and the characters
that they draw; none (and an empty set) when no font of the machine has any of them.

Examples:
    >>> import io, struct
    >>> cmap = struct.pack(">HHHHI", 0, 1, 3, 10, 12)  # one table: Windows, UCS-4
    >>> cmap += struct.pack(">HHIIIIII", 12, 0, 28, 0, 1, 0x4E00, 0x4E0F, 1)
    >>> sorted(cmap_has(io.BytesIO(cmap), 0, frozenset("一丁Ab")))
    ['一', '丁']
"""

from __future__ import annotations

import atexit
import os
import shutil
import struct
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

__all__ = ["BUNDLED_FAMILIES", "cmap_has", "fallback_folder", "font_chars"]

BUNDLED_FAMILIES = frozenset({"DejaVu Sans"})
"""The families inside orgroles: never taken from the machine, whose copy may differ."""


def cmap_has(font: BinaryIO, table: int, wanted: frozenset[str]) -> frozenset[str]:
    """The characters of `wanted` that the `cmap` table at offset `table` of `font` maps
    to a glyph (its Unicode subtables of format 4 or 12; others are skipped)."""
    font.seek(table)
    _, count = struct.unpack(">HH", font.read(4))
    records = [struct.unpack(">HHI", font.read(8)) for _ in range(count)]
    found: set[str] = set()
    for platform, encoding, offset in records:
        if (platform, encoding) not in ((0, 3), (0, 4), (0, 6), (3, 1), (3, 10)):
            continue
        font.seek(table + offset)
        (fmt,) = struct.unpack(">H", font.read(2))
        if fmt == 12:
            font.read(10)
            (groups,) = struct.unpack(">I", font.read(4))
            spans = [struct.unpack(">III", font.read(12))[:2] for _ in range(groups)]
            found.update(c for c in wanted if any(a <= ord(c) <= b for a, b in spans))
        elif fmt == 4:
            found.update(_format4(font, table + offset, wanted))
    return frozenset(found)


def _format4(font: BinaryIO, start: int, wanted: frozenset[str]) -> set[str]:
    font.seek(start + 6)
    (seg2,) = struct.unpack(">H", font.read(2))
    n = seg2 // 2
    font.seek(start + 14)
    ends = struct.unpack(f">{n}H", font.read(seg2))
    font.read(2)
    starts = struct.unpack(f">{n}H", font.read(seg2))
    deltas = struct.unpack(f">{n}h", font.read(seg2))
    ranges_at = start + 16 + 3 * seg2
    offsets = struct.unpack(f">{n}H", font.read(seg2))
    found = set()
    for char in wanted:
        code = ord(char)
        for k in range(n):
            if starts[k] <= code <= ends[k]:
                glyph = (code + deltas[k]) & 0xFFFF
                if offsets[k]:
                    font.seek(ranges_at + 2 * k + offsets[k] + 2 * (code - starts[k]))
                    (glyph,) = struct.unpack(">H", font.read(2))
                if glyph:
                    found.add(char)
                break
    return found


def font_chars(path: str, index: int, wanted: frozenset[str]) -> frozenset[str]:
    """The characters of `wanted` that the font at `path` (the `index`th of a
    collection) has; none when the file cannot be read as a font."""
    try:
        with open(path, "rb") as font:
            offset = 0
            if font.read(4) == b"ttcf":
                font.seek(12 + 4 * index)
                (offset,) = struct.unpack(">I", font.read(4))
            font.seek(offset + 4)
            (count,) = struct.unpack(">H", font.read(2))
            font.seek(offset + 12)
            for _ in range(count):
                tag, _, at, _ = struct.unpack(">4sIII", font.read(16))
                if tag == b"cmap":
                    return cmap_has(font, at, wanted)
    except (OSError, struct.error, ValueError):
        pass
    return frozenset()


@lru_cache(maxsize=1)
def _machine_fonts() -> tuple[tuple[str, str, int], ...]:
    """(family, path, index) of the machine's fonts, Sans before Serif and Mono."""
    import typst

    fonts = typst.Fonts(include_system_fonts=True, include_embedded_fonts=False, font_paths=[])
    found = {(f.family, f.path, f.index) for f in fonts.fonts() if f.path}
    return tuple(
        sorted(
            (f for f in found if f[0] not in BUNDLED_FAMILIES),
            key=lambda f: ("Sans" not in f[0], "Mono" in f[0], f[0], f[1], f[2]),
        )
    )


@lru_cache(maxsize=64)
def fallback_folder(chars: frozenset[str]) -> tuple[str | None, frozenset[str]]:
    """A folder of links to the machine's fonts that draw `chars` (the fewest families,
    taken in turn), and the characters they draw; `(None, frozenset())` when none does.
    The folder lasts as long as the process."""
    fonts = _machine_fonts()
    left = set(chars)
    chosen: list[str] = []
    for family, path, index in fonts:
        if not left:
            break
        if family in chosen:
            continue
        has = font_chars(path, index, frozenset(left))
        if has:
            chosen.append(family)
            left -= has
    if not chosen:
        return None, frozenset()
    return _linked(tuple(sorted(chosen))), frozenset(chars - left)


@lru_cache(maxsize=16)
def _linked(families: tuple[str, ...]) -> str:
    """A folder of links to every file of `families`: one per set of families, however
    many charts need it (a service drawing many Chinese orgs makes one folder)."""
    folder = Path(tempfile.mkdtemp(prefix="orgroles-fonts-"))
    atexit.register(shutil.rmtree, folder, True)
    paths = sorted({p for f, p, _ in _machine_fonts() if f in families})
    for k, path in enumerate(paths):
        link = folder / f"{k}-{Path(path).name}"
        try:
            os.symlink(path, link)
        except OSError:  # pragma: no cover - Windows without the right to link
            shutil.copyfile(path, link)
    return str(folder)
