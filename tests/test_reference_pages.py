"""The generated reference pages (limits, problem codes) are current, and complete: every
problem code the source can give is in `orgroles.errors.PROBLEM_CODES`."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from orgroles.errors import PROBLEM_CODES

from tests.helpers import ROOT

SRC = ROOT / "src" / "orgroles"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "reference_pages", ROOT / "tools" / "reference_pages.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATOR = _generator()


@pytest.mark.parametrize("name", sorted(GENERATOR.PAGE_MAKERS))
def test_the_generated_reference_page_is_not_stale(name: str) -> None:
    committed = (ROOT / "docs" / "reference" / name).read_text(encoding="utf-8")
    assert committed == GENERATOR.PAGE_MAKERS[name](), (
        f"docs/reference/{name} is stale: run python tools/reference_pages.py"
    )


def codes_in_source() -> dict[str, str]:
    """Every literal problem code in src: the `code` argument (by keyword or position) of
    `Problem`, of the errors (and `cls(...)` in their class methods), and of every function with a `code` parameter, and the
    codes that functions returning `(message, code)` pairs return. Code -> a place."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in SRC.rglob("*.py")}
    takes_code: dict[str, int | None] = {"Problem": 3, "MoreProblems": 3}
    pairs: list[ast.AST] = []
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        arguments = item.args
                        if "code" in [a.arg for a in arguments.args + arguments.kwonlyargs]:
                            takes_code[node.name] = None
            if isinstance(node, ast.FunctionDef):
                positional = [a.arg for a in node.args.posonlyargs + node.args.args]
                if positional[:1] in (["self"], ["cls"]):
                    positional = positional[1:]
                arguments = node.args
                every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
                defaults = [*arguments.defaults, *arguments.kw_defaults]
                for argument, default in zip(reversed(every), reversed(defaults), strict=False):
                    if argument.arg == "code" and default is not None:
                        pairs.append(default)  # a code given by default
                if "code" in positional:
                    takes_code.setdefault(node.name, positional.index("code"))
                elif "code" in [a.arg for a in node.args.kwonlyargs]:
                    takes_code.setdefault(node.name, None)
                if node.returns is not None and ast.unparse(node.returns) == "tuple[str, str]":
                    pairs.extend(
                        r.value.elts[1]
                        for r in ast.walk(node)
                        if isinstance(r, ast.Return) and isinstance(r.value, ast.Tuple)
                    )
    found: dict[str, str] = {}

    def add(node: ast.AST, path: Path) -> None:
        for leaf in ast.walk(node):
            if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", leaf.value):
                    continue  # a piece of a code made at run time ("_" in "a_b" -> "a-b")
                found.setdefault(leaf.value, f"{path.relative_to(ROOT)}:{leaf.lineno}")

    for path, tree in trees.items():
        for node in ast.walk(tree):
            if node in pairs:
                add(node, path)
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            if isinstance(name, str) and (name == "cls" or name.endswith("Error")):
                takes_code.setdefault(name, None)  # errors inherit Problem's code keyword
            if name not in takes_code:
                continue
            for keyword in node.keywords:
                if keyword.arg == "code":
                    add(keyword.value, path)
            position = takes_code[name]
            if position is not None and len(node.args) > position:
                add(node.args[position], path)
    return found


def test_every_problem_code_in_the_source_is_documented() -> None:
    found = codes_in_source()
    assert len(found) > 30  # the scan finds them
    missing = {code: where for code, where in found.items() if code not in PROBLEM_CODES}
    assert not missing, f"add these to orgroles.errors.PROBLEM_CODES: {missing}"


def test_every_documented_problem_code_is_used() -> None:
    found = codes_in_source()
    unused = [code for code in PROBLEM_CODES if code not in found and code != "invalid"]
    assert not unused, f"no source gives these codes any more: {unused}"


def test_problems_raised_on_bad_input_have_documented_codes() -> None:
    """The fuzz corpus, read for real: whatever the scan may miss shows up here."""
    import orgroles

    seen = set()
    for path in sorted((ROOT / "tests" / "fuzz_corpus").iterdir()):
        if path.suffix not in (".yaml", ".json"):
            continue
        try:
            orgroles.load(path)
        except orgroles.OrgFileError as exc:
            seen |= {p.code for p in exc.problems}
    assert seen
    assert seen <= set(PROBLEM_CODES), seen - set(PROBLEM_CODES)
