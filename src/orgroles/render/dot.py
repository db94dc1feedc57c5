"""Build a Graphviz DOT graph from a plan: pure string building, no engine is run.

Node ids are synthetic (`n0`, `n1`, ...), so that no role id can break the syntax
(`ops:east` would otherwise read as a node and a port). Box text is an HTML-like label
made from a fixed template with every field escaped by
`dot_html()`; every other user value goes through
`dot_text()`.

Levels are rank: the boxes of a level share a rank (`rank=same`) and a height, and
lines are orthogonal (`splines=ortho`). Stacked leaves hang from invisible-width
"spine" points, one per pair of columns and row, each on the rank of its row, in a
frameless cluster; assistants share their manager's rank; teams are clusters; dotted
lines are dashed edges with `constraint=false`, so that they never change the ranks.
In the compact layout (`orgroles.render.arrange`), several top roles go in the rows
that the builtin engine chooses, each row below the one before.

Examples:
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
            {
                    rank=same
                    n2
                    n3
            }
    }
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import graphviz

from orgroles.render import style
from orgroles.render.arrange import compact
from orgroles.render.formats import Drawing
from orgroles.render.layout import layout as lay_out
from orgroles.render.options import MAX_ASPECT, ChartOptions
from orgroles.render.paint import CHANGE_COLORS, Theme, box_paint, theme_of
from orgroles.render.plan import Box, Line, Plan, make_plan
from orgroles.render.quoting import dot_html, dot_lines, dot_text

if TYPE_CHECKING:
    from orgroles.core import OrgCore

__all__ = ["draw", "html_label", "plan_to_dot", "to_dot"]

_PT = 72.0  # px per inch: Graphviz sizes are in inches, its SVG units are points


def _line(line: Line, look: Theme) -> str:
    s = style.STYLES[line.style]
    text = dot_html(line.text)
    if s.bold:
        text = f"<B>{text}</B>"
    if s.italic:
        text = f"<I>{text}</I>"
    attrs = ""
    if s.size != 12:
        attrs += f' POINT-SIZE="{s.size:g}"'
    color = look.color(line.style)
    if color != look.color("title"):
        attrs += f' COLOR="{color}"'
    return f"<FONT{attrs}>{text}</FONT>" if attrs else text


def html_label(
    lines: tuple[Line, ...] | list[Line], align: str = "", theme: str = "default"
) -> str:
    """Return the HTML-like label of some lines of text (each field escaped).

    Examples:
        >>> html_label([Line("title", "R&D <Lead>"), Line("vacant", "vacant")])
        '<<B>R&amp;D &lt;Lead&gt;</B><BR/><FONT COLOR="#6e7781"><I>vacant</I></FONT>>'
    """
    look = theme_of(theme)
    br = f'<BR ALIGN="{align}"/>' if align else "<BR/>"
    body = br.join(_line(line, look) for line in lines)
    return f"<{body}{br if align else ''}>"


def _entries(plan: Plan) -> list[tuple[str, Box | None]]:
    """The legend's entries, in the builtin engine's order: a colour's swatch (a box),
    a dotted line (None), a change's swatch (a box)."""
    entries: list[tuple[str, Box | None]]
    entries = [(label, Box(-1, None, (), color_key=key)) for label, key in plan.legend]
    entries += [(label, None) for label, _ in plan.lines]
    entries += [(label, Box(-1, None, (), change=(kind,))) for label, kind in plan.changes]
    return entries


