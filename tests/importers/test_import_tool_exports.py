"""Exports as SAP SuccessFactors, Zoho People, UKG, Oracle HCM, Deel and reporting tools
write them, imported with no option (found by a probe of ten tools' exports). Every
person is invented."""

from __future__ import annotations

import json
from datetime import date

import pytest

from orgroles.errors import OrgFileError

from tests.helpers import Write, import_notes

SUCCESSFACTORS = """\
STATUS,USERID,USERNAME,FIRSTNAME,LASTNAME,EMAIL,MANAGER,DEPARTMENT,HIREDATE,TITLE
Status,User ID,Username,First Name,Last Name,Email,Manager,Department,Hire Date,Title
active,100107,ymenon,Yuki,Menon,yuki@northwind.example,NO_MANAGER,Executive,03/03/2014,CEO
active,100108,pchen,Pia,Chen,pia@northwind.example,100107,Engineering,06/15/2016,CTO
active,100109,oruiz,Omar,Ruiz,omar@northwind.example,100108,Engineering,01/20/2019,Engineer
inactive,100110,lfox,Lea,Fox,lea@northwind.example,100108,Engineering,02/01/2018,Engineer
"""


def test_successfactors_labels_under_field_names_are_no_person(write: Write) -> None:
    org, notes = import_notes(write("users.csv", SUCCESSFACTORS))
    assert notes[0] == (
        "2: left out a second header that names the columns again ('Status', 'User ID', "
        "'Username', 'First Name', ...): labels under field names, as SAP SuccessFactors "
        "writes them?"
    )
    assert "start 'HIREDATE'" in notes[1]
    assert "status 'STATUS'" in notes[1]
    assert [(r.id, r.title, r.reports_to) for r in org] == [
        ("100107", "CEO", None),
        ("100108", "CTO", "100107"),
        ("100109", "Engineer", "100108"),  # the inactive row is left out
    ]
    assert org.records["100108"].start == date(2016, 6, 15)


REPORT = """\
Kestrel Manufacturing - Headcount Report (as of 31 Mar 2025),,,,,
Employee,,,Reporting,,
Employee ID,First Name,Last Name,Manager ID,Job Title,Department
1,Ana,Ferrand,,Managing Director,Management
2,Boris,Lemaire,1,Plant Manager,Production
3,Chloe,Marin,2,Machine Operator,Production
"""


def test_a_report_with_a_title_and_names_over_groups_of_columns(write: Write) -> None:
    org, notes = import_notes(write("report.csv", REPORT))
    assert notes[0].startswith("1: left out 'Kestrel Manufacturing - Headcount Report")
    assert notes[1].startswith("2: left out 'Employee, Reporting', a line with 2 values")
    assert [(r.id, r.reports_to) for r in org] == [("1", None), ("2", "1"), ("3", "2")]


ZOHO = """\
Employee ID,First Name,Last Name,Designation,Department,Reporting To,Date of joining,Date of exit
ZP-001,Ana,Ferrand,CEO,Management,,03-Mar-2014,
ZP-002,Boris,Lemaire,CTO,Engineering,Ana Ferrand ZP-001,15-Jun-2016,
ZP-003,Chloe,Marin,Engineer,Engineering,Boris Lemaire ZP-002,20-Jan-2019,31-Dec-2024
"""


def test_zoho_days_written_with_the_months_name_and_an_exit_date(write: Write) -> None:
    org, notes = import_notes(write("zoho.csv", ZOHO))
    assert "start 'Date of joining', end 'Date of exit'" in notes[0]
    assert "(days written %d-%b-%Y)" in notes[0]
    assert org.records["ZP-002"].start == date(2016, 6, 15)
    assert org.records["ZP-003"].end == date(2024, 12, 31)
    assert org.records["ZP-003"].reports_to == "ZP-002"


AMBIGUOUS_DAYS = """\
Employee ID,Name,Title,Manager ID,Start date
1,Ana Ferrand,CEO,,01/02/2018
2,Boris Lemaire,CTO,1,03/04/2019
"""


def test_days_that_no_one_format_reads_are_left_in_meta_and_said_so(write: Write) -> None:
    org, notes = import_notes(write("staff.csv", AMBIGUOUS_DAYS))
    assert (
        "; the days of 'Start date' are left in meta: no one format reads them all, or two "
        "read them differently (01/02/2018: January or February?); give it with "
        "--date-format (date_format=): "
    ) in notes[0]
    assert org.roles["2"].meta == {"Start date": "03/04/2019"}


