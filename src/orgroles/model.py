"""The pydantic models of orgroles: they *are* the file format.

Every model forbids unknown keys (a typo is an error, not a silently ignored field) and
is frozen, so that an :class:`~orgroles.Org` can keep its indexes consistent: edits go
through the ``Org`` methods, which replace whole models (``dataclasses.replace``).

The models are pydantic *dataclasses* with ``__slots__`` rather than ``BaseModel``
subclasses: validation is the same, but a role takes about a fifth of the memory and
validates 40% faster, which is what lets a two-million-role org fit on one machine
(see docs/performance.md).

>>> from orgroles.model import Role
>>> cto = Role(id="cto", kind="cto", holder="camille", reports_to="ceo")
>>> cto.holders, cto.vacant
(('camille',), False)
>>> Role(id="dev-1", holder=["ana", "bo"]).holders   # a job share
('ana', 'bo')
"""

from __future__ import annotations

import dataclasses
import math
from typing import Annotated, Any, ClassVar, Literal

from pydantic import ConfigDict, Field, StringConstraints, field_validator
from pydantic.dataclasses import dataclass
from pydantic.fields import FieldInfo

from orgroles.limits import MAX_ID_LENGTH, MAX_TEXT_LENGTH

__all__ = [
    "CATEGORIES",
    "CatalogDocument",
    "Category",
    "CustomRule",
    "ExclusiveRule",
    "FAMILIES",
    "Family",
    "GENERAL_PRACTICE",
    "Id",
    "KindFrom",
    "MAX_PATTERN_SPELLINGS",
    "MaxSpanRule",
    "MustReportToRule",
    "OrgDocument",
    "Person",
    "Quality",
    "RequiresRule",
    "Responsibility",
    "Role",
    "RoleKind",
    "RulesConfig",
    "SENIORITIES",
    "Seniority",
    "Severity",
    "Team",
    "TitlePatterns",
]

# An id is a non-empty string without control characters and without white space at
# either end, so that ids survive every output format and cannot hide from the reader.
_ID_PATTERN = r"^[^\s\x00-\x1f\x7f](?:[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?$"
Id = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID_LENGTH, pattern=_ID_PATTERN)]
"""A role, person, team, kind or responsibility id: ``cto``, ``tm-19662dae``, ``0123``."""

Category = Literal["strategic", "operational", "managerial", "compliance"]
"""What kind of work a responsibility is; ``operational`` means hands-on work."""

CATEGORIES: tuple[Category, ...] = ("strategic", "operational", "managerial", "compliance")

Severity = Literal["error", "warning", "info"]
"""How serious a rule violation is; only ``error`` makes ``orgroles check`` exit 1."""

Seniority = Literal[
    "junior", "senior", "staff", "principal", "lead", "manager", "director", "vp", "chief"
]
"""How senior a seat is, as job titles say it ("Senior", "Staff", "Head of", "VP")."""

SENIORITIES: tuple[Seniority, ...] = (
    "junior",
    "senior",
    "staff",
    "principal",
    "lead",
    "manager",
    "director",
    "vp",
    "chief",
)
"""The seniorities from the most junior to the most senior."""

FAMILIES: tuple[str, ...] = (
    "executive",
    "tech",
    "product",
    "sales",
    "marketing",
    "finance",
    "people",
    "legal",
    "operations",
    "support",
)
"""The family ids (company functions) every catalogue may rely on; a catalogue may add more."""

KindFrom = Literal["title", "department"]
"""How an inferred kind was found: from the job title, or with the help of the department."""

GENERAL_PRACTICE = "general practice"
"""The ``source`` of a fact that is common practice and not in the source article."""

Labels = dict[str, str]
Meta = dict[str, Any]
TitlePatterns = dict[str, tuple[str, ...]]
"""Job-title patterns per language (``{"en": [...], "fr": [...]}``); see docs/catalog.md."""


_CONFIG = ConfigDict(extra="forbid", coerce_numbers_to_str=True, str_max_length=MAX_TEXT_LENGTH)


