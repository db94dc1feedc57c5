"""CSV exports of reports: a title above the header, totals below the rows, no rows at all.

A report saved as CSV carries lines that are not rows. The import leaves them out and
says so, line by line; a row that only looks like one (one value, in a table that
writes all its delimiters) is kept. Every person here is invented.
"""

from __future__ import annotations

import pickle
import warnings

import pytest

import orgroles
from orgroles import OrgFileError
from orgroles.errors import Location, Problem
from orgroles.importers.csv_read import read_table

from tests.helpers import Cli, Write, import_notes

HEADER = "Employee #,First Name,Last Name,Job Title,Supervisor EID\n"
ROWS = "1,Ada,Pym,CEO,\n2,Bob,Quill,CTO,1\n3,Cy,Dee,Developer,2\n"


def _import(write: Write, text: str) -> tuple[orgroles.Org, list[str]]:
    """The org of a BambooHR-shaped report, and its import's notes (without the path)."""
    org, notes = import_notes(write("report.csv", text), preset="bamboohr")
    return org, notes


@pytest.mark.parametrize(
    ("title", "line"),
    [
        ("Employee Report - generated 2025-03-01\n", 1),  # no delimiter at all
        ("Headcount report,,,,\n", 1),  # padded by a spreadsheet
        ("Acme Ltd\nHeadcount report\n\n", 2),  # two lines, and a blank one
    ],
)
def test_a_title_above_the_header_is_left_out_with_a_warning(
    write: Write, title: str, line: int
) -> None:
    org, notes = _import(write, title + HEADER + ROWS)
    assert list(org.roles) == ["1", "2", "3"]
    assert org.roles["3"].reports_to == "2"
    assert len(notes) == line
    last = title.strip().splitlines()[-1].strip(",")
    assert notes[-1] == (
        f"{line}: left out {last!r}, a line with one value "
        f"above the header (line {title.count(chr(10)) + 1}): a report's title?"
    )


def test_a_payrolls_total_and_headcount_lines_are_both_left_out(write: Write) -> None:
    # Before: "Effectif : 3" was a person, and so the "Total" line above it was one too.
    org, notes = _import(write, HEADER + ROWS + "Total,3 500,,,\nEffectif : 3,,,,\n")
    assert list(org.roles) == ["1", "2", "3"]
    assert [n.split(":")[0] for n in notes] == ["5", "6"]


@pytest.mark.parametrize(
    ("footer", "lines"),
    [
        ("Total: 3 employees\nReport generated 2026-11-01\n", [5, 6]),  # no delimiters
        ("\nTotal: 3 employees,,,,\n", [6]),  # padded, under a blank line
        ("\n\nConfidential\n", [7]),
        ("Effectif : 3,,,,\n", [5]),  # a French payroll's footer: padded, no blank line
    ],
)
def test_totals_below_the_rows_are_left_out_with_a_warning(
    write: Write, footer: str, lines: list[int]
) -> None:
    org, notes = _import(write, HEADER + ROWS + footer)
    assert list(org.roles) == ["1", "2", "3"]
    assert [n.split(":")[0] for n in notes] == [str(n) for n in lines]
    assert all("a line with one value below the rows: a report's totals" in n for n in notes)


@pytest.mark.parametrize(
    ("footer", "line", "shown"),
    [
        ("Total,3 employees,,,\n", 5, "'Total, 3 employees', a line with 2 values"),
        ("\nGrand Total:,,,,3\n", 6, "'Grand Total:, 3', a line with 2 values"),
        ("Summe,3,,,\n", 5, "'Summe, 3', a line with 2 values"),
        ("Headcount,3,,,\n", 5, "'Headcount, 3', a line with 2 values"),
        ("Effectif,3,,,\n", 5, "'Effectif, 3', a line with 2 values"),
    ],
)
def test_a_totals_line_with_several_values_is_left_out_with_a_warning(
    write: Write, footer: str, line: int, shown: str
) -> None:
    org, notes = _import(write, HEADER + ROWS + footer)
    assert list(org.roles) == ["1", "2", "3"]
    first = shown.split("'")[1].split(",")[0]
    assert notes == [
        f"{line}: left out {shown} below the rows that starts with {first!r}: a report's totals?"
    ]


