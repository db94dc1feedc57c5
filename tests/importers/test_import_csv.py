"""CSV import: made-up exports in the shapes real tools write, and every way they go wrong.

Every person here is invented.
"""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgroles
from orgroles import OrgFileError, OrgImportWarning, OrgValidationError
from orgroles.importers.columns import Columns, Lookup
from orgroles.importers.csv_read import read_table, sniff_delimiter

from tests.helpers import Cli, Write

BAMBOO = """\
Employee #,First Name,Last Name,Job Title,Reporting to,Department,Work Email,Hire Date
0001,Ines ,Marlow,Chief Executive Officer ,,Leadership,ines@acme.example,2015-03-02
0002,Tobias,Keller,CTO,Ines Marlow,Engineering,tobias@acme.example,2016-07-11
0003,Priya,Anand,Software Engineer,Tobias Keller,Engineering,priya@acme.example,2019-01-07
0004,Lucas,Ferreira,"Designer, Brand",Ines Marlow,Marketing,,2020-05-18
0005,Mei,Tanaka,Software Engineer,Tobias Keller,Engineering,mei@acme.example,2021-09-01
"""

# What a French spreadsheet writes: a byte order mark, semicolons, CRLF, commas in values.
FRENCH = (
    "\ufeffMatricule;Prénom;Nom;Poste;Responsable;Service\r\n"
    "0001;Hélène;Dubois;Présidente;;Direction\r\n"
    "0002;Jérôme;Lefèvre;Directeur technique;0001;R&D\r\n"
    '0003;Zoé;Garnier;"Développeuse ""full stack"", senior";0002;R&D\r\n'
    "0004;Théo;Rivière;Comptable;0001;Finance, contrôle\r\n"
)
FRENCH_COLUMNS: dict[str, Any] = {
    "id_col": "Matricule",
    "name_col": ["Prénom", "Nom"],
    "title_col": "Poste",
    "manager_col": "Responsable",
    "department_col": "Service",
}


def test_a_bamboohr_shaped_export_imports_with_its_preset(write: Write) -> None:
    org = orgroles.from_csv(write("staff.csv", BAMBOO), preset="bamboohr")
    assert list(org.roles) == ["0001", "0002", "0003", "0004", "0005"]
    assert [(r.id, r.reports_to) for r in org] == [
        ("0001", None),
        ("0002", "0001"),
        ("0003", "0002"),
        ("0004", "0001"),
        ("0005", "0002"),
    ]
    assert org.people["0001"].name == "Ines Marlow"  # "Ines " trimmed, then joined
    assert org.people["0001"].email == "ines@acme.example"
    assert org.people["0004"].email is None  # an empty cell is absent
    assert org.roles["0001"].title == "Chief Executive Officer"
    assert org.roles["0004"].title == "Designer, Brand"
    assert org.roles["0003"].holder == "0003"
    assert org.roles["0003"].meta == {}  # the hire date is the seat's first day
    assert org.records["0003"].start == date(2019, 1, 7)
    assert {t.name: list(t.members) for t in org.teams.values()} == {
        "Leadership": ["0001"],
        "Engineering": ["0002", "0003", "0005"],
        "Marketing": ["0004"],
    }
    assert list(org.teams) == ["leadership", "engineering", "marketing"]
    assert org.name == "staff"


def test_a_semicolon_file_with_a_bom_and_crlf_imports(write: Write) -> None:
    path = write("equipe.csv", FRENCH.encode("utf-8"))
    org = orgroles.from_csv(path, **FRENCH_COLUMNS)
    assert list(org.roles) == ["0001", "0002", "0003", "0004"]  # no BOM in the first id
    assert org.people["0002"].name == "Jérôme Lefèvre"
    assert org.roles["0003"].title == 'Développeuse "full stack", senior'
    assert org.roles["0003"].reports_to == "0002"
    assert [t.name for t in org.teams.values()] == ["Direction", "R&D", "Finance, contrôle"]
    assert list(org.teams) == ["direction", "r-d", "finance-contrôle"]


def test_the_delimiter_is_sniffed() -> None:
    assert sniff_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"
    assert sniff_delimiter("a|b\n1|x, y\n") == "|"
    assert sniff_delimiter("a,b\n1,2\n") == ","
    assert sniff_delimiter('"x;y",b\n1,2\n') == ","  # a delimiter inside quotes is text


