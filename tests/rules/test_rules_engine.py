"""The rule engine: selection, parameters, severities, noqa, load-time checks, reports."""

from __future__ import annotations

import pytest

import orgroles
from orgroles.errors import OrgFileError, RuleConfigError

WIDE = """
people: [{id: ana, name: Ana Lima}, {id: bo, name: Bo Berg}]
roles:
  - {id: ceo, kind: ceo, holder: ana}
  - {id: cto, kind: cto, reports_to: ceo, holder: bo}
  - {id: d1, kind: developer, reports_to: cto}
  - {id: d2, kind: developer, reports_to: cto}
  - {id: d3, kind: developer, reports_to: cto}
"""


def codes(report: orgroles.rules.Report) -> list[str]:
    return sorted({v.code for v in report})


@pytest.fixture
def wide() -> orgroles.Org:
    return orgroles.loads(WIDE, path="wide.yaml")


def test_select_by_code_name_family_letter_and_family_name(wide: orgroles.Org) -> None:
    assert codes(wide.check(select=["C002"])) == ["C002"]
    assert codes(wide.check(select=["single-report"])) == ["C002"]
    assert codes(wide.check(select=["C"])) == ["C002"]
    assert codes(wide.check(select=["shape", "K"])) == ["C002"]
    assert codes(wide.check(select=["C"], params={"C001": {"max_span": 2}})) == ["C001", "C002"]
    assert codes(wide.check(select=["all"], ignore=["shape"])) == []


def test_select_and_ignore_take_one_string_as_the_command_line_does(
    wide: orgroles.Org,
) -> None:
    # "C002" was read one character at a time: "unknown rule '0'".
    assert wide.check(select="C002").rules == ["C002"]
    assert wide.check(select="C001, C002", ignore="C001").rules == ["C002"]
    chosen = wide.check(select="shape,K", ignore="C001").rules
    assert chosen == ["C002", "C003", *wide.check(select=["K"]).rules]


def test_ignore_adds_to_the_files_ignore() -> None:
    org = orgroles.loads("rules: {ignore: [C002]}\n" + WIDE)
    assert codes(org.check()) == []
    assert codes(org.check(select=["C002"])) == []  # the file's ignore still holds


def test_select_replaces_the_files_select() -> None:
    org = orgroles.loads("rules: {select: [K]}\n" + WIDE)
    assert codes(org.check()) == []
    assert codes(org.check(select=["C"])) == ["C002"]


def test_unknown_rules_in_arguments_are_errors_with_a_hint(wide: orgroles.Org) -> None:
    with pytest.raises(
        RuleConfigError, match=r"select: unknown rule 'C0002' \(did you mean 'C002'\?\)"
    ):
        wide.check(select=["C0002"])
    with pytest.raises(RuleConfigError, match=r"ignore: unknown rule 'singel-report'"):
        wide.check(ignore=["singel-report"])
    with pytest.raises(
        RuleConfigError, match=r"rules.params.C001: max_span: input should be a valid integer"
    ):
        wide.check(params={"C001": {"max_span": "many"}})
    with pytest.raises(RuleConfigError, match=r"params: unknown rule 'C999'"):
        wide.check(params={"C999": {}})


def test_an_unknown_parameter_in_arguments_is_said_as_in_a_file(wide: orgroles.Org) -> None:
    # It said pydantic's "rules.params.C001: max_spn: extra inputs are not permitted".
    with pytest.raises(
        RuleConfigError,
        match=r"^rules.params.C001: C001 has no parameter 'max_spn' "
        r"\(did you mean 'max_span'\?\) \(parameters: max_span\)$",
    ):
        wide.check(params={"C001": {"max_spn": 8}})


def test_params_and_severity_by_name(wide: orgroles.Org) -> None:
    report = wide.check(
        select=["C001"],
        params={"span-too-wide": {"max_span": 2}},
        severity={"span-too-wide": "error"},
    )
    assert [(v.code, v.severity, v.role) for v in report] == [("C001", "error", "cto")]
    assert not report.ok


def test_file_severity_makes_a_warning_an_error() -> None:
    org = orgroles.loads("rules: {severity: {C002: error}}\n" + WIDE)
    report = org.check(select=["C002"])
    assert report.errors[0].code == "C002"
    assert not report.ok


