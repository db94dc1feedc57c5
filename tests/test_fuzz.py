"""Fuzzing every entry point that takes outside data.

Each target either succeeds or raises an :class:`~orgroles.OrgError` subclass: never
another exception, never a hang. The CI run uses a few hundred examples per target;
``python tools/fuzz.py --minutes 30`` runs the same targets for as long as asked, with
fresh seeds. Every input that ever failed is kept in ``tests/fuzz_corpus/`` and replayed
by :func:`test_the_corpus`.
"""

from __future__ import annotations

import functools
import os
import random
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Literal

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orgroles
from orgroles.cli import cli
from orgroles.render import render_bytes

from tests.helpers import DATA, EXAMPLES

CORPUS = Path(__file__).parent / "fuzz_corpus"
EXAMPLES_PER_TARGET = int(os.environ.get("ORGROLES_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES_PER_TARGET,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("ORGROLES_FUZZ_RANDOM") is None,
)

SEEDS = [
    *(EXAMPLES.glob("*.yaml")),
    DATA / "sample" / "cycle.yaml",
    DATA / "gitlab-team" / "team.yml",
]
CSV_SEEDS = [
    DATA / "d3-org-chart" / "data-oracle-107.csv",
    DATA / "oracle-hr-schema" / "employees.csv",
    DATA / "odoo-hr-demo" / "hr_employee_export_labels.csv",
    DATA / "cartography-fixtures" / "entra_users.csv",
]


def survives(action: Callable[[], Any]) -> Any:
    """Run ``action``; an OrgError is a fine answer, anything else fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return action()
        except orgroles.OrgError:
            return None


def mutate(data: bytes, rng: random.Random, count: int) -> bytes:
    """Flip, insert, delete and duplicate bytes and lines, as a mutation fuzzer does."""
    buf = bytearray(data)
    specials = [
        b"\x00",
        b"\xff",
        b"\t",
        b"\r",
        b"&a ",
        b"*a",
        b"!!",
        b"{",
        b"[",
        b"- ",
        b": ",
        b'"',
        b"'",
        b"\n  - ",
        b"#",
        b"%",
        b"\xc3",
        b"reports_to: ",
        b"id: ",
        b"~",
    ]
    for _ in range(count):
        if not buf:
            buf += rng.choice(specials)
            continue
        at = rng.randrange(len(buf))
        op = rng.randrange(5)
        if op == 0:
            buf[at] = rng.randrange(256)
        elif op == 1:
            buf[at:at] = rng.choice(specials)
        elif op == 2:
            del buf[at : at + rng.randrange(1, 16)]
        elif op == 3:
            end = min(len(buf), at + rng.randrange(1, 64))
            buf[at:at] = buf[at:end]
        else:
            lines = bytes(buf).split(b"\n")
            rng.shuffle(lines)
            buf = bytearray(b"\n".join(lines))
    return bytes(buf)


def load_everything(org: orgroles.Org) -> None:
    """What a user does with a loaded org: check it, query it, dump it, draw it."""
    report = org.check()
    report.to_dict()
    org.metrics()
    org.dumps("yaml")
    org.dumps("json")
    for role in list(org.roles)[:3]:
        org.chain(role)
        org.reports(role, transitive=True)
    if len(org) <= 300:
        render_bytes(org, "svg", engine="builtin")
        org.to_mermaid()
        org.to_dot()


# -- the org file readers ------------------------------------------------------------------


@FUZZ
@given(st.text(max_size=400), st.sampled_from(["yaml", "json"]))
def test_loading_any_text(text: str, fmt: Literal["yaml", "json"]) -> None:
    org = survives(lambda: orgroles.loads(text, fmt))
    if org is not None:
        survives(lambda: load_everything(org))


@FUZZ
@given(st.binary(max_size=400))
def test_loading_any_bytes(data: bytes) -> None:
    survives(lambda: orgroles.loads(data, "yaml"))
    survives(lambda: orgroles.loads(data, "json"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)
role_keys = st.sampled_from(
    [
        "id",
        "title",
        "kind",
        "holder",
        "acting",
        "reports_to",
        "dotted_to",
        "assistant",
        "responsibilities",
        "drop",
        "noqa",
        "meta",
        "bogus",
    ]
)
roles_data = st.lists(st.dictionaries(role_keys, json_values, max_size=6), max_size=8)


@FUZZ
@given(
    roles_data,
    st.dictionaries(
        st.sampled_from(["select", "ignore", "params", "severity", "custom"]),
        json_values,
        max_size=3,
    ),
)
def test_loading_any_structure(roles: list[dict[str, Any]], rules: dict[str, Any]) -> None:
    import json

    text = json.dumps({"roles": roles, "rules": rules})
    org = survives(lambda: orgroles.loads(text, "json"))
    if org is not None:
        survives(lambda: load_everything(org))


@FUZZ
@given(st.sampled_from(SEEDS), st.randoms(use_true_random=False), st.integers(1, 8))
def test_mutated_real_files(seed: Path, rng: random.Random, count: int) -> None:
    data = mutate(seed.read_bytes(), rng, count)
    if seed.suffix == ".yml":  # GitLab's format goes through its importer
        survives(lambda: _from_gitlab_bytes(data))
        return
    org = survives(lambda: orgroles.loads(data, "yaml"))
    if org is not None:
        survives(lambda: load_everything(org))


def _from_gitlab_bytes(data: bytes) -> orgroles.Org:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "team.yml"
        path.write_bytes(data)
        return orgroles.from_gitlab(path)


# -- importers --------------------------------------------------------------------------------


@FUZZ
@given(st.sampled_from(CSV_SEEDS), st.randoms(use_true_random=False), st.integers(0, 8))
def test_mutated_csv_imports(seed: Path, rng: random.Random, count: int) -> None:
    _import_export(mutate(seed.read_bytes(), rng, count), "export.csv")


def _import_export(data: bytes, name: str) -> None:
    """Import bytes as an export named `name` (its suffix says how), and use the org."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        org = survives(lambda: orgroles.from_csv(path))
        if org is not None:
            survives(lambda: load_everything(org))


JSON_SEEDS = [
    (DATA / "cartography-fixtures" / "workday_directory_report.json").read_bytes(),
    # Microsoft Graph's users, their managers as objects, the list under "value".
    b'{"@odata.context": "x", "value": [\n'
    b' {"id": "a1", "displayName": "Ana Lima", "jobTitle": "CEO", "manager": null},\n'
    b' {"id": "b2", "displayName": "Bo Diaz", "jobTitle": "CTO",\n'
    b'  "manager": {"id": "a1", "displayName": "Ana Lima"}, "department": {"name": "Tech"}},\n'
    b' {"displayName": "TBH", "jobTitle": "Engineer", "manager": {"id": "b2"}}]}\n',
]
# JSON Lines: a record on each line, a blank line, a repeated record, a title in a name.
JSON_LINES_SEED = (
    b'{"id": "1", "name": "Dr. Ana Lima", "title": "CEO", "manager": null}\n'
    b'{"id": "2", "name": "Bo Diaz", "title": "CTO", "manager": "Ana Lima"}\n\n'
    b'{"id": "2", "name": "Bo Diaz", "title": "CTO", "manager": "Ana Lima"}\n'
    b'{"id": "3", "name": "Cy Moss", "title": "Developer", "manager": "bo@acme.example"}\n'
)
# A position export: seats that report to seats, an open one, a person in two.
POSITIONS_SEED = (
    b"Position ID,Position Title,Parent Position ID,Employee ID,Employee Name\n"
    b"P1,Chief Executive Officer,,E1,Ana Lima\n"
    b"P2,Chief Technology Officer,P1,E2,Bo Diaz\n"
    b"P3,Software Engineer,P2,VACANT,\n"
    b"P4,Chief Financial Officer,P1,E1,Ana Lima\n"
)
# An export of all employees: people who left (one is still a manager, one is an old job
# of a current person), one on leave, one who has not started.
STATUS_SEED = (
    b"Employee ID,Name,Job Title,Manager,Employment Status,Hire Date\n"
    b"1,Ana Lima,CEO,,Active,2019-03-04\n"
    b"2,Bo Diaz,CTO,Ana Lima,Terminated - Voluntary,2020-01-06\n"
    b"3,Cy Moss,Developer,Bo Diaz,On Leave,\n"
    b"3,Cy Moss,Intern,Ana Lima,Inactive,2018-06-01\n"
    b"4,Di Chen,Designer,Ana Lima,Onboarding,\n"
)
# A sheet known by its emails: a person on two rows, managers in other letter case, a row
# without an email.
EMAILS_SEED = (
    b"Name,Email,Role,Team,Manager\n"
    b"Ana Lima,ana@acme.example,CEO,Leadership,\n"
    b"Bo Diaz,bo@acme.example,CTO,Engineering,Ana@Acme.example\n"
    b"Bo Diaz,bo@acme.example,Head of Security,Security,ana@acme.example\n"
    b"Cy Moss,,Engineer,Engineering,BO@acme.example\n"
)
# SAP SuccessFactors' two headers (field names, then labels), under a report's title.
LABELS_SEED = (
    b"Headcount report,,,,\n"
    b"USERID,FIRSTNAME,LASTNAME,MANAGER,HIREDATE\n"
    b"User ID,First Name,Last Name,Manager,Hire Date\n"
    b"100,Ana,Lima,NO_MANAGER,03-Mar-2014\n"
    b"101,Bo,Diaz,100,15-Jun-2016\n"
)
# Remote's API: the people one object down.
NESTED_SEED = (
    b'{"data": {"employments": [{"id": "r1", "full_name": "Ana Lima", "job_title": "CEO"},'
    b' {"id": "r2", "full_name": "Bo Diaz", "manager": "r1", "status": "archived"}]}}\n'
)
EXPORT_SEEDS = [
    *((seed, "export.json") for seed in JSON_SEEDS),
    (JSON_LINES_SEED, "export.jsonl"),
    (POSITIONS_SEED, "positions.csv"),
    (STATUS_SEED, "staff.csv"),
    (EMAILS_SEED, "team.csv"),
    (LABELS_SEED, "users.csv"),
    (NESTED_SEED, "remote.json"),
]


@FUZZ
@given(st.sampled_from(EXPORT_SEEDS), st.randoms(use_true_random=False), st.integers(0, 8))
def test_mutated_json_exports(seed: tuple[bytes, str], rng: random.Random, count: int) -> None:
    """JSON exports, JSON Lines, a position export, an export with statuses, a sheet known
    by its emails, two headers under a title (CSV), mutated."""
    data, name = seed
    _import_export(mutate(data, rng, count), name)


@functools.lru_cache(maxsize=1)
def _seed_workbook() -> dict[str, bytes]:
    """The parts of a small workbook (the files of its zip), to mutate one by one: made
    once, so that each example mutates the same bytes (the workbook holds its time)."""
    import io
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Staff"
    for row in [
        ["Employee ID", "Name", "Job Title", "Manager ID", "Hire Date"],
        [1, "Ava Lind", "CEO", None, "2019-03-04"],
        [2, "Ben Oka", "CTO", 1, 43831],
        [3, "Cleo Marr", "Developer", 2.0, None],
    ]:
        sheet.append(row)
    book.create_sheet("Notes").append(["a note"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return {name: z.read(name) for name in z.namelist()}


@FUZZ
@given(st.randoms(use_true_random=False), st.integers(1, 8), st.booleans())
def test_mutated_workbooks(rng: random.Random, count: int, whole: bool) -> None:
    """A workbook with one of its parts mutated (or the zip's bytes themselves)."""
    import io
    import tempfile
    import zipfile

    parts = dict(_seed_workbook())
    victim = rng.choice(sorted(parts))
    parts[victim] = mutate(parts[victim], rng, count)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in parts.items():
            # A fixed time: with the clock's, a run that crossed a second wrote other bytes,
            # and Hypothesis saw the same example draw otherwise (FlakyStrategyDefinition).
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    data = mutate(buffer.getvalue(), rng, count) if whole else buffer.getvalue()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "staff.xlsx"
        path.write_bytes(data)
        for sheet in ("Notes", 2):
            survives(partial(orgroles.from_csv, path, sheet=sheet))
        org = survives(lambda: orgroles.from_csv(path))
        if org is not None:
            survives(lambda: load_everything(org))


@FUZZ
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["id", "name", "title", "manager", "email", "status", "x"]),
            st.none()
            | st.sampled_from(["Active", "Terminated", "Onboarding", "false"])
            | st.text(max_size=6)
            | st.integers()
            | st.lists(st.text(max_size=3), max_size=2)  # a JSON export's lists and objects
            | st.dictionaries(st.sampled_from(["id", "name", "k"]), st.text(max_size=3)),
            max_size=5,
        ),
        max_size=8,
    )
)
def test_any_records(records: list[dict[str, Any]]) -> None:
    survives(
        lambda: orgroles.from_records(
            records,
            id_col="id",
            name_col=["name"],
            title_col="title",
            manager_col="manager",
            status_col="status",
        )
    )


