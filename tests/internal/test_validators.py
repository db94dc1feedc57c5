"""The validators of the file's models, kept in the command's cache as the schemas that
pydantic builds them from: they must accept, refuse and report as `TypeAdapter` does."""

from __future__ import annotations

import pickle
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from orgroles._internal import cache, validators
from orgroles._internal.package_files import files
from orgroles.model import CatalogDocument, OrgDocument

GOOD: dict[str, Any] = {
    "name": "Acme",
    "kinds": [
        {"id": "coach", "title": "Agile coach", "titles": {"en": ["agile coach"]}},
    ],
    "people": [{"id": "ada", "name": "Ada", "email": "ada@example.com"}],
    "roles": [
        {"id": "ceo", "kind": "ceo", "holder": "ada"},
        {
            "id": "cto",
            "reports_to": [{"role": "ceo", "start": "2026-01-01"}],
            "holder": [{"person": "ada", "start": "2026-02-01", "acting": True}],
        },
    ],
    "rules": {"select": ["S"]},
}

BAD: list[dict[str, Any]] = [
    {"roles": [{"id": " cto"}], "extra": 1},
    {"roles": [{"id": "a", "start": "2026-02-30"}]},
    {"roles": [], "kinds": [{"id": "k", "titles": {"en": ["* *"]}}]},
    {"roles": [], "kinds": [{"id": "k", "sources": {"nope": "article"}}]},
    {"roles": [{"id": "a", "reports_to": [{"role": "b", "start": 3}]}]},
]


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """The cache on in a folder of the test's own, and no validator built yet."""
    where = tmp_path / "cache"
    kept: tuple[dict[type, Any], ...] = (
        validators._validators,
        validators._serializers,
        validators._schemas,
    )
    saved = [dict(memo) for memo in kept]
    _forget()
    cache.enable(where)
    yield where
    cache.disable()
    for memo, before in zip(kept, saved, strict=True):
        memo.clear()
        memo.update(before)


def _forget() -> None:
    """Forget every validator, serializer and schema built in this process: the next
    one is read from the cache again (or built)."""
    validators._validators.clear()
    validators._serializers.clear()
    validators._schemas.clear()


def _outcome(validate: Any, data: dict[str, Any]) -> Any:
    try:
        return validate(data)
    except ValidationError as exc:
        return exc.errors(include_url=False, include_context=False)


@pytest.mark.parametrize("model", [OrgDocument, CatalogDocument])
def test_a_schema_survives_the_cache_pickle(model: type[Any]) -> None:
    adapter = TypeAdapter(model)
    adapter.rebuild()
    read_back = pickle.loads(pickle.dumps(adapter.core_schema))
    # the same validators (the same functions: a repr shows a function's address), the
    # same JSON-schema notes (bound methods of copies of `WithJsonSchema`, equal by repr)
    assert repr(read_back) == repr(adapter.core_schema)


def test_the_validator_read_from_the_cache_is_the_type_adapters(folder: Path) -> None:
    built = validators.validator(OrgDocument)
    [entry] = (p.name for p in folder.iterdir())
    assert entry.startswith("schema-orgroles.model.org.OrgDocument-")
    _forget()
    read_back = validators.validator(OrgDocument)
    assert read_back is not built
    adapter = TypeAdapter(OrgDocument)
    for data in [GOOD, *BAD]:
        expected = _outcome(adapter.validate_python, data)
        assert _outcome(built.validate_python, data) == expected
        assert _outcome(read_back.validate_python, data) == expected
    assert isinstance(read_back.validate_python(GOOD), OrgDocument)
    # every bad document is refused, so that the comparison above compares errors
    assert all(isinstance(_outcome(adapter.validate_python, data), list) for data in BAD)


def test_a_validator_is_built_once_in_a_process(folder: Path) -> None:
    assert validators.validator(OrgDocument) is validators.validator(OrgDocument)


