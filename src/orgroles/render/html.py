"""The interactive HTML explorer: an org chart as one self-contained, offline web page.

`build_page()` turns a `Plan` into a page that holds
everything it needs inline: its data (two JSON blocks), its style, the vendored d3
modules and `static/explorer.js`, which lays out and draws the expanded part of the
chart in the browser. It only builds text; `orgroles.render.render()` writes it.

The chart's data is compact arrays with one entry per box of the plan (`ids`,
`parent`, `lines`, ...); the details panel's data (holders, kinds, teams,
violations) sits in a second block that the page parses only when it is first needed.
Every string is cleaned (`clean()`), the JSON escapes `<`,
`>` and `&` so that no text can end its `<script>` element, the page sets every
text with `textContent`, and a Content-Security-Policy allows only the page's own
scripts and style (by hash) and no request at all.

Examples:
    >>> import orgroles
    >>> from orgroles.render.plan import make_plan
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> page = build_page(org, make_plan(org))
    >>> page.startswith("<!DOCTYPE html>"), "default-src 'none'" in page
    (True, True)
    >>> data, details = page_data(org, make_plan(org))
    >>> data["ids"], data["parent"], data["names"][1]
    (['ceo', 'cto', 'dev-1', 'dev-2'], [-1, 0, 1, 1], 'Camille Roux')
    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from orgroles._internal.gc import gc_paused
from orgroles._internal.package_files import files
from orgroles._version import __version__
from orgroles.errors import RenderError
from orgroles.model import CATEGORIES
from orgroles.queries.responsibilities import responsibility_ids
from orgroles.render import style, words
from orgroles.render.changes import with_changes
from orgroles.render.details import details
from orgroles.render.forest import forest_top
from orgroles.render.formats import Drawing
from orgroles.render.options import explorer_ignores
from orgroles.render.paint import CHANGE_COLORS, GHOST_FILL, box_paint, theme_of
from orgroles.render.plan import BLOCK_RATIO, STACK_MIN, Box, Line, Plan, make_plan, title_alerts
from orgroles.render.quoting import clean, html_attr

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.options import ChartOptions
    from orgroles.rules.report import Report

__all__ = [
    "FIRST_VIEW",
    "ACTING",
    "ASSISTANT",
    "CHANGE_FLAGS",
    "FOREST",
    "MISSING",
    "PLANNED",
    "VACANT",
    "build_page",
    "content_security_policy",
    "draw",
    "first_view_depth",
    "page_data",
    "script_json",
]

FIRST_VIEW = 250
"""The first view opens as many whole layers as fit in this many boxes (the top at least)."""

# The bits of ``flags``; the severity of a box's worst violation sits above them.
VACANT = 1
"""Flag: nobody holds the seat (for a fold: none of its seats is held)."""
ACTING = 2
"""Flag: the holder is interim."""
ASSISTANT = 4
"""Flag: a staff seat drawn beside its manager."""
MISSING = 32
"""Flag: a manager that roles report to but that is not in the org (a placeholder)."""
FOREST = 64
"""Flag: the top that the page adds above the trees of a forest."""
PLANNED = 128
"""Flag: the seat does not exist yet (drawn dotted)."""
CHANGE_FLAGS = {"added": 256, "removed": 512, "moved": 1024, "restaffed": 2048}
"""Flags of a change chart: the seat is new, removed (a ghost), moved or has a new holder."""
_SEVERITY_SHIFT = 3  # two bits: 1 info, 2 warning, 3 error
_SEVERITY_CODE = {"info": 1, "warning": 2, "error": 3}

_STATIC = "static"
_PLACEHOLDER = re.compile(r"\{\{([a-z_]+(?:\.[a-z_]+)?)\}\}")


def script_json(value: object) -> str:
    r"""Return `value` as JSON to put inside a `<script type="application/json">`.

    `<`, `>` and `&` become `\u003c`, `\u003e` and `\u0026`, which JSON reads
    back as the same characters, so that no string can close the element or open a
    comment in it. The JSON is compact, and non-ASCII text stays as it is.

    Examples:
        >>> script_json(["<!--", "Zoé"])
        '["\\u003c!--","Zoé"]'
        >>> json.loads(script_json("</script>")) == "</script>"
        True
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def first_view_depth(depths: Sequence[int], limit: int = FIRST_VIEW) -> int:
    """Return the deepest layer the first view shows, given the layer of every box.

    Whole layers are shown, top first, while the boxes shown number at most `limit`;
    the top layer always is.

    Examples:
        >>> first_view_depth([0, 1, 1, 2, 2, 2], limit=3)
        1
        >>> first_view_depth([0, 0, 0, 1], limit=2), first_view_depth([0, 1, 2], limit=10)
        (0, 2)
    """
    per_layer = Counter(depths)
    shown = 0
    layer = 0
    while layer in per_layer:
        shown += per_layer[layer]
        if shown > limit:
            return max(layer - 1, 0)
        layer += 1
    return max(layer - 1, 0)


