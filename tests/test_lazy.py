"""What a command imports is what it uses (issue 20): ``import orgroles`` and
``orgroles --version`` load no models, ``orgroles check`` no charts, importers or
networkx; and the names imported later are the same names, from modules of the layers
below (the lazy tables are strings, which tests/test_layers.py cannot read)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from typing import Any

import pytest

import orgroles
import orgroles.catalog
import orgroles.cli

from tests.helpers import ROOT
from tests.test_layers import layer_of, layer_table

EXAMPLE = ROOT / "examples" / "three_person_tech_team.yaml"


def imported_by(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    script = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def command(*args: str) -> str:
    """Code that runs the command line with ``args`` in the interpreter."""
    return (
        "import sys\nfrom orgroles.cli import main\n"
        f"sys.argv = ['orgroles', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )


def test_import_orgroles_loads_no_models() -> None:
    found = imported_by("import orgroles")
    assert "pydantic" not in found
    assert not {m for m in found if m.startswith("orgroles.")} - {
        "orgroles._internal",
        "orgroles._internal.lazy",
        "orgroles._version",
    }


def test_the_version_loads_no_command() -> None:
    found = imported_by(command("--version"))
    assert "pydantic" not in found
    assert not any(m.startswith(("orgroles.cli.check", "orgroles.model")) for m in found)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_check_loads_no_charts_importers_or_graphs(fmt: str) -> None:
    found = imported_by(command("check", str(EXAMPLE), "--format", fmt))
    unwanted = ("orgroles.render", "orgroles.importers", "orgroles.catalog.titles")
    assert not [m for m in found if m.startswith(unwanted)]
    assert not {"networkx", "pandas", "numpy", "typst", "graphviz"} & found
    # nor the selectors' parser (a file without declared rules has no selector), nor
    # difflib (a did-you-mean is only for an error)
    assert not {"orgroles.selectors", "difflib"} & found


def test_a_file_without_rules_builds_no_validator_of_pydantic(tmp_path: Any) -> None:
    """A file with no `rules:` section gets the section's defaults without pydantic
    building a validator of `RulesConfig` (and, with it, importing its plugin loader
    and `importlib.metadata`): 20 ms of a 4-role check."""
    org = tmp_path / "org.yaml"
    org.write_text(
        "roles:\n  - {id: ceo, kind: ceo}\n  - {id: cto, kind: cto, reports_to: ceo}\n",
        encoding="utf-8",
    )
    cached = f"import os\nos.environ['ORGROLES_CACHE_DIR'] = {str(tmp_path / 'cache')!r}\n"
    imported_by(cached + command("check", str(org)))  # fills the cache
    found = imported_by(cached + command("check", str(org)))
    assert "orgroles.model.org" in found  # the file was read
    assert not {"pydantic.plugin._loader", "importlib.metadata"} & found


def test_a_rules_parameters_build_no_validator_of_pydantic(tmp_path: Any) -> None:
    """A file's `rules.params` are validated from their schema in the cache, as the
    file is: the scale-up example's R001 parameters built pydantic's validator of them,
    with its plugin loader and `importlib.metadata` (15 ms of the check)."""
    cached = f"import os\nos.environ['ORGROLES_CACHE_DIR'] = {str(tmp_path / 'cache')!r}\n"
    example = str(ROOT / "examples" / "scaleup_cto_cpo.yaml")
    imported_by(cached + command("check", example))  # fills the cache
    found = imported_by(cached + command("check", example))
    assert "orgroles.rules.responsibilities.R001" in found
    assert not {"pydantic.plugin._loader", "importlib.metadata"} & found


def test_an_import_writes_its_file_with_no_validator_of_pydantic(tmp_path: Any) -> None:
    """The imported org's document is made and written from the file model's schema in
    the cache: pydantic built its own validator and serializer of it, 24 ms of each
    import."""
    cached = f"import os\nos.environ['ORGROLES_CACHE_DIR'] = {str(tmp_path / 'cache')!r}\n"
    source = str(ROOT / "tests" / "data" / "d3-org-chart" / "data-oracle-107.csv")
    out = str(tmp_path / "org.yaml")
    imported_by(cached + command("import", "csv", source, "-o", out, "--force"))
    found = imported_by(cached + command("import", "csv", source, "-o", out, "--force"))
    assert "orgroles.importers" in found  # it imported
    assert not {"pydantic.plugin._loader", "importlib.metadata"} & found


def test_a_declared_rule_still_has_its_selector_checked(tmp_path: Any) -> None:
    """The selectors' parser is imported when a file declares rules, whose selectors
    the load checks: it is not skipped when the parser was not loaded before."""
    org = tmp_path / "org.yaml"
    org.write_text(
        "roles:\n  - {id: ceo, kind: ceo}\n"
        "rules:\n  custom:\n    - {code: X001, name: x, type: must_report_to, select: 'kind:',"
        " under: 'kind:ceo', message: m}\n",
        encoding="utf-8",
    )
    code = f"import orgroles\ntry:\n    orgroles.load({str(org)!r})\nexcept Exception as e:\n    print(e)"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert "in selector 'kind:'" in proc.stdout, proc.stdout + proc.stderr


def test_every_public_name_is_there_and_the_same() -> None:
    from orgroles.loaders import load
    from orgroles.render.charts import render

    assert all(hasattr(orgroles, name) for name in orgroles.__all__)
    assert set(orgroles.__all__) <= set(dir(orgroles))
    assert orgroles.load is load
    importlib.import_module("orgroles.render.svg")  # the subpackage of that name is loaded

    assert orgroles.render is render
    namespace: dict[str, object] = {}
    exec("from orgroles import *", namespace)
    assert set(orgroles.__all__) <= set(namespace)
    assert all(hasattr(orgroles.catalog, name) for name in orgroles.catalog.__all__)
    assert all(hasattr(orgroles.cli, name) for name in orgroles.cli.__all__)


def test_the_lazy_names_point_down() -> None:
    from orgroles._internal import lazy

    table = layer_table()
    seen = 0
    for package in (orgroles, orgroles.catalog, orgroles.cli):
        getter = package.__getattr__
        homes = getter.__closure__[0].cell_contents  # type: ignore[index]
        assert getter.__code__ is lazy.lazy("x", {})[0].__code__
        for home in homes.values():
            assert layer_of(home, table) <= layer_of(package.__name__, table), home
            seen += 1
    from orgroles.cli.base import cli

    for module in cli.commands.homes.values():  # type: ignore[attr-defined]
        assert layer_of(module, table) <= layer_of("orgroles.cli", table)
    assert seen > 50


def test_every_command_is_listed_and_found() -> None:
    from orgroles.cli.base import cli

    names = set(cli.commands)
    assert {"check", "render", "import", "query", "rules", "schema", "diff", "history"} <= names
    assert {"report", "init", "export"} <= names
    assert all(cli.commands[name].name for name in names)


def test_every_command_module_is_in_the_commands_table() -> None:
    """A command defined in a module of orgroles.cli that the table does not name would
    never be found by `orgroles NAME`, and a name in the table that no module defines
    would fail when run: the table is exactly the commands the modules add."""
    import importlib

    from orgroles.cli.base import cli

    for path in sorted((ROOT / "src" / "orgroles" / "cli").glob("[!_]*.py")):
        importlib.import_module(f"orgroles.cli.{path.stem}")  # its decorators add its commands
    registered: dict[str, Any] = cli.commands  # type: ignore[assignment]
    added = {name: c.callback.__module__ for name, c in dict.items(registered)}
    assert len(added) > 10
    assert dict(cli.commands.homes) == added  # type: ignore[attr-defined]
