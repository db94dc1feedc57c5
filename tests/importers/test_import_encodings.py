"""CSV files that are not UTF-8: Excel's "Unicode Text" (UTF-16 with a byte order mark) is
read as it is; Windows-1252 (and Latin-1) text of a Western language is read so, with a
warning; any other encoding needs its name, and the error says so.
Every person here is invented."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

import orgroles
from orgroles import OrgFileError
from orgroles.errors import OrgImportWarning, OrgUsageError
from orgroles.importers.columns import Lookup

from tests.helpers import Cli, Write

FRENCH = "Matricule;Nom;Poste;Responsable;Service\n1;Zoé Lefèvre;Présidente;;D1\n2;Jérôme Brûlé;CTO;1;D2\n"
COLUMNS: dict[str, Any] = {
    "id_col": "Matricule",
    "name_col": "Nom",
    "title_col": "Poste",
    "manager_col": "Responsable",
}


def _bytes(write: Write, name: str, data: bytes) -> Path:
    path = write(name, "")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_its_byte_order_mark_is_read(write: Write, codec: str) -> None:
    text = FRENCH.replace(";", "\t")  # Excel's "Unicode Text": tabs
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    path = _bytes(write, "staff.txt.csv", bom + text.encode(codec))
    org = orgroles.from_csv(path, **COLUMNS)
    assert org.people["1"].name == "Zoé Lefèvre"
    assert org.roles["2"].reports_to == "1"


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_a_western_spreadsheets_encoding_is_read_with_a_warning(write: Write, codec: str) -> None:
    # Before: "not valid UTF-8", and the import stopped at the first accent.
    path = _bytes(write, "staff.csv", FRENCH.encode(codec))
    with pytest.warns(OrgImportWarning) as caught:
        org = orgroles.from_csv(path, **COLUMNS)
    assert [p.name for p in org.people.values()] == ["Zoé Lefèvre", "Jérôme Brûlé"]
    (note,) = [p for w in caught for p in w.message.problems if p.code == "encoding-guessed"]  # type: ignore[union-attr]
    assert str(note).startswith(f"{path}:1: not UTF-8: read as Windows-1252 (cp1252)")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the encoding given: no warning
        org = orgroles.from_csv(path, encoding=codec, **COLUMNS)
    assert [p.name for p in org.people.values()] == ["Zoé Lefèvre", "Jérôme Brûlé"]


def test_central_european_text_is_not_read_as_windows_1252(write: Write) -> None:
    # Polish in Windows-1250 reads as Windows-1252 too: "Kałuża" as "Ka³u¿a". Not guessed.
    text = "id;name;reports_to\n1;Wojciech Żółkiewski;\n2;Zofia Kałuża;1\n"
    path = _bytes(write, "staff.csv", text.encode("cp1250"))
    with pytest.raises(OrgFileError, match="not valid UTF-8"):
        orgroles.from_csv(path)
    org = orgroles.from_csv(path, encoding="cp1250")
    assert org.people["2"].name == "Zofia Kałuża"


def test_another_encoding_is_an_error_that_says_what_to_do(write: Write) -> None:
    # Japanese in Shift JIS reads as Windows-1252 too, as nonsense: not guessed.
    text = "id;name;reports_to\n1;山田 太郎;\n2;佐藤 花子;1\n"
    path = _bytes(write, "staff.csv", text.encode("shift_jis"))
    with pytest.raises(OrgFileError) as caught:
        orgroles.from_csv(path)
    # Kanji alone read as Japanese, Korean and Chinese alike: the error names each.
    assert str(caught.value) == (
        f"{path}:2:3: not valid UTF-8: byte 0x8e cannot start or continue a character (it "
        "reads as Japanese in Shift_JIS (--encoding cp932), Korean in EUC-KR (--encoding "
        'cp949) or Chinese in GBK (--encoding gbk): give its encoding, or save it as "CSV '
        'UTF-8")'
    )
    org = orgroles.from_csv(path, encoding="shift_jis")
    assert org.people["2"].name == "佐藤 花子"


def test_bytes_that_are_not_the_given_encoding_are_located(write: Write) -> None:
    path = _bytes(write, "staff.csv", b"id,name\n1,Ana\n2,\x81\n")
    with pytest.raises(OrgFileError, match=r"staff.csv:3:3: not valid cp1252: byte 0x81"):
        orgroles.from_csv(path, encoding="cp1252")


def test_an_unknown_encoding_is_a_usage_error(write: Write) -> None:
    path = write("staff.csv", "id\n1\n")
    with pytest.raises(OrgUsageError, match="unknown encoding 'klingon'"):
        orgroles.from_csv(path, encoding="klingon")


def test_lookup_tables_and_snapshots_are_read_in_it_too(write: Write) -> None:
    departments = _bytes(
        write, "services.csv", "code;nom\nD1;Direction\nD2;Ingénierie\n".encode("cp1252")
    )
    jan = _bytes(write, "jan.csv", FRENCH.encode("cp1252"))
    apr = _bytes(write, "apr.csv", (FRENCH + "3;Léa Noël;Développeuse;2;D2\n").encode("cp1252"))
    lookup = Lookup(str(departments), key_col="code", value_col="nom")
    org = orgroles.from_csv(
        [jan, apr],
        dates=["2026-01-31", "2026-04-30"],
        encoding="cp1252",
        departments=lookup,
        department_col="Service",
        **COLUMNS,
    )
    assert org.people["3"].name == "Léa Noël"
    assert {t.name for t in org.teams.values()} >= {"Direction", "Ingénierie"}


def test_the_command_line_option(write: Write, run: Cli) -> None:
    path = _bytes(write, "staff.csv", FRENCH.encode("cp1252"))
    out = path.with_name("org.yaml")
    options = ["--id-col", "Matricule", "--name-col", "Nom", "--manager-col", "Responsable"]
    guessed = run("import", "csv", path, *options, "-o", out)
    assert guessed.exit_code == 0, guessed.stderr
    assert "not UTF-8: read as Windows-1252 (cp1252)" in guessed.stderr
    result = run("import", "csv", path, *options, "--encoding", "cp1252", "-o", out, "--force")
    assert result.exit_code == 0, result.stderr
    assert orgroles.load(out).people["1"].name == "Zoé Lefèvre"


def test_an_org_file_in_utf16_loads(write: Write) -> None:
    path = _bytes(write, "org.yaml", "name: Équipe\nroles: [{id: ceo}]\n".encode("utf-16"))
    assert orgroles.load(path).name == "Équipe"


@pytest.mark.parametrize(
    ("start", "what"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xa5\xe4", "a zipped document (an Excel .xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x80\x90", "an Excel 97-2003 workbook"),
    ],
)
def test_a_workbook_is_told_to_be_saved_as_csv(write: Write, start: bytes, what: str) -> None:
    path = _bytes(write, "staff.csv", start + bytes(range(128, 256)))  # named .csv
    with pytest.raises(OrgFileError) as caught:
        orgroles.from_csv(path)
    [problem] = caught.value.problems
    assert problem.message.startswith(what)
    assert 'save the sheet as "CSV UTF-8"' in problem.message
    assert (problem.location.line, problem.location.column) == (1, 1)  # type: ignore[union-attr]