@pytest.mark.parametrize(
    "last",
    [
        "Suma Patel,suma@x.example,ana@x.example,,,",  # a given name, a new hire's row
        "Gesamtleitung Werk Nord,g2,g1,,,",  # a title that starts with a totals word
        "Total Rewards Team,rewards@x.example,ana@x.example,,,",
        "Total,rewards@x.example,,,,",  # an email: a row, whatever its first value
    ],
)
def test_a_sparse_last_row_that_starts_like_a_total_is_a_row(write: Write, last: str) -> None:
    text = "Name,Email,Manager Email,Job Title,Department,Location\n"
    text += "Ana Lima,ana@x.example,,CEO,Exec,Lisbon\n" + last + "\n"
    table = read_table(text, "staff.csv")
    assert len(table.rows) == 2
    assert table.notes == []


def test_a_row_whose_first_value_starts_with_total_but_that_fills_its_columns_is_a_row(
    write: Write,
) -> None:
    text = "Job Title,Employee #,First Name,Last Name,Supervisor EID\n"
    text += "CEO,1,Ada,Pym,\nCTO,2,Bob,Quill,1\nTotal Rewards Manager,3,Cy,Dee,1\n"
    org, notes = _import(write, text)
    assert list(org.roles) == ["1", "2", "3"]
    assert notes == []


def test_a_last_row_with_one_value_and_all_its_delimiters_is_a_row(write: Write) -> None:
    # What orgroles' own export (and any tool writing a table) gives for a bare role.
    org, notes = _import(write, HEADER + ROWS + "open seat 4,,,,\n")
    assert list(org.roles) == ["1", "2", "3", "open seat 4"]
    assert notes == []


def test_a_two_column_file_keeps_a_last_row_without_its_delimiter(write: Write) -> None:
    text = "id,reports_to\ncto,ceo\nceo\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        org = orgroles.from_csv(write("org.csv", text))
    assert [(r.id, r.reports_to) for r in org] == [("cto", "ceo"), ("ceo", None)]


def test_a_header_without_rows_warns_that_the_org_is_empty(write: Write) -> None:
    org, notes = _import(write, HEADER)
    assert len(org) == 0
    assert notes == ["1: the file has a header but no rows under it: the org is empty"]


def test_a_title_line_with_the_delimiter_in_it_is_left_out_with_a_warning(write: Write) -> None:
    # The title holds a comma: two values, above a header of four names.
    text = "Headcount report, March 2025\nid,name,title,reports_to\n1,Ada Pym,CEO,\n"
    org, notes = import_notes(write("org.csv", text + "2,Bob Quill,CTO,1\n"))
    assert [(r.id, r.title, r.reports_to) for r in org] == [
        ("1", "CEO", None),
        ("2", "CTO", "1"),
    ]
    assert notes == [
        "1: left out 'Headcount report, March 2025', a line with 2 values, fewer than the "
        "header's, above the header (line 2): a report's title?"
    ]


def test_a_line_that_names_groups_of_columns_above_the_header_is_left_out(
    write: Write,
) -> None:
    text = "Employee,,Position,\nid,name,title,reports_to\n1,Ada Pym,CEO,\n2,Bob Quill,CTO,1\n"
    org, notes = import_notes(write("org.csv", text))
    assert [(r.id, r.title, r.reports_to) for r in org] == [("1", "CEO", None), ("2", "CTO", "1")]
    assert notes[0] == (
        "1: left out 'Employee, Position', a line with 2 values, fewer than the header's, "
        "above the header (line 2): a report's title, or names over groups of its columns?"
    )


