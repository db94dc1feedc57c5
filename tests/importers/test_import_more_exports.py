"""Exports as Deel, Namely, Rippling, Dayforce, UKG and a Japanese HR tool (SmartHR)
write them, imported with no option (found by a probe of sixteen tools' exports). Every
person is invented."""

from __future__ import annotations

from datetime import date

import pytest

from orgroles.errors import OrgFileError
from orgroles.importers.header_names import header_key
from orgroles.importers.id_forms import NameForms, loose_name
from orgroles.importers.legacy_text import east_asian_encodings
from orgroles.importers.status import status_of

from tests.helpers import Write, import_notes

DEEL = """\
Worker ID,Name,Job title,Email,Start date,Contract status,Direct manager email
D1,Lena Varsk,CEO,lena@kite.example,"Jan 04, 2021",Active,
D2,Quentin Hale,CTO,quentin@kite.example,"Mar 01, 2021",Active,lena@kite.example
D3,Odile Frame,Engineer,odile@kite.example,"Jun 01, 2022",Ended,quentin@kite.example
D4,Tobiah Renn,Engineer,tobiah@kite.example,"Jul 01, 2022",Completed,quentin@kite.example
D5,Mira Solt,Designer,mira@kite.example,"Aug 01, 2022",Cancelled,lena@kite.example
D6,Ivo Brask,Engineer,ivo@kite.example,"Sep 01, 2023",Active,quentin@kite.example
"""


def test_deel_contracts_that_are_over_are_people_who_left(write: Write) -> None:
    org, notes = import_notes(write("deel.csv", DEEL))
    assert sorted(org.roles) == ["D1", "D2", "D6"]
    assert any(
        "3 rows of people who left, as their status says ('Ended', 'Completed', 'Cancelled')" in n
        for n in notes
    )


@pytest.mark.parametrize("value", ["Ended", "Completed", "Cancelled", "canceled"])
def test_a_contract_over_says_left_alone_only(value: str) -> None:
    assert status_of(value, "Contract status") == "left"
    assert status_of(f"Onboarding {value}", "Status") is None


NAMELY = """\
Employee ID,First Name,Last Name,Job Title,Email,Reports To,Start Date,Departure Date
N1,Lena,Varsk,CEO,lena@reed.example,,01/04/2019,
N2,Quentin,Hale,CTO,quentin@reed.example,lena@reed.example,03/01/2019,
N3,Wren,Castell,Engineer,wren@reed.example,quentin@reed.example,06/01/2020,08/29/2025
"""


def test_namely_departure_date_is_the_last_day(write: Write) -> None:
    org, notes = import_notes(write("namely.csv", NAMELY))
    assert "end 'Departure Date'" in notes[0]
    assert sorted(org.roles) == ["N1", "N2"]
    assert org.records["N3"].end == date(2025, 8, 29)


RIPPLING = """\
Work email,Legal first name,Legal last name,Title,Manager,Role state
lena@pine.example,Lena,Varsk,CEO,,Active
quentin@pine.example,Quentin,Hale,CTO,Lena Varsk,Active
odile@pine.example,Odile,Frame,Engineer,Quentin Hale,Terminated
ivo@pine.example,Ivo,Brask,Engineer,Quentin Hale,Active
"""


def test_rippling_role_state_is_a_status(write: Write) -> None:
    org, notes = import_notes(write("rippling.csv", RIPPLING))
    assert "status 'Role state'" in notes[0]
    assert sorted(org.roles) == ["ivo@pine.example", "lena@pine.example", "quentin@pine.example"]


SMARTHR = """\
社員番号,姓,名,役職,部署,上長,在籍状況,入社日
00001,高森,遥,代表取締役CEO,経営,,在籍中,2018-04-01
00002,岩城,拓海,取締役CTO,開発,高森遥,在籍中,2018-06-01
00003,宮坂,紗希,エンジニア,開発,岩城　拓海,在籍中,2020-04-01
00004,北園,健吾,エンジニア,開発,岩城 拓海,退職済,2019-04-01
00005,吉良,真央,デザイナー,開発,高森 遥,入社予定,
"""


