"""Geometry checks for laid-out charts: the invariant that every chart keeps
(:func:`invariant`: levels are rank, managers above, no overlaps, orthogonal lines that
join each box to its manager), the geometry an SVG draws, and the boxes of a chart laid
out by Graphviz."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import pairwise

from orgroles.render.layout import Layout
from orgroles.render.plan import Plan
from orgroles.render.wires import assistant_sides

Rect = tuple[float, float, float, float]  # x, y, width, height
Segment = tuple[tuple[int, int], tuple[int, int]]

_CELL = 256  # the side of the grid cells that index boxes


def overlapping(rects: Sequence[Rect], gap: float = 0.0) -> list[tuple[int, int]]:
    """Every pair of rectangles closer than ``gap`` horizontally that share rows.

    A sweep along x: a pair is skipped only when the second starts at least ``gap``
    right of the first's right side, so that no overlapping pair is missed.
    """
    found = []
    order = sorted(range(len(rects)), key=lambda i: rects[i][0])
    for k, i in enumerate(order):
        x, y, w, h = rects[i]
        for j in order[k + 1 :]:
            x2, y2, _w2, h2 = rects[j]
            if x2 >= x + w + gap - 1e-6:
                break
            if y < y2 + h2 - 1e-6 and y2 < y + h - 1e-6:
                found.append((i, j))
    return found


def box_rects(plan: Plan, chart: Layout) -> list[Rect]:
    """Each box's rectangle as the SVG draws it."""
    bw = round(plan.box_width)
    return [(chart.x[b.id], chart.y[b.id], bw, round(b.height)) for b in plan.boxes]


