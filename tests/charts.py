"""Orgs for the chart tests: made in Python (wide teams, chains, combs, hostile text) and
the real ones of ``tests/data``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from orgroles import Org, Person, Role

HOSTILE = [
    "<script>alert(1)</script>",
    "\\N",
    "\\G \\L \\E",
    '"; rankdir=LR',
    "ops:east",
    "a&b",
    "]]>",
    "-->",
    'it\'s "quoted"',
    "back\\slash\\",
    "%%{init: {'theme': 'dark'}}%%",
    'click n0 href "javascript:alert(1)"',
    "emoji 🚀 ok",
    "<b>bold</b>",
    'x" onload="alert(1)',
]
"""Names and titles that must come out as plain text in every format."""


def wide_team(n: int = 40, vacant_every: int = 7) -> Org:
    """An engineering manager with ``n`` developers (every ``vacant_every``-th seat vacant)."""
    roles = [Role(id="em", kind="engineering-manager", holder="p0")]
    roles += [
        Role(
            id=f"dev-{i}",
            kind="developer",
            holder=None if vacant_every and i % vacant_every == 0 else f"p{i}",
            reports_to="em",
        )
        for i in range(1, n + 1)
    ]
    people = [Person(id=f"p{i}", name=f"Dev Person {i}") for i in range(n + 1)]
    return Org(name="Wide team", roles=roles, people=people)


def chain(n: int) -> Org:
    """A chain of ``n`` roles, each reporting to the previous one."""
    roles = [Role(id="r0", kind="ceo")]
    roles += [Role(id=f"r{i}", kind="developer", reports_to=f"r{i - 1}") for i in range(1, n)]
    return Org(name="Chain", roles=roles)


def hostile_org() -> Org:
    """Every hostile string as a role id, a title, a person's name and a team's name."""
    roles = [Role(id="top", title=HOSTILE[0], holder="h0")]
    people = [Person(id="h0", name=HOSTILE[-1])]
    for i, text in enumerate(HOSTILE):
        roles.append(Role(id=f"{text}#{i}", title=text, holder=f"h{i + 1}", reports_to="top"))
        people.append(Person(id=f"h{i + 1}", name=text))
    teams = [{"id": "t", "name": HOSTILE[3], "lead": "top", "members": [r.id for r in roles[1:]]}]
    return Org(name=HOSTILE[1], roles=roles, people=people, teams=teams)


RTL = "Admin \u202egnp.exe\u202c \u2067isolated\u2069"
"""A title with bidirectional overrides and isolates, which could make it read as
something else ("Admin exe.png"): charts drop them."""

HUGE = "long title " * 90_909
"""A title of a million characters less one (the most a title may have), in words."""

BIDI = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")


def hostile_org_with_tricks() -> Org:
    """:func:`hostile_org`, its name and a role's title with bidirectional overrides, a
    role with a 1 MB title, and a holder whose name has control characters."""
    org = hostile_org()
    roles = [*org.roles.values()]
    roles.append(Role(id="rtl", title=RTL, holder="h-rtl", reports_to="top"))
    roles.append(Role(id="huge", title=HUGE, holder="h-huge", reports_to="top"))
    people = [*org.people.values()]
    people.append(Person(id="h-rtl", name="\u202eanA\u202c Lima"))
    people.append(Person(id="h-huge", name="Bell\x07 \x1b[2J Clear"))
    teams = list(org.teams.values())
    return Org(name="\u202eOrg\u202c " + HOSTILE[0], roles=roles, people=people, teams=teams)


# -- real orgs and generated ones, for the geometry tests ---------------------------------

GITLAB_VP = "tm-816c6d89"
"""GitLab's VP of Development: 188 roles below, 5 layers, spans up to 10."""


def gitlab() -> Org:
    """GitLab's team page, imported (450 of its roles report to managers not in it)."""
    import warnings

    import orgroles

    from tests.helpers import DATA

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the real file has two broken role titles
        return orgroles.from_gitlab(DATA / "gitlab-team" / "team.yml")


