"""Excel workbooks (.xlsx) import as their first sheet's CSV would. Every person here is
invented."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

import orgroles
from orgroles.errors import MissingExtraError, OrgFileError
from orgroles.importers.xlsx import workbook_text

from tests.helpers import Cli, import_notes

openpyxl = pytest.importorskip("openpyxl")

HEADER: list[object] = ["Employee ID", "Name", "Job Title", "Manager ID", "Department", "Hire Date"]
ROWS: list[list[object]] = [
    [1001, "Ava Lind", "Chief Executive\nOfficer", None, "Exec", datetime.datetime(2019, 3, 4)],
    [1002, "Ben Oka", "CTO", 1001, "Tech", datetime.datetime(2020, 1, 6)],
    [1003, "TBH", "Senior Engineer", 1002, "Tech", None],
    [1004, "Cleo Marr", "Software Engineer", 1002.0, "Tech", datetime.date(2021, 5, 3)],
]


def _workbook(path: Path, rows: list[list[object]], *, first: str = "Staff") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = first
    for row in rows:
        sheet.append(row)
    book.create_sheet("Notes").append(["not the staff"])
    book.save(path)
    return path


def test_a_workbook_imports_as_its_first_sheet(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "staff.xlsx", [HEADER, *ROWS])
    org, notes = import_notes(path)
    assert [(r.id, r.reports_to) for r in org] == [
        ("1001", None),
        ("1002", "1001"),
        ("1003", "1002"),
        ("1004", "1002"),
    ]
    assert org.roles["1001"].title == "Chief Executive Officer"  # the line break: a space
    assert org.roles["1001"].kind == "ceo"
    assert org.records["1002"].start == datetime.date(2020, 1, 6)
    assert org.roles["1003"].holder is None  # "TBH": a vacant seat
    assert sorted(t.name for t in org.teams.values()) == ["Exec", "Tech"]
    # Notes name the sheet's rows: TBH is on row 4.
    assert any(n.startswith("4:2: column 'Name': the name 'TBH'") for n in notes)


def test_its_problems_are_at_the_sheets_rows(tmp_path: Path) -> None:
    repeat: list[object] = [1002, "Dee Vo", "Designer", 1001, "Tech", None]  # a repeated id
    rows = [HEADER, *ROWS, repeat]
    path = _workbook(tmp_path / "staff.xlsx", rows)
    with pytest.raises(OrgFileError) as caught:
        orgroles.from_csv(path)
    [problem] = caught.value.problems
    assert problem.location is not None
    assert (problem.location.path, problem.location.line) == (str(path), 6)
    assert "duplicate id '1002'" in problem.message


def test_the_text_of_the_first_sheet(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "staff.xlsx", [HEADER, ROWS[0], ROWS[3]])
    assert workbook_text(str(path)).splitlines() == [
        "Employee ID,Name,Job Title,Manager ID,Department,Hire Date",
        "1001,Ava Lind,Chief Executive Officer,,Exec,2019-03-04",
        "1004,Cleo Marr,Software Engineer,1002,Tech,2021-05-03",
    ]


def test_the_command_line_reads_it(run: Cli, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "staff.xlsx", [HEADER, *ROWS])
    out = tmp_path / "org.yaml"
    result = run("import", "csv", path, "-o", out)
    assert result.exit_code == 0, result.output
    assert "4 roles, 3 people, 2 teams, 1 vacancy" in result.output
    assert len(orgroles.load(out)) == 4


def test_a_broken_workbook_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "staff.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(OrgFileError, match="not a readable Excel workbook"):
        orgroles.from_csv(path)
    with pytest.raises(OrgFileError, match="no such file"):
        orgroles.from_csv(tmp_path / "missing.xlsx")


def test_without_openpyxl_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _workbook(tmp_path / "staff.xlsx", [HEADER, *ROWS])
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl fails
    with pytest.raises(MissingExtraError, match=r"pip install 'orgroles\[excel\]'"):
        orgroles.from_csv(path)
