"""The PowerPoint file itself, for `orgroles.render.pptx`: slides added in constant
time, the same bytes for the same deck, and how many slides a deck has.

Both work on python-pptx's objects (imported by the caller: python-pptx is an optional
extra).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

__all__ = ["add_slide", "slide_count", "steady"]

_SLIDE = re.compile(r"ppt/slides/slide\d+\.xml")


def add_slide(presentation: Any, layout: Any, placeholders: list[Any], number: int) -> Any:
    """`presentation.slides.add_slide(layout)`, in constant time, with the same result;
    `placeholders` are the layout's `iter_cloneable_placeholders()`, listed once, and
    `number` is the new slide's (one more than the slides the presentation has).

    python-pptx's own looks through all the relationships and slide ids of the
    presentation for each new slide, so that a deck of thousands of slides (a chart of
    100,000 roles has about 14,000) takes time quadratic in their number. This does what
    it does (the next part name, relationship id and slide id are the count plus one, as
    they are in a deck made only by adding slides) without the searches. Where python-pptx
    has changed its internals, it falls back on the library's own method.
    """
    try:
        from pptx.opc.constants import RELATIONSHIP_TYPE
        from pptx.opc.packuri import PackURI
        from pptx.parts.slide import SlidePart

        part = presentation.part
        ids = part._element.get_or_add_sldIdLst()
        add_relationship = part.rels._add_relationship
        add_id = ids._add_sldId
    except (AttributeError, ImportError):  # pragma: no cover - another python-pptx
        return presentation.slides.add_slide(layout)
    # (len() of an XML element counts its children one by one: not asked for each slide)
    if f"rId{len(part.rels) + 1}" in part.rels:  # pragma: no cover
        return presentation.slides.add_slide(layout)  # not a deck made by adding slides
    new_part: Any = SlidePart.new  # (python-pptx leaves it untyped)
    slide_part = new_part(PackURI(f"/ppt/slides/slide{number}.xml"), part.package, layout.part)
    rid = add_relationship(RELATIONSHIP_TYPE.SLIDE, slide_part)
    slide = slide_part.slide
    for placeholder in placeholders:
        slide.shapes.clone_placeholder(placeholder)
    add_id(id=255 + number, rId=rid)
    return slide


def steady(data: bytes) -> bytes:
    """The same zip with the same date on every member: the same chart, the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            new.writestr(member, old.read(info.filename))
    return out.getvalue()


def slide_count(data: bytes) -> int:
    """How many slides a PowerPoint file holds (its `ppt/slides/slideN.xml` parts).

    Examples:
        >>> import orgroles
        >>> from orgroles.render import render_bytes
        >>> slide_count(render_bytes(orgroles.load("examples/scaleup_cto_cpo.yaml"), "pptx"))
        4
    """
    with zipfile.ZipFile(io.BytesIO(data)) as deck:
        return sum(1 for name in deck.namelist() if _SLIDE.fullmatch(name))
