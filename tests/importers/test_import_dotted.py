"""A matrix org in an export: a column of dotted-line (matrix, functional) managers.

The manager column gives the line manager; a second column ("Dotted Line Manager",
"Matrix Manager", "Fachvorgesetzter") gives the functional one, by id, email or name.
Every person here is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import orgroles

from tests.helpers import Cli, Write, import_notes

HEADER = "Employee ID,Name,Email,Title,Manager ID,Dotted Line Manager\n"
PEOPLE = (
    "1,Ana Lima,ana@m.example,CEO,,\n"
    "2,Bo Diaz,bo@m.example,CTO,1,\n"
    "3,Cy Park,cy@m.example,Chief Product Officer,1,\n"
)


def test_a_dotted_line_column_is_guessed_and_read_by_its_values(write: Write) -> None:
    path = write(
        "matrix.csv",
        HEADER
        + PEOPLE
        + "4,Di Chen,di@m.example,Product Engineer,2,cy@m.example\n"  # by email
        + "5,Ed Moss,ed@m.example,Data Analyst,2,cy@m.example | ana@m.example\n"
        + "6,Flo Ruiz,flo@m.example,Developer,2,bo@m.example\n",  # the line manager again
    )
    org, notes = import_notes(path)
    assert "dotted-line manager 'Dotted Line Manager'" in notes[0]
    assert org.roles["4"].reports_to == "2"
    assert org.roles["4"].dotted_to == ("3",)
    assert org.roles["5"].dotted_to == ("3", "1")
    assert org.roles["6"].dotted_to == ()  # a dotted line to the line manager is none
    assert org.roles["2"].dotted_to == ()
    assert len(notes) == 1


def test_an_unknown_dotted_line_manager_is_kept_and_located(write: Write) -> None:
    path = write(
        "matrix.csv",
        HEADER + PEOPLE + "4,Di Chen,di@m.example,Designer,3,zed@m.example\n"
        "5,Ed Moss,ed@m.example,Analyst,3,cy@m.example\n",
    )
    org, notes = import_notes(path)
    assert org.roles["4"].dotted_to == ("zed@m.example",)
    assert notes[1] == (
        "5:6: column 'Dotted Line Manager': no row has the manager email 'zed@m.example': "
        "kept as an unknown manager"
    )
    report = org.check()
    assert [(v.code, v.role) for v in report.violations if v.code == "S002"] == [("S002", "4")]


def test_a_dotted_line_column_given_by_option(write: Write) -> None:
    path = write(
        "staff.csv",
        "emp,who,boss,functional\n1,Ana Lima,,\n2,Bo Diaz,1,\n3,Cy Park,1,Bo Diaz\n",
    )
    org = orgroles.from_csv(
        path, id_col="emp", name_col="who", manager_col="boss", dotted_col="functional"
    )
    assert org.roles["3"].reports_to == "1"
    assert org.roles["3"].dotted_to == ("2",)


def test_a_json_export_gives_its_matrix_managers_as_a_list(write: Write) -> None:
    users = [
        {"id": "a", "name": "Ana Lima", "manager": None, "matrixManager": []},
        {"id": "b", "name": "Bo Diaz", "manager": "a", "matrixManager": []},
        {"id": "c", "name": "Cy Park", "manager": "a", "matrixManager": []},
        {"id": "d", "name": "Di Chen", "manager": "b", "matrixManager": ["c", "a"]},
    ]
    path = write("people.json", json.dumps(users, indent=1))
    org, _ = import_notes(path)
    assert org.roles["d"].dotted_to == ("c", "a")


def test_german_functional_managers(write: Write) -> None:
    path = write(
        "mitarbeiter.csv",
        "Personalnummer;Vorname;Nachname;Vorgesetzter;Fachvorgesetzter\n"
        "1;Jana;Roth;;\n2;Uwe;Kern;1;\n3;Lea;Voss;1;2\n",
    )
    org, notes = import_notes(path)
    assert "dotted-line manager 'Fachvorgesetzter'" in notes[0]
    assert org.roles["3"].dotted_to == ("2",)


def test_the_import_summary_counts_the_unknown_dotted_line_managers(
    write: Write, run: Cli, tmp_path: Path
) -> None:
    path = write(
        "matrix.csv",
        HEADER + PEOPLE + "4,Di Chen,di@m.example,Designer,3,zed@m.example\n",
    )
    result = run("import", "csv", path, "-o", tmp_path / "org.yaml")
    assert result.exit_code == 0, result.output
    assert (
        "4 roles, 4 people, 0 teams, 0 vacancies, 0 unknown managers, "
        "1 unknown dotted-line manager\n"
    ) in result.stderr
