"""JSON exports (an HR tool's API or report): a list of objects, read as CSV rows are.
Every person here is invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import orgroles
from orgroles import OrgFileError

from tests.helpers import Cli, Write, import_notes

# Microsoft Graph's users with their managers expanded: the list under "value", and a
# manager as an object of several keys.
GRAPH = {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
    "value": [
        {"id": "a1", "displayName": "Ana Lima", "jobTitle": "CEO", "mail": "ana@acme.example",
         "department": "Direction", "manager": None},
        {"id": "b2", "displayName": "Bo Diaz", "jobTitle": "CTO", "mail": "bo@acme.example",
         "department": "Tech", "manager": {"id": "a1", "displayName": "Ana Lima"}},
        {"id": "c3", "displayName": "Cy Roe", "jobTitle": "Backend Developer",
         "mail": "cy@acme.example", "department": "Tech",
         "manager": {"id": "b2", "displayName": "Bo Diaz"}},
    ],
}  # fmt: skip


def _write_json(write: Write, name: str, data: object, indent: int | None = 1) -> Path:
    return write(name, json.dumps(data, indent=indent))


def test_a_directory_export_with_managers_as_objects(write: Write) -> None:
    org, notes = import_notes(_write_json(write, "users.json", GRAPH))
    assert [(r.id, r.title, r.reports_to) for r in org] == [
        ("a1", "CEO", None),
        ("b2", "CTO", "a1"),
        ("c3", "Backend Developer", "b2"),
    ]
    assert org.people["b2"].email == "bo@acme.example"
    assert sorted(org.teams) == ["direction", "tech"]
    assert org.name == "users"  # the file's name: the data names no company
    assert "read as id 'id', name 'displayName', title 'jobTitle', email 'mail'" in notes[0]
    assert org.roles["c3"].kind == "developer"


def _personio(
    pid: int, first: str, title: str, boss: int | None, team: str, **more: str
) -> dict[str, object]:
    def field(label: str, value: object) -> dict[str, object]:
        return {"label": label, "value": value, "type": "standard", "universal_id": label}

    manager: dict[str, object] | None = None
    if boss is not None:
        manager = {"type": "Employee", "attributes": {"id": field("ID", boss)}}
    return {
        "type": "Employee",
        "attributes": {
            "id": field("ID", pid),
            "first_name": field("First name", first),
            "last_name": field("Last name", "Vogt"),
            "position": field("Position", title),
            "supervisor": field("Supervisor", manager),
            "department": field(
                "Department", {"type": "Department", "attributes": {"id": 1, "name": team}}
            ),
            "hire_date": field("Hire date", more.get("hire", "2020-01-06T00:00:00+01:00")),
            "termination_date": field("Termination date", more.get("left")),
        },
    }


def test_a_json_api_export_of_labelled_values(write: Write) -> None:
    # Personio's API: each person a JSON:API resource whose attributes are objects of a
    # label and a value, the manager and the department resources of their own. Every
    # value was "an object with none of the keys ..." and the import stopped.
    data = {
        "success": True,
        "data": [
            _personio(11, "Anna", "Geschäftsführerin", None, "Management"),
            _personio(12, "Lars", "Head of Engineering", 11, "Engineering"),
            _personio(14, "Felix", "Werkstudent", 12, "Engineering", left="2023-09-30"),
        ],
    }
    org, notes = import_notes(_write_json(write, "personio.json", data))
    assert "read as id 'id', name 'first_name' + 'last_name', title 'position'" in notes[0]
    assert [(r.id, r.title, r.reports_to) for r in org.records.values()] == [
        ("11", "Geschäftsführerin", None),
        ("12", "Head of Engineering", "11"),
        ("14", "Werkstudent", "12"),
    ]
    assert org.people["12"].name == "Lars Vogt"
    assert [t.name for t in org.teams_of("12")] == ["Engineering"]
    assert str(org.records["14"].end) == "2023-09-30"


def test_a_manager_object_is_read_by_the_key_of_the_manager_column(write: Write) -> None:
    # Read by email: the manager object's email stands for it, not its id.
    people = [
        {"email": "ana@acme.example", "name": "Ana Lima", "boss": None},
        {"email": "bo@acme.example", "name": "Bo Diaz",
         "boss": {"id": 7, "email": "ana@acme.example", "name": "Ana Lima"}},
    ]  # fmt: skip
    path = _write_json(write, "people.json", people)
    org = orgroles.from_csv(path, id_col="email", email_col="email", manager_email_col="boss")
    assert org.roles["bo@acme.example"].reports_to == "ana@acme.example"


def test_the_list_of_people_among_other_lists_and_a_department_object(write: Write) -> None:
    # BambooHR's directory: its fields and its employees, each a list of objects.
    data = {
        "fields": [{"id": "displayName", "type": "text", "name": "Display name"}],
        "employees": [
            {"id": "1", "displayName": "Ana Lima", "jobTitle": "CEO", "supervisorId": None,
             "department": {"id": 10, "name": "Direction"}},
            {"id": "2", "displayName": "Bo Diaz", "jobTitle": "CTO", "supervisorId": "1",
             "department": {"id": 20, "name": "Engineering"}},
        ],
    }  # fmt: skip
    org, _ = import_notes(_write_json(write, "directory.json", data))
    assert [(r.id, r.reports_to) for r in org] == [("1", None), ("2", "1")]
    assert sorted(t.name for t in org.teams.values()) == ["Direction", "Engineering"]


def test_problems_name_the_line_and_the_key_in_the_file(write: Write) -> None:
    text = (
        '{"employees": [\n'
        '  {"id": "1", "name": "Ana Lima", "managerId": null},\n'
        '  {"id": "1", "name": "Bo Diaz", "managerId": "1"}\n'
        "]}\n"
    )
    path = write("people.json", text)
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id", name_col="name", manager_col="managerId")
    assert str(err.value) == (f"{path}:3:4: employees[1]['id']: duplicate id '1' (first on line 2)")


def test_roles_are_located_in_the_file(write: Write) -> None:
    org, _ = import_notes(_write_json(write, "users.json", GRAPH, indent=1))
    found = org.location_of("c3")
    assert found is not None
    assert found.path is not None
    assert found.path.endswith("users.json")
    lines = json.dumps(GRAPH, indent=1).splitlines()
    assert lines[found.line - 1].strip() == '"id": "c3",'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"count": 2, "next": null}',
            "1:1: a JSON export holds its people as a list of objects, at the top or under "
            "a key ('employees', 'data', ...); this object has none (its keys: 'count', 'next')",
        ),
        ('"people"', "1:1: a JSON export is a list of objects (one per person), not a string"),
        (
            '{"name": "Acme", "roles": [{"id": "ceo"}]}',
            "1:1: an org file (it has 'roles'), not an HR export: use it as it is",
        ),
        (
            '[{"id": "1"},\n 7]',
            "2:2: [1]: expected an object (one person's keys and values), got a number",
        ),
        ('[{"id": "1", "id": "2"}]', "1:14: duplicate key 'id' (first at line 1, column 3)"),
    ],
)
def test_a_file_that_is_not_a_list_of_people(write: Write, text: str, message: str) -> None:
    path = write("people.json", text)
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id")
    assert str(err.value).startswith(f"{path}:{message}")


def test_json_that_does_not_parse_is_an_error_at_its_line(write: Write) -> None:
    path = write("people.json", '[{"id": "1"},\n {"id": "2",}]')
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id")
    assert str(err.value).startswith(f"{path}:2:")  # the column and words: Python's own
    assert ": invalid JSON: " in str(err.value)


def test_no_sheet_for_a_json_file(write: Write) -> None:
    path = _write_json(write, "people.json", [{"id": "1"}])
    with pytest.raises(orgroles.OrgUsageError, match="this is a JSON file"):
        orgroles.from_csv(path, id_col="id", sheet=1)


def test_json_snapshots_make_a_dated_org(write: Write) -> None:
    jan = [{"id": "1", "name": "Ana Lima", "manager": None}]
    apr = [*jan, {"id": "2", "name": "Bo Diaz", "manager": "1"}]
    paths = [_write_json(write, "jan.json", jan), _write_json(write, "apr.json", apr)]
    org = orgroles.from_csv(
        paths, dates=["2026-01-31", "2026-04-30"], id_col="id", name_col="name",
        manager_col="manager",
    )  # fmt: skip
    assert str(org.records["2"].start) == "2026-04-30"
    assert org.records["1"].start is None  # there before the first snapshot


def test_the_command_imports_a_json_export(run: Cli, write: Write, tmp_path: Path) -> None:
    path = _write_json(write, "users.json", GRAPH)
    out = tmp_path / "org.yaml"
    result = run("import", "csv", path, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "3 roles, 3 people, 2 teams" in result.stderr
    assert orgroles.load(out).roles["c3"].reports_to == "b2"


def test_checking_an_export_as_an_org_file_says_how_to_import_it(run: Cli, write: Write) -> None:
    path = _write_json(write, "users.json", GRAPH)
    result = run("check", path)
    assert result.exit_code == 2
    assert (
        f"{path}: this looks like an HR export (a list of people), not an org file: "
        f"import it with 'orgroles import csv {path} -o org.yaml'"
    ) in result.stderr


def test_checking_gitlabs_team_page_says_to_import_it_with_the_gitlab_importer(
    run: Cli, write: Write
) -> None:
    path = write("team.yml", "- slug: ana-lima\n  name: Ana Lima\n  reports_to: bo-diaz\n")
    result = run("check", path)
    assert result.exit_code == 2
    assert f"import it with 'orgroles import gitlab {path} -o org.yaml'" in result.stderr


def test_a_yaml_file_given_to_the_csv_import_says_what_reads_it(write: Write) -> None:
    path = write("team.yml", "- slug: ana-lima\n  name: Ana Lima\n")
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path)
    assert str(err.value) == (
        f"{path}: a YAML file, not a CSV export: an org file is used as it is (orgroles "
        f"check {path}), and GitLab's team page is imported with orgroles import gitlab"
    )


def test_open_seats_of_a_json_export_on_one_line_are_named_by_their_index(
    write: Write,
) -> None:
    records = [{"id": "E0", "name": "Ana Lima", "manager": None}]
    records += [{"name": "TBH", "title": "Engineer", "manager": "E0"}] * 3
    path = _write_json(write, "plan.json", records, indent=None)  # one line, as APIs write
    org, notes = import_notes(path)
    assert list(org.roles) == ["E0", "vacant-1", "vacant-2", "vacant-3"]
    assert notes[1].endswith(
        "; an open seat without an id gets one from its index in the list: 'vacant-1' and 2 more"
    )


def test_values_nested_deeper_than_an_org_file_holds_are_refused(write: Write) -> None:
    deep = "[" * 61 + '"x"' + "]" * 61
    path = write("deep.json", f'[{{"id": "1", "tags": {deep}}}]')
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id")
    assert str(err.value) == (
        f"{path}:1:82: [0].tags: nested deeper than an org file may hold (64 levels)"
    )
    shallow = "[" * 60 + '"x"' + "]" * 60
    org = orgroles.from_csv(write("ok.json", f'[{{"id": "1", "tags": {shallow}}}]'), id_col="id")
    assert "tags" in org.roles["1"].meta


def test_lists_and_objects_where_text_is_expected_are_errors_at_their_place(
    write: Write,
) -> None:
    text = (
        '[{"id": "1", "name": "Ana Lima", "title": {"en": "CEO"}, "manager": {}},\n'
        ' {"id": "2", "name": ["Bo", "Diaz"], "title": "CTO", "manager": {"a": "1", "b": "2"}}]'
    )
    path = write("people.json", text)
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id", name_col="name", title_col="title",
                          manager_col="manager")  # fmt: skip
    assert str(err.value).splitlines() == [
        f"{path}:2:14: [1]['name']: a list where text is expected: name another column, or "
        "flatten the records first (pandas.json_normalize)",
        f"{path}:2:54: [1]['manager']: an object with none of the keys id, email, mail, name, "
        "value, displayName where text is expected: name another column, or flatten the "
        "records first (pandas.json_normalize)",
    ]  # a title of one key is its value; an empty manager object is no manager
    fixed = text.replace('["Bo", "Diaz"]', '"Bo Diaz"').replace('{"a": "1", "b": "2"}', '"1"')
    org = orgroles.from_csv(write("fixed.json", fixed), id_col="id", name_col="name",
                            title_col="title", manager_col="manager")  # fmt: skip
    assert [(r.title, r.reports_to) for r in org] == [("CEO", None), ("CTO", "1")]


@pytest.mark.parametrize(
    "data",
    [
        {"employees": []},
        {"employees": [], "links": [{"id": "next", "href": "https://x.example/p2"}]},
        {"data": [], "included": [{"type": "departments", "id": "d1"}]},  # JSON:API
    ],
)
def test_an_empty_page_of_people_is_an_empty_org(write: Write, data: object) -> None:
    org = orgroles.from_csv(_write_json(write, "page.json", data), id_col="id")
    assert len(org.roles) == 0


def test_json_null_is_not_a_list_of_people(write: Write) -> None:
    path = write("null.json", "null\n")
    with pytest.raises(OrgFileError, match=r"null.json:1:1: a JSON export is a list of objects"):
        orgroles.from_csv(path, id_col="id")


@pytest.mark.parametrize(
    "text",
    [
        "name: Acme\nrole:\n- {id: ceo, title: CEO}\n",  # an org file with a typo
        "- {id: '1', name: Ana}\n",  # a YAML list of people: import csv does not read YAML
    ],
)
def test_no_import_hint_where_no_import_command_reads_the_file(
    run: Cli, write: Write, text: str
) -> None:
    result = run("check", write("org.yaml", text))
    assert result.exit_code == 2
    assert "HR export" not in result.stderr


def _json_lines(write: Write, name: str, lines: list[str]) -> Path:
    return write(name, "\n".join(lines) + "\n")


@pytest.mark.parametrize("name", ["users.jsonl", "users.ndjson", "USERS.JSONL"])
def test_json_lines_one_record_a_line(write: Write, name: str) -> None:
    lines = [json.dumps(r) for r in GRAPH["value"]]
    path = _json_lines(write, name, [lines[0], "", lines[1], lines[2]])  # a blank line
    org, _ = import_notes(path)
    assert [(r.id, r.reports_to) for r in org] == [("a1", None), ("b2", "a1"), ("c3", "b2")]
    found = org.location_of("c3")
    assert found is not None
    assert (found.line, found.column) == (4, 2)  # the file's line, and the key's column


def test_json_lines_problems_are_at_the_files_lines(write: Write) -> None:
    bad = _json_lines(write, "bad.jsonl", ['{"id": "1"}', '{"id": "2",}'])
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(bad)
    assert str(err.value).startswith(f"{bad}:2:")  # the column and words: Python's own
    assert "invalid JSON" in str(err.value)
    twice = _json_lines(write, "twice.jsonl", ['{"id": "1", "name": "Ana"}', '{"id": "1"}'])
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(twice)
    assert str(err.value) == f"{twice}:2:2: [1]['id']: duplicate id '1' (first on line 1)"
    listed = _json_lines(write, "list.jsonl", ['{"id": "1"}', '["id", "2"]'])
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(listed)
    assert str(err.value) == (
        f"{listed}:2:1: [1]: expected an object (one person's keys and values), got a list"
    )


def test_checking_json_lines_says_how_to_import_them(run: Cli, write: Write) -> None:
    path = _json_lines(write, "users.jsonl", ['{"id": "1"}'])
    result = run("check", path)
    assert result.exit_code == 2
    assert "unknown file type '.jsonl'" in result.stderr
    assert "import it with 'orgroles import csv'" in result.stderr


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"id": "1"}', '{"id": "2"} {"id": "3"}'], "2:"),  # two objects on a line
        (['{"id": "1",', '"name": "Ana"}'], "1:"),  # one object on two lines
        (['{"id": "1"}', '{"id": "2", "id": "3"}'], "2:13: duplicate key 'id' (first at line 2,"),
    ],
)
def test_each_line_of_json_lines_is_read_alone(
    write: Write, lines: list[str], message: str
) -> None:
    path = _json_lines(write, "bad.jsonl", lines)
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path)
    # The column and words of a syntax error are Python's own, and differ between versions.
    assert str(err.value).startswith(f"{path}:{message}")
    if "duplicate key" not in message:  # a syntax error, with the hint
        assert "invalid JSON" in str(err.value)
        assert str(err.value).endswith("(JSON Lines hold one object on each line)")


def test_json_lines_with_carriage_returns_alone_and_empty_files(write: Write) -> None:
    org = orgroles.from_csv(write("mac.jsonl", '{"id": "1"}\r{"id": "2", "manager": "1"}\r'))
    assert [(r.id, r.reports_to) for r in org] == [("1", None), ("2", "1")]
    for text in ("", "\n\n  \n"):
        with pytest.raises(OrgFileError, match="the file is empty"):
            orgroles.from_csv(write("empty.jsonl", text))


def test_json_lines_named_json_get_a_hint(write: Write) -> None:
    path = write("people.json", '{"id": "1"}\n{"id": "2"}\n')
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path)
    assert str(err.value).endswith("one object on each line is JSON Lines: name the file .jsonl")


def test_a_text_longer_than_an_org_file_holds_is_refused(write: Write) -> None:
    from orgroles.limits import MAX_TEXT_LENGTH

    records = [{"id": "1", "name": "Ana"}, {"id": "2", "notes": "x" * (MAX_TEXT_LENGTH + 1)}]
    path = _write_json(write, "people.json", records, indent=None)
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path)
    assert str(err.value) == (
        f"{path}:1:51: [1].notes: text too long (1,000,001 characters; an org file holds at "
        "most 1,000,000)"
    )


def test_a_nested_objects_columns_are_found_by_their_last_key(write: Write) -> None:
    # Humaans nests the job: "jobRole.jobTitle" and "jobRole.reportingTo" gave no titles
    # and a flat org.
    people = [
        {"id": "a1", "firstName": "Ana", "lastName": "Lima", "email": "ana@x.example",
         "jobRole": {"jobTitle": "Chief Executive Officer", "reportingTo": None}},
        {"id": "b2", "firstName": "Bo", "lastName": "Diaz", "email": "bo@x.example",
         "jobRole": {"jobTitle": "Chief Technology Officer", "reportingTo": "a1"}},
    ]  # fmt: skip
    org, _ = import_notes(write("humaans.json", json.dumps({"data": people})))
    assert org.roles["b2"].title == "Chief Technology Officer"
    assert org.roles["b2"].reports_to == "a1"
    assert org.roles["b2"].kind == "cto"


def test_nested_objects_are_columns_whatever_their_values_hold(write: Write) -> None:
    # HiBob's API nests the job in "work", with the manager an object in it, null for the
    # CEO: only the CEO's "work" was read; the others lost their title, team and manager.
    def person(
        pid: str, first: str, title: str, team: str, boss: dict[str, str] | None
    ) -> dict[str, object]:
        work = {"title": title, "department": team, "site": "London", "reportsTo": boss}
        return {"id": pid, "firstName": first, "surname": "Lind", "work": work}

    ceo = person("1", "Olivia", "Chief Executive Officer", "Management", None)
    cfo = person("2", "Rahul", "CFO", "Finance", {"id": "1", "firstName": "Olivia"})
    clerk = person("3", "Chloe", "Accounts Clerk", "Finance", {"id": "2", "firstName": "Rahul"})
    text = json.dumps({"employees": [ceo, cfo, clerk]})
    org, notes = import_notes(write("bob.json", text))
    assert "title 'work.title'" in notes[0]
    assert [(r.id, r.title, r.reports_to) for r in org.roles.values()] == [
        ("1", "Chief Executive Officer", None),
        ("2", "CFO", "1"),
        ("3", "Accounts Clerk", "2"),
    ]
    assert [t.name for t in org.teams.values()] == ["Management", "Finance"]
    assert org.roles["3"].meta == {"work.site": "London"}


def test_a_nested_name_is_no_persons_name(write: Write) -> None:
    # Remote's API: "country": {"name": "Poland"} beside "full_name": everyone was named
    # after their country ("name" read from the last key of "country.name").
    rows = [
        {"id": "1", "full_name": "Ana Lima", "country": {"name": "Poland", "code": "PL"}},
        {"id": "2", "full_name": "Bo Diaz", "country": {"name": "Spain", "code": "ES"},
         "manager": {"id": "1", "email": "ana@x.example"}},
    ]  # fmt: skip
    org, notes = import_notes(write("remote.json", json.dumps({"employments": rows})))
    assert "name 'full_name'" in notes[0]
    assert [p.name for p in org.people.values()] == ["Ana Lima", "Bo Diaz"]
    assert org.roles["2"].reports_to == "1"
