"""The format of an export's days, found from the days themselves (`%m/%d/%Y`,
`%d.%m.%Y`, ...): the one format that reads them all, when only one does.

Examples:
    >>> day_format(["03/01/2016", "07/15/2017"])
    '%m/%d/%Y'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["day_format", "reads_days"]

_FORMATS = (
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%Y/%m/%d",
    "%Y.%m.%d",  # 2014.03.03 (Korea, China, Hungary)
    "%d-%m-%Y",
    "%d-%b-%Y",  # 03-Mar-2014 (Zoho, Oracle)
    "%d %b %Y",  # 3 Mar 2014
    "%b %d, %Y",  # Mar 3, 2014
    "%B %d, %Y",  # March 3, 2014 (Notion)
    "%d %B %Y",  # 3 March 2014
    "%d-%b-%y",  # 03-MAR-14 (Oracle)
    "%m/%d/%y",  # 3/3/14 (a US spreadsheet)
    "%d/%m/%y",
    "%d.%m.%y",
    "%Y%m%d",  # 20140303 (SAP)
)


def reads_days(days: Iterable[str], fmt: str) -> bool:
    """Whether a format (`%m/%d/%Y`; `%Y-%m-%d` for the days that need none) reads every
    day given."""
    from orgroles.importers.dated import parse_day

    try:
        for text in set(days):
            parse_day(text, None if fmt == "%Y-%m-%d" else fmt)
    except ValueError:
        return False
    return True


def day_format(days: Sequence[str]) -> str | None:
    """The one format that reads every day given ("" for `YYYY-MM-DD`, which needs none),
    or None when none does or several do (`01/02/2018`: January or February?).

    Examples:
        >>> day_format(["2026-03-01"]), day_format(["01.04.2010", "15.08.2014"])
        ('', '%d.%m.%Y')
        >>> day_format(["03/01/2016", "07/15/2017"]), day_format(["01/02/2018"])
        ('%m/%d/%Y', None)
    """
    distinct = set(days)  # a format reads them all when it reads each distinct one
    found = [fmt for fmt in _FORMATS if reads_days(distinct, fmt)]
    if not found:
        return None
    if found[0] == "%Y-%m-%d":
        return ""
    return found[0] if len(found) == 1 else None
