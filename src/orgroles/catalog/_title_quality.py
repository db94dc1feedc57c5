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

__all__ = ["QUALITY_FAMILY", "SOFTWARE_FAMILY", "regulated_quality"]

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
    r"|iso[\s-]*(?:13485|9001|22000|15189|17025))\b"
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