def test_japanese_export_needs_no_option(write: Write) -> None:
    org, notes = import_notes(write("smarthr.csv", SMARTHR))
    assert notes[0].startswith(
        "1: no preset and no column options: the columns were read as id '社員番号', "
        "name '姓' + '名', title '役職', department '部署', start '入社日', status '在籍状況', "
        "manager (by name) '上長'"
    )
    assert sorted(org.roles) == ["00001", "00002", "00003", "00005"]  # 退職済: left
    assert org.people["00001"].name == "高森 遥"  # the family name first
    # Names written without a space, or with a full-width one, are the same names.
    assert org.roles["00002"].reports_to == "00001"
    assert org.roles["00003"].reports_to == "00002"
    assert org.roles["00005"].planned  # 入社予定: not started, no first day


def test_japanese_headers_keep_their_letters() -> None:
    assert header_key("社員番号") == "社員番号"
    assert header_key("E-Mail (geschäftlich)") == "e mail geschaftlich"
    assert loose_name("高森\u3000遥") == loose_name("高森遥") == "高森遥"
    assert loose_name("Ansel  Brook") == "ansel brook"  # spaces between Latin words stay


def test_shift_jis_file_gets_an_error_that_names_its_encoding(write: Write) -> None:
    path = write("smarthr.csv", SMARTHR.encode("cp932"))
    with pytest.raises(OrgFileError) as caught:
        import_notes(path)
    message = str(caught.value)
    assert "not valid UTF-8" in message
    assert "it reads as Japanese in Shift_JIS: give its encoding, --encoding cp932" in message
    org, _ = import_notes(path, encoding="cp932")
    assert org.people["00002"].name == "岩城 拓海"


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("사번,이름,직책,상사\n1,김민준,대표,\n", "cp949", ["cp949", "gbk", "big5"]),
        ("工号,姓名,职位,上级\n1,王伟,总经理,\n", "gbk", ["gbk", "big5"]),
        ("社員番号,氏名\n1,高森 はるか\n", "cp932", ["cp932"]),
        ("Matricule;Prénom\n1;Hélène\n", "cp1252", []),
    ],
)
def test_east_asian_encodings_are_told(text: str, encoding: str, expected: list[str]) -> None:
    assert [e for e, _ in east_asian_encodings(text.encode(encoding))] == expected


UKG = """\
Employee Number,Last Name,First Name,Middle Name,Job Title,Supervisor Name,Employee Status
001001,Adeyemi-Lark,Ruth,Anne,Chief Executive Officer,,A
001014,Blythe,Soren,,Chief Technology Officer,"Adeyemi-Lark, Ruth A",A
001027,Hale,Quentin,T,Engineering Manager,"Blythe, Soren",A
001040,Varsk,Lena,,Software Engineer,"Hale, Quentin T.",A
"""


def test_manager_written_with_a_middle_initial(write: Write) -> None:
    org, notes = import_notes(write("ukg.csv", UKG))
    assert [(r.id, r.reports_to) for r in org] == [
        ("001001", None),
        ("001014", "001001"),
        ("001027", "001014"),
        ("001040", "001027"),
    ]
    [middle] = [n for n in notes if "middle" in n]
    assert (
        "no row has the manager name 'Adeyemi-Lark, Ruth A'; read as 'Ruth Adeyemi-Lark' " in middle
    )
    assert "(the same name with or without a middle name or initial)" in middle


