"""The resource limits orgroles enforces on outside data, in one place.

Each limit turns input that would exhaust memory or time into a clear
`OrgFileError` that names it. They are generous: the largest
employers have about two million people.

==================  ===============  ==============================================
name                value            what it bounds
==================  ===============  ==============================================
MAX_FILE_BYTES      4 GiB            the size of a file read
MAX_DEPTH           64               nesting of mappings and lists (JSON: of meta)
MAX_ROLES           5,000,000        roles in one org (also people, teams)
MAX_ID_LENGTH       512              characters in an id
MAX_TEXT_LENGTH     1,000,000        characters in any other text value
MAX_PROBLEMS        100              problems listed for one file (then a count)
MAX_VIOLATIONS      1,000,000        violations a check keeps (the rest are counted)
MAX_SELECTOR_TERMS  100              terms in one selector (each costs a pass over N)
MAX_CUSTOM_RULES    1,000            rules declared in one org file (each looks at N)
DOT_TIMEOUT         120 s            how long Graphviz's dot may run on one chart
DOT_MEMORY          2 GiB            the address space Graphviz's dot may use
==================  ===============  ==============================================
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
MAX_DEPTH = 64
MAX_ROLES = 5_000_000
MAX_ID_LENGTH = 512
MAX_TEXT_LENGTH = 1_000_000
MAX_PROBLEMS = 100
MAX_VIOLATIONS = 1_000_000
MAX_SELECTOR_TERMS = 100
MAX_CUSTOM_RULES = 1_000
DOT_TIMEOUT = 120.0
DOT_MEMORY = 2 * 1024**3
