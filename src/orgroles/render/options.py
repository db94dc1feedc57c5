"""The chart options, in one place: what a chart shows and how it is drawn.

Every render function takes the same `ChartOptions`, and the command line builds
its choices from the constants here, so that an option is declared once.

Examples:
    >>> options = ChartOptions.of(root="cto", depth=1)
    >>> options.root, options.depth, options.layout
    ('cto', 1, 'compact')
    >>> ChartOptions.of(dpeth=1)
    Traceback (most recent call last):
    ...
    orgroles.errors.RenderError: unknown chart option 'dpeth' (did you mean 'depth'?)
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from orgroles._internal.suggest import suggestion_suffix
from orgroles.errors import RenderError

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.changes import Changes
    from orgroles.rules.report import Report

__all__ = [
    "ENGINES",
    "LANGS",
    "LAYOUTS",
    "MAX_ASPECT",
    "COLOR_BY",
    "DIRECTIONS",
    "MAX_MEGAPIXELS",
    "MIN_SCALE",
    "ORIENTATIONS",
    "PAGES",
    "SCALE",
    "SHOW",
    "THEMES",
    "ChartOptionWarning",
    "ChartOptions",
    "Engine",
    "LayoutName",
    "Orientation",
    "PageName",
    "explorer_ignores",
]

Engine = Literal["builtin", "dot", "auto"]
ENGINES: tuple[Engine, ...] = ("builtin", "dot", "auto")
"""The layout engines: `builtin` (the default) is ours, `dot` is Graphviz's, and
`auto` is the builtin engine's old name."""

LayoutName = Literal["compact", "tree"]
LAYOUTS: tuple[LayoutName, ...] = ("compact", "tree")
"""`compact` (the default) stacks leaf reports and wraps forests when the tree is too
wide; `tree` draws every row in full. Both keep levels as rank."""

MAX_ASPECT = 3.0
"""The widest shape, width over height, that the compact layout aims for: wider charts
get their leaf reports stacked and their trees wrapped into rows."""

SHOW = ("title", "name", "team", "responsibilities", "reports", "photo")
"""What `show=` can put in the boxes, besides `meta.FIELD` (a field of the role's
`meta`, or of its holder's). Without `title` or `name`, both are shown, then the
others: `show=["responsibilities"]` adds the responsibilities to the usual card."""

COLOR_BY = ("auto", "family", "team", "kind")
"""What `color_by=` colours the boxes by, besides `meta.FIELD`: `auto` (the default) is
`family`, or `team` for an org whose roles mostly have no family (see
`orgroles.render.auto_color`)."""

DIRECTIONS = ("TB", "LR")
"""Which way a chart grows: top to bottom, or left to right."""

THEMES = ("default", "print", "high-contrast")
"""The themes: colours (default), grey levels and no fills (print), black on light
fills with thicker lines (high-contrast)."""

LANGS = ("en", "fr")
"""The languages of titles and chart words (others fall back to English)."""

SCALE = 2.0
"""The default resolution of a PNG: two pixels per px of the chart (192 dpi)."""

MIN_SCALE = 0.1
"""The lowest resolution of a PNG (9.6 dpi): a box is then 18 to 24 pixels wide, and
less would draw a chart no one can read (a 1 x 1 image at 0.001)."""

MAX_MEGAPIXELS = 16.0
"""The default largest PNG, in millions of pixels (a 5,300 x 3,000 image): a bigger
chart is drawn at a lower scale, with a warning."""

PageName = Literal["fit", "a4", "letter", "a3"]
PAGES: tuple[PageName, ...] = ("fit", "a4", "letter", "a3")
"""The page sizes of a PDF: the chart's own size (`fit`), or a sheet of paper."""

Orientation = Literal["auto", "portrait", "landscape"]
ORIENTATIONS: tuple[Orientation, ...] = ("auto", "portrait", "landscape")
"""How a PDF's paper is turned; `auto` chooses the way that shows the chart best."""


