"""What a title's context says of its words: a bank's grades, engineering and science
outside software, a school's principal.

- At a bank (and at the firms that copy its ladder), "VP", "Executive Director" and
  "Managing Director" are grades, not the head of a function: a "VP, Software Engineer"
  is a developer (`graded()`), an "Executive Director, Wealth Management" a director in
  finance, no executive (`graded()`), and a "Vice President - Credit Risk, Corporate &
  Investment Bank" no VP (`bank_grade()`).
- An engineer or a scientist of buildings, energy, plants or life, of aircraft or ships,
  or of a hotel's upkeep ("Structural Engineer", "Reservoir Engineer", "Research Scientist
  - Oncology", "Second Engineer Officer") works outside software (`outside_software()`).
- A school's "Principal" is its head, no principal engineer (`school_head()`).

Examples:
    >>> graded([["vp"], ["software", "engineer"]])
    [['software', 'engineer']]
    >>> graded([["executive", "director"], ["wealth", "management"]])
    [['director'], ['wealth', 'management']]
    >>> bank_grade([["vice", "president"], ["credit", "risk"], ["investment", "bank"]])
    True
    >>> outside_software("Structural Engineer"), outside_software("Software Engineer")
    (True, False)
    >>> school_head([["principal"], ["high", "school"]]), school_head([["principal"]])
    (True, False)
"""

from __future__ import annotations

import re

from orgroles.catalog._title_text import fold
from orgroles.model import Seniority

