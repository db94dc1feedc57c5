"""Teams that share members (review F17) and teams asked about many times: linear work,
counted with ids that count their comparisons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orgroles
from orgroles.model import Team
from orgroles.queries.teams import members, membership, team


class CountingId(str):
    """A team id that counts how often it is compared."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        type(self).compared += 1
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        type(self).compared += 1
        return str.__ne__(self, other)

    __hash__ = str.__hash__


class Teams:
    """Just what membership() reads of an org: its teams, and a cache."""

    def __init__(self, teams: list[Team]) -> None:
        self.teams = {t.id: t for t in teams}

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        return build()


def test_thirty_thousand_teams_sharing_one_member_is_linear() -> None:
    teams = [Team(id=f"t{i}", members=("a",)) for i in range(30_000)]
    for t in teams:
        object.__setattr__(t, "id", CountingId(t.id))
    CountingId.compared = 0
    found = membership(Teams(teams))  # type: ignore[arg-type]
    assert len(found["a"]) == 30_000
    assert CountingId.compared <= 2 * 30_000  # 450 million before: 10 s (26 s here)


def test_the_team_a_role_leads_is_found_without_a_scan_per_question() -> None:
    lines = ["roles:"] + [f"  - {{id: r{i}}}" for i in range(2_000)]
    lines += ["teams:"] + [f"  - {{id: t{i}, lead: r{i}}}" for i in range(2_000)]
    org = orgroles.loads("\n".join(lines) + "\n")
    assert [team(org, f"r{i}").id for i in range(0, 2_000, 500)] == ["t0", "t500", "t1000", "t1500"]
    assert len(org.cached("team-by-lead", dict)) == 2_000  # one table, built once and kept


def test_members_are_listed_once() -> None:
    org = orgroles.loads(
        "roles:\n  - {id: a}\n  - {id: b}\nteams:\n  - {id: t, lead: a, members: [b, b, a, b]}\n"
    )
    assert members(org, org.teams["t"]) == ["a", "b"]
