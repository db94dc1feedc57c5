"""Exports of tools and shapes a fourth probe tried (SCIM, JumpCloud, Freshteam,
Dynamics 365, NetSuite, a hospital roster, a hand-made sheet, Spanish payrolls),
imported with no option. Every person is invented."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from tests.helpers import Write, import_notes

DYNAMICS = """\
Personnel number,Name,First name,Last name,Position,Job,Department,Manager personnel number
000101,Helga Strom,Helga,Strom,POS-0001,Chief Executive Officer,Executive,
000102,Viktor Aalto,Viktor,Aalto,POS-0002,Chief Financial Officer,Finance,000101
000103,Saga Lind,Saga,Lind,POS-0003,Accountant,Finance,000102
"""


def test_a_title_column_of_codes_gives_way_to_one_of_words(write: Write) -> None:
    # Dynamics 365's "Position" is the position's code; its "Job" is the title
    org, notes = import_notes(write("d365.csv", DYNAMICS))
    assert "title 'Job'" in notes[0]
    assert org.roles["000102"].title == "Chief Financial Officer"
    assert org.roles["000102"].kind == "cfo"
    assert org.roles["000102"].meta["Position"] == "POS-0002"


JUMPCLOUD = """\
_id,username,email,firstname,lastname,jobTitle,department,manager,suspended
64a1e501,rhea,rhea@kestrel.example,Rhea,Tolan,CEO,Leadership,,False
64a1e502,iven,iven@kestrel.example,Iven,Rask,Head of Engineering,Engineering,64a1e501,False
64a1e503,maro,maro@kestrel.example,Maro,Sild,Software Engineer,Engineering,64a1e502,False
64a1e504,tove,tove@kestrel.example,Tove,Arn,Software Engineer,Engineering,64a1e502,True
"""


def test_a_suspended_flag_says_the_account_is_of_someone_who_left(write: Write) -> None:
    org, notes = import_notes(write("jumpcloud.csv", JUMPCLOUD))
    assert "status 'suspended'" in notes[0]
    assert sorted(org.roles) == ["64a1e501", "64a1e502", "64a1e503"]
    assert any("1 row of people who left, as their status says ('True')" in n for n in notes)


FRESHTEAM = """\
Employee ID,First Name,Last Name,Designation,Reporting Manager,Joining Date,Status,Terminated Date
FT-01,Anouk,Brevik,Chief Executive Officer,,01 Feb 2018,Active,
FT-02,Cas,Hoving,Chief Operating Officer,FT-01,15 Mar 2018,Active,
FT-05,Mila,Terpstra,Logistics Coordinator,FT-02,07 Jun 2021,Terminated,30 Sep 2024
"""
NETSUITE = """\
Internal ID,Name,Job Title,Supervisor,Hire Date,Release Date
1201,Cordelia Marsh,Chief Executive Officer,,1/5/2015,
1202,Felix Ambrose,VP Finance,Cordelia Marsh,4/1/2016,
1204,Hugo Linde,AR Specialist,Felix Ambrose,2/3/2019,6/30/2024
"""


def test_terminated_and_release_dates_are_last_days(write: Write) -> None:
    org, notes = import_notes(write("freshteam.csv", FRESHTEAM))
    assert "end 'Terminated Date'" in notes[0]
    assert org.records["FT-05"].end == date(2024, 9, 30)  # dated, not left out
    org, notes = import_notes(write("netsuite.csv", NETSUITE))
    assert "end 'Release Date'" in notes[0]  # NetSuite's termination date
    assert org.records["1204"].end == date(2024, 6, 30)


ROSTER = """\
Staff No,Surname,Forename,Grade,Ward,Line Manager,Mon 01/12,Tue 02/12
30017,ABERNETHY,Morag,Matron,Medicine Division,,D,D
30101,KINCAID,Fiona,Ward Sister,Ward 7 - Respiratory,"ABERNETHY, Morag",E,E
30102,DRUMMOND,Euan,Charge Nurse,Ward 7 - Respiratory,"KINCAID, Fiona",L,OFF
"""


def test_a_roster_s_forename_and_ward(write: Write) -> None:
    org, notes = import_notes(write("roster.csv", ROSTER))
    assert "name 'Forename' + 'Surname'" in notes[0]
    assert org.people["30101"].name == "Fiona KINCAID"
    assert org.roles["30102"].reports_to == "30101"
    assert [t.name for t in org.teams_of("30102")] == ["Ward 7 - Respiratory"]
    assert org.roles["30102"].title == "Charge Nurse"  # its "Grade": the job


def test_a_grade_of_pay_is_no_title(write: Write) -> None:
    text = ROSTER.replace("Matron", "Band 8a").replace("Ward Sister", "Band 7")
    org, notes = import_notes(write("roster.csv", text))
    assert "title" not in notes[0]
    assert org.roles["30102"].title is None
    assert org.roles["30102"].meta["Grade"] == "Charge Nurse"


SHEET = """\
Name,Role,Team,Manager,Email
Zara Quennell,CEO & co-founder,Leadership,,zara@pebble.example
Milo Hartigan,CTO & co-founder,Leadership,Zara,milo@pebble.example
Sam Okafor,Engineering Manager,Platform,Milo,sam.o@pebble.example
Sam Whitlock,Senior Backend Engineer,Platform,Sam O.,sam.w@pebble.example
Priti Gokhale,Backend Engineer,Platform,Sam O,priti@pebble.example
Kit Lam,Backend Engineer,Platform,Sam,kit@pebble.example
"""


def test_managers_written_by_first_name_alone_or_with_an_initial(write: Write) -> None:
    org, notes = import_notes(write("sheet.csv", SHEET))
    assert "manager (by name) 'Manager'" in notes[0]  # not by id: the first names name rows
    reports = {r.id: r.reports_to for r in org.roles.values()}
    assert reports["milo@pebble.example"] == "zara@pebble.example"
    assert reports["sam.o@pebble.example"] == "milo@pebble.example"
    assert (
        reports["sam.w@pebble.example"] == reports["priti@pebble.example"] == "sam.o@pebble.example"
    )
    assert reports["kit@pebble.example"] == "Sam"  # two Sams: neither is guessed
    assert any(
        "no row has the manager name 'Zara'; read as 'Zara Quennell' (the one row whose name "
        "it shortens: a first name, or its first words)" in n
        for n in notes
    )
    assert any("'Sam' (2 rows' names start so): kept as an unknown manager" in n for n in notes)


SPANISH = """\
ID;Nombre;Apellidos;Puesto;Responsable
1;Lucía;García Ortega;Directora general;
2;Álvaro;Méndez Ruiz;Director comercial;Lucía García
3;Nerea;Iglesias Pons;Comercial;Álvaro Méndez
4;Marta;Herrero Cano;Jefa de almacén;Lucía García
5;Pablo;Herrero Cano;Mozo de almacén;Marta Herrero
6;Ana;Lima;Comercial;Álvaro Méndez Ruiz
7;Ana;Lima Costa;Comercial;Ana Lima
"""


def test_a_manager_named_by_the_first_surname_only(write: Write) -> None:
    # Spanish exports write "Apellidos" with both surnames, and a manager with the first
    org, notes = import_notes(write("sesame.csv", SPANISH))
    reports = {r.id: r.reports_to for r in org.roles.values()}
    assert reports == {"1": None, "2": "1", "3": "2", "4": "1", "5": "4", "6": "2", "7": "6"}
    assert not any("unknown manager" in n for n in notes)


def test_a_short_name_given_as_the_manager_name_column(write: Write) -> None:
    path = write("sheet.csv", SHEET)
    org, _ = import_notes(
        path, id_col="Email", name_col="Name", manager_name_col="Manager", title_col="Role"
    )
    assert org.roles["milo@pebble.example"].reports_to == "zara@pebble.example"


GROUPED = """\
ID,Name,Role,Manager,Email
1,Zara Quennell,CEO,,zara@pebble.example
,,,,
,Engineering,,,
2,Milo Hartigan,CTO,1,milo@pebble.example
3,Sam Okafor,Engineer,2,sam@pebble.example
,Sales,,,
4,Dara Byrne,Head of Sales,1,dara@pebble.example
5,Gus Moreau,,,
6,Owen Pryor,Account Executive,5,owen@pebble.example
"""


def test_a_heading_line_above_its_people_is_left_out(write: Write) -> None:
    # read as rows, the headings were rows without an id (an error)
    org, notes = import_notes(write("grouped.csv", GROUPED))
    assert sorted(org.roles) == ["1", "2", "3", "4", "5", "6"]  # Gus, a manager, stays
    assert (
        "4: left out 'Engineering', a line with one value among rows that fill more: a heading "
        "of the rows below it? (and 'Sales', line 7)" in notes
    )


def test_a_heading_is_in_the_name_or_id_column_only(write: Write) -> None:
    text = """\
