"""Manager names written last name first ("Brook, Ansel") against names made first name
first ("Ansel Brook"), as some HR systems export them. Every person here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgroles
from orgroles import OrgFileError, OrgImportWarning

from tests.helpers import BY_NAME, Write, import_notes

HEADER = "Employee #,First Name,Last Name,Job Title,Reporting to\n"


def test_last_name_first_is_read_as_the_row_with_that_name(write: Write) -> None:
    text = (
        HEADER + '1,Ansel,Brook,CEO,\n2,Bela,Corr,CTO,"Brook, Ansel"\n3,Cyra,Dunn,Dev,Bela Corr\n'
    )
    path = write("staff.csv", text)
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(path, preset="bamboohr")
    assert [(r.id, r.reports_to) for r in org] == [("1", None), ("2", "1"), ("3", "2")]
    (warning,) = caught
    assert isinstance(warning.message, OrgImportWarning)
    assert [str(p) for p in warning.message.problems] == [
        f"{path}:3:5: column 'Reporting to': no row has the manager name 'Brook, Ansel'; read "
        "as 'Ansel Brook' (the name written last name first), the name of line 2"
    ]
    assert [p.code for p in warning.message.problems] == ["name-order"]


def test_names_written_with_their_comma_match_as_they_are(write: Write) -> None:
    text = 'id,name,manager\n1,"Brook, Ansel",\n2,"Corr, Bela","Brook, Ansel"\n'
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(write("staff.csv", text), **BY_NAME)
    assert org.roles["2"].reports_to == "1"
    # The names are read first name first, with one note; the manager as written, none.
    assert [p.code for w in caught for p in w.message.problems] == ["name-order"]  # type: ignore[union-attr]
    assert "2 names written last name first, as 'Brook, Ansel'" in str(caught[0].message)
    assert [p.name for p in org.people.values()] == ["Ansel Brook", "Bela Corr"]


def test_a_name_column_written_last_name_first_reads_first_name_first(write: Write) -> None:
    # BambooHR's "Last name, First name": the chart showed "Carrow, Delphine", and each
    # manager written "Delphine Carrow" was "read as the same name without a title".
    text = (
        '"Employee #","Last name, First name","Reports To"\n'
        '7,"Carrow, Delphine",\n12,"Mbeki, Thabo",Delphine Carrow\n31,"Yoon, Hae-won",Thabo Mbeki\n'
    )
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(write("bamboo.csv", text))
    notes = [p for w in caught for p in w.message.problems if p.code != "columns-guessed"]  # type: ignore[union-attr]
    assert [(p.code, p.location.line if p.location else None) for p in notes] == [("name-order", 2)]
    assert org.people["7"].name == "Delphine Carrow"
    assert [org.roles[r].reports_to for r in ("12", "31")] == ["7", "12"]


def test_a_to_csv_file_keeps_its_names_as_written(tmp_path: Path) -> None:
    org = orgroles.Org(
        people=[{"id": "a", "name": "Brook, Ansel"}, {"id": "b", "name": "Corr, Bela"}],
        roles=[{"id": "a", "holder": "a"}, {"id": "b", "holder": "b", "reports_to": "a"}],
    )
    org.to_csv(tmp_path / "org.csv")
    back = orgroles.from_csv(tmp_path / "org.csv")
    assert [p.name for p in back.people.values()] == ["Brook, Ansel", "Corr, Bela"]


def test_a_swapped_name_that_matches_no_row_stays_unknown(write: Write) -> None:
    text = HEADER + '1,Ansel,Brook,CEO,\n2,Bela,Corr,CTO,"Stone, Ida"\n'
    with pytest.warns(OrgImportWarning, match="no row has the manager name 'Stone, Ida': kept"):
        org = orgroles.from_csv(write("staff.csv", text), preset="bamboohr")
    assert org.roles["2"].reports_to == "Stone, Ida"


def test_a_swapped_name_that_two_rows_have_is_an_error(write: Write) -> None:
    text = HEADER + '1,Ansel,Brook,CEO,\n2,Ansel,Brook,CFO,\n3,Bela,Corr,CTO,"Brook, Ansel"\n'
    with pytest.raises(OrgFileError, match="'Brook, Ansel' is ambiguous: 2 rows have it"):
        orgroles.from_csv(write("staff.csv", text), preset="bamboohr")


FRENCH = "Matricule,Prénom,Nom,Manager\n"


def test_a_name_turned_round_without_a_comma_is_read_as_the_row(write: Write) -> None:
    text = FRENCH + "1,Ansel,Brook,\n2,Bela,Corr-Dunn,BROOK Ansel\n3,Cyra,Egan,Corr-Dunn Bela\n"
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(
            write("staff.csv", text),
            id_col="Matricule",
            name_col=["Prénom", "Nom"],
            manager_name_col="Manager",
        )
    assert [(r.id, r.reports_to) for r in org] == [("1", None), ("2", "1"), ("3", "2")]
    (warning,) = caught
    assert isinstance(warning.message, OrgImportWarning)
    # One note for the cells read so (an export that turns every name gets one, not one
    # per row), on the first, that names the others' lines.
    assert [p.code for p in warning.message.problems] == ["name-order"]
    assert str(warning.message.problems[0]).endswith(
        "'BROOK Ansel'; read as 'Ansel Brook' (the name written last name first), the name "
        "of line 2, and so is one more cell read so (line 4)"
    )


def test_a_turned_name_that_two_rows_have_is_an_error(write: Write) -> None:
    text = FRENCH + "1,Ansel,Brook,\n2,Ansel,Brook,\n3,Bela,Corr,Brook Ansel\n"
    with pytest.raises(OrgFileError, match="'Brook Ansel' is ambiguous: 2 rows have it"):
        orgroles.from_csv(
            write("staff.csv", text),
            id_col="Matricule",
            name_col=["Prénom", "Nom"],
            manager_name_col="Manager",
        )


def test_a_turned_name_of_two_different_people_stays_unknown(write: Write) -> None:
    # "Lee Chen Wu" turned round is both "Chen Wu Lee" and "Wu Lee Chen": no guess
    text = "id,name,manager\n1,Chen Wu Lee,\n2,Wu Lee Chen,\n3,Ida Stone,Lee Chen Wu\n"
    with pytest.warns(OrgImportWarning, match="'Lee Chen Wu': kept as an unknown manager"):
        org = orgroles.from_csv(write("staff.csv", text), **BY_NAME)
    assert org.roles["3"].reports_to == "Lee Chen Wu"


def test_a_name_with_or_without_a_title_is_read_as_the_row(write: Write) -> None:
    text = (
        "Employee Number,Full Name,Position,Supervisor\n"
        "101,Dr. Ansel Brook,Managing Director,\n"
        "102,Bela Corr Jr.,Head of Operations,Ansel Brook\n"
        "103,Cyra Dunn,Operations Analyst,Prof. Bela Corr\n"
        '104,Dov Eng,Operations Analyst,"Dunn, Cyra, PhD"\n'
    )
    path = write("staff.csv", text)
    org, notes = import_notes(path)  # guessed: the titles count for the name reading
    assert [(r.id, r.reports_to) for r in org] == [
        ("101", None),
        ("102", "101"),
        ("103", "102"),
        ("104", "103"),
    ]
    said = "(the same name with or without a title such as Dr. or Jr.)"
    assert notes[1:] == [
        f"3:4: column 'Supervisor': no row has the manager name 'Ansel Brook'; read as "
        f"'Dr. Ansel Brook' {said}, the name of line 2, and so are 2 more cells read so "
        "(line 4, line 5)",
    ]


def test_a_name_that_two_people_have_under_titles_stays_unknown(write: Write) -> None:
    text = (
        "id,name,title,manager\n"
        "1,Dr. Ansel Brook,CEO,\n"
        "2,Ansel Brook Jr.,CTO,\n"  # another person: the name alone names neither
        "3,Cyra Dunn,Developer,Ansel Brook\n"
    )
    path = write("staff.csv", text)
    org, notes = import_notes(path, id_col="id", name_col="name", manager_name_col="manager")
    assert org.roles["3"].reports_to == "Ansel Brook"
    assert notes == [
        "4:4: column 'manager': no row has the manager name 'Ansel Brook': kept as an unknown "
        "manager"
    ]


@pytest.mark.parametrize(
    ("row", "manager"),
    [
        ("Ansel Brook", "Ansel Brook, Ph.D."),
        ("Ansel Brook", "Dr. med. Ansel Brook"),
        ("Anna Bruni", "Dott.ssa Anna Bruni"),
        ("Ansel Brook", "Ing. Ansel Brook"),
        ("Brook, Ansel", "Dr. Brook, Ansel"),  # rows written last name first too
        ("Brook, Ansel, PhD", "Brook, Ansel"),
        ("Dr. Ansel Brook", "Prof. Dr. Ansel Brook"),
    ],
)
def test_the_forms_of_titles_that_are_read(write: Write, row: str, manager: str) -> None:
    text = f'id,name,manager\n1,"{row}",\n2,Cyra Dunn,"{manager}"\n'
    org, notes = import_notes(write("staff.csv", text), id_col="id", name_col="name",
                              manager_name_col="manager")  # fmt: skip
    assert org.roles["2"].reports_to == "1", notes


@pytest.mark.parametrize(
    ("row", "manager"),
    [
        ("John Smith Sr.", "John Smith Jr."),  # a father and a son
        ("Mrs Jo Brook", "Mr Jo Brook"),
        ("Ana Lima II", "Ana Lima III"),
        ("Ing Larsson", "Larsson"),  # a first name, without the dot of a title
    ],
)
def test_titles_that_conflict_name_someone_else(write: Write, row: str, manager: str) -> None:
    text = f'id,name,manager\n1,"{row}",\n2,Cyra Dunn,"{manager}"\n'
    org, _ = import_notes(write("staff.csv", text), id_col="id", name_col="name",
                          manager_name_col="manager")  # fmt: skip
    assert org.roles["2"].reports_to == manager


def test_a_middle_name_column_goes_between_the_first_and_the_last_name(write: Write) -> None:
    # Keka (India): the middle name is part of how people are called, and a manager is
    # written with it or without it.
    text = (
        "Employee Number,First Name,Middle Name,Last Name,Job Title,Reporting To\n"
        "K1,Harsh,,Kulkarni,CEO,\n"
        "K2,Mohammed,Irfan,Shaikh,CTO,Harsh Kulkarni\n"
        "K3,Gurpreet,Kaur,Sandhu,Developer,Mohammed Shaikh\n"
        "K4,Anil,,Rao,Developer,Mohammed Irfan Shaikh\n"
    )
    org = orgroles.from_csv(write("keka.csv", text))
    assert org.people["K2"].name == "Mohammed Irfan Shaikh"
    assert org.people["K3"].name == "Gurpreet Kaur Sandhu"
    assert org.roles["K3"].reports_to == org.roles["K4"].reports_to == "K2"


def test_a_middle_initial_column_is_left_out_of_the_name(write: Write) -> None:
    text = (
        "Employee Id,First Name,Middle Name,Last Name,Job Title,Supervisor\n"
        "1001,Dorian,J,Hartwell,CEO,\n"
        '1002,Ada,M.,Okonkwo,CFO,"Hartwell, Dorian"\n'
        '1003,Teo,,Vlasic,COO,"Hartwell, Dorian"\n'
    )
    org = orgroles.from_csv(write("paylocity.csv", text))
    assert [p.name for p in org.people.values()] == ["Dorian Hartwell", "Ada Okonkwo", "Teo Vlasic"]
    assert org.roles["1002"].meta["Middle Name"] == "M."


def test_bamboohrs_last_name_first_name_field_is_the_name(write: Write) -> None:
    """BambooHR's report field "Last Name, First Name", under its preset's header: the
    names and the managers written so were all lost (17 unknown managers of 19)."""
    text = (
        'Employee #,"Last Name, First Name",Job Title,Department,Reporting to,Status\n'
        '0101,"Vandermolen, Prescott",Chief Executive Officer,Management,,Active\n'
        '0102,"Kwiatkowski, Isadora",Chief Technology Officer,Engineering,'
        '"Vandermolen, Prescott",Active\n'
        '0103,"Thibodeaux, Beau",Developer,Engineering,"Kwiatkowski, Isadora",Active\n'
    )
    org = orgroles.from_csv(write("bamboo.csv", text))
    assert org.people["0103"].name == "Beau Thibodeaux"
    assert org.roles["0103"].reports_to == "0102"
    assert org.roles["0102"].reports_to == "0101"


def test_a_tools_header_without_its_name_columns_reads_the_name_as_guessed(
    write: Write,
) -> None:
    """A BambooHR header (its "Employee #" and "Reporting to") whose name is in a column
    the preset does not know: the name is read from it, as without the preset."""
    text = (
        "Employee #,Employee Name,Job Title,Reporting to\n"
        "1,Prescott Vandermolen,Chief Executive Officer,\n"
        "2,Isadora Kwiatkowski,Chief Technology Officer,Prescott Vandermolen\n"
    )
    org, notes = import_notes(write("bamboo.csv", text))
    assert org.people["2"].name == "Isadora Kwiatkowski"
    assert org.roles["2"].reports_to == "1"
    assert any("bamboohr preset" in n and "the name read from 'Employee Name'" in n for n in notes)


def test_an_adp_payroll_name_is_the_name(write: Write) -> None:
    text = (
        "Payroll Name,Associate ID,Job Title Description,Reports To Name,Position Status\n"
        '"Castellano, Warren",G1,Chief Executive Officer,,Active\n'
        '"Nakashima, Deborah",G2,Chief Technology Officer,"Castellano, Warren",Active\n'
    )
    org = orgroles.from_csv(write("adp.csv", text))
    assert org.people["G2"].name == "Deborah Nakashima"
    assert org.roles["G2"].reports_to == "G1"
