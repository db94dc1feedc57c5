"""A role given as something that is not an id nor a `Role` is an unknown role."""

from __future__ import annotations

import pytest

import orgroles

ASKS = [
    "manager",
    "reports",
    "chain",
    "subtree",
    "responsibilities_of",
    "team",
    "team_of",
    "teams_of",
    "title_of",
    "holders_of",
    "kind_of",
    "family_of",
    "headcount",
]


@pytest.mark.parametrize("bad", [None, 5, ["ceo"], {"id": "ceo"}])
@pytest.mark.parametrize("ask", ASKS)
def test_a_role_that_is_not_an_id_is_an_unknown_role(ask: str, bad: object) -> None:
    # A service passes ids from a JSON body: null or a number raised AttributeError
    # ('NoneType' object has no attribute 'id'), outside the OrgError family.
    org = orgroles.loads("roles:\n  - {id: ceo}\n  - {id: cto, reports_to: ceo}\n")
    with pytest.raises(orgroles.UnknownRoleError, match="unknown role"):
        getattr(org, ask)(bad)


@pytest.mark.parametrize("bad", [None, 5, ["ceo"], {"id": "ceo"}])
def test_subset_and_location_of_a_non_id(bad: object) -> None:
    org = orgroles.loads("roles:\n  - {id: ceo}\n  - {id: cto, reports_to: ceo}\n")
    with pytest.raises(orgroles.UnknownRoleError):
        org.subset([bad])  # type: ignore[list-item]
    assert org.location_of(bad) is None  # type: ignore[arg-type]  # as for an unknown id
