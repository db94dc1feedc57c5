"""Mermaid `flowchart TD` text from a plan, which GitHub and GitLab draw in Markdown.

Node ids are synthetic (`n0`, ...), labels are quoted and entity-escaped by
`mermaid_text()`, and styles come from `classDef` lines
for families, vacancies and violations. User text never reaches a comment, a directive
or a class name. Mermaid has no way to stack leaves in columns, so a stack becomes
columns of boxes joined by invisible links (`~~~`), with one reporting line from the
manager to the top of each column.

Examples:
    >>> import orgroles
    >>> from orgroles.render.plan import make_plan
    >>> print(to_mermaid(make_plan(orgroles.load("examples/three_person_tech_team.yaml"))))
    ... # doctest: +ELLIPSIS
    flowchart TD
        n0["<b>Chief Executive Officer</b><br/>Noor Haddad"]
        n1["<b>Chief Technical Officer</b><br/>Camille Roux"]
    ...
        n0 --- n1
        n1 --- n2
        n1 --- n3
        classDef fam_executive fill:#dde7f7,stroke:#2f4b7c,color:#1f2328
    ...
"""

from __future__ import annotations

import dataclasses
from itertools import pairwise
from typing import TYPE_CHECKING

from orgroles.render import style
from orgroles.render.formats import Drawing
from orgroles.render.paint import CHANGE_COLORS, GHOST_FILL, REMOVED_DASH, box_paint, theme_of
from orgroles.render.plan import Box, Line, Plan, make_plan
from orgroles.render.quoting import css_class, mermaid_text

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.options import ChartOptions

__all__ = ["draw", "to_mermaid"]

_INDENT = "    "


def _line(line: Line) -> str:
    s = style.STYLES[line.style]
    text = mermaid_text(line.text)
    if s.bold:
        text = f"<b>{text}</b>"
    if s.italic:
        text = f"<i>{text}</i>"
    if s.size < 12:
        text = f"<small>{text}</small>"
    return text


def _node(box: Box) -> str:
    label = "<br/>".join(_line(line) for line in box.lines)
    return f'{box.node}["{label}"]'


def _by_group(plan: Plan) -> bool:
    """Whether the boxes are coloured by something else than their family."""
    return any(b.color_key != b.family for b in plan.boxes if b.role is not None)


def _family_class(family: str | None) -> str:
    return "fam_" + css_class(family or "none").replace("-", "_")


def draw(org: OrgCore, options: ChartOptions) -> Drawing:
    """The chart of `org` as Mermaid text (the format table's writer for `.mmd`)."""
    plan = make_plan(org, options)
    return Drawing(to_mermaid(plan).encode("utf-8"), plan)


def to_mermaid(plan: Plan) -> str:
    """Return the Mermaid flowchart of a plan (ends with a newline)."""
    boxes = plan.boxes
    out = ["flowchart LR" if plan.direction == "LR" else "flowchart TD"]
    members: dict[int, list[Box]] = {}
    for box in boxes:
        members.setdefault(box.cluster, []).append(box)
    out += [_INDENT + _node(box) for box in members.get(-1, ())]
    # Teams as nested subgraphs, opened and closed with an explicit stack.
    todo: list[tuple[int, int]] = [(c.id, 1) for c in reversed(plan.clusters) if c.parent < 0]
    closing: list[int] = []
    while todo:
        k, depth = todo.pop()
        while len(closing) >= depth:
            closing.pop()
            out.append(_INDENT * len(closing) + _INDENT + "end")
        cluster = plan.clusters[k]
        pad = _INDENT * depth
        out.append(f'{pad}subgraph t{k}["{mermaid_text(cluster.label)}"]')
        out += [pad + _INDENT + _node(box) for box in members.get(k, ())]
        closing.append(k)
        todo += [(c, depth + 1) for c in reversed(cluster.children)]
    while closing:
        closing.pop()
        out.append(_INDENT * len(closing) + _INDENT + "end")
    for box in boxes:
        for c in box.assistants:
            out.append(f"{_INDENT}{box.node} --- {boxes[c].node}")
        for c in box.children:
            out.append(f"{_INDENT}{box.node} --- {boxes[c].node}")
        if box.stack:
            k = box.columns
            for col in range(min(k, len(box.stack))):
                column = box.stack[col::k]
                out.append(f"{_INDENT}{box.node} --- {boxes[column[0]].node}")
                out += [
                    f"{_INDENT}{boxes[a].node} ~~~ {boxes[b].node}" for a, b in pairwise(column)
                ]
    for a, b in plan.dotted:
        out.append(f"{_INDENT}{boxes[a].node} -.- {boxes[b].node}")
    for a, b in plan.moves:  # a change chart: the old lines of the moved seats
        out.append(f"{_INDENT}{boxes[a].node} -.-x {boxes[b].node}")
    # A class per colour: fam_NAME for families, grp_K for other groups (K in the
    # palette's order), so that no user text becomes a class name.
    group = {key: k for k, key in enumerate(plan.palette)}
    by_family = not _by_group(plan)

    def class_of(box: Box) -> str:
        if by_family:
            return _family_class(box.family)
        return f"grp_{group.get(box.color_key, len(group))}"

    classes: dict[str, list[str]] = {}
    for box in boxes:
        classes.setdefault(class_of(box), []).append(box.node)
        if box.vacant:
            classes.setdefault("vacant", []).append(box.node)
        elif box.planned:
            classes.setdefault("planned", []).append(box.node)
        if box.severity is not None:
            classes.setdefault("sev_" + box.severity, []).append(box.node)
        if box.change:
            classes.setdefault(box.change[0], []).append(box.node)
    look = theme_of(plan.theme)
    defined = set()
    for box in boxes:
        name = class_of(box)
        if name not in defined:
            defined.add(name)
            paint = box_paint(dataclasses.replace(box, vacant=False, severity=None), plan)
            out.append(
                f"{_INDENT}classDef {name} fill:{paint.fill},stroke:{paint.stroke},"
                f"color:{look.color('title')}"
            )
    if "vacant" in classes:
        out.append(f"{_INDENT}classDef vacant fill:#ffffff,stroke-dasharray:5 3")
    if "planned" in classes:
        out.append(f"{_INDENT}classDef planned stroke-dasharray:1 4")
    for change, color in CHANGE_COLORS.items():  # a change chart's marks
        if change in classes:
            ghost = f",fill:{GHOST_FILL},stroke-dasharray:{REMOVED_DASH.replace(' ', ' ')}"
            dash = ghost if change == "removed" else ""
            out.append(f"{_INDENT}classDef {change} stroke:{color},stroke-width:3px{dash}")
    for severity, color in look.severity.items():
        if "sev_" + severity in classes:
            out.append(f"{_INDENT}classDef sev_{severity} stroke:{color},stroke-width:3px")
    for name, nodes in classes.items():
        for start in range(0, len(nodes), 200):
            out.append(f"{_INDENT}class {','.join(nodes[start : start + 200])} {name}")
    return "\n".join(out) + "\n"
