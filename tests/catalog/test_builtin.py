"""The built-in catalogue covers a whole company, in English and French, and says where
each fact comes from."""

from __future__ import annotations

import re
from collections import defaultdict

from orgroles.catalog import builtin_catalog
from orgroles.catalog._title_index import pattern_words
from orgroles.model import FAMILIES, GENERAL_PRACTICE

FACT_TAG = re.compile(r"\b[CPD]\d+\b")


def test_kpis_and_value_tools_are_strategic() -> None:
    by_source = {r.source: r for r in builtin_catalog().responsibilities.values()}
    assert by_source["P5"].category == "strategic"  # ROLES.md: the article's strategic axis
    assert by_source["P8"].category == "strategic"
    cpo = builtin_catalog().kinds["cpo"]
    categories = {builtin_catalog().responsibilities[r].category for r in cpo.responsibilities}
    assert "operational" not in categories  # so no CPO is "hands-on" by our own definition


def test_every_kind_has_a_fixed_family_titles_in_both_languages_and_a_source() -> None:
    catalog = builtin_catalog()
    for kind in catalog.kinds.values():
        assert kind.family in FAMILIES, kind.id
        assert kind.titles.get("en"), kind.id
        assert kind.titles.get("fr"), kind.id
        assert kind.source, kind.id
        assert all(f in FAMILIES for f in kind.departments), kind.id
        assert all(r in catalog.kinds for r in kind.refines), kind.id
        assert not kind.refines or kind.seniority, kind.id  # refining needs a seniority
    for family in FAMILIES:
        assert sum(k.family == family for k in catalog.kinds.values()) >= 1, family


def test_the_c_suite_and_the_trades_are_there() -> None:
    kinds = builtin_catalog().kinds
    for kind in ["coo", "cfo", "cmo", "cro", "chief-people-officer", "ciso", "chief-data-officer",
                 "general-counsel"]:  # fmt: skip
        assert kinds[kind].family == "executive", kind
        assert kinds[kind].seniority == ("chief",), kind
    for kind in ["staff-engineer", "sre", "qa-engineer", "data-engineer", "data-scientist",
                 "ml-engineer", "security-engineer", "architect", "ux-researcher"]:  # fmt: skip
        assert kinds[kind].family in ("tech", "product"), kind
    for kind in ["vp-engineering", "director-of-engineering", "vp-product", "vp-sales",
                 "head-of-design"]:  # fmt: skip
        assert set(kinds[kind].seniority) & {"director", "vp"}, kind


def test_every_family_has_labels_and_words_in_both_languages() -> None:
    families = builtin_catalog().families
    assert list(families) == list(FAMILIES)
    for family in families.values():
        assert family.title, family.id
        assert "fr" in family.labels, family.id
        assert family.titles.get("en"), family.id
        assert family.titles.get("fr"), family.id


def test_general_practice_is_never_attributed_to_the_article() -> None:
    catalog = builtin_catalog()
    general = [k for k in catalog.kinds.values() if k.source == GENERAL_PRACTICE]
    assert len(general) >= 40
    for kind in catalog.kinds.values():
        assert not FACT_TAG.search(kind.source or "") or kind.source != GENERAL_PRACTICE
        for field, source in kind.sources.items():
            assert source in (GENERAL_PRACTICE, "article"), (kind.id, field)
    for r in catalog.responsibilities.values():
        assert r.source, r.id
        assert r.source == GENERAL_PRACTICE or FACT_TAG.fullmatch(r.source), r.id
    for kind in general:  # a general-practice kind takes no duty the article gave the CTO or CPO
        tagged = {catalog.responsibilities[r].source for r in kind.responsibilities}
        assert tagged <= {GENERAL_PRACTICE, "C12"}, kind.id  # C12: writing code, the coders' trade


def test_the_cpo_grows_from_product_manager_by_general_practice() -> None:
    cpo = builtin_catalog().kinds["cpo"]
    assert cpo.career_from == ("product-manager",)
    assert cpo.source_of("career_from") == GENERAL_PRACTICE
    assert FACT_TAG.search(cpo.source_of("responsibilities") or "")


def test_the_cto_and_cpo_profiles_come_from_the_article() -> None:
    kinds = builtin_catalog().kinds
    cto = {q.id for q in kinds["cto"].profile}
    cpo = {q.id for q in kinds["cpo"].profile}
    assert {"organisation", "rigour", "appetite-for-risk", "management-skills"} <= cto
    assert {"market-knowledge", "foresight", "empathy", "resilience", "motivation"} <= cpo
    for kind in ("cto", "cpo"):
        assert kinds[kind].source_of("profile") == "article"
        assert all(q.label and "fr" in q.labels for q in kinds[kind].profile)


def test_no_two_kinds_claim_a_title_but_cpo() -> None:
    claims: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for kind in builtin_catalog().kinds.values():
        patterns = [p for ps in kind.titles.values() for p in ps]
        patterns += [kind.title or "", *kind.labels.values()]
        for pattern in filter(None, patterns):
            spellings = pattern_words(pattern)
            assert spellings, (kind.id, pattern)  # every pattern names a word
            for spelling in spellings:
                claims[spelling].add(kind.id)
    shared = {" ".join(s): ids for s, ids in claims.items() if len(ids) > 1}
    assert shared == {"cpo": {"cpo", "chief-people-officer"}}
