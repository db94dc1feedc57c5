"""Departments spelled in another case or spacing on a few rows are one team."""

from __future__ import annotations

import orgroles
from orgroles.importers.team_names import spellings

from tests.helpers import Write, import_notes

SHEET = """\
id,name,title,manager,department
1,Ana Lima,CEO,,Executive
2,Bo Diaz,Head of Growth,1,Growth
3,Cy Park,Growth Marketer,2,growth
4,Di Wu,Analyst,2,Growth
5,Ed Yu,Writer,2,GROWTH
6,Fay Ho,Designer,1,Customer  Success
7,Gil Ma,Agent,6,Customer Success
"""


def test_a_department_in_another_case_or_spacing_is_the_same_team(write: Write) -> None:
    org, notes = import_notes(write("sheet.csv", SHEET))
    assert sorted(str(team.name) for team in org.teams.values()) == [
        "Customer  Success",  # one row each: the first spelling
        "Executive",
        "Growth",
    ]
    assert org.team_of("3").name == "Growth"
    assert org.team_of("5").name == "Growth"
    assert org.team_of("7").name == "Customer  Success"
    (note,) = [n for n in notes if "the department" in n]
    assert note.startswith("4:5: column 'department': the department 'growth' is read")
    assert "as 'Growth'" in note
    assert note.endswith("and 2 more rows below")


def test_records_with_several_departments_take_the_spelling_of_most_rows(write: Write) -> None:
    records: list[dict[str, object]] = [
        {"id": "1", "name": "Ana Lima", "manager": None, "department": ["Sales", "Ops"]},
        {"id": "2", "name": "Bo Diaz", "manager": "1", "department": ["sales", "ops"]},
        {"id": "3", "name": "Cy Park", "manager": "1", "department": ["Sales"]},
    ]
    org = orgroles.from_records(records, department_col="department", manager_col="manager")
    assert sorted(str(team.name) for team in org.teams.values()) == ["Ops", "Sales"]
    assert [t.name for t in org.teams_of("2")] == ["Sales", "Ops"]


def test_different_words_stay_different_teams() -> None:
    assert spellings(["R&D", "R and D", "Ingénierie", "Ingenierie", "Sales"]) == {}


def test_a_file_written_by_to_csv_keeps_its_departments_as_written(write: Write) -> None:
    org, _ = import_notes(write("sheet.csv", SHEET))
    path = write("again.csv", "")
    org.to_csv(path)
    again = orgroles.from_csv(path)
    assert [t.name for t in again.teams.values()] == [t.name for t in org.teams.values()]