class _Base:
    """What every model shares: a short repr that shows only the fields that were set."""

    __slots__ = ()

    __pydantic_fields__: ClassVar[dict[str, FieldInfo]]

    def __repr__(self) -> str:
        shown = []
        for name, info in self.__pydantic_fields__.items():
            value = getattr(self, name)
            if info.is_required() or value != info.get_default(call_default_factory=True):
                shown.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Responsibility(_Base):
    """A duty that a role can hold, such as ``define-technical-strategy``.

    >>> r = Responsibility(id="data-protection", label="Personal data protection",
    ...                    labels={"fr": "Protection des données"}, category="compliance")
    >>> r.text("fr"), r.text("de")
    ('Protection des données', 'Personal data protection')
    """

    id: Id
    label: str | None = None
    labels: Labels = Field(default_factory=dict)
    category: Category | None = None
    description: str | None = None
    descriptions: Labels = Field(default_factory=dict)
    source: str | None = Field(
        default=None, description="Where the duty comes from, e.g. a fact tag 'C5'."
    )
    required: bool = Field(default=False, description="Rule R001: someone in the org must hold it.")
    single_owner: bool = Field(
        default=False, description="Rule R003: at most one role may hold it."
    )
    conflicts_with: tuple[Id, ...] = Field(
        default=(), description="Rule R002: no person may hold both this and one of these."
    )

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    def text(self, lang: str = "en") -> str:
        """The label in ``lang``, falling back to the English label, then to the id."""
        return self.labels.get(lang) or self.label or self.id

    def describe(self, lang: str = "en") -> str:
        """The description in ``lang``, falling back to English, then to an empty string."""
        return self.descriptions.get(lang) or self.description or ""


MAX_PATTERN_SPELLINGS = 64
"""How many spellings one title pattern may stand for (``a|b c|d`` stands for four)."""


