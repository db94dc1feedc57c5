"""The catalogue's models: responsibilities, kinds of role, families, qualities."""

# No `from __future__ import annotations` where pydantic models are defined: pydantic
# would evaluate every annotation from its text when the classes are made, about 20 ms
# of each command's start (see docs/performance.md, "Start-up").

import dataclasses
import math
from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field
from pydantic.dataclasses import dataclass

from orgroles.model.base import (
    CONFIG,
    Base,
    Category,
    Id,
    Labels,
    Meta,
    Seniority,
    TitlePatterns,
)

__all__ = [
    "MAX_PATTERN_SPELLINGS",
    "CatalogDocument",
    "Family",
    "Quality",
    "Responsibility",
    "RoleKind",
]


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Responsibility(Base):
    """A duty that a role can hold, such as `define-technical-strategy`.

    Examples:
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
        """The label in `lang`, falling back to the English label, then to the id."""
        return self.labels.get(lang) or self.label or self.id

    def describe(self, lang: str = "en") -> str:
        """The description in `lang`, falling back to English, then to an empty string."""
        return self.descriptions.get(lang) or self.description or ""


MAX_PATTERN_SPELLINGS = 64
"""How many spellings one title pattern may stand for (`a|b c|d` stands for four)."""


def _check_patterns(titles: TitlePatterns) -> TitlePatterns:
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


_Patterns = Annotated[TitlePatterns, AfterValidator(_check_patterns)]
"""Title patterns that can be read: a plain function checks them (not a method), so
that the schema of a file's model can be kept in the command's cache (a pickle)."""


def _kind_sources(sources: dict[str, str]) -> dict[str, str]:
    unknown = sorted(set(sources) - {f.name for f in dataclasses.fields(RoleKind)})
    if unknown:
        raise ValueError(f"{', '.join(unknown)}: not a field of a kind")
    return sources


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Quality(Base):
    """A quality in a kind's profile, such as rigour or resilience.

    Examples:
        >>> Quality(id="rigour", label="Rigour", labels={"fr": "Rigueur"}).text("fr")
        'Rigueur'
    """

    id: Id
    label: str | None = None
    labels: Labels = Field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The label in `lang`, falling back to the English label, then to the id."""
        return self.labels.get(lang) or self.label or self.id


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Family(Base):
    """A family of kinds (a company function: `tech`, `sales`, `people`, ...).

    `titles` are the words that name the function itself ("Sales", "Comptabilité"): a
    job title that names only the function gets the family without a kind, and a
    department name is read with them.

    Examples:
        >>> f = Family(id="finance", title="Finance", titles={"fr": ["comptabilité"]})
        >>> f.text("fr"), f.titles["fr"]
        ('Finance', ('comptabilité',))
    """

    id: Id
    title: str | None = None
    labels: Labels = Field(default_factory=dict)
    description: str | None = None
    descriptions: Labels = Field(default_factory=dict)
    titles: _Patterns = Field(
        default_factory=dict, description="Words that name the function, per language."
    )

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    def text(self, lang: str = "en") -> str:
        """The name in `lang`, falling back to the English name, then to the id."""
        return self.labels.get(lang) or self.title or self.id


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class RoleKind(Base):
    """A catalogue entry such as `cto`: a title, a family and default responsibilities.

    Examples:
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
    sources: Annotated[dict[str, str], AfterValidator(_kind_sources)] = Field(
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
    titles: _Patterns = Field(
        default_factory=dict,
        description="Job titles this kind goes by, per language: words, 'a|b' alternatives, "
        "'*' for any one word.",
    )
    seniority: tuple[Seniority, ...] = Field(
        default=(),
        description="The seniorities the kind is at; its titles imply the first, unless "
        "one says the level of someone who leads ('Sales Team Lead' is a sales manager at lead).",
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

    def source_of(self, field: str) -> str | None:
        """Where the facts of one field come from: its note in `sources`, else `source`.

        Examples:
            >>> k = RoleKind(id="cpo", source="P1-P11", sources={"career_from": "general practice"})
            >>> k.source_of("responsibilities"), k.source_of("career_from")
            ('P1-P11', 'general practice')
        """
        return self.sources.get(field, self.source)

    def text(self, lang: str = "en") -> str:
        """The title in `lang`, falling back to the English title, then to the id."""
        return self.labels.get(lang) or self.title or self.id

    def describe(self, lang: str = "en") -> str:
        """The description in `lang`, falling back to English, then to an empty string."""
        return self.descriptions.get(lang) or self.description or ""


@dataclass(
    config=ConfigDict(**CONFIG, title="orgroles catalogue file"),
    frozen=True,
    slots=True,
    kw_only=True,
    repr=False,
)
class CatalogDocument(Base):
    """A catalogue file: kinds and responsibilities that several org files share."""

    name: str | None = None
    description: str | None = None
    uses: tuple[str, ...] = Field(
        default=(), description="Other catalogues this one builds on: 'builtin' and/or paths."
    )
    families: tuple[Family, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    kinds: tuple[RoleKind, ...] = ()
