"""matplotlib figures as SVG that a strict Content-Security-Policy lets a page show.

matplotlib writes its styles as `style="..."` attributes and a `<style>` element,
which a policy without `'unsafe-inline'` blocks (every shape then draws black).
`inline_svg()` turns them into presentation attributes (all of matplotlib's style
properties are SVG presentation attributes), drops comments and metadata, and prefixes
every id so that several charts can share one page.

Examples:
    >>> print(csp_safe('<svg a="1"><defs><style type="text/css">*{stroke-linejoin: round}</style>'
    ...                '</defs><path style="fill: #fff; stroke-width: 0.8"/></svg>'))
    <svg stroke-linejoin="round" stroke-linecap="butt" a="1"><defs></defs><path fill="#fff"
      stroke-width="0.8"/></svg>
    >>> scope_ids('<g id="a"><use xlink:href="#b" clip-path="url(#c)"/></g>', "p")
    '<g id="p-a"><use xlink:href="#p-b" clip-path="url(#p-c)"/></g>'
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from orgroles.health.plots import style

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["csp_safe", "inline_svg", "scope_ids", "svg_text"]

_STYLE_ATTRIBUTE = re.compile(r' style="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"<style[^>]*>[^<]*</style>")
_COMMENT = re.compile(r"\s*<!--.*?-->", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_PROPERTY = re.compile(r"^[a-z-]+$")


def svg_text(fig: Figure) -> str:
    """The figure as an SVG element (no XML declaration, no doctype), with no date."""
    buffer = io.StringIO()
    with style():
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def csp_safe(svg: str) -> str:
    """Styles as presentation attributes, and no `<style>` element."""

    def attributes(match: re.Match[str]) -> str:
        out = []
        for declaration in match.group(1).split(";"):
            if not declaration.strip():
                continue
            key, _, value = declaration.partition(":")
            key, value = key.strip(), value.strip()
            if not _PROPERTY.match(key) or '"' in value or "<" in value:
                raise ValueError(f"unexpected style in matplotlib's SVG: {declaration!r}")
            out.append(f' {key}="{value}"')
        return "".join(out)

    svg = _STYLE_ELEMENT.sub("", svg)
    svg = svg.replace("<svg ", '<svg stroke-linejoin="round" stroke-linecap="butt" ', 1)
    return _STYLE_ATTRIBUTE.sub(attributes, svg)


def scope_ids(svg: str, prefix: str) -> str:
    """Every id, and every reference to one, prefixed with `prefix-`."""
    svg = re.sub(r' id="([^"]+)"', lambda m: f' id="{prefix}-{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})", svg)
    return re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{prefix}-{m.group(1)}"', svg)


def inline_svg(fig: Figure, prefix: str) -> str:
    """The figure as an SVG element for a page with a strict policy, ids prefixed."""
    svg = _METADATA.sub("", _COMMENT.sub("", svg_text(fig)))
    return scope_ids(csp_safe(svg), prefix)