def _label(plan: Plan, head: list[Line]) -> str:
    """The chart's label, at the top: its title and notes, then its legend in one row.

    Examples:
        >>> import orgroles
        >>> from orgroles.render.plan import make_plan
        >>> label = _label(make_plan(orgroles.load("examples/three_person_tech_team.yaml")), [])
        >>> 'BGCOLOR="#dde7f7"' in label, "Executive" in label
        (True, True)
    """
    look = theme_of(plan.theme)
    cells = []
    for text, swatch in _entries(plan):
        name = f'<TD ALIGN="LEFT">{_line(Line("note", text), look)}</TD>'
        if swatch is None:  # drawn as the chart draws dotted lines
            cells.append(f'<TD><FONT COLOR="{look.dotted}"><B>- - -</B></FONT></TD>{name}')
            continue
        paint = box_paint(swatch, plan)
        fill = "#ffffff" if swatch.change and not paint.dash else paint.fill
        cells.append(
            f'<TD BGCOLOR="{fill}" COLOR="{paint.stroke}" BORDER="1" STYLE="ROUNDED" '
            f'WIDTH="14" HEIGHT="10" FIXEDSIZE="TRUE"> </TD>{name}'
        )
    rows = []
    if head:
        title = html_label(head, "LEFT", plan.theme)[1:-1]
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{title}</TD></TR>')
    if cells:
        rows.append(
            '<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="5">'
            f"<TR>{''.join(cells)}</TR></TABLE></TD></TR>"
        )
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0">{"".join(rows)}</TABLE>>'


def _node_attrs(box: Box, plan: Plan) -> dict[str, str]:
    paint = box_paint(box, plan)
    shape_style = "rounded,filled"
    attrs: dict[str, str] = {}
    if box.vacant:
        shape_style += ",dashed" if box.placeholder is None else ",dotted"
    elif box.planned:
        shape_style += ",dotted"
    elif "removed" in box.change:  # a change chart's ghost
        shape_style += ",dashed"
    if paint.width != 1.2:
        attrs["penwidth"] = f"{paint.width:g}"
    attrs.update(
        style=shape_style,
        fillcolor=paint.fill,
        color=paint.stroke,
        height=f"{box.height / _PT:.3f}",
    )
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
    """The chart of `org` as DOT source (the format table's writer for `.dot`)."""
    plan = make_plan(org, options)
    source = plan_to_dot(plan, layout=options.layout, max_aspect=options.max_aspect).source
    return Drawing(source.encode("utf-8"), plan)


