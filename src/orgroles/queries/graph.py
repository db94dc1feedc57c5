"""The org as a networkx graph, manager -> report, for graph algorithms and exports.

>>> import orgroles
>>> org = orgroles.load("examples/three_person_tech_team.yaml")
>>> sorted(graph(org).edges)
[('ceo', 'cto'), ('cto', 'dev-1'), ('cto', 'dev-2')]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

    from orgroles.core import OrgCore
    from orgroles.model import Role

__all__ = ["graph", "reporting_graph"]


def graph(org: OrgCore) -> nx.DiGraph:
    """A networkx ``DiGraph`` of the org, manager -> report, built once per version.

    Nodes are role ids, in file order. Solid reporting lines have ``line="solid"`` and
    dotted lines ``line="dotted"``; :func:`reporting_graph` shows only the former.
    References to unknown roles are left out (the rule S002 reports them).
    """
    return org.cached("graph", lambda: _build(org.roles))


def reporting_graph(org: OrgCore) -> nx.DiGraph:
    """A read-only view of :func:`graph` with the solid reporting lines only."""
    import networkx as nx

    full = graph(org)
    return nx.subgraph_view(full, filter_edge=lambda u, v: full[u][v]["line"] == "solid")


def _build(roles: Mapping[str, Role]) -> nx.DiGraph:
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(roles)
    g.add_edges_from(
        (r.reports_to, rid, {"line": "solid"})
        for rid, r in roles.items()
        if r.reports_to is not None and r.reports_to in roles and r.reports_to != rid
    )
    for rid, r in roles.items():
        for boss in r.dotted_to:
            if boss in roles and boss != rid and not g.has_edge(boss, rid):
                g.add_edge(boss, rid, line="dotted")
    return g
