"""A directory's guest accounts are left out of the org (issue 14's exports, as Microsoft
Entra ID writes them): they are partners invited to a folder, not staff."""

from __future__ import annotations

import json
from datetime import date

from orgroles.importers.guests import GUEST_COLUMNS

from tests.helpers import Write, import_notes

ENTRA = """\
"DisplayName","GivenName","Surname","UserPrincipalName","JobTitle","EmployeeHireDate","AccountEnabled","UserType","Manager"
"Ines Varga","Ines","Varga","ivarga@kite.example","Chief Executive Officer","2015-04-01","True","Member",""
"Hal Brandt","Hal","Brandt","hbrandt@kite.example","Chief Technology Officer","2017-09-01","True","Member","ivarga@kite.example"
"Pia Ek (Partner)","","","pia.ek_dune.example#EXT#@kite.onmicrosoft.com","","","True","Guest",""
"Oli Moss","Oli","Moss","omoss@kite.example","Developer","2020-01-06","False","Member","hbrandt@kite.example"
"Ty Roe","Ty","Roe","troe@kite.example","Developer","2021-03-15","True","Member","hbrandt@kite.example"
"""


def test_guests_are_left_out_with_a_warning(write: Write) -> None:
    org, notes = import_notes(write("users.csv", ENTRA))
    assert list(org.roles) == ["ivarga@kite.example", "hbrandt@kite.example", "troe@kite.example"]
    assert [r.id for r in org.roots()] == ["ivarga@kite.example"]
    (guests,) = [n for n in notes if "guest" in n]
    assert guests == (
        "4:8: column 'UserType': 1 guest account of the directory, as their user type says "
        "('Guest'): left out of the org, as guests are not on the staff (line 4); "
        "--keep-left (keep_left=True) keeps them"
    )
    # The rows after those left out keep their own first days (the guest, then the
    # person who left, are two rows less before them).
    assert org.records["troe@kite.example"].start == date(2021, 3, 15)
    assert org.records["hbrandt@kite.example"].start == date(2017, 9, 1)


def test_an_entra_guest_address_tells_a_guest_without_a_user_type(write: Write) -> None:
    text = "\n".join(
        ",".join(c for i, c in enumerate(line.split(",")) if i != 7)  # no UserType column
        for line in ENTRA.splitlines()
    )
    org, notes = import_notes(write("users.csv", text + "\n"))
    assert "pia.ek_dune.example#EXT#@kite.onmicrosoft.com" not in org.roles
    assert any("as their ids say (a guest's address in Microsoft Entra" in n for n in notes)


def test_keep_left_keeps_the_guests(write: Write) -> None:
    org, notes = import_notes(write("users.csv", ENTRA), keep_left=True)
    assert "pia.ek_dune.example#EXT#@kite.onmicrosoft.com" in org.roles
    assert "omoss@kite.example" in org.roles
    assert not any("guest" in n for n in notes)


def test_records_of_a_directory_leave_their_guests_out(write: Write) -> None:
    users = [
        {"id": "u1", "displayName": "Ines Varga", "userType": "Member", "manager": None},
        {"id": "u2", "displayName": "Pia Ek", "userType": "Guest", "manager": None},
        {"id": "u3", "displayName": "Ty Roe", "userType": "Member", "manager": "u1"},
    ]
    path = write("users.json", json.dumps({"value": users}, indent=1))
    org, notes = import_notes(path)
    assert list(org.roles) == ["u1", "u3"]
    assert any("value[1]['userType']: 1 guest account" in n for n in notes)


def test_the_headers_are_folded_as_the_guess_folds_them() -> None:
    assert {"user type", "account type"} <= GUEST_COLUMNS


SLACK = """\
username,email,status,billing-active,has-2fa,has-sso,userid,fullname,displayname,expiration-timestamp
ana.lima,ana.lima@kite.example,Primary Owner,1,1,0,U01,Ana Lima,ana,
bo.diaz,bo.diaz@kite.example,Member,1,1,0,U02,Bo Diaz,bo,
cy.park,cy@client.example,Single-Channel Guest,1,0,0,U03,Cy Park,cy (Client),2027-01-31 00:00:00
di.ng,di@studio.example,Multi-Channel Guest,1,1,0,U04,Di Ng,di,
helper,,Bot,0,0,0,B05,Helper,helper,
"""