UKG = """\
Employee Number,Employee Name,Job Title,Home Department,Supervisor Name,Position Status
7001,"Ferrand, Ana",President,Executive,,Active
7002,"Lemaire, Boris",Controller,Finance,"Ferrand, Ana",Active
7003,"Marin, Chloe",Accountant,Finance,"Lemaire, Boris",Terminated
"""


def test_ukg_home_department_is_the_team(write: Write) -> None:
    org, notes = import_notes(write("ukg.csv", UKG))
    assert "department 'Home Department'" in notes[0]
    assert sorted(t.name for t in org.teams.values()) == ["Executive", "Finance"]
    assert list(org.roles) == ["7001", "7002"]  # the terminated row is left out


ORACLE = """\
Person Number,Display Name,Job Name,Department Name,Manager Person Number,Assignment Status Type
300100,Ana Ferrand,Chief Executive Officer,Executive,,ACTIVE
300101,Boris Lemaire,Chief Financial Officer,Finance,300100,ACTIVE
300102,Chloe Marin,Accountant,Finance,300101,INACTIVE
"""


def test_oracle_hcm_person_numbers_and_assignment_status(write: Write) -> None:
    org, notes = import_notes(write("oracle.csv", ORACLE))
    assert "id 'Person Number'" in notes[0]
    assert "status 'Assignment Status Type'" in notes[0]
    assert [(r.id, r.reports_to) for r in org] == [("300100", None), ("300101", "300100")]


def test_deel_hiring_status(write: Write) -> None:
    people = [
        {"id": "d1", "full_name": "Ana Ferrand", "job_title": "CEO", "hiring_status": "active"},
        {
            "id": "d2",
            "full_name": "Boris Lemaire",
            "job_title": "CTO",
            "direct_manager": {"id": "d1"},
            "hiring_status": "active",
        },
        {
            "id": "d3",
            "full_name": "Chloe Marin",
            "job_title": "Engineer",
            "direct_manager": {"id": "d2"},
            "hiring_status": "terminated",
        },
    ]
    org, notes = import_notes(write("people.json", json.dumps(people)))
    assert "status 'hiring_status'" in notes[0]
    assert [(r.id, r.reports_to) for r in org] == [("d1", None), ("d2", "d1")]


SHEET = """\
Name,Email,Role,Team,Manager
Ana Ferrand,ana@bluefinch.example,CEO,Leadership,
Chiara Oliveira,chiara@bluefinch.example,CTO,Engineering,ana@bluefinch.example
Chiara Oliveira,chiara@bluefinch.example,Head of Security,Security,ana@bluefinch.example
Dario Velez,dario@bluefinch.example,Engineer,Engineering,Chiara@bluefinch.example
Elif Aksoy,elif@bluefinch.example,Engineer,Engineering,chiara@bluefinch.example
"""


def test_a_person_in_two_rows_of_a_sheet_without_ids_holds_two_seats(write: Write) -> None:
    # The rows are known by their emails; Chiara is on two, as CTO and Head of Security.
    # Before, a duplicate id and an ambiguous manager email: the import failed.
    org, notes = import_notes(write("team.csv", SHEET))
    chiara = "chiara@bluefinch.example"
    security = f"{chiara}/head-of-security"
    assert [(r.id, r.holders, r.reports_to) for r in org] == [
        ("ana@bluefinch.example", ("ana@bluefinch.example",), None),
        (chiara, (chiara,), "ana@bluefinch.example"),
        (security, (chiara,), "ana@bluefinch.example"),
        ("dario@bluefinch.example", ("dario@bluefinch.example",), chiara),  # the first seat
        ("elif@bluefinch.example", ("elif@bluefinch.example",), chiara),
    ]
    assert len(org.people) == 4
    assert notes[1] == (
        f"4:2: column 'Email': '{chiara}' is also on line 3: one person in two seats, this one "
        f"given the id '{security}'; a manager cell that names them is read as their first "
        "seat"
    )


def test_one_email_on_two_rows_with_two_names_is_still_an_error(write: Write) -> None:
    text = SHEET.replace(
        "Chiara Oliveira,chiara@bluefinch.example,Head", "Zoe Roux,chiara@bluefinch.example,Head"
    )
    with pytest.raises(OrgFileError, match=r"duplicate id 'chiara@bluefinch\.example'"):
        import_notes(write("team.csv", text))


GUSTO = """\
Last name,First name,Job title,Department,Manager,Work email
Ferrand,Ana,CEO,Executive,,ana@tidepool.example
Vogt,Lucas,Recruiter,People,"Ferrand, Ana",
Marin,Chloe,Recruiter,People,"Vogt, Lucas",chloe@tidepool.example
"""


