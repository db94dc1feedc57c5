"""An imported executive assistant is marked `assistant` from its job title, so that it
counts in no span of control (probe 47: Rippling, Deel, UKG Pro, Paylocity exports); a
title that only begins with "Assistant" is no assistant to a manager."""

from __future__ import annotations

import pytest

from orgroles.importers.assistants import reads_as_assistant

from tests.helpers import Write, import_notes

STAFF = """\
Employee ID,Name,Job Title,Manager ID
1,Ines Varga,Chief Executive Officer,
2,Hal Brandt,Office Manager & EA,1
3,Oli Moss,Chief Technology Officer,1
4,Ty Roe,Assistant Professor,1
5,Pia Ek,"Assistant Manager, Operations",3
6,Bo Lind,Assistant Director (Research Services),3
7,Cy Dunn,Dental Assistant,3
8,Ed Fox,Executive Assistant to the CTO,3
9,Al Ray,Assistant to the CEO,
"""


def test_executive_assistants_are_marked_from_their_titles(write: Write) -> None:
    org, notes = import_notes(write("staff.csv", STAFF))
    assert [r.id for r in org.roles.values() if r.assistant] == ["2", "8"]
    (note,) = [n for n in notes if "executive assistant" in n]
    assert note == (
        "3:3: column 'Job Title': 2 roles read as executive assistants from their titles "
        "('Office Manager & EA', 'Executive Assistant to the CTO'): marked assistant, drawn "
        "beside their manager and outside the span of control (line 3, line 9)"
    )
    # The CEO's span counts the CTO and the professor, not the assistant.
    assert org.span()["1"] == 2
    # A root is no one's assistant.
    assert not org.roles["9"].assistant


def test_kinds_none_marks_no_assistant(write: Write) -> None:
    org, notes = import_notes(write("staff.csv", STAFF), kinds="none")
    assert not any(r.assistant for r in org.roles.values())
    assert not any("executive assistant" in n for n in notes)


def test_a_pool_of_assistants_is_its_lead_s_team(write: Write) -> None:
    text = "Employee ID,Name,Job Title,Manager ID\n1,Ines Varga,CEO,\n"
    text += "2,Hal Brandt,Head of Executive Support,1\n"
    text += "".join(f"{i},Person {i},Executive Assistant,2\n" for i in range(3, 6))
    org, _ = import_notes(write("staff.csv", text))
    assert not any(r.assistant for r in org.roles.values())


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Executive Assistant", True),
        ("EA to the Chief Executive Officer", True),
        ("PA to the Dean", True),
        ("Office Manager & EA", True),
        ("Executive Assistant / Office Manager", True),
        ("Assistenz der Geschäftsführung", True),
        ("EA", True),
        ("Assistant Professor", False),
        ("Assistant Manager", False),
        ("Assistant Director", False),
        ("Dental Assistant", False),
        ("Research Assistant", False),
        ("Assistant Vice President", False),
        ("Research and Development", False),
    ],
)
def test_which_titles_read_as_an_assistant(title: str, expected: bool) -> None:
    assert reads_as_assistant(title) is expected
