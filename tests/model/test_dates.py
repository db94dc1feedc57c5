"""The dated format: the models, what a record means on a day, and the form checks."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import orgroles
from orgroles.errors import OrgFileError, OrgValidationError
from orgroles.model import Role
from orgroles.model.dates import boundaries, on_day, plain_copy, state_on
from orgroles.model.org import Line, Tenure


def test_dates_are_iso_days_and_nothing_looser() -> None:
    assert orgroles.Org(roles=[{"id": "x", "start": "2026-03-01"}]).records["x"].start == date(
        2026, 3, 1
    )
    for bad in ("2026-3-1", "2026-02-30", "01/03/2026", "2026-03-01T00:00:00", 20260301):
        with pytest.raises(OrgValidationError):
            orgroles.Org(roles=[{"id": "x", "start": bad}])


def _reference_day(value: object) -> date | str:
    """The rule for days, written plainly: `YYYY-MM-DD` (any digits `\\d` matches) that
    `date.fromisoformat` reads; a `date` that is not a `datetime`; else an error."""
    if isinstance(value, datetime):
        return "error"
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return "error"
    return "error"


def _validated_day(value: object) -> date | str:
    try:
        return Tenure(person="p", start=value).start  # type: ignore[arg-type,return-value]
    except ValidationError:
        return "error"


@pytest.mark.parametrize(
    "value",
    [
        "2026-03-01",
        "0001-01-01",
        "9999-12-31",
        "2024-02-29",
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-W01-1",  # an ISO week day: fromisoformat reads it, a file may not
        "2026W011",
        "20260301",
        "2026-03-1 ",
        " 2026-03-01",
        "2026-03-01T00:00",
        "2026-03-0a",
        "202a-03-01",
        "\u0662\u0660\u0662\u0666-03-01",  # Arabic-Indic digits: \\d matches them
        "\uff12\uff10\uff12\uff16-03-01",  # fullwidth digits
        "2026-03-01\n",
        "",
        date(2026, 3, 1),
        datetime(2026, 3, 1),
        20260301,
    ],
)
def test_days_are_read_as_the_plain_rule_says(value: object) -> None:
    """The validator's fast path (ten characters, dashes at 4 and 7) accepts no more and
    no less than the rule."""
    assert _validated_day(value) == _reference_day(value)


@given(st.text(alphabet="0123456789-W T:\u0662\uff10", min_size=8, max_size=12))
def test_any_text_is_a_day_exactly_when_the_plain_rule_says(value: str) -> None:
    assert _validated_day(value) == _reference_day(value)


def test_a_bad_date_is_a_load_error_at_its_line_and_column() -> None:
    text = "roles:\n  - id: cto\n    holder:\n      - {person: ana, start: 2026-02-30}\n"
    with pytest.raises(OrgFileError) as caught:
        orgroles.loads(text, path="org.yaml")
    assert "org.yaml:4:30: roles[0].holder[0].start:" in str(caught.value)
    assert "'2026-02-30' is not a day of the calendar" in str(caught.value)


def test_an_end_before_its_start_is_a_load_error_at_its_line() -> None:
    text = (
        "roles:\n"
        "  - {id: ceo}\n"
        "  - id: cto\n"
        "    start: 2026-05-01\n"
        "    end: 2026-04-30\n"
        "    holder: [{person: ana, start: 2026-06-01, end: 2026-05-31}]\n"
    )
    with pytest.raises(OrgFileError) as caught:
        orgroles.loads(text, path="org.yaml")
    problems = caught.value.problems
    assert [(p.location.line, p.where) for p in problems if p.location] == [
        (5, "roles[1].end"),
        (6, "roles[1].holder[0].end"),
    ]
    assert "the seat ends (2026-04-30) before it starts (2026-05-01)" in str(caught.value)


def test_overlapping_reporting_lines_are_a_load_error_at_the_second_line() -> None:
    text = (
        "roles:\n"
        "  - {id: ceo}\n"
        "  - {id: coo}\n"
        "  - id: cto\n"
        "    reports_to:\n"
        "      - {role: ceo, end: 2026-02-28}\n"
        "      - {role: coo, start: 2026-02-01}\n"
    )
    with pytest.raises(OrgFileError) as caught:
        orgroles.loads(text, path="org.yaml")
    (problem,) = caught.value.problems
    assert problem.location is not None
    assert (problem.location.line, problem.location.column) == (7, 9)
    assert "reporting lines overlap" in problem.message
    assert problem.code == "dates"


def test_a_job_share_may_overlap_and_lists_holders_in_order_of_arrival() -> None:
    role = Role(
        id="dev",
        holder=(
            Tenure(person="bo", start=date(2026, 2, 1)),
            Tenure(person="ana", start=date(2026, 1, 1)),
            "cy",
        ),
    )
    assert state_on(role, date(2026, 3, 1)) == (("cy", "ana", "bo"), False, None)
    assert state_on(role, date(2026, 1, 15)) == (("cy", "ana"), False, None)


def test_plain_copy_equals_the_validated_role() -> None:
    record = Role(
        id="cto",
        title="CTO",
        kind="cto",
        family="tech",
        seniority="chief",
        start=date(2024, 1, 1),
        holder=(Tenure(person="ana", acting=True),),
        reports_to=(Line(role="ceo"),),
        dotted_to=("cpo",),
        responsibilities=("c1",),
        noqa={"K004": "why"},
        meta={"a": 1},
    )
    fast = plain_copy(record, "ana", True, "ceo", True)
    slow = dataclasses.replace(
        record, start=None, holder="ana", acting=True, reports_to="ceo", planned=True
    )
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert fast.to_dict() == slow.to_dict()
    # every field is copied: a new field of Role must be added to plain_copy too
    assert {f.name for f in dataclasses.fields(Role)} == set(fast.to_dict(defaults=True))


def test_a_record_on_a_day_and_its_boundaries() -> None:
    cto = Role(
        id="cto",
        start=date(2024, 1, 15),
        end=date(2026, 12, 31),
        holder=(Tenure(person="camille", end=date(2025, 6, 30)),),
        reports_to=(
            Line(role="ceo", end=date(2026, 2, 28)),
            Line(role="coo", start=date(2026, 3, 1)),
        ),
    )
    assert cto.dated
    assert cto.holders == ("camille",)
    assert cto.manager_id == "ceo"
    assert on_day(cto, date(2024, 1, 14)) is None
    assert on_day(cto, date(2025, 7, 1)) == Role(id="cto", reports_to="ceo")
    assert on_day(cto, date(2026, 3, 1)) == Role(id="cto", reports_to="coo")
    assert boundaries(cto) == [
        date(2024, 1, 15),
        date(2025, 7, 1),
        date(2026, 3, 1),
        date(2027, 1, 1),
    ]


def test_undated_roles_are_not_dated() -> None:
    assert not Role(id="a", holder=("ana", "bo"), reports_to="b", planned=True).dated


def test_an_interim_who_is_appointed_keeps_their_place_in_a_job_share() -> None:
    """Touching tenures of one person are one presence: its order of arrival holds."""
    role = Role(
        id="dev",
        holder=(
            Tenure(person="bo", end=date(2026, 1, 10), acting=True),
            Tenure(person="ana", start=date(2026, 1, 5)),
            Tenure(person="bo", start=date(2026, 1, 11)),
        ),
    )
    assert state_on(role, date(2026, 1, 10)) == (("bo", "ana"), True, None)
    assert state_on(role, date(2026, 1, 11)) == (("bo", "ana"), False, None)