def test_a_person_without_an_email_in_an_export_known_by_emails(write: Write) -> None:
    # Before: "missing id: every row needs one", and nothing was imported.
    org, notes = import_notes(write("gusto.csv", GUSTO))
    assert [(r.id, r.reports_to) for r in org] == [
        ("ana@tidepool.example", None),
        ("lucas-vogt", "ana@tidepool.example"),
        ("chloe@tidepool.example", "lucas-vogt"),  # found by name
    ]
    assert (
        "3:6: column 'Work email': no email, which is the id of this import's rows: given the "
        "id 'lucas-vogt', made from the name 'Lucas Vogt'"
    ) in notes


def test_a_list_of_people_one_level_down_in_the_json(write: Write) -> None:
    # Remote's API: {"data": {"employments": [...]}}. Before: "this object has none".
    employments = [
        {"id": "r1", "full_name": "Ana Ferrand", "job_title": "CEO"},
        {"id": "r2", "full_name": "Boris Lemaire", "job_title": "CTO", "manager": "r1"},
        {"id": "r3", "full_name": "Chloe Marin", "job_title": "Engineer", "manager": 7},
    ]
    text = json.dumps({"data": {"employments": employments, "total_count": 3}}, indent=1)
    path = write("remote.json", text)
    org, _ = import_notes(path)
    assert [(r.id, r.reports_to) for r in org] == [("r1", None), ("r2", "r1"), ("r3", "7")]
    # Its problems name the path to the list, and the line.
    employments[2] = {"full_name": "Chloe Marin", "job_title": "Engineer"}
    text = json.dumps({"data": {"employments": employments}}, indent=1)
    with pytest.raises(OrgFileError) as err:
        import_notes(write("broken.json", text))
    assert "broken.json:15:4: data.employments[2]['id']: missing id" in str(err.value)


def test_a_person_in_two_rows_and_one_without_an_email_in_one_sheet(write: Write) -> None:
    # Each step must see the ids as the emails: the first to change them hid the other.
    text = SHEET + "Fumi Tanaka,,Engineer,Engineering,chiara@bluefinch.example\n"
    org, notes = import_notes(write("team.csv", text))
    assert org.roles["fumi-tanaka"].reports_to == "chiara@bluefinch.example"
    assert org.roles["chiara@bluefinch.example/head-of-security"].holders == (
        "chiara@bluefinch.example",
    )
    assert sum("one person in two seats" in n for n in notes) == 1
    assert sum("made from the name 'Fumi Tanaka'" in n for n in notes) == 1
    # She holds her seat: it was an open seat, and she was in no row of people.
    assert org.roles["fumi-tanaka"].holders == ("fumi-tanaka",)
    assert org.people["fumi-tanaka"].name == "Fumi Tanaka"


def test_a_person_in_two_rows_beside_an_open_seat_in_one_sheet(write: Write) -> None:
    # A hand-made sheet (Airtable): an open role has no name and no email, and the CTO
    # also holds a second seat. The open seat made the second seat a duplicate id.
    text = SHEET + ",,Security Engineer,Security,chiara@bluefinch.example\n"
    org, notes = import_notes(write("team.csv", text))
    assert org.roles["chiara@bluefinch.example/head-of-security"].holders == (
        "chiara@bluefinch.example",
    )
    assert org.roles["vacant-7"].vacant
    assert org.roles["vacant-7"].reports_to == "chiara@bluefinch.example"
    assert sum("one person in two seats" in n for n in notes) == 1


# Okta's user export: its own opaque `id` beside the HR's employee number, which the
# managers name, and the profile's attributes under `profile.`.
OKTA_CSV = """\
id,status,profile.login,profile.firstName,profile.lastName,profile.title,profile.employeeNumber,profile.managerId
00u1a,ACTIVE,leo@tidewell.example,Leo,Brandt,CEO,5001,
00u1b,ACTIVE,yusra@tidewell.example,Yusra,Haddad,VP Engineering,5002,5001
00u1c,DEPROVISIONED,omar@tidewell.example,Omar,Reyes,Engineer,5003,5002
00u1d,ACTIVE,ida@tidewell.example,Ida,Sand,Engineer,5004,5002
"""


def test_okta_users_are_read_by_their_profile_attributes(write: Write) -> None:
    org, _ = import_notes(write("okta.csv", OKTA_CSV))
    assert [(r.id, r.reports_to) for r in org] == [
        ("5001", None),
        ("5002", "5001"),
        ("5004", "5002"),
    ]
    assert org.people["5002"].name == "Yusra Haddad"
    assert org.roles["5002"].title == "VP Engineering"