def test_quoted_values_hold_commas_quotes_and_line_breaks(write: Write) -> None:
    text = (
        "id,name,title,boss,notes\n"
        '1,"Okafor, Ada","Head of ""Special"" Projects",,"line one\nline two"\n'
        "2,Bo,Engineer,1,plain\n"
    )
    org = orgroles.from_csv(
        write("q.csv", text), id_col="id", name_col="name", title_col="title", manager_col="boss"
    )
    assert org.people["1"].name == "Okafor, Ada"
    assert org.roles["1"].title == 'Head of "Special" Projects'
    assert org.roles["1"].meta == {"notes": "line one\nline two"}
    assert org.location_of("2") == orgroles.Location(str(write("q.csv", text)), 4, 1)


def test_a_title_or_a_name_broken_over_lines_in_its_cell_is_on_one_line(write: Write) -> None:
    # The title kept its line break ('Chief Financial\nOfficer'): a box of two lines, a
    # title no pattern read; the Excel reader already joined them.
    text = 'id,name,title,boss\n1,"Ada\r\nOkafor","Chief Financial\n  Officer",\n'
    org = orgroles.from_csv(
        write("q.csv", text), id_col="id", name_col="name", title_col="title", manager_col="boss"
    )
    assert (org.people["1"].name, org.roles["1"].title, org.roles["1"].kind) == (
        "Ada Okafor",
        "Chief Financial Officer",
        "cfo",
    )


def test_ids_are_text_and_keep_their_zeros(write: Write) -> None:
    text = "id,boss\n0001,\n007,0001\n1e3,007\nNO,007\n"
    org = orgroles.from_csv(write("ids.csv", text), id_col="id", manager_col="boss")
    assert list(org.roles) == ["0001", "007", "1e3", "NO"]
    assert org.roles["007"].reports_to == "0001"
    assert not org.index.dangling
    dumped = orgroles.loads(org.dumps())
    assert list(dumped.roles) == ["0001", "007", "1e3", "NO"]


def test_unmapped_columns_go_into_meta_as_written(write: Write) -> None:
    text = "id,Site,Badge , ,Notes\n1,Lyon,0042,,  spaced  \n"
    org = orgroles.from_csv(write("m.csv", text), id_col="id")
    # Header names are trimmed; values are kept as written; empty cells are absent.
    assert org.roles["1"].meta == {"Site": "Lyon", "Badge": "0042", "Notes": "  spaced  "}


def test_blank_and_short_rows(write: Write) -> None:
    text = "id,title,boss\n\n1,CEO\n,,\n2,CTO,1\n"
    org = orgroles.from_csv(
        write("b.csv", text), id_col="id", title_col="title", manager_col="boss"
    )
    assert [(r.id, r.title, r.reports_to) for r in org] == [("1", "CEO", None), ("2", "CTO", "1")]
    assert org.source is not None
    assert org.location_of("2") == orgroles.Location(str(org.source.path), 5, 1)


def test_trailing_empty_cells_beyond_the_header_are_ignored(write: Write) -> None:
    org = orgroles.from_csv(
        write("t.csv", "id,boss\n1,,,\n2,1,\n"), id_col="id", manager_col="boss"
    )
    assert len(org) == 2


def test_a_row_with_more_values_than_the_header_is_located(write: Write) -> None:
    path = write("long.csv", "id,title\n1,CEO\n2,Head of Sales, EMEA\n")
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id", title_col="title")
    assert str(err.value) == (
        f"{path}:3:3: 3 values but the header has 2 columns "
        "(is a comma inside a value that is not quoted?)"
    )


def test_a_quote_left_open_is_located_at_its_row(write: Write) -> None:
    path = write("open.csv", 'id,title\n1,CEO\n2,"Head of Sales\n3,Engineer\n')
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id")
    assert err.value.line == 3
    assert "malformed CSV" in str(err.value)
    assert "is a quote left open?" in str(err.value)


def test_a_stray_quote_after_a_quoted_value_is_located(write: Write) -> None:
    path = write("stray.csv", 'id,title\n1,"CEO"x\n')
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id")
    assert str(err.value).startswith(f"{path}:2: malformed CSV")


