"""The built-in catalogue covers the article's facts; user catalogues; languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import orgroles
from orgroles import Responsibility, RoleKind
from orgroles.catalog import builtin_catalog
from orgroles.catalog.listing import catalog_page
from orgroles.errors import OrgFileError
from orgroles.model import FAMILIES
from orgroles.rules import all_rules

from tests.helpers import DATA, ROOT, Cli, Write

ROLES_MD = (DATA / "domain" / "ROLES.md").read_text(encoding="utf-8")
FACT = re.compile(r"^- ([CP]\d+) .*\((strategic|operational|managerial|compliance)", re.M)


def test_every_fact_of_roles_md_is_a_catalogue_responsibility_with_its_category() -> None:
    facts = dict(FACT.findall(ROLES_MD))
    assert len(facts) == 23  # C1-C12 and P1-P11
    by_source = {r.source: r for r in builtin_catalog().responsibilities.values() if r.source}
    for tag, category in facts.items():
        assert tag in by_source, f"fact {tag} has no responsibility"
        assert by_source[tag].category == category, tag


def test_the_distinctions_d1_to_d3_are_encoded() -> None:
    tags = set(re.findall(r"^- (D\d) ", ROLES_MD, re.M))
    assert tags == {"D1", "D2", "D3"}
    kinds = builtin_catalog().kinds
    sources = f"{kinds['cto'].source} {kinds['cpo'].source}"
    docs = " ".join(r.doc for r in all_rules() if r.code.startswith("K"))
    for tag in tags:
        assert tag in sources or f"{tag[0]}1-{tag}" in sources or tag in docs
        assert tag in docs, f"no K rule cites {tag}"


def test_cto_and_cpo_defaults() -> None:
    catalog = builtin_catalog()
    resp = catalog.responsibilities
    cto = [resp[r] for r in catalog.kinds["cto"].responsibilities]
    cpo = [resp[r] for r in catalog.kinds["cpo"].responsibilities]
    assert [r.source for r in cto] == [f"C{i}" for i in range(1, 12)]
    assert [r.source for r in cpo] == [f"P{i}" for i in range(1, 12)]
    assert all(r.category != "operational" for r in cto)  # hands-on is added per role (C12)
    assert resp["hands-on-coding"].source == "C12"
    assert catalog.kinds["cto"].career_from == ("lead-developer", "engineering-manager")


CONTRACT_KINDS = [
    "ceo",
    "cto",
    "cpo",
    "lead-developer",
    "engineering-manager",
    "developer",
    "product-owner",
    "product-manager",
    "designer",
]


def test_every_entry_has_english_and_french_labels_and_a_description() -> None:
    catalog = builtin_catalog()
    assert set(CONTRACT_KINDS) <= set(catalog.kinds)  # DESIGN.md fixes these ids
    entries: list[RoleKind | Responsibility] = [
        *catalog.kinds.values(),
        *catalog.responsibilities.values(),
    ]
    for entry in entries:
        assert entry.text("en") != entry.id, entry.id
        assert "fr" in entry.labels, entry.id
        assert entry.describe("en"), entry.id
        assert entry.describe("fr"), entry.id
    for r in catalog.responsibilities.values():
        assert r.category is not None, r.id
    for k in catalog.kinds.values():
        assert k.family in FAMILIES, k.id
        assert all(r in catalog.responsibilities for r in k.responsibilities), k.id
        assert all(c in catalog.kinds for c in k.career_from), k.id


def test_the_examples_hold_what_the_issue_says(tiny: orgroles.Org, scaleup: orgroles.Org) -> None:
    cto = scaleup.responsibilities_of("cto")
    assert len(cto) >= 10
    compliance = {r.id for r in cto if r.category == "compliance"}
    assert compliance == {"data-protection", "security-compliance"}
    hands_on = [r for r in tiny.responsibilities_of("cto") if r.category == "operational"]
    assert [r.id for r in hands_on] == ["hands-on-coding"]


def test_catalog_cli_in_french(run: Cli) -> None:
    result = run("catalog", "--lang", "fr")
    assert result.exit_code == 0
    assert "Directeur technique" in result.stdout
    assert "Directeur produit" in result.stdout


def test_catalog_cli_json_lists_every_kind_with_categorised_duties(run: Cli) -> None:
    data = json.loads(run("catalog", "--format", "json").stdout)
    assert [k["id"] for k in data["kinds"]] == list(builtin_catalog().kinds)
    assert len(data["kinds"]) > len(CONTRACT_KINDS)
    cto = next(k for k in data["kinds"] if k["id"] == "cto")
    assert len(cto["responsibilities"]) == 11
    assert {r["category"] for r in cto["responsibilities"]} == {
        "strategic",
        "compliance",
        "managerial",
    }
    assert all(r["category"] for k in data["kinds"] for r in k["responsibilities"])


def test_docs_catalog_page_is_not_stale() -> None:
    committed = (ROOT / "docs" / "catalog.md").read_text(encoding="utf-8")
    assert committed == catalog_page(builtin_catalog()), (
        "docs/catalog.md is stale: run python -m orgroles.catalog.listing > docs/catalog.md"
    )


# -- user catalogues --------------------------------------------------------------------


def test_uses_a_shared_catalogue_by_relative_path(write: Write) -> None:
    write(
        "common/company.yaml",
        "responsibilities:\n  - {id: on-call, category: operational}\n"
        "kinds:\n  - {id: sre, title: SRE, responsibilities: [on-call]}\n",
    )
    org_path = write(
        "teams/ops.yaml",
        "uses: [builtin, ../common/company.yaml]\nroles:\n  - {id: s, kind: sre}\n",
    )
    with pytest.raises(OrgFileError, match="outside the org's folder"):
        orgroles.load(org_path)  # the common folder must be allowed explicitly
    org = orgroles.load(org_path, catalog_dirs=[org_path.parent.parent / "common"])
    assert org.title_of("s") == "SRE"
    assert "cto" in org.kinds
    assert org.check(select=["S002", "R004"]).ok


def test_later_catalogues_and_the_org_override(write: Write) -> None:
    write("a.yaml", "kinds:\n  - {id: cto, title: Head of Technology}\n")
    org = orgroles.load(
        write("org.yaml", "uses: [builtin, a.yaml]\nroles:\n  - {id: x, kind: cto}\n")
    )
    assert org.title_of("x") == "Head of Technology"
    assert org.kinds["cto"].responsibilities == ()  # replaced whole, not merged
    own = orgroles.load(
        write(
            "own.yaml",
            "uses: [builtin, a.yaml]\nkinds:\n  - {id: cto, title: Tech Lead}\nroles:\n  - {id: x, kind: cto}\n",
        )
    )
    assert own.title_of("x") == "Tech Lead"


def test_uses_nothing_turns_the_builtin_catalogue_off() -> None:
    org = orgroles.loads("uses: []\nroles:\n  - {id: x, kind: cto}\n")
    assert org.kinds == {}
    assert org.title_of("x") == "x"
    assert [v.code for v in org.check(select=["S002"])] == ["S002"]


def test_a_catalogue_cycle_is_refused_with_the_chain(write: Write) -> None:
    write("a.yaml", "uses: [b.yaml]\n")
    write("b.yaml", "uses: [builtin, a.yaml]\n")
    org_path = write("org.yaml", "uses: [a.yaml]\nroles: []\n")
    with pytest.raises(OrgFileError) as info:
        orgroles.load(org_path)
    problem = info.value.problems[0]
    assert problem.message == "catalogue cycle: a.yaml -> b.yaml -> a.yaml"
    assert problem.code == "uses-cycle"
    assert problem.location is not None
    assert (Path(problem.location.path or "").name, problem.location.line) == ("b.yaml", 1)


def test_a_missing_catalogue_is_located_in_the_file_that_names_it(write: Write) -> None:
    org_path = write("org.yaml", "name: x\nuses:\n  - builtin\n  - nope.yaml\n")
    with pytest.raises(OrgFileError) as info:
        orgroles.load(org_path)
    problem = info.value.problems[0]
    assert problem.code == "uses-not-found"
    assert problem.where == "uses[1]"
    assert problem.location is not None
    assert (problem.location.line, problem.location.column) == (4, 5)


def test_a_broken_catalogue_file_reports_its_own_lines(write: Write) -> None:
    write("cat.yaml", "kinds:\n  - {id: sre, titel: SRE}\nroles: []\n")
    with pytest.raises(OrgFileError) as info:
        orgroles.load(write("org.yaml", "uses: [cat.yaml]\n"))
    messages = [str(p) for p in info.value.problems]
    assert messages[0].endswith(
        "cat.yaml:2:15: kinds[0].titel: unknown key 'titel' (did you mean 'title'?)"
    )
    assert messages[1].endswith("cat.yaml:3:1: roles: unknown key 'roles'")


def test_catalog_cli_shows_an_orgs_catalogue(run: Cli, write: Write) -> None:
    path = write(
        "org.yaml", "kinds:\n  - {id: sre, title: SRE, labels: {fr: Ingénieur fiabilité}}\n"
    )
    result = run("catalog", path, "--lang", "fr")
    assert "Ingénieur fiabilité" in result.stdout
    assert "Directeur technique" in result.stdout


def test_an_org_from_text_reads_no_file_unless_given_a_folder(write: Write) -> None:
    secret = write("secret.yaml", "kinds:\n  - {id: spy, title: Read from disk}\n")
    text = f"uses: [builtin, {secret}]\nroles:\n  - {{id: x, kind: spy}}\n"
    with pytest.raises(OrgFileError) as info:
        orgroles.loads(text, path="upload.yaml")
    problem = info.value.problems[0]
    assert problem.code == "uses-not-allowed"
    assert problem.location is not None
    assert (problem.where, problem.location.line) == ("uses[1]", 1)
    with pytest.raises(OrgFileError, match="when a base folder is given"):
        orgroles.Org(uses=["builtin", str(secret)])
    allowed = orgroles.loads(text, base_dir=secret.parent)
    assert allowed.title_of("x") == "Read from disk"