def test_middle_initial_that_two_rows_could_be_finds_none() -> None:
    names: list[str | None] = ["John Smith", "John Paul Smith", "Ruth Anne Lark", "Ivo Brask"]
    forms = NameForms({n: [i] for i, n in enumerate(names) if n}, names)
    assert forms.read("John P. Smith") == ([], None)  # John Smith, or John Paul Smith?
    assert forms.read("Ruth A. Lark") == ([2], ("Ruth Anne Lark", "middle"))
    assert forms.read("Ruth B. Lark") == ([], None)  # another initial: someone else
    assert forms.read("Ivo Q Brask") == ([3], ("Ivo Brask", "middle"))
    assert forms.read("Ivo Brasker") == ([], None)


DAYFORCE = """\
XRefCode,Display Name,Job,Department,Manager XRefCode,Original Hire Date,Termination Date
40120,Lena Varsk,Chief Executive Officer,Leadership,,2/1/2016 12:00:00 AM,
40129,Quentin Hale,Chief Technology Officer,Engineering,40120,5/16/2016 12:00:00 AM,
40138,Odile Frame,Software Engineer,Engineering,40129,4/12/2021 12:00:00 AM,8/29/2025 12:00:00 AM
40147,Tobiah Renn,Software Engineer,Engineering,40129,11/2/2022 12:00:00 AM,
"""


def test_dayforce_ids_and_days_with_a_time(write: Write) -> None:
    org, notes = import_notes(write("dayforce.csv", DAYFORCE))
    assert notes[0].startswith(
        "1: no preset and no column options: the columns were read as id 'XRefCode'"
    )
    assert "(days written %m/%d/%Y)" in notes[0]
    assert sorted(org.roles) == ["40120", "40129", "40147"]
    assert org.records["40120"].start == date(2016, 2, 1)
    assert org.records["40138"].end == date(2025, 8, 29)


def test_email_and_team_headers_of_more_languages(write: Write) -> None:
    text = (
        "ID;Vorname;Nachname;E-Mail (geschäftlich);Position;Equipos;Vorgesetzter\n"
        "1;Jana;Ostrow;jana@firma.example;CEO;Dirección;\n"
        "2;Timo;Brandl;timo@firma.example;CTO;Tecnología;1\n"
    )
    _, notes = import_notes(write("mixed.csv", text))
    assert "email 'E-Mail (geschäftlich)'" in notes[0]
    assert "department 'Equipos'" in notes[0]


AMBIGUOUS_DAYS = """\
Employee ID,Name,Job Title,Manager ID,Hire Date
1,Lena Varsk,CEO,,01/02/2018
2,Quentin Hale,CTO,1,03/04/2019
"""


def test_days_two_formats_read_are_read_with_the_format_given(write: Write) -> None:
    path = write("staff.csv", AMBIGUOUS_DAYS)
    org, notes = import_notes(path)
    assert "the days of 'Hire Date' are left in meta" in notes[0]  # January or February?
    assert org.records["1"].start is None
    org, notes = import_notes(path, date_format="%d/%m/%Y")
    assert "start 'Hire Date'" in notes[0]
    assert org.records["1"].start == date(2018, 2, 1)
    org, notes = import_notes(path, date_format="%Y.%m.%d")  # reads none of them: said so
    assert (
        "the days of 'Hire Date' are left in meta: the format given (%Y.%m.%d) does not read "
        "them all" in notes[0]
    )
    assert org.records["1"].start is None


def test_a_title_column_that_prefixes_another_is_not_the_title(write: Write) -> None:
    text = (
        "Employee Number,Display Name,Job,Position,Department,Manager Employee Number\n"
        "40120,Lena Varsk,Chief Executive Officer,Leadership - Chief Executive Officer,"
        "Leadership,\n"
        "40129,Quentin Hale,Software Engineer,Engineering - Software Engineer,Engineering,40120\n"
    )
    org, notes = import_notes(write("dayforce.csv", text))
    assert "title 'Job'" in notes[0]
    assert org.roles["40129"].title == "Software Engineer"
    assert org.roles["40129"].meta["Position"] == "Engineering - Software Engineer"  # kept


