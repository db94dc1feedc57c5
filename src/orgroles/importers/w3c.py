"""Write an org in the W3C Organization Ontology (ORG), as JSON-LD or Turtle (needs rdflib).

The W3C ORG vocabulary (https://www.w3.org/TR/vocab-org/) models what orgroles does, with
time: each seat is an `org:Post` of the organization (`org:postIn`), which
`org:reportsTo` its manager's post; each person `org:holds` the posts they held; each
holder's time in a seat is an `org:Membership` whose `org:memberDuring` is a
`time:Interval` (OWL-Time, with `time:inXSDDate` days); each change of the history is
an `org:ChangeEvent`. What ORG has no word for uses orgroles' own namespace (`orr:`):
a membership's seat (`orr:post`), an interim (`orr:acting`), a seat's own days and a
dated reporting line (`orr:during`, `orr:ReportingLine`), and what a change event
changed (`orr:kind`, `orr:before`, `orr:after`). Every node has an IRI under
`base` (no blank nodes), so that the same org gives the same file.

Examples:
    >>> import orgroles
    >>> org = orgroles.load("examples/scaleup_over_time.yaml", today="2026-05-15")
    >>> graph = w3c_graph(org)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote

from orgroles._internal.extras import import_extra
from orgroles.errors import OrgUsageError
from orgroles.io.atomic import atomic_write
from orgroles.model import Role, Tenure

if TYPE_CHECKING:
    import rdflib

    from orgroles.core import OrgCore

__all__ = ["W3C_FORMATS", "ORR", "to_w3c", "w3c_graph", "w3c_text"]

W3C_FORMATS = {".jsonld": "json-ld", ".json-ld": "json-ld", ".ttl": "turtle", ".nt": "nt"}
"""The file suffixes `to_w3c()` knows, and the rdflib format of each."""

ORR = "https://orgroles.readthedocs.io/ns#"
"""orgroles' own namespace, for what the W3C ORG vocabulary has no word for."""


def _rdflib() -> Any:
    return import_extra(
        "rdflib", "this needs rdflib: pip install 'orgroles[rdf]' (or pip install rdflib)"
    )


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._~-]+", "-", name).strip("-") or "org"


def w3c_graph(org: OrgCore, base: str | None = None) -> rdflib.Graph:
    """The org as an rdflib graph in the W3C ORG vocabulary (see the module's docstring).

    `base` is the IRI under which its nodes are named (by default
    `urn:orgroles:<name>/`). A dated org writes every seat it ever had, with its days;
    an undated one its roles.
    """
    lib = _rdflib()
    from rdflib.namespace import FOAF, ORG, RDF, SKOS, TIME, XSD

    here = lib.Namespace(base or f"urn:orgroles:{_slug(org.name)}/")
    orr = lib.Namespace(ORR)
    graph = lib.Graph()
    for prefix, space in (
        ("org", ORG),
        ("time", TIME),
        ("foaf", FOAF),
        ("skos", SKOS),
        ("orr", orr),
        ("", here),
    ):
        graph.bind(prefix, space)

    def node(kind: str, *parts: str) -> Any:
        return here[kind + "/" + "/".join(quote(p, safe="") for p in parts)]

    def day(value: Any) -> Any:
        return lib.Literal(value.isoformat(), datatype=XSD.date)

    def interval(name: Any, start: Any, end: Any) -> Any | None:
        if start is None and end is None:
            return None
        graph.add((name, RDF.type, TIME.Interval))
        for prop, edge, value in (
            (TIME.hasBeginning, "start", start),
            (TIME.hasEnd, "end", end),
        ):
            if value is not None:
                instant = lib.URIRef(f"{name}/{edge}")
                graph.add((name, prop, instant))
                graph.add((instant, RDF.type, TIME.Instant))
                graph.add((instant, TIME.inXSDDate, day(value)))
        return name

    company = here["org"]
    graph.add((company, RDF.type, ORG.FormalOrganization))
    graph.add((company, SKOS.prefLabel, lib.Literal(org.name)))
    for person in org.people.values():
        subject = node("person", person.id)
        graph.add((subject, RDF.type, FOAF.Person))
        graph.add((subject, FOAF.name, lib.Literal(person.display_name)))
    kinds: set[str] = set()
    for record in org.records.values():
        post = node("post", record.id)
        graph.add((post, RDF.type, ORG.Post))
        graph.add((post, ORG.postIn, company))
        graph.add((post, SKOS.prefLabel, lib.Literal(org.title_of(record))))
        if record.kind is not None:
            kind = node("kind", record.kind)
            graph.add((post, ORG.role, kind))
            if record.kind not in kinds:
                kinds.add(record.kind)
                graph.add((kind, RDF.type, ORG.Role))
                known = org.kinds.get(record.kind)
                label = known.text("en") if known is not None else record.kind
                graph.add((kind, SKOS.prefLabel, lib.Literal(label)))
        during = interval(node("post", record.id, "during"), record.start, record.end)
        if during is not None:
            graph.add((post, orr.during, during))
        _holders(graph, record, post, company, node, interval, ORG, RDF, orr, lib)
        _lines(graph, record, post, node, interval, ORG, RDF, orr)
    for n, change in enumerate(_history(org)):
        event = node("change", str(n + 1))
        graph.add((event, RDF.type, ORG.ChangeEvent))
        graph.add((event, orr.kind, lib.Literal(change.kind)))
        graph.add((event, orr.post, node("post", change.role)))
        graph.add((event, TIME.inXSDDate, day(change.date)))
        for prop, value in ((orr.before, change.before), (orr.after, change.after)):
            if value is not None:
                shown = value.id if isinstance(value, Role) else value
                graph.add((event, prop, lib.Literal(shown)))
    return cast("rdflib.Graph", graph)