def test_an_empty_file_and_a_header_alone(write: Write) -> None:
    with pytest.raises(OrgFileError, match="the file is empty"):
        orgroles.from_csv(write("empty.csv", "\n\n"), id_col="id")
    assert len(orgroles.from_csv(write("header.csv", "id,boss\n"), id_col="id")) == 0


def test_text_that_is_not_utf8_is_located(write: Write) -> None:
    path = write("latin1.csv", "id,name\n1,Hélène\n".encode("latin-1"))
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id")
    assert str(err.value).startswith(f"{path}:2:4: not valid UTF-8")


def test_duplicate_ids_are_all_reported_at_their_rows(write: Write) -> None:
    text = "Name,Employee #\nAna,0001\nBo,0002\nCy,0001\nDa,0002\nEd,0001\n"
    path = write("dup.csv", text)
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="Employee #")
    note, *problems = [str(p) for p in err.value.problems]
    # The id given, the name guessed: an error after a guess says first how it read.
    assert note.startswith(f"{path}:1: the columns not given were guessed: the columns were ")
    assert "read as id 'Employee #', name 'Name'" in note
    assert problems == [
        f"{path}:4:2: column 'Employee #': duplicate id '0001' (first on line 2)",
        f"{path}:5:2: column 'Employee #': duplicate id '0002' (first on line 3)",
        f"{path}:6:2: column 'Employee #': duplicate id '0001' (first on line 2)",
    ]


def test_a_row_without_an_id_is_reported(write: Write) -> None:
    path = write("noid.csv", "id,name\n1,Ana\n ,Bo\n")
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id")
    assert str(err.value) == f"{path}:3:1: column 'id': missing id: every row needs one"


def test_an_invalid_id_is_located_at_its_cell(write: Write) -> None:
    path = write("ctl.csv", 'id,boss\n1,\n"a\x01b",1\n2,"x\ty"\n')
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id", manager_col="boss")
    found = [(p.location, p.where, p.code) for p in err.value.problems]
    assert (orgroles.Location(path_str := str(path), 3, 1), "column 'id'", "invalid-id") in found
    assert (orgroles.Location(path_str, 4, 2), "column 'boss'", "invalid-id") in found


def test_the_same_column_name_twice_is_an_error(write: Write) -> None:
    path = write("twice.csv", "id,Name,Name\n1,a,b\n")
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id")
    assert str(err.value) == f"{path}:1:3: the column name 'Name' is used twice (columns 2 and 3)"


# -- columns that do not exist ------------------------------------------------------------


def test_an_unknown_column_lists_the_columns_and_suggests_one(write: Write) -> None:
    path = write("staff.csv", BAMBOO)
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="employee #", manager_name_col="Reports to")
    assert [str(p) for p in err.value.problems] == [
        f"{path}:1: no column 'employee #' for the id (did you mean 'Employee #'?); the columns"
        " are: 'Employee #', 'First Name', 'Last Name', 'Job Title', 'Reporting to', "
        "'Department', 'Work Email', 'Hire Date'",
        f"{path}:1: no column 'Reports to' for the manager's name (did you mean 'Reporting to'?);"
        " the columns are: 'Employee #', 'First Name', 'Last Name', 'Job Title', 'Reporting to', "
        "'Department', 'Work Email', 'Hire Date'",
    ]


def test_the_cli_exits_2_on_an_unknown_column(run: Cli, write: Write, tmp_path: Path) -> None:
    path = write("staff.csv", BAMBOO)
    result = run("import", "csv", path, "--id-col", "ID", "-o", tmp_path / "org.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}:1: no column 'ID' for the id; the columns are: 'Employee #', 'First Name', "
        "'Last Name', 'Job Title', 'Reporting to', 'Department', 'Work Email', 'Hire Date'\n"
    )
    assert not (tmp_path / "org.yaml").exists()


def test_without_options_a_header_that_names_nothing_known_is_an_error(write: Write) -> None:
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(write("staff.csv", "Code,Label,Parent code\nA,CEO,\nB,CTO,A\n"))
    message = str(err.value)
    # No preset was given: the message does not speak of one.
    assert (
        "no id column: no column has the name of an id ('id', 'Employee ID', 'Matricule', "
        "...) or of an email; the columns are: 'Code', 'Label', 'Parent code'"
    ) in message
    assert "the orgroles preset" not in message
    assert "or pick a preset (bamboohr, workday, odoo, google, d3)" in message


