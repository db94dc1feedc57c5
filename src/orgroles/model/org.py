"""The org's models: people, roles (the seats), teams, and the whole org file."""

# No `from __future__ import annotations` where pydantic models are defined: pydantic
# would evaluate every annotation from its text when the classes are made, about 20 ms
# of each command's start (see docs/performance.md, "Start-up").

from typing import Annotated

from pydantic import ConfigDict, Field
from pydantic.dataclasses import dataclass

from orgroles.model.base import CONFIG, Base, Date, Id, KindFrom, Meta, Seniority
from orgroles.model.catalog import Responsibility, RoleKind
from orgroles.model.rules import RulesConfig, no_rules

__all__ = ["Line", "OrgDocument", "Person", "Role", "Team", "Tenure"]


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Person(Base):
    """Someone who holds one or more roles.

    `photo` is a picture for charts that show photos: a PNG, JPEG or GIF file named
    relative to the org file's folder, or a `data:image/...;base64,` URI (see
    `orgroles.render.photos`).
    """

    id: Id
    name: str | None = None
    email: str | None = None
    photo: str | None = Field(
        default=None,
        description="A picture for charts: a PNG, JPEG or GIF file relative to the org "
        "file's folder, or a data:image/...;base64, URI.",
    )
    meta: Meta = Field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    @property
    def display_name(self) -> str:
        """The name, or the id when the name is unknown."""
        return self.name or self.id


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Tenure(Base):
    """A person's time in a seat, from `start` to `end` (both inclusive; open when
    absent), as an interim holder when `acting`. Tenures of one seat may overlap: a job
    share.

    Examples:
        >>> Tenure(person="ana", start="2025-07-01", acting=True)
        Tenure(person='ana', start=datetime.date(2025, 7, 1), acting=True)
    """

    person: Id
    start: Date | None = None
    end: Date | None = None
    acting: bool = Field(default=False, description="The holder is interim.")

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.person, self.start, self.end))


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Line(Base):
    """A reporting line to `role`, in force from `start` to `end` (both inclusive;
    open when absent). A seat has at most one line in force on any day.

    Examples:
        >>> Line(role="coo", start="2026-03-01")
        Line(role='coo', start=datetime.date(2026, 3, 1))
    """

    role: Id
    start: Date | None = None
    end: Date | None = None

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.role, self.start, self.end))


_HolderItem = Annotated[Tenure | Id, Field(union_mode="left_to_right")]


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Role(Base):
    """A seat in the org (the graph's node), held by zero, one or several people.

    `responsibilities` are added to the kind's defaults and `drop` removes defaults.
    `noqa` silences rule codes for this role: a list of codes, or a mapping from code to
    the reason, which reports keep.

    `kind_from` says that the kind (or, with no kind, the `family`) was inferred from
    the job title (see `orgroles.catalog.titles.infer_role()`); a kind the author
    declared has none, and inference never changes it. `family` gives a company function
    to a seat whose title names only that ("Sales"), and `seniority` is one of
    `SENIORITIES`.

    A seat may be dated (see docs/file-format.md): `start` and `end` are its first and
    last days, `holder` may list `Tenure` items and `reports_to` `Line`
    items. A dated org shows the plain seats of one day (`orgroles.Org.as_of()`), in
    which `planned` marks a seat that does not exist yet; an undated file may set it by
    hand.

    Examples:
        >>> Role(id="r7", title="Sales", family="sales", kind_from="title", seniority="vp")
        Role(id='r7', title='Sales', kind_from='title', family='sales', seniority='vp')
    """

    id: Id
    title: str | None = None
    kind: Id | None = None
    kind_from: KindFrom | None = Field(
        default=None,
        description="How the kind (or the family) was inferred: from the 'title', with the "
        "'department', or with the 'reports' (their families settled a title two kinds share); "
        "absent when the author declared it.",
    )
    family: Id | None = Field(
        default=None,
        description="The family (company function) of a seat that has no kind: sales, ...",
    )
    seniority: Seniority | None = None
    start: Date | None = Field(default=None, description="The seat's first day (YYYY-MM-DD).")
    end: Date | None = Field(
        default=None, description="The seat's last day (YYYY-MM-DD), inclusive."
    )
    planned: bool = Field(default=False, description="The seat does not exist yet.")
    # Left to right: a plain id, the common case, is tried first and settles it. In a list,
    # a dated holder is tried before an id: a failed id costs as much as a dated holder.
    holder: Id | tuple[_HolderItem, ...] | None = Field(
        default=None,
        union_mode="left_to_right",
        description="A person id, a list of person ids for a job share, or null if vacant; "
        "list items may be dated: {person, start, end, acting}.",
    )
    acting: bool = Field(default=False, description="The holder is interim.")
    reports_to: Id | tuple[Line, ...] | None = Field(
        default=None,
        union_mode="left_to_right",
        description="The manager's role id, or a list of dated lines {role, start, end}, at "
        "most one in force on any day.",
    )
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
        """The ids of the people in this seat (empty when vacant); for a dated record,
        everyone it lists, once each."""
        holder = self.holder
        if holder is None:
            return ()
        if isinstance(holder, str):
            return (holder,)
        if all(type(h) is str for h in holder):
            return holder  # type: ignore[return-value]
        people = (h if isinstance(h, str) else h.person for h in holder)
        return tuple(dict.fromkeys(people))

    @property
    def manager_id(self) -> str | None:
        """The id of the manager's role; for a dated record, of its first line."""
        boss = self.reports_to
        if boss is None or isinstance(boss, str):
            return boss
        return boss[0].role if boss else None

    @property
    def dated(self) -> bool:
        """Whether this record carries a date: on the seat, a holder or a reporting line."""
        if self.start is not None or self.end is not None or type(self.reports_to) is tuple:
            return True
        holder = self.holder
        return type(holder) is tuple and not all(type(h) is str for h in holder)

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


@dataclass(config=CONFIG, frozen=True, slots=True, kw_only=True, repr=False)
class Team(Base):
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


@dataclass(
    config=ConfigDict(**CONFIG, title="orgroles org file", validate_by_name=True),
    frozen=True,
    slots=True,
    kw_only=True,
    repr=False,
)
class OrgDocument(Base):
    """The whole org file: what `orgroles.load` reads and `Org.dump` writes."""

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
    rules: RulesConfig = Field(default_factory=no_rules)
    meta: Meta = Field(default_factory=dict)