@pytest.mark.parametrize("noqa", ["[C002]", "[single-report]", "{C002: one report for now}"])
def test_noqa_silences_a_rule_for_one_role_and_keeps_the_reason(noqa: str) -> None:
    org = orgroles.loads(
        WIDE.replace("{id: ceo, kind: ceo,", f"{{id: ceo, kind: ceo, noqa: {noqa},")
    )
    report = org.check(select=["C002"])
    assert list(report) == []
    assert [s.violation.role for s in report.suppressed] == ["ceo"]
    expected = "one report for now" if noqa.startswith("{") else ""
    assert report.suppressed[0].reason == expected
    assert report.to_dict()["suppressed"][0]["reason"] == expected


def test_violations_point_at_the_roles_line(wide: orgroles.Org) -> None:
    v = wide.check(select=["C002"]).violations[0]
    assert v.location is not None
    assert (v.location.path, v.location.line, v.location.column) == ("wide.yaml", 4, 5)


def test_python_built_orgs_have_no_locations() -> None:
    org = orgroles.Org(roles=[{"id": "a"}, {"id": "b", "reports_to": "a"}])
    v = org.check(select=["C002"]).violations[0]
    assert v.location is None


def test_report_api(wide: orgroles.Org) -> None:
    report = wide.check(params={"C001": {"max_span": 2}})
    assert report.ok
    assert report.counts() == {"C001": 1, "C002": 1}
    assert sorted(report.by_role()) == ["ceo", "cto"]
    assert [v.code for v in report.by_role()["cto"]] == ["C001"]
    assert report.severity_counts() == {"error": 0, "warning": 1, "info": 1}
    data = report.to_dict()
    assert data["ok"] is True
    assert data["roles"] == 5
    assert data["violations"][0]["location"] == {"path": "wide.yaml", "line": 4, "column": 5}
    assert "C001" in data["rules"]
    assert repr(report) == "<Report 'wide': 1 warning, 1 info>"
    assert wide.check().ok


LOAD_ERRORS = [
    (
        "rules: {select: [C0002]}\n",
        (1, 18),
        "rules.select[0]",
        "unknown rule 'C0002' (did you mean 'C002'?)",
    ),
    (
        "rules: {ignore: [K9]}\n",
        (1, 18),
        "rules.ignore[0]",
        "unknown rule 'K9' (did you mean 'K'?)",
    ),
    (
        "rules:\n  params: {C001: {max_spn: 8}}\n",
        (2, 19),
        "rules.params.C001.max_spn",
        "C001 has no parameter 'max_spn' (did you mean 'max_span'?) (parameters: max_span)",
    ),
    (
        "rules:\n  params: {C001: {max_span: lots}}\n",
        (2, 29),
        "rules.params.C001.max_span",
        "C001: input should be a valid integer, unable to parse string as an integer",
    ),
    (
        "rules:\n  params: {C01: {}}\n",
        (2, 12),
        "rules.params.C01",
        "unknown rule 'C01' (did you mean 'C001'?)",
    ),
    (
        "rules:\n  severity: {C001: fatal}\n",
        (2, 20),
        "rules.severity.C001",
        "expected 'error', 'warning' or 'info', got 'fatal'",
    ),
    (
        "rules:\n  custom:\n    - {code: C001, type: max_span, max: 3}\n",
        (3, 14),
        "rules.custom[0].code",
        "code 'C001' is a built-in rule's: choose another, such as X001",
    ),
    (
        "rules:\n  custom:\n    - {code: X1, type: max_span, max: 3}\n    - {code: X1, type: max_span, max: 4}\n",
        (4, 14),
        "rules.custom[1].code",
        "code 'X1' is already used by rules.custom[0]",
    ),
    (
        "rules:\n  custom:\n    - {code: X1, type: max_spam, max: 3}\n",
        (3, 7),
        "rules.custom[0]",
        "unknown rule type 'max_spam' (did you mean 'max_span'?); expected 'must_report_to', 'max_span', 'requires', 'exclusive'",
    ),
    (
        "rules:\n  custom:\n    - {code: X1, type: must_report_to, select: 'kidn:pm', under: 'kind:cpo'}\n",
        (3, 48),
        "rules.custom[0].select",
        "unknown term 'kidn' (did you mean 'kind'?) in selector 'kidn:pm' (at character 1)",
    ),
    (
        "rules:\n  custom:\n    - {code: X1, type: requires, select: ''}\n",
        (3, 7),
        "rules.custom[0].responsibilities",
        "missing required key 'responsibilities'",
    ),
]