def test_without_options_the_columns_are_guessed_from_the_header(write: Write) -> None:
    # See tests/importers/test_import_guess.py for other tools' exports.
    path = write("staff.csv", BAMBOO)
    with pytest.warns(OrgImportWarning) as caught:
        guessed = orgroles.from_csv(path)
    preset = orgroles.from_csv(path, preset="bamboohr")
    assert guessed.dumps() == preset.dumps()
    assert [str(p) for w in caught for p in w.message.problems] == [  # type: ignore[union-attr]
        f"{path}:1: no preset and no column options: the header is that of the bamboohr "
        "preset (BambooHR's report field labels (Employee #, Supervisor EID, Reporting to)), "
        "read with it; give a preset or column options (--id-col, ...) to read it otherwise"
    ]


def test_a_preset_without_its_manager_column_says_what_it_looks_for(write: Write) -> None:
    path = write("s.csv", "Employee #,First Name,Last Name\n1,Ana,Lima\n")
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, preset="bamboohr")
    assert "no manager column: the bamboohr preset looks for 'Supervisor EID'" in str(err.value)


def test_explicit_columns_win_over_the_preset(write: Write) -> None:
    text = BAMBOO.replace("Hire Date", "Position")
    org = orgroles.from_csv(write("s.csv", text), preset="bamboohr", title_col="Position")
    assert org.roles["0001"].title == "2015-03-02"
    assert org.roles["0001"].meta == {"Job Title": "Chief Executive Officer "}


def test_preset_ids_pair_with_their_manager_column() -> None:
    # "Supervisor EID" holds "Employee #" values; "Supervisor ID" holds "Employee ID" ones.
    header = ["Employee ID", "Employee #", "Supervisor EID", "Supervisor ID", "Reporting to"]
    found = Columns(preset="bamboohr").resolve(header)
    assert (found.id_col, found.manager_col) == ("Employee #", "Supervisor EID")
    found = Columns(preset="bamboohr", id_col="Employee ID").resolve(header)
    assert (found.id_col, found.manager_col, found.manager_by) == (
        "Employee ID",
        "Supervisor ID",
        "id",
    )
    found = Columns(preset="bamboohr").resolve(["Employee #", "Reporting to"])
    assert (found.manager_col, found.manager_by) == ("Reporting to", "name")


def test_option_mistakes_are_clear() -> None:
    with pytest.raises(OrgValidationError, match="give one way to find the manager, not 2"):
        Columns(id_col="id", manager_col="a", manager_email_col="b")
    with pytest.raises(
        OrgValidationError, match=r"unknown preset 'bambo' \(did you mean 'bamboohr'"
    ):
        Columns(preset="bambo")
    with pytest.raises(OrgFileError, match="give email_col"):
        Columns(id_col="id", manager_email_col="boss").resolve(["id", "boss"])


# -- managers -------------------------------------------------------------------------------


def test_a_manager_id_that_matches_no_row_is_kept_dangling(write: Write) -> None:
    text = "id,boss\n1,\n2,1\n3,99\n4,4\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # ids that match nothing are for the rules: no warning
        org = orgroles.from_csv(write("d.csv", text), id_col="id", manager_col="boss")
    assert org.roles["3"].reports_to == "99"
    assert [org.index.ids[i] for i in org.index.dangling] == ["3"]
    assert [org.index.ids[i] for i in org.index.self_reports] == ["4"]


def test_managers_by_email_ignore_the_case_of_the_domain(write: Write) -> None:
    # The part before @ is case-sensitive (RFC 5321): see tests/importers/test_importers_hostile.py.
    text = (
        "Email Address [Required],First Name [Required],Last Name [Required],Manager Email\n"
        "ana@acme.example,Ana,Lima,\n"
        "bo@acme.example,Bo,Diaz,ana@ACME.Example\n"
        "cy@acme.example,Cy,Moss,nobody@acme.example\n"
    )
    path = write("google.csv", text)
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(path, preset="google")
    assert org.roles["bo@acme.example"].reports_to == "ana@acme.example"
    assert org.roles["cy@acme.example"].reports_to == "nobody@acme.example"
    (warning,) = caught
    assert str(warning.message) == (
        f"{path}:4:4: column 'Manager Email': no row has the manager email "
        "'nobody@acme.example': kept as an unknown manager"
    )