# -- selectors, rules, the command line ----------------------------------------------------------

SCALEUP = orgroles.load(EXAMPLES / "scaleup_cto_cpo.yaml")
selector_text = st.lists(
    st.sampled_from(
        [
            "id:",
            "kind:",
            "team:",
            "has:",
            "under:",
            "holder:",
            "family:",
            "title~",
            "name~",
            "vacant",
            "acting",
            "assistant",
            "span>",
            "layer<=",
            "span:",
            "=",
            ">",
            "3",
            "-",
            '"',
            ",",
            " ",
            "cto",
            "developer",
            "apps",
            "data-protection",
            "ines",
            "tech",
            "x",
        ]
    )
    | st.text(max_size=3),
    max_size=8,
).map("".join)


@FUZZ
@given(selector_text)
def test_any_selector(text: str) -> None:
    survives(lambda: SCALEUP.select(text))


@FUZZ
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "code": st.sampled_from(["X1", "X2", "C001", "x", ""]),
                "type": st.sampled_from(
                    ["must_report_to", "max_span", "requires", "exclusive", "nope"]
                ),
            },
            optional={
                "select": selector_text,
                "under": selector_text,
                "max": st.integers(-2, 5),
                "responsibilities": st.lists(
                    st.sampled_from(["data-protection", "code-review", "ghost"]), max_size=3
                ),
                "message": st.text(max_size=20),
                "severity": st.sampled_from(["error", "info", "loud"]),
                "direct": st.booleans(),
            },
        ),
        max_size=3,
    )
)
def test_any_declarative_rules(custom: list[dict[str, Any]]) -> None:
    document = SCALEUP.to_document()
    import dataclasses

    def run() -> None:
        import json

        from orgroles.io.writer import document_data

        data = document_data(dataclasses.replace(document))
        data["rules"] = {"custom": custom}
        org = orgroles.loads(json.dumps(data), "json")
        org.check()

    survives(run)


