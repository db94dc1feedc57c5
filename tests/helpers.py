"""What tests in every folder share, besides the fixtures of ``conftest.py``: the project's
paths, and the types of the ``run`` and ``write`` fixtures for annotations.

Import it by its full name from any folder: ``from tests.helpers import TINY, Cli, Write``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import yaml
from click.testing import CliRunner, Result

__all__ = [
    "DATA",
    "EXAMPLES",
    "ROOT",
    "SCALEUP",
    "TESTS",
    "TINY",
    "Cli",
    "LockWithoutMemory",
    "Write",
]

TESTS = Path(__file__).resolve().parent
"""The ``tests/`` folder, whichever folder the test that asks for it is in."""
ROOT = TESTS.parent
EXAMPLES = ROOT / "examples"
DATA = TESTS / "data"
TINY = EXAMPLES / "three_person_tech_team.yaml"
SCALEUP = EXAMPLES / "scaleup_cto_cpo.yaml"


class Cli:
    """Run ``orgroles`` in-process; stdout and stderr are kept apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str | os.PathLike[str], input: str | None = None) -> Result:
        from orgroles.cli import cli

        return self.runner.invoke(
            cli, [os.fspath(a) for a in args], input=input, catch_exceptions=False
        )


class Write(Protocol):
    """The ``write`` fixture: write a file under the test's temporary folder.

    ``name`` is relative to that folder (missing folders are made); text is written as
    UTF-8, bytes as they are. It returns the file's path.
    """

    def __call__(self, name: str, text: str | bytes) -> Path: ...


class LockWithoutMemory:
    """A lock whose ``with`` cannot give it back, as a real lock's cannot when memory has
    run out (its ``__exit__`` takes its arguments as a tuple, which cannot be made). For
    tests in one thread: ``acquire()`` of a lock still held fails the test at once (it
    was never given back) rather than waiting for ever."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        if not self._lock.acquire(blocking=False):
            raise AssertionError("the lock is still held: it was never given back")
        return True

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc_info: object) -> None:
        raise MemoryError  # and the lock stays held


class _Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader without YAML 1.1's timestamps: ``2024-01-08`` stays text, as
    in YAML 1.2, which editors (and orgroles' own reader) follow."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def yaml_data(text: str) -> Any:
    """A YAML document as plain data, as an editor validating it against the JSON Schema
    reads it (dates stay ``YYYY-MM-DD`` text)."""
    return yaml.load(text, Loader=_Yaml12Loader)


def tool(name: str) -> Any:
    """A script of the project's ``tools/`` folder, imported as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BY_NAME: dict[str, Any] = {"id_col": "id", "name_col": "name", "manager_name_col": "manager"}
"""The column options of a small test CSV whose `manager` column names its managers."""


def import_notes(path: Path, **options: Any) -> tuple[Any, list[str]]:
    """The org of ``orgroles.from_csv(path, **options)`` and the problems of its import
    warnings, each without the path in front."""
    import warnings

    import orgroles

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        org = orgroles.from_csv(path, **options)
    notes = [
        str(p).removeprefix(f"{path}:")
        for w in caught
        if isinstance(w.message, orgroles.OrgImportWarning)
        for p in w.message.problems
    ]
    return org, notes


def in_a_forked_child(report: Callable[[], str], *, alarm: int = 0) -> str:
    """What `report()` says in a child forked now (its last words, through a pipe); with
    `alarm`, a child that hangs (a deadlock) is ended after that many seconds, having
    said nothing. POSIX only."""
    import signal

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write and leave at once, running nothing of pytest's
        try:
            if alarm:
                signal.alarm(alarm)
            os.write(write, report().encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        said = pipe.read()
    os.waitpid(pid, 0)
    return said
