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


def test_spans_and_layers_compared(scaleup: orgroles.Org) -> None:
    assert ids(scaleup, "span>3") == ["lead-apps"]
    assert ids(scaleup, "span>=3") == ["cto", "cpo", "lead-apps"]
    assert ids(scaleup, "span:2") == ["ceo", "em-platform", "lead-platform", "design-lead"]
    assert ids(scaleup, "span=2") == ids(scaleup, "span:2")
    assert ids(scaleup, "span<1 layer<=2") == ["exec-assistant"]  # not in the CEO's span
    assert ids(scaleup, "layer:1") == ["ceo"]
    assert ids(scaleup, "-span>0 layer>4") == ["dev-platform-1", "dev-platform-2"]
    assert ids(scaleup, "span>2 family:executive") == ["cto", "cpo"]


@pytest.mark.parametrize("op", [">", ">=", "<", "<=", "=", ":"])
@pytest.mark.parametrize("number", [0, 1, 2, 3, 4, 11])
def test_comparisons_agree_with_span_and_layers(op: str, number: int) -> None:
    import operator
    import warnings
    from collections.abc import Callable

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        org = orgroles.from_gitlab("tests/data/gitlab-team/team.yml")
    tests: dict[str, Callable[[int, int], bool]] = {
        ">": operator.gt,
        ">=": operator.ge,
        "<": operator.lt,
        "<=": operator.le,
        "=": operator.eq,
        ":": operator.eq,
    }
    test = tests[op]
    spans, layers = org.span(), org.layers()
    assert ids(org, f"span{op}{number}") == [r for r in org.roles if test(spans[r], number)]
    expected = [r for r in org.roles if (layer := layers[r]) is not None and test(layer, number)]
    assert ids(org, f"layer{op}{number}") == expected


def test_roles_in_a_cycle_have_no_layer_to_compare() -> None:
    org = orgroles.loads(
        "roles:\n  - {id: ceo}\n  - {id: a, reports_to: b}\n  - {id: b, reports_to: a}\n"
    )
    assert ids(org, "layer>0") == ["ceo"]
    assert ids(org, "-layer>0") == ["a", "b"]
    assert ids(org, "span:1") == ["a", "b"]


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
        ("span", "'span' needs a comparison: write span>N (or >=, <, <=, =)", 4),
        ("span~3", "'span' needs a comparison: write span>N (or >=, <, <=, =)", 4),
        ("span>x", "span> takes a whole number, not 'x'", 5),
        ("layer>=", "layer>= takes a whole number, not nothing", 7),
        ("span>-1", "span> takes a whole number, not '-1'", 5),
        ("kind>3", "'kind' compares nothing: write kind:... (only span, layer take >)", 4),
        ("id=cto", "'id' compares nothing: write id:... (only span, layer take =)", 2),
        ("title=CTO", "'title' compares nothing: write title~... (only span, layer take =)", 5),
        ("span>" + "9" * 19, "span> takes a number of at most 18 digits", 5),
        ("span!=3", "!= is not a comparison: write -span=N (not equal to N)", 4),
        (
            "under:cto frobnicate",
            "unknown term 'frobnicate' (terms: id:X, kind:X, family:X, team:X, seniority:X, "
            "has:X, under:X, reports:X, manager:X, holder:X, title~TEXT, name~TEXT, span>N, "
            "layer>N, vacant, acting, planned, inferred, assistant)",
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


def test_a_term_without_a_name_says_how_terms_start() -> None:
    with pytest.raises(SelectorError) as info:
        parse("under:cto >3")
    assert info.value.message.startswith("a term starts with its name (id:X, kind:X,")
    assert info.value.position == 10


DATED_RULES = """\
rules:
  custom:
    - {code: X001, type: must_report_to, select: "kind:product-owner", under: "id:cpo"}
    - {code: X002, type: max_span, select: "under:cpo", max: 5}
roles:
  - {id: ceo, kind: ceo, holder: ana}
  - {id: cpo, kind: cpo, reports_to: ceo, start: 2025-01-01, holder: bo}
  - {id: po-1, kind: product-owner, reports_to: ceo, holder: cy}
"""


def test_a_seat_of_another_day_names_no_role_in_a_days_view() -> None:
    # A rule naming the CPO's seat stopped every check of a day before the seat opened:
    # "unknown role 'cpo' (did you mean 'ceo'?)", in `as_of`, `viewed` and `--over-time`.
    org = orgroles.loads(DATED_RULES, today="2026-01-01")
    for view in (org.as_of("2024-06-01"), org.viewed("2024-06-01"), org.as_of("2024-06-01").copy()):
        assert "cpo" not in view.roles
        assert [(v.code, v.role) for v in view.check() if v.code.startswith("X")] == [
            ("X001", "po-1")
        ]
        for term in ("id:cpo", "under:cpo", "reports:cpo", "manager:cpo"):
            assert view.select(term) == []
        assert [r.id for r in view.select("id:cpo,po-1")] == ["po-1"]
    assert {span.violation.code for span in org.check_over_time()} >= {"X001"}
    # A typo is still refused, in a view as in the org.
    with pytest.raises(SelectorError, match="unknown role 'cpoo'"):
        org.as_of("2024-06-01").select("id:cpoo")
    with pytest.raises(SelectorError, match="unknown role 'cpo'"):
        orgroles.loads("roles: [{id: ceo}]").select("under:cpo")


def test_a_quoted_value_is_one_value_commas_and_all() -> None:
    # It was split at its commas: id:"Head Office, Paris" asked for 'Head Office'.
    org = orgroles.Org(
        roles=[
            {"id": "Head Office, Paris", "holder": "Dupont, Jean"},
            {"id": "b", "reports_to": "Head Office, Paris"},
        ],
        people=[{"id": "Dupont, Jean"}],
    )
    for text, found in [
        ('id:"Head Office, Paris"', ["Head Office, Paris"]),
        ('holder:"Dupont, Jean"', ["Head Office, Paris"]),
        ('under:"Head Office, Paris"', ["b"]),
        ("id:b,Paris", None),  # unquoted, commas still list alternatives
    ]:
        if found is None:
            with pytest.raises(SelectorError, match="unknown role 'Paris'"):
                org.select(text)
        else:
            assert [r.id for r in org.select(text)] == found


def test_team_by_its_name_as_an_import_writes_the_department() -> None:
    # The analyst types the department of the export, not the team's id (a slug).
    org = orgroles.from_records(
        [
            {"id": "1", "Title": "CEO", "Department": "Executive"},
            {
                "id": "2",
                "Title": "VP Customer Success",
                "Boss": "1",
                "Department": "Customer Success",
            },
            {"id": "3", "Title": "CSM", "Boss": "2", "Department": "Customer Success"},
            {"id": "4", "Title": "Product Manager", "Boss": "1", "Department": "Product"},
        ],
        id_col="id",
        title_col="Title",
        manager_col="Boss",
        department_col="Department",
    )
    assert ids(org, 'team:"Customer Success"') == ["2", "3"]
    assert ids(org, "team:Product") == ids(org, "team:product") == ["4"]
    assert ids(org, "team:Product,Executive") == ["1", "4"]
    with pytest.raises(SelectorError, match="did you mean 'Product'"):
        org.select("team:Prodcut")


def test_a_role_id_wins_over_a_team_name() -> None:
    org = orgroles.Org(
        roles=[{"id": "a"}, {"id": "b", "reports_to": "a"}, {"id": "c"}],
        teams=[{"id": "t", "name": "b", "members": ["c"]}],
    )
    assert ids(org, "team:b") == ["b"]
    assert ids(org, "team:t") == ["c"]