class _Grid:
    """Rectangles indexed by the grid cells they cover."""

    def __init__(self, rects: Sequence[Rect]) -> None:
        self.rects = rects
        self.cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, r in enumerate(rects):
            for cell in self._cells(r):
                self.cells[cell].append(i)

    @staticmethod
    def _cells(r: Rect) -> Iterator[tuple[int, int]]:
        x, y, w, h = r
        for cx in range(int(x) // _CELL, int(x + w) // _CELL + 1):
            for cy in range(int(y) // _CELL, int(y + h) // _CELL + 1):
                yield cx, cy

    def near(self, r: Rect) -> set[int]:
        return {i for cell in self._cells(r) for i in self.cells.get(cell, ())}


def segments(chart: Layout) -> list[Segment]:
    """Every straight piece of every connector (all are horizontal or vertical)."""
    found = []
    for wire in chart.wires:
        for a, b in pairwise(wire):
            assert a[0] == b[0] or a[1] == b[1], f"a slanted line {a} {b}"
            found.append((min(a, b), max(a, b)))
    return found


def lines_through_boxes(plan: Plan, chart: Layout) -> list[tuple[Segment, int]]:
    """The connector pieces that enter a box (ending on its border is fine)."""
    rects = box_rects(plan, chart)
    grid = _Grid(rects)
    found = []
    for seg in segments(chart):
        (x1, y1), (x2, y2) = seg
        for i in grid.near((x1, y1, x2 - x1, y2 - y1)):
            x, y, w, h = rects[i]
            # A horizontal or vertical piece meets the open inside of the box.
            if x < x2 and x1 < x + w and y < y2 and y1 < y + h:
                found.append((seg, i))
    return found


class Wiring:
    """The connectors of a chart as sets of connected pieces, and the boxes they touch.

    Pieces are connected when an end of one lies on the other; a set touches a box when
    an end of one of its pieces lies on the box's border.
    """

    def __init__(self, plan: Plan, chart: Layout) -> None:
        self.segs = segs = segments(chart)
        self.parent = list(range(len(segs)))
        across: dict[int, list[int]] = defaultdict(list)  # y -> horizontal pieces
        down: dict[int, list[int]] = defaultdict(list)  # x -> vertical pieces
        for k, ((x1, y1), (x2, y2)) in enumerate(segs):
            if y1 == y2:
                across[y1].append(k)
            if x1 == x2:
                down[x1].append(k)
        for k, seg in enumerate(segs):
            for px, py in seg:
                for j in across.get(py, ()):
                    if segs[j][0][0] <= px <= segs[j][1][0]:
                        self._join(j, k)
                for j in down.get(px, ()):
                    if segs[j][0][1] <= py <= segs[j][1][1]:
                        self._join(j, k)
        rects = box_rects(plan, chart)
        grid = _Grid(rects)
        self.touched: dict[int, set[int]] = defaultdict(set)
        for k, seg in enumerate(segs):
            for px, py in seg:
                for i in grid.near((px, py, 0, 0)):
                    x, y, w, h = rects[i]
                    on_side = px in (x, x + w) and y <= py <= y + h
                    on_edge = py in (y, y + h) and x <= px <= x + w
                    if on_side or on_edge:
                        self.touched[self.find(k)].add(i)

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def _join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def families(self) -> list[set[int]]:
        """The boxes that each set of connected lines touches."""
        return list(self.touched.values())

    def tangles(self) -> list[tuple[Segment, Segment]]:
        """Pieces of different sets that cross or touch: a reader could not tell them apart."""
        segs = self.segs
        grid = _Grid([(a[0], a[1], b[0] - a[0], b[1] - a[1]) for a, b in segs])
        found = []
        for k, ((x1, y1), (x2, y2)) in enumerate(segs):
            for j in grid.near((x1, y1, x2 - x1, y2 - y1)):
                if j <= k or self.find(j) == self.find(k):
                    continue
                (u1, v1), (u2, v2) = segs[j]
                if u1 <= x2 and x1 <= u2 and v1 <= y2 and y1 <= v2:
                    found.append((segs[k], segs[j]))
        return found


def dot_layout(source: str) -> tuple[float, float, list[Rect]]:
    """Run ``dot -Tjson`` on DOT source: the drawing's width and height, and the box of
    every role node (ids ``n0``, ``n1``, ...), in points."""
    from orgroles.render.engines import run_dot

    data = json.loads(run_dot(source, "json"))
    _, _, width, height = (float(v) for v in data["bb"].split(","))
    rects = []
    for obj in data.get("objects", ()):
        if "pos" not in obj or not re.fullmatch(r"n\d+", obj["name"]):
            continue
        x, y = (float(v) for v in obj["pos"].split(","))
        w, h = float(obj["width"]) * 72, float(obj["height"]) * 72
        rects.append((x - w / 2, y - h / 2, w, h))
    return width, height, rects


def rows_of(plan: Plan, chart: Layout) -> list[int]:
    """The row of the chart (of a forest wrapped into rows) that each box is in."""
    row = [0] * len(plan.boxes)
    for r, (start, end) in enumerate(chart.rows):
        for t in plan.tops[start:end]:
            row[t] = r
    for box in plan.boxes:  # pre-order: managers before their reports
        if box.parent >= 0:
            row[box.id] = row[box.parent]
    return row


def invariant(plan: Plan, chart: Layout) -> list[str]:
    """What breaks the geometry of a chart, in words (nothing for a good chart).

    - Levels are rank: every box placed as a report (or a top) has its top at the y of
      its level in its row, and the levels of a row go down in order; the first row of a
      stack is at the level of the manager's reports; an assistant is beside its manager.
    - Every box is below its manager (assistants aside).
    - No two boxes overlap (nor come closer than 8 px side by side), and every box is on
      the canvas.
    - Every connector is orthogonal, crosses no box, meets no line of another manager,
      and joins one manager to some of its own reports; every box is joined to its
      manager.
    - A team frame holds the boxes of its team and no other.
    """
    problems: list[str] = []
    boxes = plan.boxes
    rects = box_rects(plan, chart)
    row = rows_of(plan, chart)
    for r, levels in enumerate(chart.levels):
        if levels != sorted(set(levels)):
            problems.append(f"row {r}: levels not in order: {levels}")
    for box in boxes:
        x, y, w, h = rects[box.id]
        name = box.role or box.placeholder or box.node
        levels = chart.levels[row[box.id]]
        if box.placement == "child" and y != levels[box.level]:
            problems.append(
                f"{name} (level {box.level}) at y={y}, its level at {levels[box.level]}"
            )
        if box.parent < 0:
            continue
        px, py, pw, ph = rects[box.parent]
        if box.placement == "assistant":
            # Beside the manager, on its side: in a column whose top is the manager's.
            left, right = assistant_sides(boxes[box.parent])
            column = left if box.id in left else right
            first = rects[column[0]][1]
            outside = x + w <= px if column is left else x >= px + pw
            if y < py or first != py or not outside:
                problems.append(f"assistant {name} is not beside its manager")
        elif y < py + ph:
            problems.append(f"{name} is not below its manager")
    for box in boxes:
        if box.stack:
            first = rects[box.stack[0]][1]
            want = chart.levels[row[box.id]][box.level + 1]
            if first != want:
                problems.append(f"the stack of {box.role} starts at y={first}, not {want}")
    for i, j in overlapping(rects, gap=8):
        problems.append(f"{boxes[i].role or i} and {boxes[j].role or j} overlap")
    for x, y, w, h in rects:
        if x < 0 or y < 0 or x + w > chart.width or y + h > chart.height:
            problems.append(f"a box at {x},{y} is off the canvas {chart.width}x{chart.height}")
    try:
        segments(chart)
    except AssertionError as error:
        return [*problems, str(error)]
    for seg, i in lines_through_boxes(plan, chart):
        problems.append(f"a line {seg} crosses {boxes[i].role or i}")
    wiring = Wiring(plan, chart)
    for one, other in wiring.tangles():
        problems.append(f"lines of two managers meet: {one} {other}")
    joined: set[tuple[int, int]] = set()
    for family in wiring.families():
        managers = [m for m in family if all(boxes[o].parent == m for o in family - {m})]
        if len(managers) != 1:
            problems.append(f"lines join {sorted(family)}, not one manager and its reports")
            continue
        joined |= {(managers[0], r) for r in family - set(managers)}
    for box in boxes:
        if box.parent >= 0 and (box.parent, box.id) not in joined:
            problems.append(f"{box.role or box.id} has no line to its manager")
    inside_of: dict[int, set[int]] = {}
    for cluster in reversed(plan.clusters):  # inner frames first
        members = inside_of[cluster.id] = set(cluster.boxes)
        for inner in cluster.children:
            members |= inside_of[inner]
        fx, fy, fw, fh = chart.frames[cluster.id]
        if not fw:
            continue
        for b in boxes:
            x, y, w, h = rects[b.id]
            inside = fx <= x and x + w <= fx + fw and fy <= y and y + h <= fy + fh
            apart = x + w <= fx or fx + fw <= x or y + h <= fy or fy + fh <= y
            if not (inside if b.id in members else apart):
                problems.append(f"frame {cluster.team} and box {b.role}")
    return problems


def drawn_geometry(svg: str) -> tuple[dict[str, tuple[int, int, int, int]], list[list[Point]]]:
    """The boxes (by node id) and the connector lines that an SVG of the builtin engine
    draws, read from the SVG itself."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    drawn: list[list[Point]] = []
    for g in root.iter(f"{ns}g"):
        if g.get("class") != "lines":
            continue
        for path in g.iter(f"{ns}path"):
            for wire in path.get("d", "").split("M")[1:]:
                drawn.append([_point(p) for p in wire.split("L")])
    rects = {}
    for g in root.iter(f"{ns}g"):
        classes = (g.get("class") or "").split()
        if classes and classes[0] in ("role", "fold", "placeholder"):
            r = next(g.iter(f"{ns}rect")).attrib
            rects[g.get("id") or ""] = (
                int(r["x"]),
                int(r["y"]),
                int(r["width"]),
                int(r["height"]),
            )
    return rects, drawn


Point = tuple[int, int]


def _point(text: str) -> Point:
    x, y = text.split()
    return int(x), int(y)


PathPoint = tuple[float, float]
"""A point along a drawn path (`path_points()`), in px or EMU."""


def path_points(d: str, steps: int = 24) -> list[list[PathPoint]]:
    """PathPoints along each subpath of an SVG path made of M, L, C and Q commands."""
    tokens = re.findall(r"[MLCQ]|-?\d+(?:\.\d+)?", d)
    paths: list[list[PathPoint]] = []
    at: PathPoint = (0.0, 0.0)
    k = 0
    while k < len(tokens):
        cmd = tokens[k]
        size = {"M": 2, "L": 2, "Q": 4, "C": 6}[cmd]
        nums = [float(t) for t in tokens[k + 1 : k + 1 + size]]
        k += 1 + size
        pts = [at, *zip(nums[::2], nums[1::2], strict=True)]
        if cmd == "M":
            paths.append([pts[1]])
        elif cmd == "L":
            paths[-1].append(pts[1])
        else:
            for s in range(1, steps + 1):
                t = s / steps
                if cmd == "Q":
                    (x0, y0), (x1, y1), (x2, y2) = pts
                    x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * x1 + t**2 * x2
                    y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * y1 + t**2 * y2
                else:
                    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts
                    a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
                    x = a * x0 + b * x1 + c * x2 + e * x3
                    y = a * y0 + b * y1 + c * y2 + e * y3
                paths[-1].append((x, y))
        at = paths[-1][-1]
    return paths


def densified(points: list[PathPoint]) -> list[PathPoint]:
    """The points of a polyline with straight pieces cut every 2 px."""
    out = [points[0]]
    for (x0, y0), (x1, y1) in pairwise(points):
        n = max(1, int(max(abs(x1 - x0), abs(y1 - y0)) // 2))
        out += [(x0 + (x1 - x0) * s / n, y0 + (y1 - y0) * s / n) for s in range(1, n + 1)]
    return out