HAND_MADE = """\
Name,Position,Reports To
Ana Lima,Managing Director,
Bo Diaz,Finance Manager,Ana Lima
VACANT,Accounts Assistant,Bo Diaz
VACANT,Credit Controller,Bo Diaz
Cy Park,Payroll Officer,Bo Diaz
Cy Park,Payroll Clerk,Bo Diaz
"""


def test_a_list_with_no_id_and_no_email_is_known_by_its_names(write: Write) -> None:
    org, notes = import_notes(write("chart.csv", HAND_MADE))
    assert notes[0].startswith(
        "1: no preset and no column options: the columns were read as id 'Name', name 'Name', "
        "title 'Position', manager (by id) 'Reports To'"
    )
    assert [(r.id, r.reports_to) for r in org] == [
        ("Ana Lima", None),
        ("Bo Diaz", "Ana Lima"),
        ("vacant-4", "Bo Diaz"),  # the open seats get ids of their own
        ("vacant-5", "Bo Diaz"),
        ("Cy Park", "Bo Diaz"),
        ("Cy Park-2", "Bo Diaz"),  # two people of one name
    ]
    assert org.roles["vacant-4"].holder is None
    [repeated] = [n for n in notes if "rows: the later" in n]
    assert repeated == (
        "7:1: column 'Name': the name 'Cy Park' is on 2 rows: the later given the id "
        "'Cy Park-2' (a manager cell with the name is read as the first)"
    )


def test_first_and_last_names_alone_are_the_id(write: Write) -> None:
    # Changed in probe50: this was the error "no id column"; the rows are now known by
    # their whole names, as a sheet with one name column is.
    text = "First Name,Last Name,Reports To\nAna,Lima,\nBo,Diaz,Ana Lima\n"
    org, _ = import_notes(write("chart.csv", text))
    assert [(r.id, r.reports_to) for r in org] == [("Ana Lima", None), ("Bo Diaz", "Ana Lima")]


def test_a_uk_payrolls_title_column_of_honorifics_is_not_the_job(write: Write) -> None:
    text = (
        "Ref,Title,First name,Last name,Email,Job title,Line manager\n"
        "E001,Mrs,Jo,Harcourt,jo@harcourt.example,Chief Executive,\n"
        "E002,Mr,Nick,Penrose,nick@harcourt.example,Head of Operations,Jo Harcourt\n"
        "E003,Dr,Amal,Reyes,amal@harcourt.example,Finance Manager,Jo Harcourt\n"
    )
    org, notes = import_notes(write("breathe.csv", text))
    assert "id 'Ref'" in notes[0]
    assert "title 'Job title'" in notes[0]
    assert org.roles["E002"].title == "Head of Operations"
    assert org.roles["E002"].meta["Title"] == "Mr"


def test_manager_written_last_name_and_preferred_name(write: Write) -> None:
    text = (
        "Employee Number,First Name,Last Name,Preferred Name,Position,Reports To\n"
        "2001,Margaret,Ellsworth,Peggy,Chief Executive Officer,\n"
        '2002,William,Tran,Bill,Chief Operating Officer,"Ellsworth, Peggy"\n'
        '2003,Rosa,Quint,,Controller,"Tran, Bill"\n'
    )
    org, notes = import_notes(write("paycor.csv", text))
    assert [(r.id, r.reports_to) for r in org] == [
        ("2001", None),
        ("2002", "2001"),
        ("2003", "2002"),
    ]
    assert any("read as 'Margaret Ellsworth' (that row's other name" in n for n in notes)


@pytest.mark.parametrize(
    ("header", "line"),
    [
        ("Nr ewid.,Imię,Nazwisko,Stanowisko,Przełożony", "2,Jan,Kowal,Księgowy,Anna Nowak"),
        ("Anst.nr,Namn,Befattning,Närmaste chef", "2,Jan Kowal,Ekonom,Anna Nowak"),
    ],
)
def test_polish_and_swedish_personnel_numbers(write: Write, header: str, line: str) -> None:
    first = "1,Anna,Nowak,Prezes," if header.count(",") == 4 else "1,Anna Nowak,VD,"
    org, _ = import_notes(write("staff.csv", f"{header}\n{first}\n{line}\n"))
    assert org.roles["2"].reports_to == "1"


