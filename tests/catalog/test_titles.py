"""Job titles to kinds: real-looking titles (titles.yaml), the real data sets, user
catalogues, departments, seniority, and infer_role."""

from __future__ import annotations

import collections
import csv
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml

import orgroles
from orgroles.catalog import (
    Catalog,
    KindMatch,
    builtin_catalog,
    infer_kind,
    infer_role,
    infer_seniority,
)
from orgroles.errors import OrgFileError
from orgroles.model import Family, Role, RoleKind

from tests.helpers import DATA, ROOT, Write

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "titles.yaml").read_text(encoding="utf-8")
)


def _ids(case: dict[str, Any]) -> str:
    return str(case["title"]) + (f" [{case['department']}]" if "department" in case else "")


def kind_of(title: str, lang: str | None = None, **options: Any) -> str | None:
    """The kind ``infer_kind`` finds, or None when it finds nothing."""
    match = infer_kind(title, lang, **options)
    return match.kind if match is not None else None


def seniority_of(title: str) -> str | None:
    match = infer_kind(title)
    assert match is not None, title
    return match.seniority


def _wrong(case: dict[str, Any], match: KindMatch | None) -> list[str]:
    """What the match gets wrong against the case (nothing when it is right)."""
    if case.get("unknown"):
        return [] if match is None else [f"expected unknown, got {match}"]
    if match is None:
        return ["no match"]
    wrong = []
    for field in ("kind", "family", "seniority"):
        if field in case and getattr(match, field) != case[field]:
            wrong.append(f"{field}: {getattr(match, field)!r}, expected {case[field]!r}")
    return wrong


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_real_looking_title(case: dict[str, Any]) -> None:
    match = infer_kind(case["title"], case.get("lang"), department=case.get("department"))
    wrong = _wrong(case, match)
    if "miss" in case:  # an accepted miss: it must still be one, or the file is out of date
        assert wrong, f"{case['title']!r} is no longer missed: remove its 'miss'"
    else:
        assert not wrong, f"{case['title']!r} -> {match}: {wrong}"


def test_the_title_suite_is_large_and_bilingual() -> None:
    assert len(CASES) >= 150
    french = [
        c for c in CASES if re.search(r"[éèêàçô]|^(Chef|Cheffe|Responsable|Direct)", c["title"])
    ]
    assert len(french) >= 50
    assert len(CASES) - len(french) >= 100
    misses = [c for c in CASES if "miss" in c]
    assert all(c["miss"].strip() for c in misses)  # every accepted miss says why


# -- the real data ------------------------------------------------------------------------


def _gitlab_titles() -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # two entries have broken HTML: no title
        org = orgroles.from_gitlab(DATA / "gitlab-team" / "team.yml")
    return [role.title or "" for role in org.roles.values()]


def _explained(match: KindMatch) -> bool:
    """The pattern that matched is one the catalogue writes for that kind or family (or,
    for two jobs of one family joined, "CFO & COO", for a kind of that family)."""
    catalog = builtin_catalog()
    if match.kind is not None:
        kind = catalog.kinds[match.refined_from or match.kind]
        written = [p for ps in kind.titles.values() for p in ps]
        written += [kind.title or "", *kind.labels.values()]
    else:
        written = [p for ps in catalog.families[match.family or ""].titles.values() for p in ps]
        written += [
            p
            for kind in catalog.kinds.values()
            if kind.family == match.family
            for ps in kind.titles.values()
            for p in ps
        ]
    return match.pattern in written


def test_most_gitlab_roles_get_a_kind_or_a_family_with_the_pattern_that_says_why() -> None:
    titles = _gitlab_titles()
    matches = [infer_kind(t) for t in titles]
    found = [m for m in matches if m is not None]
    share = len(found) / len(titles)
    assert share >= 0.85, f"{share:.1%} of GitLab's roles get a kind or a family"
    assert all(_explained(m) for m in found)
    with_kind = sum(m.kind is not None for m in found) / len(titles)
    assert with_kind >= 0.75, f"{with_kind:.1%} get a kind"
    unmatched = collections.Counter(t for t, m in zip(titles, matches, strict=False) if m is None)
    assert unmatched.most_common(1)[0][1] <= 3  # no frequent title is left out


def _odoo_rows() -> list[dict[str, str]]:
    path = DATA / "odoo-hr-demo" / "hr_employee_export_labels.csv"
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# Titles of the demo data that name no job: they are not expected to match on their own.
NO_JOB = {
    "Consultant": "a consultant of what? (Odoo's are in Professional Services)",
    "Team Leader": "a level, not a job (Odoo's is in R&D)",
    "Head of direction": "names no function",
    "Linear Manager": "names no function",
    "Junior Inovator": "not a job title",
    "Intern": "a level, not a job",
}


