"""Importers find kinds in job titles, so that the article's rules work on real HR data."""

from __future__ import annotations

import json
import warnings
from collections import Counter

import pytest

import orgroles
from orgroles import Org
from orgroles.queries import kinds_found

from tests.helpers import DATA, Cli, Write

CSV = "id,name,title,manager\n1,Inès Garnier,Directrice technique,\n2,Yanis Perrin,Développeur,1\n3,Léa Marchand,Développeur,1\n"


def gitlab() -> Org:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return orgroles.from_gitlab(DATA / "gitlab-team" / "team.yml")


def test_a_french_export_answers_who_the_cto_manages(write: Write) -> None:
    org = orgroles.from_csv(
        write("team.csv", CSV),
        id_col="id",
        name_col="name",
        title_col="title",
        manager_col="manager",
    )
    assert org.roles["1"].kind == "cto"
    assert org.roles["1"].kind_from == "title"
    assert [r.id for r in org.select("reports:1")] == ["2", "3"]
    assert [r.kind for r in org.reports("1")] == ["developer", "developer"]
    # The CTO of a team of three who does not code: K004, from the article.
    report = org.check(select=["K004"])
    assert [(v.code, v.role) for v in report] == [("K004", "1")]
    org.update_role("1", responsibilities=("hands-on-coding",))
    assert list(org.check(select=["K004"])) == []


def test_the_cli_import_says_how_many_titles_it_matched(run: Cli, write: Write) -> None:
    source = write("team.csv", CSV + "4,Bo Berg,Wizard of Light,1\n")
    out = write("out.yaml", "")
    result = run(
        "import",
        "csv",
        source,
        "--id-col",
        "id",
        "--name-col",
        "name",
        "--title-col",
        "title",
        "--manager-col",
        "manager",
        "-o",
        out,
        "--force",
    )
    assert result.exit_code == 0, result.stderr
    assert (
        "kinds: 3 of 4 titles matched (75.0%); not matched: 'Wizard of Light' (1)" in result.stderr
    )
    text = out.read_text(encoding="utf-8")
    assert "kind: cto" in text
    assert "kind_from: title" in text  # an inferred kind shows apart from a declared one
    checked = run("query", out, "inferred", "--format", "json")
    assert [r["id"] for r in json.loads(checked.stdout)] == ["1", "2", "3"]


def test_kinds_none_leaves_them_empty_and_a_kind_column_wins(write: Write) -> None:
    source = write("team.csv", "id,title,kind\n1,Directrice technique,ceo\n2,Développeur,\n")
    plain = orgroles.from_csv(source, id_col="id", title_col="title", kinds="none")
    assert [r.kind for r in plain.roles.values()] == [None, None]
    given = orgroles.from_csv(source, id_col="id", title_col="title", kind_col="kind")
    assert given.roles["1"].kind == "ceo"
    assert given.roles["1"].kind_from is None  # declared in the data: never inferred over
    assert given.roles["2"].kind == "developer"


def test_gitlab_titles_get_a_kind_or_a_family() -> None:
    org = gitlab()
    found = kinds_found(org)
    assert found.titled > 1300
    assert found.share >= 0.85
    assert found.with_kind / found.titled >= 0.75
    # Every match says how it was found.
    inferred = [r for r in org.roles.values() if r.kind_from is not None]
    assert len(inferred) == found.with_family
    assert {r.kind_from for r in inferred} <= {"title", "department"}
    # A customer-facing "Federal CTO" is not the company's CTO.
    federal = next(r for r in org.roles.values() if r.title == "Federal CTO")
    assert federal.kind == "sales-engineer"


def test_gitlab_chart_boxes_are_coloured_by_function() -> None:
    from orgroles.render.plan import make_plan

    plan = make_plan(gitlab(), depth=2)
    roles = [box for box in plan.boxes if box.role is not None]  # not placeholders or folds
    families = Counter(box.family for box in roles)
    assert families[None] <= len(roles) // 50
    assert {"tech", "sales", "marketing"} <= set(families)


