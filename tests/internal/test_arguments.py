"""A call with an argument a public function does not take names those it takes.

Python's own `TypeError` ("got an unexpected keyword argument 'bogus'") said neither
what the function takes nor came as an `OrgError`; the error is still a `TypeError`.
"""

from __future__ import annotations

import pytest

import orgroles
from orgroles import OrgArgumentError, OrgError

from tests.helpers import EXAMPLES

TINY = EXAMPLES / "three_person_tech_team.yaml"
DATED = EXAMPLES / "scaleup_over_time.yaml"


@pytest.fixture(scope="module")
def org() -> orgroles.Org:
    return orgroles.load(TINY)


def test_an_unknown_keyword_names_the_arguments_taken(org: orgroles.Org) -> None:
    with pytest.raises(OrgArgumentError) as caught:
        org.check(selct="K")  # type: ignore[call-arg]
    assert str(caught.value) == (
        "Org.check() has no argument 'selct' (did you mean 'select'?); "
        "it takes select, ignore, params and severity"
    )
    assert isinstance(caught.value, OrgError)
    assert isinstance(caught.value, TypeError)
    with pytest.raises(OrgArgumentError, match=r"^Org.history\(\) has no argument 'bogus'"):
        org.history(bogus=1)  # type: ignore[call-arg]
    with pytest.raises(OrgArgumentError, match=r"it takes lang, since, targets and report$"):
        org.report(bogus=1)  # type: ignore[call-arg]


def test_check_over_time_names_its_options() -> None:
    # Org.check_over_time(**options) passed them on: Python's TypeError came from inside.
    dated = orgroles.load(DATED)
    with pytest.raises(
        OrgArgumentError,
        match=r"^check_over_time\(\) has no argument 'bogus'; "
        r"it also takes select, ignore, params, severity, start and end$",
    ):
        dated.check_over_time(bogus=1)


def test_arguments_by_position_and_missing_ones(org: orgroles.Org) -> None:
    with pytest.raises(OrgArgumentError, match=r"^Org.span\(\) takes no arguments by position"):
        org.span("cto")  # type: ignore[call-arg]
    with pytest.raises(OrgArgumentError, match=r"^Org.reports\(\) is missing its argument 'role'"):
        org.reports()  # type: ignore[call-arg]


def test_a_type_error_from_inside_goes_on_unchanged(org: orgroles.Org) -> None:
    with pytest.raises(TypeError, match="a selector is a str or a Selector, not int") as caught:
        org.select(5)  # type: ignore[arg-type]
    assert not isinstance(caught.value, OrgArgumentError)


def test_load_says_what_it_reads() -> None:
    with pytest.raises(
        OrgArgumentError, match=r"^load\(\) reads a file named by a str or a Path, not int$"
    ):
        orgroles.load(123)  # type: ignore[arg-type]
    with pytest.raises(OrgArgumentError, match=r"not bytes: for text, use loads\(\)$"):
        orgroles.load(b"roles: []")  # type: ignore[arg-type]
    with pytest.raises(
        OrgArgumentError,
        match=r"^load\(\) has no argument 'asof' \(did you mean 'as_of'\?\); it also takes format",
    ):
        orgroles.load(TINY, asof="2026-01-01")  # type: ignore[call-arg]
