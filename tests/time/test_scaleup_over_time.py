"""examples/scaleup_over_time.yaml, day by day: what a person reading the file would say.

"Today" is fixed at 2026-05-15: the seats of July 2026 are planned.
"""

from __future__ import annotations

from datetime import date

import pytest

import orgroles

from tests.helpers import EXAMPLES

TODAY = date(2026, 5, 15)
PATH = EXAMPLES / "scaleup_over_time.yaml"


@pytest.fixture(scope="module")
def org() -> orgroles.Org:
    return orgroles.load(PATH, today=TODAY)


def test_sixty_dated_seats_over_three_years(org: orgroles.Org) -> None:
    assert len(org.records) == 60
    days = [c.date for c in org.history()]
    assert days[0] == date(2024, 1, 8)
    assert days[-1] == date(2026, 8, 1)


def test_the_file_reads_back_as_written(org: orgroles.Org) -> None:
    assert orgroles.loads(org.dumps(), today=TODAY) == org
    again = orgroles.loads(org.dumps("json"), format="json", today=TODAY)
    assert again == org
    assert list(again.records) == list(org.records)  # the author's order


def test_the_founding_day(org: orgroles.Org) -> None:
    day = org.as_of("2024-01-08")
    assert sorted(day.roles) == ["ceo", "cto", "dev-1", "lead-dev", "office-manager"]
    assert day.roles["cto"].holder == "camille"
    assert day.roles["cto"].responsibilities == ("hands-on-coding",)
    assert len(org.as_of("2024-01-07")) == 0  # the day before: nothing yet


def test_before_the_cpo_the_product_owners_report_to_the_cto(org: orgroles.Org) -> None:
    day = org.as_of("2024-08-31")
    assert "cpo" not in day
    assert [r.id for r in day.reports("cto")] == ["lead-dev", "po-1", "po-2"]
    assert day.roles["designer-1"].reports_to == "ceo"
    assert org.as_of("2024-08-30").roles["intern"].holder == "cyril"  # its last day
    assert "intern" not in day


def test_the_cpo_hire(org: orgroles.Org) -> None:
    day = org.as_of("2024-09-01")
    assert day.roles["cpo"].holder == "ines"
    assert day.roles["cpo"].reports_to == "ceo"
    assert "intern" not in day  # the internship ended on 2024-08-30


def test_the_reorg_moves_the_product_owners_to_the_cpo(org: orgroles.Org) -> None:
    before, after = org.as_of("2025-03-31"), org.as_of("2025-04-01")
    owners = ["po-1", "po-2", "po-3"]
    assert [before.roles[p].reports_to for p in owners] == ["cto", "cto", "cto"]
    assert [after.roles[p].reports_to for p in owners] == ["cpo", "cpo", "cpo"]
    moves = [c for c in org.history() if c.kind == "moved"]
    assert [(c.date, c.role, c.before, c.after) for c in moves] == [
        (date(2025, 4, 1), p, "cto", "cpo") for p in owners
    ]


def test_the_interim_cto_then_the_new_cto(org: orgroles.Org) -> None:
    assert org.as_of("2025-10-31").roles["cto"].holder == "camille"
    interim = org.as_of("2025-11-01").roles["cto"]
    assert (interim.holder, interim.acting) == ("yanis", True)
    assert org.as_of("2025-11-01").roles["lead-dev"].holder == "yanis"  # both seats
    new = org.as_of("2026-03-01").roles["cto"]
    assert (new.holder, new.acting) == ("hana", False)
    kinds = [(c.date, c.kind) for c in org.history() if c.role == "cto"]
    assert kinds == [
        (date(2024, 1, 8), "seat-opened"),
        (date(2025, 11, 1), "holder-out"),
        (date(2025, 11, 1), "holder-in"),
        (date(2025, 11, 1), "acting-start"),
        (date(2026, 3, 1), "holder-out"),
        (date(2026, 3, 1), "holder-in"),
        (date(2026, 3, 1), "acting-end"),
    ]


def test_a_seat_left_empty(org: orgroles.Org) -> None:
    assert org.as_of("2025-11-30").roles["ae-3"].holder == "farah"
    assert org.as_of("2025-12-01").roles["ae-3"].vacant
    assert "office-manager" not in org.as_of("2025-07-01")


def test_today_shows_next_quarters_seats_as_planned(org: orgroles.Org) -> None:
    planned = ["dev-13", "dev-14", "ml-eng", "pm-3", "ae-5", "support-4"]
    assert [r.id for r in org.select("planned")] == planned
    assert org.roles["dev-13"].holder == "abel"  # a signed offer
    assert org.roles["dev-14"].vacant
    assert org.roles["dev-14"].reports_to == "em"
    frame = org.to_frame()
    assert frame.loc["dev-13", "planned"]
    assert not frame.loc["dev-12", "planned"]
    metrics = org.metrics()
    assert metrics["planned"] == 6
    assert metrics["vacancies"] == 1  # ae-3; the planned seats are not vacancies
    past = org.as_of("2026-05-01")
    assert not past.select("planned")
    assert "dev-13" not in past
    later = org.as_of("2026-07-15")
    assert [r.id for r in later.select("planned")] == planned  # still after today
    assert org.as_of("2026-07-15", today="2026-07-15").select("planned")[0].id == "support-4"


def test_the_plain_org_of_a_day_checks_and_draws_as_any_org(org: orgroles.Org) -> None:
    day = org.as_of("2025-04-01")
    assert not day.dated
    assert [v.code for v in day.check(select=["K002"])] == ["K002"] * 3
    assert day.to_mermaid().count("Product Owner") == 3


def test_as_of_the_day_the_org_shows_is_its_own_view_in_a_table_of_its_own() -> None:
    org = orgroles.load(PATH, today=TODAY)
    fresh = orgroles.load(PATH, today=TODAY)
    shown = org.as_of(TODAY)  # the view of today, made for it and kept by the org
    built = fresh.viewed(date(2026, 5, 14)).as_of(TODAY)  # another day's view: built anew
    assert dict(shown.roles) == dict(built.roles)
    assert [r.id for r in shown] == [r.id for r in built]
    assert dict(org.roles) == dict(shown.roles)
    shown.add_role(orgroles.Role(id="new-seat"))
    assert "new-seat" in shown
    assert "new-seat" not in org  # the org's own view is not the shown org's table
    assert "new-seat" not in org.as_of(TODAY)


def test_check_over_time_reads_its_days_as_as_of_does(org: orgroles.Org) -> None:
    # start="x" failed inside with "'>=' not supported between instances of
    # 'datetime.date' and 'str'", and a day written YYYY-MM-DD was not taken.
    written = org.check_over_time(start="2025-01-01", end="2025-12-31")
    assert written == org.check_over_time(start=date(2025, 1, 1), end=date(2025, 12, 31))
    with pytest.raises(orgroles.OrgUsageError, match=r"^not a day: '01/03/2026'"):
        org.check_over_time(start="01/03/2026")
