"""The org as a networkx graph, manager -> report, for graph algorithms and exports.

Each node is a role id and carries the role's attributes: `title`, `kind`,
`family`, `holders` (the names, joined by ", "), `vacant`, `team` and `layer`
(an attribute with no value is left out, as GraphML wants). Each edge has `line`:
`"solid"` for a reporting line, `"dotted"` for a dotted line.

The graph is built once per version of the org and handed out frozen, with read-only
attributes, so that no caller can change what the next one sees; `graph(org).copy()`
gives a graph of your own to change.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> g = graph(org)
    >>> sorted(g.edges)
    [('ceo', 'cto'), ('cto', 'dev-1'), ('cto', 'dev-2')]
    >>> dict(g.nodes["cto"])  # doctest: +NORMALIZE_WHITESPACE
    {'title': 'Chief Technical Officer', 'kind': 'cto', 'family': 'executive',
     'holders': 'Camille Roux', 'vacant': False, 'team': 'ceo', 'layer': 2}
    >>> g.add_node("x")
    Traceback (most recent call last):
    ...
    networkx.exception.NetworkXError: Frozen graph can't be modified
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from orgroles.queries.teams import team_ids

if TYPE_CHECKING:
    import networkx as nx

    from orgroles.core import OrgCore

__all__ = ["graph", "node_attributes", "reporting_graph"]

_SOLID = MappingProxyType({"line": "solid"})
_DOTTED = MappingProxyType({"line": "dotted"})


def graph(org: OrgCore) -> nx.DiGraph:
    """A frozen networkx `DiGraph` of the org, manager -> report, built once per version.

    Nodes are role ids, in file order, with the role's attributes (see the module).
    Solid reporting lines have `line="solid"` and dotted lines `line="dotted"`;
    `reporting_graph()` shows only the former. References to unknown roles are left
    out (the rule S002 reports them).
    """
    return org.cached("graph", lambda: _build(org))


def reporting_graph(org: OrgCore) -> nx.DiGraph:
    """A read-only view of `graph()` with the solid reporting lines only."""
    import networkx as nx

    full = graph(org)
    return nx.subgraph_view(full, filter_edge=lambda u, v: full[u][v]["line"] == "solid")


def node_attributes(org: OrgCore) -> list[dict[str, Any]]:
    """The attributes of every role's node, in file order (what `graph()` carries)."""
    index = org.index
    kinds = org.catalog.kinds
    people = org.people
    teams = team_ids(org)
    out = []
    for role, team, depth in zip(org.roles.values(), teams, index.depth, strict=True):
        kind = kinds.get(role.kind) if role.kind is not None else None
        attributes: dict[str, Any] = {"title": org.title_of(role)}
        if role.kind is not None:
            attributes["kind"] = role.kind
        family = kind.family if kind is not None and kind.family else role.family
        if family:
            attributes["family"] = family
        if role.holders:
            attributes["holders"] = ", ".join(
                p.display_name if (p := people.get(h)) is not None else h for h in role.holders
            )
        attributes["vacant"] = role.vacant
        attributes["team"] = team
        if depth >= 0:
            attributes["layer"] = depth + 1
        out.append(attributes)
    return out


def _build(org: OrgCore) -> nx.DiGraph:
    import networkx as nx

    roles = org.roles
    g = nx.DiGraph()
    g.add_nodes_from(
        (rid, attributes) for rid, attributes in zip(roles, node_attributes(org), strict=True)
    )
    g.add_edges_from(
        (r.reports_to, rid)
        for rid, r in roles.items()
        if r.reports_to is not None and r.reports_to in roles and r.reports_to != rid
    )
    for rid, r in roles.items():
        for boss in r.dotted_to:
            if boss in roles and boss != rid and not g.has_edge(boss, rid):
                g.add_edge(boss, rid, dotted=True)
    # Read-only attribute mappings: a caller can read them, and write them only in a copy.
    nodes = g._node  # networkx has no public way to swap an attribute mapping
    for rid in nodes:
        nodes[rid] = MappingProxyType(nodes[rid])
    for u, v, data in g.edges(data=True):
        g._succ[u][v] = g._pred[v][u] = _DOTTED if data.pop("dotted", False) else _SOLID
    return nx.freeze(g)
