"""The resource limits orgroles enforces on outside data, in one place.

Each limit turns input that would exhaust memory or time into a clear
`OrgFileError` that names it. They are generous: the largest employers have about two
million people. The reference page of limits is generated from this module (its values
and the docstring under each).
"""

from __future__ import annotations

__all__ = [
    "DOT_MEMORY",
    "DOT_TIMEOUT",
    "MAX_CUSTOM_RULES",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_ID_LENGTH",
    "MAX_PROBLEMS",
    "MAX_ROLES",
    "MAX_SELECTOR_TERMS",
    "MAX_TEXT_LENGTH",
    "MAX_VIOLATIONS",
]

MAX_FILE_BYTES = 4 * 1024**3
"""The size of a file read (an org, a catalogue, an import), in bytes."""

MAX_DEPTH = 64
"""Nesting of mappings and lists in a file (in JSON, counted from the top, `meta` included)."""

MAX_ROLES = 5_000_000
"""Roles in one org; also people, and teams, and the rows of a workbook's sheet."""

MAX_ID_LENGTH = 512
"""Characters in an id."""

MAX_TEXT_LENGTH = 1_000_000
"""Characters in any other text value (names, titles, `meta` values)."""

MAX_PROBLEMS = 100
"""Problems listed for one file; the rest, of every kind, are counted in one last problem."""

MAX_VIOLATIONS = 1_000_000
"""Violations a check keeps; the rest are counted (`Report.omitted`), so `ok` stays exact."""

MAX_SELECTOR_TERMS = 100
"""Terms in one selector (each costs a pass over the roles)."""

MAX_CUSTOM_RULES = 1_000
"""Rules declared in one org file (each looks at every role)."""

DOT_TIMEOUT = 120.0
"""Seconds Graphviz's `dot` may run on one chart (`engine="dot"`) before it is stopped."""

DOT_MEMORY = 2 * 1024**3
"""Bytes of address space Graphviz's `dot` may use, where the system allows a cap."""
