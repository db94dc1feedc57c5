"""Queries: reporting lines, dotted lines, teams, responsibilities, subtrees, big orgs."""

from __future__ import annotations

import networkx as nx
import pytest

import orgroles
from orgroles import queries
from orgroles.errors import OrgUsageError, RuleConfigError, UnknownRoleError


def test_the_founders_question(tiny: orgroles.Org) -> None:
    assert [r.id for r in tiny.reports("cto")] == ["dev-1", "dev-2"]
    assert [r.id for r in queries.reports(tiny, "cto")] == ["dev-1", "dev-2"]


def test_chain_manager_and_transitive_reports(scaleup: orgroles.Org) -> None:
    assert [r.id for r in scaleup.chain("dev-platform-2")] == [
        "dev-platform-2",
        "lead-platform",
        "em-platform",
        "cto",
        "ceo",
    ]
    assert scaleup.manager("ceo") is None
    below = [r.id for r in scaleup.reports("em-platform", transitive=True)]
    assert below == [
        "lead-platform",
        "po-platform",
        "dev-platform-1",
        "dev-platform-2",
    ]  # breadth first


def test_unknown_ids_raise_a_keyerror_with_a_hint(scaleup: orgroles.Org) -> None:
    with pytest.raises(UnknownRoleError, match=r"did you mean 'designer-1'"):
        scaleup.chain("designer-01")
    with pytest.raises(KeyError):
        scaleup.manager("nobody")
    with pytest.raises(KeyError):
        scaleup.roles["nobody"]


def test_dotted_lines_never_change_the_chain_or_spans(scaleup: orgroles.Org) -> None:
    manager = scaleup.manager("po-platform")
    assert manager is not None
    assert manager.id == "em-platform"  # dotted to pm-core
    assert scaleup.span()["pm-core"] == 0
    assert scaleup.graph.edges["pm-core", "po-platform"]["line"] == "dotted"
    assert scaleup.graph.edges["em-platform", "po-platform"]["line"] == "solid"
    assert not scaleup.reporting_graph.has_edge("pm-core", "po-platform")
    assert nx.is_tree(scaleup.reporting_graph)


def test_assistants_report_but_do_not_count_in_the_span(scaleup: orgroles.Org) -> None:
    assert "exec-assistant" in [r.id for r in scaleup.reports("ceo")]
    assert scaleup.span()["ceo"] == 2


def test_layers_and_cycles() -> None:
    org = orgroles.loads(
        "roles:\n  - {id: a}\n  - {id: b, reports_to: a}\n"
        "  - {id: x, reports_to: y}\n  - {id: y, reports_to: x}\n  - {id: z, reports_to: x}\n"
    )
    assert org.layers() == {"a": 1, "b": 2, "x": None, "y": None, "z": None}
    assert [r.id for r in org.chain("z")] == ["z", "x", "y"]  # stops before repeating
    assert sorted(r.id for r in org.reports("x", transitive=True)) == ["y", "z"]


def test_responsibilities_effective_set(tiny: orgroles.Org) -> None:
    org = orgroles.loads(
        "roles:\n  - {id: cto, kind: cto, responsibilities: [hands-on-coding, technology-watch], "
        "drop: [technical-audit, report-to-direction]}\n"
    )
    ids = [r.id for r in org.responsibilities_of("cto")]
    assert ids[-1] == "hands-on-coding"  # additions come after the defaults
    assert "technical-audit" not in ids
    assert ids.count("technology-watch") == 1
    assert len(ids) == 11 - 2 + 1
    unknown = orgroles.loads("roles:\n  - {id: r, responsibilities: [made-up]}\n")
    (resp,) = unknown.responsibilities_of("r")
    assert (resp.id, resp.category) == ("made-up", None)


def test_roles_with(scaleup: orgroles.Org) -> None:
    assert [r.id for r in scaleup.roles_with("product-vision")] == ["cpo"]
    assert [r.id for r in scaleup.roles_with("nothing-like-this")] == []


def test_teams_declared_and_implicit(scaleup: orgroles.Org, tiny: orgroles.Org) -> None:
    assert scaleup.team_of("po-apps").id == "apps"
    assert scaleup.team_of("lead-apps").id == "apps"  # as lead
    assert [t.id for t in scaleup.teams_of("dev-apps-3")] == ["apps"]
    assert scaleup.headcount("apps") == 4  # 5 seats, one vacant
    implicit = tiny.team("cto")
    assert (implicit.id, implicit.lead, implicit.members) == ("cto", "cto", ("dev-1", "dev-2"))
    assert tiny.team_of("dev-2").id == "cto"
    assert tiny.team_of("ceo").id == "ceo"  # a top role's team is its own
    assert tiny.headcount(implicit) == 3


def test_subtree(scaleup: orgroles.Org) -> None:
    whole = scaleup.subtree("cpo")
    assert list(whole.roles) == [
        "cpo",
        "pm-core",
        "pm-growth",
        "design-lead",
        "designer-1",
        "designer-2",
    ]
    assert whole.roles["cpo"].reports_to is None
    assert [t.id for t in whole.teams.values()] == ["design"]
    assert sorted(whole.people) == ["aisha", "jonas", "mei", "nina", "pablo", "sofia"]
    assert list(scaleup.subtree("cpo", depth=0).roles) == ["cpo"]
    assert whole.check(select=["S"]).ok
    with pytest.raises(ValueError, match="depth"):
        scaleup.subtree("cpo", depth=-1)


