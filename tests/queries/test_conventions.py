"""What networkx, pydantic and pandas users expect, and queries that answer the obvious."""

from __future__ import annotations

import io

import networkx as nx
import pandas as pd
import pytest

import orgroles
from orgroles import Org, Role, Team
from orgroles.errors import UnknownTeamOrRoleError


def test_reports_and_manager_terms(scaleup: Org) -> None:
    assert [r.id for r in scaleup.select("reports:cto")] == [r.id for r in scaleup.reports("cto")]
    assert [r.id for r in scaleup.select("manager:dev-apps-1")] == ["lead-apps"]
    assert [r.id for r in scaleup.select("manager:cto,cpo")] == ["ceo"]
    assert [r.id for r in scaleup.select("reports:cto -kind:lead-developer")] == [
        "em-platform",
        "security-officer",
    ]


def test_a_team_with_only_a_lead_is_its_leads_line(scaleup: Org) -> None:
    org = Org(
        roles=list(scaleup.roles.values()),
        people=list(scaleup.people.values()),
        teams=[Team(id="tech", name="Tech", lead="cto")],
    )
    below = {r.id for r in org.reports("cto", transitive=True)}
    assert {r.id for r in org.select("team:tech")} == below | {"cto"}
    assert org.headcount("tech") == len(
        {p for r in [org.roles["cto"], *org.reports("cto", True)] for p in r.holders}
    )
    assert org.team_of("dev-apps-1").id == "tech"


def test_team_takes_a_team_id_or_a_role(scaleup: Org) -> None:
    assert scaleup.team("platform").id == "platform"  # a declared team, by its id
    assert scaleup.team("em-platform").id == "platform"  # the declared team a role leads
    assert scaleup.team("cto").lead == "cto"  # the implicit team of a role
    with pytest.raises(UnknownTeamOrRoleError, match="unknown team or role 'platfrom'") as info:
        scaleup.team("platfrom")
    assert isinstance(info.value, KeyError)


def test_layers_count_from_1_everywhere(scaleup: Org) -> None:
    layers = scaleup.layers()
    frame = scaleup.to_frame()
    assert layers["ceo"] == 1
    assert all(frame.loc[rid, "layer"] == layer for rid, layer in layers.items())
    assert scaleup.metrics()["layers"] == max(v for v in layers.values() if v is not None)
    assert dict(scaleup.graph.nodes(data="layer")) == layers


def test_graph_nodes_carry_the_roles_attributes(scaleup: Org) -> None:
    node = scaleup.graph.nodes["cto"]
    assert dict(node) == {
        "title": "Chief Technical Officer",
        "kind": "cto",
        "family": "executive",
        "holders": "Marc Olsen",
        "vacant": False,
        "team": "ceo",
        "layer": 2,
    }
    assert scaleup.graph.nodes["dev-apps-3"]["vacant"] is True
    assert (
        "holders" not in scaleup.graph.nodes["dev-apps-3"]
    )  # no value: left out, as GraphML wants
    out = io.BytesIO()
    nx.write_graphml(scaleup.graph, out)
    back = nx.read_graphml(io.BytesIO(out.getvalue()))
    assert back.nodes["cto"]["title"] == "Chief Technical Officer"
    assert back.number_of_edges() == scaleup.graph.number_of_edges()


def test_the_graph_handed_out_cannot_change_the_org(scaleup: Org) -> None:
    g = scaleup.graph
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        g.add_edge("dev-apps-1", "ceo")
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        g.remove_node("cto")
    with pytest.raises(TypeError):
        g.nodes["cto"]["title"] = "CEO"
    with pytest.raises(TypeError):
        g.edges["ceo", "cto"]["line"] = "dotted"
    mine = g.copy()
    mine.nodes["cto"]["title"] = "Boss"
    mine.add_edge("dev-apps-1", "ceo")
    assert scaleup.graph.nodes["cto"]["title"] == "Chief Technical Officer"
    assert not scaleup.graph.has_edge("dev-apps-1", "ceo")
    scaleup.move("dev-apps-1", "ceo")  # an edit makes a new graph
    assert scaleup.graph.has_edge("ceo", "dev-apps-1")


def test_models_have_to_dict(scaleup: Org) -> None:
    role = scaleup.roles["dev-apps-3"]
    assert role.to_dict() == {
        "id": "dev-apps-3",
        "kind": "developer",
        "reports_to": "lead-apps",
    }
    full = role.to_dict(defaults=True)
    assert full["holder"] is None
    assert full["dotted_to"] == []
    assert Role(**full) == role  # it reads back


def test_from_records_takes_a_dataframe() -> None:
    frame = pd.DataFrame(
        [
            {"id": "1", "title": "CEO", "reports_to": None, "name": "Ana Lima"},
            {"id": "2", "title": "CTO", "reports_to": "1", "name": "Bo Diaz"},
        ]
    )
    org = orgroles.from_records(frame)
    assert org.roles["2"].reports_to == "1"
    assert org.people["1"].name == "Ana Lima"
    assert org == orgroles.from_records(frame.to_dict("records"))