class _Texts:
    """The distinct lines of text of all boxes, each with its style, numbered once."""

    def __init__(self) -> None:
        self.styles = list(style.STYLES)
        self._style = {name: k for k, name in enumerate(self.styles)}
        self._seen: dict[tuple[int, str], int] = {}
        self.text: list[str] = []
        self.style: list[int] = []

    def encode(self, lines: Sequence[Line], names: str | None) -> list[int]:
        """A box's lines as numbers; -1 stands for a single name line equal to `names`."""
        name_lines = [line for line in lines if line.style == "name"]
        plain_name = len(name_lines) == 1 and name_lines[0].text == names
        out = []
        for line in lines:
            if plain_name and line.style == "name":
                out.append(-1)
                continue
            key = (self._style[line.style], line.text)
            k = self._seen.get(key)
            if k is None:
                k = self._seen[key] = len(self.text)
                self.text.append(line.text)
                self.style.append(key[0])
            out.append(k)
        return out


def _flags(box: Box) -> int:
    flags = VACANT if box.vacant else 0
    if box.acting:
        flags |= ACTING
    if box.placement == "assistant":
        flags |= ASSISTANT
    if box.planned:
        flags |= PLANNED
    for change in box.change:
        flags |= CHANGE_FLAGS[change]
    if box.severity is not None:
        flags |= _SEVERITY_CODE.get(box.severity, 1) << _SEVERITY_SHIFT
    return flags