def _demo_titles() -> dict[str, list[str]]:
    def column(path: Path, name: str) -> list[str]:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return [row[name] for row in csv.DictReader(f)]

    odoo = [r["Job Title"] for r in _odoo_rows()] + [r["Job Position"] for r in _odoo_rows()]
    return {
        "odoo": odoo,
        "oracle": column(DATA / "oracle-hr-schema" / "jobs.csv", "JOB_TITLE"),
        "d3-oracle": column(DATA / "d3-org-chart" / "data-oracle-107.csv", "position"),
        "d3": column(DATA / "d3-org-chart" / "org-chart-1516.csv", "positionName"),
    }


@pytest.mark.parametrize("dataset", ["odoo", "oracle", "d3-oracle", "d3"])
def test_every_demo_title_that_names_a_job_matches(dataset: str) -> None:
    titles = _demo_titles()[dataset]
    naming = [t for t in titles if t.strip() not in NO_JOB]
    missed = sorted({t for t in naming if infer_kind(t) is None})
    assert not missed
    for title in {t for t in titles if t.strip() in NO_JOB}:
        assert infer_kind(title) is None, title  # and what names no job is not guessed


def test_odoo_departments_give_the_family_of_titles_that_name_no_job() -> None:
    for row in _odoo_rows():
        departments = row["Department"].split(" / ")[::-1]  # the most specific first
        match = infer_kind(row["Job Title"], department=departments)
        assert match is not None, row["Job Title"]
        if row["Job Title"] in NO_JOB:
            assert match.source == "department"
    consultant = infer_kind("Consultant", department=["Professional Services", "Management"])
    assert consultant is not None
    assert (consultant.kind, consultant.family) == (None, "support")


def test_the_expected_kinds_of_the_demo_data() -> None:
    assert kind_of("Chief Technical Officer") == "cto"  # Odoo
    assert seniority_of("Experienced Developer") == "senior"  # Odoo
    assert kind_of("President") == "ceo"  # Oracle HR
    assert kind_of("Programmer") == "developer"  # Oracle HR
    assert kind_of("CTO ") == "cto"  # d3, with its trailing space
    assert seniority_of("Junior Developer") == "junior"  # d3


# -- ambiguity, departments, seniority ----------------------------------------------------


def test_an_ambiguous_title_stays_unknown_and_the_department_settles_cpo() -> None:
    assert infer_kind("CPO") is None
    product = infer_kind("CPO", department="Product Management")
    people = infer_kind("CPO", department="People & Culture")
    assert product is not None
    assert people is not None
    assert (product.kind, product.source) == ("cpo", "department")
    assert (people.kind, people.source) == ("chief-people-officer", "department")
    assert kind_of("CPO", department=["Paris office", "R&D"]) == "cpo"
    assert infer_kind("CPO", department="Finance") is None
    assert kind_of("Chief Product Officer", department="Human Resources") == "cpo"


def test_the_reports_settle_a_shared_title_that_the_department_leaves() -> None:
    product = infer_kind("CPO", reports=["product", "product", "tech", None])
    people = infer_kind("CPO", reports=["people", "people", "product"])
    assert product is not None
    assert people is not None
    assert (product.kind, product.source) == ("cpo", "reports")
    assert (people.kind, people.source) == ("chief-people-officer", "reports")
    # A department that settles it comes first; the reports do not overrule it.
    assert kind_of("CPO", department="Human Resources", reports=["product"] * 5) == (
        "chief-people-officer"
    )
    # Reports split evenly, or in no family of either answer, settle nothing.
    assert infer_kind("CPO", reports=["product", "people"]) is None
    assert infer_kind("CPO", reports=["finance", "sales", None]) is None
    # A title that names one job, or none, is not changed by its reports.
    assert kind_of("Chief Product Officer", reports=["people"] * 3) == "cpo"
    assert infer_kind("Wizard", reports=["tech", "tech"]) is None


