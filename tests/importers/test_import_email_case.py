"""Manager emails written in another letter case than the rows' emails, as sheets do."""

from __future__ import annotations

import pytest

import orgroles
from orgroles import OrgImportWarning

from tests.helpers import Write

SHEET = (
    "Name,Email,Role,Team,Manager\n"
    "Ana Ferrand,ana.ferrand@bluefinch.example,CEO,Leadership,\n"
    "Boris Lemaire,boris.lemaire@bluefinch.example,CTO,Engineering,Ana.Ferrand@Bluefinch.example\n"
    "Chloe Marin,chloe.marin@bluefinch.example,Engineer,Engineering,Boris.Lemaire@bluefinch.example\n"
    "Dario Velez,dario.velez@bluefinch.example,Engineer,Engineering,BORIS.LEMAIRE@BLUEFINCH.EXAMPLE\n"
    "Elif Aksoy,elif.aksoy@bluefinch.example,Designer,Product,ana.ferrand@bluefinch.example\n"
)


def test_a_sheet_whose_manager_emails_are_in_other_case_reads_every_line(write: Write) -> None:
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(write("team.csv", SHEET))
    by_name = {p.name: p.id for p in org.people.values()}
    boss = {org.holders_of(r)[0].name: r.reports_to for r in org.roles.values()}
    assert boss == {
        "Ana Ferrand": None,
        "Boris Lemaire": by_name["Ana Ferrand"],
        "Chloe Marin": by_name["Boris Lemaire"],
        "Dario Velez": by_name["Boris Lemaire"],
        "Elif Aksoy": by_name["Ana Ferrand"],
    }
    problems = [p for w in caught for p in w.message.problems]  # type: ignore[union-attr]
    cased = [p for p in problems if p.code == "letter-case"]
    assert len(cased) == 1  # one note for the three cells
    assert str(cased[0]).endswith(
        "no row has the manager email 'Ana.Ferrand@Bluefinch.example'; read as "
        "'ana.ferrand@bluefinch.example' (the same address in other letter case, which mail "
        "providers ignore), the email of line 2, and so are 2 more cells read so "
        "(line 4, line 5)"
    )
    assert not [p for p in problems if p.code == "unknown-manager"]
