"""Editing in place, copies for scenarios, and diffs (API and CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