def test_an_import_and_infer_kinds_settle_cpo_by_the_reports(write: Write) -> None:
    csv_text = (
        "id,name,title,manager\n"
        "1,Ana Ferrand,CEO,\n"
        "2,Boris Lemaire,CPO,1\n"
        "3,Chloe Marin,Product Manager,2\n"
        "4,Dario Velez,Product Designer,2\n"
        "5,Elif Aksoy,CPO,1\n"
        "6,Fumi Tanaka,Recruiter,5\n"
        "7,Goran Petrov,HR Business Partner,5\n"
        "8,Hana Novak,CPO,1\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        org = orgroles.from_csv(write("staff.csv", csv_text))
    found = {r.id: (r.kind, r.kind_from) for r in org.roles.values() if r.title == "CPO"}
    assert found == {
        "2": ("cpo", "reports"),
        "5": ("chief-people-officer", "reports"),
        "8": (None, None),  # no reports: still unknown
    }
    # Org.infer_kinds() does the same, and again the same on a second run.
    plain = orgroles.Org(roles=list(org.roles.values()))
    for rid in ("2", "5"):
        plain.update_role(rid, kind=None, kind_from=None)
    for _ in range(2):
        plain.infer_kinds()
        assert (plain.roles["2"].kind, plain.roles["5"].kind) == ("cpo", "chief-people-officer")


@pytest.mark.parametrize(
    ("title", "lang", "kind"),
    [
        ("Software Engineer (m/w/d)", "de", "developer"),
        ("Controller (m/w/d)", "de", "financial-controller"),
        ("Medior Java Developer", "nl", "developer"),
        ("Data Scientist Junior", "it", "data-scientist"),
        ("Directrice technique", "fr", "cto"),
        ("Softwareentwickler", "de", "developer"),
        ("Softwareentwickler", "fr", None),  # another language's word: not read
    ],
)
def test_a_language_reads_its_titles_and_the_english_ones_it_borrows(
    title: str, lang: str, kind: str | None
) -> None:
    assert kind_of(title, lang) == kind


def test_a_title_naming_only_a_function_gets_a_family() -> None:
    for title, family, pattern in [
        ("Sales", "sales", "sales"),
        ("Comptabilité", "finance", "comptabilité"),
        ("Marketing Operations Specialist", "marketing", "marketing operations"),
    ]:
        assert infer_kind(title) == KindMatch(None, family, pattern, None, "title")


@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("Junior Developer", "junior"),
        ("Sr. Product Designer", "senior"),
        ("Staff Product Designer", "staff"),
        ("Principal Engineer", "principal"),
        ("Team Lead, Support", "lead"),
        ("Senior Engineering Manager", "manager"),
        ("Head of Sales", "director"),
        ("VP, Sales", "vp"),
        ("Vice-présidente des ventes", "vp"),
        ("Chief Technology Officer", "chief"),
        ("Développeuse confirmée", "senior"),
        ("Stagiaire data analyst", "junior"),
        ("Product Manager", None),
        ("Account Manager", None),
        ("Chief of Staff", None),
    ],
)
def test_seniority_is_read_from_the_title(title: str, seniority: str | None) -> None:
    match = infer_kind(title)
    assert match is not None
    assert match.seniority == seniority


@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("Staff Nurse", None),  # a grade: "staff" is a level on the tech ladders only
        ("Senior Staff Nurse", "senior"),
        ("Kitchen Staff", None),
        ("Head Nurse", "lead"),  # leads a ward; "Head of Nursing" heads the function
        ("Head of Nursing", "director"),
        ("Head Chef", "manager"),
        ("Sous Chef", "lead"),
        ("Commis Chef", "junior"),
        ("Chef de partie", None),  # a kitchen's chef is a cook, not the French boss
        ("Pastry Chef", None),
        ("Chef de rang", None),
        ("Chef d'équipe", "lead"),  # the phrase, not the "chef" in it
        ("Jefe de Equipo", "lead"),
        ("Bereichsleiter", "director"),
        ("Filialleiter", "manager"),
        ("Schichtleiter", "lead"),
        ("Werkstattleiter", "manager"),  # the last part of a compound says its level
        ("Staff Nurse (Senior)", "senior"),  # a later segment of seniority words only
        ("Charge Nurse", "lead"),  # a ward's shift lead
        ("Matron", "manager"),
        ("Supervisora de Enfermería", "manager"),
        ("Vice Principal", "director"),  # a school's deputy head, no principal engineer
        ("Principal, Hillside Primary School", "director"),  # the head of a school
        ("Principal", "principal"),
        ("Structural Engineer", None),  # buildings, no software (nor tech)
        ("Senior Reservoir Engineer", "senior"),
        ("Research Scientist - Immunology", None),
        ("Senior House Officer, Paediatrics", "junior"),  # a junior doctor's grade
        ("Foreman", "lead"),
        ("Leading Hand", "lead"),
        ("Ward Sister", "lead"),
        ("Head of Year 10", "lead"),  # a school's year group, no function
        ("Headteacher", "director"),
        ("Dean of Students", "director"),
        ("HOD", "director"),  # head of department
        ("DGM", "manager"),  # an Indian deputy general manager
        ("Caporedattore", "director"),
        ("Filialleitung", "manager"),
        ("Rektor", "director"),
        ("Disability Support Worker", None),  # care, no customer support
    ],
)
def test_the_seniority_of_a_title_that_names_no_known_job(
    title: str, seniority: str | None
) -> None:
    assert infer_kind(title) is None
    assert infer_seniority(title) == seniority