def _check_patterns(cls: type, titles: TitlePatterns) -> TitlePatterns:
    # The full syntax is read by orgroles.catalog.titles; here only what makes a pattern
    # unreadable, so that a bad catalogue fails at load time with its location.
    for lang, patterns in titles.items():
        for pattern in patterns:
            slots = pattern.split()
            if not slots or all(slot == "*" for slot in slots):
                raise ValueError(f"{lang}: pattern {pattern!r} names no word")
            if any("" in slot.split("|") for slot in slots):
                raise ValueError(f"{lang}: pattern {pattern!r} has an empty alternative")
            spellings = math.prod(len(slot.split("|")) for slot in slots)
            if spellings > MAX_PATTERN_SPELLINGS:
                raise ValueError(
                    f"{lang}: pattern {pattern!r} stands for {spellings:,} spellings "
                    f"(at most {MAX_PATTERN_SPELLINGS}): split it into several patterns"
                )
    return titles


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Quality(_Base):
    """A quality in a kind's profile, such as rigour or resilience.

    >>> Quality(id="rigour", label="Rigour", labels={"fr": "Rigueur"}).text("fr")
    'Rigueur'
    """

    id: Id
    label: str | None = None
    labels: Labels = Field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The label in ``lang``, falling back to the English label, then to the id."""
        return self.labels.get(lang) or self.label or self.id


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Family(_Base):
    """A family of kinds (a company function: ``tech``, ``sales``, ``people``, ...).

    ``titles`` are the words that name the function itself ("Sales", "Comptabilité"): a
    job title that names only the function gets the family without a kind, and a
    department name is read with them.

    >>> f = Family(id="finance", title="Finance", titles={"fr": ["comptabilité"]})
    >>> f.text("fr"), f.titles["fr"]
    ('Finance', ('comptabilité',))
    """

    id: Id
    title: str | None = None
    labels: Labels = Field(default_factory=dict)
    description: str | None = None
    descriptions: Labels = Field(default_factory=dict)
    titles: TitlePatterns = Field(
        default_factory=dict, description="Words that name the function, per language."
    )

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    _titles_readable = field_validator("titles")(_check_patterns)

    def text(self, lang: str = "en") -> str:
        """The name in ``lang``, falling back to the English name, then to the id."""
        return self.labels.get(lang) or self.title or self.id


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class RoleKind(_Base):
    """A catalogue entry such as ``cto``: a title, a family and default responsibilities.

    >>> k = RoleKind(id="cto", title="Chief Technical Officer",
    ...              labels={"fr": "Directeur technique"}, family="executive")
    >>> k.text("fr")
    'Directeur technique'
    """

    id: Id
    title: str | None = None
    labels: Labels = Field(default_factory=dict)
    description: str | None = None
    descriptions: Labels = Field(default_factory=dict)
    family: str | None = Field(default=None, description="executive, tech, product, ...")
    source: str | None = Field(
        default=None,
        description="Where the kind comes from: fact tags, 'article' or 'general practice'.",
    )
    sources: dict[str, str] = Field(
        default_factory=dict,
        description="Where one field's facts come from when not from `source`: "
        "{career_from: general practice}.",
    )
    responsibilities: tuple[Id, ...] = ()
    career_from: tuple[Id, ...] = Field(
        default=(), description="Kinds that typically grow into this one."
    )
    profile: tuple[Quality, ...] = Field(
        default=(), description="Qualities the job asks for (rigour, empathy, ...)."
    )
    titles: TitlePatterns = Field(
        default_factory=dict,
        description="Job titles this kind goes by, per language: words, 'a|b' alternatives, "
        "'*' for any one word.",
    )
    seniority: tuple[Seniority, ...] = Field(
        default=(), description="The seniorities the kind is at; its titles imply the first."
    )
    refines: tuple[Id, ...] = Field(
        default=(),
        description="Kinds whose titles, at one of this kind's seniorities, mean this kind "
        "(a developer at lead level is a lead-developer).",
    )
    departments: tuple[Id, ...] = Field(
        default=(),
        description="Families of the departments this kind sits in, when not its own family "
        "(a CPO sits in product or tech); they settle a title two kinds share.",
    )
    meta: Meta = Field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    _titles_readable = field_validator("titles")(_check_patterns)

    @field_validator("sources")
    @classmethod
    def _sources_name_fields(cls, sources: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(sources) - {f.name for f in dataclasses.fields(cls)})
        if unknown:
            raise ValueError(f"{', '.join(unknown)}: not a field of a kind")
        return sources

    def source_of(self, field: str) -> str | None:
        """Where the facts of one field come from: its note in ``sources``, else ``source``.

        >>> k = RoleKind(id="cpo", source="P1-P11", sources={"career_from": "general practice"})
        >>> k.source_of("responsibilities"), k.source_of("career_from")
        ('P1-P11', 'general practice')
        """
        return self.sources.get(field, self.source)

    def text(self, lang: str = "en") -> str:
        """The title in ``lang``, falling back to the English title, then to the id."""
        return self.labels.get(lang) or self.title or self.id

    def describe(self, lang: str = "en") -> str:
        """The description in ``lang``, falling back to English, then to an empty string."""
        return self.descriptions.get(lang) or self.description or ""


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Person(_Base):
    """Someone who holds one or more roles."""

    id: Id
    name: str | None = None
    email: str | None = None
    meta: Meta = Field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    @property
    def display_name(self) -> str:
        """The name, or the id when the name is unknown."""
        return self.name or self.id


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Role(_Base):
    """A seat in the org (the graph's node), held by zero, one or several people.

    ``responsibilities`` are added to the kind's defaults and ``drop`` removes defaults.
    ``noqa`` silences rule codes for this role: a list of codes, or a mapping from code to
    the reason, which reports keep.

    ``kind_from`` says that the kind (or, with no kind, the ``family``) was inferred from
    the job title (see :func:`orgroles.catalog.titles.infer_role`); a kind the author
    declared has none, and inference never changes it. ``family`` gives a company function
    to a seat whose title names only that ("Sales"), and ``seniority`` is one of
    :data:`SENIORITIES`.

    >>> Role(id="r7", title="Sales", family="sales", kind_from="title", seniority="vp")
    Role(id='r7', title='Sales', kind_from='title', family='sales', seniority='vp')
    """

    id: Id
    title: str | None = None
    kind: Id | None = None
    kind_from: KindFrom | None = Field(
        default=None,
        description="How the kind (or the family) was inferred: from the 'title', or with the "
        "'department'; absent when the author declared it.",
    )
    family: Id | None = Field(
        default=None,
        description="The family (company function) of a seat that has no kind: sales, ...",
    )
    seniority: Seniority | None = None
    holder: Id | tuple[Id, ...] | None = Field(
        default=None,
        description="A person id, a list of person ids for a job share, or null if vacant.",
    )
    acting: bool = Field(default=False, description="The holder is interim.")
    reports_to: Id | None = None
    dotted_to: tuple[Id, ...] = Field(default=(), description="Dotted-line (matrix) managers.")
    assistant: bool = Field(
        default=False,
        description="A staff seat drawn beside its manager, outside the span of control.",
    )
    responsibilities: tuple[Id, ...] = ()
    drop: tuple[Id, ...] = Field(
        default=(), description="Default responsibilities of the kind to drop."
    )
    noqa: tuple[str, ...] | dict[str, str] = Field(
        default=(),
        description="Rule codes silenced for this role, or a mapping from code to reason.",
    )
    meta: Meta = Field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    @property
    def holders(self) -> tuple[str, ...]:
        """The ids of the people in this seat (empty when vacant)."""
        holder = self.holder
        if holder is None:
            return ()
        return (holder,) if isinstance(holder, str) else holder

    @property
    def vacant(self) -> bool:
        """True when nobody holds the seat."""
        return not self.holder

    @property
    def noqa_reasons(self) -> dict[str, str]:
        """The silenced codes, each with its reason (empty when none was given)."""
        if isinstance(self.noqa, dict):
            return dict(self.noqa)
        return dict.fromkeys(self.noqa, "")


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Team(_Base):
    """A named group of roles. Without declared teams, a role's team is its subtree."""

    id: Id
    name: str | None = None
    lead: Id | None = None
    members: tuple[Id, ...] = ()
    meta: Meta = Field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    @property
    def display_name(self) -> str:
        """The name, or the id when no name is given."""
        return self.name or self.id


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class _CustomRuleBase(_Base):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*[0-9]+$")] = Field(
        description="A code of your own, such as X001."
    )
    name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")] | None = None
    message: str | None = None
    severity: Severity = "error"
    description: str | None = None


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class MustReportToRule(_CustomRuleBase):
    """Roles matching ``select`` sit under a role matching ``under`` (directly if ``direct``)."""

    type: Literal["must_report_to"]
    select: str
    under: str
    direct: bool = False


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class MaxSpanRule(_CustomRuleBase):
    """Roles matching ``select`` have at most ``max`` direct reports."""

    type: Literal["max_span"]
    select: str = ""
    max: int = Field(ge=0)


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class RequiresRule(_CustomRuleBase):
    """Roles matching ``select`` hold every responsibility listed."""

    type: Literal["requires"]
    select: str
    responsibilities: tuple[Id, ...] = Field(min_length=1)


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class ExclusiveRule(_CustomRuleBase):
    """No person holds two of these responsibilities (segregation of duties)."""

    type: Literal["exclusive"]
    select: str = ""
    responsibilities: tuple[Id, ...] = Field(min_length=2)