def page_data(
    org: OrgCore, plan: Plan, folded: Plan | None = None, report: Report | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the page's two JSON documents: the chart, and the details of its roles.

    `plan` must be made without `fold`: it gives a box to every role drawn. `folded`
    is the same plan made with `fold`; its fold boxes become the page's fold groups,
    which the reader can unfold.

    The chart has one entry per box of `plan`, in its pre-order (box `i` is node
    `i`; when the plan has several tops, node 0 is a top added above them, see
    `forest_top()`, and box `i` is node `i + 1`), in these
    arrays: `ids`; `parent` (a node, or -1); `lines` (numbers of
    `texts`, whose style is `textStyle`, a number of `styles`; -1 stands for one
    line of `names`); `titleOf` (a number of `titles`: the whole title, for search);
    `names` (the holders); `fam` (a number of `families`: name, fill, stroke);
    `flags` (`VACANT`, `ACTING`, `ASSISTANT`, `MISSING`,
    `FOREST`, and the worst violation's severity from bit 3: 1 info, 2 warning,
    3 error); `rset` (a number of
    `rsets`, lists of numbers of `resps`: id, label, category). `folds` are
    `[manager, members, lines, flags, family]`; `dotted` pairs of nodes (dotted
    manager, report); `start` the deepest layer of the first view; `problems` the
    violations of the whole org. A change chart adds `changes`: its `legend` (label,
    kind), the `moves` (old manager's node, node), the `colors` of the kinds and the
    `ghost` fill, with the kinds in `flags` (`CHANGE_FLAGS`). The details have `kind`
    (a number of `kinds`: id, title), `holders` (numbers of `people`: name, e-mail
    address), and, by node, `team` (numbers of `teams`: id, name, lead node),
    `violations` and `urls`.
    """
    lang = plan.lang
    roles = org.roles
    index = org.index
    boxes = plan.boxes
    if any(box.folded for box in boxes):
        raise RenderError("page_data needs a plan made without fold (and the folded one apart)")
    texts = _Texts()
    families: dict[str | None, int] = {}
    titles: dict[str, int] = {}
    resp_ids = responsibility_ids(org)
    resp_index: dict[str, int] = {}
    rsets: dict[tuple[int, ...], int] = {}
    node_of: dict[str, int] = {}
    missing: dict[str, int] = {}  # the node of each manager that is not in the org
    ids, parent, lines, title, names, fam, flags, rset = [], [], [], [], [], [], [], []
    top = forest_top(plan, org.name)  # a forest gets one top above its trees
    shift = 1 if top is not None else 0
    if top is not None:
        ids.append("")
        parent.append(-1)
        lines.append(texts.encode(top.lines, None))
        title.append(titles.setdefault(top.lines[0].text, len(titles)))
        names.append("")
        fam.append(families.setdefault(None, len(families)))
        flags.append(FOREST)
        rset.append(rsets.setdefault((), len(rsets)))
    for box in boxes:
        parent.append(box.parent + shift if box.parent >= 0 else shift - 1)
        fam.append(families.setdefault(box.color_key, len(families)))
        if box.role is None:  # a manager that is not in the org
            assert box.placeholder is not None
            missing[box.placeholder] = box.id + shift
            ids.append("")
            lines.append(texts.encode(box.lines, None))
            title.append(titles.setdefault(box.lines[0].text, len(titles)))
            names.append("")
            flags.append(_flags(box) | MISSING)
            rset.append(rsets.setdefault((), len(rsets)))
            continue
        role = roles[box.role]
        node_of[role.id] = box.id + shift
        who = ", ".join(clean(p.display_name) for p in org.holders_of(role))
        ids.append(clean(role.id))
        lines.append(texts.encode(box.lines, who))
        title.append(titles.setdefault(clean(org.title_of(role, lang)), len(titles)))
        names.append(who)
        flags.append(_flags(box))
        found = tuple(
            resp_index.setdefault(r, len(resp_index)) for r in resp_ids[index.pos[role.id]]
        )
        rset.append(rsets.setdefault(found, len(rsets)))
    folds = []
    for box in folded.boxes if folded is not None else ():
        if not box.folded:
            continue
        assert folded is not None
        members = [node_of[r] for r in box.folded]
        manager = folded.boxes[box.parent]
        folds.append(
            [
                node_of[manager.role]
                if manager.role is not None
                else missing[manager.placeholder or ""],
                members,
                texts.encode(box.lines, None),
                _flags(box),
                families.setdefault(box.color_key, len(families)),
            ]
        )
    if top is not None and top.others:  # the smaller trees, one click away
        folds.append(
            [
                0,
                [t + shift for t in top.others],
                texts.encode(top.others_lines, None),
                0,
                families.setdefault(None, len(families)),
            ]
        )
    catalog = org.catalog.responsibilities
    resps = []
    for rid in resp_index:
        r = catalog.get(rid)
        resps.append([clean(rid), clean(r.text(lang)) if r else clean(rid), r and r.category])
    general = [v for v in report.violations if v.role is None] if report is not None else []
    data: dict[str, Any] = {
        "format": 1,
        "title": plan.title,
        "lang": lang,
        "roles": plan.roles,
        "start": _start(parent, folds),
        "geometry": _geometry(plan),
        "styles": [_style(name, plan.theme) for name in texts.styles],
        "families": [_family(plan, name) for name in families],
        "legend": [[label, *_family(plan, key)[1:]] for label, key in plan.legend],
        "lineLegend": [label for label, _ in plan.lines],
        "words": words.ui_words(lang),
        "categories": list(CATEGORIES),
        "ids": ids,
        "parent": parent,
        "lines": lines,
        "texts": texts.text,
        "textStyle": texts.style,
        "titles": list(titles),
        "titleOf": title,
        "names": names,
        "fam": fam,
        "flags": flags,
        "resps": resps,
        "rsets": [list(s) for s in rsets],
        "rset": rset,
        "folds": folds,
        "dotted": [[a + shift, b + shift] for a, b in plan.dotted],
        "problems": [[v.code, v.name, v.severity, clean(v.message)] for v in general],
        "notes": [[n.style, n.text] for n in title_alerts(plan, general)],  # not the problems
    }
    if plan.changes or plan.moves:  # a change chart: its legend, old lines and colours
        data["changes"] = {
            "legend": [[label, kind] for label, kind in plan.changes],
            "moves": [[a + shift, b + shift] for a, b in plan.moves],
            "colors": CHANGE_COLORS,
            "ghost": GHOST_FILL,
        }
    return data, details(org, plan, node_of, report, shift)


def _start(parent: list[int], folds: list[list[Any]]) -> int:
    """The deepest layer of the first view, counting each fold group as one box (and
    nothing of the trees that a fold hides)."""
    hidden = bytearray(len(parent))
    for fold in folds:
        for m in fold[1][1:]:
            hidden[m] = 1
    depth = [0] * len(parent)
    for i, p in enumerate(parent):  # boxes come in pre-order: managers first
        if p >= 0:
            depth[i] = depth[p] + 1
            hidden[i] |= hidden[p]
    return first_view_depth([d for i, d in enumerate(depth) if not hidden[i]])


def _geometry(plan: Plan) -> dict[str, Any]:
    look = theme_of(plan.theme)
    return {
        "boxWidth": plan.box_width,
        "padY": style.PAD_Y,
        "radius": style.RADIUS,
        "hgap": style.HGAP,
        "vgap": style.VGAP,
        "rowGap": style.ROW_GAP,
        "spineGap": style.SPINE_GAP,
        "pairGap": style.PAIR_GAP,
        "sideGap": style.SIDE_GAP,
        "aside": style.ASIDE,
        "stackMin": STACK_MIN,
        "blockRatio": BLOCK_RATIO,
        "font": style.FONT_FAMILY,
        "edgeColor": look.edge,
        "dottedColor": look.dotted,
        "severityColors": dict(look.severity),
        "border": look.border,
    }


def _style(name: str, theme: str = "default") -> dict[str, Any]:
    s = style.STYLES[name]
    return {
        "name": name,
        "size": s.size,
        "bold": s.bold,
        "italic": s.italic,
        "color": theme_of(theme).color(name),
        "leading": s.leading,
    }


def _family(plan: Plan, key: str | None) -> list[str]:
    """A colour group's name, fill and border colour, in the plan's theme."""
    paint = box_paint(Box(-1, None, (), color_key=key), plan)
    return [clean(key or ""), paint.fill, paint.stroke]


# -- the page ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """The page template, style, script and vendored modules, read once from the package."""
    static = files("orgroles.render").joinpath(_STATIC)
    vendor = static.joinpath("vendor")
    entries = json.loads(vendor.joinpath("VERSIONS.json").read_text(encoding="utf-8"))["packages"]
    modules = [vendor.joinpath(e["file"]).read_text(encoding="utf-8") for e in entries]
    licenses: dict[str, list[str]] = {}
    for e in entries:
        text = vendor.joinpath(e["license_file"]).read_text(encoding="utf-8").strip()
        licenses.setdefault(text, []).append(f"{e['package']} {e['version']}")
    notice = "\n\n".join(f"{', '.join(packages)}:\n\n{text}" for text, packages in licenses.items())
    found = {
        "template": static.joinpath("explorer.html").read_text(encoding="utf-8"),
        "css": static.joinpath("explorer.css").read_text(encoding="utf-8"),
        "script": static.joinpath("explorer.js").read_text(encoding="utf-8"),
        "vendor": "\n".join(modules),
        "licenses": notice,
    }
    # The files are trusted, but a stray closing tag would break the page: refuse it.
    for name in ("css", "script", "vendor"):
        if re.search(r"</(script|style)|<!--", found[name], re.I):
            raise RuntimeError(f"the explorer's {name} holds '</script', '</style' or '<!--'")
    if "-->" in notice or "--!>" in notice:
        raise RuntimeError("a vendored license would end its HTML comment")
    return found


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(scripts: Sequence[str], styles: Sequence[str]) -> str:
    """The page's policy: its own scripts and style, by hash, and nothing else at all.

    Examples:
        >>> for directive in content_security_policy(["a"], []).split("; "):
        ...     print(directive)
        default-src 'none'
        script-src 'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='
        style-src 'none'
        img-src data:
        base-uri 'none'
        form-action 'none'
    """
    script_src = " ".join(_hash(s) for s in scripts) or "'none'"
    style_src = " ".join(_hash(s) for s in styles) or "'none'"
    return (
        f"default-src 'none'; script-src {script_src}; style-src {style_src}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def draw(org: OrgCore, options: ChartOptions) -> Drawing:
    """The explorer of `org` (the format table's writer for `.html`).

    The page is made from a plan without folds; `options.fold` groups start folded,
    and the reader can unfold them.
    """
    explorer_ignores(options)  # a warning for the options it cannot draw
    options = dataclasses.replace(options, show=tuple(f for f in options.show if f != "photo"))
    org, options = with_changes(org, options)  # a change chart: the org with its ghosts
    plan = make_plan(org, options, fold=None)
    folded = make_plan(org, options) if options.fold is not None else None
    with gc_paused():
        page = build_page(org, plan, folded, options.report)
    return Drawing(page.encode("utf-8"), plan)


def build_page(
    org: OrgCore, plan: Plan, folded: Plan | None = None, report: Report | None = None
) -> str:
    """Return the explorer page of a plan (see `page_data()` for the arguments)."""
    data, details = page_data(org, plan, folded, report)
    assets = _assets()
    ui = data["words"]
    values = {
        "lang": html_attr(plan.lang),
        "title": html_attr(plan.title or "org"),
        "generator": html_attr(f"orgroles {__version__}"),
        "csp": content_security_policy([assets["vendor"], assets["script"]], [assets["css"]]),
        "css": assets["css"],
        "vendor": assets["vendor"],
        "script": assets["script"],
        "data": script_json(data),
        "details": script_json(details),
        "licenses": assets["licenses"],
    }
    values.update({f"w.{key}": html_attr(text) for key, text in ui.items()})

    def fill(match: re.Match[str]) -> str:
        return values[match.group(1)]

    # One pass: what is put in is never read again for placeholders.
    return _PLACEHOLDER.sub(fill, assets["template"])