Title,Name,Reports To,Team
CEO,Zara Quennell,,Board
CTO,Milo Hartigan,Zara Quennell,Tech
Engineer,,,
Engineer,Sam Okafor,Milo Hartigan,Tech
"""  # a title alone is an open seat, not a heading
    org, notes = import_notes(write("list.csv", text))
    assert len(org.roles) == 4
    assert not any("heading" in n for n in notes)
    ids = "Employee ID,Name,Title,Manager ID\n1,Ana Lima,CEO,\n0042,,,\n2,Bo Diaz,CTO,1\n"
    org, notes = import_notes(write("ids.csv", ids))  # an id alone: a row, not a heading
    assert sorted(org.roles) == ["0042", "1", "2"]


def test_dynamics_365_s_last_day_is_no_day(write: Write) -> None:
    text = """\
Personnel number,Name,Job,Manager personnel number,Employment start date,Employment end date
000101,Helga Strom,Chief Executive Officer,,1/1/2016 12:00:00 AM,12/31/2154 11:59:59 PM
000102,Viktor Aalto,Chief Financial Officer,000101,3/1/2017 12:00:00 AM,12/31/2154 11:59:59 PM
000105,Alva Nyberg,Accountant,000102,5/6/2019 12:00:00 AM,9/30/2024 12:00:00 AM
000106,Otto Virtanen,Accountant,000102,1/13/2020 12:00:00 AM,12/31/9999 11:59:59 PM
"""
    org, notes = import_notes(write("d365.csv", text))
    assert org.records["000101"].end is None
    assert org.records["000106"].end is None
    assert org.records["000105"].end == date(2024, 9, 30)
    assert (
        "2:6: column 'Employment end date': '12/31/2154 11:59:59 PM', a database's day for "
        "never, read as no day, and 2 more below" in notes
    )


def test_a_scim_list_response(write: Write) -> None:
    ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    def user(
        uid: str, first: str, last: str, title: str, boss: tuple[str, str] | None
    ) -> dict[str, Any]:
        email = f"{first.lower()}@northwind.example"
        found: dict[str, Any] = {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ext],
            "id": uid,
            "userName": email,
            "name": {"givenName": first, "familyName": last},
            "title": title,
            "active": True,
            "emails": [
                {"value": f"{first.lower()}@home.example", "type": "home"},
                {"value": email, "type": "work", "primary": True},
            ],
            ext: {"employeeNumber": uid[-1], "department": "Engineering"},
        }
        if boss:  # SCIM's manager: its id under "value", beside its display name
            found[ext]["manager"] = {"value": boss[0], "displayName": boss[1]}
        return found

    resources = [
        user("u-1", "Orla", "Venn", "CEO", None),
        user("u-2", "Kofi", "Abara", "CTO", ("u-1", "Orla Venn")),
        user("u-3", "Lise", "Abara", "Engineer", ("u-2", "Kofi Abara")),
        user("u-4", "Kofi", "Abara", "Engineer", ("u-2", "Kofi Abara")),  # a namesake
    ]
    doc = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "Resources": resources,
    }
    org, notes = import_notes(write("users.json", json.dumps(doc)))
    assert "email 'emails'" in notes[0]
    assert f"manager (by id) '{ext}.manager'" in notes[0]
    assert org.people["u-2"].email == "kofi@northwind.example"  # the primary, not the first
    assert [org.roles[r].reports_to for r in ("u-1", "u-2", "u-3", "u-4")] == [
        None, "u-1", "u-2", "u-2"
    ]  # fmt: skip


def test_yet_to_join_is_someone_who_has_not_started(write: Write) -> None:
    text = """\