def test_a_central_european_file_gets_an_error_that_names_its_encoding(write: Write) -> None:
    text = "Nr ewid.;Imię;Nazwisko;Dział;Przełożony\n1;Łucja;Żak;Zarząd;\n2;Jan;Kowal;Kadry;Łucja Żak\n"
    path = write("kadry.csv", text.encode("cp1250"))
    with pytest.raises(OrgFileError, match=r"it reads as Central European in Windows-1250: "):
        import_notes(path)
    org, _ = import_notes(path, encoding="cp1250")
    assert org.people["1"].name == "Łucja Żak"
    assert org.roles["2"].reports_to == "1"


def test_charthop_open_job_under_open_job_keeps_its_manager(write: Write) -> None:
    text = (
        "Job ID,Person ID,Name,Title,Manager Job ID\n"
        "J1,P1,Lena Varsk,CEO,\n"
        "J2,,,Director of Engineering,J1\n"
        "J3,,,Software Engineer,J2\n"
    )
    org, notes = import_notes(write("charthop.csv", text))
    assert "holder (a person's id) 'Person ID', manager (by id) 'Manager Job ID'" in notes[0]
    assert [(r.id, r.reports_to, r.holder) for r in org] == [
        ("J1", None, "P1"),
        ("J2", "J1", None),
        ("J3", "J2", None),
    ]


@pytest.mark.parametrize(("value", "says"), [("Termed", "left"), ("Future starter", "future")])
def test_more_status_words(value: str, says: str) -> None:
    assert status_of(value, "Status") == says


def test_a_contractor_without_an_employee_id_is_known_by_the_email(write: Write) -> None:
    text = (
        "Name,Email,Manager email,Title,Employee ID\n"
        "Lena Varsk,lena@fold.example,,CEO,L-100\n"
        "Oskar Nyberg,oskar@fold.example,lena@fold.example,VP Engineering,L-101\n"
        "Yuki Tanabe,yuki@fold.example,oskar@fold.example,iOS Developer,\n"
    )
    org, notes = import_notes(write("lattice.csv", text))
    assert [(r.id, r.reports_to) for r in org] == [
        ("L-100", None),
        ("L-101", "L-100"),
        ("yuki@fold.example", "L-101"),
    ]
    assert (
        "4:5: column 'Employee ID': no id: given its email, 'yuki@fold.example', as its id" in notes
    )


def test_a_row_without_an_id_or_an_email_is_still_an_error(write: Write) -> None:
    text = "Employee ID,Name,Email,Manager ID\nE1,Ava Lind,ava@x.example,\n,Ben Oka,,E1\n"
    with pytest.raises(OrgFileError, match="3:1: column 'Employee ID': missing id"):
        import_notes(write("staff.csv", text))


def test_managers_given_by_their_job_title(write: Write) -> None:
    text = (
        "Name,Position,Reports To\n"
        "Ana Lima,Managing Director,\n"
        "Bo Diaz,Finance Manager,Managing Director\n"
        "Cy Park,Accounts Assistant,finance manager\n"
        "Di Moss,Team Lead,Managing Director\n"
        "Ed Vale,Team Lead,Managing Director\n"
        "Flo Rey,Clerk,Team Lead\n"  # two rows have this title: not read
    )
    org, notes = import_notes(write("chart.csv", text))
    assert [(r.id, r.reports_to) for r in org][:4] == [
        ("Ana Lima", None),
        ("Bo Diaz", "Ana Lima"),
        ("Cy Park", "Bo Diaz"),
        ("Di Moss", "Ana Lima"),
    ]
    assert org.roles["Flo Rey"].reports_to == "Team Lead"  # an unknown manager, as written
    assert (
        "3:3: column 'Reports To': 4 manager cells that match no row read as the one row with "
        "that job title ('Managing Director': 'Ana Lima')" in notes
    )


