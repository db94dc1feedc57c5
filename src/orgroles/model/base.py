"""What every model shares: the id type, the small vocabularies, the config, `to_dict`."""

# No `from __future__ import annotations` where pydantic models are defined: pydantic
# would evaluate every annotation from its text when the classes are made, about 20 ms
# of each command's start (see docs/performance.md, "Start-up").

import datetime
import re
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import ConfigDict, StringConstraints, WithJsonSchema
from pydantic.fields import FieldInfo
from pydantic_core import CoreSchema, core_schema

from orgroles.limits import MAX_ID_LENGTH, MAX_TEXT_LENGTH

if TYPE_CHECKING:
    from pydantic import TypeAdapter

__all__ = [
    "CATEGORIES",
    "CONFIG",
    "FAMILIES",
    "GENERAL_PRACTICE",
    "Base",
    "Category",
    "Date",
    "Id",
    "KindFrom",
    "Labels",
    "Meta",
    "SENIORITIES",
    "Seniority",
    "Severity",
    "TitlePatterns",
]

# An id is a non-empty string without control characters and without white space at
# either end, so that ids survive every output format and cannot hide from the reader.
_ID_PATTERN = r"^[^\s\x00-\x1f\x7f](?:[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?$"
Id = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID_LENGTH, pattern=_ID_PATTERN)]
"""A role, person, team, kind or responsibility id: `cto`, `tm-19662dae`, `0123`."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_from_iso = datetime.date.fromisoformat


def _iso_date(value: Any) -> Any:
    """A day written `YYYY-MM-DD` (or a `datetime.date`): nothing looser, no time.

    The common case first, in a few operations (a dated million-role file holds six
    million days): ten characters with dashes at 4 and 7 that `fromisoformat` reads are
    `YYYY-MM-DD` in ASCII digits, the only such form it reads. Anything else takes the
    checks below, which accept the same days and say what is wrong with the rest.
    """
    if type(value) is str and len(value) == 10 and value[4] == "-" == value[7]:
        try:
            return _from_iso(value)
        except ValueError:
            pass
    if isinstance(value, datetime.datetime):
        raise ValueError(f"expected a day (YYYY-MM-DD), got a time: {value.isoformat()}")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a day of the calendar") from None
    shown = repr(value) if isinstance(value, str) else type(value).__name__
    raise ValueError(f"expected a day written YYYY-MM-DD, got {shown}")


class _DateSchema:
    """JSON is validated by pydantic itself (strict: a `YYYY-MM-DD` string, in Rust: a
    million dated roles hold six million days); Python data (YAML, dicts) by
    `_iso_date()`, which reads the same strings and refuses the same looser forms."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> CoreSchema:
        return core_schema.json_or_python_schema(
            json_schema=core_schema.date_schema(strict=True),
            python_schema=core_schema.no_info_plain_validator_function(_iso_date),
            serialization=core_schema.plain_serializer_function_ser_schema(
                datetime.date.isoformat, when_used="json"
            ),
        )


Date = Annotated[
    datetime.date,
    _DateSchema,
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
"""A day, written `YYYY-MM-DD` in files (ISO 8601): `2026-03-01`. An `end` is the
last day (inclusive), as HR systems write it."""

Category = Literal["strategic", "operational", "managerial", "compliance"]
"""What kind of work a responsibility is; `operational` means hands-on work."""

CATEGORIES: tuple[Category, ...] = ("strategic", "operational", "managerial", "compliance")

Severity = Literal["error", "warning", "info"]
"""How serious a rule violation is; only `error` makes `orgroles check` exit 1."""

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

KindFrom = Literal["title", "department", "reports"]
"""How an inferred kind was found: from the job title, with the help of the department,
or with that of the reports' families (a "CPO" over product managers is the Chief Product
Officer)."""

GENERAL_PRACTICE = "general practice"
"""The `source` of a fact that is common practice and not in the source article."""

Labels = dict[str, str]
Meta = dict[str, Any]
TitlePatterns = dict[str, tuple[str, ...]]
"""Job-title patterns per language (`{"en": [...], "fr": [...]}`); see docs/catalog.md."""


CONFIG = ConfigDict(
    extra="forbid", coerce_numbers_to_str=True, str_max_length=MAX_TEXT_LENGTH, defer_build=True
)


class Base:
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

    def to_dict(self, *, defaults: bool = False) -> dict[str, Any]:
        """The model as plain data, as a file holds it: JSON types, fields at their
        default left out (all fields with `defaults=True`)."""
        adapter = _adapters.get(type(self))
        if adapter is None:
            from pydantic import TypeAdapter  # not on the command's path (a check)

            adapter = _adapters[type(self)] = TypeAdapter(type(self))
        data: dict[str, Any] = adapter.dump_python(
            self, mode="json", by_alias=True, exclude_defaults=not defaults
        )
        return data


_adapters: "dict[type, TypeAdapter[Any]]" = {}
