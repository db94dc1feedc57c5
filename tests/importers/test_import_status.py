"""Exports of "all employees": the status column says who left and who has not started.

An HR tool's export lists the people who left beside those who work there ("Terminated",
"Inactive", `accountEnabled: false`) and the people who signed and have not started
("Onboarding"). Read as they are, the people who left would hold their old seats. Every
person here is invented.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import orgroles
from orgroles import OrgFileError, OrgValidationError
from orgroles.importers.status import read_statuses, status_of

from tests.helpers import Cli, Write, import_notes

HEADER = "Employee ID,Name,Title,Manager ID,Status\n"


@pytest.mark.parametrize(
    ("value", "header", "says"),
    [
        ("Terminated", "Status", "left"),
        ("Terminated - Voluntary", "Employment Status", "left"),
        ("Inactive (resigned)", "Status", "left"),
        ("Former employee", "Status", "left"),
        ("Retired 2023", "Status", "left"),
        ("Ausgeschieden", "Mitarbeiterstatus", "left"),
        ("Inactif", "Statut", "left"),
        ("Baja", "Estado", "left"),
        ("Closed", "Position Status", "left"),
        ("Relieved", "Employment Status", "left"),  # Keka, Darwinbox, greytHR
        ("Absconded", "Employment Status", "left"),
        ("Notice Period", "Employment Status", None),  # still there until the last day
        ("Päättynyt", "Tila", "left"),  # Finnish: ended
        ("Alkamassa", "Tila", "future"),  # Finnish: starting
        ("Onboarding", "Lifecycle Status", "future"),
        ("Pending", "Status", "future"),
        ("Pre-hire", "Worker Status", "future"),
        ("newHire", "Status", "future"),  # Humaans
        ("Hired", "Lifecycle status", "future"),  # HiBob: signed, not started
        ("Active", "Status", None),
        ("On Leave", "Status", None),
        ("Full-Time", "Employment Status", None),
        ("Contractor", "Employment Status", None),
        ("Pending termination", "Status", None),  # still there until the last day
        ("de baja", "Estado", None),  # on sick leave, in Spain
        ("No", "Status", None),  # a yes or no says nothing under a status header
        ("false", "Active", "left"),
        ("No", "Is Active", "left"),
        ("0", "active", "left"),
        ("Inactive", "Active Status", "left"),
        ("true", "Active", None),
        ("false", "accountEnabled", "left"),
        ("True", "Terminated", "left"),
        ("2023-08-31", "Terminated", None),
        ("no", "Terminated", None),
        # A cell that names its column first is read after the name.
        ("Status: Terminated", "Employment Status", "left"),
        ("Employment Status: Onboarding", "Employment Status", "future"),
        ("Status: Active", "Status", None),
        ("Note: terminated", "Status", None),  # another label: not read
        # A directory's account: suspended when its owner left; an HR status: on leave.
        ("Suspended", "Status [READ ONLY]", "left"),  # Google Workspace
        ("SUSPENDED", "Account Status", "left"),
        ("Blocked", "User Status", "left"),
        ("Suspended", "Employment Status", None),
        ("Suspended", "Status", None),
        ("DEPROVISIONED", "Status", "left"),  # Okta
        ("STAGED", "Status", "future"),  # Okta: made before the first day, not activated
        ("PROVISIONED", "Status", None),  # Okta: activated, its password not yet set
    ],
)
def test_what_a_status_says(value: str, header: str, says: str | None) -> None:
    assert status_of(value, header) == says


def test_statuses_of_current_rows_only_are_none() -> None:
    assert read_statuses(["Active", None, "On Leave"], "Status") is None
    assert read_statuses(["Active", "Terminated", None], "Status") == [
        None,
        ("left", "Terminated"),
        None,
    ]


@pytest.mark.parametrize(
    ("header", "values", "left"),
    [
        # any column of yes and no only: its no says the person left
        ("Currently Employed", ["Yes", "No", "yes", None], [False, True, False, False]),
        ("ISACTIVE", ["TRUE", "FALSE"], [False, True]),
        ("Employed?", ["1", "0"], [False, True]),
        # a header with a word of leaving: its yes does
        ("Left the company", ["No", "Yes"], [False, True]),
        ("Former employee", ["N", "Y"], [False, True]),
    ],
)
def test_a_yes_or_no_status_column_of_any_header(
    header: str, values: list[str | None], left: list[bool]
) -> None:
    # "Currently Employed: No" was read as current: only a few headers ("Active") were.
    found = read_statuses(values, header)
    assert found is not None
    assert [s is not None and s[0] == "left" for s in found] == left


def test_a_row_of_someone_who_left_is_left_out(write: Write) -> None:
    path = write(
        "staff.csv",
        HEADER
        + "1,Ana Lima,CEO,,Active\n"
        + "2,Bo Diaz,Designer,1,Terminated\n"
        + "3,Cy Park,Developer,1,On Leave\n",
    )
    org, notes = import_notes(path)
    assert list(org.roles) == ["1", "3"]
    assert list(org.people) == ["1", "3"]
    assert "status 'Status'" in notes[0]  # the guess names the column
    assert notes[1] == (
        "3:5: column 'Status': 1 row of people who left, as their status says "
        "('Terminated'), with no last day: left out of the org (line 3); --keep-left "
        "(keep_left=True) reads them as current rows"
    )
    found = org.location_of("3")
    assert found is not None
    assert found.line == 4  # the rows after it keep their lines


def test_a_seat_that_others_report_to_is_kept_vacant(write: Write) -> None:
    path = write(
        "staff.csv",
        HEADER
        + "1,Ana Lima,CEO,,Active\n"
        + "2,Bo Diaz,CTO,1,Terminated\n"  # left; Cy still reports to the seat
        + "3,Cy Park,Developer,2,Active\n"
        + "4,Di Chen,VP Sales,5,Inactive\n"  # left, under a COO who left too
        + "5,Ed Moss,COO,1,Former employee\n"
        + "6,Flo Ruiz,Sales Rep,4,Active\n",
    )
    org, notes = import_notes(path)
    assert list(org.roles) == ["1", "2", "3", "4", "5", "6"]
    assert [r.id for r in org.roles.values() if r.vacant] == ["2", "4", "5"]
    assert org.roles["2"].meta == {"Status": "Terminated", "former_holder": "Bo Diaz"}
    assert org.roles["3"].meta == {"Status": "Active"}  # kept, as any column
    assert org.roles["3"].reports_to == "2"
    assert org.roles["6"].reports_to == "4"
    assert org.roles["4"].reports_to == "5"
    assert list(org.people) == ["1", "3", "6"]
    assert notes[-1] == (
        "3:5: column 'Status': 3 rows of people who left, as their status says "
        "('Terminated', 'Inactive', 'Former employee'), with no last day: left out of the "
        "org; 3 seats kept, vacant, as others report to them ('2', line 3 ...); "
        "--keep-left (keep_left=True) reads them as current rows"
    )


def test_an_old_job_of_someone_hired_again_gives_way_to_the_current_one(write: Write) -> None:
    path = write(
        "staff.csv",
        HEADER
        + "1,Ana Lima,CEO,,Active\n"
        + "2,Bo Diaz,Designer,1,Terminated\n"  # Bo's old job
        + "3,Cy Park,Developer,2,Active\n"
        + "2,Bo Diaz,Head of Design,1,Active\n",  # Bo's job now
    )
    org, notes = import_notes(path)
    assert list(org.roles) == ["1", "3", "2"]
    assert org.roles["2"].title == "Head of Design"
    assert org.roles["2"].holder == "2"
    assert org.roles["3"].reports_to == "2"
    assert notes[-1] == (
        "3:5: column 'Status': 1 row of people who left, as their status says "
        "('Terminated'), with the id of a current row: left out, the current row is the "
        "one read (line 3)"
    )


def test_a_name_shared_with_someone_who_left_is_the_current_person(write: Write) -> None:
    path = write(
        "staff.csv",
        "Employee ID,Name,Title,Manager,Status\n"
        + "1,Ana Lima,CEO,,Active\n"
        + "2,Sam Lee,CTO,Ana Lima,Terminated\n"
        + "3,Sam Lee,CTO,Ana Lima,Active\n"
        + "4,Cy Park,Developer,Sam Lee,Active\n",
    )
    org, notes = import_notes(path)
    assert list(org.roles) == ["1", "3", "4"]
    assert org.roles["4"].reports_to == "3"
    assert "with the id or name of a current row" in notes[-1]


def test_someone_who_has_not_started_holds_a_planned_seat(write: Write) -> None:
    path = write(
        "staff.csv",
        HEADER + "1,Ana Lima,CEO,,Active\n" + "2,Bo Diaz,Developer,1,Onboarding\n",
    )
    org, notes = import_notes(path)
    assert [(r.id, r.planned, r.holder) for r in org.roles.values()] == [
        ("1", False, "1"),
        ("2", True, "2"),
    ]
    assert notes[-1] == (
        "3:5: column 'Status': 1 row of people who have not started, as their status says "
        "('Onboarding'), with no first day: planned seats (line 3)"
    )
    assert org.metrics()["planned"] == 1


def test_days_win_over_the_status(write: Write) -> None:
    path = write(
        "staff.csv",
        "Employee ID,Name,Title,Manager ID,Status,Hire Date,Termination Date\n"
        + "1,Ana Lima,CEO,,Active,2020-01-06,\n"
        + "2,Bo Diaz,Designer,1,Terminated,2021-02-01,2023-08-31\n"
        + "3,Cy Park,Developer,1,Onboarding,2026-12-15,\n",
    )
    org, notes = import_notes(path)
    assert not [n for n in notes if "status says" in n]  # the days say it all
    assert org.dated
    assert list(org.as_of("2022-01-01").roles) == ["1", "2"]
    today = org.as_of("2026-12-01")
    assert list(today.roles) == ["1", "3"]
    assert today.roles["3"].planned
    assert list(org.as_of("2027-01-01").roles) == ["1", "3"]


def test_keep_left_reads_every_row_as_written(write: Write) -> None:
    path = write(
        "staff.csv",
        HEADER + "1,Ana Lima,CEO,,Active\n" + "2,Bo Diaz,Designer,1,Terminated\n",
    )
    org, notes = import_notes(path, keep_left=True)
    assert list(org.roles) == ["1", "2"]
    assert org.roles["2"].meta == {"Status": "Terminated"}
    assert not [n for n in notes if "status" in n.split("(")[0]]
    with pytest.raises(
        OrgValidationError, match=r"give it or status_col \(--status-col\), not both"
    ):
        orgroles.from_csv(path, keep_left=True, status_col="Status")


def test_a_status_column_given_with_the_other_options(write: Write) -> None:
    path = write(
        "staff.csv",
        "emp,who,state\n1,Ana Lima,Active\n2,Bo Diaz,Inactive\n3,Cy Park,Active\n",
    )
    org = orgroles.from_csv(path, id_col="emp", name_col="who", status_col="state")
    assert list(org.roles) == ["1", "3"]
    plain = orgroles.from_csv(path, id_col="emp", name_col="who")  # no status column named
    assert list(plain.roles) == ["1", "2", "3"]


def test_when_every_row_has_left_the_status_is_not_read(write: Write) -> None:
    path = write(
        "staff.csv",
        HEADER + "1,Ana Lima,CEO,,Closed\n" + "2,Bo Diaz,Designer,1,Closed\n",
    )
    org, notes = import_notes(path)
    assert list(org.roles) == ["1", "2"]
    assert notes[-1] == (
        "2:5: column 'Status': every row's status says the person left: the status is "
        "not read (is it another kind of status?); name the columns to read with the "
        "column options"
    )


def test_a_directory_export_reads_account_enabled(write: Write) -> None:
    users = [
        {"id": "u1", "displayName": "Ana Lima", "accountEnabled": True, "manager": None},
        {"id": "u2", "displayName": "Bo Diaz", "accountEnabled": False, "manager": "u1"},
        {"id": "u3", "displayName": "Cy Park", "accountEnabled": True, "manager": "u2"},
        {"id": "u4", "displayName": "Di Chen", "accountEnabled": False, "manager": "u1"},
    ]
    path = write("users.json", json.dumps({"value": users}, indent=1))
    org, notes = import_notes(path)
    assert list(org.roles) == ["u1", "u2", "u3"]
    assert org.roles["u2"].vacant
    assert "value[1]['accountEnabled']: 2 rows of people who left" in notes[-1]


GOOGLE = """\
First Name [Required],Last Name [Required],Email Address [Required],Status [READ ONLY],Employee Title,Manager Email
Yusra,Okafor,yusra@fjord.example,Active,CEO,
Emil,Varga,emil@fjord.example,Active,Head of Engineering,yusra@fjord.example
Tove,Lund,tove@fjord.example,Suspended,Head of Sales,yusra@fjord.example
Arvo,Nieminen,arvo@fjord.example,Active,Account Executive,tove@fjord.example
Sami,Kask,sami@fjord.example,Suspended,Designer,emil@fjord.example
"""


def test_a_google_workspace_export_reads_suspended_accounts_as_leavers(write: Write) -> None:
    """Google Workspace suspends the accounts of people who left: the designer's row is
    left out, and the head of sales' seat, who still has a report, is kept vacant."""
    org, notes = import_notes(write("users.csv", GOOGLE))
    assert list(org.roles) == [
        "yusra@fjord.example",
        "emil@fjord.example",
        "tove@fjord.example",
        "arvo@fjord.example",
    ]
    assert org.roles["tove@fjord.example"].vacant
    assert org.roles["arvo@fjord.example"].reports_to == "tove@fjord.example"
    assert "'Status [READ ONLY]': 2 rows of people who left" in notes[-1]


