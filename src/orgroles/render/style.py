"""How charts look, shared by every format: colours, fonts, box sizes and text measurement.

The builtin SVG engine has no font library, so text is measured with a table of the
advance widths of DejaVu Sans (regular and bold), the widest of the fonts named in
`FONT_FAMILY`: text that fits by this measure fits in Arial or Helvetica too. The
table (`orgroles.render.font_widths`, written by `tools/font_metrics.py`) covers Latin,
Greek, Cyrillic, Armenian, Hebrew, Arabic and Georgian; other characters are measured
generously (CJK and emoji at 1.3 em).

Examples:
    >>> round(measure("Developer", "name"))
    62
    >>> wrap("Security & Data Protection Officer", "title", BOX_WIDTH - 2 * PAD_X)
    ('Security & Data', 'Protection Officer')
    >>> family_colors("tech").stroke
    '#2e7d4f'
"""

from __future__ import annotations

import math
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from orgroles.render import font_widths
from orgroles.render.clusters import cluster_cut, cluster_end, zero_width

__all__ = [
    "ALERTS",
    "ASIDE",
    "BOX_MAX_WIDE",
    "BOX_MAX_WIDTH",
    "BOX_MIN_WIDTH",
    "BOX_WIDTH",
    "BOX_WIDTH_WIDE",
    "CLUSTER_LABEL",
    "CLUSTER_PAD",
    "Colors",
    "DOTTED_COLOR",
    "DOT_FONT",
    "EDGE_COLOR",
    "ELLIPSIS",
    "FAMILY_NAMES",
    "FONT_FAMILY",
    "HGAP",
    "PAD_X",
    "PAD_Y",
    "PAIR_GAP",
    "PHOTO",
    "PHOTO_GAP",
    "RADIUS",
    "ROW_GAP",
    "SEVERITY_COLORS",
    "SIDE_GAP",
    "SPINE_CLEAR",
    "SPINE_GAP",
    "SPARE",
    "STYLES",
    "TextStyle",
    "VGAP",
    "WRAP_GAP",
    "family_colors",
    "family_palette",
    "line_height",
    "measure",
    "wrap",
]

FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif"
"""The SVG `font-family`: the measured font first, then narrower fallbacks."""

DOT_FONT = "DejaVu Sans,Arial,Helvetica,sans-serif"
"""The Graphviz `fontname` (Graphviz measures its own text)."""


@dataclass(frozen=True)
class TextStyle:
    """How one kind of line in a box is set: size in px, weight, slant, colour, leading."""

    size: float
    bold: bool = False
    italic: bool = False
    color: str = "#1f2328"
    leading: float = 15.0


STYLES: dict[str, TextStyle] = {
    "title": TextStyle(12, bold=True, leading=15),
    "name": TextStyle(12, color="#30363d", leading=15),
    "vacant": TextStyle(12, italic=True, color="#6e7781", leading=15),
    "mark": TextStyle(10.5, italic=True, color="#57606a", leading=13),
    "alert": TextStyle(10.5, bold=True, color="#b42318", leading=13),  # an error's codes
    "alert-warning": TextStyle(10.5, bold=True, color="#9a4d00", leading=13),
    "alert-info": TextStyle(10.5, bold=True, color="#0550ae", leading=13),
    "more": TextStyle(10.5, color="#57606a", leading=13),
    "resp": TextStyle(10, color="#3d444d", leading=12.5),
    "note": TextStyle(11, color="#57606a", leading=14),
    "headname": TextStyle(12, bold=True, leading=15),
    "subtitle": TextStyle(12, color="#30363d", leading=15),
    "detail": TextStyle(10.5, color="#57606a", leading=13),
    "initials": TextStyle(14, bold=True, color="#ffffff", leading=18),
    "heading": TextStyle(14, bold=True, leading=18),
    "team": TextStyle(11, bold=True, color="#57606a", leading=14),
}
"""The line styles a plan uses, by name."""