def plan_to_dot(
    plan: Plan, *, layout: str = "compact", max_aspect: float = MAX_ASPECT
) -> graphviz.Digraph:
    """Return the DOT graph of a plan (a `graphviz.Digraph`; no engine is run).

    Levels are rank: the boxes of each level are on one rank (`rank=same`), and lines
    are orthogonal (`splines=ortho`). With `layout="compact"`, the plan's leaves are
    stacked and its trees wrapped in rows as the builtin engine does it (see
    `orgroles.render.arrange`).
    """
    ChartOptions.of(layout=layout, max_aspect=max_aspect)  # checks them
    rows = [(0, len(plan.tops))]
    if layout == "compact":
        drawn = compact(plan, max_aspect)
        if drawn is not plan and len(plan.tops) > 1:  # a forest too wide: in rows
            rows = lay_out(drawn, wrap=max_aspect).rows
        plan = drawn
    width_in = f"{plan.box_width / _PT:.3f}"
    head = [Line("heading", plan.title)] if plan.title else []
    look = theme_of(plan.theme)
    g = graphviz.Digraph(
        name="org",
        graph_attr={
            "rankdir": "LR" if plan.direction == "LR" else "TB",
            "nodesep": "0.22",
            "ranksep": "0.45",
            "newrank": "true",
            "splines": "ortho",
            "fontname": style.DOT_FONT,
            "bgcolor": "#ffffff",
            "labelloc": "t",
            "labeljust": "l",
            **({"label": _label(plan, [*head, *plan.notes])} if head or _entries(plan) else {}),
        },
        node_attr={
            "shape": "box",
            "fontname": style.DOT_FONT,
            "fontsize": "12",
            "fontcolor": look.color("title"),
            "width": width_in,
            "margin": "0.11,0.07",
            "penwidth": "1.2",
        },
        edge_attr={"arrowhead": "none", "color": look.edge, "penwidth": f"{look.edge_width:g}"},
    )
    clusters = plan.clusters
    boxes = plan.boxes
    members: dict[int, list[Box]] = {}
    for box in boxes:
        members.setdefault(box.cluster, []).append(box)

    def fill(graph: graphviz.Digraph, cluster: int) -> None:
        for box in members.get(cluster, ()):
            graph.node(box.node, html_label(box.lines, theme=plan.theme), **_node_attrs(box, plan))
        for box in members.get(cluster, ()):
            if box.assistants:
                with graph.subgraph() as same:
                    same.attr(rank="same")
                    same.node(box.node)
                    for a in box.assistants:
                        same.node(boxes[a].node)
            if box.stack:
                _stack(graph, plan, box, box.node)

    # Teams nest: build the innermost clusters first, without recursion.
    built: dict[int, graphviz.Digraph] = {}
    for cluster in reversed(clusters):
        sub = graphviz.Digraph(name=f"cluster_{cluster.id}")
        sub.attr(
            label=dot_text(cluster.label),
            style="rounded,filled",
            fillcolor=look.frame_fill,
            color=look.frame_stroke,
            fontsize="11",
            fontcolor=look.frame_text,
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
        for c in box.children:
            g.edge(box.node, boxes[c].node)
        for a in box.assistants:
            g.edge(box.node, boxes[a].node)
    _levels(g, plan, rows)
    for a, b in plan.dotted:
        g.edge(
            boxes[a].node,
            boxes[b].node,
            style="dashed",
            constraint="false",
            color=look.dotted,
        )
    for a, b in plan.moves:  # a change chart: the old lines of the moved seats
        g.edge(
            boxes[a].node,
            boxes[b].node,
            style="dashed",
            constraint="false",
            color=CHANGE_COLORS["moved"],
        )
    return g


def _levels(g: graphviz.Digraph, plan: Plan, rows: Sequence[tuple[int, int]]) -> None:
    """Levels are rank: the boxes of each level of each row of trees on one rank. Each
    row of trees starts below the deepest part of the row above (an invisible edge from
    the first top of a row to the first of the next, as long as the ranks it takes)."""
    boxes = plan.boxes
    tops = plan.tops
    row_of = [0] * len(boxes)
    for r, (start, end) in enumerate(rows):
        for t in tops[start:end]:
            row_of[t] = r
    ranks = [0] * len(rows)  # how many ranks each row takes
    by_level: dict[tuple[int, int], list[str]] = {}
    for box in boxes:  # in pre-order: managers first
        if box.placement == "stack":
            continue
        if box.parent >= 0:
            row_of[box.id] = row_of[box.parent]
        r = row_of[box.id]
        taken = box.level + 1 + (-(-len(box.stack) // box.columns) if box.stack else 0)
        ranks[r] = max(ranks[r], taken)
        if box.placement == "child":
            by_level.setdefault((r, box.level), []).append(box.node)
    for (_, _), nodes in sorted(by_level.items()):
        if len(nodes) > 1:
            with g.subgraph() as same:
                same.attr(rank="same")
                for node in nodes:
                    same.node(node)
    for r in range(len(rows) - 1):
        first, below = boxes[tops[rows[r][0]]], boxes[tops[rows[r + 1][0]]]
        g.edge(first.node, below.node, style="invis", minlen=str(ranks[r] + 1))


_POINT = {"shape": "point", "width": "0.01", "height": "0.01", "color": style.EDGE_COLOR}


def _stack(graph: graphviz.Digraph, plan: Plan, manager: Box, start: str) -> None:
    """Stacked leaves: a vertical chain of points per pair of columns, boxes either side.

    The chains hang from `start`, the manager. The stack is an invisible cluster, which
    keeps other nodes (such as the lines that pass by) from coming between its boxes.
    """
    point = _POINT
    previous: dict[int, str] = {}
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
    graph.subgraph(inside)


to_dot = plan_to_dot
"""The name `plan_to_dot()` had before 0.2."""
