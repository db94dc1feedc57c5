"""Every code snippet of README.md and docs/ runs here, so the docs cannot drift.

How each fenced block is used, in file order, in a scratch folder that sees the
project's ``examples/`` and ``tests/``:

- ``python``: executed (the blocks of one page share their names, like a notebook);
- ``pycon``: run as a doctest (the printed output is compared);
- ``console``: each ``$ orgroles ...`` line runs the CLI and its output is compared with
  the lines under it (``...`` matches anything); ``$ python ...`` runs a script;
- ``bash``: each command runs (``orgroles``, ``python``); ``pip install`` and ``pytest``
  are the set-up commands, which ``.ci/run`` runs: the test checks that it does;
- ``yaml`` / ``json``: a block titled ``title="name.yaml"`` is written to the scratch
  folder under that name (for the blocks that follow); every block must load as an org
  (or, for a title starting with ``bad``, must fail to load); JSON must parse. A block
  titled ``*.yml`` is other YAML (GitLab's ``team.yml``, a CI workflow): it must parse,
  and is written but not loaded as an org;
- ``csv``: a block titled ``title="name.csv"`` is written to the scratch folder, for the
  import examples that follow;
- ``text``: sample output, not run.
"""

from __future__ import annotations

import doctest
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest
from click.testing import CliRunner

import orgroles

from tests.docs_runner import FLAGS as _FLAGS
from tests.docs_runner import Snippet, snippets
from tests.docs_runner import matches as _matches
from tests.helpers import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
CI_SCRIPT = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _run_orgroles(args: list[str], where: Snippet) -> tuple[int, str]:
    from orgroles.cli import cli

    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    return result.exit_code, result.output


def _run_command(command: str, where: Snippet) -> tuple[int, str]:
    words = shlex.split(command)
    if words[0] == "orgroles":
        return _run_orgroles(words[1:], where)
    if words[0] == "python":
        proc = subprocess.run(
            [sys.executable, *words[1:]], capture_output=True, text=True, check=False
        )
        return proc.returncode, proc.stdout + proc.stderr
    if words[0] in ("pip", "pytest"):
        assert command in CI_SCRIPT, f"{where}: .ci/run must run the set-up command {command!r}"
        return 0, ""
    raise AssertionError(f"{where}: the docs test does not know how to run {command!r}")


def _console(snippet: Snippet) -> None:
    blocks: list[tuple[str, list[str]]] = []
    for line in snippet.body.splitlines():
        if line.startswith("$ "):
            blocks.append((line[2:], []))
        elif blocks:
            blocks[-1][1].append(line)
    for command, expected_lines in blocks:
        code, output = _run_command(command, snippet)
        expected = "\n".join(expected_lines).strip()
        if expected:
            assert _matches(expected + "\n", output), (
                f"{snippet}: `{command}` printed:\n{output}\nexpected:\n{expected}"
            )
        else:
            assert code == 0, f"{snippet}: `{command}` exited {code}:\n{output}"


def _bash(snippet: Snippet) -> None:
    for line in snippet.body.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        for command in (part.strip() for part in line.split("&&")):
            code, output = _run_command(command, snippet)
            assert code == 0, f"{snippet}: `{command}` exited {code}:\n{output}"


def _csv(snippet: Snippet) -> None:
    assert snippet.title, f'{snippet}: a csv block needs a title="name.csv" to be used'
    Path(snippet.title).parent.mkdir(parents=True, exist_ok=True)
    Path(snippet.title).write_text(snippet.body, encoding="utf-8")


def _data(snippet: Snippet) -> None:
    if snippet.title:
        Path(snippet.title).parent.mkdir(parents=True, exist_ok=True)
        Path(snippet.title).write_text(snippet.body, encoding="utf-8")
    if snippet.title.endswith(".yml"):
        import yaml

        yaml.safe_load(snippet.body)  # other YAML: it parses, and it is not an org
        return
    if snippet.lang == "json":
        json.loads(snippet.body)
        if not snippet.title.endswith(".json"):
            return
    fmt: Literal["yaml", "json"] = "json" if snippet.lang == "json" else "yaml"
    bad = Path(snippet.title).name.startswith("bad")
    if bad:
        with pytest.raises(orgroles.OrgError):
            orgroles.loads(snippet.body, fmt, base_dir=".")
        return
    orgroles.loads(snippet.body, fmt, base_dir=".")


