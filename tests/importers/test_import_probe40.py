"""Exports of tools and shapes a fourth probe tried (SCIM, JumpCloud, Freshteam,
Dynamics 365, NetSuite, a hospital roster, a hand-made sheet, Spanish payrolls),
imported with no option. Every person is invented."""

from __future__ import annotations

from datetime import date

from tests.helpers import Write, import_notes

DYNAMICS = """\
Personnel number,Name,First name,Last name,Position,Job,Department,Manager personnel number
000101,Helga Strom,Helga,Strom,POS-0001,Chief Executive Officer,Executive,
000102,Viktor Aalto,Viktor,Aalto,POS-0002,Chief Financial Officer,Finance,000101
000103,Saga Lind,Saga,Lind,POS-0003,Accountant,Finance,000102
"""


def test_a_title_column_of_codes_gives_way_to_one_of_words(write: Write) -> None:
    # Dynamics 365's "Position" is the position's code; its "Job" is the title
    org, notes = import_notes(write("d365.csv", DYNAMICS))
    assert "title 'Job'" in notes[0]
    assert org.roles["000102"].title == "Chief Financial Officer"
    assert org.roles["000102"].kind == "cfo"
    assert org.roles["000102"].meta["Position"] == "POS-0002"


JUMPCLOUD = """\
_id,username,email,firstname,lastname,jobTitle,department,manager,suspended
64a1e501,rhea,rhea@kestrel.example,Rhea,Tolan,CEO,Leadership,,False
64a1e502,iven,iven@kestrel.example,Iven,Rask,Head of Engineering,Engineering,64a1e501,False
64a1e503,maro,maro@kestrel.example,Maro,Sild,Software Engineer,Engineering,64a1e502,False
64a1e504,tove,tove@kestrel.example,Tove,Arn,Software Engineer,Engineering,64a1e502,True
"""


def test_a_suspended_flag_says_the_account_is_of_someone_who_left(write: Write) -> None:
    org, notes = import_notes(write("jumpcloud.csv", JUMPCLOUD))
    assert "status 'suspended'" in notes[0]
    assert sorted(org.roles) == ["64a1e501", "64a1e502", "64a1e503"]
    assert any("1 row of people who left, as their status says ('True')" in n for n in notes)


FRESHTEAM = """\
Employee ID,First Name,Last Name,Designation,Reporting Manager,Joining Date,Status,Terminated Date
FT-01,Anouk,Brevik,Chief Executive Officer,,01 Feb 2018,Active,
FT-02,Cas,Hoving,Chief Operating Officer,FT-01,15 Mar 2018,Active,
FT-05,Mila,Terpstra,Logistics Coordinator,FT-02,07 Jun 2021,Terminated,30 Sep 2024
"""
NETSUITE = """\
Internal ID,Name,Job Title,Supervisor,Hire Date,Release Date
1201,Cordelia Marsh,Chief Executive Officer,,1/5/2015,
1202,Felix Ambrose,VP Finance,Cordelia Marsh,4/1/2016,
1204,Hugo Linde,AR Specialist,Felix Ambrose,2/3/2019,6/30/2024
"""


def test_terminated_and_release_dates_are_last_days(write: Write) -> None:
    org, notes = import_notes(write("freshteam.csv", FRESHTEAM))
    assert "end 'Terminated Date'" in notes[0]
    assert org.records["FT-05"].end == date(2024, 9, 30)  # dated, not left out
    org, notes = import_notes(write("netsuite.csv", NETSUITE))
    assert "end 'Release Date'" in notes[0]  # NetSuite's termination date
    assert org.records["1204"].end == date(2024, 6, 30)


ROSTER = """\
Staff No,Surname,Forename,Grade,Ward,Line Manager,Mon 01/12,Tue 02/12
30017,ABERNETHY,Morag,Matron,Medicine Division,,D,D
30101,KINCAID,Fiona,Ward Sister,Ward 7 - Respiratory,"ABERNETHY, Morag",E,E
30102,DRUMMOND,Euan,Charge Nurse,Ward 7 - Respiratory,"KINCAID, Fiona",L,OFF
"""


def test_a_roster_s_forename_and_ward(write: Write) -> None:
    org, notes = import_notes(write("roster.csv", ROSTER))
    assert "name 'Forename' + 'Surname'" in notes[0]
    assert org.people["30101"].name == "Fiona KINCAID"
    assert org.roles["30102"].reports_to == "30101"
    assert [t.name for t in org.teams_of("30102")] == ["Ward 7 - Respiratory"]