def test_family_and_seniority_are_columns_and_selector_terms() -> None:
    org = gitlab()
    frame = org.to_frame()
    assert frame["family"].notna().mean() >= 0.85
    sales = org.select("family:sales")
    assert sales
    assert all(org.family_of(r) == "sales" for r in sales)
    seniors = org.select("seniority:senior family:tech")
    assert seniors
    assert all(r.seniority == "senior" for r in seniors)
    with pytest.raises(orgroles.SelectorError, match="unknown seniority 'seniour'"):
        org.select("seniority:seniour")


def test_infer_accept_and_override_in_python() -> None:
    org = Org(
        roles=[
            {"id": "a", "title": "CTO"},
            {"id": "b", "title": "Développeuse", "reports_to": "a"},
            {"id": "c", "title": "Sales", "reports_to": "a"},
        ]
    )
    found = org.infer_kinds()
    assert found.share == 1.0
    assert [(r.kind, r.family, r.kind_from) for r in org.roles.values()] == [
        ("cto", None, "title"),
        ("developer", None, "title"),
        (None, "sales", "title"),
    ]
    assert org.family_of("c") == "sales"
    assert org.accept_kinds("id:a") == 1
    assert org.roles["a"].kind_from is None
    org.update_role("b", kind="designer")  # the user says what it is
    assert org.roles["b"].kind_from is None
    assert org.diff(org.copy()) == org.copy().diff(org)  # comparing copies finds nothing
    inferred_again = org.infer_kinds()  # a declared kind is never changed
    assert org.roles["b"].kind == "designer"
    assert inferred_again.inferred == 1


def test_catalog_titles_shows_what_a_kind_matches(run: Cli) -> None:
    result = run("catalog", "--titles", "cto")
    assert result.exit_code == 0
    assert "directeur|directrice technique" in result.stdout
    unknown = run("catalog", "--titles", "ctoo")
    assert unknown.exit_code == 2
    assert "unknown kind 'ctoo' (did you mean 'cto'?)" in unknown.stderr


def test_inferred_kinds_survive_a_csv_round_trip(write: Write) -> None:
    org = orgroles.from_csv(
        write("team.csv", CSV + "4,Bo Berg,Sales,1\n5,Cy Moss,Wizard,1\n"),
        id_col="id",
        name_col="name",
        title_col="title",
        manager_col="manager",
    )
    assert org.roles["4"].family == "sales"
    out = write("back.csv", "")
    org.to_csv(out)
    back = orgroles.from_csv(out)
    assert back.to_document().roles == org.to_document().roles
    assert back.roles["5"].kind is None  # nothing is inferred from a file that says how


def test_an_assistant_to_the_chief_is_no_second_chief_and_a_nurse_no_staff_engineer(
    write: Write,
) -> None:
    org = orgroles.from_csv(
        write(
            "staff.csv",
            "id,name,title,manager\n"
            "1,Ana Ferrand,Chief Executive Officer,\n"
            "2,Boris Lemaire,EA to Chief Executive Officer,1\n"
            "3,Chloe Marin,Head Nurse,1\n"
            "4,Dario Velez,Staff Nurse,3\n",
        )
    )
    assert [(r.kind, r.seniority) for r in org.roles.values()] == [
        ("ceo", "chief"),
        ("executive-assistant", None),
        (None, "lead"),
        (None, None),
    ]
    # Before, the assistant was read as a second CEO, and K006 reported the seat.
    assert [v.code for v in org.check(select=["K006"])] == []


@pytest.mark.parametrize("kinds", [True, "Infer", None])
def test_a_kinds_mode_that_is_neither_is_refused(kinds: object) -> None:
    # Anything but "infer" turned inference off, silently: no kind, no family, no rule.
    with pytest.raises(orgroles.OrgUsageError, match="is not one of 'infer'"):
        orgroles.from_records([{"id": "1", "title": "CTO"}], kinds=kinds)  # type: ignore[arg-type]
    with pytest.raises(orgroles.OrgUsageError, match="is not one of 'infer'"):
        orgroles.from_gitlab("tests/data/gitlab-team/team.yml", kinds=kinds)  # type: ignore[arg-type]
