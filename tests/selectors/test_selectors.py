"""The selector mini-language: parsing (with carets) and matching."""

from __future__ import annotations

import pytest

import orgroles
from orgroles.errors import SelectorError
from orgroles.selectors import parse


def ids(org: orgroles.Org, selector: str) -> list[str]:
    return [r.id for r in org.select(selector)]


def test_each_term(scaleup: orgroles.Org) -> None:
    assert ids(scaleup, "id:cto") == ["cto"]
    assert ids(scaleup, "kind:designer") == ["design-lead", "designer-1", "designer-2"]
    assert ids(scaleup, "family:executive") == ["ceo", "cto", "cpo"]
    assert ids(scaleup, "team:design") == ["design-lead", "designer-1", "designer-2"]
    assert ids(scaleup, "team:lead-platform") == [
        "lead-platform",
        "dev-platform-1",
        "dev-platform-2",
    ]
    assert ids(scaleup, "has:product-vision") == ["cpo"]
    assert ids(scaleup, "under:design-lead") == ["designer-1", "designer-2"]
    assert ids(scaleup, "holder:mei") == ["pm-core"]
    assert ids(scaleup, "title~ASSISTANT") == ["exec-assistant"]
    assert ids(scaleup, "name~garn") == ["ceo"]
    assert ids(scaleup, "vacant") == ["dev-apps-3"]
    assert ids(scaleup, "acting") == ["po-apps"]
    assert ids(scaleup, "assistant") == ["exec-assistant"]


def test_and_or_not_and_quotes(scaleup: orgroles.Org) -> None:
    assert ids(scaleup, "kind:developer under:lead-apps -vacant") == ["dev-apps-1", "dev-apps-2"]
    assert ids(scaleup, "kind:cto,cpo") == ["cto", "cpo"]
    assert ids(scaleup, 'title~"data protection"') == ["security-officer"]
    assert len(ids(scaleup, "")) == 20
    assert ids(scaleup, "  kind:cpo   ") == ["cpo"]


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ("kidn:cto", "unknown term 'kidn' (did you mean 'kind'?)", 0),
        ("vacant kind", "'kind' needs a value: write kind:...", 7),
        ("kind:", "missing value after 'kind:'", 5),
        ("title:x", "write title~..., not title:...", 5),
        ("kind~x", "write kind:..., not kind~...", 4),
        ("vacant:yes", "'vacant' takes no value", 0),
        ('title~"open', "unterminated quote", 6),
        ('title~"a"b', "a space must follow a closing quote", 9),
        (
            "under:cto frobnicate",
            "unknown term 'frobnicate' (terms: id:X, kind:X, family:X, team:X, seniority:X, "
            "has:X, under:X, reports:X, manager:X, holder:X, title~TEXT, name~TEXT, vacant, "
            "acting, planned, inferred, assistant)",
            10,
        ),
    ],
)
def test_parse_errors_point_at_the_bad_term(text: str, message: str, position: int) -> None:
    with pytest.raises(SelectorError) as info:
        parse(text)
    assert info.value.message == message
    assert info.value.position == position
    assert str(info.value).splitlines()[-1] == "  " + " " * position + "^"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("under:ctoo", "unknown role 'ctoo' (did you mean 'cto'?)"),
        ("kind:designr", "unknown kind 'designr' (did you mean 'designer'?)"),
        (
            "has:data-protecion",
            "unknown responsibility 'data-protecion' (did you mean 'data-protection'?)",
        ),
        ("holder:meii", "unknown person 'meii' (did you mean 'mei'?)"),
        ("team:desing", "unknown team (or role) 'desing' (did you mean 'design'?)"),
        ("family:execs", "unknown family 'execs'"),
    ],
)
def test_values_that_name_nothing_are_errors(
    scaleup: orgroles.Org, text: str, message: str
) -> None:
    with pytest.raises(SelectorError) as info:
        scaleup.select(text)
    assert info.value.message.startswith(message)
    assert info.value.position == text.index(":") + 1


def test_a_selector_is_not_code() -> None:
    with pytest.raises(SelectorError):
        parse(42)  # type: ignore[arg-type]
    sel = parse("kind:cto under:ceo")
    assert str(sel) == "kind:cto under:ceo"