def test_bamboohr_reads_its_status_column(write: Write) -> None:
    path = write(
        "bamboo.csv",
        "Employee #,First Name,Last Name,Job Title,Supervisor EID,Status\n"
        + "1,Ana,Lima,CEO,,Active\n"
        + "2,Bo,Diaz,Designer,1,Inactive\n",
    )
    org = orgroles.from_csv(path, preset="bamboohr")
    assert list(org.roles) == ["1"]


def test_snapshots_read_their_statuses(write: Write) -> None:
    jan = write("jan.csv", HEADER + "1,Ana Lima,CEO,,Active\n2,Bo Diaz,Designer,1,Active\n")
    apr = write("apr.csv", HEADER + "1,Ana Lima,CEO,,Active\n2,Bo Diaz,Designer,1,Terminated\n")
    org, _ = import_notes([jan, apr], dates=["2026-01-31", "2026-04-30"])  # type: ignore[arg-type]
    assert list(org.as_of(date(2026, 2, 1)).roles) == ["1", "2"]
    assert list(org.as_of(date(2026, 5, 1)).roles) == ["1"]


def test_a_malformed_file_is_still_an_error_at_its_line(write: Write) -> None:
    path = write("staff.csv", HEADER + "1,Ana Lima,CEO,,Active\n,Bo Diaz,Designer,1,Active\n")
    with pytest.raises(OrgFileError, match=r"staff.csv:3:1: .*missing id"):
        orgroles.from_csv(path)


