"""Dates in imports: hire and termination dates, effective-dated rows, dated snapshots.

Every person here is invented.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import orgroles
from orgroles import OrgFileError, OrgUsageError, OrgValidationError
from orgroles.model import Line, Tenure

from tests.helpers import Cli, Write, import_notes

TODAY = "2026-05-15"

BAMBOO = """\
Employee #,First Name,Last Name,Job Title,Reporting to,Department,Hire Date,Termination Date
0001,Ines,Marlow,Chief Executive Officer,,Leadership,2015-03-02,
0002,Tobias,Keller,CTO,Ines Marlow,Engineering,2016-07-11,
0003,Priya,Anand,Software Engineer,Tobias Keller,Engineering,2019-01-07,2025-12-31
0004,Mei,Tanaka,Software Engineer,Tobias Keller,Engineering,2026-07-01,
"""

# Workday: a row per change, effective from its day; the latest row gives the seat.
WORKDAY = """\
Employee_ID,Name,businessTitle,Manager_ID,Hire_Date,Effective_Date
w1,Ana Lima,CEO,,2020-01-06,2020-01-06
w2,Bo Diaz,VP Engineering,w1,2020-03-02,2020-03-02
w3,Cy Moss,Engineer,w2,2021-05-03,2021-05-03
w4,Dee Park,COO,w1,2022-01-10,2022-01-10
w3,Cy Moss,Senior Engineer,w4,2021-05-03,2023-04-01
w3,Cy Moss,Senior Engineer,w2,2021-05-03,2024-02-01
"""

ODOO = """\
"External ID","Employee Name","Job Title","Manager","Department","First Contract Date","Departure Date"
"hr.e1","Mitchell Admin","Chief Executive Officer","","Management","2019-09-01",""
"hr.e2","Marc Demo","Developer","Mitchell Admin","R&D","2021-02-15","2026-03-31"
"""

JAN = """\
id,name,title,reports_to
ceo,Ana Lima,CEO,
cto,Bo Diaz,CTO,ceo
po,Cy Moss,Product Owner,cto
dev,Dee Park,Developer,cto
"""

APR = """\
id,name,title,reports_to
ceo,Ana Lima,CEO,
cto,Bo Diaz,CTO,ceo
cpo,Eve Stone,CPO,ceo
po,Cy Moss,Product Owner,cpo
"""

JUL = """\
id,name,title,reports_to,holder
ceo,Ana Lima,CEO,,ceo
cto,Fay Roux,CTO,ceo,fay
cpo,Eve Stone,CPO,ceo,cpo
po,Cy Moss,Senior Product Owner,cpo,po
"""


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGROLES_TODAY", TODAY)


def test_hire_and_termination_dates_date_each_seat(write: Write) -> None:
    org = orgroles.from_csv(write("staff.csv", BAMBOO), preset="bamboohr")
    assert org.dated
    records = org.records
    assert records["0001"].start == date(2015, 3, 2)
    assert (records["0003"].start, records["0003"].end) == (date(2019, 1, 7), date(2025, 12, 31))
    assert "Hire Date" not in records["0001"].meta  # the columns are read, not kept as meta
    # Today: Priya has left, Mei's seat opens in July (planned).
    assert list(org.roles) == ["0001", "0002", "0004"]
    assert org.roles["0004"].planned
    assert org.roles["0004"].holder == "0004"
    assert [r.id for r in org.as_of("2019-06-01")] == ["0001", "0002", "0003"]
    kinds = [(c.date, c.kind, c.role) for c in org.history()]
    assert (date(2026, 1, 1), "seat-closed", "0003") in kinds
    assert (date(2026, 7, 1), "seat-opened", "0004") in kinds


# Personio-style: the head of sales left in March, and the export still names her as the
# manager of an account executive, who has not been moved yet.
LEFT_A_TEAM = """\
ID,First name,Last name,Position,Status,Supervisor,Hire date,Termination date
1,Maren,Holt,CEO,active,,2018-02-01,
10,Bea,Kowal,Head of Sales,inactive,Maren Holt,2019-03-01,2026-03-31
11,Greta,Pell,Account Executive,active,Bea Kowal,2021-05-03,
12,Hugo,Lind,Sales Associate,inactive,Bea Kowal,2021-06-01,2026-02-28
13,Ivo,Sand,Analyst,inactive,Maren Holt,2020-01-06,2025-10-31
14,Jo,Tamm,Analyst Intern,inactive,Ivo Sand,2025-06-02,2025-09-30
"""


def test_a_seat_that_others_still_report_to_stays_open_after_its_holder_left(
    write: Write,
) -> None:
    path = write("personio.csv", LEFT_A_TEAM)
    with pytest.warns(orgroles.OrgImportWarning) as caught:
        org = orgroles.from_csv(path)
    kept = [p for w in caught for p in w.message.problems if p.code == "kept-seats"]  # type: ignore[union-attr]
    assert [(p.location.line, p.location.column) for p in kept] == [(3, 8)]  # her last day
    assert "the seat '10' is kept, vacant after 2026-03-31" in kept[0].message
    seat = org.records["10"]
    assert seat.end is None
    assert seat.holder == (Tenure(person="10", end=date(2026, 3, 31)),)
    # Today (May 2026): the seat is there, vacant, and Greta still reports to it.
    assert org.roles["10"].holder is None
    assert org.roles["11"].reports_to == "10"
    assert not [v for v in org.check().violations if v.code == "S002"]  # no unknown manager
    assert org.as_of("2026-03-01").roles["10"].holder == "10"
    changes = [(c.date, c.kind, c.role) for c in org.history()]
    assert (date(2026, 4, 1), "holder-out", "10") in changes
    assert not [c for c in changes if c[1:] == ("seat-closed", "10")]
    # Those whose reports left before them (or with them) close their seats as before.
    assert org.records["13"].end == date(2025, 10, 31)
    assert org.records["12"].end == date(2026, 2, 28)
    assert "13" not in org.roles


def test_several_seats_kept_are_one_warning(write: Write) -> None:
    text = LEFT_A_TEAM + "15,Kim,Orr,Analyst,active,Ivo Sand,2025-11-03,\n"
    with pytest.warns(orgroles.OrgImportWarning) as caught:
        org = orgroles.from_csv(write("personio.csv", text))
    kept = [p for w in caught for p in w.message.problems if p.code == "kept-seats"]  # type: ignore[union-attr]
    assert len(kept) == 1
    assert kept[0].message.startswith("2 seats are kept, vacant after their holders' last days")
    assert "also line 6" in kept[0].message
    assert org.roles["15"].reports_to == "13"
    assert org.roles["13"].holder is None


def test_a_dated_org_goes_to_csv_and_back(write: Write, tmp_path: Path) -> None:
    org = orgroles.from_csv(write("staff.csv", BAMBOO), preset="bamboohr")
    org.to_csv(tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0].endswith(",department,start,end")
    assert "0003,Software Engineer" in text  # a seat that ended is written too
    back = orgroles.from_csv(tmp_path / "out.csv")
    assert back.to_document().roles == org.to_document().roles


def test_dated_holders_go_to_csv_as_of_today(tmp_path: Path) -> None:
    org = orgroles.Org(
        roles=[
            {"id": "ceo", "holder": "ana"},
            {"id": "cto", "reports_to": "ceo", "holder": [
                {"person": "bo", "end": "2026-01-31"}, {"person": "cy", "start": "2026-02-01"}]},
        ],
    )  # fmt: skip
    with pytest.warns(
        orgroles.OrgExportWarning, match=r"dated holders and lines \(written as of today\) \(1\)"
    ):
        org.to_csv(tmp_path / "out.csv")
    assert "cto,,,,,,cy," in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_days_in_other_forms(write: Write) -> None:
    text = "id,name,reports_to,hired\na,Ana,,03/02/2015\nb,Bo,a,07/11/2016\n"
    org = orgroles.from_csv(write("us.csv", text), start_col="hired", date_format="%m/%d/%Y")
    assert org.records["b"].start == date(2016, 7, 11)
    workday = "id,name,reports_to,start\na,Ana,,2015-03-02-08:00\nb,Bo,a,2016-07-11T09:00:00Z\n"
    org = orgroles.from_csv(write("wd.csv", workday), start_col="start")
    assert [r.start for r in org.records.values()] == [date(2015, 3, 2), date(2016, 7, 11)]


@pytest.mark.parametrize(
    ("first", "second", "days"),
    [
        # Kenjo: a spreadsheet's serial days beside days it wrote out (both read).
        ("43466", "15/09/2019", (date(2019, 1, 1), date(2019, 9, 15))),
        ("March 4, 2019", "December 12, 2020", (date(2019, 3, 4), date(2020, 12, 12))),  # Notion
        ("4 March 2019", "12 December 2020", (date(2019, 3, 4), date(2020, 12, 12))),
    ],
)
def test_days_written_so_are_guessed(
    write: Write, first: str, second: str, days: tuple[date, date]
) -> None:
    # Before: left in meta, with a warning that asked for --date-format.
    text = f'Employee ID,Name,Manager ID,Start date\n1,Ana,,"{first}"\n2,Bo,1,"{second}"\n'
    org, notes = import_notes(write("people.csv", text))
    assert (org.records["1"].start, org.records["2"].start) == days
    assert not [n for n in notes if "left in meta" in n]


def test_a_bad_day_is_an_error_at_its_file_line_and_column(write: Write) -> None:
    text = BAMBOO.replace("2019-01-07", "07/01/2019").replace("2016-07-11", "2016-02-30")
    with pytest.raises(OrgFileError) as caught:
        orgroles.from_csv(write("staff.csv", text), preset="bamboohr")
    message = str(caught.value)
    assert "staff.csv:3:7: column 'Hire Date': '2016-02-30' is not a day of the calendar" in message
    assert (
        "staff.csv:4:7: column 'Hire Date': '07/01/2019' is not a day written YYYY-MM-DD" in message
    )
    assert "--date-format" in message


def test_a_termination_before_the_hire_is_an_earlier_stints_noted_at_its_line(
    write: Write,
) -> None:
    # Priya was hired again in 2019 after a first stint that ended in 2018: the export
    # keeps that old last day beside her latest hire date.
    text = BAMBOO.replace("2019-01-07,2025-12-31", "2019-01-07,2018-12-31")
    org, notes = import_notes(write("staff.csv", text), preset="bamboohr")
    record = org.records["0003"]
    assert (record.start, record.end) == (date(2019, 1, 7), None)
    assert "0003" in org.roles  # she works there today
    (note,) = [n for n in notes if "earlier stint" in n]
    assert note.startswith("4:8: column 'Termination Date': 1 row's last day (line 4) comes")


# Payroll exports of rehired people: UKG's "Last Hire Date" after an old "Termination
# Date"; Paylocity's status "A" (active) beside an old "Term Date" and a "Rehire Date".
REHIRED = """\
Employee Number,First Name,Last Name,Job Title,Supervisor Employee Number,Employment Status,Original Hire Date,Last Hire Date,Termination Date
100,Ana,Lima,CEO,,Active,2015-01-05,2015-01-05,
101,Bo,Diaz,Engineer,100,Active,2012-10-01,2023-08-14,2019-03-01
102,Cy,Moss,Engineer,100,Active,2016-02-01,2016-02-01,2026-06-30
103,Dee,Park,Analyst,100,Terminated,2017-04-03,2017-04-03,2025-11-28
"""


def test_a_rehired_persons_old_termination_date_does_not_end_their_seat(write: Write) -> None:
    org, notes = import_notes(write("ukg.csv", REHIRED))
    assert org.records["101"].start == date(2023, 8, 14)  # the latest hire date is read
    assert org.records["101"].end is None
    assert org.records["102"].end == date(2026, 6, 30)  # a notice period: still to come
    assert org.records["103"].end == date(2025, 11, 28)  # left, as the status says
    assert list(org.roles) == ["100", "101", "102"]
    assert [n for n in notes if "earlier stint" in n] == [
        "3:9: column 'Termination Date': 1 row's last day (line 3) comes before its latest "
        "hire date, or with a status of someone who works there: read as the end of an "
        "earlier stint (a person hired again), not as a last day"
    ]


def test_an_active_status_beside_a_past_termination_date_is_a_rehire(write: Write) -> None:
    text = (
        "Employee Id,First Name,Last Name,Employee Status,Hire Date,Rehire Date,Term Date,"
        "Job Title,Supervisor\n"
        "1001,Dorian,Hale,A,03/15/2012,,,Chief Executive Officer,\n"
        '1007,Renata,Cruz,A,11/04/2013,04/18/2022,05/20/2020,Plant Manager,"Hale, Dorian"\n'
        '1008,Elias,Vega,A,03/03/2020,,,Production Supervisor,"Cruz, Renata"\n'
        '1010,Lena,Ortiz,T,06/01/2015,,01/31/2024,Buyer,"Hale, Dorian"\n'
    )
    org, notes = import_notes(write("paylocity.csv", text))
    assert org.roles["1007"].holder == "1007"  # not vacant: she works there again
    assert org.records["1007"].start == date(2022, 4, 18)  # her rehire day
    assert org.records["1008"].start == date(2020, 3, 3)  # no rehire: the hire date
    assert org.roles["1008"].reports_to == "1007"
    assert "1010" not in org.roles
    assert any("1 row's last day (line 3)" in n for n in notes)


def test_workday_effective_dated_rows_make_dated_lines(write: Write) -> None:
    org = orgroles.from_csv(write("workday.csv", WORKDAY), preset="workday")
    assert list(org.records) == ["w1", "w2", "w3", "w4"]
    cy = org.records["w3"]
    assert cy.title == "Senior Engineer"  # the latest row
    assert cy.start == date(2021, 5, 3)  # the hire date
    assert cy.reports_to == (
        Line(role="w2", end=date(2023, 3, 31)),
        Line(role="w4", start=date(2023, 4, 1), end=date(2024, 1, 31)),
        Line(role="w2", start=date(2024, 2, 1)),
    )
    assert org.as_of("2023-06-30").roles["w3"].reports_to == "w4"
    assert org.roles["w3"].reports_to == "w2"
    moves = [(c.date, c.before, c.after) for c in org.history() if c.kind == "moved"]
    assert moves == [(date(2023, 4, 1), "w2", "w4"), (date(2024, 2, 1), "w4", "w2")]
    assert "Effective_Date" not in cy.meta


def test_effective_rows_need_a_day_each_and_different_ones(write: Write) -> None:
    text = WORKDAY.replace("w4,2021-05-03,2023-04-01", "w4,2021-05-03,").replace(
        "w2,2021-05-03,2024-02-01", "w2,2021-05-03,2021-05-03"
    )
    with pytest.raises(OrgFileError) as caught:
        orgroles.from_csv(write("workday.csv", text), preset="workday")
    message = str(caught.value)
    assert (
        "workday.csv:6:6: column 'Effective_Date': 'w3' has 3 rows: each needs its effective day"
        in message
    )
    assert (
        "workday.csv:7:6: column 'Effective_Date': 'w3' has two rows effective on 2021-05-03 (first on line 4)"
        in message
    )


def test_odoo_first_contract_and_departure_dates(write: Write) -> None:
    org = orgroles.from_csv(write("odoo.csv", ODOO), preset="odoo")
    assert org.records["hr.e2"].end == date(2026, 3, 31)
    assert list(org.roles) == ["hr.e1"]  # Marc left in March


def test_snapshots_make_one_dated_org(write: Write) -> None:
    files = [write("jan.csv", JAN), write("apr.csv", APR), write("jul.csv", JUL)]
    org = orgroles.from_csv(files, dates=["2026-01-31", "2026-04-30", "2026-07-31"])
    records = org.records
    assert list(records) == ["ceo", "cto", "po", "dev", "cpo"]
    assert records["ceo"].start is None
    assert records["ceo"].end is None
    assert records["dev"].end == date(2026, 4, 29)  # gone from April's
    assert records["cpo"].start == date(2026, 4, 30)  # new in April's
    assert records["po"].reports_to == (
        Line(role="cto", end=date(2026, 4, 29)),
        Line(role="cpo", start=date(2026, 4, 30)),
    )
    assert records["po"].title == "Senior Product Owner"  # the latest snapshot's
    assert records["cto"].holder == (
        Tenure(person="cto", end=date(2026, 7, 30)),
        Tenure(person="fay", start=date(2026, 7, 31)),
    )
    # Each snapshot's day shows that snapshot.
    for day, text in (("2026-01-31", JAN), ("2026-04-30", APR)):
        view = org.as_of(day, today="2026-12-31")
        assert sorted(view.roles) == sorted(line.split(",")[0] for line in text.splitlines()[1:])
    july = org.as_of("2026-07-31")
    assert july.roles["cto"].holder == "fay"
    assert org.people["fay"].name == "Fay Roux"


def test_a_seat_missing_from_one_snapshot_is_kept_vacant_in_between(write: Write) -> None:
    gone = APR.replace("po,Cy Moss,Product Owner,cpo\n", "")
    files = [write("jan.csv", JAN), write("apr.csv", gone), write("jul.csv", JUL)]
    org = orgroles.from_csv(files, dates=["2026-01-31", "2026-04-30", "2026-07-31"])
    po = org.records["po"]
    assert po.start is None
    assert po.end is None
    assert po.holder == (
        Tenure(person="po", end=date(2026, 4, 29)),
        Tenure(person="po", start=date(2026, 7, 31)),
    )
    assert org.as_of("2026-05-15").roles["po"].vacant


def test_snapshot_errors_name_their_file_and_line(write: Write) -> None:
    bad = APR.replace("cpo,Eve Stone,CPO,ceo", "cto,Eve Stone,CPO,ceo")
    files = [write("jan.csv", JAN), write("apr.csv", bad)]
    with pytest.raises(OrgFileError, match=r"apr\.csv:4:1: column 'id': duplicate id 'cto'"):
        orgroles.from_csv(files, dates=["2026-01-31", "2026-04-30"])


def test_snapshot_days_are_one_per_file_in_order(write: Write) -> None:
    files = [write("jan.csv", JAN), write("apr.csv", APR)]
    with pytest.raises(OrgValidationError, match="increasing order"):
        orgroles.from_csv(files, dates=["2026-04-30", "2026-01-31"])
    with pytest.raises(OrgValidationError, match="one day per file"):
        orgroles.from_csv(files, dates=["2026-01-31"])
    with pytest.raises(OrgUsageError, match="give the day of each"):
        orgroles.from_csv(files)


def test_the_command_line_imports_snapshots(run: Cli, write: Write, tmp_path: Path) -> None:
    jan, apr = write("jan.csv", JAN), write("apr.csv", APR)
    target = tmp_path / "org.yaml"
    result = run("import", "csv", jan, apr, "--dates", "2026-01-31,2026-04-30", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert "jan.csv + " in result.stderr
    org = orgroles.load(target)
    assert org.records["po"].reports_to == (
        Line(role="cto", end=date(2026, 4, 29)),
        Line(role="cpo", start=date(2026, 4, 30)),
    )
    failed = run("import", "csv", jan, apr, "-o", tmp_path / "again.yaml")
    assert failed.exit_code == 2
    assert "give the day of each with --dates" in failed.stderr


def test_records_have_dates_too() -> None:
    records: list[dict[str, Any]] = [
        {"Employee_ID": "w1", "Name": "Ana", "Manager_ID": None, "Effective_Date": "2020-01-06"},
        {"Employee_ID": "w2", "Name": "Bo", "Manager_ID": "w1", "Effective_Date": "2020-03-02"},
        {"Employee_ID": "w3", "Name": "Cy", "Manager_ID": "w1", "Effective_Date": "2021-05-03"},
        {"Employee_ID": "w3", "Name": "Cy", "Manager_ID": "w2", "Effective_Date": "2022-05-02"},
    ]
    org = orgroles.from_records(records, preset="workday")
    assert org.records["w3"].reports_to == (
        Line(role="w1", end=date(2022, 5, 1)),
        Line(role="w2", start=date(2022, 5, 2)),
    )
    records[3]["Effective_Date"] = "soon"
    with pytest.raises(
        OrgValidationError, match=r"records\[3\]\['Effective_Date'\]: 'soon' is not a day"
    ):
        orgroles.from_records(records, preset="workday")


@pytest.mark.parametrize("zero", ["0000-00-00", "0000-00-00 00:00:00", "00/00/0000"])
def test_a_databases_day_for_none_is_no_day(
    write: Write, zero: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORGROLES_TODAY", TODAY)
    text = (
        "id,name,reports_to,hired,left\n"
        f"1,Ada Pym,,2015-03-02,{zero}\n2,Bob Quill,1,2016-07-11,{zero}\n"
        "3,Cy Dee,1,2017-01-01,2020-06-30\n"
    )
    path = write("staff.csv", text)
    with pytest.warns(orgroles.OrgImportWarning) as caught:
        org = orgroles.from_csv(path, start_col="hired", end_col="left")
    notes = [
        p
        for w in caught
        if isinstance(w.message, orgroles.OrgImportWarning)
        for p in w.message.problems
    ]
    assert [str(p) for p in notes] == [
        f"{path}:2:5: column 'left': {zero!r}, a database's day for none, read as no day, "
        "and 1 more below"
    ]
    records = org.records
    assert [records[i].end for i in ("1", "2", "3")] == [None, None, date(2020, 6, 30)]
    assert list(org.roles) == ["1", "2"]  # today's: the third left in 2020


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        (
            "DD/MM/YYYY",
            "the date format 'DD/MM/YYYY' has no % directive: write it %d/%m/%Y "
            "(strptime's directives)",
        ),
        ("d.m.y", "the date format 'd.m.y' has no % directive: such as %d/%m/%Y"),
        ("%d/%Q", "the date format '%d/%Q': 'Q' is a bad directive in format '%d/%Q'"),
    ],
)
def test_a_date_format_is_checked_before_the_rows(write: Write, fmt: str, message: str) -> None:
    path = write("staff.csv", "id,hired\n1,02/03/2015\n")
    with pytest.raises(OrgUsageError) as caught:
        orgroles.from_csv(path, start_col="hired", date_format=fmt)
    assert str(caught.value).startswith(message)
    with pytest.raises(OrgUsageError):
        orgroles.from_records(
            [{"id": "1", "hired": "02/03/2015"}], start_col="hired", date_format=fmt
        )


@pytest.mark.parametrize(
    "options",
    [{"preset": "bamboohr"}, {"start_col": "Hire Date"}, {"id_col": "Employee #"}],
)
def test_the_days_are_guessed_with_column_options_too(
    write: Write, options: dict[str, Any]
) -> None:
    """US days under a preset or a column given: 24 "not a day written YYYY-MM-DD"
    errors, where the same file without options imported."""
    text = (
        "Employee #,First Name,Last Name,Job Title,Reporting to,Hire Date\n"
        "1,Ana,Lima,CEO,,04/13/2015\n"
        "2,Bo,Diaz,CTO,Ana Lima,09/21/2015\n"
    )
    if "id_col" in options:
        options = {**options, "name_col": ["First Name", "Last Name"],
                   "manager_name_col": "Reporting to", "start_col": "Hire Date"}  # fmt: skip
    org = orgroles.from_csv(write("bamboo.csv", text), **options)
    assert org.records["2"].start == date(2015, 9, 21)


def test_a_status_that_says_nothing_of_working_there_leaves_the_last_day_read(
    write: Write,
) -> None:
    # France's "Statut" is Cadre or Non-cadre; BambooHR's "Employment Status" Full-Time:
    # neither says the person works there, so a past last day is the day they left.
    text = (
        "Matricule;Nom;Prénom;Emploi;Date d'entrée;Date de sortie;Responsable hiérarchique;"
        "Statut\n"
        "001;LIMA;Ana;Présidente;03/03/2014;;;Cadre\n"
        "002;DIAZ;Bo;Directeur technique;15/09/2016;;LIMA Ana;Cadre\n"
        "003;MOSS;Cy;Développeur;14/01/2019;30/06/2025;DIAZ Bo;Non-cadre\n"
    )
    org, notes = import_notes(write("silae.csv", text))
    assert org.records["003"].end == date(2025, 6, 30)
    assert "003" not in org.as_of("2026-01-01").roles
    assert not any("earlier stint" in n for n in notes)
    text = (
        "Employee #,First Name,Last Name,Employment Status,Hire Date,Termination Date,"
        "Job Title,Supervisor EID\n"
        "1,Ana,Lima,Full-Time,2014-03-03,,CEO,\n"
        "2,Bo,Diaz,Full-Time,2016-09-15,2024-05-31,CTO,1\n"
        "3,Cy,Moss,On Leave,2019-01-14,2020-02-01,Engineer,1\n"
    )
    org, notes = import_notes(write("bamboo.csv", text))
    assert org.records["2"].end == date(2024, 5, 31)  # Full-Time: the day Bo left
    assert org.records["3"].end is None  # on leave: works there, hired again
    assert any("1 row's last day (line 4)" in n for n in notes)
