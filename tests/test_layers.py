"""The layers of CONTRIBUTING.md hold: no import points up a layer, and none goes round.

The table of layers is read from CONTRIBUTING.md itself, so that the page and the code
cannot drift apart. Imports are read with :mod:`ast`: those at module level (outside
``if TYPE_CHECKING:``) must point down or sideways and form no circle; those inside
functions (lazy imports) must point down or sideways too.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

import orgroles

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "orgroles"


def layer_table() -> dict[str, int]:
    """Module prefix -> layer number, from the table in CONTRIBUTING.md."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table: dict[str, int] = {}
    for number, modules in re.findall(r"^\| (\d) \| (.+?) \|", text, re.MULTILINE):
        for name in re.findall(r"`([\w.]+)`", modules):
            table[name] = int(number)
    return table


def module_names() -> dict[str, Path]:
    """Every module of the package, by dotted name (a package by its ``__init__``)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def layer_of(module: str, table: dict[str, int]) -> int:
    """The layer of a module: that of the longest prefix in the table."""
    parts = module.split(".")
    while parts:
        name = ".".join(parts)
        if name in table:
            return table[name]
        parts.pop()
    raise KeyError(module)


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    lazy: bool


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    """The imports of orgroles modules in one file, resolved to module names.

    ``from package import module`` counts as an import of the module only (the package's
    own ``__init__`` runs first in any case, which Python resolves without a circle).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: list[Import] = []

    def resolve(name: str) -> str | None:
        parts = name.split(".")
        while parts and ".".join(parts) not in modules:
            parts.pop()
        return ".".join(parts) or None

    def visit(nodes: list[ast.stmt], lazy: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and _is_type_checking(node.test):
                visit(node.orelse, lazy)
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    target = resolve(alias.name)
                    if target and alias.name.startswith("orgroles"):
                        found.append(Import(module, target, node.lineno, lazy))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = module.split(".")
                    if not is_package:
                        anchor.pop()
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                if not base.startswith("orgroles"):
                    continue
                names = [f"{base}.{a.name}" for a in node.names]
                submodules = [n for n in names if n in modules]
                targets = submodules if len(submodules) == len(names) else [*submodules, base]
                for name in targets:
                    target = resolve(name)
                    if target:
                        found.append(Import(module, target, node.lineno, lazy))
            for field in ("body", "orelse", "finalbody", "handlers"):
                inner = getattr(node, field, None)
                if isinstance(inner, list) and inner and isinstance(inner[0], ast.AST):
                    nested_lazy = lazy or isinstance(
                        node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
                    )
                    # A class body runs at import time: only functions make an import lazy.
                    if isinstance(node, ast.ClassDef):
                        nested_lazy = lazy
                    if field == "handlers":
                        for handler in inner:
                            visit(handler.body, nested_lazy)
                    else:
                        visit(inner, nested_lazy)

    visit(tree.body, False)
    return [i for i in found if i.target != module]


MODULES = module_names()
TABLE = layer_table()
IMPORTS = [i for name, path in sorted(MODULES.items()) for i in imports_of(name, path, MODULES)]


def test_the_table_names_every_layer_once() -> None:
    assert sorted(set(TABLE.values())) == list(range(1, 10))
    for name in TABLE:
        assert name in MODULES or any(m.startswith(name + ".") for m in MODULES), name


def test_every_module_has_a_layer() -> None:
    missing = []
    for name in MODULES:
        try:
            layer_of(name, TABLE)
        except KeyError:
            missing.append(name)
    assert not missing, f"add these to the layers table of CONTRIBUTING.md: {missing}"


def test_no_import_points_up_a_layer() -> None:
    upward = [
        f"{i.source} (layer {layer_of(i.source, TABLE)}) imports {i.target} "
        f"(layer {layer_of(i.target, TABLE)}) at line {i.line}" + (" (lazily)" if i.lazy else "")
        for i in IMPORTS
        if layer_of(i.target, TABLE) > layer_of(i.source, TABLE)
    ]
    assert not upward, "\n".join(upward)


def test_module_level_imports_form_no_circle() -> None:
    graph = nx.DiGraph()
    graph.add_nodes_from(MODULES)
    graph.add_edges_from((i.source, i.target) for i in IMPORTS if not i.lazy)
    circles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert not circles, circles


def test_the_guard_sees_imports() -> None:
    """The walk finds what it should, so that the tests above cannot pass by seeing nothing."""
    org_imports = {i.target for i in IMPORTS if i.source == "orgroles.org" and not i.lazy}
    assert {"orgroles.core", "orgroles.queries", "orgroles.edit"} <= org_imports
    lazy = {i.target for i in IMPORTS if i.source == "orgroles.org" and i.lazy}
    assert {"orgroles.rules", "orgroles.render.explorer"} & lazy


def test_no_public_module_imports_a_private_name() -> None:
    private = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("orgroles"):
                private += [
                    f"{name}: {node.module}.{a.name}"
                    for a in node.names
                    if a.name.startswith("_") and a.name != "__version__"
                ]
    assert not private, private


def _public_modules() -> list[str]:
    found = []
    for info in pkgutil.walk_packages(orgroles.__path__, "orgroles."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        found.append(info.name)
    return ["orgroles", *found]


@pytest.mark.parametrize("name", _public_modules())
def test_nothing_private_leaks_into_a_public_all(name: str) -> None:
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{name} has no __all__"
    for attribute in exported:
        value = getattr(module, attribute)
        home = getattr(value, "__module__", None) or ""
        assert "._internal" not in home, f"{name}.{attribute} comes from {home}"
        assert not attribute.startswith("_") or attribute == "__version__", attribute


def test_no_module_is_over_500_lines_and_org_is_under_400() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert not long, long
    assert len((PACKAGE / "org.py").read_text(encoding="utf-8").splitlines()) < 400


def test_building_an_org_does_not_import_the_rules() -> None:
    """Only an org whose ``rules:`` section configures something loads the rules, to check
    that configuration; reading, building and drawing any other org never does."""
    import subprocess
    import sys

    code = (
        "import sys, orgroles\n"
        "org = orgroles.from_gitlab('tests/data/gitlab-team/team.yml')\n"
        "orgroles.Org(roles=[{'id': 'ceo'}]).copy().subtree('ceo')\n"
        "from orgroles.render import render_svg\n"
        "render_svg(org.subtree('tm-1f172f93'))\n"
        "print(sorted(m for m in sys.modules if m.startswith('orgroles.rules')))\n"
        "orgroles.loads('rules: {ignore: [C002]}')\n"
        "print('orgroles.rules.config' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == ["[]", "True"]