@pytest.mark.parametrize(("text", "position", "where", "message"), LOAD_ERRORS)
def test_rules_section_problems_are_located_load_errors(
    text: str, position: tuple[int, int], where: str, message: str
) -> None:
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, path="org.yaml")
    problem = info.value.problems[0]
    assert problem.location is not None
    assert (problem.location.line, problem.location.column) == position
    assert problem.where == where
    assert problem.message == message


def test_a_custom_rule_naming_an_unknown_role_fails_the_check_clearly() -> None:
    org = orgroles.loads(
        "roles: [{id: a}]\nrules:\n  custom:\n"
        "    - {code: X1, type: must_report_to, select: 'id:a', under: 'id:boss'}\n"
    )
    with pytest.raises(
        RuleConfigError, match=r"rules.custom\[0\].under: rule X1: unknown role 'boss'"
    ):
        org.check()


def test_the_article_scenario(tiny: orgroles.Org) -> None:
    """A founder checks that the hands-on CTO of a three-person team manages the two devs."""
    assert [r.id for r in tiny.reports("cto")] == ["dev-1", "dev-2"]
    report = tiny.check()
    assert report.ok
    assert list(report) == []
    no_code = orgroles.loads(
        tiny.dumps().replace("responsibilities: [hands-on-coding]", "responsibilities: []")
    )
    assert [(v.code, v.role) for v in no_code.check()] == [("K004", "cto")]


def test_a_rule_given_twice_by_code_and_by_name_is_an_error() -> None:
    # The later key won, silently: a severity of "error" could vanish from a CI gate.
    text = (
        "rules: {params: {span-too-wide: {max_span: 5}, C001: {max_span: 2}},\n"
        "        severity: {C001: error, span-too-wide: info}}\n" + WIDE
    )
    with pytest.raises(OrgFileError) as caught:
        orgroles.loads(text, path="org.yaml")
    messages = [str(p) for p in caught.value.problems]
    assert any(
        m.startswith("org.yaml:2:48: rules.severity.span-too-wide: 'C001' and 'span-too-wide'")
        for m in messages
    ), messages
    assert any(
        "rules.params.C001: 'span-too-wide' and 'C001' are the same rule" in m for m in messages
    )
    org = orgroles.loads(WIDE)
    with pytest.raises(RuleConfigError, match="'C001' and 'span-too-wide' are the same rule"):
        org.check(params={"C001": {"max_span": 2}, "span-too-wide": {"max_span": 5}})


def test_an_unknown_rule_in_noqa_is_a_load_error_at_its_place() -> None:
    # A typo in noqa silenced nothing, without a word.
    text = (
        "roles:\n"
        "  - {id: em, kind: engineering-manager, noqa: [C0002, shape, C002]}\n"
        "  - {id: d1, kind: developer, reports_to: em, noqa: {single-reprot: later}}\n"
    )
    with pytest.raises(OrgFileError) as caught:
        orgroles.loads(text, path="org.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "org.yaml:2:48: roles[0].noqa[0]: unknown rule 'C0002' (did you mean 'C002'?)",
        "org.yaml:2:55: roles[0].noqa[1]: unknown rule 'shape': noqa names rules, by code or "
        "name, not a family of them",
        "org.yaml:3:54: roles[1].noqa.single-reprot: unknown rule 'single-reprot' (did you "
        "mean 'single-report'?)",
    ]
    custom = "rules:\n  custom:\n    - {code: X001, type: max_span, select: 'kind:cto', max: 7}\n"
    assert orgroles.loads(custom + "roles:\n  - {id: a, noqa: [X001, C002]}\n")


def test_a_number_written_otherwise_suggests_the_id_it_writes_and_no_other_number() -> None:
    # "1.0" suggested "1000.0" (the id 1e3 became) though "1" exists; "12" suggested "2".
    org = orgroles.loads(
        '{"roles": [{"id": "1"}, {"id": "1000.0"}, {"id": "2", "reports_to": 1.0},'
        ' {"id": "3", "reports_to": "12"}]}',
        format="json",
    )
    messages = {v.role: v.message for v in org.check(select=["S002"])}
    assert messages == {
        "2": "reports_to '1.0' names no role (did you mean '1'?)",
        "3": "reports_to '12' names no role",
    }