def test_a_seniority_turns_a_kind_into_the_kind_that_refines_it() -> None:
    lead = infer_kind("Lead Backend Engineer")
    assert lead is not None
    assert (lead.kind, lead.refined_from) == ("lead-developer", "developer")
    manager = infer_kind("Manager, Fullstack Engineering")
    assert manager is not None
    assert manager.kind == "engineering-manager"
    senior = infer_kind("Senior Backend Engineer")
    assert senior is not None
    assert (senior.kind, senior.refined_from) == ("developer", None)


def test_decorations_do_not_change_the_answer() -> None:
    plain = infer_kind("Backend Engineer")
    for dressed in [
        "Backend Engineer II",
        "Backend Engineer, Payments",
        "Backend Engineer (EMEA)",
        "Interim Backend Engineer",
        "Acting Backend Engineer - Remote",
        "BACKEND ENGINEER (H/F)",
    ]:
        assert infer_kind(dressed) == plain, dressed


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("developer " * 100_000, "developer"),
        ("vp " * 100_000 + "sales", None),
        ("a" * 1_000_000, None),
        ("CTO" + ", x" * 100_000, "cto"),
        ("\x00\u202e CTO \ufeff", "cto"),
        ("\uff23\uff34\uff2f", "cto"),  # full-width letters fold to the ASCII ones
        ("", None),
        ("&&& *** |||", None),
    ],
)
def test_hostile_titles_are_read_calmly(title: str, kind: str | None) -> None:
    # How fast: benchmarks/infer_titles.py (a timed unit test would be flaky).
    match = infer_kind(title)
    assert (match.kind if match else None) == kind


# -- catalogues of one's own --------------------------------------------------------------


def test_a_user_catalogue_adds_and_overrides_titles() -> None:
    builtin = builtin_catalog()
    growth = RoleKind(
        id="growth-hacker",
        title="Growth Hacker",
        family="marketing",
        titles={"en": ("growth hacker", "growth * engineer"), "fr": ("responsable acquisition",)},
    )
    developer = RoleKind(
        id="developer", title="Developer", family="tech", titles={"en": ("coder",)}
    )
    mine = builtin.merged(Catalog([growth, developer]))
    assert kind_of("Growth Hacker", catalog=mine) == "growth-hacker"
    assert kind_of("Senior Growth Marketing Engineer", catalog=mine) == "growth-hacker"
    assert kind_of("Responsable acquisition", catalog=mine) == "growth-hacker"
    builtin_only = infer_kind("Growth Hacker")  # the built-in catalogue is unchanged
    assert builtin_only is None or builtin_only.kind != "growth-hacker"
    # developer was redefined with its own titles: the built-in ones are gone
    assert kind_of("Coder", catalog=mine) == "developer"
    assert infer_kind("Programmer", catalog=mine) is None
    assert kind_of("Programmer") == "developer"


def test_two_kinds_claiming_a_title_make_it_ambiguous() -> None:
    clash = Catalog(
        [
            RoleKind(id="a", family="tech", titles={"en": ("wizard",)}),
            RoleKind(id="b", family="sales", titles={"en": ("wizard",)}),
        ],
        families=[Family(id="sales", titles={"en": ("sales",)})],
    )
    assert infer_kind("Wizard", catalog=clash) is None
    assert kind_of("Wizard", department="Sales", catalog=clash) == "b"


def test_a_kind_with_only_a_title_is_found_by_it() -> None:
    catalog = Catalog(
        [
            RoleKind(
                id="sre", title="Site Reliability Engineer", labels={"fr": "Ingénieur fiabilité"}
            )
        ]
    )
    assert kind_of("Senior Site Reliability Engineer", catalog=catalog) == "sre"
    assert (
        infer_kind("Ingénieure fiabilité", "fr", catalog=catalog) is None
    )  # no feminine form given
    assert kind_of("Ingénieur fiabilité", "fr", catalog=catalog) == "sre"


