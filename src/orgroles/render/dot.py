"""Build a Graphviz DOT graph from a plan: pure string building, no engine is run.

Node ids are synthetic (``n0``, ``n1``, ...), so that no role id can break the syntax
(``ops:east`` would otherwise read as a node and a port). Box text is an HTML-like label
made from a fixed template with every field escaped by
:func:`~orgroles.render.quoting.dot_html`; every other user value goes through
:func:`~orgroles.render.quoting.dot_text`.

Stacked leaves hang from invisible-width "spine" points, one per pair of columns and
row, each on the rank of its row; assistants share their manager's rank; teams are
clusters; dotted lines are dashed edges with ``constraint=false``, so that they never
change the ranks. In the compact layout (:mod:`orgroles.render.arrange`), a wrapped
manager's shelves hang from a chain of points ``n5w0``, ``n5w1``, ... below it (see
:func:`_hang`), stacks are frameless clusters, and several top roles go in rows of ranks.

>>> import orgroles
>>> from orgroles.render.plan import make_plan
>>> g = plan_to_dot(make_plan(orgroles.load("examples/three_person_tech_team.yaml")))
>>> print(g.source)  # doctest: +ELLIPSIS
digraph org {
...
        n0 [label=<<B>Chief Executive Officer</B><BR/><FONT COLOR="#30363d">Noor Haddad</FONT>> ...
        n0 -> n1
        n1 -> n2
        n1 -> n3
}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

import graphviz

from orgroles.render import style
from orgroles.render.arrange import Shelf, Wraps, arrange, items_of
from orgroles.render.formats import Drawing
from orgroles.render.options import MAX_ASPECT, ChartOptions
from orgroles.render.plan import Box, Line, Plan, make_plan
from orgroles.render.quoting import dot_html, dot_lines, dot_text

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["draw", "html_label", "plan_to_dot", "to_dot"]

_DOTTED_COLOR = "#8250df"
_PT = 72.0  # px per inch: Graphviz sizes are in inches, its SVG units are points


def _line(line: Line) -> str:
    s = style.STYLES[line.style]
    text = dot_html(line.text)
    if s.bold:
        text = f"<B>{text}</B>"
    if s.italic:
        text = f"<I>{text}</I>"
    attrs = ""
    if s.size != 12:
        attrs += f' POINT-SIZE="{s.size:g}"'
    if s.color != style.STYLES["title"].color:
        attrs += f' COLOR="{s.color}"'
    return f"<FONT{attrs}>{text}</FONT>" if attrs else text


def html_label(lines: tuple[Line, ...] | list[Line], align: str = "") -> str:
    """Return the HTML-like label of some lines of text (each field escaped).

    >>> html_label([Line("title", "R&D <Lead>"), Line("vacant", "vacant")])
    '<<B>R&amp;D &lt;Lead&gt;</B><BR/><FONT COLOR="#6e7781"><I>vacant</I></FONT>>'
    """
    br = f'<BR ALIGN="{align}"/>' if align else "<BR/>"
    body = br.join(_line(line) for line in lines)
    return f"<{body}{br if align else ''}>"


def _node_attrs(box: Box) -> dict[str, str]:
    colors = style.family_colors(box.family)
    fill, stroke = colors.fill, colors.stroke
    shape_style = "rounded,filled"
    attrs: dict[str, str] = {}
    if box.vacant:
        fill = "#ffffff"
        shape_style += ",dashed"
    elif box.planned:
        shape_style += ",dotted"
    if box.severity is not None:
        stroke = style.SEVERITY_COLORS[box.severity]
        attrs["penwidth"] = "2.5"
    attrs.update(style=shape_style, fillcolor=fill, color=stroke)
    if box.tooltip:
        attrs["tooltip"] = dot_lines(box.tooltip)
    if box.url is not None:
        attrs["URL"] = dot_text(box.url)
    return attrs


def _spine(manager: Box, pair: int, row: int) -> str:
    return f"{manager.node}s{pair}r{row}"


def _rows(plan: Plan, manager: Box) -> Iterator[tuple[int, list[tuple[int, list[str]]]]]:
    """For each row of a stack: the spines of the row with the box nodes left to right."""
    k = manager.columns
    stack = manager.stack
    for row in range((len(stack) + k - 1) // k):
        cells = stack[row * k : row * k + k]
        pairs = []
        for p in range(0, len(cells), 2):
            pairs.append((p // 2, [plan.boxes[b].node for b in cells[p : p + 2]]))
        yield row, pairs


def draw(org: OrgCore, options: ChartOptions) -> Drawing:
    """The chart of ``org`` as DOT source (the format table's writer for ``.dot``)."""
    plan = make_plan(org, options)
    source = plan_to_dot(plan, layout=options.layout, max_aspect=options.max_aspect).source
    return Drawing(source.encode("utf-8"), plan)


def plan_to_dot(
    plan: Plan, *, layout: str = "compact", max_aspect: float = MAX_ASPECT
) -> graphviz.Digraph:
    """Return the DOT graph of a plan (a :class:`graphviz.Digraph`; no engine is run).

    With ``layout="compact"``, the reports that :func:`~orgroles.render.arrange.arrange`
    wraps hang from a chain of points below their manager (see :func:`_hang`).
    """
    ChartOptions.of(layout=layout, max_aspect=max_aspect)  # checks them
    wraps: Wraps = {}
    rows: tuple[tuple[int, int], ...] = ()
    given = plan
    if layout == "compact":
        plan, wraps, rows = arrange(plan, max_aspect)
    # Long lines pass by stacks in a compact layout: frameless clusters keep them out.
    compact = bool(wraps or rows) or plan is not given
    depth, hangers = _hangers(plan, wraps) if wraps or rows else ([], {})
    width_in = f"{plan.box_width / _PT:.3f}"
    head = [Line("heading", plan.title)] if plan.title else []
    g = graphviz.Digraph(
        name="org",
        graph_attr={
            "rankdir": "TB",
            "nodesep": "0.22",
            "ranksep": "0.45",
            "newrank": "true",
            "fontname": style.DOT_FONT,
            "bgcolor": "#ffffff",
            "labelloc": "t",
            "labeljust": "l",
            **({"label": html_label([*head, *plan.notes], align="LEFT")} if head else {}),
        },
        node_attr={
            "shape": "box",
            "fontname": style.DOT_FONT,
            "fontsize": "12",
            "fontcolor": style.STYLES["title"].color,
            "width": width_in,
            "margin": "0.11,0.07",
            "penwidth": "1.2",
        },
        edge_attr={"arrowhead": "none", "color": style.EDGE_COLOR, "penwidth": "1.2"},
    )
    clusters = plan.clusters
    boxes = plan.boxes
    members: dict[int, list[Box]] = {}
    for box in boxes:
        members.setdefault(box.cluster, []).append(box)

    def fill(graph: graphviz.Digraph, cluster: int) -> None:
        for box in members.get(cluster, ()):
            graph.node(box.node, html_label(box.lines), **_node_attrs(box))
            hanger = hangers.get(box.id)
            for k in range(len(hanger.ranks) if hanger else 0):
                graph.node(_wrap_point(box, k), "", ordering="out", **_POINT)
        for box in members.get(cluster, ()):
            if box.assistants:
                with graph.subgraph() as same:
                    same.attr(rank="same")
                    same.node(box.node)
                    for a in box.assistants:
                        same.node(boxes[a].node)
            if box.stack:
                start = box.node
                hanger = hangers.get(box.id)
                if hanger is not None:
                    at = items_of(box).index(-1)
                    shelves = wraps[box.id]
                    points = zip(shelves, hanger.point_of, strict=True)
                    k = next(k for shelf, k in points if at < shelf.end)
                    start = _wrap_point(box, k)
                _stack(graph, plan, box, start, block=compact)

    # Teams nest: build the innermost clusters first, without recursion.
    built: dict[int, graphviz.Digraph] = {}
    for cluster in reversed(clusters):
        sub = graphviz.Digraph(name=f"cluster_{cluster.id}")
        sub.attr(
            label=dot_text(cluster.label),
            style="rounded,filled",
            fillcolor="#f6f8fa",
            color="#d0d7de",
            fontsize="11",
            fontcolor="#57606a",
            labeljust="l",
        )
        fill(sub, cluster.id)
        for k in cluster.children:
            sub.subgraph(built.pop(k))
        built[cluster.id] = sub
    fill(g, -1)
    for cluster in clusters:
        if cluster.parent < 0:
            g.subgraph(built.pop(cluster.id))
    for box in boxes:
        hanger = hangers.get(box.id)
        if hanger is None:
            for c in box.children:
                g.edge(box.node, boxes[c].node)
        else:
            _hang(g, plan, box, wraps[box.id], hanger)
        for a in box.assistants:
            g.edge(box.node, boxes[a].node)
    if rows:
        _top_rows(g, plan, rows, depth)
    for a, b in plan.dotted:
        g.edge(
            boxes[a].node,
            boxes[b].node,
            style="dashed",
            constraint="false",
            color=_DOTTED_COLOR,
        )
    return g


def _wrap_point(manager: Box, k: int) -> str:
    return f"{manager.node}w{k}"


class _Hangers(NamedTuple):
    """The points that a wrapped manager's shelves hang from, as ranks below the manager."""

    ranks: list[int]  # the rank of each point, top to bottom
    point_of: list[int]  # the point of each shelf


def _hangers(plan: Plan, wraps: Wraps) -> tuple[list[int], dict[int, _Hangers]]:
    """How many ranks the part of the chart under each box takes, and the wrapped
    managers' points: each shelf hangs from a point one rank above it, one rank below
    the shelf above it on its side of the spine."""
    boxes = plan.boxes
    depth = [0] * len(boxes)
    hangers: dict[int, _Hangers] = {}
    for box in reversed(boxes):  # reports before their manager
        if box.placement != "child":
            continue
        below = [_stack_rows(box) if c < 0 else depth[c] for c in items_of(box)]
        shelves = wraps.get(box.id)
        if shelves is None:
            depth[box.id] = 1 + max(below, default=0)
            continue
        low = [0, 0]
        at: list[int] = []
        for shelf in shelves:
            side = int(shelf.right)
            at.append(low[side] + 1)
            low[side] += 1 + max(below[shelf.start : shelf.end])
        ranks = sorted(set(at))
        index = {r: k for k, r in enumerate(ranks)}
        hangers[box.id] = _Hangers(ranks, [index[r] for r in at])
        depth[box.id] = 1 + max(low)
    return depth, hangers


def _stack_rows(box: Box) -> int:
    return -(-len(box.stack) // box.columns)


def _hang(
    g: graphviz.Digraph, plan: Plan, box: Box, shelves: tuple[Shelf, ...], h: _Hangers
) -> None:
    """Wrapped reports: each shelf hangs from a point of the chain below its manager.

    The chain runs down between the shelves left and right of it (``ordering=out`` keeps
    each point's edges in the order given: left shelf, the chain, right shelf), and its
    points are as many ranks apart as the shelves above them take, so that a shelf starts
    below the one above it on its side. Its edges weigh more than others, which keeps it
    straight. (``group`` would keep it straighter, but made ``dot`` spread some charts
    of thousands of roles ten times wider.)
    """
    boxes = plan.boxes
    items = items_of(box)
    left: list[list[int]] = [[] for _ in h.ranks]
    right: list[list[int]] = [[] for _ in h.ranks]
    for shelf, k in zip(shelves, h.point_of, strict=True):
        (right if shelf.right else left)[k] += items[shelf.start : shelf.end]
    # The first shelf's point is on the rank below the manager's.
    g.edge(box.node, _wrap_point(box, 0), weight=_SPINE_WEIGHT)
    for k in range(len(h.ranks)):
        point = _wrap_point(box, k)
        for c in left[k]:
            if c >= 0:
                g.edge(point, boxes[c].node)
        if k + 1 < len(h.ranks):
            g.edge(
                point,
                _wrap_point(box, k + 1),
                minlen=str(h.ranks[k + 1] - h.ranks[k]),
                weight=_SPINE_WEIGHT,
            )
        for c in right[k]:
            if c >= 0:
                g.edge(point, boxes[c].node)


def _top_rows(
    g: graphviz.Digraph, plan: Plan, rows: tuple[tuple[int, int], ...], depth: list[int]
) -> None:
    """The top roles in rows: each row on one rank, below the deepest part of the row above
    (invisible edges from the first role of a row to the first of the next)."""
    tops = [plan.boxes[t] for t in plan.tops]
    for k, (start, end) in enumerate(rows):
        with g.subgraph() as same:
            same.attr(rank="same")
            for box in tops[start:end]:
                same.node(box.node)
        if k + 1 < len(rows):
            below = max(depth[box.id] for box in tops[start:end])
            g.edge(tops[start].node, tops[end].node, style="invis", minlen=str(below + 1))


_SPINE_WEIGHT = "10"

_POINT = {"shape": "point", "width": "0.01", "height": "0.01", "color": style.EDGE_COLOR}


def _stack(
    graph: graphviz.Digraph, plan: Plan, manager: Box, start: str, block: bool = False
) -> None:
    """Stacked leaves: a vertical chain of points per pair of columns, boxes either side.

    The chains hang from ``start``: the manager, or the point its row of reports hangs from.
    With ``block``, the stack is an invisible cluster, which keeps other nodes (such as
    the lines that pass by in a compact layout) from coming between its boxes.
    """
    point = _POINT
    previous: dict[int, str] = {}
    inside = graph
    if block:
        inside = graphviz.Digraph(name=f"cluster_{manager.node}s")
        inside.attr(label="", peripheries="0", margin="0")
    for row, pairs in _rows(plan, manager):
        with inside.subgraph() as same:
            same.attr(rank="same")
            last_right = ""
            for pair, nodes in pairs:
                spine = _spine(manager, pair, row)
                same.node(spine, "", **point)
                same.node(nodes[0])
                same.edge(nodes[0], spine)
                if len(nodes) > 1:
                    same.node(nodes[1])
                    same.edge(spine, nodes[1])
                if last_right:  # keep the pairs in order, left to right
                    same.edge(last_right, nodes[0], style="invis")
                last_right = nodes[-1]
        for pair, _ in pairs:
            spine = _spine(manager, pair, row)
            graph.edge(previous.get(pair, start), spine)
            previous[pair] = spine
    if block:
        graph.subgraph(inside)


to_dot = plan_to_dot
"""The name :func:`plan_to_dot` had before 0.2."""
