"""Hostile HR exports: HTML titles (review F7), delimiter sniffing (F16), e-mail matching
(F24), and the department names that all make the same slug (a sibling fault).

The work is counted (characters scanned, names tried), never timed.
"""

from __future__ import annotations

import csv
import itertools
import re
from pathlib import Path
from typing import Any

import pytest

import orgroles
from orgroles.errors import OrgImportWarning
from orgroles.importers import csv_read, gitlab, rows
from orgroles.importers.gitlab import html_to_text

from tests.helpers import Cli

HERE = Path(__file__).parent / "hostile"


class Counting:
    """A compiled pattern whose searches and matches are counted."""

    def __init__(self, pattern: re.Pattern[str], calls: list[int]) -> None:
        self.pattern = pattern
        self.calls = calls

    def search(self, *args: Any) -> Any:
        self.calls.append(1)
        return self.pattern.search(*args)

    def match(self, *args: Any) -> Any:
        self.calls.append(1)
        return self.pattern.match(*args)


@pytest.mark.parametrize("unit", ["<a ", '<a "', "a'b\"c<d", "<a>", "<a href='>'", "<!--"])
def test_html_titles_are_read_in_one_pass(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # F7: 25,000 unclosed tags took Python's html.parser 92 s (gitlab_htmlparser_slow.yml).
    calls: list[int] = []
    for name in ("_OPENER", "_SPECIAL", "_NAME"):
        monkeypatch.setattr(gitlab, name, Counting(getattr(gitlab, name), calls))
    html = unit * 25_000
    html_to_text(html)
    assert len(calls) <= 3 * html.count("<") + 2 * html.count('"') + 2 * html.count("'") + 3


def test_the_reviews_gitlab_file_imports(tmp_path: Path, run: Cli) -> None:
    path = tmp_path / "gitlab_htmlparser_slow.yml"  # gen_cases.gitlab_html()
    path.write_text(
        '- slug: a\n  type: person\n  name: A\n  role: "' + "<a " * 25_000 + '"\n  reports_to: b\n',
        encoding="utf-8",
    )
    result = run("import", "gitlab", path, "-o", tmp_path / "org.yaml")
    assert result.exit_code == 0, result.output
    assert "the role's HTML shows no text" in result.stderr


def test_well_formed_html_reads_as_before() -> None:
    assert html_to_text('<a href="/x">Head</a> of <b>Data</b><br>&amp; AI') == (
        "Head of Data & AI",
        ["/x"],
    )
    assert html_to_text("<a href='/y' title='a > b'>Lead</a>") == ("Lead", ["/y"])
    assert html_to_text("x < y, <!-- note --> z") == ("x < y, z", [])
    assert html_to_text("Engineer <a href=") == ("Engineer", [])  # a tag left open


def test_delimiter_sniffing_reads_a_bounded_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    # F16: csv_sniffer_slow.csv, 64 KB on one line of quotes: 25 s in csv.Sniffer.
    text = "id,name;title\n" + ',"a' * 21_300 + "\n" + "x;y\n" * 3
    sniffed: list[int] = []
    real = csv.Sniffer.sniff

    def sniff(self: Any, sample: str, delimiters: str | None = None) -> Any:
        sniffed.append(len(sample))
        return real(self, sample, delimiters)

    monkeypatch.setattr(csv.Sniffer, "sniff", sniff)
    assert csv_read.sniff_delimiter(text) in ",;"
    assert max(sniffed) <= 2 * 1024


def test_the_reviews_csv_is_a_located_error(tmp_path: Path, run: Cli) -> None:
    path = tmp_path / "csv_sniffer_slow.csv"
    path.write_text("id,name;title\n" + ',"a' * 21_300 + "\n" + "x;y\n" * 3, encoding="utf-8")
    result = run("import", "csv", path, "-o", tmp_path / "org.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:2: malformed CSV")


def test_emails_match_as_rfc_5321_says() -> None:
    # F24: email_casefold.csv. straße@ and STRASSE@ are two mailboxes (casefold made them
    # one); the domain's case does not matter. The part before @ is matched exactly first;
    # only when no row has it so, the one row that has it in other (ASCII) letter case is
    # read, with a warning: mail providers ignore the case, and sheets write it anyhow.
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(
            HERE / "email_casefold.csv",
            id_col="id",
            name_col="name",
            email_col="email",
            manager_email_col="manager_email",
        )
    assert org.roles["3"].reports_to == "2"  # STRASSE@, never straße@
    (warning,) = caught
    assert (
        "no row has the manager email 'strasse@x.example'; read as 'STRASSE@x.example' (the "
        "same address in other letter case, which mail providers ignore), the email of line 3"
    ) in str(warning.message)
    records = [
        {"id": "1", "email": "straße@x.example"},
        {"id": "2", "email": "Ana@X.example"},
        {"id": "3", "email": "ana@x.example"},
        {"id": "4", "boss": "straße@X.EXAMPLE"},
        {"id": "5", "boss": "ana@X.Example"},
        {"id": "6", "boss": "Ana@x.example"},
    ]
    org = orgroles.from_records(records, id_col="id", email_col="email", manager_email_col="boss")
    assert [org.roles[i].reports_to for i in "456"] == ["1", "3", "2"]
    # Two rows that differ only by case: a third spelling names neither.
    with pytest.warns(OrgImportWarning, match="no row has the manager email 'ANA@x.example'"):
        org = orgroles.from_records(
            [*records[:3], {"id": "7", "boss": "ANA@x.example"}],
            id_col="id",
            email_col="email",
            manager_email_col="boss",
        )
    assert org.roles["7"].reports_to == "ANA@x.example"


def test_department_names_with_the_same_slug_are_numbered_in_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = [
        "a" + "".join(p) for k in (1, 2, 3) for p in itertools.product("!#$%&()*+,.:;<=", repeat=k)
    ]
    tried: list[str] = []

    class Taken(set[str]):
        def __contains__(self, item: object) -> bool:
            tried.append(str(item))
            return super().__contains__(item)

    monkeypatch.setattr(rows, "set", Taken, raising=False)
    slugs = rows.unique_slugs(names)
    assert len(set(slugs)) == len(names) == 3_615
    assert slugs[:3] == ["a", "a-2", "a-3"]
    assert len(tried) <= 2 * len(names)  # 6.5 million tries before: 480 s at 30,000 names


def test_the_csv_export_merges_meta_keys_in_one_pass() -> None:
    from orgroles.importers.csv_export import _merged_keys

    class Key(str):
        """A meta key that counts how often it is compared (list searches compare)."""

        compared = 0

        def __eq__(self, other: object) -> bool:
            type(self).compared += 1
            return str.__eq__(self, other)

        __hash__ = str.__hash__

    org = orgroles.Org(roles=[{"id": f"r{i}"} for i in range(3_000)])
    for i, role in enumerate(org.roles.values()):
        object.__setattr__(role, "meta", {Key(f"k{i}"): 1, Key("x"): 1})
    Key.compared = 0
    keys = _merged_keys(org)
    assert keys == [f"k{i}" for i in range(3_000)] + ["x"]
    assert Key.compared <= 4 * 3_000  # a list search per role before: 10 s at 20,000 roles


def test_records_with_keys_of_their_own_are_read_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from orgroles.importers import tables

    looked: list[int] = []
    real = tables._meta_value

    def counting(value: Any) -> Any:
        looked.append(1)
        return real(value)

    monkeypatch.setattr(tables, "_meta_value", counting)
    records = [{"id": str(i), f"k{i}": "v"} for i in range(3_000)]
    org = orgroles.from_records(records, id_col="id")
    assert org.roles["5"].meta == {"k5": "v"}
    assert len(looked) <= 2 * 3_000  # every record read every column before: 132 s at 20,000