def test_a_catalogue_file_gives_titles_and_families(write: Write) -> None:
    path = write(
        "cat.yaml",
        "families:\n  - {id: research, title: Research, titles: {en: [research, lab]}}\n"
        "kinds:\n  - {id: chemist, family: research, titles: {en: [chemist], fr: [chimiste]}}\n",
    )
    catalog = orgroles.catalog.load_catalog(path)
    assert kind_of("Chimiste", catalog=catalog) == "chemist"
    lab = infer_kind("Lab Manager", catalog=catalog)
    assert lab is not None
    assert lab.family == "research"


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("'a| b'", "has an empty alternative"),
        ("'* *'", "names no word"),
        ("'a|b|c|d a|b|c|d a|b|c|d a|b'", "stands for 128 spellings (at most 64)"),
    ],
)
def test_a_broken_pattern_is_a_load_error_with_its_line(
    write: Write, pattern: str, message: str
) -> None:
    path = write("cat.yaml", f"kinds:\n  - id: x\n    titles: {{en: [ok, {pattern}]}}\n")
    with pytest.raises(OrgFileError) as info:
        orgroles.catalog.load_catalog(path)
    problem = info.value.problems[0]
    assert message in problem.message
    assert problem.location is not None
    assert problem.location.line == 3


# -- infer_role ---------------------------------------------------------------------------


def test_infer_role_fills_kind_seniority_and_how_they_were_found() -> None:
    role = infer_role(Role(id="r", title="Développeuse senior"))
    assert (role.kind, role.kind_from, role.seniority, role.family) == (
        "developer",
        "title",
        "senior",
        None,  # the kind brings its family
    )
    only_family = infer_role(Role(id="r", title="Comptabilité"))
    assert (only_family.kind, only_family.family, only_family.kind_from) == (
        None,
        "finance",
        "title",
    )
    by_department = infer_role(Role(id="r", title="CPO"), department="Product")
    assert (by_department.kind, by_department.kind_from) == ("cpo", "department")
    nothing = infer_role(Role(id="r", title="Team Lead"))
    assert (nothing.kind, nothing.family, nothing.kind_from, nothing.seniority) == (
        None,
        None,
        None,
        "lead",
    )


def test_infer_role_never_overrides_what_the_author_declared() -> None:
    declared = Role(id="r", title="Developer", kind="cto")
    assert infer_role(declared) is declared
    family = infer_role(Role(id="r", title="Sales", family="support", seniority="junior"))
    assert (family.family, family.kind_from, family.seniority) == ("support", None, "junior")
    kind_and_family = infer_role(Role(id="r", title="Backend Engineer", family="people"))
    assert (kind_and_family.kind, kind_and_family.family) == ("developer", "people")


def test_infer_role_infers_again_what_was_inferred() -> None:
    before = infer_role(Role(id="r", title="Developer"))
    renamed = infer_role(Role(**{**_fields(before), "title": "Comptable"}))
    assert (renamed.kind, renamed.family, renamed.kind_from) == ("accountant", None, "title")
    now_a_function = infer_role(Role(**{**_fields(before), "title": "Marketing"}))
    assert (now_a_function.kind, now_a_function.family) == (None, "marketing")
    gone = infer_role(Role(**{**_fields(now_a_function), "title": "Wizard"}))
    assert (gone.kind, gone.family, gone.kind_from) == (None, None, None)


def _fields(role: Role) -> dict[str, Any]:
    return {name: getattr(role, name) for name in Role.__pydantic_fields__}


def test_inferred_fields_round_trip_through_a_file(tmp_path: Path) -> None:
    titles = ["Directrice technique", "Sales", "Senior Backend Engineer"]
    roles = [infer_role(Role(id=f"r{i}", title=t)) for i, t in enumerate(titles)]
    path = tmp_path / "org.yaml"
    orgroles.Org(roles=roles).dump(path)
    again = orgroles.load(path)
    assert [again.roles[r.id] for r in roles] == roles
    text = path.read_text(encoding="utf-8")
    assert "kind_from: title" in text
    assert "family: sales" in text
    assert "seniority: senior" in text


def test_the_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    import runpy

    module = runpy.run_path(str(ROOT / "benchmarks" / "infer_titles.py"))
    assert module["main"](["--titles", "3000", "--distinct", "400"]) == 0
    table = capsys.readouterr().out
    assert "distinct titles, first time" in table
    assert "3,000" in table


def test_a_technical_director_outside_software_keeps_a_directors_level() -> None:
    role = infer_role(Role(id="td", title="Technical Director - Building Services"))
    assert (role.kind, role.family, role.seniority) == (None, None, "director")