ALERTS: dict[str, str] = {"error": "alert", "warning": "alert-warning", "info": "alert-info"}
"""The line style of a box's rule codes, by its worst violation's severity: the colour of
its border, darker, for the text."""

# Box geometry, in px (SVG user units; Graphviz gets the same sizes in inches). The boxes
# of a chart share a width, fitted to their text (see orgroles.render.cards).
BOX_WIDTH = 180.0  # the width of a chart of no box
BOX_MIN_WIDTH = 140.0
BOX_MAX_WIDTH = 240.0
BOX_WIDTH_WIDE = 240.0  # the narrowest, when responsibilities are shown
BOX_MAX_WIDE = 300.0  # the widest, when responsibilities are shown
PHOTO = 40.0  # the photo's (or the initials') circle, across
PHOTO_GAP = 4.0  # between the circle and the text below it
PAD_X = 8.0
PAD_Y = 7.0
RADIUS = 6.0
HGAP = 16.0  # between neighbouring boxes or subtrees
VGAP = 36.0  # between a manager and its reports
ROW_GAP = 10.0  # between the rows of stacked leaves
SPINE_GAP = 28.0  # between the two columns that share a spine
PAIR_GAP = 24.0  # between two pairs of columns
SIDE_GAP = 24.0  # between a manager and the assistant beside it
ASIDE = 24.0  # more room beside a column of assistants: nearer its manager than a neighbour
SPINE_CLEAR = 16.0  # between a spine and the reports either side of it (compact layout)
WRAP_GAP = 48.0  # between the rows of reports wrapped under a spine (compact layout)
CLUSTER_PAD = 10.0
CLUSTER_LABEL = 18.0  # room above a team frame's first box for its name

EDGE_COLOR = "#8c959f"
DOTTED_COLOR = "#8250df"  # dotted (matrix) reporting lines


@dataclass(frozen=True)
class Colors:
    """A box's fill and border colours."""

    fill: str
    stroke: str


_FAMILIES: dict[str, Colors] = {
    "executive": Colors("#dde7f7", "#2f4b7c"),
    "tech": Colors("#dcf1e2", "#2e7d4f"),
    "product": Colors("#fbe9d5", "#b5651d"),
    "sales": Colors("#ece2f7", "#6f42c1"),
    "marketing": Colors("#f9dfe9", "#b83268"),
    "finance": Colors("#d8f0f2", "#1b7c83"),
    "people": Colors("#fbf3d0", "#8a6d00"),
    "legal": Colors("#e2f1c7", "#577a26"),
    "operations": Colors("#ffdad1", "#a14837"),
    "support": Colors("#bcedff", "#006b8f"),
}
"""The colours of the families every catalogue may rely on, one of its own each: no two
fills closer than 7 units of CIELAB colour difference (ΔE*ab), nor any fill and the grey of
boxes in no group (`tests/render/test_colors.py` measures them)."""
FAMILY_NAMES: tuple[str, ...] = tuple(_FAMILIES)
"""The families with colours of their own, in the order of the palette of groups."""
_OTHER = Colors("#eef0f2", "#6e7781")
SPARE: tuple[Colors, ...] = (Colors("#d2d8de", "#4f6071"), Colors("#dcd0c5", "#6c553e"))
"""Two colours no family has (slate and stone): with the families', the palette of groups."""
# Families that no palette entry names, when nothing says which colours are free, get one
# of these by a stable hash of the name.
_EXTRA = (*SPARE, *(_FAMILIES[f] for f in ("legal", "operations", "support", "finance")))

SEVERITY_COLORS: dict[str, str] = {"error": "#d1242f", "warning": "#d4730b", "info": "#0969da"}
"""The border colour of a box with violations, by the most serious one."""


def family_colors(family: str | None) -> Colors:
    """Return the colours of a family; unknown families get a stable colour of their own.

    Examples:
        >>> family_colors("executive")
        Colors(fill='#dde7f7', stroke='#2f4b7c')
        >>> family_colors(None) == family_colors("")
        True
        >>> family_colors("legal") == family_colors("legal")
        True
    """
    if not family:
        return _OTHER
    found = _FAMILIES.get(family)
    if found is not None:
        return found
    return _EXTRA[zlib.crc32(family.encode("utf-8", "replace")) % len(_EXTRA)]


