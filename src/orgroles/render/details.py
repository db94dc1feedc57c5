"""The explorer's second JSON block: what its details panel shows beyond the chart (kinds,
holders, teams, violations, links), by node of the page (see `html`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from orgroles.queries.teams import membership
from orgroles.render.quoting import clean, mailto, safe_url

if TYPE_CHECKING:
    from orgroles.core import OrgCore
    from orgroles.render.plan import Plan
    from orgroles.rules.report import Report

__all__ = ["details"]


def details(
    org: OrgCore,
    plan: Plan,
    node_of: dict[str, int],
    report: Report | None,
    shift: int = 0,
) -> dict[str, Any]:
    """What the details panel shows beyond the chart: kinds, holders, teams, violations.

    Box `i` of `plan` is node `i + shift` of the page; a node that is not a role
    (the top of a forest, a manager that is not in the org) has no kind and no holder.
    """
    lang = plan.lang
    roles = org.roles
    kinds: dict[str, int] = {}
    kind_rows: list[list[str]] = []
    people: dict[str, int] = {}
    people_rows: list[list[str | None]] = []
    teams: dict[str, int] = {}
    team_rows: list[list[Any]] = []
    kind: list[int] = [-1] * shift
    holders: list[list[int]] = [[] for _ in range(shift)]
    team: dict[str, list[int]] = {}
    urls: dict[str, str] = {}
    joined = membership(org)
    for box in plan.boxes:
        if box.role is None:  # a manager that is not in the org
            kind.append(-1)
            holders.append([])
            continue
        role = roles[box.role]
        k = -1
        if role.kind is not None:
            k = kinds.get(role.kind, -1)
            if k < 0:
                k = kinds[role.kind] = len(kind_rows)
                entry = org.kind_of(role)
                kind_rows.append([clean(role.kind), clean(entry.text(lang)) if entry else ""])
        kind.append(k)
        held = []
        for person in org.holders_of(role):
            at = people.get(person.id)
            if at is None:
                at = people[person.id] = len(people_rows)
                url = mailto(person.email)  # the address, checked and quoted
                people_rows.append([clean(person.display_name), url[7:] if url else None])
            held.append(at)
        holders.append(held)
        in_teams = []
        for tid in joined.get(role.id, ()):
            at = teams.get(tid)
            if at is None:
                at = teams[tid] = len(team_rows)
                t = org.teams[tid]
                lead = node_of.get(t.lead, -1) if t.lead else -1
                team_rows.append([clean(tid), clean(t.display_name), lead])
            in_teams.append(at)
        if in_teams:
            team[str(box.id + shift)] = in_teams
        url = safe_url(role.meta.get("url")) if role.meta else None
        if url is not None and not url.startswith("mailto:"):
            urls[str(box.id + shift)] = url
    violations: dict[str, list[list[str]]] = {}
    if report is not None:
        for rid, broken in report.by_role().items():
            node = node_of.get(rid)
            if node is not None:
                violations[str(node)] = [
                    [v.code, v.name, v.severity, clean(v.message)] for v in broken
                ]
    return {
        "kinds": kind_rows,
        "kind": kind,
        "people": people_rows,
        "holders": holders,
        "teams": team_rows,
        "team": team,
        "urls": urls,
        "violations": violations,
    }
