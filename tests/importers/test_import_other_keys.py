"""Manager ids written as another key of the rows: a directory's distinguished name, or
its first part (probe 47: an LDAP directory turned into CSV)."""

from __future__ import annotations

from tests.helpers import Write, import_notes

LDAP = """\
dn,uid,cn,mail,title,manager,employeeNumber
"uid=avarga,ou=People,dc=kite,dc=example",avarga,Ana Varga,ana@kite.example,CEO,,100
"uid=bbrandt,ou=People,dc=kite,dc=example",bbrandt,Bo Brandt,bo@kite.example,CTO,"uid=avarga,ou=People,dc=kite,dc=example",101
"uid=cmoss,ou=People,dc=kite,dc=example",cmoss,Cy Moss,cy@kite.example,Developer,"uid=bbrandt,ou=People,dc=kite,dc=example",102
"uid=dfox,ou=People,dc=kite,dc=example",dfox,Di Fox,di@kite.example,Developer,"uid=bbrandt,ou=People,dc=kite,dc=example",103
"""


def test_managers_written_as_the_rows_distinguished_names(write: Write) -> None:
    org, notes = import_notes(write("people.csv", LDAP))
    assert {r.id: r.reports_to for r in org.roles.values()} == {
        "100": None,
        "101": "100",
        "102": "101",
        "103": "101",
    }
    (note,) = [n for n in notes if "other key" in n or "all different" in n]
    assert note == (
        "3:6: column 'manager': no row has the manager id "
        "'uid=avarga,ou=People,dc=kite,dc=example'; it is the 'dn' of the row '100', a "
        "column whose values are all different, so it is read as '100', and so are 2 more "
        "cells read so"
    )


def test_managers_whose_distinguished_name_holds_a_rows_uid(write: Write) -> None:
    # No dn column: the uid column is the key that the first part of each manager holds.
    text = (
        "uid,cn,title,manager,employeeNumber\n"
        "avarga,Ana Varga,CEO,,100\n"
        'bbrandt,Bo Brandt,CTO,"uid=avarga,ou=People,dc=kite,dc=example",101\n'
        'cmoss,Cy Moss,Developer,"uid=bbrandt,ou=People,dc=kite,dc=example",102\n'
    )
    org, _ = import_notes(write("people.csv", text))
    assert org.roles["102"].reports_to == "101"
    assert org.roles["101"].reports_to == "100"


def test_an_outside_manager_that_no_column_holds_stays_unknown(write: Write) -> None:
    text = "id,name,manager,badge\n1,Ana Varga,,B1\n2,Bo Brandt,1,B2\n3,Cy Moss,77,B3\n"
    org, _ = import_notes(write("people.csv", text))
    assert org.roles["3"].reports_to == "77"


def test_records_with_lists_in_their_columns(write: Write) -> None:
    import json

    users = [
        {"id": "1", "name": "Ana Varga", "dn": "uid=a,ou=P", "phones": [], "manager": None},
        {
            "id": "2",
            "name": "Bo Brandt",
            "dn": "uid=b,ou=P",
            "phones": ["1"],
            "manager": "uid=a,ou=P",
        },
    ]
    org, _ = import_notes(write("users.json", json.dumps(users)))
    assert org.roles["2"].reports_to == "1"
