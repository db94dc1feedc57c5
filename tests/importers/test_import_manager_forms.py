"""Manager cells that hold a row's name or email in a wider form: a directory's
distinguished name (Active Directory's `Manager`), or a mail header's "Name <address>".
Every person here is invented."""

from __future__ import annotations

import pytest

import orgroles
from orgroles import OrgFileError, OrgImportWarning

from tests.helpers import BY_NAME, Write, import_notes

# An Active Directory export (Get-ADUser ... | Export-Csv): camel-case headers, managers as
# distinguished names.
DIRECTORY = """\
"SamAccountName","DisplayName","Title","Department","mail","Manager"
"alima","Ana Lima","Chief Executive Officer","Executive","ana.lima@acme.example",""
"bdiaz","Bo Diaz","Chief Technology Officer","IT","bo.diaz@acme.example","CN=Ana Lima,OU=Executives,DC=acme,DC=example"
"croe","Cy Roe","Software Engineer","IT","cy.roe@acme.example","CN=Bo Diaz,OU=IT,DC=acme,DC=example"
"dkim","Di Kim","Software Engineer","IT","di.kim@acme.example","cn=Bo Diaz,ou=IT,dc=acme,dc=example"
"""
MAIL = (
    "Employee ID,Name,Title,Email,Manager\n"
    "1,Ana Lima,CEO,ana@acme.example,\n"
    "2,Bo Diaz,CTO,bo@acme.example,Ana Lima <ana@acme.example>\n"
    '3,Cy Roe,Developer,cy@acme.example,"""Diaz, Bo"" <bo@acme.example>"\n'
)


def test_a_directory_export_is_guessed_and_its_managers_read(write: Write) -> None:
    org, notes = import_notes(write("users.csv", DIRECTORY))
    assert (
        "id 'SamAccountName', name 'DisplayName', title 'Title', email 'mail', department "
        "'Department', manager (by name) 'Manager'"
    ) in notes[0]
    assert [(r.id, r.reports_to) for r in org] == [
        ("alima", None),
        ("bdiaz", "alima"),
        ("croe", "bdiaz"),
        ("dkim", "bdiaz"),
    ]
    assert notes[1:] == [
        "3:6: column 'Manager': no row has the manager name 'CN=Ana Lima,OU=Executives,"
        "DC=acme,DC=example'; it is the distinguished name of 'Ana Lima', as a directory "
        "writes it, so it is read as 'Ana Lima', and so are 2 more cells of that form"
    ]


def test_a_distinguished_name_with_an_escaped_comma(write: Write) -> None:
    text = 'id,name,manager\n1,"Lima, Ana",\n2,Bo Diaz,"CN=Lima\\, Ana,OU=Users,DC=acme"\n'
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(write("users.csv", text), **BY_NAME)
    assert org.roles["2"].reports_to == "1"
    (warning,) = caught
    assert isinstance(warning.message, OrgImportWarning)
    assert [p.code for p in warning.message.problems] == ["manager-form"]


def test_an_address_with_a_display_name_is_read_as_the_address(write: Write) -> None:
    org, notes = import_notes(write("staff.csv", MAIL))
    assert "manager (by email) 'Manager'" in notes[0]
    assert [(r.id, r.reports_to) for r in org] == [("1", None), ("2", "1"), ("3", "2")]
    assert notes[1:] == [
        "3:5: column 'Manager': no row has the manager email 'Ana Lima <ana@acme.example>'; it "
        "holds the address 'ana@acme.example', so it is read as 'ana@acme.example', and so "
        "is one more cell of that form"
    ]


def test_a_wider_form_of_no_row_stays_unknown(write: Write) -> None:
    text = 'id,name,manager\n1,Ana Lima,\n2,Bo Diaz,"CN=Ida Stone,OU=Users,DC=acme"\n'
    with pytest.warns(OrgImportWarning, match="no row has the manager name 'CN=Ida Stone"):
        org = orgroles.from_csv(write("users.csv", text), **BY_NAME)
    assert org.roles["2"].reports_to == "CN=Ida Stone,OU=Users,DC=acme"