def test_an_unknown_manager_name_is_kept_with_a_warning_naming_its_row(write: Write) -> None:
    text = BAMBOO + "0006,Nora,Quist,Analyst,Ines Marlowe,Finance,,2022-02-01\n"
    path = write("staff.csv", text)
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(path, preset="bamboohr")
    assert org.roles["0006"].reports_to == "Ines Marlowe"
    assert [org.index.ids[i] for i in org.index.dangling] == ["0006"]
    (warning,) = caught
    assert isinstance(warning.message, OrgImportWarning)
    (problem,) = warning.message.problems
    assert str(problem) == (
        f"{path}:7:5: column 'Reporting to': no row has the manager name 'Ines Marlowe': "
        "kept as an unknown manager"
    )


def test_an_ambiguous_manager_name_is_an_error_listing_the_rows(write: Write) -> None:
    text = BAMBOO + "0006,Tobias,Keller,Intern,Ines Marlow,Engineering,,2023-06-01\n"
    path = write("staff.csv", text)
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, preset="bamboohr")
    assert [str(p) for p in err.value.problems] == [
        f"{path}:4:5: column 'Reporting to': the manager name 'Tobias Keller' is ambiguous: "
        "2 rows have it (line 3, line 7); give managers by id instead (manager_col, "
        "--manager-col), or make the names unique",
        f"{path}:6:5: column 'Reporting to': the manager name 'Tobias Keller' is ambiguous: "
        "2 rows have it (line 3, line 7); give managers by id instead (manager_col, "
        "--manager-col), or make the names unique",
    ]


def test_the_cli_prints_unknown_manager_names_as_warnings(
    run: Cli, write: Write, tmp_path: Path
) -> None:
    text = BAMBOO + "0006,Nora,Quist,Analyst,Ines Marlowe,Finance,,2022-02-01\n"
    path = write("staff.csv", text)
    out = tmp_path / "org.yaml"
    result = run("import", "csv", path, "--preset", "bamboohr", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning: {path}:7:5: column 'Reporting to': no row has the manager name "
        "'Ines Marlowe': kept as an unknown manager",
        f"{path} -> {out}: 6 roles, 6 people, 4 teams, 0 vacancies, 1 unknown manager "
        "(1 role reports to it) (today's; 6 seats over time)",
        "kinds: 6 of 6 titles matched (100%), 1 of them a function only (no kind)",
    ]
    assert orgroles.load(out).roles["0006"].reports_to == "Ines Marlowe"


# -- lookups, kinds and holders ---------------------------------------------------------------


def test_a_lookup_table_names_the_department_codes(write: Write) -> None:
    write("deps.csv", "DEPT;LABEL\n10;Sales\n20;R&D\n")
    path = write("emp.csv", "id,dept\n1,10\n2,20\n3,30\n4,\n")
    with pytest.warns(OrgImportWarning, match="the department code '30' is not in the lookup"):
        org = orgroles.from_csv(
            path,
            id_col="id",
            department_col="dept",
            departments=Lookup(str(path.parent / "deps.csv"), "LABEL", "DEPT"),
        )
    assert [(t.name, t.members) for t in org.teams.values()] == [
        ("Sales", ("1",)),
        ("R&D", ("2",)),
        ("30", ("3",)),
    ]
    assert org.roles["1"].meta == {"dept": "10"}  # the code stays


def test_a_lookup_with_an_unknown_column_is_located_in_its_file(write: Write) -> None:
    deps = write("deps.csv", "DEPT,LABEL\n10,Sales\n")
    path = write("emp.csv", "id,dept\n1,10\n")
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(
            path, id_col="id", department_col="dept", departments=Lookup(str(deps), "NAME")
        )
    messages = [str(p) for p in err.value.problems]
    assert messages[0].startswith(f"{deps}:1: no column 'dept' for the codes (did you mean 'DEPT'")
    assert messages[1].startswith(f"{deps}:1: no column 'NAME' for the names")