def test_a_json_records_nested_object_is_read_as_columns(write: Write) -> None:
    def user(
        uid: str, status: str, first: str, title: str, number: str, boss: str | None
    ) -> dict[str, object]:
        profile: dict[str, str | None] = {"firstName": first, "lastName": "Sand", "title": title}
        profile |= {"employeeNumber": number, "managerId": boss}
        return {"id": uid, "status": status, "type": {"id": "oty1"}, "profile": profile}

    records = [
        user("00u1a", "ACTIVE", "Leo", "CEO", "5001", None),
        user("00u1b", "ACTIVE", "Yusra", "VP Engineering", "5002", "5001"),
        user("00u1c", "DEPROVISIONED", "Omar", "Engineer", "5003", "5002"),
        user("00u1d", "ACTIVE", "Ida", "Engineer", "5004", "5002"),
    ]
    org, _ = import_notes(write("okta.json", json.dumps(records, indent=2)))
    assert [(r.id, r.reports_to) for r in org] == [
        ("5001", None),
        ("5002", "5001"),
        ("5004", "5002"),
    ]
    assert org.people["5004"].name == "Ida Sand"


def test_an_id_column_alone_is_not_taken_for_orgroles_own_csv(write: Write) -> None:
    # Without a reports_to column this is no CSV that orgroles wrote: its names, titles
    # and statuses are read, and the missing manager column is said.
    text = "id,First Name,Last Name,Job Title,Status\n1,Ana,Lima,CEO,Active\n2,Bo,Diaz,CTO,Terminated\n"
    org, notes = import_notes(write("people.csv", text))
    assert list(org.roles) == ["1"]
    assert org.people["1"].name == "Ana Lima"
    assert any("no column names the manager" in n for n in notes)


def test_a_slack_member_list_reads_its_full_names(write: Write) -> None:
    text = (
        "username,email,status,userid,fullname,displayname\n"
        "wren.okoro,wren@pebble.example,Primary Owner,U01,Wren Okoro,wren\n"
        "hana.k,hana@pebble.example,Member,U02,Hana Kobayashi,hana\n"
        "old.timer,old@pebble.example,Deactivated,U03,Old Timer,old\n"
    )
    org, _ = import_notes(write("slack.csv", text))
    assert [p.name for p in org.people.values()] == ["Wren Okoro", "Hana Kobayashi"]


def test_a_manager_cell_of_linked_records_is_the_manager_and_dotted_lines(write: Write) -> None:
    # Airtable and Notion join the records of a linked field with commas.
    text = (
        "Name,Role,Reports to\n"
        "Ana Lima,CEO,\n"
        "Bo Diaz,COO,Ana Lima\n"
        'Cy Moss,Analyst,"Ana Lima,Bo Diaz"\n'
        'Dee Park,Analyst,"Diaz, Bo"\n'
    )
    org, notes = import_notes(write("team.csv", text))
    cy, dee = org.roles["Cy Moss"], org.roles["Dee Park"]
    assert (cy.reports_to, cy.dotted_to) == ("Ana Lima", ("Bo Diaz",))
    assert (dee.reports_to, dee.dotted_to) == ("Bo Diaz", ())  # one name, turned
    assert any(
        "the manager cell 'Ana Lima,Bo Diaz' names 2 rows: read as the manager 'Ana Lima', "
        "and dotted lines to the others" in n
        for n in notes
    )


@pytest.mark.parametrize("cell", ["Ana / Bo", "Ana Lima/Bo Diaz", "Ana & Bo Diaz"])
def test_two_managers_joined_with_a_slash_in_a_sheet_typed_by_hand(write: Write, cell: str) -> None:
    # Before: the cell was an unknown manager "Ana / Bo" that the check reported.
    text = f"Name,Role,Reports to\nAna Lima,CEO,\nBo Diaz,COO,Ana\nCy Moss,Analyst,{cell}\n"
    text += "Dee Park,Analyst,Bo\n"
    org, notes = import_notes(write("team.csv", text))
    cy = org.roles["Cy Moss"]
    assert (cy.reports_to, cy.dotted_to) == ("Ana Lima", ("Bo Diaz",))
    assert any(f"the manager cell {cell!r} names 2 rows" in n for n in notes)
    assert "S002" not in org.check().counts()


