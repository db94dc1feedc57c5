"""Lines among a sheet's rows that repeat its header: a second table under the first
(two companies, two teams one after the other), or a header printed on each page.

Examples:
    >>> records = [["name", "title"], ["Ana", "CEO"], [], ["name", "title"], ["Bo", "CTO"]]
    >>> header_repeats(records, [1, 3, 4], 0)
    [3]
    >>> header_repeats(records, [1, 4], 0)
    []
"""

from __future__ import annotations

__all__ = ["header_repeats"]


def header_repeats(records: list[list[str]], body: list[int], header_at: int) -> list[int]:
    """The records of `body` (indexes in `records`, in order) that are the header's record
    again, cell for cell: no row of people writes every column's name. The search is a
    C-speed `list.index`, so a clean export pays one pass over its rows."""
    if not body:
        return []
    header = records[header_at]
    found: list[int] = []
    pos, stop = body[0], body[-1] + 1
    while True:
        try:
            pos = records.index(header, pos, stop)
        except ValueError:
            if found:  # rare: those of the body only (not a line left out already)
                inside = set(body)
                found = [n for n in found if n in inside]
            return found
        found.append(pos)
        pos += 1