def test_the_rows_after_one_left_out_keep_their_own_days(write: Write) -> None:
    path = write(
        "staff.csv",
        "Employee ID,Name,Title,Manager ID,Status,Hire Date\n"
        + "1,Ana Lima,CEO,,Active,2020-01-06\n"
        + "2,Bo Diaz,Designer,1,Terminated,2021-02-01\n"  # left: no last day given
        + "3,Cy Park,Developer,1,Active,2022-03-07\n"
        + "4,Di Chen,Developer,1,Active,2023-04-10\n",
    )
    org, _ = import_notes(path)
    assert [(r.id, r.start) for r in org.records.values()] == [
        ("1", date(2020, 1, 6)),
        ("3", date(2022, 3, 7)),
        ("4", date(2023, 4, 10)),
    ]


def test_effective_dated_rows_read_the_status_of_the_latest(write: Write) -> None:
    path = write(
        "workday.csv",
        "Employee_ID,Name,businessTitle,Manager_ID,Effective_Date,Active_Status\n"
        + "e1,Ana Lima,CEO,,2024-01-01,1\n"
        + "e2,Bo Diaz,Designer,e1,2024-01-01,1\n"
        + "e2,Bo Diaz,Designer,e1,2025-06-01,0\n"  # terminated then
        + "e3,Cy Park,Developer,e1,2024-01-01,1\n",
    )
    org = orgroles.from_csv(path, preset="workday")
    assert list(org.roles) == ["e1", "e3"]
    assert list(org.as_of("2025-05-31").roles) == ["e1", "e2", "e3"]  # the seat's last day
    assert org.records["e2"].end == date(2025, 5, 31)
    assert list(org.as_of("2025-06-01").roles) == ["e1", "e3"]