def test_a_workspaces_guests_and_bots_are_left_out_as_their_status_says(write: Write) -> None:
    """Slack's member list says who is a guest or a bot in its status column."""
    org, notes = import_notes(write("members.csv", SLACK))
    assert list(org.roles) == ["U01", "U02"]
    (said,) = [n for n in notes if "guest" in n]
    assert said == (
        "4:3: column 'status': 3 guest or bot accounts of the directory, as their status says "
        "('Single-Channel Guest', 'Multi-Channel Guest', 'Bot'): left out of the org, as "
        "guests and bots are not on the staff (line 4, line 5, line 6); --keep-left "
        "(keep_left=True) keeps them"
    )
    org, notes = import_notes(write("members.csv", SLACK), keep_left=True)
    assert list(org.roles) == ["U01", "U02", "U03", "U04", "B05"]


LDAP = """\
dn,uid,cn,givenName,sn,mail,title,ou,manager,employeeNumber,employeeType
"uid=avarga,ou=People,dc=kite,dc=example",avarga,Ana Varga,Ana,Varga,ana@kite.example,CEO,Exec,,100,Employee
"uid=bbrandt,ou=People,dc=kite,dc=example",bbrandt,Bo Brandt,Bo,Brandt,bo@kite.example,Developer,Eng,"uid=avarga,ou=People,dc=kite,dc=example",101,Contractor
"uid=svc-backup,ou=Services,dc=kite,dc=example",svc-backup,Backup Service,,Backup Service,svc-backup@kite.example,,,,,Service
"uid=room-fjord,ou=Resources,dc=kite,dc=example",room-fjord,Fjord,,Fjord,fjord@kite.example,,,,,Resource
"uid=finance,ou=Resources,dc=kite,dc=example",finance,Finance,,Finance,finance@kite.example,,,,,Shared Mailbox
"""


def test_accounts_whose_type_says_no_person_are_left_out(write: Write) -> None:
    org, notes = import_notes(write("people.csv", LDAP))
    assert sorted(p.name for p in org.people.values()) == ["Ana Varga", "Bo Brandt"]
    (note,) = [n for n in notes if "non-person" in n]
    assert note == (
        "4:11: column 'employeeType': 3 non-person accounts of the directory, as their type "
        "says ('Service', 'Resource', 'Shared Mailbox'): left out of the org, as rooms, "
        "service accounts and shared mailboxes are not people (line 4, line 5, line 6); "
        "--keep-left (keep_left=True) keeps them"
    )
    # An employee type that names a kind of staff ("Contractor") keeps its row.
    assert org.roles["101"].meta["employeeType"] == "Contractor"


def test_keep_left_keeps_the_non_person_accounts(write: Write) -> None:
    org, _ = import_notes(write("people.csv", LDAP), keep_left=True)
    assert len(org.people) == 5


def test_a_room_s_or_a_mailbox_s_name_leaves_its_row_out(write: Write) -> None:
    text = SLACK + (
        "boardroom,boardroom@kite.example,Member,1,0,0,U06,Boardroom (8 seats),boardroom,\n"
        "fjord,fjord@kite.example,Member,1,0,0,U07,Conference Room Fjord,fjord,\n"
        "fin,fin@kite.example,Member,1,0,0,U08,Finance Shared Mailbox,fin,\n"
        "ed.room,ed@kite.example,Member,1,0,0,U09,Ed Room,ed,\n"
    )
    org, notes = import_notes(write("members.csv", text))
    assert sorted(p.name for p in org.people.values()) == ["Ana Lima", "Bo Diaz", "Ed Room"]
    assert any(
        "3 non-person accounts of the directory, as their name says ('Boardroom (8 seats)', "
        "'Conference Room Fjord', 'Finance Shared Mailbox')" in n
        for n in notes
    )