def test_a_header_with_an_unnamed_column_is_not_taken_for_groups(write: Write) -> None:
    # Three names of four: a header with one column unnamed, over rows of words.
    text = "Email,Name,,Manager Email\nana@x.example,Ana Lima,CEO,bo@x.example\n"
    text += "bo@x.example,Bo Diaz,CTO,\n"
    path = write("org.csv", text)
    org, notes = import_notes(
        path, id_col="Email", email_col="Email", manager_email_col="Manager Email"
    )
    assert list(org.roles) == ["ana@x.example", "bo@x.example"]
    assert notes == []


@pytest.mark.parametrize(
    "second",
    [
        "1,Ada Pym,CEO,\n",  # a row (a number, an empty cell), not a header
        "id,name,name,reports_to\n",  # a name twice
        "2025-03-01,name,title,reports_to\n",  # a date
    ],
)
def test_a_short_first_line_stays_the_header_unless_the_next_reads_as_one(
    write: Write, second: str
) -> None:
    text = "id,name\n" + second + "2,Bob Quill,CTO,1\n"
    path = write("org.csv", text)
    with pytest.raises(OrgFileError, match=r"org.csv:1: the header has 2 columns but every row"):
        orgroles.from_csv(path)


def test_one_long_row_still_names_its_own_line(write: Write) -> None:
    text = "id,title\nceo,CEO\ncto,Chief, Technology\n"
    with pytest.raises(OrgFileError, match=r"org.csv:3:3: 3 values but the header has 2"):
        orgroles.from_csv(write("org.csv", text))


def test_the_command_line_prints_the_lines_it_left_out(write: Write, run: Cli) -> None:
    path = write("report.csv", "Staff list\n" + HEADER + ROWS + "\nTotal: 3,,,,\n")
    out = path.with_name("org.yaml")
    result = run("import", "csv", path, "--preset", "bamboohr", "-o", out)
    assert result.exit_code == 0
    assert "report.csv:1: left out 'Staff list'" in result.stderr
    assert "report.csv:7: left out 'Total: 3'" in result.stderr
    assert "3 roles, 3 people" in result.stderr
    assert orgroles.load(out).roles.keys() == {"1", "2", "3"}


def test_a_line_of_white_space_above_the_header_is_no_title(write: Write) -> None:
    # Found by the property test of any bytes: a vertical tab is a value, but no text.
    path = write("org.csv", "\x0b\nid,name,title\n1,Ana Lima,CEO\n2,Bo Diaz,CTO\n")
    with pytest.raises(OrgFileError, match=r"org\.csv:1: the header has 1 columns"):
        orgroles.from_csv(path)


def test_an_import_warning_made_again_from_its_message_says_the_same(write: Write) -> None:
    """pytest-xdist (and other tools) carry a warning as `type(w)(*w.args)`: it showed
    its text one character a line."""
    with pytest.warns(orgroles.OrgImportWarning) as caught:
        orgroles.from_csv(write("header.csv", "id,boss\n"), id_col="id")
    many = orgroles.OrgImportWarning(
        [
            Problem(f"no row has the manager id 'ghost-{i}'", Location("a.csv", i + 2, 3))
            for i in range(12)
        ]
    )
    for warning in [*(r.message for r in caught), many]:
        assert isinstance(warning, orgroles.OrgImportWarning)
        again = type(warning)(*warning.args)
        assert str(again) == str(warning)
        assert str(pickle.loads(pickle.dumps(warning))) == str(warning)
    assert "header but no rows" in str(caught[0].message)
    assert str(many).endswith("... and 2 more")


