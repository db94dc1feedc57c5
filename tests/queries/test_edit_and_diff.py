"""Editing in place, copies for scenarios, and diffs (API and CLI)."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgroles
from orgroles.errors import EditError, OrgValidationError, UnknownPersonError, UnknownRoleError

from tests.helpers import SCALEUP, Cli


def test_a_copy_is_independent(scaleup: orgroles.Org) -> None:
    scenario = scaleup.copy()
    scenario.vacate("cto")
    assert scaleup.roles["cto"].holder == "marc"
    assert scenario.roles["cto"].vacant
    assert scenario.location_of("cto") == scaleup.location_of("cto")


def test_add_role_validates_and_refuses_duplicates(tiny: orgroles.Org) -> None:
    tiny.add_role({"id": "dev-3", "kind": "developer", "reports_to": "cto"})
    assert [r.id for r in tiny.reports("cto")] == ["dev-1", "dev-2", "dev-3"]
    with pytest.raises(EditError, match="already exists"):
        tiny.add_role({"id": "dev-3"})
    with pytest.raises(OrgValidationError, match=r"role.reports_too: unknown key"):
        tiny.add_role({"id": "dev-4", "reports_too": "cto"})


def test_move_refuses_cycles_and_unknown_managers(scaleup: orgroles.Org) -> None:
    scaleup.move("designer-1", "cpo")
    manager = scaleup.manager("designer-1")
    assert manager is not None
    assert manager.id == "cpo"
    with pytest.raises(EditError, match="would make a reporting cycle"):
        scaleup.move("cpo", "designer-2")
    with pytest.raises(EditError, match="cannot report to itself"):
        scaleup.move("cpo", "cpo")
    with pytest.raises(UnknownRoleError):
        scaleup.move("cpo", "boss")
    scaleup.move("cpo", None)
    assert [r.id for r in scaleup.roots()] == ["ceo", "cpo"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["r0", "r1", "r2", "r3", "r4", "r5", "gone", None]), min_size=6, max_size=6
    ),
    st.sampled_from(["r0", "r1", "r2", "r3", "r4", "r5"]),
    st.sampled_from(["r0", "r1", "r2", "r3", "r4", "r5"]),
)
def test_move_refuses_exactly_the_moves_under_the_roles_own_reports(
    bosses: list[str | None], role: str, new_manager: str
) -> None:
    # Any shape: loops, a role reporting to itself, a manager not in the org. A move is
    # refused when the new manager is below the role in the index (the answer of
    # `below()`), and only then; the check walks up the chain instead of indexing.
    org = orgroles.Org(roles=[{"id": f"r{i}", "reports_to": b} for i, b in enumerate(bosses)])
    index = org.index
    below = {index.ids[i] for i in index.below(index.pos[role])}
    refused = new_manager == role or new_manager in below
    try:
        org.move(role, new_manager)
    except EditError:
        assert refused
    else:
        assert not refused
        assert org.roles[role].reports_to == new_manager


def test_assign_and_vacate(scaleup: orgroles.Org) -> None:
    scaleup.assign("dev-apps-3", orgroles.Person(id="new", name="New Hire"))
    assert scaleup.people["new"].name == "New Hire"
    assert scaleup.roles["dev-apps-3"].holder == "new"
    scaleup.assign("cto", ["marc", "kenji"], acting=True)
    assert scaleup.roles["cto"].holders == ("marc", "kenji")
    assert scaleup.roles["cto"].acting
    with pytest.raises(UnknownPersonError, match="did you mean 'marc'"):
        scaleup.assign("cto", "mark")
    scaleup.vacate("cto")
    assert scaleup.roles["cto"].vacant
    assert not scaleup.roles["cto"].acting


def test_remove_role_moves_reports_up_and_cleans_references(scaleup: orgroles.Org) -> None:
    removed = scaleup.remove_role("em-platform")
    assert removed.id == "em-platform"
    for moved_up in ("lead-platform", "po-platform"):
        manager = scaleup.manager(moved_up)
        assert manager is not None, moved_up
        assert manager.id == "cto", moved_up
    assert scaleup.teams["platform"].lead is None
    scaleup.remove_role("pm-core")
    assert scaleup.roles["po-platform"].dotted_to == ()
    assert scaleup.check(select=["S"]).ok


def test_removing_a_self_reporting_role_leaves_its_reports_at_the_top() -> None:
    # Its report was given the removed role as its manager: a line to nothing (S002).
    org = orgroles.Org(roles=[{"id": "a", "reports_to": "a"}, {"id": "b", "reports_to": "a"}])
    org.remove_role("a")
    assert [(r.id, r.reports_to) for r in org.roles.values()] == [("b", None)]
    assert org.check(select=["S"]).ok


def test_remove_role_can_refuse(scaleup: orgroles.Org) -> None:
    with pytest.raises(EditError, match="has 3 direct reports: pm-core, pm-growth, design-lead"):
        scaleup.remove_role("cpo", reports="error")
    assert "cpo" in scaleup.roles


def test_update_role(tiny: orgroles.Org) -> None:
    tiny.update_role("cto", responsibilities=())
    assert [v.code for v in tiny.check()] == ["K004"]
    with pytest.raises(EditError, match="use move"):
        tiny.update_role("cto", reports_to="dev-1")
    with pytest.raises(OrgValidationError):
        tiny.update_role("cto", acting="maybe")


def test_diff_lists_every_kind_of_change(scaleup: orgroles.Org) -> None:
    new = scaleup.copy()
    new.add_role({"id": "pm-data", "kind": "product-manager", "reports_to": "cpo"})
    new.remove_role("pm-growth")
    new.move("po-apps", "em-platform")
    new.update_role("lead-apps", title="Apps Lead")
    new.assign("dev-apps-3", "jonas")
    new.update_role("designer-2", kind="product-manager")
    changes = scaleup.diff(new)
    assert changes.counts() == {
        "added": 1,
        "removed": 1,
        "moved": 1,
        "retitled": 2,
        "restaffed": 1,
        "changed": 1,
        "people": 0,
        "teams": 0,
    }
    assert str(changes).splitlines() == [
        "added      pm-data: Product Manager, under cpo",
        "removed    pm-growth: Product Manager",
        "moved      po-apps: lead-apps -> em-platform",
        "retitled   lead-apps: Lead Developer -> Apps Lead",
        "retitled   designer-2: Designer -> Product Manager",
        "restaffed  dev-apps-3: (vacant) -> jonas",
        "changed    designer-2: kind: designer -> product-manager",
    ]
    assert not scaleup.diff(scaleup.copy())
    assert str(scaleup.diff(scaleup.copy())) == "no changes"


def test_diff_lists_the_people_and_teams_that_changed(
    run: Cli, scaleup: orgroles.Org, tmp_path: Path
) -> None:
    # An analyst comparing two years: a name changed, a hire, a squad reshuffled and a
    # new team were "no changes" (exit 0) when the seats were the same.
    data = scaleup.to_document().to_dict()
    people = {p["id"]: p for p in data["people"]}
    people["sofia"]["name"] = "Sofia Brandt-Lind"
    data["people"].append({"id": "aurele", "name": "Aurèle Marin"})
    apps, design = data["teams"][1], data["teams"][2]
    apps["members"] = ["dev-apps-1", "dev-apps-3", "po-apps", "designer-1"]
    apps["lead"] = "dev-apps-1"
    design["members"] = ["designer-2"]
    data["teams"].append({"id": "guild", "name": "Data guild"})
    data["teams"] = [t for t in data["teams"] if t["id"] != "platform"]
    new = orgroles.Org(**data)
    changes = scaleup.diff(new)
    assert changes
    assert changes.counts()["people"] == 2
    assert changes.counts()["teams"] == 5
    assert str(changes).splitlines() == [
        "person     aurele: added (Aurèle Marin)",
        "person     sofia: name: Sofia Brandt -> Sofia Brandt-Lind",
        "team       guild: added (Data guild)",
        "team       platform: removed (Platform squad)",
        "team       apps: lead: lead-apps -> dev-apps-1",
        "team       apps: members: +designer-1, -dev-apps-2",
        "team       design: members: -designer-1",
    ]
    assert changes.to_dict()["teams"][3] == {
        "team": "apps",
        "field": "members",
        "old": ["dev-apps-1", "dev-apps-2", "dev-apps-3", "po-apps"],
        "new": ["dev-apps-1", "dev-apps-3", "po-apps", "designer-1"],
    }
    new.dump(tmp_path / "new.yaml")
    result = run("diff", SCALEUP, tmp_path / "new.yaml")
    assert result.exit_code == 1
    assert "team       design: members: -designer-1" in result.stdout.splitlines()


def test_diff_cli(run: Cli, scaleup: orgroles.Org, tmp_path: Path) -> None:
    new = scaleup.copy()
    new.vacate("cpo")
    new.dump(tmp_path / "new.yaml")
    result = run("diff", SCALEUP, tmp_path / "new.yaml")
    assert result.exit_code == 1  # they differ: like diff(1) and git diff --exit-code
    assert result.stdout == "restaffed  cpo: sofia -> (vacant)\n"
    same = run("diff", SCALEUP, SCALEUP)
    assert same.exit_code == 0
    data = json.loads(run("diff", SCALEUP, tmp_path / "new.yaml", "--format", "json").stdout)
    assert data["restaffed"] == [{"role": "cpo", "field": "holder", "old": "sofia", "new": None}]
    assert data["counts"]["restaffed"] == 1


def test_a_seat_planned_by_hand_is_a_change() -> None:
    # `planned` was not compared: "no changes", and `orgroles diff` exited 0.
    old = orgroles.Org(roles=[{"id": "ceo"}, {"id": "cto", "reports_to": "ceo"}])
    new = orgroles.Org(roles=[{"id": "ceo"}, {"id": "cto", "reports_to": "ceo", "planned": True}])
    found = old.diff(new)
    assert str(found) == "changed    cto: planned: False -> True"
    assert found.to_dict()["changed"] == [
        {"role": "cto", "field": "planned", "old": False, "new": True}
    ]


def test_edits_refuse_what_loading_refuses() -> None:
    # Edits checked the role model only: the edited org checked fine, and its own dump
    # did not load ("unknown rule", "the seat ends before it starts").
    org = orgroles.Org(roles=[{"id": "ceo"}, {"id": "dev", "reports_to": "ceo"}])
    with pytest.raises(EditError, match=r"role 'dev': noqa: unknown rule 'ZZ99'"):
        org.update_role("dev", noqa=["ZZ99"])
    with pytest.raises(EditError, match=r"role 'x': noqa: unknown rule 'ZZ99'"):
        org.add_role({"id": "x", "noqa": {"ZZ99": "why"}})
    with pytest.raises(EditError, match=r"role 'x': dates \(start, end\) need a dated org"):
        org.add_role({"id": "x", "start": "2024-05-01", "end": "2024-01-01"})
    assert org.update_role("dev", noqa=["S003", "span-too-wide"]).noqa == (
        "S003",
        "span-too-wide",
    )
    assert orgroles.loads(org.dumps()) == org


def test_edits_give_no_dates_to_an_undated_org() -> None:
    # In memory the seats counted as plain ones (3 roles, none planned); read back, the
    # org was dated: the seat closed in 2020 gone, the 2099 one planned.
    org = orgroles.Org(roles=[{"id": "ceo"}])
    dated: list[dict[str, Any]] = [
        {"id": "old", "reports_to": "ceo", "end": "2020-12-31"},
        {"id": "new", "reports_to": "ceo", "start": "2099-01-01"},
        {"id": "h", "holder": [{"person": "ana", "start": "2024-01-01"}]},
        {"id": "l", "reports_to": [{"role": "ceo", "start": "2024-01-01"}]},
    ]
    for role, fields in zip(dated, ["end", "start", "holder", "reports_to"], strict=True):
        with pytest.raises(EditError, match=rf"role '{role['id']}': dates \({fields}\)"):
            org.add_role(role)
    with pytest.raises(EditError, match=r"role 'ceo': dates \(start\) need a dated org"):
        org.update_role("ceo", start="2024-01-01")
    assert list(org.roles) == ["ceo"]
    assert not orgroles.loads(org.dumps()).dated


def test_add_role_refuses_ids_loading_refuses_and_a_self_report() -> None:
    org = orgroles.Org(roles=[{"id": "caf\u00e9"}], people=[{"id": "jos\u00e9"}])
    with pytest.raises(EditError, match="cannot report to itself"):
        org.add_role({"id": "x", "reports_to": "x"})  # as move() refuses it
    with pytest.raises(EditError, match="in another Unicode form"):
        org.add_role({"id": "cafe\u0301"})
    with pytest.raises(EditError, match="in another Unicode form"):
        org.add_person({"id": "jose\u0301"})
    with pytest.raises(EditError, match="invalid role id"):
        org.add_role({"id": "\u200b"})
    assert orgroles.loads(org.dumps()) == org


_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["add", "update", "move", "remove", "assign", "vacate"]),
        st.sampled_from(["ceo", "cto", "dev", "x", "caf\u00e9", "cafe\u0301"]),
        st.sampled_from(
            [
                {},
                {"noqa": ["S003"]},
                {"noqa": ["ZZ99"]},
                {"start": "2024-01-01"},
                {"end": "2020-01-01"},
                {"title": "Boss"},
                {"planned": True},
            ]
        ),
        st.sampled_from([None, "ceo", "cto", "dev", "x", "ghost"]),
    ),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(_EDITS)
def test_any_edited_org_reloads_from_its_dump(
    edits: list[tuple[str, str, dict[str, Any], str]],
) -> None:
    org = orgroles.Org(
        people=[{"id": "ana"}],
        roles=[{"id": "ceo", "holder": "ana"}, {"id": "cto", "reports_to": "ceo"}],
    )
    for op, rid, fields, other in edits:
        try:
            if op == "add":
                org.add_role({"id": rid, "reports_to": other, **fields})
            elif op == "update":
                org.update_role(rid, **fields)
            elif op == "move":
                org.move(rid, other)
            elif op == "remove":
                org.remove_role(rid)
            elif op == "assign":
                org.assign(rid, "ana")
            else:
                org.vacate(rid)
        except (EditError, OrgValidationError, UnknownRoleError):
            pass
    for again in (orgroles.loads(org.dumps()), orgroles.loads(org.dumps("json"), "json")):
        assert again == org
        assert not again.dated
        assert list(again.roles.values()) == list(org.roles.values())


def test_copies_share_no_mutable_state_with_the_original() -> None:
    # copy(), subtree() and as_of() shared each role's meta dict with the original, and
    # copy.copy(org) and renamed() its table of roles: an edit of one changed the other.
    org = orgroles.Org(
        people=[{"id": "ana", "meta": {"tags": ["x"]}}],
        roles=[
            {"id": "ceo", "holder": "ana", "meta": {"cost_center": "A1", "tags": ["a"]}},
            {"id": "cto", "reports_to": "ceo", "noqa": {"S003": "why"}},
            {"id": "dev", "reports_to": "cto"},
        ],
        rules={"params": {"C001": {"max_span": 9}}},
        meta={"source": {"name": "hris"}},
    )
    before = org.to_document().to_dict()
    for other in (org.copy(), org.as_of("2020-01-01"), copy.copy(org)):
        other.roles["ceo"].meta["cost_center"] = "B2"
        other.roles["ceo"].meta["tags"].append("b")
        other.roles["dev"].meta["new"] = 1  # an empty meta is a dict of its own too
        other.roles["cto"].noqa["S004"] = "too"  # type: ignore[index]
        other.people["ana"].meta["tags"].append("y")
        other.rules.params["C001"]["max_span"] = 3
        other.meta["source"]["name"] = "what-if"
        assert org.to_document().to_dict() == before
    for other in (copy.copy(org), org.renamed("What-if")):
        other.move("dev", "ceo")
        other.vacate("ceo")
        assert org.manager("dev") == org.roles["cto"]  # the original's index is current
        assert org.to_document().to_dict() == before


def test_views_and_parts_share_their_frozen_models() -> None:
    """A dated org's views and an org's parts are made for reading, at scale: they share
    the models (and their `meta`) rather than copying a million of them (`as_of` of a
    past day at 100,000 roles took 1.0 s instead of 0.21 s with copies). `copy()` is the
    independent one."""
    org = orgroles.loads(
        "roles:\n  - {id: ceo, meta: {cc: A1}}\n  - {id: cto, start: 2025-01-01, meta: {cc: B}}\n",
        today=date(2026, 1, 1),
    )
    assert org.as_of("2024-01-01").roles["ceo"] is org.records["ceo"]
    assert org.as_of("2024-01-01").copy().roles["ceo"].meta is not org.records["ceo"].meta


def test_a_diff_as_a_pandas_table_for_two_snapshots(scaleup: orgroles.Org) -> None:
    after = scaleup.copy()
    after.move("po-apps", "em-platform")
    after.vacate("lead-apps")
    after.remove_role("pm-growth")
    after.add_role({"id": "pm-data", "kind": "product-manager", "reports_to": "cpo"})
    frame = scaleup.diff(after).to_frame()
    assert list(frame.columns) == ["change", "id", "title", "field", "old", "new"]
    assert frame["change"].value_counts().to_dict() == {
        "added": 1,
        "removed": 1,
        "moved": 1,
        "restaffed": 1,
    }
    moved = frame[frame["change"] == "moved"].iloc[0].to_dict()
    assert moved == {
        "change": "moved",
        "id": "po-apps",
        "title": "Product Owner",
        "field": "reports_to",
        "old": "lead-apps",
        "new": "em-platform",
    }
    assert frame.set_index("id").loc["pm-data", "new"] == "cpo"
    assert len(scaleup.diff(scaleup).to_frame()) == 0
