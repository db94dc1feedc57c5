"""Job titles to kinds: "Directrice technique" is a `cto`, "Sr. Backend Engineer, Payments"
a `developer`.

Each kind of the catalogue lists the titles it goes by (`titles`, per language), and each
family the words that name its function ("Sales", "Comptabilité"). `infer_kind()`
finds them in a title, whatever the case, accents and punctuation, and ignores what
decorates the job ("Senior", "II", ", Payments", "(EMEA)", "Interim").

- The job is looked for in the title's first segment (before a comma, a bracket or a
  spaced dash). When it names none, as in "Manager, Customer Success", each later segment
  is read with the first one. What follows "to" names whom the job serves: an "Advisor to
  the CEO" is no CEO (unless a pattern goes across it: "assistant to *").
- The most specific pattern wins: one that contains another ("Product Marketing Manager"
  over "Marketing Manager"), then a kind over a family alone, then the one with more
  words that say the job. Two
  different answers that tie are ambiguous, and the title stays unknown (None), unless the
  department settles it: "CPO" is the Chief Product Officer in a product or tech department
  and the Chief People Officer in a people one.
- A title that names only a function gets the family and no kind. A title that names
  nothing known gets the department's family, when the department names one.
- The seniority comes from the title's seniority words (`SENIORITIES`), and from the
  kind itself (an Engineering Manager is a `manager`). A kind whose `refines` names the
  kind found, at one of its seniorities, is the answer instead: a "Lead Backend Engineer" is
  a `lead-developer`.

Examples:
    >>> infer_kind("Directrice technique & co-fondatrice")
    KindMatch(kind='cto', family='executive', pattern='directeur|directrice technique', seniority='chief', source='title', refined_from=None)
    >>> infer_kind("Sr. Backend Engineer, Payments").kind
    'developer'
    >>> infer_kind("Product Marketing Manager").kind, infer_kind("Account Manager").family
    ('product-marketing-manager', 'sales')
    >>> print(infer_kind("CPO"))
    None
    >>> infer_kind("CPO", department="People & Culture").kind
    'chief-people-officer'
"""  # noqa: E501

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from orgroles.catalog._title_match import KindMatch, Matcher, Reports
from orgroles.catalog.catalogs import Catalog, builtin_catalog
from orgroles.model import SENIORITIES, KindFrom, Role, Seniority

__all__ = ["SENIORITIES", "KindMatch", "infer_kind", "infer_role", "infer_seniority"]


class _TitleIndexOf:
    """Builds a catalogue's matcher for one language; also the key it is kept under (one
    per language, compared by identity, so the look-up is cheap)."""

    __slots__ = ("lang",)

    def __init__(self, lang: str | None) -> None:
        self.lang = lang

    def __call__(self, catalog: Catalog) -> Matcher:
        return Matcher(catalog.kinds, catalog.families, self.lang)


_INDEX_OF: dict[str | None, _TitleIndexOf] = {}


def _matcher(catalog: Catalog, lang: str | None) -> Matcher:
    # Called once per title: no new key or closure each time.
    index_of = _INDEX_OF.get(lang)
    if index_of is None:
        index_of = _INDEX_OF.setdefault(lang, _TitleIndexOf(lang))
    return catalog.derived(index_of, index_of)


def _departments(department: str | Iterable[str] | None) -> tuple[str, ...]:
    if department is None:
        return ()
    if isinstance(department, str):
        return (department,)
    return tuple(department)