def _history(org: OrgCore) -> list[Any]:
    from orgroles.time import history

    return history(org) if org.dated else []


def _holders(
    graph: Any,
    record: Role,
    post: Any,
    company: Any,
    node: Any,
    interval: Any,
    ORG: Any,
    RDF: Any,
    orr: Any,
    rdflib: Any,
) -> None:
    """Who held the seat: `org:holds`, and an `org:Membership` per time in it."""
    holder = record.holder
    items: tuple[Any, ...] = (
        () if holder is None else (holder,) if isinstance(holder, str) else holder
    )
    for k, item in enumerate(items):
        tenure = item if isinstance(item, Tenure) else Tenure(person=item)
        person = node("person", tenure.person)
        graph.add((person, ORG.holds, post))
        membership = node("post", record.id, "holder", str(k + 1))
        graph.add((membership, RDF.type, ORG.Membership))
        graph.add((membership, ORG.member, person))
        graph.add((membership, ORG.organization, company))
        graph.add((membership, orr.post, post))
        if record.kind is not None:
            graph.add((membership, ORG.role, node("kind", record.kind)))
        if tenure.acting or record.acting:
            graph.add((membership, orr.acting, rdflib.Literal(True)))
        during = interval(
            node("post", record.id, "holder", str(k + 1), "during"), tenure.start, tenure.end
        )
        if during is not None:
            graph.add((membership, ORG.memberDuring, during))


def _lines(
    graph: Any, record: Role, post: Any, node: Any, interval: Any, ORG: Any, RDF: Any, orr: Any
) -> None:
    """The manager: `org:reportsTo` (every manager the seat ever had), and for dated
    lines an `orr:ReportingLine` with its days."""
    boss = record.reports_to
    if boss is None:
        return
    if isinstance(boss, str):
        graph.add((post, ORG.reportsTo, node("post", boss)))
        return
    for k, line in enumerate(boss):
        graph.add((post, ORG.reportsTo, node("post", line.role)))
        name = node("post", record.id, "line", str(k + 1))
        graph.add((name, RDF.type, orr.ReportingLine))
        graph.add((name, orr.post, post))
        graph.add((name, ORG.reportsTo, node("post", line.role)))
        during = interval(
            node("post", record.id, "line", str(k + 1), "during"), line.start, line.end
        )
        if during is not None:
            graph.add((name, orr.during, during))


def w3c_text(org: OrgCore, format: str = "turtle", base: str | None = None) -> str:
    """The org in the W3C ORG vocabulary as text: `turtle`, `json-ld` or `nt`."""
    if format not in set(W3C_FORMATS.values()):
        raise OrgUsageError(f"unknown format {format!r}: use turtle, json-ld or nt")
    text: str = w3c_graph(org, base).serialize(format=format)
    return text


def to_w3c(
    org: OrgCore,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    base: str | None = None,
) -> None:
    """Write the org in the W3C ORG vocabulary, atomically: JSON-LD (`.jsonld`), Turtle
    (`.ttl`) or N-Triples (`.nt`), by the file's suffix unless `format` says."""
    if format is None:
        suffix = Path(path).suffix.lower()
        format = W3C_FORMATS.get(suffix)
        if format is None:
            shown = suffix or "(none)"
            raise OrgUsageError(
                f"{os.fspath(path)}: unknown suffix {shown!r}: use .jsonld, .ttl or .nt"
            )
    atomic_write(path, w3c_text(org, format, base))
