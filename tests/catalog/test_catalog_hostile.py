"""Hostile ``uses:`` lists: each catalogue read once, only under the allowed folders, and
every broken path a located error (review findings F2, F12 and F14)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import orgroles
from orgroles.errors import OrgFileError, Problem
from orgroles.io import reader

from tests.helpers import Cli, Write

HERE = Path(__file__).parent / "hostile"


def refused(path: Path, **kwargs: object) -> Problem:
    with pytest.raises(OrgFileError) as info:
        orgroles.load(path, **kwargs)  # type: ignore[arg-type]
    (problem,) = info.value.problems
    return problem


def test_each_catalogue_file_is_read_once_per_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # F2's diamond: six levels, each using the next ten times (10**5 paths to c5.yaml).
    shutil.copytree(HERE / "diamond", tmp_path / "diamond")
    read: list[str] = []
    real = reader.read_file

    def counting(path: str | os.PathLike[str]) -> str:
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr("orgroles.catalog.catalogs.read_file", counting)
    org = orgroles.load(tmp_path / "diamond" / "org.yaml")
    assert sorted(read) == [f"c{n}.yaml" for n in range(6)]
    assert {f"k{n}" for n in range(6)} <= set(org.kinds)


def test_a_repeated_entry_counts_once_in_its_last_place(write: Write) -> None:
    write("a.yaml", "kinds:\n  - {id: x, title: A}\n")
    write("b.yaml", "kinds:\n  - {id: x, title: B}\n")
    many = ", ".join(["a.yaml", "b.yaml"] * 5_000 + ["a.yaml"])
    org = orgroles.load(write("org.yaml", f"uses: [{many}]\nroles:\n  - {{id: r, kind: x}}\n"))
    assert org.title_of("r") == "A"


def test_a_path_outside_the_orgs_folder_is_refused_without_being_looked_at(
    tmp_path: Path, write: Write
) -> None:
    write("secret/secret.yaml", "api_token: SUPERSECRET-123\npassword: hunter2\n")
    for entry in ("../secret/secret.yaml", "../secret/nothing.yaml", str(tmp_path / "x.yaml")):
        org = write("orgs/org.yaml", f"uses: [{entry}]\nroles: [{{id: a}}]\n")
        problem = refused(org)
        assert problem.code == "uses-not-allowed"
        assert "outside the org's folder" in problem.message
        assert "api_token" not in problem.message  # neither its keys nor whether it exists
        assert problem.location is not None
        assert (problem.location.line, problem.location.column) == (1, 8)


def test_the_review_traversal_is_refused() -> None:
    problem = refused(HERE / "uses_traversal_yaml.yaml")
    assert problem.code == "uses-not-allowed"


def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path, write: Write) -> None:
    outside = write("outside/cat.yaml", "kinds:\n  - {id: k, title: K}\n")
    org = write("orgs/org.yaml", "uses: [cat.yaml]\nroles: [{id: a, kind: k}]\n")
    (tmp_path / "orgs" / "cat.yaml").symlink_to(outside)
    assert refused(org).code == "uses-not-allowed"
    assert orgroles.load(org, catalog_dirs=[outside.parent]).title_of("a") == "K"


def test_more_folders_are_allowed_explicitly(run: Cli, write: Write) -> None:
    write("common/company.yaml", "kinds:\n  - {id: sre, title: SRE}\n")
    org = write(
        "teams/ops.yaml", "uses: [../common/company.yaml]\nroles:\n  - {id: s, kind: sre}\n"
    )
    common = org.parent.parent / "common"
    assert run("check", org).exit_code == 2
    assert run("check", org, "--catalog-dir", common).exit_code == 0
    commands: list[list[str | os.PathLike[str]]] = [
        ["query", org],
        ["catalog", org],
        ["diff", org, org],
    ]
    for command in commands:
        assert run(*command).exit_code == 2
        assert run(*command, "--catalog-dir", common).exit_code == 0
    text = org.read_text(encoding="utf-8")
    assert orgroles.loads(text, base_dir=org.parent, catalog_dirs=[common]).title_of("s") == "SRE"
    with pytest.raises(OrgFileError, match="outside the org's folder"):
        orgroles.loads(text, base_dir=org.parent)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("uses_nul.yaml", "a path cannot hold a NUL character"),
        ("uses_long.yaml", "the path is too long"),
    ],
)
def test_broken_paths_are_located_errors(name: str, message: str, run: Cli) -> None:
    problem = refused(HERE / name)
    assert message in problem.message
    assert problem.location is not None
    assert (problem.location.line, problem.location.column) == (1, 8)
    result = run("check", HERE / name)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_symbolic_link_loops_are_located_errors(tmp_path: Path, write: Write) -> None:
    # The review's symloop/ folder: loop.yaml -> loop.yaml, and a.yaml -> b.yaml -> a.yaml.
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    for target in ("loop.yaml", "a.yaml"):
        org = write(f"org-{target}", f"uses: [{target}]\nroles: [{{id: a}}]\n")
        problem = refused(org)
        assert problem.message == f"catalogue {target!r}: a loop of symbolic links"
        assert problem.where == "uses[0]"


def test_an_unreadable_catalogue_is_a_located_error(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("locked/cat.yaml", "kinds: []\n")
    org = write("org.yaml", "uses: [locked/cat.yaml]\nroles: [{id: a}]\n")
    real_stat = Path.stat

    def stat(self: Path, **kwargs: bool) -> os.stat_result:
        if self.name == "cat.yaml":  # what a folder without the x permission does (not as root)
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    problem = refused(org)
    assert problem.message == "catalogue 'locked/cat.yaml': permission denied"
    assert problem.location is not None
    assert problem.location.line == 1


def test_a_folder_or_a_file_of_another_type_is_refused(write: Write) -> None:
    write("folder.yaml/x", "")
    assert refused(write("a.yaml", "uses: [folder.yaml]\n")).code == "uses-not-found"
    assert "ends in .yaml" in refused(write("b.yaml", "uses: [notes.txt]\n")).message