def _pycon(snippet: Snippet, namespace: dict[str, object]) -> None:
    test = doctest.DocTestParser().get_doctest(
        snippet.body, namespace, str(snippet), str(snippet.page), snippet.line
    )
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    runner.run(test, clear_globs=False)
    namespace.update(test.globs)  # DocTest works on a copy: share its names with what follows
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{snippet}: doctest failed (see the output above)"


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("examples", "tests", "benchmarks"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# The performance page runs the benchmark's smoke sizes: a minute, on the main Python only.
_SLOW_PAGES = {"performance.md"}


@pytest.mark.parametrize(
    "page",
    [pytest.param(p, marks=pytest.mark.slow) if p.name in _SLOW_PAGES else p for p in PAGES],
    ids=[str(p.relative_to(ROOT)) for p in PAGES],
)
def test_page_snippets_run(page: Path, scratch: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    found = snippets(page)
    for snippet in found:
        if snippet.lang == "python":
            code = compile(snippet.body, str(snippet), "exec")
            exec(code, namespace)
        elif snippet.lang == "pycon":
            _pycon(snippet, namespace)
        elif snippet.lang == "console":
            _console(snippet)
        elif snippet.lang == "bash":
            _bash(snippet)
        elif snippet.lang in ("yaml", "json"):
            _data(snippet)
        elif snippet.lang == "csv":
            _csv(snippet)
        elif snippet.lang not in ("text", ""):
            raise AssertionError(f"{snippet}: unknown snippet language {snippet.lang!r}")


def test_every_page_is_in_the_mkdocs_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in (ROOT / "docs").rglob("*.md"):
        assert str(page.relative_to(ROOT / "docs")) in nav, page


def test_the_readme_setup_is_two_commands() -> None:
    bash = [s for s in snippets(ROOT / "README.md") if s.lang == "bash"]
    commands = [line for s in bash for line in s.body.splitlines() if line.strip()]
    assert len(commands) == 2
    assert all(c in CI_SCRIPT for c in commands)


def test_docs_examples_use_relative_paths() -> None:
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        assert "../" + "shared" not in text, page  # the design folder is not shipped
        assert os.sep + "work" + os.sep not in text, page


def reference_entries() -> set[str]:
    """The objects the API reference renders: the `::: name` lines of docs/reference/."""
    return {
        m.group(1)
        for page in (ROOT / "docs" / "reference").glob("*.md")
        for m in re.finditer(r"^::: ([\w.]+)", page.read_text(encoding="utf-8"), re.M)
    }


REFERENCE_NAME = {"render": "orgroles.render.render"}
"""Where a public name's entry is, when it is not `orgroles.NAME`: `orgroles.render`, as
griffe reads the package, is the subpackage (the function hides it only at run time)."""


def test_every_public_name_has_a_reference_entry_and_a_line_in_the_api_page() -> None:
    entries = reference_entries()
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in orgroles.__all__:
        if name == "__version__":
            continue
        identifier = REFERENCE_NAME.get(name, f"orgroles.{name}")
        assert identifier in entries, f"add '::: {identifier}' to a page of docs/reference/"
        assert f"[`{name}`][{identifier}]" in page, f"docs/api.md does not list {name}"


def test_every_extra_is_on_the_install_page() -> None:
    """The install page is the one truth about installing: every extra of pyproject.toml
    has its row, and the wheel it names is this version's."""
    from importlib.metadata import metadata

    page = (ROOT / "docs" / "install.md").read_text(encoding="utf-8")
    extras = metadata("orgroles").get_all("Provides-Extra") or []
    assert {"pptx", "analysis"} <= set(extras)
    missing = [extra for extra in extras if f"`{extra}`" not in page]
    assert not missing, f"docs/install.md does not say what these extras are for: {missing}"
    for wheel in re.findall(r"orgroles-([\d.]+)-py3-none-any\.whl", page):
        assert wheel == orgroles.__version__, "docs/install.md names another version's wheel"


def test_install_commands_are_on_the_install_page_only() -> None:
    """Other pages link to the install page instead of repeating its commands (an error
    message quoted as it is, with its command, aside)."""
    for page in PAGES:
        if page.name in ("install.md", "README.md"):
            continue
        text = page.read_text(encoding="utf-8")
        for snippet in snippets(page):
            if snippet.title.endswith(".yml"):  # a CI workflow installs orgroles itself
                text = text.replace(snippet.body, "")
        for line in text.splitlines():
            if re.search(r"\b(pip|pipx) install\b", line) and "needs" not in line:
                raise AssertionError(f"{page.relative_to(ROOT)}: link to install.md: {line}")


def test_every_cli_command_is_in_the_cli_page() -> None:
    from orgroles.cli import cli

    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"## `orgroles {name}`" in page, name


def test_every_cli_option_is_in_the_cli_or_import_page() -> None:
    """Each option of each command is named in docs/cli.md (the column options of
    ``import csv`` in docs/import.md, which the CLI page points to)."""
    import click

    from orgroles.cli import cli

    pages = {
        name: (ROOT / "docs" / name).read_text(encoding="utf-8") for name in ("cli.md", "import.md")
    }
    missing = []
    todo: list[tuple[str, click.Command]] = [(name, c) for name, c in cli.commands.items()]
    while todo:
        name, command = todo.pop()
        if isinstance(command, click.Group):
            todo += [(f"{name} {n}", c) for n, c in command.commands.items()]
        for param in command.params:
            if not isinstance(param, click.Option):
                continue
            page = pages["cli.md"] + (pages["import.md"] if name == "import csv" else "")
            if not any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", page) for o in param.opts):
                missing.append(f"orgroles {name} {max(param.opts, key=len)}")
    assert not missing, f"document these options: {missing}"
