"""The command line: version, exit codes, located errors without tracebacks, schema."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import jsonschema

import orgroles
from orgroles.rules import all_rules

from tests.helpers import EXAMPLES, Cli, Write, yaml_data


def test_version(run: Cli) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"orgroles, version {orgroles.__version__}"


def test_check_examples_exit_zero(run: Cli) -> None:
    result = run("check", *sorted(EXAMPLES.glob("*.yaml")))
    assert result.exit_code == 0, result.output


def test_a_typo_key_exits_2_with_file_line_column(run: Cli, write: Write) -> None:
    path = write("org.yaml", "roles:\n  - {id: a, reports_too: b}\n")
    result = run("check", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"{path}:2:13: roles[0].reports_too: unknown key 'reports_too'")
    assert "Traceback" not in result.stderr


def test_a_missing_file_exits_2(run: Cli, tmp_path: Path) -> None:
    result = run("check", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"{tmp_path / 'nope.yaml'}: no such file\n"


def test_usage_errors_exit_2(run: Cli) -> None:
    assert run("check").exit_code == 2
    assert run("no-such-command").exit_code == 2
    assert run("check", "--no-such-flag", "x.yaml").exit_code == 2


def test_an_alias_bomb_is_refused_without_being_expanded(run: Cli, write: Write) -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        p, n = chr(96 + i), chr(97 + i)
        lines.append(f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]")
    path = write("bomb.yaml", "\n".join(lines) + "\n")
    assert path.stat().st_size < 1000
    # Expanded, it would be 9**10 nodes: the refusal allocates almost nothing instead.
    tracemalloc.start()
    result = run("check", path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.exit_code == 2
    assert f"{path}:1:4: anchors are not allowed (&a)" in result.stderr
    assert f"{path}:2:8: aliases are not allowed (*a)" in result.stderr
    assert peak < 5_000_000


def test_the_console_script_runs_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("roles: [\n")
    proc = subprocess.run(
        [sys.executable, "-m", "orgroles", "check", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"{bad}:")
    assert "Traceback" not in proc.stderr


def test_schema_is_draft7_and_accepts_the_examples(run: Cli) -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    for path in EXAMPLES.glob("*.yaml"):
        assert list(validator.iter_errors(yaml_data(path.read_text()))) == [], path
    # and catches a typo, as an editor would
    assert list(validator.iter_errors({"roles": [{"id": "a", "reports_too": "b"}]}))


DRAFT7_KEYWORDS = {
    "$schema",
    "$ref",
    "$id",
    "$comment",
    "definitions",
    "title",
    "description",
    "default",
    "examples",
    "type",
    "enum",
    "const",
    "properties",
    "additionalProperties",
    "required",
    "items",
    "additionalItems",
    "minItems",
    "maxItems",
    "uniqueItems",
    "contains",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "anyOf",
    "allOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
    "propertyNames",
    "patternProperties",
    "dependencies",
    "minProperties",
    "maxProperties",
    "readOnly",
    "writeOnly",
    "contentMediaType",
    "contentEncoding",
}


def _keywords(node: object, found: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key in ("properties", "definitions", "patternProperties"):
                for sub in value.values():
                    _keywords(sub, found)
            elif key not in ("enum", "const", "default", "examples", "required"):
                _keywords(value, found)
    elif isinstance(node, list):
        for sub in node:
            _keywords(sub, found)


def test_schema_uses_only_draft7_keywords(run: Cli) -> None:
    for args in (("schema",), ("schema", "--catalog")):
        found: set[str] = set()
        _keywords(json.loads(run(*args).stdout), found)
        assert found <= DRAFT7_KEYWORDS, found - DRAFT7_KEYWORDS


def test_schema_to_a_file(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "org.schema.json"
    assert run("schema", "-o", out).exit_code == 0
    assert json.loads(out.read_text())["title"] == "orgroles org file"


def test_rules_lists_every_rule_with_its_parameters(run: Cli) -> None:
    rows = json.loads(run("rules", "--format", "json").stdout)
    assert [r["code"] for r in rows][:3] == ["C001", "C002", "C003"]
    assert len(rows) == len(all_rules())
    c001 = rows[0]
    assert c001["params"] == {"max_span": 10}
    assert c001["severity"] == "warning"
    assert "max_span" in c001["summary"]
    text = run("rules").stdout
    assert "K004  hands-on-cto" in text
    assert 'parameters: max_team=3, kind="cto"' in text


def test_a_file_where_a_command_goes_gets_the_command_it_needs(run: Cli) -> None:
    result = run("import", "staff.csv", "-o", "org.yaml")
    assert result.exit_code == 2
    assert (
        "No such command 'staff.csv': to import an HR export: orgroles import csv staff.csv "
        "-o org.yaml"
    ) in result.output
    result = run("import", "json", "users.json", "-o", "org.yaml")
    assert result.exit_code == 2
    assert (
        "No such command 'json': 'orgroles import csv' reads CSV, Excel (.xlsx) and JSON "
        "exports: orgroles import csv FILE -o org.yaml"
    ) in result.output
    result = run("my org.yaml")
    assert result.exit_code == 2
    assert "to check it: orgroles check 'my org.yaml'; to draw it: orgroles render" in (
        result.output
    )
    assert "Did you mean one of: 'check'" in run("chek").output  # a typo: click's hint
