"""The W3C ORG export: parsed back with rdflib, its counts match the org."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import orgroles
from orgroles.errors import MissingExtraError

from tests.helpers import EXAMPLES, Cli

rdflib = pytest.importorskip("rdflib")
from rdflib.namespace import ORG, RDF, TIME  # noqa: E402

TODAY = "2026-05-15"


@pytest.fixture(scope="module")
def org() -> orgroles.Org:
    return orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY)


def _count(graph: Any, kind: Any) -> int:
    return len(set(graph.subjects(RDF.type, kind)))


@pytest.mark.parametrize("suffix", [".jsonld", ".ttl"])
def test_the_export_parses_back_with_its_counts(
    org: orgroles.Org, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"org{suffix}"
    org.to_w3c(path)
    graph = rdflib.Graph().parse(path, format="json-ld" if suffix == ".jsonld" else "turtle")
    records = list(org.records.values())
    assert _count(graph, ORG.Post) == len(records)  # every seat it ever had
    assert _count(graph, ORG.ChangeEvent) == len(org.history())
    tenures = sum(len(r.holders if isinstance(r.holder, str) else r.holder or ()) for r in records)
    assert _count(graph, ORG.Membership) == tenures
    holds = {(p, r.id) for r in records for p in r.holders}
    assert len(set(graph.subject_objects(ORG.holds))) == len(holds)
    lines = {
        (r.id, line if isinstance(line, str) else line.role)
        for r in records
        if (b := r.reports_to) is not None
        for line in ((b,) if isinstance(b, str) else b)
    }
    posts = set(graph.subjects(RDF.type, ORG.Post))
    assert len([(s, o) for s, o in graph.subject_objects(ORG.reportsTo) if s in posts]) == len(
        lines
    )
    dated = [
        m for m in graph.subjects(RDF.type, ORG.Membership) if (m, ORG.memberDuring, None) in graph
    ]
    assert dated  # the interim CTO, the hires after the founding
    interval = graph.value(dated[0], ORG.memberDuring)
    assert (interval, RDF.type, TIME.Interval) in graph
    days = list(graph.objects(None, TIME.inXSDDate))
    assert all(str(d.datatype).endswith("#date") for d in days)


def test_the_same_org_gives_the_same_file(org: orgroles.Org, tmp_path: Path) -> None:
    org.to_w3c(tmp_path / "a.ttl")
    org.to_w3c(tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_an_undated_org_has_posts_and_no_history(scaleup: orgroles.Org, tmp_path: Path) -> None:
    scaleup.to_w3c(tmp_path / "org.ttl")
    graph = rdflib.Graph().parse(tmp_path / "org.ttl")
    assert _count(graph, ORG.Post) == len(scaleup)
    assert _count(graph, ORG.ChangeEvent) == 0


def test_the_command_line_exports(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "org.jsonld"
    result = run("export", EXAMPLES / "scaleup_over_time.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    assert _count(rdflib.Graph().parse(out, format="json-ld"), ORG.Post) > 0
    bad = run("export", EXAMPLES / "scaleup_over_time.yaml", "-o", tmp_path / "org.xml")
    assert bad.exit_code == 2


def test_without_rdflib_it_says_which_extra_to_install(
    org: orgroles.Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "rdflib", None)  # as if not installed
    with pytest.raises(MissingExtraError, match=r"pip install 'orgroles\[rdf\]'"):
        org.to_w3c(tmp_path / "org.ttl")
