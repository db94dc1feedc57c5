"""Excel workbooks (.xlsx) import as their first sheet's CSV would, or as the sheet that
`--sheet` names. Every person here is invented."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

import orgroles
from orgroles.errors import MissingExtraError, OrgFileError, OrgUsageError
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
    guessed, problem = caught.value.problems  # how the columns were read, then the error
    assert guessed.code == "columns-guessed"
    assert problem.location is not None
    assert (problem.location.path, problem.location.line) == (str(path), 6)
    assert "duplicate id '1002'" in problem.message


def test_the_text_of_the_first_sheet(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "staff.xlsx", [HEADER, ROWS[0], ROWS[3]])
    text, [note] = workbook_text(str(path))
    assert note.code == "first-sheet"
    assert text.splitlines() == [
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


def _three_sheets(path: Path) -> Path:
    """A workbook whose staff is on its second sheet, after a cover sheet."""
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Read me"
    cover.append(["Exported from the HR tool on 2026-11-01"])
    staff = book.create_sheet("Staff list")
    for row in [HEADER, *ROWS]:
        staff.append(row)
    book.create_sheet("Totals").append(["Headcount", 4])
    book.save(path)
    return path


def test_several_sheets_read_the_first_and_say_so(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "staff.xlsx", [HEADER, *ROWS])
    _, notes = import_notes(path)
    assert notes[0] == (
        " the workbook has 2 sheets: read the first, 'Staff' (not 'Notes'); --sheet (sheet=) "
        "names another"
    )
    one = openpyxl.Workbook()
    for row in [HEADER, *ROWS]:
        one.active.append(row)
    one.save(tmp_path / "one.xlsx")
    _, notes = import_notes(tmp_path / "one.xlsx")
    assert not any("sheets" in n for n in notes)  # one sheet: nothing to say


@pytest.mark.parametrize("sheet", ["Staff list", "staff LIST", "2"])
def test_sheet_names_the_sheet_to_read_by_name_or_number(tmp_path: Path, sheet: str) -> None:
    path = _three_sheets(tmp_path / "export.xlsx")
    org, notes = import_notes(path, sheet=sheet)
    assert [(r.id, r.reports_to) for r in org][:2] == [("1001", None), ("1002", "1001")]
    assert not any("sheets" in n for n in notes)


def test_a_sheet_that_is_not_there_is_an_error_that_lists_them(tmp_path: Path) -> None:
    path = _three_sheets(tmp_path / "export.xlsx")
    for sheet in ("Staff", "4", "0"):
        with pytest.raises(OrgFileError) as caught:
            orgroles.from_csv(path, sheet=sheet)
        [problem] = caught.value.problems
        assert problem.code == "no-sheet"
        assert problem.message == (
            f"no sheet {sheet!r} in the workbook: its sheets are 'Read me', 'Staff list', "
            "'Totals' (a name, or a number from 1 to 3)"
        )


def test_sheet_with_a_csv_file_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("id,name,manager_id\n1,Ava Lind,\n", encoding="utf-8")
    with pytest.raises(OrgUsageError, match="names a sheet of an Excel workbook"):
        orgroles.from_csv(path, sheet="Staff")


def test_the_command_line_takes_sheet(run: Cli, tmp_path: Path) -> None:
    path = _three_sheets(tmp_path / "export.xlsx")
    out = tmp_path / "org.yaml"
    result = run("import", "csv", path, "--sheet", "Staff list", "-o", out)
    assert result.exit_code == 0, result.output
    assert "4 roles, 3 people, 2 teams, 1 vacancy" in result.output
    missing = run("import", "csv", path, "--sheet", "Staf", "-o", tmp_path / "x.yaml")
    assert missing.exit_code == 2
    assert "no sheet 'Staf' in the workbook" in missing.output
    assert "Traceback" not in missing.output


def _with_dimension(path: Path, ref: str) -> Path:
    """The workbook with the size its first sheet declares set to `ref` (as some tools
    write it: wrong)."""
    import re
    import zipfile

    out = path.with_name(f"declared-{path.name}")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), data
                )
            target.writestr(item, data)
    return out


def test_a_sheet_is_read_as_its_cells_whatever_size_it_declares(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "staff.xlsx", [HEADER, ROWS[1]])
    book = openpyxl.load_workbook(path)
    book["Staff"]["Z300"].font = openpyxl.styles.Font(bold=True)  # formatted, empty
    book.save(path)
    expected = [
        "Employee ID,Name,Job Title,Manager ID,Department,Hire Date",
        "1002,Ben Oka,CTO,1001,Tech,2020-01-06",
    ]
    assert workbook_text(str(path), "Staff")[0].splitlines() == expected
    # sixteen thousand columns declared: the cells are still read as the file holds them
    wide = _with_dimension(path, "A1:XFD1048576")
    assert workbook_text(str(wide), "Staff")[0].splitlines() == expected


def test_rows_are_as_wide_as_the_widest(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "staff.xlsx", [["id", "name"], [1, "Ava Lind", None, "x"]])
    assert workbook_text(str(path), "Staff")[0].splitlines() == ["id,name,,", "1,Ava Lind,,x"]


def test_a_sheet_of_too_many_rows_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orgroles.importers import xlsx

    monkeypatch.setattr(xlsx, "MAX_ROLES", 2)
    path = _workbook(tmp_path / "staff.xlsx", [HEADER, *ROWS])
    with pytest.raises(OrgFileError) as caught:
        orgroles.from_csv(path)
    [problem] = caught.value.problems
    assert (problem.code, problem.message) == ("too-large", "too many rows (more than 2)")
    assert problem.location is not None
    assert problem.location.line == 3


def _chart_first(path: Path) -> Path:
    """A workbook whose first tab is a chart of the staff sheet."""
    from openpyxl.chart import BarChart, Reference

    book = openpyxl.Workbook()
    staff = book.active
    staff.title = "Staff"
    for row in [HEADER, *ROWS]:
        staff.append(row)
    chart = BarChart()
    chart.add_data(Reference(staff, min_col=1, min_row=1, max_row=3))
    book.create_chartsheet("Headcount", 0).add_chart(chart)
    book.save(path)
    return path


def test_a_chart_is_not_read_as_a_sheet_of_rows(tmp_path: Path) -> None:
    path = _chart_first(tmp_path / "staff.xlsx")
    org, notes = import_notes(path)
    assert len(org.roles) == 4
    assert notes[0] == (
        " the workbook has 2 sheets: read the first sheet of rows, 'Staff' (not "
        "'Headcount'); --sheet (sheet=) names another"
    )
    assert len(import_notes(path, sheet=2)[0].roles) == 4  # a number, as Python gives it
    with pytest.raises(OrgFileError, match="the sheet 'Headcount' is a chart, not rows"):
        orgroles.from_csv(path, sheet=1)


def test_an_instructions_sheet_first_is_not_read_as_the_rows(tmp_path: Path) -> None:
    # Before: its lines of text were the header and rows, and the import an error.
    book = openpyxl.Workbook()
    notes_tab = book.active
    notes_tab.title = "Instructions"
    notes_tab.append(["Fill in the sheet 'Staff'. Do not change the headers."])
    notes_tab.append([])
    notes_tab.append(["Last updated: 12.02.2026"])
    staff = book.create_sheet("Staff")
    for row in [HEADER, *ROWS]:
        staff.append(row)
    book.create_sheet("Leavers").append(HEADER)
    book.save(tmp_path / "staff.xlsx")
    org, notes = import_notes(tmp_path / "staff.xlsx")
    assert len(org.roles) == 4
    assert notes[0] == (
        " the workbook has 3 sheets: read the first sheet of rows, 'Staff' (not "
        "'Instructions', 'Leavers'); --sheet (sheet=) names another"
    )
    assert len(import_notes(tmp_path / "staff.xlsx", sheet=2)[0].roles) == 4


def test_a_first_sheet_of_one_column_is_read_when_no_sheet_has_more(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Names"
    for row in [["id"], ["a1"], ["a2"]]:
        book.active.append(row)
    book.create_sheet("Notes").append(["see the first sheet"])
    book.save(tmp_path / "ids.xlsx")
    text, notes = workbook_text(str(tmp_path / "ids.xlsx"))
    assert text == "id\na1\na2\n"
    assert "read the first, 'Names'" in notes[0].message


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param({"xl/workbook.xml": b"<workbook>"}, id="cut-short XML"),
        pytest.param({"xl/worksheets/sheet1.xml": b"not XML at all"}, id="a sheet not XML"),
        pytest.param({"xl/_rels/workbook.xml.rels": b"<Relationships/>"}, id="no sheets"),
    ],
)
def test_a_damaged_workbook_is_an_error_not_a_traceback(
    tmp_path: Path, damage: dict[str, bytes], run: Cli
) -> None:
    import zipfile

    good = _workbook(tmp_path / "good.xlsx", [HEADER, *ROWS])
    path = tmp_path / "staff.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            target.writestr(item, damage.get(item.filename, source.read(item.filename)))
    with pytest.raises(OrgFileError) as caught:
        orgroles.from_csv(path)
    [problem] = caught.value.problems
    assert problem.message.startswith("not a readable Excel workbook (")
    assert problem.message.endswith('or save the sheet as "CSV UTF-8"')
    result = run("import", "csv", path, "-o", tmp_path / "org.yaml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_cell_merged_down_a_column_is_read_on_each_of_its_rows(tmp_path: Path) -> None:
    # A sheet made by hand writes a department once, merged down beside its people: it was
    # read on its first row only (one Tech member of three). Headings merged across the
    # header's columns stay as they are.
    heading: list[object] = ["People", None, None, "Reporting", None, None]
    dev: list[object] = [1005, "Dev Roe", "Engineer", 1002, None, None]
    path = tmp_path / "merged.xlsx"
    _workbook(path, [heading, HEADER, *ROWS, dev])
    book = openpyxl.load_workbook(path)
    sheet = book["Staff"]
    for row in range(5, 8):  # Tech written once, on Ben's row (4), merged down to Dev's
        sheet.cell(row=row, column=5).value = None
    sheet.merge_cells("E4:E7")
    sheet.merge_cells("A1:C1")
    book.save(path)
    text, _ = workbook_text(str(path))
    assert text.splitlines()[0] == "People,,,Reporting,,"
    org, _ = import_notes(path)
    assert {t.name: len(t.members) for t in org.teams.values()} == {"Exec": 1, "Tech": 4}