def test_holder_and_kind_columns_make_vacancies_and_shared_people(write: Write) -> None:
    text = (
        "id,kind,holder,name,reports_to\nceo,ceo,ana,Ana Lima,\ncto,cto,,,ceo\ncpo,cpo,ana,,ceo\n"
    )
    org = orgroles.from_csv(write("o.csv", text))
    assert org.roles["cto"].vacant
    assert org.roles["cto"].kind == "cto"
    assert list(org.people) == ["ana"]
    assert [r.id for r in org.roles.values() if r.holder == "ana"] == ["ceo", "cpo"]


# -- records -------------------------------------------------------------------------------------


def test_records_from_pandas_read_numbers_and_nan_as_text() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "EMPLOYEE_ID": [100, 101, 102],
            "NAME": ["Ana Lima", "Bo Diaz", "Cy Moss"],
            "MANAGER_ID": [None, 100, 101],  # pandas stores this column as floats
            "SALARY": [24000, 17000, 9000],
        }
    )
    org = orgroles.from_records(
        frame.to_dict("records"), id_col="EMPLOYEE_ID", name_col="NAME", manager_col="MANAGER_ID"
    )
    assert [(r.id, r.reports_to) for r in org] == [("100", None), ("101", "100"), ("102", "101")]
    assert org.roles["100"].meta == {"SALARY": 24000}
    assert type(org.roles["100"].meta["SALARY"]) is int  # a numpy int became a Python int
    orgroles.loads(org.dumps())  # and dumps as plain YAML


def test_records_name_the_record_in_problems() -> None:
    with pytest.raises(OrgValidationError) as err:
        orgroles.from_records([{"id": "a"}, {"id": "a", "name": "Ana"}], id_col="id")
    assert str(err.value) == "records[1]['id']: duplicate id 'a' (first on records[0])"


def test_a_list_of_managers_gives_dotted_lines() -> None:
    org = orgroles.from_records(
        [
            {"id": "a"},
            {"id": "b"},
            {"id": "c", "bosses": ["a", "b"], "teams": ["X", "Y"]},
        ],
        id_col="id",
        manager_col="bosses",
        department_col="teams",
    )
    assert org.roles["c"].reports_to == "a"
    assert org.roles["c"].dotted_to == ("b",)
    assert [t.members for t in org.teams.values()] == [("c",), ("c",)]


def test_records_must_be_mappings() -> None:
    with pytest.raises(OrgValidationError, match="expected a mapping of column names"):
        orgroles.from_records([["a", "b"]])  # type: ignore[list-item]


def test_read_table_counts_lines_of_multiline_rows() -> None:
    table = read_table('id,note\n1,"a\nb\nc"\n\n2,x\n', "t.csv")
    assert table.lines == [2, 6]
    assert table.header_line == 1


# -- hostile input: whatever the bytes, a clean error or an org --------------------------------