# A sheet kept by hand: the manager column mostly names, with an email and an id here
# and there.
MIXED = (
    "Employee ID,Name,Email,Title,Manager\n"
    "1,Ana Lima,ana@acme.example,CEO,\n"
    "2,Bo Diaz,bo@acme.example,CTO,ana@acme.example\n"
    "3,Cy Moss,cy@acme.example,Developer,Bo Diaz\n"
    "4,Dee Park,dee@acme.example,Developer,2\n"
    "5,Eve Stone,eve@acme.example,Designer,Ana Lima\n"
    "6,Fay Long,fay@acme.example,Designer,Zed Quinn\n"
)


def test_a_manager_column_that_mixes_names_emails_and_ids(write: Write) -> None:
    org, notes = import_notes(write("sheet.csv", MIXED))
    assert [r.reports_to for r in org] == [None, "1", "2", "2", "1", "Zed Quinn"]
    assert notes[1:] == [
        "7:5: column 'Manager': no row has the manager name 'Zed Quinn': kept as an unknown "
        "manager",
        "3:5: column 'Manager': no row has the manager name 'ana@acme.example', but it is "
        "the email of line 2: read as that row, and 1 more cell like it",
    ]


def test_a_name_in_a_column_of_emails(write: Write) -> None:
    text = (
        "Employee ID,Name,Title,Email,Manager\n"
        "1,Ana Lima,CEO,ana@acme.example,\n"
        "2,Bo Diaz,CTO,bo@acme.example,Ana Lima\n"
        "3,Cy Roe,Developer,cy@acme.example,bo@acme.example\n"
    )
    org, notes = import_notes(write("mail.csv", text), id_col="Employee ID", name_col="Name",
                              email_col="Email", manager_email_col="Manager")  # fmt: skip
    assert org.roles["2"].reports_to == "1"
    assert any("no row has the manager email 'Ana Lima', but it is the name of line 2" in n
               for n in notes)  # fmt: skip


def test_a_cell_that_is_one_rows_id_and_anothers_email_stays_unknown(write: Write) -> None:
    text = (
        "Employee ID,Name,Email,Manager\n"
        "ana@acme.example,Ana Lima,ana.lima@acme.example,\n"
        "2,Bo Diaz,ana@acme.example,Ana Lima\n"
        "3,Cy Moss,cy@acme.example,ana@acme.example\n"  # Ana's id, and Bo's email
    )
    org, _ = import_notes(write("clash.csv", text), id_col="Employee ID", name_col="Name",
                          email_col="Email", manager_name_col="Manager")  # fmt: skip
    assert org.roles["3"].reports_to == "ana@acme.example"  # kept as written: unknown
    assert org.roles["2"].reports_to == "ana@acme.example"


def test_a_notion_relation_is_read_as_the_name_it_links(write: Write) -> None:
    # Notion's CSV writes a relation as the page's title with its link: no row had it.
    text = (
        "Name,Role,Manager\n"
        "Perpetua Gale,CEO,\n"
        "Lionel Abara,Head of Product,"
        "Perpetua Gale (https://www.notion.so/Perpetua-Gale-6f1c0e2b9a8d?pvs=21)\n"
        "Rhea Ostrom,Designer,[Lionel Abara](https://www.notion.so/Lionel-Abara-0a1b)\n"
    )
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(
            write("team.csv", text), id_col="Name", name_col="Name", manager_name_col="Manager"
        )
    assert [(r.id, r.reports_to) for r in org] == [
        ("Perpetua Gale", None),
        ("Lionel Abara", "Perpetua Gale"),
        ("Rhea Ostrom", "Lionel Abara"),
    ]
    notes = [p.message for w in caught for p in w.message.problems]  # type: ignore[union-attr]
    assert any(
        "it is 'Perpetua Gale' with the link to a page, as Notion writes a relation" in n
        and "and so is one more cell of that form" in n
        for n in notes
    )