def test_adps_report_title_total_and_trailing_delimiters_are_read(write: Write) -> None:
    """ADP's directory report: two title lines, every line ending with a delimiter (the
    header too: one empty cell after its last name), and "Total Associates: 3" below.
    The header was taken for a one-column title's width, then the total for a person."""
    text = (
        "Kite Logistics LLC - Employee Directory\r\n"
        "Report generated on 11/28/2026 08:02 AM\r\n"
        "Payroll Name,Associate ID,Job Title Description,Reports To Name,\r\n"
        '"Lima, Ana",G1,Chief Executive Officer,,\r\n'
        '"Diaz, Bo",G2,Chief Technology Officer,"Lima, Ana",\r\n'
        '"Park, Cy",G3,Developer,"Diaz, Bo",\r\n'
        "Total Associates: 3,,,,\r\n"
    )
    org, notes = import_notes(write("adp.csv", text))
    assert list(org.roles) == ["G1", "G2", "G3"]
    assert org.roles["G3"].reports_to == "G2"
    assert [n.split(":")[0] for n in notes if "left out" in n] == ["1", "2", "7"]


@pytest.mark.parametrize(
    "footer",
    [
        ",Total: 3,,,\n,Notes: contractors not listed,,,\n",  # under the names, then notes
        ",,,Updated 3/4/2026 by Kim,\n",  # the note alone, in another column
        "Total: 3,,,,\nAs of 31/01/2026,,,,\nSource: payroll,,,,\n",
    ],
)
def test_a_sheets_totals_and_notes_in_any_column_are_left_out(write: Write, footer: str) -> None:
    # Before: a totals line followed by a note, or a note written with all its
    # delimiters, was a person ("Total: 3" reporting to nobody).
    org, notes = _import(write, HEADER + ROWS + footer)
    assert list(org.roles) == ["1", "2", "3"]
    assert len(notes) == footer.count("\n")
    assert all("below the rows: a report's totals or notes?" in n for n in notes)


def test_a_last_row_named_like_a_note_word_without_its_colon_is_a_row(write: Write) -> None:
    org, notes = _import(write, HEADER + ROWS + "Nota Brandt,,,,\n")
    assert len(org.roles) == 4
    assert notes == []


def test_a_header_repeated_among_the_rows_is_left_out_with_a_warning(write: Write) -> None:
    # Two tables one after the other (two companies, two teams), or a header printed on
    # each page: before, the second header was a person named "First Name Last Name".
    text = "Northwind\n" + HEADER + ROWS + "\nSouthbank\n" + HEADER + "4,Eli,Fox,CFO,1\n"
    text += HEADER + "5,Flo,Gil,Accountant,4\n"
    org, notes = _import(write, text)
    assert list(org.roles) == ["1", "2", "3", "4", "5"]
    assert org.roles["5"].reports_to == "4"
    (repeat,) = [n for n in notes if "repeats" in n or "repeat the header" in n]
    assert repeat == (
        "8: left out 2 lines (8 and 10) that repeat the header (line 2): a second table "
        "under the first, or a header printed on each page? The rows under it are read "
        "as the first table's"
    )


def test_a_group_header_whose_cells_merge_down_over_the_header_is_left_out(
    write: Write,
) -> None:
    # A workbook reads a cell merged down over two header rows on both ("Department"
    # over "Department"): before, the group line had more than half its cells filled,
    # was taken for the header, and the import was an error ("no id column").
    text = (
        "Who's who,,,,\n,,,,\nDepartment,Person,,Reports to,\n"
        "Department,First name,Last name,Reports to,Since\n"
        "Board,Ilse,Varga,,Jan 2020\nTech,Odo,Brandt,Ilse,Mar 2021\nTech,Pia,Kessler,Odo,\n"
    )
    org, notes = import_notes(write("team.csv", text))
    assert [(r.id, r.reports_to) for r in org] == [
        ("Ilse Varga", None),
        ("Odo Brandt", "Ilse Varga"),
        ("Pia Kessler", "Odo Brandt"),
    ]
    assert notes[1].startswith("3: left out 'Department, Person, Reports to', a line with 3")
