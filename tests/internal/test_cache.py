"""The command's cache on disk: the built-in catalogue read once, never out of date."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from orgroles._internal import cache
from orgroles.catalog import catalogs

from tests.helpers import TINY


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """The cache on, in a folder of the test's own; off again afterwards."""
    where = tmp_path / "cache"
    cache.enable(where)
    catalogs.builtin_catalog.cache_clear()
    yield where
    cache.disable()
    catalogs.builtin_catalog.cache_clear()


def _read_fresh() -> catalogs.Catalog:
    catalogs.builtin_catalog.cache_clear()
    return catalogs.builtin_catalog()


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_catalogue_read_back_is_the_catalogue_read_from_its_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.disable()
    from_file = _read_fresh()
    cache.enable(folder)
    written = _read_fresh()
    [entry] = _entries(folder)
    assert entry.startswith("builtin-catalogue-")
    assert entry.endswith(".pickle")

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the catalogue was parsed again")

    monkeypatch.setattr(catalogs, "parse_document", no_parse)
    read_back = _read_fresh()
    for catalogue in (written, read_back):
        assert catalogue.kinds == from_file.kinds
        assert catalogue.responsibilities == from_file.responsibilities
        assert catalogue.families == from_file.families


def test_an_edit_of_a_source_makes_a_new_entry_and_the_old_one_goes(
    folder: Path, tmp_path: Path
) -> None:
    source = tmp_path / "source.txt"
    source.write_text("one")
    assert cache.cached("thing", lambda: 1, sources=[source]) == 1
    [first] = _entries(folder)
    assert cache.cached("thing", lambda: 2, sources=[source]) == 1  # read, not built
    source.write_text("two")
    assert cache.cached("thing", lambda: 2, sources=[source]) == 2
    [second] = _entries(folder)
    assert second != first


def test_an_entry_that_cannot_be_read_is_built_again(folder: Path) -> None:
    assert cache.cached("thing", lambda: [1, 2], sources=[]) == [1, 2]
    [entry] = folder.iterdir()
    entry.write_bytes(entry.read_bytes()[:5])  # cut short
    assert cache.cached("thing", lambda: [3], sources=[]) == [3]
    assert cache.cached("thing", lambda: [4], sources=[]) == [3]  # and written again


def test_a_folder_that_cannot_be_written_leaves_the_value_built_each_time(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    cache.enable(blocked / "cache")
    try:
        assert cache.cached("thing", lambda: "built", sources=[]) == "built"
        assert cache.cached("thing", lambda: "built again", sources=[]) == "built again"
    finally:
        cache.disable()
    assert blocked.read_text() == "not a folder"
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]  # no temporary file left


def test_the_cache_is_off_in_the_library_and_builds_each_time() -> None:
    assert cache.folder() is None
    assert cache.cached("thing", lambda: "one", sources=[]) == "one"
    assert cache.cached("thing", lambda: "two", sources=[]) == "two"


def test_the_folder_comes_from_the_environment_or_the_platform(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ORGROLES_CACHE_DIR", str(tmp_path))
    assert cache.default_folder() == tmp_path
    monkeypatch.setenv("ORGROLES_CACHE_DIR", "")
    assert cache.default_folder() is None  # set and empty: off
    monkeypatch.delenv("ORGROLES_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform not in ("win32", "darwin"):
        assert cache.default_folder() == tmp_path / "xdg" / "orgroles"
    assert cache.default_folder() is not None


def test_the_command_keeps_the_catalogue_in_its_cache(tmp_path: Path) -> None:
    env = {**os.environ, "ORGROLES_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "orgroles", "check", str(TINY)]
    for _ in range(2):  # written, then read
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert "no problems (4 roles)" in done.stdout
    # the catalogue, and the schemas of the models read (the catalogue's when it was built)
    assert sorted(p.name.rsplit("-", 1)[0] for p in (tmp_path / "cache").iterdir()) == [
        "builtin-catalogue",
        "schema-orgroles.model.catalog.CatalogDocument",
        "schema-orgroles.model.org.OrgDocument",
    ]
    env["ORGROLES_CACHE_DIR"] = ""
    off = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert off.returncode == 0, off.stderr