def test_a_slash_inside_one_name_or_of_unknown_parts_is_left_as_written(write: Write) -> None:
    text = "Name,Role,Reports to\nAna Lima,CEO,\nBo Diaz,COO,Ana\nCy Moss,Analyst,Ana / Zed\n"
    text += "Dee Park,Analyst,Bo\n"
    org, _ = import_notes(write("team.csv", text))
    assert org.roles["Cy Moss"].reports_to == "Ana / Zed"  # an unknown manager, as written


WORKDAY_LABELS = """\
Employee ID,Worker,Business Title,Manager,Supervisory Organization,Hire Date,Email - Work
21003,Ana Lima,Chief Executive Officer,,Executive Office,04/13/2015,ana@example.org
21006,Bo Diaz,Chief Technology Officer,Ana Lima,Engineering,09/21/2015,bo@example.org
21009,Cy Park,Engineering Manager,Bo Diaz,Engineering,02/19/2018,cy@example.org
"""


def test_the_workday_preset_reads_a_reports_labels_as_its_field_names(write: Write) -> None:
    # Workday's API writes Employee_ID and Email_-_Work; a report exported from its pages
    # writes the labels "Employee ID" and "Email - Work": the same columns.
    org, _ = import_notes(write("workday.csv", WORKDAY_LABELS), preset="workday")
    assert list(org.roles) == ["21003", "21006", "21009"]
    assert org.people["21006"].name == "Bo Diaz"
    assert org.people["21006"].email == "bo@example.org"
    assert org.roles["21009"].title == "Engineering Manager"
    assert org.roles["21009"].reports_to == "21006"
    assert org.records["21009"].start == date(2018, 2, 19)
    assert org.team_of("21009").name == "Engineering"


def test_a_preset_names_missing_manager_columns_once_each(write: Write) -> None:
    text = WORKDAY_LABELS.replace("Manager,", "Boss,", 1)
    with pytest.raises(OrgFileError) as caught:
        import_notes(write("workday.csv", text), preset="workday")
    message = str(caught.value)
    assert "no manager column: the workday preset looks for 'Manager_ID', " in message
    assert message.count("'Manager_ID'") == 1


def test_oracle_hcm_date_start_and_actual_termination_date(write: Write) -> None:
    text = (
        '"PERSON_NUMBER","FULL_NAME","JOB_NAME","MANAGER_PERSON_NUMBER","USER_PERSON_TYPE",'
        '"DATE_START","ACTUAL_TERMINATION_DATE"\n'
        '"1","Lima, Ana","CEO","","Employee","03-MAR-2014",""\n'
        '"2","Diaz, Bo","CTO","1","Employee","01-FEB-2016",""\n'
        '"3","Moss, Cy","Engineer","2","Pending Worker","15-JAN-2027",""\n'
        '"4","Park, Di","Engineer","2","Ex-employee","01-FEB-2019","30-JUN-2025"\n'
    )
    org, _ = import_notes(write("hcm.csv", text))
    assert org.records["4"].end == date(2025, 6, 30)
    assert org.records["3"].start == date(2027, 1, 15)
    assert list(org.as_of("2026-01-01", today="2026-01-01").roles) == ["1", "2", "3"]
    assert org.as_of("2026-01-01", today="2026-01-01").roles["3"].planned
    org, _ = import_notes(write("hcm.csv", text.replace("15-JAN-2027", "")))
    assert not org.roles["3"].planned  # no status read, no day: a current seat
    with_status = import_notes(
        write("hcm.csv", text.replace("15-JAN-2027", "")), status_col="USER_PERSON_TYPE"
    )
    assert with_status[0].roles["3"].planned  # "Pending Worker": to start


def test_dayforce_xrefcode_is_the_id(write: Write) -> None:
    text = (
        "Employee XRefCode,Display Name,Job,Manager,Employment Status\n"
        "E00001,Ana Lima,CEO,,Active\nE00002,Sam Lee,Engineer,Ana Lima,Active\n"
    )
    org, _ = import_notes(write("dayforce.csv", text))
    assert list(org.roles) == ["E00001", "E00002"]
    assert org.roles["E00002"].reports_to == "E00001"


def test_days_written_year_first_with_dots(write: Write) -> None:
    text = (
        "Employee ID,Name,Title,Manager ID,Hire Date\n1,Ana Lima,CEO,,2015.03.02\n"
        "2,Bo Diaz,CTO,1,2017.08.14\n3,Cy Moss,Engineer,2,2027.01.04\n"
    )
    org, notes = import_notes(write("kr.csv", text))
    assert org.records["3"].start == date(2027, 1, 4)
    assert "days written %Y.%m.%d" in notes[0]