def test_subset_puts_each_role_under_its_nearest_kept_manager(scaleup: orgroles.Org) -> None:
    product = scaleup.subset([*scaleup.select("family:product"), "cpo"])
    assert [(r.id, r.reports_to) for r in product.roles.values()] == [
        ("cpo", None),
        ("po-platform", None),  # under an engineering manager: no kept manager above
        ("po-apps", None),
        ("pm-core", "cpo"),
        ("pm-growth", "cpo"),
        ("design-lead", "cpo"),
        ("designer-1", "design-lead"),
        ("designer-2", "design-lead"),
    ]
    assert sorted(product.people) == ["aisha", "bruno", "jonas", "mei", "nina", "pablo",
                                      "ravi", "sofia"]  # fmt: skip
    assert [t.id for t in product.teams.values()] == ["platform", "apps", "design"]
    assert scaleup.roles["designer-1"].reports_to == "design-lead"  # the org is unchanged
    # The CTO's developers, under the CTO once their leads are left out.
    devs = scaleup.subset("kind:cto,developer")
    assert {r.id: r.reports_to for r in devs.roles.values()} == {
        "cto": None,
        "dev-platform-1": "cto",
        "dev-platform-2": "cto",
        "dev-apps-1": "cto",
        "dev-apps-2": "cto",
        "dev-apps-3": "cto",
    }
    assert list(scaleup.subset("").roles) == list(scaleup.roles)
    with pytest.raises(orgroles.OrgError, match="unknown role 'ctoo'"):
        scaleup.subset(["ctoo"])


def test_subset_through_a_cycle_of_roles_left_out() -> None:
    org = orgroles.loads(
        "roles:\n  - {id: a, reports_to: b}\n  - {id: b, reports_to: c}\n"
        "  - {id: c, reports_to: b}\n  - {id: d, reports_to: a}\n  - {id: e, reports_to: c}\n"
    )
    kept = org.subset(["a", "d", "e"])
    assert {r.id: r.reports_to for r in kept.roles.values()} == {"a": None, "d": "a", "e": None}
    # A cycle through a role left out that comes back to a kept role: no self-report.
    cycle = orgroles.Org(roles=[{"id": "p", "reports_to": "q"}, {"id": "q", "reports_to": "p"}])
    cycle.add_role({"id": "r", "reports_to": "q"})
    kept = cycle.subset(["p", "r"])
    assert {r.id: r.reports_to for r in kept.roles.values()} == {"p": None, "r": "p"}


@pytest.mark.slow
def test_a_100000_deep_chain_needs_no_recursion() -> None:
    n = 100_000
    org = orgroles.Org(
        roles=[{"id": "r0"}, *({"id": f"r{i}", "reports_to": f"r{i - 1}"} for i in range(1, n))]
    )
    chain = org.chain(f"r{n - 1}")
    assert len(chain) == n
    assert chain[-1].id == "r0"
    assert len(org.reports("r0", transitive=True)) == n - 1
    assert org.layers()[f"r{n - 1}"] == n
    assert len(org.subtree("r50000").roles) == n - 50_000
    report = org.check(select=["C003", "S001"])
    assert [v.role for v in report] == ["r8"]


@pytest.mark.slow
def test_a_100000_long_cycle_is_one_violation() -> None:
    n = 100_000
    org = orgroles.Org(roles=[{"id": f"r{i}", "reports_to": f"r{(i - 1) % n}"} for i in range(n)])
    (v,) = org.check(select=["S001"]).violations
    assert v.message.startswith("reporting cycle of 100,000 roles: r0 -> r99999 -> r99998")
    assert len(v.related) == n - 1
    assert len(org.chain("r5")) == n


def test_indexes_are_shared_and_rebuilt_after_edits(tiny: orgroles.Org) -> None:
    first = tiny.index
    assert tiny.index is first
    tiny.move("dev-2", "ceo")
    assert tiny.index is not first
    assert [r.id for r in tiny.reports("ceo")] == ["cto", "dev-2"]


def test_a_callers_wrong_values_are_said_plainly(scaleup: orgroles.Org) -> None:
    # headcount() refused a role id that team() takes; the others raised Python's own
    # errors from inside ("'int' object is not a mapping", "'<' not supported ...").
    assert scaleup.headcount("cto") == scaleup.headcount(scaleup.team("cto")) > 0
    with pytest.raises(orgroles.OrgError, match="unknown team or role 'nope'"):
        scaleup.headcount("nope")
    with pytest.raises(RuleConfigError, match=r"params: C001: expected a mapping .* got int"):
        scaleup.check(params={"C001": 5})  # type: ignore[dict-item]
    with pytest.raises(OrgUsageError, match="depth must be a whole number, 0 or more, not 'x'"):
        scaleup.subtree("cto", depth="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a selector is a str or a Selector, not int"):
        scaleup.select(5)  # type: ignore[arg-type]