def test_a_manager_name_two_rows_share_is_read_when_only_one_can_be_meant(
    write: Write,
) -> None:
    # BreatheHR and Visio give managers by name only; one namesake stopped the import.
    head = "Ref,Name,Job title,Line manager,Department\n1,Ana Lima,CEO,,Exec\n"
    text = head + (
        "2,Sam Lee,Engineering Manager,Ana Lima,Engineering\n"
        "3,Sam Lee,Engineer,Sam Lee,Engineering\n"  # not himself: row 2
        "4,Sam Lee,Account Manager,Ana Lima,Sales\n"
        "5,Cy Moss,Account Executive,Sam Lee,Sales\n"  # the Sam Lee of Sales: row 4
    )
    org, notes = import_notes(write("breathe.csv", text))
    assert org.roles["3"].reports_to == "2"
    assert org.roles["5"].reports_to == "4"
    (note,) = [n for n in notes if "is that of" in n]
    assert note == (
        "4:4: column 'Line manager': the manager name 'Sam Lee' is that of 3 rows: read as "
        "line 3, the only one in the row's department, and so is one more cell told apart "
        "so (line 6 as line 5)"  # it said "read so (line 6)": as line 3, it seemed
    )
    # No department: the row itself is the one namesake it cannot mean.
    text = head + "2,Sam Lee,Engineering Manager,Ana Lima,\n3,Sam Lee,Engineer,Sam Lee,\n"
    org, notes = import_notes(write("breathe.csv", text))
    assert org.roles["3"].reports_to == "2"
    assert any("read as line 3, the other one is the row itself" in n for n in notes)


def test_a_distinguished_name_two_rows_share_the_name_of_is_read_as_written(
    write: Write,
) -> None:
    # Active Directory: two "Tomas Berg" in two OUs; a manager's DN names one of them in
    # full, in its row's DistinguishedName. It was read by its name and the department:
    # the IT helpdesk technician under the Sales director went to the IT one.
    dn = "CN={},OU={},DC=ad,DC=acme,DC=example"
    rows = [
        ("N1", "Sigrun Aal", "Management", ""),
        ("N2", "Tomas Berg", "Sales", dn.format("Sigrun Aal", "Management")),
        ("N3", "Tomas Berg", "IT", dn.format("Sigrun Aal", "Management")),
        ("N4", "Maja Ek", "IT", dn.format("Tomas Berg", "Sales")),
        ("N5", "Oskar Lind", "IT", dn.format("Tomas Berg", "IT")),
    ]
    lines = ["DistinguishedName,Name,Department,Manager,EmployeeID"]
    for rid, name, team, boss in rows:
        lines.append(f'"{dn.format(name, team)}",{name},{team},"{boss}",{rid}')
    org, notes = import_notes(write("ad.csv", "\n".join(lines) + "\n"))
    assert {r.id: r.reports_to for r in org.roles.values()} == {
        "N1": None,
        "N2": "N1",
        "N3": "N1",
        "N4": "N2",
        "N5": "N3",
    }
    (note,) = [n for n in notes if "is that of" in n]
    assert "read as line 3, the only one whose row holds the cell as written" in note
    assert "(line 6 as line 4)" in note


def test_a_manager_name_nothing_tells_apart_is_still_an_error(write: Write) -> None:
    text = (
        "Ref,Name,Job title,Line manager\n1,Ana Lima,CEO,\n2,Sam Lee,Engineer,Ana Lima\n"
        "3,Sam Lee,Engineer,Ana Lima\n4,Cy Moss,Engineer,Sam Lee\n"
    )
    with pytest.raises(OrgFileError, match="'Sam Lee' is ambiguous: 2 rows have it"):
        import_notes(write("visio.csv", text))


def test_a_manager_name_without_its_accents_is_read_as_the_one_row_it_writes(
    write: Write,
) -> None:
    # A payroll that keeps ASCII only: "Marta Wisniewska" for Marta Wiśniewska was an
    # unknown manager.
    text = (
        "Ref,Name,Job title,Line manager\n1,Marta Wiśniewska,CEO,\n"
        "2,Bo Ek,CTO,Marta Wisniewska\n3,José Díaz,Engineer,BO EK\n"
        "4,Jose Diaz,Engineer,Bo Ek\n5,Cy Moss,Engineer,Jose Diaz\n"
    )
    org, notes = import_notes(write("payroll.csv", text))
    assert org.roles["2"].reports_to == "1"
    (note,) = [n for n in notes if "accents" in n]
    assert note == (
        "3:4: column 'Line manager': no row has the manager name 'Marta Wisniewska'; read "
        "as 'Marta Wiśniewska' (the same name with other accents, or none), the name of "
        "line 2"
    )
    assert org.roles["5"].reports_to == "4"  # written as one of them: that one