Employee ID,First Name,Last Name,Designation,Reporting Manager,Status
FT-01,Anouk,Brevik,Chief Executive Officer,,Active
FT-10,Thijs,Mulder,Warehouse Associate,FT-01,Yet to join
"""  # Freshteam's (and greytHR's) status of a hire to come
    org, _ = import_notes(write("freshteam.csv", text))
    assert org.roles["FT-10"].planned


def test_a_manager_outside_the_file_written_beside_a_name_is_kept_as_its_id(
    write: Write,
) -> None:
    text = """\
Employee ID,First Name,Last Name,Reporting Manager
FT-01,Anouk,Brevik,
FT-02,Cas,Hoving,Anouk Brevik (FT-01)
FT-11,Sanne,Kok,Ilse Groen (FT-15)
FT-12,Ruben,Vos,Outside Agency (contractor)
"""
    org, notes = import_notes(write("freshteam.csv", text))
    assert org.roles["FT-02"].reports_to == "FT-01"
    assert org.roles["FT-11"].reports_to == "FT-15"  # as the file names people
    assert org.roles["FT-12"].reports_to == "Outside Agency (contractor)"  # no id in it
    assert (
        "4:4: column 'Reporting Manager': no row has the manager 'Ilse Groen (FT-15)', nor the "
        "id 'FT-15' it writes beside a name, as the column's other cells write the rows' ids: "
        "kept as the unknown manager 'FT-15'" in notes
    )