CLI_WORDS = [
    "check",
    "render",
    "query",
    "diff",
    "catalog",
    "schema",
    "import",
    "csv",
    "gitlab",
    "--select",
    "--ignore",
    "--format",
    "json",
    "sarif",
    "text",
    "csv",
    "-o",
    "--root",
    "--depth",
    "--fold",
    "--lang",
    "fr",
    "--engine",
    "builtin",
    "--check",
    "K",
    "C002",
    "under:cto",
    "-1",
    "0",
    "3",
    "--preset",
    "d3",
    "--exit-zero",
    "--show",
    "responsibilities",
]


@FUZZ
@given(
    st.lists(st.sampled_from(CLI_WORDS) | st.sampled_from([str(p) for p in SEEDS[:2]]), max_size=7),
    st.sampled_from(["out.svg", "out.yaml", "out.txt", "out.mmd", "out.json"]),
)
def test_any_command_line(words: list[str], out_name: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        args = [os.path.join(folder, out_name) if w == "-o-target" else w for w in words]
        if "-o" in args:
            i = args.index("-o")
            args[i + 1 : i + 2] = [os.path.join(folder, out_name)]
        result = CliRunner().invoke(cli, args, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert "Traceback" not in result.output


# -- rendering of any valid org ---------------------------------------------------------------

names = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12)


@st.composite
def valid_orgs(draw: st.DrawFn) -> orgroles.Org:
    n = draw(st.integers(1, 25))
    roles = []
    for i in range(n):
        role: dict[str, Any] = {"id": f"r{i}", "title": draw(names)}
        if i and draw(st.integers(0, 9)):
            role["reports_to"] = f"r{draw(st.integers(0, n - 1))}"
        role["kind"] = draw(st.sampled_from([None, "cto", "developer", "designer", "wizard"]))
        role["assistant"] = draw(st.booleans())
        if draw(st.booleans()):
            role["holder"] = "p"
        roles.append(role)
    return orgroles.Org(people=[{"id": "p", "name": draw(names)}], roles=roles)


@FUZZ
@given(
    valid_orgs(),
    st.sampled_from(["svg", "dot", "mmd"]),
    st.none() | st.integers(0, 3),
    st.none() | st.integers(0, 5),
    st.sampled_from(["en", "fr"]),
)
def test_rendering_any_org(
    org: orgroles.Org, fmt: str, depth: int | None, fold: int | None, lang: str
) -> None:
    root = next(iter(org.roles))
    report = org.check()
    survives(
        lambda: render_bytes(
            org,
            fmt,
            root=root,
            depth=depth,
            fold=fold,
            lang=lang,
            engine="builtin" if fmt == "svg" else "auto",
            report=report,
        )
    )
    survives(lambda: render_bytes(org, fmt, engine="builtin" if fmt == "svg" else "auto"))


# -- the corpus of inputs that once failed ------------------------------------------------------


def _corpus() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("case", _corpus(), ids=lambda p: p.name)
def test_the_corpus(case: Path) -> None:
    data = case.read_bytes()
    formats: tuple[Literal["yaml", "json"], ...] = ("yaml", "json")
    for fmt in formats:
        org = survives(partial(orgroles.loads, data, fmt))
        if org is not None:
            survives(partial(load_everything, org))
    if case.suffix == ".csv":
        survives(lambda: orgroles.from_records([]))
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / case.name
            path.write_bytes(data)
            survives(lambda: orgroles.from_csv(path))


def test_the_corpus_is_listed() -> None:
    listed = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert len(_corpus()) >= 8
    for case in _corpus():
        assert f"`{case.name}`" in listed, f"describe {case.name} in tests/fuzz_corpus/README.md"
