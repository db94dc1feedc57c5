"""Print the font tables that orgroles embeds (a developer tool): the advance widths of
``orgroles.render.style`` and the character coverage of ``orgroles.render.glyphs``.

The builtin SVG engine has no font library, so it measures text with the advance widths
of DejaVu Sans and DejaVu Sans Bold, in hundredths of an em, rounded up so that text
measured this way is never narrower than drawn. Italic text is measured with the regular
table, so that table takes the wider of DejaVu Sans and DejaVu Sans Oblique for each
character (they differ on nine). It reads the fonts that orgroles bundles for PNG and
PDF (``src/orgroles/render/static/fonts``), or those of a folder given, and writes the
module of the widths::

    python tools/font_metrics.py > src/orgroles/render/font_widths.py

With ``--coverage``, it prints the characters the bundled fonts have a glyph for, as
ranges of code points (their union: a character missing from the bold font is drawn
from the regular one), for ``orgroles/render/glyphs.py``::

    python tools/font_metrics.py --coverage
"""

from __future__ import annotations

import math
import struct
import sys
from pathlib import Path

# The blocks of the alphabets that the bundled fonts draw (Latin, Greek, Cyrillic,
# Armenian, Hebrew, Arabic, Georgian) and the few symbols the charts use: the characters
# that the fonts have are measured, the others left to the layout's fallback width.
RANGES = (
    (0x20, 0x7E),  # printable ASCII
    (0xA0, 0x24F),  # Latin-1, Latin Extended-A and B
    (0x2B0, 0x36F),  # spacing modifier letters (the okina), combining marks
    (0x370, 0x52F),  # Greek, Cyrillic and its supplement
    (0x530, 0x58F),  # Armenian
    (0x590, 0x6FF),  # Hebrew, Arabic
    (0x10A0, 0x10FF),  # Georgian
    (0x1E00, 0x1FFF),  # Latin Extended Additional (Vietnamese), Greek Extended
)
CHARS = [chr(c) for first, last in RANGES for c in range(first, last + 1)]
CHARS += list("–—‘’“”…•·⚠▸€")  # noqa: RUF001


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    count = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        out[tag] = (offset, length)
    return out


def advance_widths(path: Path) -> tuple[int, dict[str, int]]:
    """Return (units per em, {char: advance width in font units}) from a TrueType file."""
    data = path.read_bytes()
    t = _tables(data)
    units = struct.unpack(">H", data[t[b"head"][0] + 18 : t[b"head"][0] + 20])[0]
    metrics = struct.unpack(">H", data[t[b"hhea"][0] + 34 : t[b"hhea"][0] + 36])[0]
    hmtx = t[b"hmtx"][0]
    cmap = t[b"cmap"][0]
    glyph_of: dict[int, int] = {}
    for i in range(struct.unpack(">H", data[cmap + 2 : cmap + 4])[0]):
        pid, eid, off = struct.unpack(">HHI", data[cmap + 4 + 8 * i : cmap + 12 + 8 * i])
        sub = cmap + off
        if pid == 3 and eid == 1 and struct.unpack(">H", data[sub : sub + 2])[0] == 4:
            segs = struct.unpack(">H", data[sub + 6 : sub + 8])[0] // 2
            # endCode[], a reserved pad, startCode[], idDelta[], idRangeOffset[]
            base = [sub + 14, sub + 16 + 2 * segs, sub + 16 + 4 * segs, sub + 16 + 6 * segs]
            ends, starts, deltas, ranges = (
                struct.unpack(f">{segs}H", data[b : b + 2 * segs]) for b in base
            )
            for s in range(segs):
                for c in range(starts[s], ends[s] + 1):
                    if c == 0xFFFF:
                        continue
                    if ranges[s] == 0:
                        g = (c + deltas[s]) & 0xFFFF
                    else:
                        at = base[3] + 2 * s + ranges[s] + 2 * (c - starts[s])
                        g = struct.unpack(">H", data[at : at + 2])[0]
                        g = (g + deltas[s]) & 0xFFFF if g else 0
                    glyph_of[c] = g
    widths = {}
    for ch in CHARS:
        g = glyph_of.get(ord(ch), 0)
        if g == 0:
            continue  # no glyph: drawn from another font
        at = hmtx + 4 * min(g, metrics - 1)
        widths[ch] = struct.unpack(">H", data[at : at + 2])[0]
    return units, widths


