"""GitLab team page import: the real, pseudonymised file, and hostile or malformed ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import orgroles
from orgroles import OrgFileError, OrgImportWarning
from orgroles.importers.gitlab import html_to_text

from tests.helpers import DATA, Cli, Write

TEAM = DATA / "gitlab-team" / "team.yml"


@pytest.fixture(scope="module")
def entries() -> list[dict[str, object]]:
    """The file as PyYAML reads it: an independent view to check the import against."""
    with TEAM.open(encoding="utf-8") as handle:
        data: list[dict[str, object]] = yaml.safe_load(handle)
    return data


@pytest.fixture(scope="module")
def team() -> orgroles.Org:
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_gitlab(TEAM)
    # one warning: the executive assistants, two entries whose HTML is broken, a department
    (warning,) = caught
    assert isinstance(warning.message, OrgImportWarning)
    assert [str(p) for p in warning.message.problems] == [
        f"{TEAM}:719:9: [81].role: {BROKEN}",
        f"{TEAM}:3435:9: [404].role: {BROKEN}",
        f"{TEAM}:4365:3: [511].departments: the department 'Engineering function' is read "
        "as 'Engineering Function', as the other rows write it (the same words in another "
        "case or spacing: one team), and one more row below",
        f"{TEAM}:630:9: [70].role: {ASSISTANTS}",
    ]
    return org


BROKEN = (
    "the role's HTML shows no text (a tag is broken?): no title, the HTML is kept as meta 'role'"
)
ASSISTANTS = (
    "7 roles read as executive assistants from their titles ('Executive Business "
    "Administrator', 'Senior Executive Business Administrator'): marked assistant, drawn "
    "beside their manager and outside the span of control (line 627, line 1566, line 3230, "
    "line 4128, line 5028, ...)"
)


def test_every_entry_becomes_a_role_in_file_order(
    team: orgroles.Org, entries: list[dict[str, object]]
) -> None:
    assert len(team) == 1368
    assert list(team.roles) == [e["slug"] for e in entries]


def test_people_and_vacancies(team: orgroles.Org, entries: list[dict[str, object]]) -> None:
    vacancies = [r.id for r in team if r.vacant]
    assert len(vacancies) == 32
    assert vacancies == [e["slug"] for e in entries if e["type"] == "vacancy"]
    assert len(team.people) == 1336
    assert not set(vacancies) & set(team.people)
    assert team.people["tm-19662dae"].name == "Member 19662dae"
    assert team.roles["tm-19662dae"].holder == "tm-19662dae"
    vacancy = team.roles["tm-92ca15fa"]
    assert vacancy.holder is None
    assert vacancy.title == "Backend Engineer, Configure"
    assert vacancy.meta == {
        "name": "New Vacancy",
        "links": ["/job-families/engineering/development/backend/"],
        "placeholder": "true",
    }


def test_450_roles_report_to_someone_who_is_not_in_the_file(
    team: orgroles.Org, entries: list[dict[str, object]]
) -> None:
    slugs = {e["slug"] for e in entries}
    expected = {e["slug"]: e["reports_to"] for e in entries if e["reports_to"] not in slugs}
    dangling = {team.index.ids[i]: boss for i, boss in team.index.dangling.items()}
    assert len(dangling) == 450
    assert dangling == expected
    assert dangling["tm-19662dae"] == "tm-6fd7001b"
    assert not team.index.self_reports


def test_titles_are_plain_text(team: orgroles.Org, entries: list[dict[str, object]]) -> None:
    titles = {r.id: r.title for r in team}
    assert not [t for t in titles.values() if t is not None and ("<" in t or ">" in t)]
    # The file has no encoded entities: its titles are the text between the tags...
    for entry in entries:
        text = " ".join(re.sub(r"<[^>]*>", "", str(entry["role"])).split())
        if "<" not in text:
            assert titles[str(entry["slug"])] == (text or None)
    # ... except in two entries whose tag is broken: a browser shows no text for them.
    assert [rid for rid, title in titles.items() if title is None] == [
        "tm-57c76b2a",
        "tm-160832fe",
    ]
    assert team.roles["tm-160832fe"].meta == {
        "role": '<a href="/job-families/engineering/security-compliance/'
        "manager-security-compliance</a>"
    }
    assert titles["tm-1f172f93"] == "Backend Engineer, Manage:Workspace"
    assert titles["tm-a0b2f1d2"] == "Senior Backend Engineer, Applied ML"
    assert titles["tm-85208f75"] == ("Senior Marketing Campaign Manager, Product Design internship")
    assert titles["tm-f1919e36"] == "Inside Sales Representative, AMER - Enterprise, West"
    assert titles["tm-1692fae3"] == "Git contractor at GitLab"


def test_title_links_are_kept_in_meta(team: orgroles.Org) -> None:
    assert team.roles["tm-96b128df"].meta["links"] == [
        "/job-families/engineering/development/management/#senior-engineering-manager",
        "/job-families/chief-executive-officer/strategy-and-operations/",
    ]
    assert "links" not in team.roles["tm-8f6b99c9"].meta  # <a href="">: no link


def test_departments_become_teams(team: orgroles.Org, entries: list[dict[str, object]]) -> None:
    expected: dict[str, list[object]] = {}
    for entry in entries:
        departments = entry["departments"]
        assert isinstance(departments, list)
        for name in departments:
            # one department written in two cases is one team, named as most rows write it
            name = "Engineering Function" if name == "Engineering function" else name
            expected.setdefault(name, []).append(entry["slug"])
    assert len(team.teams) == len(expected) == 329
    assert {t.name: list(t.members) for t in team.teams.values()} == expected
    geo = team.teams["geo-be-team"]
    assert geo.name == "Geo BE Team"
    assert geo.members[:2] == ("tm-5926a25d", "tm-f0b974a9")
    assert [t.id for t in team.teams_of("tm-1f172f93")] == [
        "engineering-function",
        "development-department",
        "dev-section",
        "manage-workspace-be-team",
    ]


def test_the_import_round_trips_through_yaml(team: orgroles.Org, tmp_path: Path) -> None:
    team.dump(tmp_path / "gl.yaml")
    assert orgroles.load(tmp_path / "gl.yaml") == team


def test_the_cli_imports_and_summarises(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "gl.yaml"
    result = run("import", "gitlab", TEAM, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning: {TEAM}:630:9: [70].role: {ASSISTANTS}",
        f"warning: {TEAM}:719:9: [81].role: {BROKEN}",
        f"warning: {TEAM}:3435:9: [404].role: {BROKEN}",
        f"warning: {TEAM}:4365:3: [511].departments: the department 'Engineering function' "
        "is read as 'Engineering Function', as the other rows write it (the same words in "
        "another case or spacing: one team), and one more row below",
        f"{TEAM} -> {out}: 1,368 roles, 1,336 people, 329 teams, 32 vacancies, "
        "139 unknown managers (450 roles report to them)",
        "kinds: 1,364 of 1,366 titles matched (99.9%), 239 of them a function only (no kind); "
        "not matched: 'Senior Analyst, Online Sales & Self Service Operations' (1), 'Public "
        "Sector Lead' (1)",
    ]
    assert result.stdout == ""
    loaded = orgroles.load(out)
    assert loaded.name == "GitLab"  # the data's own name, not the file's ("team")
    assert len(loaded.index.dangling) == 450
    # check reads the file (2 would be unreadable input); what the rules then report
    # (S002 for the 450 unknown managers) is the rule engine's acceptance test.
    assert run("check", out).exit_code in (0, 1)


def test_the_cli_names_the_org(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "gl.json"
    assert run("import", "gitlab", TEAM, "-o", out, "--name", "GitLab, Inc.").exit_code == 0
    assert orgroles.load(out).name == "GitLab, Inc."


# -- what html_to_text does with HTML it was not shown --------------------------------------


def test_html_to_text_decodes_entities_and_keeps_text_outside_tags() -> None:
    assert html_to_text("R&amp;D &lt;lead&gt; &#8211; Europe") == ("R&D <lead> \u2013 Europe", [])
    assert html_to_text("Sales&nbsp;<b>EMEA</b>") == ("Sales EMEA", [])
    assert html_to_text("<p>Head</p><p>of Ops</p>") == ("Head of Ops", [])
    assert html_to_text("<script>alert(1)</script>") == ("alert(1)", [])
    assert html_to_text("Engineer <3") == ("Engineer <3", [])


# -- malformed and hostile files --------------------------------------------------------------


def test_malformed_entries_are_all_located(write: Write) -> None:
    path = write(
        "team.yml",
        "- slug: a\n"
        "  type: person\n"
        "- just text\n"
        "- type: person\n"
        "  name: No Slug\n"
        "- slug: a\n"
        "  type: robot\n"
        "- slug: [x]\n"
        "- slug: b\n"
        "  departments: {x: 1}\n",
    )
    with pytest.raises(OrgFileError) as err:
        orgroles.from_gitlab(path)
    assert [str(p) for p in err.value.problems] == [
        f"{path}:3:3: [1]: expected a mapping (a team member), got the text 'just text'",
        f"{path}:7:9: [3].type: unknown type 'robot': expected 'person' or 'vacancy'",
        f"{path}:8:9: [4].slug: expected text for 'slug', got a list",
        f"{path}:10:16: [5].departments: expected a list of department names, got a mapping",
        f"{path}:4:3: [2].slug: missing id: every row needs one",
        f"{path}:6:9: [3].slug: duplicate id 'a' (first on line 1)",
    ]


def test_anchors_and_aliases_are_refused(write: Write) -> None:
    path = write("team.yml", "- &x {slug: a, type: person}\n- *x\n")
    with pytest.raises(OrgFileError) as err:
        orgroles.from_gitlab(path)
    assert [p.code for p in err.value.problems] == ["anchor", "alias"]


def test_a_file_that_is_not_a_list(write: Write, run: Cli, tmp_path: Path) -> None:
    path = write("team.yml", "slug: a\n")
    result = run("import", "gitlab", path, "-o", tmp_path / "o.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:1:1: expected a list of team members")
    empty = write("empty.yml", "")
    with pytest.raises(OrgFileError, match="the file is empty"):
        orgroles.from_gitlab(empty)


def test_a_missing_file_exits_2(run: Cli, tmp_path: Path) -> None:
    result = run("import", "gitlab", tmp_path / "nope.yml", "-o", tmp_path / "o.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"{tmp_path / 'nope.yml'}: no such file\n"


def test_a_wrong_output_suffix_is_refused_before_reading(run: Cli, tmp_path: Path) -> None:
    result = run("import", "gitlab", TEAM, "-o", tmp_path / "gl.csv")
    assert result.exit_code == 2
    assert "an org file ends in .yaml, .yml or .json" in result.stderr
    assert not (tmp_path / "gl.csv").exists()


def test_roles_know_their_line_in_the_team_file(team: orgroles.Org) -> None:
    assert team.location_of("tm-19662dae") == orgroles.Location(str(TEAM), 1, 9)
    assert team.location_of("tm-8f6b99c9") == orgroles.Location(str(TEAM), 8, 9)
