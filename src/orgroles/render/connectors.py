"""DrawingML connectors (PowerPoint's elbow and curved lines), placed to follow a route.

A connector of DrawingML is drawn in its own box, from its top-left corner to its
bottom-right one, and the box may be flipped and turned. `connector_geometry()`
finds the box, the turn and the flips that make a preset connector follow an orthogonal
route, and the adjustments that put its bends where the route bends.

Examples:
    >>> print(connector_geometry([(0, 0), (0, 50), (100, 50), (100, 100)], True, False))
    ... # doctest: +NORMALIZE_WHITESPACE
    <a:xfrm rot="5400000" flipV="1"><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm><a:prstGeom
    prst="bentConnector3"><a:avLst><a:gd name="adj1" fmla="val 50000"/></a:avLst></a:prstGeom>
"""  # noqa: E501

from __future__ import annotations

__all__ = ["connector_geometry"]


def connector_geometry(points: list[tuple[int, int]], vertical: bool, curved: bool) -> str:
    """The `a:xfrm` and preset geometry of a connector that follows `points`.

    An elbow connector is drawn in its own box from its top-left corner to its
    bottom-right one, across first (`bentConnector3`: across, down, across; with four
    pieces, `bentConnector4`), its bends at `adj` fractions of the box; the box is
    flipped and turned a quarter to start downwards. The flips that take the route's
    start to the box's corner are found by trying the four.
    """
    (sx, sy), (ex, ey) = points[0], points[-1]
    cx, cy = (sx + ex) / 2, (sy + ey) / 2
    w, h = (abs(ey - sy), abs(ex - sx)) if vertical else (abs(ex - sx), abs(ey - sy))
    straight = w == 0 or h == 0 or (len(points) <= 2 and not curved)
    if straight:  # one straight piece
        flip = (' flipH="1"' if ex < sx else "") + (' flipV="1"' if ey < sy else "")
        return (
            f'<a:xfrm{flip}><a:off x="{min(sx, ex)}" y="{min(sy, ey)}"/>'
            f'<a:ext cx="{abs(ex - sx)}" cy="{abs(ey - sy)}"/></a:xfrm>'
            '<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>'
        )

    def local(p: tuple[int, int], flip_h: bool, flip_v: bool) -> tuple[float, float]:
        x, y = p[0] - cx, p[1] - cy
        if vertical:  # undo a quarter turn clockwise
            x, y = y, -x
        if flip_h:
            x = -x
        if flip_v:
            y = -y
        return x + w / 2, y + h / 2

    flips = next(
        (fh, fv)
        for fh in (False, True)
        for fv in (False, True)
        if all(abs(v) < 2 for v in local(points[0], fh, fv))
    )
    inside = [local(p, *flips) for p in points]
    attrs = (' rot="5400000"' if vertical else "") + (' flipH="1"' if flips[0] else "")
    attrs += ' flipV="1"' if flips[1] else ""
    if curved:
        preset, guides = "curvedConnector3", [50000]
    elif len(points) == 5:
        preset = "bentConnector4"
        guides = [round(inside[1][0] / w * 100000), round(inside[2][1] / h * 100000)]
    else:
        preset, guides = "bentConnector3", [round(inside[1][0] / w * 100000)]
    avs = "".join(f'<a:gd name="adj{k}" fmla="val {v}"/>' for k, v in enumerate(guides, 1))
    return (
        f'<a:xfrm{attrs}><a:off x="{round(cx - w / 2)}" y="{round(cy - h / 2)}"/>'
        f'<a:ext cx="{round(w)}" cy="{round(h)}"/></a:xfrm>'
        f'<a:prstGeom prst="{preset}"><a:avLst>{avs}</a:avLst></a:prstGeom>'
    )