def real_orgs() -> dict[str, Callable[[], Org]]:
    """Every org of ``tests/data``, imported as ``tests/importers`` does, by name."""
    import orgroles
    from orgroles.importers.columns import Lookup

    from tests.helpers import DATA

    d3, oracle, odoo = DATA / "d3-org-chart", DATA / "oracle-hr-schema", DATA / "odoo-hr-demo"
    cartography = DATA / "cartography-fixtures"

    def workday() -> Org:
        import json

        with (cartography / "workday_directory_report.json").open(encoding="utf-8") as handle:
            return orgroles.from_records(json.load(handle)["Report_Entry"], preset="workday")

    return {
        "d3-1516": lambda: orgroles.from_csv(d3 / "org-chart-1516.csv", preset="d3"),
        "d3-oracle-107": lambda: orgroles.from_csv(d3 / "data-oracle-107.csv", preset="d3"),
        "oracle-hr": lambda: orgroles.from_csv(
            oracle / "employees.csv",
            id_col="EMPLOYEE_ID",
            name_col=["FIRST_NAME", "LAST_NAME"],
            manager_col="MANAGER_ID",
            title_col="JOB_ID",
            titles=Lookup(str(oracle / "jobs.csv"), "JOB_TITLE"),
            department_col="DEPARTMENT_ID",
            departments=Lookup(str(oracle / "departments.csv"), "DEPARTMENT_NAME"),
        ),
        "odoo-labels": lambda: orgroles.from_csv(
            odoo / "hr_employee_export_labels.csv", preset="odoo"
        ),
        "odoo-master": lambda: orgroles.from_csv(
            odoo / "hr_demo_master_2e97a48_raw_refs.csv",
            id_col="xml_id",
            name_col="name",
            title_col="job_title_as_written",
            manager_col="parent_id_ref_as_written",
            department_col="department_id_ref",
        ),
        "workday": workday,
        "entra": lambda: orgroles.from_csv(
            cartography / "entra_users.csv",
            id_col="id",
            name_col="display_name",
            manager_col="manager_id",
            department_col="department",
        ),
        "sample-cycle": lambda: orgroles.load(DATA / "sample" / "cycle.yaml"),
        "gitlab": gitlab,
    }


def layered(top: str, *layers: tuple[str, str, int]) -> list[Role]:
    """A top role (`ceo`, titled `top`) and layers below it: for each layer (id prefix,
    title, count), `count` roles under each role of the layer above. A title may say the
    role's place among its peers (`"Vice President {}"`); ids write the path from the top:
    `vp2`, `d2-0`, `m2-0-1`."""
    roles = [Role(id="ceo", title=top)]
    above = [("ceo", "")]
    for prefix, title, count in layers:
        below = []
        for boss, path in above:
            for k in range(count):
                place = f"{path}-{k}" if path else str(k)
                rid = f"{prefix}{place}"
                roles.append(Role(id=rid, title=title.format(k), reports_to=boss))
                below.append((rid, place))
        above = below
    return roles


def comb(n: int) -> Org:
    """A deep, narrow org: a chain of ``n`` managers, each with two leaf reports too."""
    roles = [Role(id="m0", kind="ceo")]
    for i in range(1, n):
        roles.append(Role(id=f"m{i}", kind="engineering-manager", reports_to=f"m{i - 1}"))
        roles += [Role(id=f"d{i}-{k}", kind="developer", reports_to=f"m{i - 1}") for k in (1, 2)]
    return Org(name="Comb", roles=roles)


def with_teams(doc: dict[str, Any]) -> Org:
    """An org with a team for each manager below the top: the manager and all below."""
    roles = doc["roles"]
    below: dict[str, list[str]] = {}
    for role in reversed(roles):  # generate() lists managers before their reports
        boss = role.get("reports_to")
        if boss is not None:
            below.setdefault(boss, []).extend([role["id"], *below.get(role["id"], [])])
    teams = [
        {"id": f"team-{rid}", "name": f"Team {rid}", "lead": rid, "members": members}
        for rid, members in below.items()
        if rid != "r0"
    ]
    return Org(**{**doc, "teams": teams})


def with_assistants(doc: dict[str, Any]) -> Org:
    """An org with an assistant beside every manager of five reports or more."""
    roles = list(doc["roles"])
    span = Counter(r.get("reports_to") for r in roles)
    roles += [
        {"id": f"asst-{boss}", "title": "Assistant", "reports_to": boss, "assistant": True}
        for boss, n in span.items()
        if boss is not None and n >= 5
    ]
    return Org(**{**doc, "roles": roles})
