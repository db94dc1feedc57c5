"""Queries on an org, as free functions grouped by topic (as networkx does).

Each is also a method of `Org`: `chain(org, "dev-1")` is
`org.chain("dev-1")`. All run on the org's shared indexes, in O(answer) or O(N).
"""

from orgroles.queries.graph import graph, reporting_graph
from orgroles.queries.hierarchy import (
    chain,
    layers,
    manager,
    reports,
    roots,
    span,
    subset,
    subtree,
)
from orgroles.queries.kinds import KindsFound, kinds_found
from orgroles.queries.responsibilities import responsibilities_of, roles_with
from orgroles.queries.teams import headcount, team, team_of, teams_of

__all__ = [
    "KindsFound",
    "chain",
    "graph",
    "headcount",
    "kinds_found",
    "layers",
    "manager",
    "reporting_graph",
    "reports",
    "responsibilities_of",
    "roles_with",
    "roots",
    "span",
    "subset",
    "subtree",
    "team",
    "team_of",
    "teams_of",
]
