"""Hostile rule sections: long lists, repeats and absurd parameters stay bounded.

Each test counts work or memory (violations, tracemalloc peaks), never time: the
reproducers of the hostile-input review (F1, F5, F13) and their siblings.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

import orgroles
from orgroles.errors import OrgFileError, RuleConfigError
from orgroles.rules import all_rules, engine, output

from tests.helpers import Cli


def exclusive_org(k: int, people: int = 1) -> str:
    """F1's reproducer (``exclusive_blowup_output.yaml``): one person holds the ``k``
    responsibilities that an ``exclusive`` rule lists."""
    resp = [f"x{i}" for i in range(k)]
    lines = ["responsibilities:", *(f"  - {{id: {r}}}" for r in resp), "roles:"]
    lines += [
        f"  - {{id: a{n}, holder: p{n}, responsibilities: [{', '.join(resp)}]}}"
        for n in range(people)
    ]
    lines += ["rules:", "  custom:"]
    lines += [f"    - {{code: X1, type: exclusive, responsibilities: [{', '.join(resp)}]}}"]
    return "\n".join(lines) + "\n"


def test_an_exclusive_list_reports_each_person_once_not_each_pair() -> None:
    # 300 responsibilities make 44,850 pairs: one finding per pair was F1's blow-up.
    report = orgroles.loads(exclusive_org(300, people=3)).check(select=["X1"])
    assert [v.role for v in report] == ["a0", "a1", "a2"]
    assert "'x0', 'x1', 'x2'" in report.violations[0].message
    assert "and 290 more" in report.violations[0].message


def test_the_exclusive_blowup_reproducer_stays_small_in_memory() -> None:
    org = orgroles.loads(exclusive_org(2_000))
    tracemalloc.start()
    report = org.check()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(report.select(["X1"])) == 1  # 1,999,000 pairs before the fix: 4 GB
    assert peak < 20_000_000


def test_a_list_of_repeated_kinds_counts_once() -> None:
    # F1's k006_repeat_kinds.yaml, smaller: the kinds list repeated 300 times.
    roles = ["roles:", "  - {id: r0, kind: developer}"]
    roles += [f"  - {{id: r{i}, kind: developer, reports_to: r0}}" for i in range(1, 300)]
    params = "rules:\n  params:\n    K006: {kinds: [" + ", ".join(["developer"] * 300) + "]}\n"
    report = orgroles.loads("\n".join(roles) + "\n" + params).check(select=["K006"])
    assert len(report) == 299  # 89,700 before: each repeat reported every seat again


@pytest.mark.parametrize("code", ["K001", "K002", "K003", "R001", "R003"])
def test_every_list_parameter_loses_its_repeats(code: str) -> None:
    from orgroles.rules import get_rule

    rule = get_rule(code)
    assert rule is not None
    fields = rule.params_type.model_fields
    given = {
        name: [["a", "b"]] * 3 if name == "pairs" else ["a", "a", "b", "a"]
        for name, info in fields.items()
        if "tuple" in str(info.annotation)
    }
    params = rule.params_type(**given)
    for name in given:
        value = getattr(params, name)
        assert len(value) == len(set(value))


def test_the_pairs_of_r002_are_looked_up_by_what_people_hold() -> None:
    # One responsibility in conflict with 3,000 others; 200 people hold it and one more.
    others = [f"y{i}" for i in range(3_000)]
    text = "responsibilities:\n  - {id: x, conflicts_with: [" + ", ".join(others) + "]}\n"
    text += "".join(f"  - {{id: {o}}}\n" for o in others)
    text += "roles:\n" + "".join(
        f"  - {{id: r{n}, holder: p{n}, responsibilities: [x, y{n}]}}\n" for n in range(200)
    )
    report = orgroles.loads(text).check(select=["R002"])
    assert len(report) == 200
    assert report.violations[7].message.startswith("p7 (p7) holds both 'x' and 'y7'")


def test_a_job_share_that_names_someone_twice_is_one_seat() -> None:
    org = orgroles.loads("roles:\n  - {id: a, holder: [p, p, p]}\n  - {id: b, holder: p}\n")
    assert [v.code for v in org.check(select=["H002"])] == []


def test_noqa_reasons_are_read_once_per_role() -> None:
    codes = ", ".join(["C001", "single-report"] * 2_500)  # unknown codes are load errors
    dotted = ", ".join(f"nobody{i}" for i in range(2_000))
    org = orgroles.loads(f"roles:\n  - {{id: a, dotted_to: [{dotted}], noqa: [{codes}, S002]}}\n")
    report = org.check(select=["S002"])
    assert len(report) == 0
    assert len(report.suppressed) == 2_000


# -- rule parameters are validated with their ranges (F13) --------------------------------


def test_negative_and_absurd_parameters_are_located_errors(tmp_path: Path, run: Cli) -> None:
    path = tmp_path / "params_neg.yaml"
    path.write_text(
        "roles: [{id: a}]\n"
        "rules:\n"
        "  params:\n"
        "    C001: {max_span: -1}\n"
        "    S003: {min_roots: 99999999999999999999999999999, max_roots: -5}\n"
        "    C003: {max_layers: 0}\n"
        "    H002: {max_roles: -3}\n",
        encoding="utf-8",
    )
    with pytest.raises(OrgFileError) as info:
        orgroles.load(path)
    assert [(p.location.line if p.location else None, p.where) for p in info.value.problems] == [
        (4, "rules.params.C001.max_span"),
        (5, "rules.params.S003.min_roots"),
        (5, "rules.params.S003.max_roots"),
        (7, "rules.params.H002.max_roles"),
    ]
    assert "greater than or equal to 0, got -1" in info.value.problems[0].message
    result = run("check", path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_min_roots_above_max_roots_is_refused() -> None:
    org = orgroles.loads("roles: [{id: a}]\n")
    with pytest.raises(RuleConfigError, match="min_roots \\(3\\) is more than max_roots \\(2\\)"):
        org.check(params={"S003": {"min_roots": 3, "max_roots": 2}})
    with pytest.raises(RuleConfigError, match="greater than or equal to 0"):
        org.check(params={"S003": {"max_roots": -5}})


# -- a global cap on violations, with "and N more" ----------------------------------------


@pytest.fixture
def capped(monkeypatch: pytest.MonkeyPatch) -> orgroles.Org:
    monkeypatch.setattr(engine, "MAX_VIOLATIONS", 5)
    monkeypatch.setattr(output, "MAX_VIOLATIONS", 5)
    lines = ["roles:"] + [f"  - {{id: r{i}, reports_to: nobody{i}}}" for i in range(12)]
    return orgroles.loads("\n".join(lines) + "\n", path="capped.yaml")


def test_a_report_keeps_the_cap_and_counts_the_rest(capped: orgroles.Org) -> None:
    report = capped.check(select=["S002"])
    assert len(report.violations) == 5
    assert report.omitted_count == 7
    assert report.counts() == {"S002": 12}
    assert report.severity_counts()["error"] == 12
    assert not report.ok
    data = report.to_dict()
    assert len(data["violations"]) == 5
    assert data["summary"]["error"] == 12
    text = output.format_text(report)
    assert "... and 7 more violations, counted below but not listed" in text
    assert text.splitlines()[-1] == "    12  S002 unknown-reference (error)"


def test_a_capped_sarif_log_says_so_and_stays_valid(capped: orgroles.Org) -> None:
    import jsonschema

    from tests.helpers import DATA

    log = json.loads(output.to_sarif([capped.check(select=["S002"])]))
    schema = json.loads((DATA / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    (run_,) = log["runs"]
    assert len(run_["results"]) == 5
    (note,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("7 more violations")


def test_an_omitted_error_still_fails_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_VIOLATIONS", 1)
    org = orgroles.loads(
        "roles:\n  - {id: a}\n  - {id: c, reports_to: a}\n  - {id: b, reports_to: nobody}\n"
    )
    report = org.check(select=["H001", "S002"])
    assert [v.code for v in report] == ["H001"]  # a warning kept, the error counted
    assert not report.ok


def test_sarif_uris_are_percent_encoded(tmp_path: Path) -> None:
    import jsonschema

    from tests.helpers import DATA

    folder = tmp_path / "équipe #1"
    folder.mkdir()
    path = folder / "org 100%.yaml"
    path.write_text("roles:\n  - {id: a, reports_to: nobody}\n", encoding="utf-8")
    relative = orgroles.loads(path.read_text(encoding="utf-8"), path="équipe #1/org 100%.yaml")
    log = json.loads(output.to_sarif([orgroles.load(path).check(), relative.check()]))
    schema = json.loads((DATA / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    ]
    assert uris[0] == path.as_uri().removeprefix("file://")
    assert uris[0].endswith("/%C3%A9quipe%20%231/org%20100%25.yaml")
    assert uris[-1] == "%C3%A9quipe%20%231/org%20100%25.yaml"


# -- siblings: long select lists, many declared rules --------------------------------------


def test_select_and_ignore_look_tokens_up_instead_of_scanning_the_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = []
    real = engine.rule_matches

    def counting(token: str, rule: object) -> bool:
        calls.append(1)
        return real(token, rule)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "rule_matches", counting)
    declared = "".join(
        f"    - {{code: X{i}, type: max_span, max: 5, select: 'id:a'}}\n" for i in range(900)
    )
    org = orgroles.loads("roles:\n  - {id: a}\nrules:\n  custom:\n" + declared)
    tokens = ["C001", "S", "custom", "X17"] * 5_000
    report = org.check(select=tokens, ignore=["X1"] * 5_000)
    assert "X17" in report.rules
    assert "X1" not in report.rules
    structure = [r.code for r in all_rules() if r.code.startswith("S")]
    assert len(report.rules) == 1 + len(structure) + 899  # C001, the S rules, 899 declared
    assert calls == []  # 20,000 tokens x 919 rules = 18 million calls before


def test_declared_rules_are_bounded() -> None:
    from orgroles.limits import MAX_CUSTOM_RULES

    declared = "".join(
        f"    - {{code: X{i}, type: max_span, max: 5}}\n" for i in range(MAX_CUSTOM_RULES + 1)
    )
    with pytest.raises(OrgFileError) as info:
        orgroles.loads("roles: []\nrules:\n  custom:\n" + declared, path="many.yaml")
    (problem,) = info.value.problems
    assert problem.code == "too-large"
    assert problem.where == "rules.custom[1000]"
    assert problem.location is not None
    assert problem.location.line == 1004


def test_a_selector_that_names_its_roles_selects_them_in_any_order() -> None:
    org = orgroles.loads(
        "roles:\n  - {id: a}\n  - {id: b, reports_to: a, holder: p}\n  - {id: c, reports_to: a}\n"
    )
    for selector in ("id:c,a vacant", "vacant id:c,a", "under:a -vacant", "-vacant under:a"):
        expected = {"id:c,a vacant": ["a", "c"], "vacant id:c,a": ["a", "c"]}.get(selector, ["b"])
        assert [r.id for r in org.select(selector)] == expected
