"""Orgs made in Python for the chart tests: wide teams, chains, hostile text."""

from __future__ import annotations

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