def family_palette(families: Iterable[str]) -> dict[str, Colors]:
    """The colours of `families` (those of a whole org, the largest first): each family
    of the palette has its own, and the others take, in order, the colours that no family
    in `families` has (those of the absent families, then `SPARE`), and then a stable
    colour of their own as `family_colors()` gives it.

    A chart of one branch, or a slide of a deck, that is given the whole org's families
    colours a family as the chart of the whole org does.

    Examples:
        >>> colors = family_palette(["nursing", "executive", "estates"])
        >>> colors["executive"] == family_colors("executive")
        True
        >>> colors["nursing"] == family_colors("tech")  # the first colour no family has
        True
        >>> colors["estates"] == family_colors("product")
        True
    """
    names = list(dict.fromkeys(families))
    free = [c for f, c in _FAMILIES.items() if f not in names]
    free.extend(SPARE)
    found: dict[str, Colors] = {}
    for name in names:
        own = _FAMILIES.get(name)
        if own is None:
            own = free.pop(0) if free else family_colors(name)
        found[name] = own
    return found


# -- text measurement ------------------------------------------------------------------

ELLIPSIS = "…"


class _Metrics:
    """One font's widths: a byte table for Latin-1 text (fast) and a dict for the rest."""

    def __init__(self, widths: str) -> None:
        values = widths.split(",")
        self.table = {c: int(v) for c, v in zip(font_widths.CHARS, values, strict=True) if v}
        latin = bytearray(256)
        for ch, w in self.table.items():
            if ord(ch) < 256:
                latin[ord(ch)] = w
        self.latin = bytes(latin)

    def width(self, text: str) -> int:
        """The width of `text` in 1/100 em."""
        try:
            return sum(text.encode("latin-1").translate(self.latin))
        except UnicodeEncodeError:
            get = self.table.get
            return sum(w if (w := get(c)) is not None else _fallback(c) for c in text)


@lru_cache(maxsize=4096)
def _fallback(char: str) -> int:
    """A generous width for characters the bundled fonts do not have: an em for CJK and
    emoji, and for the letters of Thai, Devanagari...; none for the marks drawn on them
    (`font_widths` has the others: Latin, Greek, Cyrillic, Hebrew, Arabic, ...)."""
    if unicodedata.combining(char) or zero_width(char):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 100  # a CJK font's ideographs and kana are one em wide

    return 100


_METRICS = {False: _Metrics(font_widths.REGULAR), True: _Metrics(font_widths.BOLD)}


def measure(text: str, style: str) -> float:
    """Return the width in px of one line of `text` set in the named style.

    Examples:
        >>> measure("", "title")
        0.0
        >>> measure("WWW", "title") > measure("iii", "title")
        True
        >>> measure("漢字", "name") >= 2 * 12
        True
    """
    s = STYLES[style]
    return _METRICS[s.bold].width(text) * s.size / 100


def line_height(style: str) -> float:
    """Return the leading (line height) of a style in px."""
    return STYLES[style].leading