def test_a_manager_name_that_is_a_title_is_read_as_that_row(write: Write) -> None:
    text = (
        "Employee ID,Name,Title,Manager\n"
        "1,Ana Lima,Managing Director,\n"
        "2,Bo Diaz,Finance Manager,Managing Director\n"
        "3,Cy Park,Clerk,Bo Diaz\n"
    )
    org, notes = import_notes(write("staff.csv", text))
    assert org.roles["2"].reports_to == "1"
    assert any("read as 'Ana Lima' (the one row with that job title)" in n for n in notes)


# An SAP HCM list (ALV) saved as text: German headers, "31.12.9999" for no last day, and
# an open position's row with the person "00000000".
SAP = (
    "Pers.-Nr.\tNachname\tVorname\tPlanstelle (Text)\tOrg.-Einheit (Text)\tEintritt\tAustritt"
    "\tBeschäftigungsstatus\tVorgesetzter (Pers.-Nr.)\n"
    "00010001\tGroßmann\tJürgen\tGeschäftsführer\tGeschäftsführung\t01.01.2005\t31.12.9999"
    "\taktiv\t\n"
    "00010004\tSchäfer\tDominik\tLeiter Produktion\tProduktion\t01.07.2008\t31.12.9999"
    "\taktiv\t00010001\n"
    "00000000\t\t\tIndustriemechaniker (m/w/d)\tProduktion\t\t\t\t00010004\n"
    "00000000\t\t\tElektroniker (m/w/d)\tProduktion\t\t\t\t00010004\n"
)


def test_an_sap_hcm_list_with_open_positions_and_no_last_day(write: Write) -> None:
    org, notes = import_notes(write("EXPORT.txt", SAP))
    assert org.people["00010004"].name == "Dominik Schäfer"
    assert org.records["00010004"].start == date(2008, 7, 1)
    assert org.records["00010004"].end is None  # 31.12.9999: no last day
    open_seats = [r for r in org if r.vacant]
    assert [(r.id, r.title, r.reports_to) for r in open_seats] == [
        ("vacant-4", "Industriemechaniker (m/w/d)", "00010004"),
        ("vacant-5", "Elektroniker (m/w/d)", "00010004"),
    ]
    assert any("'31.12.9999', a database's day for never, read as no day" in n for n in notes)
    assert any("but no id (its id '00000000' names no one)" in n for n in notes)


# Sympa (Finland): Finnish headers, days written d.m.yyyy.
SYMPA = """\
Henkilönumero;Sukunimi;Etunimet;Tehtävänimike;Osasto;Esihenkilö;Työsuhteen alkamispäivä;Työsuhteen päättymispäivä;Työsuhteen tila
1001;Virtanen;Aino;Toimitusjohtaja;Johto;;1.3.2012;;Voimassa
1002;Korhonen;Juha;Talousjohtaja;Talous;Aino Virtanen;15.8.2015;;Voimassa
1003;Mäkinen;Laura;Kirjanpitäjä;Talous;Juha Korhonen;2.1.2018;31.5.2024;Päättynyt
1004;Nieminen;Mikko;Kehittäjä;Kehitys;Aino Virtanen;1.2.2027;;Alkamassa
"""


def test_a_finnish_export_imports_with_no_option(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORGROLES_TODAY", "2026-11-30")
    org, _ = import_notes(write("henkilosto.csv", SYMPA))
    assert [(r.id, r.reports_to) for r in org] == [
        ("1001", None),
        ("1002", "1001"),
        ("1004", "1001"),
    ]
    assert org.roles["1004"].planned
    assert org.records["1002"].start == date(2015, 8, 15)
    assert org.roles["1002"].title == "Talousjohtaja"