def test_peoplesoft_one_letter_codes() -> None:
    codes = ["A", "T", "L", "R", None, "a"]
    assert read_statuses(codes, "EMPL_STATUS") == [
        None,
        ("left", "T"),
        None,  # on leave
        ("left", "R"),
        None,
        None,
    ]
    assert read_statuses(["A", "B", "T"], "EMPL_STATUS") is None  # "B" is no code: words
    assert read_statuses(["T", "R"], "EMPL_STATUS") is None  # no "A": not these codes
    assert read_statuses(["A", "T"], "Grade") is None  # not a status column


def test_a_peoplesoft_export(write: Write) -> None:
    path = write(
        "ps.csv",
        "EMPLID,NAME,JOBTITLE,SUPERVISOR_ID,EMPL_STATUS\n"
        "K0001,Ana Lima,CEO,,A\nK0002,Bo Diaz,CFO,K0001,T\nK0003,Cy Park,Controller,K0001,L\n",
    )
    org, notes = import_notes(path)  # PeopleSoft's header, guessed
    assert "id 'EMPLID'" in notes[0]
    assert "status 'EMPL_STATUS'" in notes[0]
    assert list(org.roles) == ["K0001", "K0003"]
    assert "('T')" in notes[-1]


def test_the_command_line_shows_the_warnings_in_line_order(
    write: Write, run: Cli, tmp_path: Path
) -> None:
    # The steps find the unknown manager (line 5) before the person who left (line 3).
    path = write(
        "staff.csv",
        "Employee ID,Name,Title,Manager,Status\n"
        "1,Ana Lima,CEO,,Active\n"
        "2,Bo Diaz,CTO,Ana Lima,Terminated\n"
        "3,Cy Park,Developer,Ana Lima,Active\n"
        "4,Di Chen,Developer,Zed Quill,Active\n",
    )
    result = run("import", "csv", path, "-o", tmp_path / "org.yaml")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert [line.split(": ")[1].removeprefix(f"{path}:") for line in lines] == ["1", "3:5", "5:4"]