def covered_ranges(path: Path) -> list[tuple[int, int]]:
    """The code points a TrueType file maps to a glyph, as sorted `(first, last)` ranges,
    from its full-Unicode character map (cmap format 12)."""
    data = path.read_bytes()
    cmap = _tables(data)[b"cmap"][0]
    for i in range(struct.unpack(">H", data[cmap + 2 : cmap + 4])[0]):
        pid, eid, off = struct.unpack(">HHI", data[cmap + 4 + 8 * i : cmap + 12 + 8 * i])
        sub = cmap + off
        if (pid, eid) == (3, 10) and struct.unpack(">H", data[sub : sub + 2])[0] == 12:
            groups = struct.unpack(">I", data[sub + 12 : sub + 16])[0]
            found = []
            for g in range(groups):
                at = sub + 16 + 12 * g
                first, last, glyph = struct.unpack(">III", data[at : at + 12])
                if glyph == 0:  # the first code point maps to .notdef
                    first += 1
                if first <= last:
                    found.append((first, last))
            return found
    raise ValueError(f"{path}: no full-Unicode character map (cmap format 12)")


def coverage(folder: Path) -> list[tuple[int, int]]:
    """The union of the ranges of the bundled fonts, merged where they touch."""
    ranges = sorted(r for name in FONTS for r in covered_ranges(folder / name))
    merged: list[tuple[int, int]] = []
    for first, last in ranges:
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
BUNDLED = Path(__file__).resolve().parents[1] / "src" / "orgroles" / "render" / "static" / "fonts"


def widths_module(folder: Path) -> str:
    """The source of `orgroles/render/font_widths.py`: the characters measured, and their
    widths in each table (in 1/100 em, rounded up; empty where the fonts have no glyph).
    Regular and italic text share a table, the wider of the two fonts for each character;
    a character that the bold font lacks is drawn from the regular one, and measured so."""
    units, regular = advance_widths(folder / "DejaVuSans.ttf")
    _, oblique = advance_widths(folder / "DejaVuSans-Oblique.ttf")
    _, bold = advance_widths(folder / "DejaVuSans-Bold.ttf")
    plain = {c: max(regular.get(c, 0), oblique.get(c, 0)) for c in CHARS if c in regular}
    heavy = {c: bold.get(c, plain.get(c)) for c in CHARS}

    def row(widths: dict[str, int | None]) -> str:
        found = [widths[c] for c in CHARS]  # in order, repeats too (the middle dot)
        cells = [str(math.ceil(w * 100 / units)) if w is not None else "" for w in found]
        text = ",".join(cells)
        lines = [text[i : i + 88] for i in range(0, len(text), 88)]
        return "\n".join(f'    "{line}"' for line in lines)

    ranges = "".join(f"    (0x{a:X}, 0x{b:X}),\n" for a, b in RANGES)
    return f'''"""The advance widths of the bundled fonts (DejaVu Sans, Oblique and Bold), which the
layout measures text with: written by `python tools/font_metrics.py`; do not edit.
Its RANGES: printable ASCII; Latin-1 and Latin Extended-A and B; spacing modifier letters
and combining marks; Greek, Cyrillic; Armenian; Hebrew, Arabic; Georgian; Latin Extended
Additional (Vietnamese) and Greek Extended.

`CHARS` holds the characters of the blocks of `RANGES` (first and last code points) and a
few symbols, in order; `REGULAR` (the wider of DejaVu Sans and DejaVu Sans Oblique) and
`BOLD` their widths in 1/100 em, rounded up, comma-separated, empty for a character the
fonts do not have.
"""

__all__ = ["BOLD", "CHARS", "RANGES", "REGULAR", "SYMBOLS"]

RANGES = (
{ranges})
SYMBOLS = "{"".join(CHARS[-12:])}"  # noqa: RUF001
CHARS = "".join(chr(c) for first, last in RANGES for c in range(first, last + 1)) + SYMBOLS
REGULAR = (
{row({c: plain.get(c) for c in CHARS})}
)
BOLD = (
{row(heavy)}
)
'''


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--coverage"]
    folder = Path(args[0]) if args else BUNDLED
    if "--coverage" in sys.argv[1:]:
        ranges = coverage(folder)
        print(f"# {', '.join(FONTS)}: {len(ranges)} ranges")
        print(",\n".join(f"0x{a:X}, 0x{b:X}" for a, b in ranges))
        return
    print(widths_module(folder), end="")


if __name__ == "__main__":
    main()
