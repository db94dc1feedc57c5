"""The validator of a file's model (`OrgDocument`, `CatalogDocument`) or of a rule's
parameters, built once in a process and, in the command, kept in its cache.

Building the validator of an org file (pydantic's schema of the twenty models it holds)
takes about 30 ms, and the first build imports pydantic's plugin machinery (with
`importlib.metadata`): together 100 million instructions, a tenth of a 4-role check.
The command keeps the schema the validator is built from in its cache
(`orgroles._internal.cache`), so that a run builds the validator from it in half a
millisecond (see docs/performance.md). The schema is pydantic's own
(`TypeAdapter(model).core_schema`), so the validator is the one `TypeAdapter(model)`
has: it accepts, refuses and reports alike.

The cache's entry is new when a model's module or `orgroles/limits.py` changes (their
bytes are part of the entry's name, with the versions of Python, pydantic and orgroles).
The schema holds the models' own validators by reference: each is a plain function of
its module (a method or a lambda cannot be pickled). With the cache off (in
the library), the schema is built in each process, as `TypeAdapter` builds it.

Examples:
    >>> from orgroles.model import Person
    >>> validator(Person).validate_python({"id": "ada", "name": "Ada"})
    Person(id='ada', name='Ada')
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic_core import CoreSchema, SchemaSerializer, SchemaValidator

from orgroles._internal import cache
from orgroles._internal.package_files import files

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["made", "model_sources", "serializer", "sources_of", "validator"]

_validators: dict[type, SchemaValidator] = {}
_serializers: dict[type, SchemaSerializer] = {}
_schemas: dict[type, CoreSchema] = {}
_M = TypeVar("_M")


def validator(model: type[Any]) -> SchemaValidator:
    """The validator of `model`, as `pydantic.TypeAdapter(model).validator` is: a model of
    the files (`OrgDocument`) or a rule's parameters (`Params`: see `sources_of()`)."""
    found = _validators.get(model)
    if found is None:
        schema = _cached_schema(model)
        # A TypeAdapter of a model gives its validator no config of its own (the model's
        # config is in the schema): `SchemaValidator(schema)` is the one it builds.
        found = _validators[model] = SchemaValidator(schema)
    return found


def model_sources() -> list[Traversable]:
    """The modules of the file's models and the limits they hold to, which a schema or a
    model read from the cache depends on."""
    models = files("orgroles.model")
    modules = sorted((p for p in models.iterdir() if p.name.endswith(".py")), key=str)
    return [*modules, files("orgroles").joinpath("limits.py")]


def serializer(model: type[Any]) -> SchemaSerializer:
    """The serializer of `model`, as `pydantic.TypeAdapter(model).serializer` is, from
    the same schema as `validator(model)` (kept in the command's cache)."""
    found = _serializers.get(model)
    if found is None:
        found = _serializers[model] = SchemaSerializer(_cached_schema(model))
    return found


def _cached_schema(model: type[Any]) -> CoreSchema:
    """The schema of `model`, read (or built) once in a process for its validator and its
    serializer alike."""
    found = _schemas.get(model)
    if found is None:
        name = f"schema-{model.__module__}.{model.__qualname__}"
        sources = sources_of(model)
        if sources is None:  # a class with no file of its own: built, not kept
            found = _schema(model)
        else:
            found = cache.cached(name, lambda: _schema(model), sources=sources)
        _schemas[model] = found
    return found


def made(model: type[_M], **fields: Any) -> _M:
    """`model(**fields)`, made by `validator(model)`: in the command, from the schema in
    its cache, where the class's own first call has pydantic build its validator (24 ms
    for an `OrgDocument`).

    Examples:
        >>> from orgroles.model import Person
        >>> made(Person, id="ada", name="Ada")
        Person(id='ada', name='Ada')
    """
    found: _M = validator(model).validate_python(fields)
    return found


def sources_of(model: type[Any]) -> list[Traversable] | None:
    """The files that the schema of `model` depends on: `model_sources()` for the models
    of the files; for another model (a rule's parameters), the modules of its classes
    (pydantic's are named by its version) and the limits; None when one of them has no
    file (a class made in a notebook).

    Examples:
        >>> from orgroles.rules.responsibilities.R001 import UncoveredParams
        >>> [source.name for source in sources_of(UncoveredParams)]
        ['R001.py', 'base.py', 'limits.py']
    """
    if model.__module__.startswith("orgroles.model."):
        return model_sources()
    found: dict[str, Traversable] = {}
    for cls in model.__mro__:
        module = cls.__module__
        if module == "builtins" or module.startswith("pydantic."):
            continue
        package, _, name = module.rpartition(".")
        source = files(package).joinpath(f"{name}.py") if package else None
        if source is None or not source.is_file():
            return None
        found.setdefault(str(source), source)
    return [*found.values(), files("orgroles").joinpath("limits.py")]


def _schema(model: type[Any]) -> CoreSchema:
    from pydantic import TypeAdapter

    adapter = TypeAdapter(model)
    adapter.rebuild()  # the models defer their build to their first use: this is it
    return adapter.core_schema