def infer_kind(
    title: str,
    lang: str | None = None,
    *,
    department: str | Iterable[str] | None = None,
    catalog: Catalog | None = None,
    reports: Iterable[str | None] | None = None,
) -> KindMatch | None:
    """The kind (or only the family) a job title names, or None when it names none or is
    ambiguous.

    Args:
        title: The job title as written: "Senior Backend Engineer, Payments", "Cheffe de produit".
        lang: Use the patterns of this language ("en", "fr", "de", "es", "nl", "pt",
            "it", "pl", "sv", and for a few dozen jobs "tr", "ar", "zh", "ja", "ko") and
            English's, which titles in every language borrow
            ("Software Engineer (m/w/d)"); None uses them all.
        department: The department the seat is in, or several (most specific first: the first that
            names a function counts). It settles a title that two kinds share, and gives its
            family to a title that names no job.
        catalog: Whose titles to use; the built-in catalogue by default.
        reports: The families of the role's direct reports (one per report; None for a
            report with no family). When the department does not settle a title that two
            kinds share, the kind whose departments most reports are in does
            (`source="reports"`): a "CPO" over product managers is the Chief Product
            Officer, over recruiters the Chief People Officer.

    Examples:
        >>> infer_kind("Développeuse Full-Stack confirmée")
        KindMatch(kind='developer', family='tech', pattern='développeur|développeuse', seniority='senior', source='title', refined_from=None)
        >>> m = infer_kind("Lead Backend Engineer")
        >>> m.kind, m.seniority, m.refined_from, m.pattern
        ('lead-developer', 'lead', 'developer', 'backend|back-end|frontend|...')
        >>> infer_kind("Comptabilité")
        KindMatch(kind=None, family='finance', pattern='comptabilité', seniority=None, source='title', refined_from=None)
        >>> infer_kind("Consultant", department="Sales")
        KindMatch(kind=None, family='sales', pattern='sales', seniority=None, source='department', refined_from=None)
        >>> print(infer_kind("Developer & Designer"), infer_kind("Program Manager"))
        None None
        >>> infer_kind("CPO", reports=["product", "product", "tech"]).kind
        'cpo'
    """  # noqa: E501
    matcher = _matcher(catalog or builtin_catalog(), lang)
    return matcher.infer(title, _departments(department), _reports(reports))


def _reports(families: Iterable[str | None] | None) -> Reports:
    """The families of the reports, counted, in the order first met (a cache key)."""
    if not families:
        return ()
    return tuple(Counter(f for f in families if f is not None).items())


def infer_seniority(
    title: str, lang: str | None = None, *, catalog: Catalog | None = None
) -> Seniority | None:
    """The seniority a job title says, whether or not it names a known job.

    Examples:
        >>> infer_seniority("Senior Wizard"), infer_seniority("Head of Everything")
        ('senior', 'director')
    """
    return _matcher(catalog or builtin_catalog(), lang).seniority(title)


def infer_role(
    role: Role,
    catalog: Catalog | None = None,
    *,
    department: str | Iterable[str] | None = None,
    lang: str | None = None,
    reports: Iterable[str | None] | None = None,
) -> Role:
    """The role with its kind (or family) and seniority inferred from its title (with its
    department, and its reports' families: see `infer_kind()`).

    A declared kind (`kind` set and `kind_from` absent) is never changed, and the
    role is returned as it is. A kind inferred before (`kind_from` set) is inferred
    again, so that a changed catalogue or title is followed. The role records how the kind
    was found in `kind_from`. A family is stored only when no kind is found (a kind
    brings its own), and a family or seniority the author wrote is kept.

    Examples:
        >>> role = infer_role(Role(id="r1", title="Directrice technique"))
        >>> role.kind, role.kind_from, role.seniority
        ('cto', 'title', 'chief')
        >>> infer_role(Role(id="r2", title="Sales", seniority="vp"))
        Role(id='r2', title='Sales', kind_from='title', family='sales', seniority='vp')
        >>> declared = Role(id="r3", title="Directrice technique", kind="ceo")
        >>> infer_role(declared) is declared
        True
    """
    if role.kind is not None and role.kind_from is None:
        return role
    kind, family = role.kind, role.family
    if role.kind_from is not None:  # inferred before: forget what was inferred
        kind, family = None, (family if kind is not None else None)
    matcher = _matcher(catalog or builtin_catalog(), lang)
    match = (
        matcher.infer(role.title, _departments(department), _reports(reports))
        if role.title
        else None
    )
    kind_from: KindFrom | None = None
    if match is not None and match.kind is not None:
        kind, kind_from = match.kind, match.source
    elif match is not None and family is None:
        family, kind_from = match.family, match.source
    seniority = role.seniority
    if seniority is None and role.title:
        seniority = match.seniority if match is not None else matcher.seniority(role.title)
    return dataclasses.replace(
        role, kind=kind, family=family, seniority=seniority, kind_from=kind_from
    )
