"""Manager ids that a spreadsheet or pandas wrote as the same number in another form.

A column of manager ids with an empty cell (the CEO's) comes out of pandas as floats
(`2.0`), and Excel drops the leading zeros of one column but not of another (`42` against
`0042`). Every person here is invented.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import orgroles
from orgroles import OrgImportWarning

from tests.helpers import Write, import_notes


def test_float_manager_ids_are_read_as_the_rows_they_number(write: Write) -> None:
    text = "id,name,reports_to\n1,Lark Moon,\n2,Milo Nash,1.0\n3,Nell Ost,2.0\n"
    org, notes = import_notes(write("org.csv", text))
    assert [(r.id, r.reports_to) for r in org] == [("1", None), ("2", "1"), ("3", "2")]
    assert notes == [
        "3:3: column 'reports_to': no row has the manager id '1.0'; the row '1' writes the "
        "same number, so it is read as '1' (a spreadsheet or pandas may have rewritten the ids)",
        "4:3: column 'reports_to': no row has the manager id '2.0'; the row '2' writes the "
        "same number, so it is read as '2' (a spreadsheet or pandas may have rewritten the ids)",
    ]
    assert "S002" not in org.check().counts()  # no unknown manager left


def test_leading_zeros_dropped_in_the_manager_column(write: Write) -> None:
    text = (
        "Employee #,First Name,Last Name,Job Title,Supervisor EID\n"
        "007,Aria,Quenby,CEO,\n0042,Bram,Tollan,CTO,7\n0043,Cato,Wren,Engineer,42\n"
    )
    org, notes = import_notes(write("staff.csv", text), preset="bamboohr")
    assert [r.reports_to for r in org] == [None, "007", "0042"]
    assert [n.split(": ")[0] for n in notes] == ["3:5", "4:5"]


def test_ids_with_the_same_number_leave_the_manager_unknown(write: Write) -> None:
    text = "id,reports_to\n7,\n007,\nx,0007\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is read as another id: no warning
        org = orgroles.from_csv(write("org.csv", text))
    assert org.roles["x"].reports_to == "0007"
    assert [org.index.ids[i] for i in org.index.dangling] == ["x"]


@pytest.mark.parametrize("manager", ["2.5", "A2", "1e0", "two", "-2"])
def test_what_writes_no_whole_number_is_left_as_written(write: Write, manager: str) -> None:
    text = f"id,reports_to\n2,\n3,{manager}\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        org = orgroles.from_csv(write("org.csv", text))
    assert org.roles["3"].reports_to == manager


def test_records_with_several_managers_are_read_the_same_way() -> None:
    records: list[dict[str, object]] = [
        {"id": "1"},
        {"id": "2"},
        {"id": "3", "reports_to": ["1.0", "02"]},
    ]
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_records(records)
    assert org.roles["3"].reports_to == "1"
    assert org.roles["3"].dotted_to == ("2",)
    (warning,) = caught
    assert isinstance(warning.message, OrgImportWarning)
    assert [p.code for p in warning.message.problems] == ["number-form", "number-form"]


def test_a_cell_that_says_no_manager_is_none(write: Write) -> None:
    text = "id,reports_to\nu1,NO_MANAGER\nu2,u1\nu3,N/A\nu4,0\n"
    org, notes = import_notes(write("org.csv", text))
    assert [r.reports_to for r in org] == [None, "u1", None, None]
    assert notes == [
        "2:2: column 'reports_to': '0' and 'N/A' and 'NO_MANAGER' name no row and stand for "
        "no manager: read as none, and 2 more below"
    ]
    assert "S002" not in org.check().counts()


def test_a_hand_made_sheet_says_no_manager_with_self_tbd_or_a_dash(write: Write) -> None:
    # A sheet typed by hand writes "self", "TBD" or a dash for its top person: no
    # manager, not one named "self" that the check reports as missing.
    for word in ("self", "TBD", "\u2014", "?"):
        text = f"Name,Title,Reports to\nIlse Varga,CEO,{word}\nOdo Brandt,CTO,Ilse Varga\n"
        org, notes = import_notes(write("org.csv", text))
        assert [r.reports_to for r in org] == [None, "Ilse Varga"], word
        assert any("stands for no manager" in n for n in notes), word
        assert "S002" not in org.check().counts()


def test_a_row_whose_id_is_a_no_manager_word_keeps_it(write: Write) -> None:
    text = "id,reports_to\n0,\nu1,0\nu2,none\n"
    org, notes = import_notes(write("org.csv", text))
    assert [r.reports_to for r in org] == [None, "0", None]
    assert len(notes) == 1
    assert "'none' names no row" in notes[0]


def test_a_file_that_to_csv_wrote_is_read_as_written(tmp_path: Path) -> None:
    org = orgroles.Org(
        roles=[
            orgroles.Role(id="2"),
            orgroles.Role(id="a", reports_to="2.0"),  # dangling, on purpose
            orgroles.Role(id="b", reports_to="n/a"),
        ]
    )
    path = tmp_path / "org.csv"
    org.to_csv(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = orgroles.from_csv(path)
    assert [r.reports_to for r in back] == [None, "2.0", "n/a"]


def test_ids_written_beside_names_are_read_as_those_rows(write: Write) -> None:
    text = (
        "Employee ID,Name,Job Title,Manager\n"
        "E1,Ava Lind,CEO,\n"
        "E2,Ben Oka,CTO,Ava Lind (E1)\n"
        "E3,Cleo Marr,Engineer,E2 - Ben Oka\n"
        "E4,Dev Ram,Engineer,Ben Oka [E2]\n"
        "E5,Eve Stone,Engineer,Ben Oka (Interim)\n"
    )
    org, notes = import_notes(write("staff.csv", text))
    assert "manager (by id) 'Manager'" in notes[0]
    assert [r.reports_to for r in org] == [None, "E1", "E2", "E2", "Ben Oka (Interim)"]
    assert notes[1:] == [
        "3:4: column 'Manager': no row has the manager id 'Ava Lind (E1)'; it writes the row "
        "'E1' beside a name, so it is read as 'E1', and so are 2 more cells that write an id so"
    ]


def test_the_guess_counts_ids_written_beside_names(write: Write) -> None:
    # Two manager columns: names that match two rows, and ids beside names that match three.
    text = (
        "Employee ID,Name,Supervisor Name,Manager\n"
        "E1,Ava Lind,,\nE2,Ben Oka,Ava Lind,Ava Lind (E1)\n"
        "E3,Cleo Marr,Ben O.,Ben Oka (E2)\nE4,Dev Ram,Ben O.,Ben Oka (E2)\n"
    )
    org, notes = import_notes(write("staff.csv", text))
    assert "manager (by id) 'Manager'" in notes[0]
    assert [r.reports_to for r in org] == [None, "E1", "E2", "E2"]


@pytest.mark.parametrize("manager", ["Unknown Boss 2", "2.0", "Boss (2)"])
def test_a_second_reading_never_makes_a_row_its_own_manager(write: Write, manager: str) -> None:
    text = f'id,name,reports_to\n1,Lark Moon,\n2,Milo Nash,"{manager}"\n'
    org = orgroles.from_csv(write("org.csv", text), id_col="id", name_col="name",
                            manager_col="reports_to")  # fmt: skip
    assert org.roles["2"].reports_to == manager  # as written: an unknown manager