__all__ = ["SCHOOL_HEAD", "bank_grade", "graded", "outside_software", "school_head"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VP_GRADES = frozenset(
    tuple(grade.split())
    for grade in (
        "vp",
        "svp",
        "evp",
        "avp",
        "senior vp",
        "vice president",
        "senior vice president",
        "executive vice president",
        "assistant vice president",
        "first vice president",
    )
)
_DIRECTOR_GRADES = frozenset({("executive", "director"), ("managing", "director")})
_DIRECTOR = ["director"]
# A job a person holds, which a VP grade comes before at a bank ("VP, Java Developer");
# "VP, Engineering" names a function, and is its head.
_HOLDERS = _words(
    "engineer developer programmer analyst scientist architect designer administrator "
    "tester sdet researcher strategist trader underwriter auditor accountant"
)
# A later segment naming an organisation: an "Executive Director, Riverside Community
# Food Bank" is the charity's chief, no director of a bank's desk.
_ORGANISATIONS = _words(
    "bank foundation trust charity association society council museum centre center "
    "institute fund federation union coalition alliance inc ltd llc school college "
    "university hospital church club"
)


def graded(parts: list[list[str]]) -> list[list[str]] | None:
    """The segments of a title that has a grade, read as the job (None if it has none):
    a VP grade before a person's job ("VP, Software Engineer") is left out, and so is a
    VP's at a bank (`bank_grade()`); an Executive or Managing Director before a function
    ("Managing Director, Global Markets") is a director of that function.

    Examples:
        >>> print(graded([["vp"], ["engineering"]]), graded([["executive", "director"]]))
        None None
        >>> print(graded([["executive", "director"], ["riverside", "food", "bank"]]))
        None
        >>> graded([["vice", "president"], ["credit", "risk"], ["investment", "bank"]])
        [['credit', 'risk'], ['investment', 'bank']]
    """
    if len(parts) < 2:
        return None
    first, later = tuple(parts[0]), parts[1:]
    if first in _VP_GRADES and later[0][-1] in _HOLDERS:
        return later
    if first in _DIRECTOR_GRADES and _ORGANISATIONS.isdisjoint(w for p in later for w in p):
        return [_DIRECTOR, *later]
    if bank_grade(parts):
        kept = [_VP_WORDS.sub(" ", " ".join(part)).split() for part in parts]
        return [part for part in kept if part]
    return None


_BANK = re.compile(
    r"(?<!food )(?<!blood )(?<!data )(?<!milk )(?<!seed )\bbank(?:s|ing)?\b"
    r"|\b(?:capital|financial) markets\b|\bequity research\b|\bsecurities\b"
    r"|\bwealth management\b|\bsales trading\b"
)
_VP_WORD = re.compile(r"\b(?:vp|svp|evp|vice president)\b")
_VP_WORDS = re.compile(r"\b(?:(?:senior|executive|first) )?(?:vp|svp|evp|vice president)\b")


def bank_grade(parts: list[list[str]]) -> bool:
    """Whether a title's VP is a bank's grade: the title (its segments' words) names a
    bank, its markets or its research, and a VP ("Vice President, Equity Research"), and
    not a food bank's.

    Examples:
        >>> bank_grade([["vp"], ["risk", "analytics"], ["consumer", "bank"]])
        True
        >>> bank_grade([["vp"], ["finance"]]), bank_grade([["vp"], ["food", "bank"]])
        (False, False)
    """
    text = " ".join(" ".join(part) for part in parts)
    return _VP_WORD.search(text) is not None and _BANK.search(text) is not None


_DISCIPLINES = re.compile(
    r"\b(?:civil|civile|genie civil|structural|site|building services"
    r"|plumbing|heating|hvac|reservoir|petroleum|drilling|mining|geotechnical|chemical"
    r"|control room|substation|highways?|railways?|rail|marine|nuclear|offshore|subsea"
    r"|piping|instrumentation|wind|solar|wastewater|water|geolog\w*|environmental"
    r"|acoustics?|oncology|genomics?|biolog\w*|immunolog\w*|neuroscience|pharmacolog\w*"
    r"|toxicolog\w*|virolog\w*|microbiolog\w*|molecular|cell therapy|gene therapy|proteins?"
    r"|vaccines?|chemistry|biochem\w*|genetics|ecology|medicinal|formulation|assays?"
    r"|antibod\w*|aircraft|airframes?|aeronautic\w*|aeronautique|aeronautico|aviation"
    r"|aerospace|engineer officer|vessels?|ships?|shipyard|maritime|process engineer\w*"
    r"|ingenieur process|ingenieur procedes|ingegnere di processo|inzynier procesu"
    r"|process safety|process development|hse|ehs|health and safety|completions?"
    r"|wells? (?:engineer\w*|intervention|services?)|wellsite|upstream|refinery|refining"
    r"|petrochemical\w*|hotel maintenance|maintenance|facility|facilities|dairy|meat"
    r"|poultry|brewery|food (?:science|technolog\w*|safety|processing)|clinical research"
    r"|clinical trials?|research grants?|grants? (?:officer|manager|administrator)"
    r"|theatre|theater)\b"
)
_SOFTWARE = re.compile(
    r"\b(?:software|data|cloud|devops|platform|backend|frontend|full[\s-]*stack|web|mobile"
    r"|ml|machine learning|ai|security|network|networks|it|systems?|computational"
    r"|bioinformatics?|digital|reliability|hardware|asic|fpga|pcb|chip|silicon|embedded"
    r"|firmware|automation|scada|applications?|computer|informatics|ict)\b"
)


def outside_software(title: str) -> bool:
    """Whether a title names engineering or science of buildings, energy, plants or life,
    of aircraft and ships, of a plant's processes, a site's upkeep, food science,
    clinical research or research grants, and nothing of software, data or hardware: a
    "Site Engineer", a "Research Fellow in Genomics", a "Licensed Aircraft Engineer", a
    ship's "Second Engineer Officer", a "Food Technologist (R&D)" (whose "engineer",
    "R&D" and "research" would otherwise be read as tech). The markets a software team
    serves are no such words: an "Engineering Manager, Hotels" or a "Senior Engineer -
    Food" of a travel or delivery company is tech.

    Examples:
        >>> outside_software("Research Fellow in Genomics")
        True
        >>> outside_software("Site Reliability Engineer")
        False
        >>> outside_software("Data Scientist, Oncology")  # data: software's
        False
        >>> outside_software("Engineering Manager (Hotel Maintenance)")
        True
        >>> outside_software("Engineering Manager, Hotels")  # a travel company's team
        False
        >>> outside_software("Software Engineer, Food Delivery")
        False
    """
    folded = fold(title)
    return _DISCIPLINES.search(folded) is not None and _SOFTWARE.search(folded) is None


SCHOOL_HEAD: Seniority = "director"
"""The seniority of a school's principal or of a deputy: the head of a site."""

_PRINCIPALS = frozenset(
    {("vice", "principal"), ("assistant", "principal"), ("deputy", "principal")}
)
_SCHOOLS = _words(
    "school schools academy college highschool primary secondary elementary kindergarten "
    "nursery lycee"
)


def school_head(parts: list[list[str]]) -> bool:
    """Whether a title's first segment is a school's principal, or a deputy's: "Vice
    Principal", or "Principal" alone in a title that names a school.

    Examples:
        >>> school_head([["vice", "principal"]]), school_head([["principal", "engineer"]])
        (True, False)
    """
    if not parts:
        return False
    first = tuple(parts[0])
    if first in _PRINCIPALS:
        return True
    return first == ("principal",) and any(not _SCHOOLS.isdisjoint(p) for p in parts[1:])