CustomRule = Annotated[
    MustReportToRule | MaxSpanRule | RequiresRule | ExclusiveRule, Field(discriminator="type")
]


@dataclass(config=_CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class RulesConfig(_Base):
    """The ``rules:`` section of an org file."""

    select: tuple[str, ...] = Field(
        default=(), description="Codes, names or families to run (all if empty)."
    )
    ignore: tuple[str, ...] = Field(default=(), description="Codes, names or families not to run.")
    severity: dict[str, Severity] = Field(default_factory=dict)
    params: dict[str, dict[str, Any]] = Field(default_factory=dict)
    custom: tuple[CustomRule, ...] = ()


@dataclass(
    config=ConfigDict(**_CONFIG, title="orgroles org file", validate_by_name=True),
    frozen=True,
    slots=True,
    kw_only=True,
    repr=False,
)
class OrgDocument(_Base):
    """The whole org file: what ``orgroles.load`` reads and ``Org.dump`` writes."""

    schema_: str | None = Field(
        default=None,
        validation_alias="$schema",
        serialization_alias="$schema",
        description="An optional JSON Schema URL.",
    )
    name: str | None = None
    description: str | None = None
    uses: tuple[str, ...] = Field(
        default=("builtin",),
        description="Catalogues to use: 'builtin' and/or paths to catalogue files.",
    )
    responsibilities: tuple[Responsibility, ...] = ()
    kinds: tuple[RoleKind, ...] = ()
    people: tuple[Person, ...] = ()
    roles: tuple[Role, ...] = ()
    teams: tuple[Team, ...] = ()
    rules: RulesConfig = Field(default_factory=lambda: RulesConfig())
    meta: Meta = Field(default_factory=dict)


@dataclass(
    config=ConfigDict(**_CONFIG, title="orgroles catalogue file"),
    frozen=True,
    slots=True,
    kw_only=True,
    repr=False,
)
class CatalogDocument(_Base):
    """A catalogue file: kinds and responsibilities that several org files share."""

    name: str | None = None
    description: str | None = None
    uses: tuple[str, ...] = Field(
        default=(), description="Other catalogues this one builds on: 'builtin' and/or paths."
    )
    families: tuple[Family, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    kinds: tuple[RoleKind, ...] = ()
