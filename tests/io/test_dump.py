"""Dumping: author's order, lossless round-trips, quoting that other readers agree with."""

from __future__ import annotations

import os
import string
from pathlib import Path
from typing import Literal

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orgroles
from orgroles.io.atomic import OutputError

from tests.helpers import SCALEUP, TINY


@pytest.mark.parametrize("path", [TINY, SCALEUP])
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_round_trip_is_lossless(path: Path, fmt: Literal["yaml", "json"]) -> None:
    org = orgroles.load(path)
    text = org.dumps(fmt)
    again = orgroles.loads(text, fmt)
    assert again == org
    assert again.dumps(fmt) == text  # a second dump is byte-identical


def test_dump_keeps_the_authors_order(scaleup: orgroles.Org) -> None:
    again = orgroles.loads(scaleup.dumps())
    assert list(again.roles) == list(scaleup.roles)
    assert list(again.people) == list(scaleup.people)


def test_dump_omits_defaults_and_writes_short_items_on_one_line(tiny: orgroles.Org) -> None:
    text = tiny.dumps()
    assert "- {id: dev-1, kind: developer, holder: yanis, reports_to: cto}\n" in text
    assert "acting" not in text
    assert "uses" not in text


def test_strings_that_look_like_other_types_are_quoted() -> None:
    org = orgroles.Org(
        people=[{"id": "0123", "name": "NO"}],
        roles=[{"id": "r", "title": "12:30", "holder": "0123", "meta": {"flag": "on", "n": "1e3"}}],
    )
    text = org.dumps()
    # A plain YAML 1.1 reader (PyYAML's) reads the same strings back.
    plain = yaml.safe_load(text)
    assert plain["people"][0] == {"id": "0123", "name": "NO"}
    assert plain["roles"][0]["title"] == "12:30"
    assert plain["roles"][0]["meta"] == {"flag": "on", "n": "1e3"}
    assert orgroles.loads(text) == org


@pytest.mark.parametrize(
    "rid", ["008", "0099", "1e3", "12e-2", "0o17", "0x1F", "+5", "-3", "1.5", ".5", "6."]
)
def test_strings_that_yaml_1_2_reads_as_numbers_are_quoted(rid: str) -> None:
    """YAML 1.2 readers (yq, editors' language servers) read these as numbers, though
    YAML 1.1 (PyYAML) reads some as strings: ids from HR exports, quoted everywhere."""
    org = orgroles.Org(people=[{"id": rid}], roles=[{"id": rid, "holder": rid}])
    text = org.dumps()
    assert f"{{id: '{rid}'}}" in text
    assert f"{{id: '{rid}', holder: '{rid}'}}" in text
    assert yaml.safe_load(text)["roles"][0] == {"id": rid, "holder": rid}
    assert orgroles.loads(text) == org


def test_dump_writes_the_format_of_the_suffix(tiny: orgroles.Org, tmp_path: Path) -> None:
    tiny.dump(tmp_path / "a.yml")
    tiny.dump(tmp_path / "a.json")
    assert (tmp_path / "a.json").read_text().startswith("{")
    assert orgroles.load(tmp_path / "a.yml") == orgroles.load(tmp_path / "a.json") == tiny


def test_a_failed_write_leaves_the_old_file_intact(
    tiny: orgroles.Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("old content\n")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="No space left on device"):
        tiny.dump(target)
    assert target.read_text() == "old content\n"
    assert os.listdir(tmp_path) == ["org.yaml"]  # no temporary file left behind


def test_an_interrupted_write_leaves_the_old_file_intact(
    tiny: orgroles.Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("old content\n")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        tiny.dump(target)
    assert target.read_text() == "old content\n"
    assert os.listdir(tmp_path) == ["org.yaml"]


def test_a_replaced_file_keeps_its_permissions(tiny: orgroles.Org, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("x")
    target.chmod(0o600)
    tiny.dump(target)
    assert target.stat().st_mode & 0o777 == 0o600


def test_writing_into_a_missing_folder_is_a_clear_error(tiny: orgroles.Org, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write here"):
        tiny.dump(tmp_path / "nope" / "org.yaml")


# -- property: any org the model accepts survives load -> dump -> load ------------------

ids = st.text(
    alphabet=string.ascii_letters + string.digits + "-_.:é ", min_size=1, max_size=12
).filter(lambda s: s == s.strip())
texts = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029"
    ),
    max_size=20,
)
# YAML never re-types a scalar, so in YAML every meta value is text (or null); JSON keeps
# numbers and booleans as they are.
yaml_scalars = st.one_of(st.none(), texts)
json_scalars = st.one_of(yaml_scalars, st.booleans(), st.integers(-(10**6), 10**6))


@st.composite
def orgs(draw: st.DrawFn, scalars: st.SearchStrategy[object]) -> orgroles.Org:
    role_ids = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    person_ids = draw(st.lists(ids, max_size=4, unique=True))
    people = [
        {
            "id": p,
            "name": draw(st.one_of(st.none(), texts)),
            "meta": draw(st.dictionaries(ids, scalars, max_size=2)),
        }
        for p in person_ids
    ]
    roles = []
    for i, rid in enumerate(role_ids):
        role: dict[str, object] = {"id": rid}
        if i and draw(st.booleans()):
            role["reports_to"] = draw(st.sampled_from(role_ids))
        if draw(st.booleans()):
            role["title"] = draw(texts)
        if draw(st.booleans()):
            role["kind"] = draw(st.sampled_from(["cto", "cpo", "developer", "ghost"]))
        if bool(person_ids) and draw(st.booleans()):
            role["holder"] = draw(
                st.one_of(
                    st.sampled_from(person_ids),
                    st.lists(st.sampled_from(person_ids), min_size=1, max_size=2),
                )
            )
        role["acting"] = draw(st.booleans())
        role["assistant"] = draw(st.booleans())
        role["dotted_to"] = draw(st.lists(st.sampled_from(role_ids), max_size=2))
        role["responsibilities"] = draw(st.lists(ids, max_size=2))
        role["noqa"] = draw(
            st.one_of(
                st.lists(st.sampled_from(["C002", "S003"]), max_size=2),
                st.dictionaries(st.sampled_from(["C001", "K004"]), texts, max_size=2),
            )
        )
        role["meta"] = draw(
            st.dictionaries(ids, st.one_of(scalars, st.lists(scalars, max_size=2)), max_size=3)
        )
        roles.append(role)
    teams = [
        {
            "id": "t",
            "name": draw(texts),
            "members": draw(st.lists(st.sampled_from(role_ids), max_size=3)),
        }
    ]
    return orgroles.Org(
        name=draw(st.one_of(st.none(), texts)), people=people, roles=roles, teams=teams
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs(yaml_scalars))
def test_any_org_round_trips_through_yaml(org: orgroles.Org) -> None:
    text = org.dumps("yaml")
    again = orgroles.loads(text, "yaml")
    assert again.to_document() == org.to_document()
    assert again.dumps("yaml") == text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs(json_scalars))
def test_any_org_round_trips_through_json(org: orgroles.Org) -> None:
    fmt: Literal["json"] = "json"
    text = org.dumps(fmt)
    again = orgroles.loads(text, fmt)
    assert again.to_document() == org.to_document()
    assert again.dumps(fmt) == text
