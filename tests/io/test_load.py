"""Loading org files: strict about form (every problem located), lenient about structure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import orgroles
from orgroles.errors import OrgFileError, OrgValidationError

from tests.helpers import SCALEUP, TINY, Write


def located(exc: OrgFileError) -> list[tuple[int | None, int | None, str, str]]:
    return [
        (
            p.location.line if p.location else None,
            p.location.column if p.location else None,
            p.where,
            p.code,
        )
        for p in exc.problems
    ]


def test_examples_load(tiny: orgroles.Org, scaleup: orgroles.Org) -> None:
    assert list(tiny.roles) == ["ceo", "cto", "dev-1", "dev-2"]
    assert tiny.name == "Tiny Startup"
    assert len(scaleup.roles) == 20
    assert scaleup.teams["platform"].lead == "em-platform"


def test_ids_are_never_retyped() -> None:
    org = orgroles.loads("people: [{id: 0123, name: NO}]\nroles: [{id: 0001, holder: 0123}]\n")
    assert list(org.people) == ["0123"]
    assert org.people["0123"].name == "NO"
    assert org.roles["0001"].holder == "0123"


def test_a_typo_key_names_file_line_and_column(write: Write) -> None:
    path = write("org.yaml", "name: x\nroles:\n  - id: a\n    reports_too: b\n")
    with pytest.raises(OrgFileError) as info:
        orgroles.load(path)
    assert located(info.value) == [(4, 5, "roles[0].reports_too", "unknown-key")]
    assert str(info.value).startswith(f"{path}:4:5: roles[0].reports_too: unknown key")
    assert "did you mean 'reports_to'" in str(info.value)


def test_a_key_named_in_other_words_suggests_the_key_meant(write: Write) -> None:
    # `manager:` is no typo of `reports_to`: no suggestion was made.
    text = (
        "people:\n  - {id: ana, full_name: Ana Lima}\nroles:\n  - {id: ceo}\n"
        "  - {id: cto, manager: ceo, employee: ana, job title: CTO}\n"
        "teams:\n  - {id: tech, manager: cto}\n"
    )
    with pytest.raises(OrgFileError) as info:
        orgroles.load(write("org.yaml", text))
    said = {p.where: p.message for p in info.value.problems}
    assert said == {
        "people[0].full_name": "unknown key 'full_name' (did you mean 'name'?)",
        "roles[1].manager": "unknown key 'manager' (did you mean 'reports_to'?)",
        "roles[1].employee": "unknown key 'employee' (did you mean 'holder'?)",
        "roles[1].job title": "unknown key 'job title' (did you mean 'title'?)",
        "teams[0].manager": "unknown key 'manager' (did you mean 'lead'?)",
    }


def test_all_problems_are_reported_at_once() -> None:
    text = (
        "name: x\n"
        "roles:\n"
        "  - {id: a, titel: A}\n"  # line 3: typo
        "  - {id: b, acting: maybe}\n"  # line 4: not a boolean
        "  - {id: '', kind: cto}\n"  # line 5: empty id
        "  - {id: a}\n"  # line 6: duplicate id
        "teams:\n"
        "  - {name: T}\n"  # line 8: missing id
    )
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, path="org.yaml")
    assert [(line, where, code) for line, _, where, code in located(info.value)] == [
        (3, "roles[0].titel", "unknown-key"),
        (4, "roles[1].acting", "type"),
        (5, "roles[2].id", "empty"),
        (6, "roles[3].id", "duplicate-id"),
        (8, "teams[0].id", "missing-key"),
    ]


def test_json_errors_are_located_too() -> None:
    text = json.dumps(
        {"name": "x", "roles": [{"id": "a"}, {"id": "b", "reports_too": "a"}]}, indent=2
    )
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, format="json", path="org.json")
    assert located(info.value) == [(9, 7, "roles[1].reports_too", "unknown-key")]


def test_json_syntax_errors_are_located() -> None:
    text = '{"roles": [\n  {"id": "a"},\n]}'
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, format="json", path="org.json")
    # Where Python's own parser says: the trailing comma (3.13) or the bracket after it.
    with pytest.raises(json.JSONDecodeError) as python:
        json.loads(text)
    assert located(info.value)[0][:2] == (python.value.lineno, python.value.colno)
    assert located(info.value)[0][:2] in ((3, 1), (2, 14))
    assert info.value.problems[0].code == "syntax"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        # Python 3.11 said "Expecting value" at the bracket after the comma.
        (
            '{"roles": [\n  {"id": "a"},\n]}',
            "a ',' after the last item: JSON allows none before ']'",
        ),
        ('{"roles": [{"id": "a",}]}', "a ',' after the last item: JSON allows none before '}'"),
        ('{"roles": [{"id": "a"} {"id": "b"}]}', "a ',' is missing between two items"),
        ("{'roles': []}", "JSON writes text in double quotes"),
        ("{roles: []}", 'expecting a key in double quotes ("id")'),
    ],
)
def test_json_syntax_errors_are_said_in_plain_words(text: str, says: str) -> None:
    with pytest.raises(OrgFileError, match=r"^org\.json:\d+:\d+: invalid JSON: ") as info:
        orgroles.loads(text, format="json", path="org.json")
    assert says in str(info.value)


def test_json_duplicate_ids_are_located() -> None:
    text = '{"roles": [\n {"id": "a"},\n {"id": "a"}\n]}'
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, format="json", path="org.json")
    assert located(info.value) == [(3, 9, "roles[1].id", "duplicate-id")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("- a\n- b\n", "type"),
        ("just text\n", "type"),
        ("roles: {a: 1}\n", "type"),
    ],
)
def test_a_file_that_is_not_an_org_mapping(text: str, code: str) -> None:
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, path="org.yaml")
    assert info.value.problems[0].code == code
    assert info.value.path == "org.yaml"


@pytest.mark.parametrize(
    ("text", "fmt", "says"),
    [
        ("- {id: ceo, kind: ceo}\n- {id: cto, reports-to: ceo}\n", "yaml", "write 'roles:' on"),
        ('[{"id": "ceo", "kind": "ceo"}]', "json", 'wrap the list as {"roles": [...]}'),
    ],
)
def test_a_list_of_roles_at_the_top_says_to_put_it_under_roles(
    text: str, fmt: str, says: str
) -> None:
    # It said only "expected a mapping, got a list".
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, format=fmt, path=f"org.{fmt}")  # type: ignore[arg-type]
    assert [str(p) for p in info.value.problems] == [
        f"org.{fmt}:1:1: expected a mapping, got a list",
        f"org.{fmt}:1:1: this list holds roles: an org file is a mapping, so {says}"
        + ("" if fmt == "json" else " the line above the list and indent the list under it"),
    ]


def test_a_section_of_the_wrong_shape_says_how_to_write_it() -> None:
    # It said only "expected a mapping, got 'Camille Roux'" and "expected a list".
    text = "people:\n  - Camille Roux\nroles:\n  ceo: {kind: ceo}\n"
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, path="org.yaml")
    assert [str(p) for p in info.value.problems] == [
        "org.yaml:2:5: people[0]: expected a mapping, got 'Camille Roux': write a person as "
        "{id: camille-roux, name: Camille Roux}",
        "org.yaml:4:3: roles: expected a list, got a mapping: write each role as a list "
        "item, its key as its id ('- id: ceo', its keys under it)",
    ]


def test_structure_problems_load_fine() -> None:
    org = orgroles.loads(
        "roles:\n"
        "  - {id: a, reports_to: b}\n"
        "  - {id: b, reports_to: a}\n"  # a cycle
        "  - {id: c, reports_to: ghost}\n"  # a dangling manager
        "  - {id: d}\n  - {id: e}\n"  # two tops
        "  - {id: f, reports_to: f, holder: nobody, kind: wizard}\n"
    )
    assert len(org) == 6
    assert org.manager("c") is None


def test_file_problems(write: Write, tmp_path: Path) -> None:
    with pytest.raises(OrgFileError, match="no such file"):
        orgroles.load(tmp_path / "missing.yaml")
    with pytest.raises(OrgFileError, match="is a directory"):
        orgroles.load(write("d.yaml/x", "").parent)
    with pytest.raises(OrgFileError, match=r"unknown file type '\.txt'"):
        orgroles.load(write("org.txt", "roles: []"))
    with pytest.raises(OrgFileError, match="orgroles import csv"):
        orgroles.load(write("org.csv", "id\n"))


def test_invalid_utf8_is_located(write: Write) -> None:
    path = write("org.yaml", b"name: x\nroles:\n  - {id: caf\xe9}\n")
    with pytest.raises(OrgFileError) as info:
        orgroles.load(path)
    assert (info.value.line, info.value.column) == (3, 13)
    assert info.value.problems[0].code == "encoding"


def test_a_byte_order_mark_and_crlf_are_fine(write: Write) -> None:
    path = write("org.yaml", "\ufeffname: x\r\nroles:\r\n  - {id: a}\r\n".encode())
    assert list(orgroles.load(path).roles) == ["a"]


def test_python_built_orgs_validate_too() -> None:
    with pytest.raises(OrgValidationError) as info:
        orgroles.Org(roles=[{"id": "a", "reports_too": "b"}, {"id": "a"}])
    assert not isinstance(info.value, OrgFileError)
    messages = [str(p) for p in info.value.problems]
    assert messages[0].startswith("roles[0].reports_too: unknown key")


def test_python_built_orgs_refuse_duplicate_ids() -> None:
    with pytest.raises(OrgValidationError, match=r"roles\[1\]\.id: duplicate id 'a'"):
        orgroles.Org(roles=[{"id": "a"}, {"id": "a"}])


def test_load_json_and_yaml_agree(tmp_path: Path) -> None:
    org = orgroles.load(SCALEUP)
    org.dump(tmp_path / "org.json")
    again = orgroles.load(tmp_path / "org.json")
    assert again == org
    assert again.source is not None
    assert again.source.format == "json"


def test_role_locations_point_at_the_role_line(tiny: orgroles.Org) -> None:
    loc = tiny.location_of("dev-1")
    assert loc is not None
    assert (loc.path, loc.line) == (str(TINY), 15)


def test_role_locations_in_json(tmp_path: Path) -> None:
    path = tmp_path / "org.json"
    path.write_text('{"roles": [\n  {"id": "a"},\n  {"id": "b"}\n]}')
    loc = orgroles.load(path).location_of("b")
    assert loc is not None
    assert (loc.line, loc.column) == (3, 3)


def test_a_folder_is_said_to_be_a_folder(tmp_path: Path) -> None:
    # It was "unknown file type '(none)'".
    with pytest.raises(OrgFileError, match="is a directory, not a file"):
        orgroles.load(tmp_path)
