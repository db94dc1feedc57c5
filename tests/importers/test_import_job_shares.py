"""A seat that two people share, written as a row for each (probe 47: an Oracle HCM
worker extract read by position), is one seat with two holders."""

from __future__ import annotations

import pytest

import orgroles
from orgroles.errors import OrgFileError

from tests.helpers import Write, import_notes

WORKERS = """\
Person Number,Display Name,Position Code,Job Name,Manager Person Number,Assignment Status
300100,Ana Lima,POS1,Chief Executive Officer,,Active
300101,Bo Diaz,POS2,Support Team Lead,300100,Active
300102,Cy Park,POS3,Support Agent,300101,Active
300103,Dee Ford,POS2,Support Team Lead,300100,Active
300104,Ed Moss,POS4,Support Agent,300103,Active
"""
OPTIONS = {"id_col": "Position Code", "holder_col": "Person Number"}


def test_two_rows_of_one_seat_are_one_seat_with_two_holders(write: Write) -> None:
    org, notes = import_notes(write("workers.csv", WORKERS), **OPTIONS)
    assert [(r.id, r.holder, r.reports_to) for r in org] == [
        ("POS1", "300100", None),
        ("POS2", ("300101", "300103"), "POS1"),
        ("POS3", "300102", "POS2"),
        ("POS4", "300104", "POS2"),  # its manager, the second person, is in the seat
    ]
    assert org.people["300103"].name == "Dee Ford"
    assert (
        "5:3: column 'Position Code': 1 seat held by several people, a row for each (a job "
        "share): read as one seat with several holders (line 5 folded into line 3)"
    ) in notes


def test_rows_of_one_seat_that_differ_stay_a_repeated_id(write: Write) -> None:
    text = WORKERS.replace("300103,Dee Ford,POS2,Support Team Lead", "300103,Dee Ford,POS2,CFO")
    with pytest.raises(OrgFileError, match="duplicate id 'POS2'"):
        orgroles.from_csv(
            write("workers.csv", text), id_col="Position Code", holder_col="Person Number"
        )


def test_a_leaver_on_a_shared_seat_is_no_job_share(write: Write) -> None:
    text = WORKERS.replace(
        "300103,Dee Ford,POS2,Support Team Lead,300100,Active",
        "300103,Dee Ford,POS2,Support Team Lead,300100,Terminated",
    )
    org, notes = import_notes(write("workers.csv", text), **OPTIONS)
    assert org.roles["POS2"].holder == "300101"
    assert not any("job share" in n for n in notes)
