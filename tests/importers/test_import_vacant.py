"""Rows whose name says the seat is open ("Vacant", "TBH", "Open position") are vacant
seats, not people. Every person here is invented."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import orgroles
from orgroles.importers.vacant import says_vacant

from tests.helpers import Write, import_notes

PLAN = """\
Employee ID,Name,Job Title,Manager ID,Email
E1,Ava Lind,CEO,,ava@lind.example
E2,Ben Oka,CTO,E1,ben@lind.example
E3,TBH,Senior Engineer,E2,
E4,Open Position - Backend,Engineer,E2,
E5,Vacant,Product Manager,E1,
E6,Cleo Marr,Designer,E5,
"""


def test_rows_named_as_open_seats_are_vacant(write: Write) -> None:
    org, notes = import_notes(write("plan.csv", PLAN))
    assert [r.id for r in org if r.holder is None] == ["E3", "E4", "E5"]
    assert sorted(org.people) == ["E1", "E2", "E6"]
    assert org.roles["E4"].meta == {"name": "Open Position - Backend"}
    assert org.roles["E4"].title == "Engineer"
    assert org.roles["E4"].reports_to == "E2"
    assert org.roles["E6"].reports_to == "E5"  # a vacant seat still manages
    assert notes[1:] == [
        "4:2: column 'Name': the name 'TBH' says the seat is open: read as a vacant seat "
        "(no person; the name is kept in the role's meta), and 2 more rows below"
    ]
    assert org.metrics()["vacancies"] == 3


def test_open_seats_without_an_id_get_one_from_their_line(write: Write) -> None:
    # An HR tool lists an open position with no employee id, and sometimes no name.
    text = (
        "Employee ID,Name,Job Title,Manager ID\n"
        "E1,Ava Lind,CEO,\n"
        ",Open position,Engineer,E1\n"
        "vacant-5,Vacant,Designer,E1\n"  # the id that the next seat's line would give
        ",,Engineer,E1\n"
        ",TBH,Analyst,E1\n"
        ",,Product Manager,E1\n"
    )
    org, notes = import_notes(write("plan.csv", text))
    assert [(r.id, r.title, r.holder) for r in org] == [
        ("E1", "CEO", "E1"),
        ("vacant-3", "Engineer", None),
        ("vacant-5", "Designer", None),
        ("vacant-5-2", "Engineer", None),
        ("vacant-6", "Analyst", None),
        ("vacant-7", "Product Manager", None),
    ]
    assert notes[1:] == [
        "3:2: column 'Name': the name 'Open position' says the seat is open: read as a "
        "vacant seat (no person; the name is kept in the role's meta), and 2 more rows "
        "below; an open seat without an id gets one from its line: 'vacant-3' and 1 more",
        "5:1: column 'Employee ID': a row with a title ('Engineer') but no id, no name and "
        "no email: read as a vacant seat, with an id from its line: 'vacant-5-2', and one "
        "more row below",
    ]


def test_a_row_without_an_id_that_is_not_an_open_seat_is_still_an_error(
    write: Write,
) -> None:
    text = "Employee ID,Name,Job Title,Manager ID\nE1,Ava Lind,CEO,\n,Ben Oka,CTO,E1\n"
    path = write("plan.csv", text)
    with pytest.raises(orgroles.OrgFileError, match="3:1: column 'Employee ID': missing id"):
        orgroles.from_csv(path)


def test_a_row_with_an_email_is_a_person_whatever_its_name(write: Write) -> None:
    org, notes = import_notes(write("plan.csv", PLAN.replace("E2,\n", "E2,tbh@lind.example\n", 1)))
    assert org.roles["E3"].holder == "E3"
    assert "4:2" not in " ".join(notes)


def test_first_and_last_names_and_a_holder_column(write: Write) -> None:
    text = (
        "position,person,first,last,title,reports_to\n"
        "p1,u1,Dara,Voss,CEO,\np2,u2,Open,Position,CFO,p1\np3,,,,COO,p1\n"
    )
    org, _ = import_notes(
        write("seats.csv", text),
        id_col="position",
        holder_col="person",
        name_col=("first", "last"),
        title_col="title",
        manager_col="reports_to",
    )
    assert [r.holder for r in org] == ["u1", None, None]
    assert sorted(org.people) == ["u1"]


def test_a_file_that_to_csv_wrote_is_read_as_written(tmp_path: Path) -> None:
    org = orgroles.loads(
        '{"people": [{"id": "u1", "name": "TBD"}], "roles": [{"id": "r1", "holder": "u1"}]}'
    )
    path = tmp_path / "org.csv"
    org.to_csv(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again = orgroles.from_csv(path)
    assert again.roles["r1"].holder == "u1"
    assert again.people["u1"].name == "TBD"


@pytest.mark.parametrize(
    "name",
    [
        "vacant",
        "VACANT",
        "Vacancy",
        "TBH",
        "TBD #3",
        "To Be Hired",
        "Open req 1234",
        "(Open)",
        "Open",
        "Open - Backend",
        "Open #3",
        "open: senior engineer",
        "Offen 2",
        "[Vacant] Engineer",
        "À pourvoir",
        "Poste vacant",
        "Offene Stelle",
        "Vacature",  # Dutch (AFAS): was a row without an id, an error
        "Vaga em aberto",
        "Unbesetzt",
        "Posición vacante",
        # probe50, sheets typed by hand: these were people named "To hire"
        "To hire",
        "To Be Filled",
        "Hiring - Q3",
        "New hire (Q3)",
        "À recruter",
        "Zu besetzen",
        "Por contratar",
        "Da assumere",
    ],
)
def test_what_says_the_seat_is_open(name: str) -> None:
    assert says_vacant(name)


@pytest.mark.parametrize(
    "name",
    [
        "Ava Open",
        "Openshaw Lee",
        "Vacanti Rosa",
        "Tbhani Lee",
        "Opal Ng",
        "Tobe Hired",
        "",
        "Offen, Mark",  # a surname, last name first
        "OFFEN Mark",  # the same, as French HR tools write it
        "Open Smith",
        "Vacante, Rosa",
        "Tohire Ba",
        "Newhire Lee",
    ],
)
def test_names_of_people_are_not_read_as_open_seats(name: str) -> None:
    assert not says_vacant(name)