@lru_cache(maxsize=65536)
def wrap(text: str, style: str, width: float, max_lines: int = 2) -> tuple[str, ...]:
    """Break `text` into at most `max_lines` lines no wider than `width` px.

    Lines break between words, and inside a word only when the word alone is too wide:
    after its last hyphen that fits, or else where the line is full, with a hyphen
    added between two letters of a script that writes one (not Chinese, Japanese...).
    When the text does not fit, the last line ends with an ellipsis. Empty text gives
    no line.

    Examples:
        >>> wrap("Chief Technical Officer", "title", 164)
        ('Chief Technical Officer',)
        >>> wrap("Chief Technical Officer", "title", 120)
        ('Chief Technical', 'Officer')
        >>> wrap("Supercalifragilisticexpialidocious", "name", 100)
        ('Supercalifragili-', 'sticexpialidoci…')
        >>> wrap("Rechnungslegungsvorschriftenumsetzungsreferentin", "name", 180)
        ('Rechnungslegungsvorschrift-', 'enumsetzungsreferentin')
        >>> wrap("Wolfeschlegelsteinhausen-Bergerdorff", "name", 180)
        ('Wolfeschlegelsteinhausen-', 'Bergerdorff')
        >>> wrap("one two three four five six seven", "name", 60, max_lines=2)
        ('one two', 'three fo…')
        >>> wrap("", "name", 100)
        ()
    """
    if not text:
        return ()
    metrics = _METRICS[STYLES[style].bold]
    limit = math.floor(width * 100 / STYLES[style].size)  # in 1/100 em
    # A line holds at most `limit` characters (each is at least 1/100 em wide), so what
    # lies past this many can never show: a million-character title costs what a short
    # one does. (Zero-width characters, such as combining accents, may be cut sooner.)
    text = text[: (max_lines + 1) * (limit + 1)]
    if metrics.width(text) <= limit:
        return (text,)
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if metrics.width(candidate) <= limit:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        while len(lines) <= max_lines and metrics.width(word) > limit:  # too wide: break it
            room = limit
            cut = _fit(word, metrics, room)
            tiny = metrics.width(word[cut:]) * 4 < limit
            if tiny and len(lines) + 2 <= max_lines:  # no line of a lone "ア" or "f":
                room = (metrics.width(word) + 1) // 2
                cut = _fit(word, metrics, room)  # halve the word
            hyphen = word.rfind("-", 1, cut)  # after a hyphen, if one fits: "Wolff-" "Berg"
            if hyphen > 0:
                cut, dash = hyphen + 1, ""
            else:
                # A word of a script that hyphenates, cut between two letters, says so
                # with a hyphen ("Informationssicherheits-" "beauftragter").
                cut, dash = _hyphenated(word, metrics, room, cut)
            lines.append(word[:cut] + dash)
            word = word[cut:]
        current = word
        if len(lines) > max_lines:
            break
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return tuple(lines)
    last = " ".join(lines[max_lines - 1 :])
    return (*lines[: max_lines - 1], _ellipsize(last, metrics, limit))


def _hyphenated(word: str, metrics: _Metrics, room: int, cut: int) -> tuple[int, str]:
    """Where to cut a word too wide for `room` (`cut` fits it), and the hyphen that ends
    its first piece: one when the cut falls between two letters of a script that
    hyphenates, with room kept for it; none otherwise."""
    if not _hyphenates(word):
        return cut, ""
    short = _fit(word, metrics, room - metrics.width("-"))
    if 0 < short < len(word) and word[short - 1].isalpha() and word[short].isalpha():
        return short, "-"
    return cut, ""


def _hyphenates(word: str) -> bool:
    """Whether a word cut between two of its letters takes a hyphen: a word of cased
    letters (Latin, Greek, Cyrillic...), not of scripts written without one (Chinese,
    Japanese, Thai, Arabic...), whose letters are of no case.

    Examples:
        >>> _hyphenates("Datenschutzbeauftragter"), _hyphenates("情報セキュリティ")
        (True, False)
    """
    return any(unicodedata.category(c) in ("Lu", "Ll") for c in word) and not any(
        unicodedata.category(c) == "Lo" for c in word
    )


def _fit(text: str, metrics: _Metrics, limit: int) -> int:
    """The longest prefix length of `text` that fits in `limit` (at least one)."""
    total = 0
    for i, c in enumerate(text):
        total += metrics.width(c)
        if total > limit:
            # At the start of the cluster it is in; a cluster too wide alone goes whole.
            cut = cluster_cut(text, i)
            return cut or cluster_end(text)
    return len(text)


def _ellipsize(text: str, metrics: _Metrics, limit: int) -> str:
    """`text` cut short with an ellipsis so that the whole fits in `limit`."""
    room = limit - metrics.width(ELLIPSIS)
    cut = _fit(text, metrics, room) if room > 0 else 0
    return text[:cut].rstrip() + ELLIPSIS
