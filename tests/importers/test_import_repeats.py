"""A row exported twice: the same values as an earlier row in every column.

A report that joins people with another table repeats a person's row when that table has
two lines for them, and a merge of two exports repeats the people they share. The
import leaves the repeat out with one warning; a repeated id with any other value stays
an error. Every person here is invented.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

import orgroles
from orgroles import OrgFileError, OrgValidationError
from orgroles.model import Line

from tests.helpers import Write, import_notes

HEADER = "Employee ID,Name,Job Title,Manager ID,Cost Centre\n"
ANA = "1,Ana Lima,CEO,,CC-10\n"
BO = "2,Bo Diaz,CTO,1,CC-20\n"
CY = "3,Cy Moss,Developer,2,CC-20\n"


def test_a_row_exported_twice_is_left_out_with_a_warning(write: Write) -> None:
    path = write("staff.csv", HEADER + ANA + BO + BO + CY)
    org, notes = import_notes(path)
    assert list(org.roles) == ["1", "2", "3"]
    assert org.roles["3"].reports_to == "2"
    assert [p.id for p in org.people.values()] == ["1", "2", "3"]
    assert notes[-1] == (
        "4:1: column 'Employee ID': a row exported twice? The same values as line 3 in "
        "every column: left out"
    )
    found = org.location_of("3")  # the rows after it keep their own lines
    assert found is not None
    assert found.line == 5


def test_one_warning_counts_every_repeat(write: Write) -> None:
    path = write("staff.csv", HEADER + ANA + ANA + BO + CY + BO + ANA)
    org, notes = import_notes(path)
    assert list(org.roles) == ["1", "2", "3"]
    repeats = [n for n in notes if "exported twice" in n]
    assert repeats == [
        "3:1: column 'Employee ID': a row exported twice? The same values as line 2 in "
        "every column: left out; so are line 6 and line 7, each the same as an earlier row"
    ]


@pytest.mark.parametrize(
    ("other", "hint"),
    [
        ("2,Bo Diaz,CTO,1,CC-30\n", True),  # the same person in a second cost centre
        ("2,Bea Diaz,CTO,1,CC-20\n", False),  # two people given one id
    ],
)
def test_a_repeated_id_with_another_value_is_still_an_error(
    write: Write, other: str, hint: bool
) -> None:
    path = write("staff.csv", HEADER + ANA + BO + other + CY)
    with pytest.raises(OrgFileError) as caught:
        orgroles.from_csv(path)
    guessed, *found = caught.value.problems  # how the columns were read, then the error
    assert guessed.code == "columns-guessed"
    said = f"{path}:4:1: column 'Employee ID': duplicate id '2' (first on line 3)"
    if hint:  # one person's name on both rows: how to read a person's two jobs
        said += (
            ": the same person in two jobs? Read a column with an id for each job (a "
            "position's) with --id-col, and this one with --holder-col (and name the other "
            "columns too: --name-col, --manager-col, ...); or a row per change? Name the day "
            "each row holds from with --effective-col"
        )
    assert [str(p) for p in found] == [said]


def test_a_person_in_two_jobs_with_a_position_column_holds_two_seats(write: Write) -> None:
    # ADP's multiple positions: one Associate ID, two Position IDs; the managers by
    # Associate ID. Before: a duplicate id, and no way to read it that found the managers.
    text = (
        "Associate ID,Position ID,Legal First Name,Legal Last Name,Job Title,"
        "Reports To Associate ID\n"
        "A01,P01,Harriet,Lomax,President,\n"
        "A18,P18,Desmond,Achebe,VP Operations,A01\n"
        "A40,P40,Tamsin,Cole,Shift Lead,A18\n"
        "A40,P41,Tamsin,Cole,Trainer,A01\n"
        "A52,P52,Omar,Haddad,Picker,A40\n"
    )
    org, notes = import_notes(write("adp.csv", text))
    assert "id 'Position ID'" in notes[0]
    assert "holder (a person's id) 'Associate ID'" in notes[0]
    assert {r.id: (r.holder, r.reports_to) for r in org} == {
        "P01": ("A01", None),
        "P18": ("A18", "P01"),
        "P40": ("A40", "P18"),
        "P41": ("A40", "P01"),
        "P52": ("A52", "P40"),  # the person's first seat
    }
    assert len(org.people) == 4
    assert any("it is the person in the seat 'P01' (line 2), read as that seat" in n for n in notes)


def test_a_workday_directory_with_coded_positions_holds_two_seats(write: Write) -> None:
    # Workday's worker directory of all positions: no position id column, but a "Position"
    # that starts with the position's code; the managers by name with the id beside it.
    text = (
        "Worker,Employee ID,Position,Business Title,Manager\n"
        "Odile Marsh,31001,P-00001 Chief Executive Officer,Chief Executive Officer,\n"
        "Kwame Osei,31014,P-00014 Chief Financial Officer,Chief Financial Officer,"
        "Odile Marsh (31001)\n"
        "Lena Voss,31102,P-00102 Senior Software Engineer,Senior Software Engineer,"
        "Odile Marsh (31001)\n"
        "Lena Voss,31102,P-00311 Engineering Instructor,Engineering Instructor,"
        "Kwame Osei (31014)\n"
        "Ravi Menon,31140,P-00140 Financial Analyst,Financial Analyst,Lena Voss (31102)\n"
    )
    org, notes = import_notes(write("workday.csv", text))
    assert "id 'Position'" in notes[0]
    assert "holder (a person's id) 'Employee ID'" in notes[0]
    assert {r.id: (r.holder, r.reports_to, r.title) for r in org} == {
        "P-00001 Chief Executive Officer": ("31001", None, "Chief Executive Officer"),
        "P-00014 Chief Financial Officer": (
            "31014", "P-00001 Chief Executive Officer", "Chief Financial Officer"
        ),
        "P-00102 Senior Software Engineer": (
            "31102", "P-00001 Chief Executive Officer", "Senior Software Engineer"
        ),
        "P-00311 Engineering Instructor": (
            "31102", "P-00014 Chief Financial Officer", "Engineering Instructor"
        ),
        # the person's first seat
        "P-00140 Financial Analyst": ("31140", "P-00102 Senior Software Engineer", "Financial Analyst"),
    }  # fmt: skip
    assert len(org.people) == 4
    assert any("manager id 'Odile Marsh (31001)': it is the person in the seat" in n for n in notes)
    # Without a repeated id, the Position column stays in meta: each row is a person.
    single = "\n".join(line for line in text.splitlines() if "P-00311" not in line) + "\n"
    org, notes = import_notes(write("one-job.csv", single))
    assert "id 'Employee ID'" in notes[0]
    assert org.roles["31102"].meta["Position"] == "P-00102 Senior Software Engineer"


def test_open_seats_without_an_id_are_each_a_seat(write: Write) -> None:
    seat = ",,Developer,2,CC-20\n"  # two open seats alike: a plan for two hires
    org, notes = import_notes(write("plan.csv", HEADER + ANA + BO + seat + seat))
    assert [r.id for r in org.roles.values() if r.vacant] == ["vacant-4", "vacant-5"]
    assert not [n for n in notes if "exported twice" in n]


def test_json_records_exported_twice(write: Write) -> None:
    people = [
        {"id": "1", "displayName": "Ana Lima", "jobTitle": "CEO", "manager": None},
        {"id": "2", "displayName": "Bo Diaz", "jobTitle": "CTO", "manager": {"id": "1"}},
        {"id": "2", "displayName": "Bo Diaz", "jobTitle": "CTO", "manager": {"id": "1"}},
        {"id": "3", "displayName": "Cy Moss", "jobTitle": "Developer", "manager": {"id": "2"}},
    ]
    path = write("users.json", json.dumps({"value": people}, indent=1))
    org, notes = import_notes(path)
    assert [(r.id, r.reports_to) for r in org] == [("1", None), ("2", "1"), ("3", "2")]
    assert any(
        "a row exported twice? The same values as line 10 in every column: left out" in n
        for n in notes
    )
    found = org.location_of("3")
    assert found is not None
    assert json.dumps({"value": people}, indent=1).splitlines()[found.line - 1].strip() == (
        '"id": "3",'
    )


def test_records_from_python() -> None:
    records = [{"id": "a", "name": "Ana"}, {"id": "b", "boss": "a"}, {"id": "b", "boss": "a"}]
    org = orgroles.from_records(records, id_col="id", manager_col="boss")
    assert list(org.roles) == ["a", "b"]
    with pytest.raises(OrgValidationError, match=r"records\[2\]\['id'\]: duplicate id 'b'"):
        orgroles.from_records([*records[:2], {"id": "b", "boss": None}], id_col="id")


def test_an_effective_dated_row_exported_twice(write: Write) -> None:
    text = (
        "Employee_ID,Name,businessTitle,Manager_ID,Hire_Date,Effective_Date\n"
        "w1,Ana Lima,CEO,,2020-01-06,2020-01-06\n"
        "w2,Bo Diaz,VP Engineering,w1,2020-03-02,2020-03-02\n"
        "w3,Cy Moss,Engineer,w1,2021-05-03,2021-05-03\n"
        "w3,Cy Moss,Engineer,w2,2021-05-03,2023-04-01\n"
        "w3,Cy Moss,Engineer,w2,2021-05-03,2023-04-01\n"
    )
    org, notes = import_notes(write("workday.csv", text), preset="workday")
    assert org.records["w3"].reports_to == (
        Line(role="w1", end=date(2023, 3, 31)),
        Line(role="w2", start=date(2023, 4, 1)),
    )
    assert notes == [
        "6:1: column 'Employee_ID': a row exported twice? The same values as line 5 in "
        "every column: left out"
    ]


def test_rows_are_compared_as_written_not_as_read(write: Write) -> None:
    text = "id,First Name,Last Name\n1,Bo Van,Dyke\n1,Bo,Van Dyke\n"  # one name read
    with pytest.raises(OrgFileError, match="duplicate id '1'"):
        orgroles.from_csv(
            write("staff.csv", text), id_col="id", name_col=["First Name", "Last Name"]
        )
    sales = {"id": "2", "name": "Bo Diaz", "department": {"name": "Sales", "code": "S1"}}
    other = {**sales, "department": {"name": "Sales", "code": "S9"}}  # the same name read
    with pytest.raises(OrgFileError, match="duplicate id '2'"):
        orgroles.from_csv(write("a.json", json.dumps([sales, other])))
    turned = dict(reversed(list(sales.items())))  # the same record, its keys in another order
    org, notes = import_notes(write("b.json", json.dumps([sales, turned])))
    assert list(org.roles) == ["2"]
    assert any("exported twice" in n for n in notes)


def test_two_open_seats_with_one_id_are_a_duplicate_id(write: Write) -> None:
    text = HEADER + ANA + "9,,Developer,1,CC-20\n" * 2  # two hires planned, one id
    with pytest.raises(OrgFileError, match="duplicate id '9'"):
        orgroles.from_csv(write("plan.csv", text))


def test_one_person_on_two_rows_of_two_jobs_holds_two_seats(write: Write) -> None:
    # One employee number, one name, two job titles: a second position (UKG lists an
    # employee of two companies so). The manager id finds the first seat.
    other = "2,Bo Diaz,Head of Engineering,1,CC-20\n"
    org, notes = import_notes(write("staff.csv", HEADER + ANA + BO + other + CY))
    assert [(r.id, r.holders, r.reports_to) for r in org] == [
        ("1", ("1",), None),
        ("2", ("2",), "1"),
        ("2/head-of-engineering", ("2",), "1"),
        ("3", ("3",), "2"),
    ]
    assert any("'2' is also on line 3: one person in two seats" in n for n in notes)


def test_two_jobs_of_one_person_beside_an_open_seat(write: Write) -> None:
    other = "2,Bo Diaz,Head of Engineering,1,CC-20\n"
    opening = ",,Developer,2,CC-20\n"  # an open position: no id, no name
    org, _ = import_notes(write("staff.csv", HEADER + ANA + BO + other + CY + opening))
    assert org.roles["2/head-of-engineering"].holders == ("2",)
    assert org.roles["vacant-6"].vacant  # the header is line 1
