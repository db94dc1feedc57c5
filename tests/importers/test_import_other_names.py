"""Managers written with the name a person goes by (a display or preferred name) rather
than the first and last names the export also has. Every person here is invented."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import orgroles
from orgroles.errors import OrgImportWarning, Problem

from tests.helpers import Write, import_notes

# HiBob: first and last names, and the display name that the manager column uses.
HIBOB = """\
Employee ID,Display name,First name,Last name,Email,Job title,Reports to
1001,Bea Quint,Beatrix,Quint,bea@lark.example,Chief Executive Officer,
1002,Rob Tallis,Robert,Tallis,rob@lark.example,VP Engineering,Bea Quint
1003,Nkechi Aldous,Nkechi,Aldous,nkechi@lark.example,Software Engineer,Rob Tallis
1004,Sam Ode,Samuel,Ode,sam@lark.example,Software Engineer,Rob Tallis
"""

# Humaans: a preferred first name ("Kat"), empty for those who have none.
HUMAANS = """\
Id,First name,Last name,Preferred name,Email,Job title,Reports to
a1,Katharina,Morrow,Kat,kat@quay.example,Founder & CEO,
a2,Theodore,Ashby,Teddy,teddy@quay.example,Head of Engineering,Kat Morrow
a3,Amara,Nwosu,,amara@quay.example,Software Engineer,Teddy Ashby
a4,Ivo,Lenz,,ivo@quay.example,Software Engineer,Amara Nwosu
"""

# A directory: a service account has a display name only.
DIRECTORY = """\
EmployeeId,DisplayName,GivenName,Surname,Mail,JobTitle,Manager
e1,Rosalind Feeney,Rosalind,Feeney,ros@corvid.example,Chief Executive Officer,
e2,Build Robot,,,robot@corvid.example,,Rosalind Feeney
e3,Declan Roe,Declan,Roe,declan@corvid.example,Engineer,Rosalind Feeney
"""


def _import(path: Path) -> tuple[orgroles.Org, list[Problem]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        org = orgroles.from_csv(path)
    notes = [
        p for w in caught if isinstance(w.message, OrgImportWarning) for p in w.message.problems
    ]
    return org, notes


def test_managers_written_with_display_names_are_found(write: Write) -> None:
    org, notes = _import(write("hibob.csv", HIBOB))
    assert {rid: role.reports_to for rid, role in org.roles.items()} == {
        "1001": None,
        "1002": "1001",
        "1003": "1002",
        "1004": "1002",
    }
    assert org.people["1001"].name == "Beatrix Quint"  # the names stay the name columns'
    other = [n for n in notes if n.code == "other-name"]
    assert len(other) == 1  # one note for all the cells read so
    assert other[0].location is not None
    assert (other[0].location.line, other[0].location.column) == (3, 7)
    assert "'Bea Quint'; read as 'Beatrix Quint'" in other[0].message
    assert "and so are 2 more cells read so (line 4, line 5)" in other[0].message
    assert not [n for n in notes if n.code == "unknown-manager"]


def test_a_preferred_first_name_goes_before_the_last_name(write: Write) -> None:
    org, notes = _import(write("humaans.csv", HUMAANS))
    assert org.roles["a2"].reports_to == "a1"  # "Kat Morrow"
    assert org.roles["a3"].reports_to == "a2"  # "Teddy Ashby"
    assert org.roles["a4"].reports_to == "a3"  # her own name: no other one
    assert [n.code for n in notes].count("other-name") == 1


def test_a_row_without_a_name_takes_its_other_one(write: Write) -> None:
    org, _ = _import(write("directory.csv", DIRECTORY))
    assert org.people["e2"].name == "Build Robot"
    assert org.people["e3"].name == "Declan Roe"
    assert org.roles["e3"].reports_to == "e1"


def test_an_other_name_that_two_rows_share_finds_neither(write: Write) -> None:
    text = HUMAANS + "a5,Katrin,Morrow,Kat,katrin@quay.example,Engineer,Ivo Lenz\n"
    org, notes = _import(write("humaans.csv", text))
    assert org.roles["a2"].reports_to == "Kat Morrow"  # two Kat Morrows: not guessed
    assert [n for n in notes if n.code == "unknown-manager" and "'Kat Morrow'" in n.message]


@pytest.mark.parametrize("header", ["Known as", "Nickname", "Preferred Full Name"])
def test_other_name_columns_are_known_by_their_headers(write: Write, header: str) -> None:
    text = HIBOB.replace("Display name", header, 1)
    org, _ = _import(write("people.csv", text))
    assert org.roles["1003"].reports_to == "1002"


def test_the_guess_and_the_import_take_the_same_column_of_other_names(write: Write) -> None:
    # "Name" and "Display name" both name a column of other names: the guess read the
    # manager column by the display names, and the import matched them against "Name".
    text = (
        "Employee ID,First name,Last name,Name,Display name,Reports to\n"
        "1,Beatrix,Quint,B. Quint,Bea Quint,\n"
        "2,Robert,Tallis,R. Tallis,Rob Tallis,Bea Quint\n"
        "3,Nkechi,Aldous,N. Aldous,Nkechi Aldous,Rob Tallis\n"
    )
    org, notes = _import(write("people.csv", text))
    assert [org.roles[r].reports_to for r in ("2", "3")] == ["1", "2"]
    assert not [n for n in notes if n.code == "unknown-manager"]


def test_a_preferred_name_two_rows_go_by_is_told_apart_by_department(write: Write) -> None:
    # Probe 47 (Humaans): "Del Rosslyn" is the name two people go by, one in each team.
    text = (
        "ID,First name,Last name,Preferred name,Job title,Department,Reporting to\n"
        "1,Ana,Varga,,CEO,Exec,\n"
        "2,Kit,Rosslyn,Del,Support Lead,Support,Ana Varga\n"
        "3,Lin,Rosslyn,Del,Engineering Manager,Engineering,Ana Varga\n"
        "4,Cy,Moss,,Support Agent,Support,Del Rosslyn\n"
        "5,Di,Fox,,Developer,Engineering,Del Rosslyn\n"
    )
    org, notes = import_notes(write("people.csv", text))
    assert org.roles["4"].reports_to == "2"
    assert org.roles["5"].reports_to == "3"
    assert any(
        "the manager name 'Del Rosslyn' is that of 2 rows: read as line 3, the only one in "
        "the row's department" in n
        for n in notes
    )
