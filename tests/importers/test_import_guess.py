"""Exports of tools without a preset: the columns are guessed from the header, and what
the manager column holds (ids, emails or names) from the data. Every person is invented."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

import orgroles
from orgroles import OrgImportWarning
from orgroles.importers.guess import guess_columns

from tests.helpers import Write, import_notes

HIBOB = """\
Employee ID,Display name,Email,Job title,Department,Reports to,Start date,Site
E-1,Quentin Arlo,quentin@nimbus.example,CEO,Management,,03/01/2016,London
E-2,Rosa Blenk,rosa@nimbus.example,Head of People,People,Quentin Arlo,07/15/2017,London
E-3,Saul Crisp,saul@nimbus.example,CTO,Engineering,quentin arlo,11/30/2020,Berlin
"""
ADP = """\
Associate ID,Legal First Name,Legal Last Name,Job Title Description,Reports To Associate ID,Reports To Name,Home Department Description,Hire Date
G3X1,Vance,Wilder,President,,,Executive,05/04/2009
G3X2,Wren,Xiao,Controller,G3X1,"Wilder, Vance",Finance,07/01/2011
"""
RIPPLING = """\
Full name,Work email,Title,Department,Manager,Manager email,Start date
Abe Fox,abe@rill.example,CEO,Executive,,,2019-01-01
Bea Gale,bea@rill.example,VP Sales,Sales,Abe Fox,abe@rill.example,2019-06-01
"""
PERSONIO = """\
ID;Vorname;Nachname;E-Mail;Position;Abteilung;Vorgesetzte:r;Eintrittsdatum
101;Jürgen;Haßler;juergen@firma.example;Geschäftsführer;Geschäftsleitung;;01.04.2010
102;Änne;Köhler;aenne@firma.example;Leiterin Personal;Personal;juergen@firma.example;15.08.2014
"""
# A Workday custom report: "Worker" holds the names, "Supervisory Organization" the team.
WORKDAY_REPORT = """\
Worker ID;Worker;Business Title;Supervisory Organization;Manager ID
W1;Hana Sato;Chief Technology Officer;Technology;
W2;Ivo Petrov;Engineering Manager;Technology;W1
W3;Jun Park;Backend Engineer;Platform;W2
"""

# A French HR tool's export: "NOM Prénom" in the manager column, the last name first with
# no comma, as such tools show a person.
LUCCA = """\
Matricule;Nom;Prénom;Email professionnel;Intitulé de poste;Pôle;N+1;Date d'embauche
M01;Quill;Mara;mara@ardoise.example;Directrice générale;Direction;;17/01/2019
M02;Varga-Roux;Teo;teo@ardoise.example;Directeur technique;Tech;QUILL Mara;01/03/2019
M03;Morel;Ines Claire;ines@ardoise.example;Développeuse back-end;Tech;VARGA-ROUX Teo;11/05/2020
M04;Bade;Olu;olu@ardoise.example;Développeur;Tech;Morel Ines Claire;01/02/2021
"""
SPANISH = """\
Número de empleado,Nombre,Apellidos,Correo electrónico,Puesto,Departamento,Jefe directo,Fecha de alta
1,Lucía,Serrano Gil,lucia@ejemplo.example,Directora general,Dirección,,2018-02-01
2,Hugo,Navas,hugo@ejemplo.example,Director de tecnología,Tecnología,Lucía Serrano Gil,2019-09-16
"""
DUTCH = """\
Personeelsnummer,Voornaam,Achternaam,E-mailadres,Functie,Afdeling,Leidinggevende,Datum in dienst
7,Daan,Visser,daan@voorbeeld.example,Algemeen directeur,Directie,,2017-05-01
8,Sanne,Bakker,sanne@voorbeeld.example,Hoofd HR,HR,7,2020-03-02
"""
ITALIAN = """\
Matricola;Nome;Cognome;Indirizzo email;Mansione;Reparto;Responsabile diretto;Data di assunzione
31;Chiara;Fontana Neri;chiara@esempio.example;Amministratrice delegata;Direzione;;15/01/2018
32;Piero;Galli;piero@esempio.example;Sviluppatore;Tecnologia;Chiara Fontana Neri;28/02/2021
"""
PORTUGUESE = """\
Matrícula,Nome,Sobrenome,E-mail,Cargo,Departamento,Gestor,Data de admissão
41,Inês,Prado,ines@exemplo.example,Diretora de Tecnologia,Tecnologia,,2019-03-11
42,Caio,Brito,caio@exemplo.example,Desenvolvedor Back-end,Tecnologia,Inês Prado,2022-07-04
"""
POLISH = """\
Numer pracownika,Imię,Nazwisko,E-mail,Stanowisko,Dział,Przełożony
51,Zofia,Wrona,zofia@przyklad.example,Dyrektor generalny,Zarząd,
52,Łukasz,Sowa,lukasz@przyklad.example,Kierownik projektu,IT,Zofia Wrona
"""
SWEDISH = """\
Anställningsnummer,Förnamn,Efternamn,E-post,Befattning,Avdelning,Chef
61,Maja,Ek,maja@exempel.example,VD,Ledning,
62,Olle,Ström,olle@exempel.example,Ekonomichef,Ekonomi,Maja Ek
"""


def _import(write: Write, name: str, text: str) -> tuple[orgroles.Org, list[str]]:
    org, notes = import_notes(write(name, text))
    return org, notes


def test_a_hibob_export(write: Write) -> None:
    org, notes = _import(write, "bob.csv", HIBOB)
    assert notes[0] == (
        "1: no preset and no column options: the columns were read as id 'Employee ID', name "
        "'Display name', title 'Job title', email 'Email', department 'Department', start "
        "'Start date', manager (by name) 'Reports to' (days written %m/%d/%Y); give a preset "
        "or column options (--id-col, ...) to read them otherwise"
    )
    assert [(r.id, r.reports_to) for r in org] == [("E-1", None), ("E-2", "E-1"), ("E-3", "E-1")]
    assert notes[1].startswith("4:6: column 'Reports to': no row has the manager name 'quentin")
    assert "read as 'Quentin Arlo' (the same name in other letter case or spacing)" in notes[1]
    assert org.records["E-3"].start == date(2020, 11, 30)
    assert org.roles["E-1"].meta == {"Site": "London"}


def test_an_adp_export_prefers_the_manager_ids(write: Write) -> None:
    org, notes = _import(write, "adp.csv", ADP)
    assert "manager (by id) 'Reports To Associate ID'" in notes[0]
    assert org.roles["G3X2"].reports_to == "G3X1"
    assert org.people["G3X2"].name == "Wren Xiao"
    assert len(notes) == 1


def test_a_rippling_export_without_ids_uses_the_emails(write: Write) -> None:
    org, notes = _import(write, "rippling.csv", RIPPLING)
    assert "id 'Work email'" in notes[0]
    assert org.roles["bea@rill.example"].reports_to == "abe@rill.example"


def test_a_personio_export_in_german(write: Write) -> None:
    org, notes = _import(write, "personio.csv", PERSONIO)
    assert "name 'Vorname' + 'Nachname'" in notes[0]
    assert "manager (by email) 'Vorgesetzte:r'" in notes[0]
    assert "(days written %d.%m.%Y)" in notes[0]
    assert org.roles["102"].reports_to == "101"
    assert org.roles["101"].kind == "ceo"


def test_a_workday_report_names_its_workers_and_their_organizations(write: Write) -> None:
    org, notes = _import(write, "workers.csv", WORKDAY_REPORT)
    assert (
        "id 'Worker ID', name 'Worker', title 'Business Title', department 'Supervisory "
        "Organization', manager (by id) 'Manager ID'"
    ) in notes[0]
    assert org.people["W3"].name == "Jun Park"
    assert org.roles["W3"].reports_to == "W2"
    assert {t.id: t.name for t in org.teams.values()} == {
        "technology": "Technology",
        "platform": "Platform",
    }
    assert org.roles["W3"].meta == {}


def test_days_that_no_one_format_reads_stay_in_meta(write: Write) -> None:
    text = HIBOB.replace("07/15/2017", "01/02/2018").replace("11/30/2020", "03/04/2020")
    org, notes = _import(write, "bob.csv", text)
    assert "start" not in notes[0]
    assert org.roles["E-2"].meta["Start date"] == "01/02/2018"


def test_column_options_without_an_id_column_correct_the_guess(write: Write) -> None:
    # The user names the one column the guess got wrong: the others are still guessed.
    path = write("bob.csv", HIBOB)
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(path, title_col="Site", department_col="Job title")
    (note,) = [str(w.message) for w in caught if "guessed" in str(w.message)]
    assert "the columns not given were guessed: the columns were read as id 'Employee ID'" in note
    assert "title 'Site'" in note
    assert "department 'Job title'" in note
    assert org.roles["E-2"].title == "London"
    assert org.roles["E-2"].reports_to == "E-1"  # the manager column, still guessed
    assert org.people["E-2"].name == "Rosa Blenk"
    assert [team.name for team in org.teams_of("E-2")] == ["Head of People"]


def test_an_id_column_option_maps_the_file_with_no_guess(write: Write) -> None:
    path = write("bob.csv", HIBOB)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        org = orgroles.from_csv(
            path, id_col="Employee ID", name_col="Display name", manager_name_col="Reports to"
        )
    assert not [w for w in caught if "guessed" in str(w.message)]
    assert org.roles["E-3"].reports_to == "E-1"
    assert org.roles["E-2"].title is None  # not given: in meta
    assert org.roles["E-2"].meta["Job title"] == "Head of People"


def test_an_id_column_alone_corrects_the_guess(write: Write) -> None:
    # The id the guess would not take ("Badge", a column of its own), named alone: the
    # other columns are still read, not left in meta with every role a top role.
    lines = HIBOB.replace("Site\n", "Site,Badge\n").splitlines()
    lines[1:] = [f"{line},B-{6 + n}" for n, line in enumerate(lines[1:], 1)]
    path = write("bob.csv", "\n".join(lines) + "\n")
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(path, id_col="Badge")
    notes = [str(w.message) for w in caught]
    (note,) = [n for n in notes if "guessed" in n]
    assert note.startswith(f"{path}:1: the columns not given were guessed: ")
    assert "id 'Badge'" in note
    assert not [n for n in notes if "every role is a top role" in n]
    assert sorted(org.roles) == ["B-7", "B-8", "B-9"]
    assert org.roles["B-9"].reports_to == "B-7"  # "quentin arlo", read by name
    assert org.roles["B-8"].title == "Head of People"
    assert org.people["B-8"].name == "Rosa Blenk"
    assert org.roles["B-8"].meta == {"Employee ID": "E-2", "Site": "London"}


def test_an_id_column_alone_in_a_header_the_guess_cannot_read_is_a_flat_list(
    write: Write,
) -> None:
    path = write("codes.csv", "Code,Colour\nx1,red\nx2,blue\n")
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(path, id_col="Code")
    notes = [str(w.message) for w in caught]
    assert any("no column of the manager is given: every role is a top role" in n for n in notes)
    assert [(r.id, r.reports_to, r.meta) for r in org] == [
        ("x1", None, {"Colour": "red"}),
        ("x2", None, {"Colour": "blue"}),
    ]


def test_records_are_guessed_too() -> None:
    records: list[dict[str, str | None]] = [
        {"Employee ID": "1", "Name": "Ana Lima", "Manager ID": None},
        {"Employee ID": "2", "Name": "Bo Diaz", "Manager ID": "1"},
    ]
    with pytest.warns(OrgImportWarning, match="manager \\(by id\\) 'Manager ID'"):
        org = orgroles.from_records(records)
    assert org.roles["2"].reports_to == "1"


def test_a_tools_own_header_is_read_with_its_preset(write: Write) -> None:
    text = (
        "Employee_ID,Name,businessTitle,Manager_ID,Supervisory_Organization,Hire_Date,"
        "Effective_Date\n"
        "w1,Ana Lira,CEO,,Exec,01/06/2020,01/06/2020\n"
        "w2,Bo Diaz,CTO,w1,Tech,03/02/2020,03/02/2020\n"
        "w2,Bo Diaz,CTO,w3,Tech,03/02/2020,09/15/2021\n"
        "w3,Cy Moss,COO,w1,Ops,02/01/2021,02/01/2021\n"
    )
    org, notes = _import(write, "workday.csv", text)
    assert notes[0].startswith(
        "1: no preset and no column options: the header is that of the workday preset"
    )
    assert "read with it (days written %m/%d/%Y)" in notes[0]
    assert [(line.role, line.start) for line in org.records["w2"].reports_to] == [  # type: ignore[union-attr]
        ("w1", None),  # from the seat's first day
        ("w3", date(2021, 9, 15)),
    ]


@pytest.mark.parametrize(
    ("header", "preset"),
    [
        # BambooHR's "Employee ID" and "Supervisor", whose title is "Job Title"
        ("Employee ID,Name,Title,Supervisor,Team,Start date", "bamboohr"),
        # Odoo's technical "id" and its label "Manager", whose title is "Job Title"
        ("id,Name,Title,Manager,Team,Start date", "odoo"),
    ],
)
def test_a_preset_chosen_by_its_id_and_manager_leaves_no_other_column_unread(
    write: Write, header: str, preset: str
) -> None:
    rows = "1,Ana Lira,CEO,,Exec,01/16/2020\n2,Bo Diaz,CTO,Ana Lira,Tech,03/22/2020\n"
    org, notes = _import(write, "generic.csv", f"{header}\n{rows}")
    assert f"the header is that of the {preset} preset" in notes[0]
    assert "the title read from 'Title'" in notes[0]
    assert "the department read from 'Team'" in notes[0]
    assert "the first day read from 'Start date'" in notes[0]
    assert "read with it (days written %m/%d/%Y)" in notes[0]
    assert [(r.id, r.title, r.kind, r.reports_to, r.meta) for r in org.records.values()] == [
        ("1", "CEO", "ceo", None, {}),
        ("2", "CTO", "cto", "1", {}),
    ]
    assert [(t.name, t.members) for t in org.teams.values()] == [
        ("Exec", ("1",)),
        ("Tech", ("2",)),
    ]
    assert org.records["2"].start == date(2020, 3, 22)


def test_an_id_column_without_reports_to_is_guessed_when_another_names_the_manager(
    write: Write,
) -> None:
    # d3-org-chart's header has an `id` but names the manager `parentId`: its preset.
    d3 = "name,positionName,id,parentId,area\nAna Lira,CEO,O-1,,Exec\nBo Diaz,CTO,O-2,O-1,Tech\n"
    org, notes = _import(write, "d3.csv", d3)
    assert notes[0].startswith("1: no preset and no column options: the header is that of the d3")
    assert [(r.id, r.title, r.reports_to) for r in org] == [
        ("O-1", "CEO", None),
        ("O-2", "CTO", "O-1"),
    ]
    # Any header: its manager column is guessed, with a note.
    org, notes = _import(write, "boss.csv", "id,title,boss\n1,CEO,\n2,CTO,1\n")
    assert org.roles["2"].reports_to == "1"
    assert notes[0].startswith("1: no preset and no column options: the columns were read as")
    # No column names the manager: to_csv's columns, without a note.
    org, notes = _import(write, "flat.csv", "id,title\n1,CEO\n2,CTO\n")
    assert [(r.id, r.title) for r in org] == [("1", "CEO"), ("2", "CTO")]
    assert notes == []


def test_a_french_export_with_managers_written_last_name_first(write: Write) -> None:
    org, notes = _import(write, "salaries.csv", LUCCA)
    assert notes[0].startswith(
        "1: no preset and no column options: the columns were read as id 'Matricule', name "
        "'Prénom' + 'Nom', title 'Intitulé de poste', email 'Email professionnel', department "
        "'Pôle', start \"Date d'embauche\", manager (by name) 'N+1' (days written %d/%m/%Y)"
    )
    assert [(r.id, r.reports_to) for r in org] == [
        ("M01", None),
        ("M02", "M01"),
        ("M03", "M02"),
        ("M04", "M03"),  # "Morel Ines Claire": a first name of two words
    ]
    assert notes[1] == (
        "3:7: column 'N+1': no row has the manager name 'QUILL Mara'; read as 'Mara Quill' "
        "(the name written last name first), the name of line 2, and so are 2 more cells "
        "read so (line 4, line 5)"
    )
    assert len(notes) == 2
    assert org.roles["M02"].kind == "cto"
    assert org.records["M04"].start == date(2021, 2, 1)


@pytest.mark.parametrize(
    ("text", "read_as", "role", "manager", "name"),
    [
        pytest.param(
            SPANISH,
            "id 'Número de empleado', name 'Nombre' + 'Apellidos', title 'Puesto', email "
            "'Correo electrónico', department 'Departamento', start 'Fecha de alta', manager "
            "(by name) 'Jefe directo'",
            "2",
            "1",
            "Lucía Serrano Gil",
            id="spanish",
        ),
        pytest.param(
            DUTCH,
            "id 'Personeelsnummer', name 'Voornaam' + 'Achternaam', title 'Functie', email "
            "'E-mailadres', department 'Afdeling', start 'Datum in dienst', manager (by id) "
            "'Leidinggevende'",
            "8",
            "7",
            "Daan Visser",
            id="dutch",
        ),
        pytest.param(
            ITALIAN,
            "id 'Matricola', name 'Nome' + 'Cognome', title 'Mansione', email 'Indirizzo "
            "email', department 'Reparto', start 'Data di assunzione', manager (by name) "
            "'Responsabile diretto'",
            "32",
            "31",
            "Chiara Fontana Neri",
            id="italian",
        ),
        pytest.param(
            PORTUGUESE,
            "id 'Matrícula', name 'Nome' + 'Sobrenome', title 'Cargo', email 'E-mail', "
            "department 'Departamento', start 'Data de admissão', manager (by name) 'Gestor'",
            "42",
            "41",
            "Inês Prado",
            id="portuguese",
        ),
        pytest.param(
            POLISH,  # "Przełożony": a letter that Unicode does not decompose
            "id 'Numer pracownika', name 'Imię' + 'Nazwisko', title 'Stanowisko', email "
            "'E-mail', department 'Dział', manager (by name) 'Przełożony'",
            "52",
            "51",
            "Zofia Wrona",
            id="polish",
        ),
        pytest.param(
            SWEDISH,
            "id 'Anställningsnummer', name 'Förnamn' + 'Efternamn', title 'Befattning', "
            "email 'E-post', department 'Avdelning', manager (by name) 'Chef'",
            "62",
            "61",
            "Maja Ek",
            id="swedish",
        ),
    ],
)
def test_exports_in_other_languages(
    write: Write, text: str, read_as: str, role: str, manager: str, name: str
) -> None:
    org, notes = _import(write, "staff.csv", text)
    assert read_as in notes[0]
    assert org.roles[role].reports_to == manager
    assert org.people[manager].name == name  # first and last names joined


@pytest.mark.parametrize("dash", [" - ", " \u2013 ", " \u2014 ", " | "])
def test_ids_beside_names_count_for_the_id_reading_whatever_the_dash(
    write: Write, dash: str
) -> None:
    # Two columns name the manager; the one that reads as ids wins a tie with names.
    text = (
        "Employee ID,Display name,Job title,Reports to,Supervisor name\n"
        "E-1,Ana Lima,CEO,,\n"
        f"E-2,Bo Diaz,CTO,E-1{dash}Ana Lima,Ana Lima\n"
        f"E-3,Cy Roe,Developer,E-2{dash}Bo Diaz,Bo Diaz\n"
    )
    org, notes = _import(write, "staff.csv", text)
    assert "manager (by id) 'Reports to'" in notes[0]
    assert [r.reports_to for r in org] == [None, "E-1", "E-2"]


def test_an_id_written_after_a_name_with_a_space(write: Write) -> None:
    # Zoho People writes a person as their name and their employee id.
    text = (
        "Employee ID,First Name,Last Name,Designation,Reporting To\n"
        "ZP-1,Ana,Lima,CEO,\n"
        "ZP-2,Bo,Diaz,CTO,Ana Lima ZP-1\n"
        "ZP-3,Cy,Roe,Developer,ZP-2 Bo Diaz\n"
        "ZP-4,Di,Sol,Developer,Bo Diaz\n"  # a name alone: not an id
    )
    org, notes = _import(write, "staff.csv", text)
    assert "manager (by id) 'Reporting To'" in notes[0]
    assert [r.reports_to for r in org] == [None, "ZP-1", "ZP-2", "Bo Diaz"]
    assert (
        "no row has the manager id 'Ana Lima ZP-1'; it writes the row 'ZP-1' beside a name, "
        "so it is read as 'ZP-1', and so is one more cell that writes an id so"
    ) in notes[1]


def test_the_id_column_that_the_managers_name_is_the_id(write: Write) -> None:
    # A directory export: an employee id and a login; the managers are logins.
    text = (
        "employeeId,userPrincipalName,displayName,jobTitle,managerUserPrincipalName\n"
        "1,ana@acme.example,Ana Lima,CEO,\n"
        "2,bo@acme.example,Bo Diaz,CTO,ana@acme.example\n"
        "3,cy@acme.example,Cy Roe,Developer,bo@acme.example\n"
    )
    org, notes = _import(write, "users.csv", text)
    assert (
        "read as id 'userPrincipalName', name 'displayName', title 'jobTitle', manager (by id) "
        "'managerUserPrincipalName'"
    ) in notes[0]
    assert [r.reports_to for r in org] == [None, "ana@acme.example", "bo@acme.example"]
    assert org.roles["bo@acme.example"].meta == {"employeeId": "2"}


def test_a_single_name_column_written_last_name_first(write: Write) -> None:
    # BambooHR's report column "Last Name, First Name"; its managers written the same way.
    text = (
        'Employee #,"Last Name, First Name",Job Title,Direct manager\n'
        '7,"Lima, Ana",CEO,\n'
        '8,"Diaz, Bo",CTO,"Lima, Ana"\n'
    )
    org, notes = _import(write, "staff.csv", text)
    assert (
        "read as id 'Employee #', name 'Last Name, First Name', title 'Job Title', manager "
        "(by name) 'Direct manager'"
    ) in notes[0]
    assert org.roles["8"].reports_to == "7"


# A position export (SuccessFactors' position org chart): a row per seat, its parent seat
# and the person in it; P210 is open, and E1 holds two seats.
POSITIONS = """\
Position ID,Position Title,Parent Position ID,Employee ID,Employee Name,Department,Hire Date
P100,Chief Executive Officer,,E1,Ana Lima,Executive,2019-01-07
P200,Chief Technology Officer,P100,E2,Bo Diaz,Technology,2020-03-02
P210,Software Engineer,P200,,,Technology,
P220,QA Engineer,P200,E4,Dee Park,Technology,2022-05-16
P300,Chief Financial Officer,P100,E1,Ana Lima,Finance,2019-01-07
"""


def test_a_position_export_makes_seats_held_by_people(write: Write) -> None:
    org, notes = import_notes(write("positions.csv", POSITIONS))
    assert notes == [
        "1: no preset and no column options: the columns were read as id 'Position ID', "
        "name 'Employee Name', title 'Position Title', department 'Department', holder (a "
        "person's id) 'Employee ID', manager (by id) 'Parent Position ID'; give a preset or "
        "column options (--id-col, ...) to read them otherwise"
    ]
    assert [(r.id, r.holder, r.reports_to) for r in org] == [
        ("P100", "E1", None),
        ("P200", "E2", "P100"),
        ("P210", None, "P200"),
        ("P220", "E4", "P200"),
        ("P300", "E1", "P100"),
    ]
    assert {p.id: p.name for p in org.people.values()} == {
        "E1": "Ana Lima",
        "E2": "Bo Diaz",
        "E4": "Dee Park",
    }
    assert org.roles["P200"].kind == "cto"
    assert org.roles["P220"].meta == {"Hire Date": "2022-05-16"}  # the person's, not the seat's


@pytest.mark.parametrize(
    ("emails", "people"),
    [
        (["ana@acme.example", "bo@acme.example", ""], ["ana@acme.example", "bo@acme.example"]),
        (["ana@acme.example", "", ""], ["1000", "1100"]),  # Bo has none: by their seats
    ],
)
def test_a_position_export_without_peoples_ids(
    write: Write, emails: list[str], people: list[str]
) -> None:
    rows = [
        ("1000", "Managing Director", "", "Ana Lima"),
        ("1100", "Head of Sales", "1000", "Bo Diaz"),
    ]
    rows.append(("1110", "Account Executive", "1100", ""))  # open
    lines = [",".join((*row, email)) for row, email in zip(rows, emails, strict=True)]
    text = "Position Number,Position Title,Reports To Position Number,Incumbent,Email\n"
    org = orgroles.from_csv(write("seats.csv", text + "\n".join(lines) + "\n"))
    assert [p.id for p in org.people.values()] == people
    assert [r.holder for r in org] == [*people, None]
    assert org.roles["1110"].vacant
    assert org.people[people[1]].name == "Bo Diaz"


def test_parents_that_are_not_positions_leave_the_people_reading(write: Write) -> None:
    text = (
        "Employee ID,Name,Position ID,Parent Position,Manager ID\n"
        "1,Ana Lima,X-1,Board,\n"
        "2,Bo Diaz,X-2,Direction,1\n"
        "3,Cy Moss,X-3,Direction,1\n"
    )
    org = orgroles.from_csv(write("people.csv", text))
    assert [(r.id, r.reports_to) for r in org] == [("1", None), ("2", "1"), ("3", "1")]


def test_a_position_export_by_first_and_last_name_keeps_its_open_seats(write: Write) -> None:
    text = (
        "Position Number,Job Title,Reports To Position Number,First Name,Last Name\n"
        "100,Managing Director,,Ana,Lima\n"
        "200,Head of Sales,100,Bo,Diaz\n"
        "300,Account Executive,200,,\n"  # open
        "400,Account Executive,200,Ana,Lima\n"  # a second seat: a second person, unmerged
    )
    org, notes = import_notes(write("seats.csv", text))
    assert "holder: each person by their seat's id" in notes[0]
    assert [r.holder for r in org] == ["100", "200", None, "400"]
    assert [p.name for p in org.people.values()] == ["Ana Lima", "Bo Diaz", "Ana Lima"]


def test_a_holder_that_says_the_seat_is_open(write: Write) -> None:
    text = (
        "Position ID,Position Title,Parent Position ID,Incumbent ID,Incumbent\n"
        "P1,CEO,,E1,Ana Lima\n"
        "P2,Engineer,P1,VACANT,\n"
        "P3,Engineer,P1,0,\n"
    )
    org, notes = import_notes(write("seats.csv", text))
    assert [r.holder for r in org] == ["E1", None, None]
    assert list(org.people) == ["E1"]
    assert notes[1] == (
        "3:4: column 'Incumbent ID': the holder 'VACANT' says the seat is open: read as a "
        "vacant seat (no person), and one more row below"
    )


@pytest.mark.parametrize(
    "positions",
    [
        ["P1", "P2", "P3"],  # the parents are empty: the rows are people
        ["P1", "P2", "P2"],  # a position pooled by two people
        ["P1", "P2", ""],  # a row without a position
    ],
)
def test_an_employee_export_with_position_columns_reads_its_people(
    write: Write, positions: list[str]
) -> None:
    parents = ["", "", ""] if positions[2] == "P3" else ["", "P1", "P1"]
    people = [("E1", "Ana Lima", ""), ("E2", "Bo Diaz", "E1"), ("E3", "Cy Moss", "E1")]
    lines = [
        f"{e},{n},{m},{p},{q}" for (e, n, m), p, q in zip(people, positions, parents, strict=True)
    ]
    text = "Employee ID,Name,Manager ID,Position ID,Parent Position ID\n" + "\n".join(lines)
    org = orgroles.from_csv(write("people.csv", text + "\n"))
    assert [(r.id, r.reports_to) for r in org] == [("E1", None), ("E2", "E1"), ("E3", "E1")]


def test_a_column_named_id_alone_is_not_taken_for_the_persons(write: Write) -> None:
    text = (
        "ID,Position ID,Position Title,Parent Position ID,Employee ID,Employee Name\n"
        "1,P1,CEO,,E1,Ana Lima\n"
        "2,P2,CFO,P1,E1,Ana Lima\n"
    )
    org = orgroles.from_csv(write("seats.csv", text))
    assert [r.holder for r in org] == ["E1", "E1"]


def test_an_email_column_named_with_its_group(write: Write) -> None:
    path = write(
        "adp.csv",
        "Associate ID,Legal Name,Personal Contact: Personal Email,Reports To Associate ID,"
        "Work Contact: Work Email\n"
        "A1,Ana Lima,ana@home.example,,ana@work.example\n"
        "A2,Bo Diaz,bo@home.example,A1,bo@work.example\n",
    )
    org, notes = import_notes(path)
    assert "email 'Work Contact: Work Email'" in notes[0]
    assert org.people["A2"].email == "bo@work.example"
    assert org.roles["A2"].meta == {"Personal Contact: Personal Email": "bo@home.example"}


@pytest.mark.parametrize(
    "header",
    [
        "Supervisor Employee Number",
        "Line Manager Employee ID",
        "Manager's Employee ID",
        "Manager Person Number",
        "Reports To Employee Number",
        "Reporting Manager Emp Code",
        "Manager ID (Employee #)",
    ],
)
def test_a_manager_column_with_another_name(write: Write, header: str) -> None:
    path = write("staff.csv", f"Employee ID,Name,{header}\n1,Ana Lima,\n2,Bo Diaz,1\n3,Cy Park,2\n")
    org, notes = import_notes(path)
    assert f"manager (by id) {header!r}" in notes[0]
    assert [r.reports_to for r in org.roles.values()] == [None, "1", "2"]


def test_a_column_named_for_managers_that_names_none_is_not_the_manager(write: Write) -> None:
    path = write("staff.csv", "Employee ID,Name,Manager Level\n1,Ana Lima,M3\n2,Bo Diaz,M2\n")
    org, notes = import_notes(path)
    assert [r.reports_to for r in org.roles.values()] == [None, None]
    assert org.roles["1"].meta == {"Manager Level": "M3"}
    assert "no column names the manager: every role is a top role" in notes[0]


def test_an_id_column_and_no_manager_reads_as_before(write: Write) -> None:
    path = write("staff.csv", "id,name,title\na,Ana Lima,CEO\nb,Bo Diaz,CTO\n")
    org, notes = import_notes(path)
    assert [(r.id, r.title) for r in org.roles.values()] == [("a", "CEO"), ("b", "CTO")]
    assert notes == []


def test_an_import_that_fails_after_a_guess_says_how_it_read_the_columns(write: Write) -> None:
    path = write(
        "history.csv",
        "EMPLOYEE_ID,START_DATE,END_DATE,JOB_ID\n101,2011-01-13,2016-07-24,IT_PROG\n"
        "101,2016-07-25,2019-01-01,AC_MGR\n",
    )
    with pytest.raises(orgroles.OrgFileError) as caught:
        orgroles.from_csv(path)
    assert [str(p).removeprefix(f"{path}:") for p in caught.value.problems] == [
        "1: no preset and no column options: the columns were read as id 'EMPLOYEE_ID', "
        "start 'START_DATE', end 'END_DATE'; no column names the manager: every role is a "
        "top role (name it with --manager-col, --manager-email-col or --manager-name-col); "
        "no column names the people: they have no names (name it with --name-col); "
        "give a preset or column options (--id-col, ...) to read them otherwise",
        "3:1: column 'EMPLOYEE_ID': duplicate id '101' (first on line 2)",
    ]


@pytest.mark.parametrize(
    ("header", "field", "column"),
    [
        # Workday: "Position" holds the position's code and title; the title is beside it.
        ("Employee ID,Name,Position,Business Title,Manager ID", "title_col", "Business Title"),
        ("Personalnummer,Name,Tätigkeitsbezeichnung,Vorgesetzter", "title_col", None),  # DATEV
        ("Employee ID,Name,Title,Manager ID,Hire Date,Term Date", "end_col", "Term Date"),
    ],
)
def test_more_column_names_are_known(header: str, field: str, column: str | None) -> None:
    names = header.split(",")
    values = {c: ["2020-01-06", "2021-03-01"] if "Date" in c else ["1", "2"] for c in names}
    found = guess_columns(names, lambda c: values[c])
    assert found is not None
    expected = column or next(c for c in names if c.startswith("Tät"))
    assert getattr(found[0], field) == expected


AFAS = """\
Medewerker;Roepnaam;Voorvoegsel;Achternaam;Functie;Organisatorische eenheid;Leidinggevende;Datum in dienst
2001;Maartje;van der;Heuvel;Algemeen directeur;Directie;;01-01-2012
2002;Joris;;Klaassen;Hoofd ICT;ICT;Maartje van der Heuvel;01-03-2016
2003;Ilse;de;Wit;Ontwikkelaar;ICT;Joris Klaassen;15-06-2020
2004;Ruben;;Mol;Ontwikkelaar;ICT;Klaassen, Joris;01-09-2021
"""


def test_a_dutch_payroll_gives_its_personnel_numbers_under_the_word_for_employee(
    write: Write,
) -> None:
    """AFAS: "Medewerker" (employee) holds the personnel numbers, the names are in three
    columns with the particle ("van der") in its own, and the managers are written by name,
    first name first or last name first."""
    org, notes = _import(write, "afas.csv", AFAS)
    assert (
        "id 'Medewerker', name 'Roepnaam' + 'Voorvoegsel' + 'Achternaam', title 'Functie', "
        "department 'Organisatorische eenheid', start 'Datum in dienst', manager (by name) "
        "'Leidinggevende'"
    ) in notes[0]
    assert [p.name for p in org.people.values()] == [
        "Maartje van der Heuvel",
        "Joris Klaassen",
        "Ilse de Wit",
        "Ruben Mol",
    ]
    assert [(r.id, r.reports_to) for r in org] == [
        ("2001", None),
        ("2002", "2001"),
        ("2003", "2002"),
        ("2004", "2002"),
    ]
    assert org.records["2003"].start == date(2020, 6, 15)
    assert [t.name for t in org.teams.values()] == ["Directie", "ICT"]


@pytest.mark.parametrize(
    ("cells", "taken"),
    [
        (["1001", "1002", "1003"], True),
        (["E-0042", "E-0043", None], True),
        (["1001", "1001", "1003"], False),  # a code twice: not one per row
        (["Ana Lima", "Bo Diaz", "Cy Moss"], False),  # names
        (["1001", "Bo Diaz", "1003"], False),
    ],
)
def test_a_column_named_for_the_person_is_the_id_only_with_a_code_on_each_row(
    cells: list[str | None], taken: bool
) -> None:
    rows: dict[str, list[str | None]] = {
        "Employee": cells,
        "First name": ["Ana", "Bo", "Cy"],
        "Last name": ["Lima", "Diaz", "Moss"],
        "Manager": [None, "Ana Lima", "Ana Lima"],
    }
    found = guess_columns(list(rows), lambda column: rows[column])
    if taken:
        assert found is not None
        assert found[0].id_col == "Employee"
        assert found[0].name_col == ("First name", "Last name")
    else:  # no id: the rows are known by their whole names (the guess gave up before
        # probe50, and the import was an error that only adding ids to the sheet fixed)
        assert found is not None
        assert found[0].id_col == "First name"  # one of the name columns: the whole name
        assert found[0].name_col == ("First name", "Last name")


def test_zohos_designation_is_the_title_and_its_role_an_access_level(write: Write) -> None:
    """Zoho People writes the job title under "Designation" and an access level under
    "Role" ("Manager", "Team member"): every title was read from the access level."""
    text = (
        "Employee ID,First Name,Last Name,Email ID,Department,Designation,Role,Reporting To\n"
        "ZP-1,Raghav,Kulkarni,raghav@saarang.example,Management,Chief Executive Officer,"
        "Manager,\n"
        "ZP-2,Sunanda,Iyengar,sunanda@saarang.example,Engineering,Developer,Team member,"
        "ZP-1\n"
    )
    org = orgroles.from_csv(write("zoho.csv", text))
    assert org.roles["ZP-2"].title == "Developer"
    assert org.roles["ZP-2"].meta["Role"] == "Team member"
    assert org.people["ZP-2"].email == "sunanda@saarang.example"


def test_a_department_column_comes_before_a_team_column(write: Write) -> None:
    """Personio's German export has an "Abteilung" for everyone and a "Team" for a few:
    the team was read, and most people had none."""
    text = (
        "ID;Vorname;Nachname;Position;Abteilung;Team;Vorgesetzte:r\n"
        "1;Carsten;Wiebold;Geschäftsführer;Geschäftsführung;;\n"
        "2;Almut;Reiffers;CTO;Entwicklung;;Carsten Wiebold\n"
        "3;Sören;Kluthe;Softwareentwickler;Entwicklung;Platform;Almut Reiffers\n"
    )
    org = orgroles.from_csv(write("personio.csv", text))
    assert [t.name for t in org.teams.values()] == ["Geschäftsführung", "Entwicklung"]
    assert org.roles["3"].meta["Team"] == "Platform"


def test_a_guess_with_no_name_column_says_so(write: Write) -> None:
    org, notes = import_notes(
        write("roles.csv", "Employee ID,Job Title,Manager ID\n1,CEO,\n2,CTO,1\n")
    )
    assert org.roles["2"].reports_to == "1"
    assert any("no column names the people: they have no names (name it with --name-col)" in n
               for n in notes)  # fmt: skip


def test_a_manager_column_given_does_not_make_a_lone_id_column_a_tools_preset(
    write: Write,
) -> None:
    # "id" is one of Odoo's id columns: with the manager given, Odoo's preset resolved on
    # that column alone, and the status and the titles were no longer read.
    text = (
        "id,firstName,lastName,status,title,managerId\n"
        "a1,Ana,Lima,active,CEO,\nb2,Bo,Diaz,offboarded,CTO,a1\nc3,Cy,Moss,active,Engineer,a1\n"
    )
    org, notes = import_notes(write("hris.csv", text), manager_col="managerId")
    assert list(org.roles) == ["a1", "c3"]  # Bo Diaz left
    assert org.roles["c3"].title == "Engineer"
    assert org.roles["c3"].reports_to == "a1"
    assert not any("odoo" in n for n in notes)


def test_a_managers_ids_beside_their_names_are_read_by_id(write: Write) -> None:
    # Keka gives the manager by name ("Reporting To") and by number ("Reporting Manager
    # Employee Number"): the names were read, and two people named alike stopped it.
    text = (
        "Employee Number,Display Name,Job Title,Reporting To,Reporting Manager Employee Number\n"
        "K1,Vera Iyer,CEO,,\n"
        "K2,Mia Shah,CTO,Vera Iyer,K1\n"
        "K3,Mia Shah,Engineer,Mia Shah,K2\n"
        "K4,Raj Nair,Engineer,Mia Shah,K2\n"
    )
    org, notes = _import(write, "keka.csv", text)
    assert "manager (by id) 'Reporting Manager Employee Number'" in notes[0]
    assert [(r.id, r.reports_to) for r in org.roles.values()] == [
        ("K1", None),
        ("K2", "K1"),
        ("K3", "K2"),
        ("K4", "K2"),
    ]
    assert org.roles["K3"].meta == {"Reporting To": "Mia Shah"}  # kept, not lost
    # A column named for a manager that does not hold the same managers is not taken.
    other = text.replace(",K1\n", ",77\n").replace(",K2\n", ",78\n")
    org, notes = _import(write, "other.csv", other.replace("K3,Mia Shah,", "K3,Lea Shah,"))
    assert "manager (by name) 'Reporting To'" in notes[0]


def test_a_header_in_capitals_with_its_words_run_together(write: Write) -> None:
    # Salesforce's Data Loader writes "MANAGERID", "ISACTIVE", "FIRSTNAME": no case tells
    # their words apart, and the import was a flat list that kept the inactive user.
    text = (
        "ID,FIRSTNAME,LASTNAME,TITLE,ISACTIVE,MANAGERID\n"
        "u1,Greer,Thorn,CEO,true,\n"
        "u2,Adjoa,Kwar,VP of Sales,true,u1\n"
        "u3,Bram,Olde,Account Executive,false,u2\n"
    )
    org, notes = _import(write, "users.csv", text)
    assert "name 'FIRSTNAME' + 'LASTNAME'" in notes[0]
    assert "status 'ISACTIVE', manager (by id) 'MANAGERID'" in notes[0]
    assert [(r.id, r.reports_to) for r in org.roles.values()] == [("u1", None), ("u2", "u1")]
    assert org.people["u2"].name == "Adjoa Kwar"


def test_a_row_per_change_is_read_by_its_effective_day(write: Write) -> None:
    # ADP's history: an "Effective Date" per promotion and transfer. It was not read: one
    # person held her three jobs at once, and a report was put under her oldest seat.
    text = (
        "Associate ID,Worker Name,Job Title,Reports To Associate ID,Hire Date,Effective Date\n"
        "A1,Vera Lund,CEO,,2015-01-05,2015-01-05\n"
        "A2,Quinn Ross,Sales Manager,A1,2016-03-01,2016-03-01\n"
        "A3,Rhea Kap,Sales Representative,A2,2018-07-09,2018-07-09\n"
        "A3,Rhea Kap,Senior Sales Representative,A2,2018-07-09,2020-01-01\n"
        "A3,Rhea Kap,Sales Team Lead,A1,2018-07-09,2022-04-01\n"
        "A5,Ulla Berg,Sales Representative,A3,2022-05-02,2022-05-02\n"
    )
    org, notes = _import(write, "history.csv", text)
    assert "each row from its day 'Effective Date'" in notes[0]
    assert [r.id for r in org.roles.values()] == ["A1", "A2", "A3", "A5"]
    assert org.roles["A3"].title == "Sales Team Lead"
    assert [(line.role, line.start) for line in org.records["A3"].reports_to] == [  # type: ignore[union-attr]
        ("A2", None),
        ("A1", date(2022, 4, 1)),
    ]


# Probe 47: headers of Dayforce, DATEV, AFAS, UKG Pro, Oracle HCM, SmartHR and a
# university's staff list that the guess did not read.
@pytest.mark.parametrize(
    ("header", "row1", "row2", "read_as"),
    [
        pytest.param(
            "Employee Number,Employee Display Name,Job,Manager Employee Number",
            "7000,Ana Varga,CEO,",
            "7001,Bo Brandt,CTO,7000",
            "name 'Employee Display Name'",
            id="dayforce",
        ),
        pytest.param(
            "Personalnummer;Familienname;Vorname;Tätigkeitsbezeichnung;Vorgesetzter",
            "00001;Varga;Ana;Geschäftsführerin;",
            "00002;Brandt;Bo;Leiter Technik;00001",
            "name 'Vorname' + 'Familienname'",
            id="datev",
        ),
        pytest.param(
            "Staff Number,Surname,Forename(s),Job Title,School,Line Manager",
            "1,Varga,Ana,Dean,Faculty Office,",
            "2,Brandt,Bo,Professor,School of Physics,1",
            "name 'Forename(s)' + 'Surname', title 'Job Title', department 'School'",
            id="university",
        ),
        pytest.param(
            "Medewerker;Roepnaam;Achternaam;Functie;E-mail werk;Leidinggevende",
            "1001;Ana;Varga;Directeur;ana@kite.example;",
            "1002;Bo;Brandt;Ontwikkelaar;bo@kite.example;1001",
            "email 'E-mail werk'",
            id="afas",
        ),
        pytest.param(
            "Employee Number,First Name,Last Name,Job Title,Org Level 1,Supervisor Employee Number",
            "000100,Ana,Varga,CEO,Executive,",
            "000101,Bo,Brandt,CTO,Engineering,000100",
            "department 'Org Level 1'",
            id="ukg-pro",
        ),
        pytest.param(
            "Person Number,Display Name,Job Name,Assignment Start Date,Manager Person Number",
            "300100,Ana Varga,CEO,2015/04/01,",
            "300101,Bo Brandt,CTO,2027/01/04,300100",
            "start 'Assignment Start Date'",
            id="oracle-hcm",
        ),
        pytest.param(
            "社員番号,姓,名,役職,上長\uff08社員番号\uff09",  # full-width brackets
            "0001,佐伯,陽斗,代表取締役,",
            "0002,高瀬,結衣,CTO,0001",
            "manager (by id) '上長\uff08社員番号\uff09'",
            id="smarthr",
        ),
    ],
)
def test_more_headers_of_hr_tools(
    write: Write, header: str, row1: str, row2: str, read_as: str
) -> None:
    sep = ";" if ";" in header else ","
    org, notes = _import(write, "staff.csv", f"{header}\n{row1}\n{row2}\n")
    assert read_as in notes[0]
    first, second = (row.split(sep)[0] for row in (row1, row2))
    assert org.roles[second].reports_to == first


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (  # a French sheet: Excel on Windows, last names in capitals
            "Nom;Prénom;Poste;Supérieur hiérarchique\n",
            "VARGA;Ilse;Président;\nBRANDT;Odo;Directeur technique;Ilse Varga\n"
            "KESSLER;Pia;Développeuse;Odo Brandt\n",
        ),
        (  # a Spanish one, managers by first name
            "Nombre;Apellidos;Puesto;Jefe directo\n",
            "Ilse;Varga;Directora general;n/a\nOdo;Brandt;Director de tecnología;Ilse\n"
            "Pia;Kessler;Desarrolladora;Odo\n",
        ),
    ],
)
def test_a_sheet_of_first_and_last_names_and_no_id_is_known_by_the_whole_names(
    write: Write, header: str, rows: str
) -> None:
    # Before: "no id column", an error a user can only act on by adding ids to the sheet.
    org, notes = import_notes(write("equipe.csv", header + rows))
    names = [p.name for p in org.people.values()]  # as written: "Ilse VARGA"
    assert [n.title() for n in names] == ["Ilse Varga", "Odo Brandt", "Pia Kessler"]
    assert list(org.roles) == names
    assert [org.roles[r].reports_to for r in org.roles] == [None, names[0], names[1]]
    assert "the columns were read as id: the whole name, name " in notes[0]


def test_columns_named_first_and_last_are_the_name(write: Write) -> None:
    # A sheet typed by hand heads its name columns "First" and "Last".
    text = "First,Last,Role,Reports to\nIlse,Varga,CEO,\nOdo,Brandt,CTO,Ilse\n"
    org, notes = import_notes(write("team.csv", text))
    assert [p.name for p in org.people.values()] == ["Ilse Varga", "Odo Brandt"]
    assert org.roles["Odo Brandt"].reports_to == "Ilse Varga"
    assert "name 'First' + 'Last'" in notes[0]