@settings(max_examples=200, deadline=None)
@given(
    body=st.one_of(
        st.binary(max_size=200),
        st.text(alphabet=st.sampled_from('ab01 ,;\t|"\r\n\x00é'), max_size=200).map(str.encode),
    ),
    header=st.sampled_from([b"", b"id,reports_to,name,department\n", b"id;name;boss\r\n"]),
)
def test_any_bytes_import_or_fail_with_a_located_error(
    body: bytes, header: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("hostile") / "x.csv"
    path.write_bytes(header + body)
    problems: list[orgroles.Problem] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", OrgImportWarning)
            org = orgroles.from_csv(path)
    except orgroles.OrgValidationError as exc:
        problems = exc.problems
        assert problems
    else:
        orgroles.loads(org.dumps())  # whatever came in, the org dumps and loads
    assert all(p.location is not None and p.location.path == str(path) for p in problems)


def test_id_and_manager_problems_are_reported_together(write: Write) -> None:
    text = "id,name,boss\n1,Ana,\n1,Bo,Ana\n2,Ana,\n3,Cy,Ana\n"
    path = write("both.csv", text)
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id", name_col="name", manager_name_col="boss")
    assert [p.code for p in err.value.problems] == [
        "duplicate-id",
        "ambiguous-manager",
        "ambiguous-manager",
    ]
    assert [p.location.line if p.location else None for p in err.value.problems] == [3, 3, 5]


def test_an_email_that_several_rows_share_is_ambiguous(write: Write) -> None:
    text = (
        "id,mail,boss\n1,team@acme.example,\n2,team@ACME.example,\n"
        "3,x@acme.example,team@acme.example\n"
    )
    path = write("shared.csv", text)
    with pytest.raises(OrgFileError) as err:
        orgroles.from_csv(path, id_col="id", email_col="mail", manager_email_col="boss")
    assert str(err.value).startswith(
        f"{path}:4:3: column 'boss': the manager email 'team@acme.example' is ambiguous: "
        "2 rows have it (line 2, line 3)"
    )


def test_the_cli_takes_a_tab_delimiter_by_name(run: Cli, write: Write, tmp_path: Path) -> None:
    path = write("tabs.txt", "id\tboss\n1\t\n2\t1\n")
    out = tmp_path / "o.yaml"
    result = run(
        "import",
        "csv",
        path,
        "--delimiter",
        "tab",
        "--id-col",
        "id",
        "--manager-col",
        "boss",
        "-o",
        out,
    )
    assert result.exit_code == 0, result.output
    assert orgroles.load(out).roles["2"].reports_to == "1"
    bad = run("import", "csv", path, "--delimiter", ";;", "--id-col", "id", "-o", out)
    assert bad.exit_code == 2
    assert "one character" in bad.stderr


def test_the_cli_wants_the_name_column_of_a_lookup(run: Cli, write: Write, tmp_path: Path) -> None:
    path = write("e.csv", "id,dept\n1,10\n")
    result = run(
        "import", "csv", path, "--id-col", "id", "--department-col", "dept",
        "--departments", path, "-o", tmp_path / "o.yaml",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--departments needs --departments-name-col" in result.stderr


def test_the_cli_reports_conflicting_manager_options(
    run: Cli, write: Write, tmp_path: Path
) -> None:
    path = write("e.csv", "id,boss\n1,\n")
    result = run(
        "import", "csv", path, "--id-col", "id", "--manager-col", "boss",
        "--manager-name-col", "boss", "-o", tmp_path / "o.yaml",
    )  # fmt: skip
    assert result.exit_code == 2
    assert (
        result.stderr == "give one way to find the manager, not 2: manager_col, manager_name_col\n"
    )


def test_the_docs_list_every_column_of_every_preset() -> None:
    from orgroles.importers.columns import PRESETS

    from tests.helpers import ROOT

    page = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    for preset in PRESETS.values():
        (row,) = [line for line in page.splitlines() if line.startswith(f"| `{preset.name}` |")]
        columns = {
            *preset.ids,
            *(column for _, column, _ in preset.managers),
            *(column for names in preset.names for column in names),
            *preset.titles,
            *preset.emails,
            *preset.departments,
            *preset.kinds,
            *preset.holders,
            *preset.starts,
            *preset.ends,
            *preset.effectives,
        }
        assert {c for c in columns if f"`{c}`" not in row} == set(), preset.name


def test_manager_names_match_across_unicode_forms(write: Write) -> None:
    composed, decomposed = "H\u00e9l\u00e8ne Dubois", "He\u0301le\u0300ne Dubois"
    text = f"id,name,boss\n1,{composed},\n2,Bo Diaz,{decomposed}\n"
    org = orgroles.from_csv(
        write("u.csv", text), id_col="id", name_col="name", manager_name_col="boss"
    )
    assert org.roles["2"].reports_to == "1"


def test_no_records_make_an_empty_org() -> None:
    assert len(orgroles.from_records([], preset="bamboohr")) == 0


def test_the_summary_counts_todays_people_and_those_over_time(
    run: Cli, write: Write, tmp_path: Path
) -> None:
    # It counted the people who left among today's: "2 roles, 3 people (today's; ...)".
    text = (
        "Employee ID,Name,Job Title,Manager ID,Hire Date,Termination Date\n"
        "1,Ana Lira,CEO,,2019-01-07,\n2,Bo Diaz,CTO,1,2019-03-04,2021-06-30\n"
        "3,Cy Moss,CTO,1,2021-09-01,\n"
    )
    out = tmp_path / "org.yaml"
    result = run("import", "csv", write("staff.csv", text), "-o", out)
    assert result.exit_code == 0, result.output
    summary = next(line for line in result.stderr.splitlines() if " -> " in line)
    assert summary.endswith(
        ": 2 roles, 2 people, 0 teams, 0 vacancies, 0 unknown managers "
        "(today's; 3 seats over time, 3 people)"
    )
