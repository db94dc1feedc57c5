"""Deterministic, realistic orgs of any size for the benchmarks (invented people only).

Spans of control of 3 to 10, 6 to 10 layers, titles, names, e-mails, a few vacancies and
interim holders, and 3 to 6 responsibilities per role (the kind's defaults plus some
added ones). The same size and seed always give the same org, byte for byte.

:func:`generate_dirty` makes the same org the way HR exports really are: 3 % of the roles
report to a manager who is not in the file (someone who left, or another company of the
group: ids such as ``ext-6f80201b`` or a number past the file's), 10 % of the seats are
vacant, the org is a forest (0.1 % of the roles are tops without a manager), and titles
repeat (a third of the roles share six titles).
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "dated",
    "generate",
    "generate_dirty",
    "undated",
    "write_csv",
    "write_json",
    "write_yaml",
]

FIRST = [
    "Ana",
    "Bo",
    "Chidi",
    "Dana",
    "Emil",
    "Farah",
    "Gus",
    "Hana",
    "Ines",
    "Jon",
    "Kemi",
    "Lars",
    "Mina",
    "Noor",
    "Omar",
    "Pia",
    "Quinn",
    "Rosa",
    "Sami",
    "Tove",
    "Uma",
    "Vic",
    "Wen",
    "Xavi",
    "Yara",
    "Zeno",
]
LAST = [
    "Abara",
    "Berg",
    "Costa",
    "Dahl",
    "Eze",
    "Fabre",
    "Gomez",
    "Haddad",
    "Ito",
    "Jansen",
    "Kovac",
    "Lind",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Perrin",
    "Quist",
    "Rossi",
    "Sato",
    "Toure",
    "Ueda",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zoric",
]
EXTRA = [
    "code-review",
    "testing",
    "technical-mentoring",
    "user-research",
    "product-kpis",
    "technology-watch",
    "feature-specification",
    "delivery-process",
]
TECH = ["engineering-manager", "lead-developer", "developer", "developer", "product-owner"]
PRODUCT = ["product-manager", "designer", "designer"]


def generate(
    n: int, seed: int = 7, *, every_seat_held: bool = False, max_span: int = 10
) -> dict[str, Any]:
    """An org document (plain data) of ``n`` roles.

    With ``every_seat_held``, no seat is vacant: one person per seat, each with a
    ``people:`` row (name and e-mail), as an HR export gives them. The random draws are
    the same either way, so the org is otherwise the same. Spans of control are drawn
    from 3 to ``max_span``: with 12, a million roles fit in eight layers, and a fifth of
    the managers have more than ten reports (rule C001).
    """
    rng = random.Random(seed)
    roles: list[dict[str, Any]] = [{"id": "r0", "kind": "ceo", "holder": "p0"}]
    people: list[dict[str, Any]] = []
    line = {0: "exec"}
    frontier = [0]
    depth = {0: 0}
    max_depth = 9
    while len(roles) < n:
        next_frontier = []
        for boss in frontier:
            if len(roles) >= n:
                break
            span = rng.randint(3, max_span)
            for _ in range(span):
                i = len(roles)
                if i >= n:
                    break
                d = depth[boss] + 1
                if boss == 0:
                    kind = ["cto", "cpo", None][min(i - 1, 2)] if i <= 3 else None
                    family = {"cto": "tech", "cpo": "product"}.get(kind or "", "ops")
                else:
                    family = line[boss]
                    pool = TECH if family == "tech" else PRODUCT if family == "product" else [None]
                    kind = rng.choice(pool)
                role: dict[str, Any] = {"id": f"r{i}", "reports_to": f"r{boss}"}
                if kind:
                    role["kind"] = kind
                else:
                    role["title"] = f"Operations Associate {rng.randint(1, 9)}"
                if rng.random() < 0.02:  # a vacancy, or with every seat held a new hire
                    if every_seat_held:
                        role["holder"] = f"p{i}"
                else:
                    role["holder"] = f"p{i}"
                    if rng.random() < 0.01:
                        role["acting"] = True
                extra = rng.sample(EXTRA, rng.randint(0, 3))
                if extra:
                    role["responsibilities"] = extra
                roles.append(role)
                line[i] = family
                depth[i] = d
                if d < max_depth:
                    next_frontier.append(i)
        frontier = next_frontier or [len(roles) - 1]
    for role in roles:
        pid = role.get("holder")
        if pid:
            i = int(pid[1:])
            first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
            people.append({"id": pid, "name": f"{first} {last}", "email": f"{pid}@example.org"})
    return {"name": f"Generated org of {n:,} roles", "people": people, "roles": roles}


def dated(doc: dict[str, Any], seed: int = 11) -> dict[str, Any]:
    """The same org with dates, over about five years: every seat opens on some day (a
    parent before its reports), has three holders on average, one after the other (each
    a new person; about one in ten is an interim), and one seat in twenty moves to another
    manager in its sixth year; one in fifty opens next year (planned)."""
    from datetime import date, timedelta

    rng = random.Random(seed)
    origin = date(2021, 1, 4)
    opened: dict[str, date] = {}
    roles, people = [], list(doc["people"])
    for role in doc["roles"]:
        boss = role.get("reports_to")
        after = opened.get(boss, origin) if boss else origin
        start = after + timedelta(days=rng.randint(0, 300))
        if rng.random() < 0.02:
            start = date(2027, 1, 1) + timedelta(days=rng.randint(0, 180))
        opened[role["id"]] = start
        new = {k: v for k, v in role.items() if k not in ("holder", "acting", "reports_to")}
        new["start"] = start.isoformat()
        if "holder" in role:
            count = rng.choice((2, 3, 3, 4))
            day, tenures = start, []
            for k in range(count):
                stay = rng.randint(150, 700)
                tenure: dict[str, Any] = {
                    "person": role["holder"] if k == 0 else f"{role['holder']}-{k}"
                }
                tenure["start"] = day.isoformat()
                if k < count - 1:
                    tenure["end"] = (day + timedelta(days=stay)).isoformat()
                    day += timedelta(days=stay + rng.randint(1, 60))
                if rng.random() < 0.1:
                    tenure["acting"] = True
                if k:
                    people.append({"id": tenure["person"], "name": f"Person {tenure['person']}"})
                tenures.append(tenure)
            new["holder"] = tenures
        if boss and rng.random() < 0.05 and boss != "r0":
            switch = date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))
            new["reports_to"] = [
                {"role": boss, "end": (switch - timedelta(days=1)).isoformat()},
                {"role": "r0" if boss == "r1" else "r1", "start": switch.isoformat()},
            ]
        elif boss:
            new["reports_to"] = boss
        roles.append(new)
    return {**doc, "name": doc["name"] + ", dated", "people": people, "roles": roles}


def undated(doc: dict[str, Any]) -> dict[str, Any]:
    """A dated org (see :func:`dated`) with its dates taken out, and nothing else: every
    seat, every person, and each seat's holders as a plain list of ids in their order
    (the tenures' people, without their days or interims); a seat whose manager changed
    keeps its last manager. The control for the cost of the dates themselves: the same
    file less the days, as an HR export without dates would give it."""
    roles = []
    for role in doc["roles"]:
        new = {k: v for k, v in role.items() if k not in ("start", "end")}
        holder = role.get("holder")
        if isinstance(holder, list):
            new["holder"] = [h["person"] if isinstance(h, dict) else h for h in holder]
        boss = role.get("reports_to")
        if isinstance(boss, list):
            new["reports_to"] = boss[-1]["role"]
        roles.append(new)
    return {**doc, "name": doc["name"] + ", dates taken out", "roles": roles}


DIRTY_TITLES = ["Engineer", "Manager", "Analyst", "Associate", "Specialist", "Consultant"]


def generate_dirty(
    n: int, seed: int = 11, *, every_seat_held: bool = False, max_span: int = 10
) -> dict[str, Any]:
    """An org document of ``n`` roles as HR exports make them (see the module's docstring).

    ``every_seat_held`` and ``max_span`` are those of :func:`generate`, before the dirty
    vacancies are made: every seat still held has its person's ``people:`` row.
    """
    doc = generate(n, every_seat_held=every_seat_held, max_span=max_span)
    rng = random.Random(seed)
    roles: list[dict[str, Any]] = doc["roles"]
    for i, role in enumerate(roles[1:], 1):
        draw = rng.random()
        if draw < 0.03:  # a manager outside the file
            role["reports_to"] = (
                f"ext-{rng.getrandbits(32):08x}" if rng.random() < 0.5 else f"r{n + i}"
            )
        elif draw < 0.031:  # a top of its own: the org is a forest
            del role["reports_to"]
        if rng.random() < 0.10:
            role.pop("holder", None)
            role.pop("acting", None)
        if "title" in role or rng.random() < 0.3:
            role["title"] = rng.choice(DIRTY_TITLES)  # the same few titles, many times
    held = {role["holder"] for role in roles if "holder" in role}
    doc["people"] = [p for p in doc["people"] if p["id"] in held]
    doc["name"] = f"Generated org of {n:,} roles, as exported"
    return doc


def write_json(doc: dict[str, Any], path: Path) -> None:
    """The org as orgroles JSON."""
    path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")


def _flow(item: dict[str, Any]) -> str:
    parts = []
    for key, value in item.items():
        if isinstance(value, list):
            value = "[" + ", ".join(value) + "]"
        elif value is True:
            value = "true"
        parts.append(f"{key}: {value}")
    return "{" + ", ".join(parts) + "}"


def _yaml_lines(doc: dict[str, Any]) -> Iterator[str]:
    yield f"name: {doc['name']}\n"
    for section in ("people", "roles"):
        yield f"{section}:\n"
        for item in doc[section]:
            yield f"  - {_flow(item)}\n"


def write_yaml(doc: dict[str, Any], path: Path) -> None:
    """The org as orgroles YAML, one flow mapping per line (the values need no quoting)."""
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(_yaml_lines(doc))


def write_csv(doc: dict[str, Any], path: Path) -> None:
    """The org as an HR export: one row per role, with the manager's id."""
    people = {p["id"]: p for p in doc["people"]}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "title", "manager_id", "email"])
        for role in doc["roles"]:
            person = people.get(role.get("holder", ""), {})
            writer.writerow(
                [
                    role["id"],
                    person.get("name", ""),
                    role.get("title") or role.get("kind", ""),
                    role.get("reports_to", ""),
                    person.get("email", ""),
                ]
            )
