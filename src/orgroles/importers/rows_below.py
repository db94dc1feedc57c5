"""The end of an import's note said at its first row, for the rows below it."""

from __future__ import annotations

__all__ = ["more_rows_below"]


def more_rows_below(count: int) -> str:
    """ ", and 3 more rows below" (nothing for none).

    Examples:
        >>> more_rows_below(0), more_rows_below(1), more_rows_below(1200)
        ('', ', and one more row below', ', and 1,200 more rows below')
    """
    if not count:
        return ""
    return ", and one more row below" if count == 1 else f", and {count:,} more rows below"