def _count(name: str, value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise RenderError(f"{name} must be a whole number, 0 or more, not {value!r}")


def _positive(name: str, value: object, unit: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < math.inf:
        raise RenderError(f"{name} must be a number above 0 {unit}, not {value!r}")


def _meta(item: object) -> bool:
    """Whether `item` names a meta field: `meta.` and a name."""
    return isinstance(item, str) and item.startswith("meta.") and len(item) > 5


def _choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise RenderError(f"unknown {name} {value!r} (choose from: {', '.join(choices)})")


class ChartOptionWarning(UserWarning):
    """A chart option that this org gives nothing to show: `--show meta.FIELD` or
    `--color-by meta.FIELD` for a field that no role or person has (a typo, most often:
    the message suggests the nearest field), or `--color-by team` in an org that declares
    no team. The chart is drawn without it."""


@dataclass(frozen=True, kw_only=True)
class ChartOptions:
    """What a chart shows and how it is drawn: the options of every render function.

    Build one with `ChartOptions.of(...)`, which checks every value and suggests a name
    for a misspelt one, or pass the same names to `orgroles.render()` as keywords. The
    command line's options of `orgroles render` are these, with dashes.

    Args:
        root: Draw only this role and the roles below it (an id).
        depth: Draw this many layers below `root`, or below the top roles without it
            (`depth=0` draws the root alone). A box with hidden reports says "+12 below".
        fold: Fold each group of more than `fold` leaf reports of a manager that share a
            title into one box, such as "+12 developers".
        show: The lines of each box (see `SHOW`): `"title"`, `"name"` (the holders),
            `"team"`, `"responsibilities"`, `"reports"` (counts such as "12 reports · 40
            below"), `"photo"` (the holder's `photo`, or initials in a circle) and
            `"meta.FIELD"`. Without `"title"` or `"name"`, the card has both and the
            others are added: `show=["responsibilities"]`.
        name_first: Put the holder's name first, in bold, and the title under it.
        color_by: Colour the boxes by `"family"`, `"team"`, `"kind"` or `"meta.FIELD"`;
            the chart has a legend of the colours. `"auto"` (the default) is
            `"family"`, or `"team"` when fewer than half the roles have a family and
            teams colour more of them (a hospital's or a factory's roles: see
            `orgroles.render.auto_color`).
        legend: Draw the legend of the colours under the chart, and of the dotted lines
            when it has some (True by default; there are no colours in it when all boxes
            have one colour).
        direction: `"TB"` (the default): levels from top to bottom; `"LR"`: from left to
            right.
        theme: `"default"`, `"print"` (grey levels and no fills) or `"high-contrast"`.
        allow_outside_photos: Let a `Person.photo` be a file outside the org file's
            folder, or an `http(s)` URL (fetched); without it, such a photo is an error.
        lang: The language of titles and chart words (`en` or `fr`; others fall back to
            English).
        report: A `Report` (from `org.check()`) whose violations are highlighted.
        engine: `"builtin"` (the default; `"auto"` is its old name) or `"dot"`
            (Graphviz's `dot`, opt-in, which must be on `PATH`): the engine that lays out
            SVG, PNG and PDF. The other formats ignore it: DOT and Mermaid are text for
            other tools, PowerPoint uses the builtin layout, and the HTML explorer lays
            itself out in the browser.
        layout: Both layouts keep levels as rank: roles with as many managers above them
            sit at the same height. `"compact"` (the default), when the tree would be wider
            than `max_aspect` times its height, stacks the leaf reports of every manager
            with three or more in two columns under it (one column, when two still leave
            the chart too wide), and wraps several top roles (a forest) into rows;
            `"tree"` draws every row in full (the plan's stacks of six leaves or more
            aside). See the concepts page on the layout.
        max_aspect: The widest shape, width over height, that the compact layout aims for
            (3 by default): the shape above which it stacks leaves, and the window its rows
            of trees fit. A chart with more boxes side by side on one level than that
            shape holds stays wider (levels are never broken), with a warning.
        scale: PNG only: pixels per px of the chart (2 by default, 192 dpi).
        max_megapixels: PNG only: the most pixels, in millions (16 by default), that a PNG
            may have; a bigger chart is drawn at a lower scale, with a `LargeChartWarning`.
            Whatever this says, a PNG never has more than 250 million pixels.
        page: PDF only: `"fit"` (the default) makes one page the size of the chart;
            `"a4"`, `"letter"` or `"a3"` put it on sheets of paper: on one sheet when its
            text stays readable, else in tiles over several pages, each titled with the top
            role it shows and numbered.
        orientation: PDF only, on paper: `"portrait"`, `"landscape"` or `"auto"` (the
            default: the way that shows the chart largest, on the fewest pages).

    Examples:
        >>> options = ChartOptions.of(root="cto", depth=2)
        >>> ChartOptions.of(options, layout="tree").layout
        'tree'
    """

    root: str | None = None
    depth: int | None = None
    fold: int | None = None
    show: tuple[str, ...] = ()
    name_first: bool = False
    color_by: str = "auto"
    legend: bool = True
    direction: str = "TB"
    theme: str = "default"
    allow_outside_photos: bool = False
    lang: str = "en"
    report: Report | None = None
    engine: Engine = "builtin"
    layout: LayoutName = "compact"
    max_aspect: float = MAX_ASPECT
    scale: float = SCALE
    max_megapixels: float = MAX_MEGAPIXELS
    page: PageName = "fit"
    orientation: Orientation = "auto"
    diff: OrgCore | Changes | None = dataclasses.field(default=None, compare=False)

    def __post_init__(self) -> None:
        _count("depth", self.depth)
        _count("fold", self.fold)
        show: Any = self.show
        shown = (show,) if isinstance(show, str) else tuple(show)
        for item in shown:
            if item not in SHOW and not _meta(item):
                raise RenderError(
                    f"cannot show {item!r} (choose from: {', '.join(SHOW)}, or meta.FIELD)"
                )
        object.__setattr__(self, "show", tuple(dict.fromkeys(shown)))
        if self.color_by not in COLOR_BY and not _meta(self.color_by):
            raise RenderError(
                f"cannot colour by {self.color_by!r} (choose from: {', '.join(COLOR_BY)}, "
                "or meta.FIELD)"
            )
        _choice("direction", self.direction, DIRECTIONS)
        _choice("theme", self.theme, THEMES)
        if self.engine not in ENGINES:
            raise RenderError(f"unknown engine {self.engine!r} (choose from: {', '.join(ENGINES)})")
        if self.layout not in LAYOUTS:
            raise RenderError(f"unknown layout {self.layout!r} (choose from: {', '.join(LAYOUTS)})")
        _positive("max_aspect", self.max_aspect, "(width over height)")
        _positive("scale", self.scale, "(pixels per px of the chart)")
        if self.scale < MIN_SCALE:
            raise RenderError(
                f"scale must be at least {MIN_SCALE:g} (pixels per px of the chart), "
                f"not {self.scale!r}: less draws a chart no one can read"
            )
        _positive("max_megapixels", self.max_megapixels, "(millions of pixels)")
        _choice("page", self.page, PAGES)
        _choice("orientation", self.orientation, ORIENTATIONS)
        if self.diff is not None:
            from orgroles.core import OrgCore
            from orgroles.render.changes import Changes

            if not isinstance(self.diff, (OrgCore, Changes)):
                raise RenderError(f"diff must be an org, not {type(self.diff).__name__}")

    @classmethod
    def of(cls, options: ChartOptions | None = None, **changes: Any) -> ChartOptions:
        """`options` (or the defaults) with `changes`; an unknown name is a
        `RenderError` with a did-you-mean."""
        names = [f.name for f in dataclasses.fields(cls)]
        for key in changes:
            if key not in names:
                hint = suggestion_suffix(key, names) or f" (the options: {', '.join(names)})"
                raise RenderError(f"unknown chart option {key!r}{hint}")
        base = options if options is not None else cls()
        return dataclasses.replace(base, **changes) if changes else base


def explorer_ignores(options: ChartOptions) -> None:
    """Warn (`ChartOptionWarning`) for the options that the HTML explorer does not draw:
    it is drawn top to bottom, without photos."""
    ignored = [
        said
        for said, asked in (
            ("--direction LR (direction='LR')", options.direction == "LR"),
            ("photos (--show photo)", "photo" in options.show),
        )
        if asked
    ]
    if ignored:
        warnings.warn(
            "the explorer draws top to bottom, without photos; for "
            f"{' and '.join(ignored)}, write another format (.svg, .png, .pdf, .pptx)",
            ChartOptionWarning,
            stacklevel=4,
        )