def test_a_disabled_account_with_a_first_day_to_come_is_a_hire_not_a_leaver(
    write: Write,
) -> None:
    """A directory makes a new hire's account before the first day, disabled (Entra's
    `accountEnabled: false`): the row was left out as someone who left."""
    text = (
        "UserPrincipalName,DisplayName,JobTitle,Manager,AccountEnabled,EmployeeHireDate,"
        "EmployeeLeaveDateTime\n"
        "ana@kite.example,Ana Lima,CEO,,True,2015-04-01,\n"
        "bo@kite.example,Bo Diaz,Developer,ana@kite.example,False,2099-01-18,\n"
        "cy@kite.example,Cy Park,Developer,ana@kite.example,False,2016-02-01,\n"
    )
    org, notes = import_notes(write("users.csv", text))
    assert org.roles["bo@kite.example"].planned
    assert "cy@kite.example" not in org.roles  # disabled, no first day to come: left
    assert any(
        "1 row whose status says the person left ('False') but whose first day is still to "
        "come" in n
        for n in notes
    )


def test_korean_and_japanese_headers_and_statuses_are_read_as_written(write: Write) -> None:
    # Folding wrote Hangul as its letters and dropped the voicing marks of kana, so the
    # tables' "퇴직" and "従業員コード" never matched what the files wrote.
    text = (
        "Employee ID,Name,Title,Manager ID,Status\n1,Ana Lima,CEO,,재직\n2,Bo Diaz,CTO,1,재직\n"
        "3,Cy Moss,Engineer,2,퇴직\n4,Di Park,Engineer,2,입사예정\n"
    )
    org, _ = import_notes(write("kr.csv", text))
    assert list(org.roles) == ["1", "2", "4"]  # 퇴직: left
    assert org.roles["4"].planned  # 입사예정: to start
    org, _ = import_notes(
        write(
            "kr2.csv", "사번,성명,직책,직속 상사\nK001,김민준,대표이사,\nK002,이서연,CTO,김민준\n"
        )
    )
    assert org.roles["K002"].reports_to == "K001"
    assert org.people["K002"].name == "이서연"
    text = "従業員コード,氏名,役職,メールアドレス\n0001,山本 真央,社長,a@x.example\n"
    org, _ = import_notes(write("jp.csv", text))
    assert list(org.roles) == ["0001"]
    assert org.people["0001"].email == "a@x.example"
