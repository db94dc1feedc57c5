"""`orgroles query`: the issue's example, formats, errors."""

from __future__ import annotations

import csv
import io
import json

from tests.helpers import SCALEUP, TINY, Cli


def test_under_cto_as_json(run: Cli) -> None:
    result = run("query", TINY, "under:cto", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [(r["id"], r["holders"], r["layer"]) for r in data] == [
        ("dev-1", ["Yanis Perrin"], 3),
        ("dev-2", ["Léa Marchand"], 3),
    ]


def test_text_and_csv(run: Cli) -> None:
    text = run("query", SCALEUP, "kind:cpo,cto", "--lang", "fr").stdout
    assert text.splitlines() == [
        "cto  Directeur technique  Marc Olsen",
        "cpo  Directeur produit    Sofia Brandt",
        "2 roles",
    ]
    rows = list(
        csv.DictReader(io.StringIO(run("query", SCALEUP, "vacant", "--format", "csv").stdout))
    )
    assert rows == [
        {
            "id": "dev-apps-3",
            "title": "Developer",
            "kind": "developer",
            "holders": "",
            "manager": "lead-apps",
            "layer": "4",
            "span": "0",
        }
    ]


def test_empty_selector_lists_every_role(run: Cli) -> None:
    assert run("query", TINY).stdout.splitlines()[-1] == "4 roles"


def test_a_bad_selector_exits_2_with_a_caret(run: Cli) -> None:
    result = run("query", TINY, "under:ctoo")
    assert result.exit_code == 2
    assert result.stderr == (
        "orgroles: unknown role 'ctoo' (did you mean 'cto'?)\n  under:ctoo\n        ^\n"
    )


def test_the_numbers_a_selector_compares_are_shown(run: Cli) -> None:
    text = run("query", TINY, "span>0 layer<=2").stdout
    assert text.splitlines() == [
        "ceo  Chief Executive Officer  Noor Haddad   span 1  layer 1",
        "cto  Chief Technical Officer  Camille Roux  span 2  layer 2",
        "2 roles",
    ]
    plain = run("query", TINY, "reports:cto").stdout  # no number compared: none shown
    assert "span" not in plain