def test_an_edit_of_a_model_module_makes_a_new_entry(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    validators.validator(OrgDocument)
    edited = tmp_path / "org.py"
    edited.write_text("# an edited model\n")
    sources = validators.model_sources()
    monkeypatch.setattr(validators, "model_sources", lambda: [*sources, edited])
    _forget()
    validators.validator(OrgDocument)
    [entry] = (p.name for p in folder.iterdir())  # the old one removed
    _forget()
    monkeypatch.undo()
    validators.validator(OrgDocument)
    assert [p.name for p in folder.iterdir()] != [entry]


def test_the_files_of_a_package_on_disk_are_its_folder() -> None:
    folder = files("orgroles.model")
    assert isinstance(folder, Path)
    assert folder.joinpath("org.py").is_file()


def test_the_files_of_a_zipped_package_are_read_through_importlib(tmp_path: Path) -> None:
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zipped_pkg/__init__.py", "")
        z.writestr("zipped_pkg/data.txt", "inside the zip")
    sys.path.insert(0, str(archive))
    try:
        found = files("zipped_pkg")
        assert not isinstance(found, Path)
        assert found.joinpath("data.txt").read_text(encoding="utf-8") == "inside the zip"
    finally:
        sys.path.remove(str(archive))
        sys.modules.pop("zipped_pkg", None)


def test_a_rules_parameters_read_from_the_cache_validate_as_the_model(folder: Path) -> None:
    """A rule's parameters (`Params`, a pydantic model with a validator of its own) are
    validated from the cached schema as the model validates them: repeats dropped,
    unknown keys and bad values refused alike."""
    from orgroles.rules.responsibilities.R001 import UncoveredParams

    built = validators.validator(UncoveredParams)
    assert [p.name for p in folder.iterdir() if "UncoveredParams" in p.name]
    _forget()
    read_back = validators.validator(UncoveredParams)
    assert read_back.validate_python({"required": ["a", "a", "b"]}) == UncoveredParams(
        required=("a", "b")
    )
    cases: list[dict[str, Any]] = [{"required": ["a"]}, {"nope": 1}, {"required": "a"}]
    for data in [*cases, {"required": [3]}]:
        expected = _outcome(lambda d: UncoveredParams(**d), data)
        assert _outcome(built.validate_python, data) == expected
        assert _outcome(read_back.validate_python, data) == expected


def test_a_class_with_no_file_is_validated_but_not_kept(folder: Path) -> None:
    from orgroles.rules.base import Params

    namespace: dict[str, Any] = {"__module__": "__main__", "__annotations__": {"n": int}}
    made = type("NotebookParams", (Params,), namespace)
    assert validators.sources_of(made) is None
    assert validators.validator(made).validate_python({"n": 2}).n == 2
    assert not folder.exists() or not list(folder.iterdir())


def test_the_serializer_from_the_cache_writes_as_the_type_adapter(folder: Path) -> None:
    document = TypeAdapter(OrgDocument).validate_python(GOOD)
    options: dict[str, Any] = {"exclude_defaults": True, "by_alias": True}
    adapter = TypeAdapter(OrgDocument)
    validators.validator(OrgDocument)  # the entry written
    _forget()
    read_back = validators.serializer(OrgDocument)
    assert read_back.to_python(document, mode="json", **options) == adapter.dump_python(
        document, mode="json", **options
    )
    assert read_back.to_json(document, indent=2, **options) == adapter.dump_json(
        document, indent=2, **options
    )


def test_made_is_the_class_called(folder: Path) -> None:
    from orgroles.model import Person

    assert validators.made(Person, id="ada", name="Ada") == Person(id="ada", name="Ada")
    with pytest.raises(ValidationError):
        validators.made(Person, id=" ada")


def test_a_models_validator_and_serializer_share_one_reading_of_its_schema(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import validates its document and writes it: the schema is read from the cache
    (or built) once, not once for each."""
    reads: list[str] = []
    real = cache.cached

    def counted(name: str, build: Any, *, sources: Any) -> Any:
        reads.append(name)
        return real(name, build, sources=sources)

    monkeypatch.setattr(cache, "cached", counted)
    validators.validator(OrgDocument)
    validators.serializer(OrgDocument)
    assert reads == ["schema-orgroles.model.org.OrgDocument"]
