"""The JSON Schemas in docs/schema/ are generated, current, and what editors are told to use."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from orgroles.schema import SCHEMA_FILES, SCHEMA_URL, schema_text

from tests.helpers import EXAMPLES, ROOT, Cli, yaml_data

SCHEMAS = ROOT / "docs" / "schema"


@pytest.mark.parametrize("name", list(SCHEMA_FILES))
def test_the_committed_schema_is_not_stale(name: str) -> None:
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert committed == schema_text(name), "regenerate it: python -m orgroles.schema docs/schema"
    assert json.loads(committed)["$id"] == SCHEMA_URL + name


@pytest.mark.parametrize("name", list(SCHEMA_FILES))
def test_the_cli_prints_the_same_schema(run: Cli, name: str) -> None:
    args = ["schema", "--catalog"] if SCHEMA_FILES[name] == "catalog" else ["schema"]
    assert run(*args).stdout == schema_text(name)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_points_its_editor_at_the_schema_and_passes_it(example: Path) -> None:
    path = example
    text = path.read_text(encoding="utf-8")
    found = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
    assert found, f"{path.name} has no yaml-language-server line"
    target = (path.parent / found.group(1)).resolve()
    assert target == (SCHEMAS / "org.schema.json").resolve()
    schema = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(yaml_data(text))
