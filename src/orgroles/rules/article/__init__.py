"""K rules: the article's rules of thumb about the CTO and the CPO (see docs/catalog.md).

Each rule cites the facts it comes from: C1-C12 (the CTO), P1-P11 (the CPO) and D1-D3
(how the two differ).
"""

from orgroles.rules.article.K001 import ExecReportsToDirection
from orgroles.rules.article.K002 import TechLine
from orgroles.rules.article.K003 import ProductLine
from orgroles.rules.article.K004 import HandsOnCto
from orgroles.rules.article.K005 import CtoCpoSamePerson
from orgroles.rules.article.K006 import UniqueExecutive
from orgroles.rules.article.K007 import CodingCtoLargeTeam

__all__ = [
    "CodingCtoLargeTeam",
    "CtoCpoSamePerson",
    "ExecReportsToDirection",
    "HandsOnCto",
    "ProductLine",
    "TechLine",
    "UniqueExecutive",
]
