"""Quality assurance outside software: a "QA Specialist - GMP" or a "QA Manager (Food
Safety)" keeps a plant's or a laboratory's products to their rules, and tests no software.

The catalogue's QA words ("QA", "Quality Assurance", "Quality Engineer") name the software
tester (`qa-engineer`, and the engineering manager above one). A title that also names a
regulated manufacturing context (good practices such as GMP, GxP, GLP or HACCP, food
safety, sterile or pharmaceutical production, clinical work, manufacturing, medical
devices, the validation of equipment, a quality standard such as ISO 13485) is read in
`QUALITY_FAMILY` instead, with no kind of `SOFTWARE_FAMILY`.
"""

from __future__ import annotations

import re

from orgroles.catalog._title_text import fold

__all__ = [
    "EXECUTIVE_FAMILY",
    "QUALITY_FAMILY",
    "SOFTWARE_FAMILY",
    "academic_chair",
    "fundraising",
    "regulated_quality",
    "site_general_manager",
]

QUALITY_FAMILY = "operations"
"""The family of quality work in a plant, a laboratory or a kitchen (beside production,
manufacturing and quality control), when the catalogue has it."""

SOFTWARE_FAMILY = "tech"
"""The family whose kinds and words a regulated quality title does not name."""

_QUALITY = re.compile(
    r"\b(?:qa|qc|quality|qualite|qualitat\w*|calidad|qualidade|qualita|kwaliteit\w*"
    r"|kvalitet\w*|jakosc\w*)\b"
)
# "GCP" alone is left out: in software titles it is the Google Cloud Platform ("QA
# Engineer (GCP)"); a Good Clinical Practice auditor's title says "clinical".
_REGULATED = re.compile(
    r"\b(?:c?gmp|gxp|glp|gdp|haccp|bpf|food|foods|food safety|aliment\w*|agroaliment\w*"
    r"|lebensmittel\w*|steril\w*|aseptic\w*|pharma\w*|biopharma\w*|farma\w*|clinical"
    r"|clinique|klinisch\w*|manufactur\w*|medical devices?|medizinprodukt\w*"
    r"|dispositifs? medicaux|microbiolog\w*|(?:equipment|process|cleaning) validation"
    r"|laborat\w*|labor|iso[\s-]*(?:13485|9001|22000|15189|17025))\b"
)


def regulated_quality(title: str) -> bool:
    """Whether a title names quality work in a regulated manufacturing context.

    Examples:
        >>> regulated_quality("QA Specialist - GMP"), regulated_quality("QA Manager (Food Safety)")
        (True, True)
        >>> regulated_quality("Quality Assurance Officer - Pharma")
        True
        >>> regulated_quality("QA Engineer"), regulated_quality("QA Engineer (GCP)")
        (False, False)
        >>> regulated_quality("Software Engineer, Medical Devices")  # no quality word
        False
    """
    folded = fold(title)
    return _QUALITY.search(folded) is not None and _REGULATED.search(folded) is not None


EXECUTIVE_FAMILY = "executive"
"""The family of a company's leaders, which a site's general manager is not of."""

_SITE_GM = re.compile(
    r"\b(?:restaurant|store|shop|hotel|branch|plant|club|dealership|site|property|resort"
    r"|casino|warehouse|location|unit|outlet|venue|park|franchise|depot|factory|mill"
    r"|(?:distribution|fulfil?ment|logistics|service|contact|call) cent(?:re|er))s?"
    r" general manager\b"
)
_FUNDRAISING = re.compile(
    r"\b(?:gifts?|donors?|fundrais\w*|philanthrop\w*|advancement|giving|annual fund"
    r"|capital campaign|stewardship|alumni)\b"
)


def site_general_manager(title: str) -> bool:
    """Whether a title names the general manager of a site (a restaurant, a store, a
    hotel): its manager, of the operations family, not one of the company's leaders.

    Examples:
        >>> site_general_manager("Restaurant General Manager")
        True
        >>> site_general_manager("General Manager")
        False
    """
    return _SITE_GM.search(fold(title)) is not None


def fundraising(title: str) -> bool:
    """Whether a title's "development" is a charity's or a university's fundraising
    ("Director of Development and Major Gifts"), no software's.

    Examples:
        >>> fundraising("Director of Development and Major Gifts")
        True
        >>> fundraising("Director of Development")
        False
    """
    folded = fold(title)
    return "develop" in folded and _FUNDRAISING.search(folded) is not None


_ACADEMIC = re.compile(
    r"\b(?:department|departement|professor|professeur|faculty|dean|school of|endowed"
    r"|of surgery|of medicine|of pediatrics|of psychiatry|lecturer|academic)\b"
)


def academic_chair(title: str) -> bool:
    """Whether a title's "chair" is a university's (a department's head, or a professor's
    endowed seat), no board's: "Chair, Department of Mathematics".

    Examples:
        >>> academic_chair("Chair, Department of Mathematics"), academic_chair("Board Chair")
        (True, False)
    """
    folded = fold(title)
    return re.search(r"\bchair\b", folded) is not None and _ACADEMIC.search(folded) is not None
