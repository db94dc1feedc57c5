"""The selector mini-language: pick roles with space-separated terms that must all hold.

========================  =====================================================
term                      matches the roles ...
========================  =====================================================
`id:X`                  whose id is X
`kind:X`                of kind X
`family:X`              in family X (`executive`, `tech`, `sales`, ...): by
                          kind, or by the role's own family
`seniority:X`           of seniority X (`junior`, `senior`, ..., `vp`, `chief`)
`team:X`                in team X (a declared team, by its id or its name, or
                          the team a role X leads)
`has:R`                 that hold responsibility R (kind defaults included)
`under:X`               below role X, at any depth
`reports:X`             that report directly to role X
`manager:X`             that manage role X (its direct manager)
`holder:P`              held by person P
`title~TEXT`            whose title contains TEXT (any case)
`name~TEXT`             held by someone whose name contains TEXT (any case)
`span>N`                whose span of control (direct reports, assistants
                          excluded) is more than N; also `>=`, `<`, `<=`, `=`
                          (or `span:N`)
`layer>N`               whose layer (1 at the top) compares so with N
`vacant`                that nobody holds
`acting`                held by an interim holder
`inferred`              whose kind or family was inferred from a job title
`planned`               that do not exist yet (planned seats)
`assistant`             that are staff seats (assistants, advisers)
========================  =====================================================

A value may list alternatives, any of which matches: `kind:developer,designer`. A
comparison takes a whole number: `span>8`, `layer<=2`.
A value with spaces is quoted: `title~"head of"`. A leading `-` negates a term:
`under:cto -kind:developer`. The empty selector matches every role. The terms are
the entries of `TERMS` (`orgroles.selectors.terms`); the parser is in
`orgroles.selectors.syntax`.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/three_person_tech_team.yaml")
    >>> [r.id for r in select(org, "under:cto")]
    ['dev-1', 'dev-2']
"""

from orgroles.selectors.find import find_role
from orgroles.selectors.syntax import Selector, Term, parse, parse_selector, select
from orgroles.selectors.terms import FLAGS, MATCH_KEYS, TERMS, TEXT_KEYS, TermSpec

__all__ = [
    "FLAGS",
    "MATCH_KEYS",
    "TERMS",
    "TEXT_KEYS",
    "Selector",
    "Term",
    "TermSpec",
    "find_role",
    "parse",
    "parse_selector",
    "select",
]
