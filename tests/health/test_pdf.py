"""The printable report: a PDF that poppler opens, reads and draws, byte for byte the same
from one run to the next."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import orgroles

from tests.health.pages import shown
from tests.health.test_numbers import TODAY, gitlab
from tests.health.test_page import hostile_org
from tests.helpers import EXAMPLES, SCALEUP

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pages_of(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    [line] = [x for x in info.stdout.splitlines() if x.startswith("Pages:")]
    return int(line.split()[1])


@pytest.mark.parametrize(
    "org",
    [
        pytest.param(lambda: orgroles.load(SCALEUP), id="scaleup"),
        pytest.param(
            lambda: orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY), id="dated"
        ),
        pytest.param(gitlab, id="gitlab"),
        pytest.param(hostile_org, id="hostile"),
    ],
)
def test_the_pdf_opens_and_says_the_numbers(org: object, tmp_path: Path) -> None:
    made = org()  # type: ignore[operator]
    path = made.report().write(tmp_path / "health.pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    assert 2 <= pages_of(path) <= 12
    # Every page draws.
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == pages_of(path)
    text = pdf_text(path)
    m = made.metrics()
    for heading in ("Headcount", "Seats", "Vacancies", "Layers", "Median span", "Span of control"):
        assert heading in text
    # The headline figures, as written on the cover.
    cover = text.split("\f")[0]
    for value in (m["headcount"], m["roles"] - m["planned"], m["vacancies"], m["layers"]):
        assert shown(value) in cover
    assert shown(m["median_span"]) in cover


@pytest.mark.slow
def test_the_same_numbers_give_the_same_bytes(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"health-{seed}.pdf"
        env = {**os.environ, "PYTHONHASHSEED": seed, "ORGROLES_TODAY": TODAY}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "orgroles",
                "report",
                str(EXAMPLES / "scaleup_over_time.yaml"),
                "-o",
                str(out),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"CreationDate" not in outputs[0]


def test_the_french_pdf(tmp_path: Path) -> None:
    org = orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY)
    path = org.report(lang="fr").write(tmp_path / "bilan.pdf")
    text = pdf_text(path)
    assert "Effectif" in text
    assert "Étendue du contrôle" in text
    assert "Headcount" not in text
    assert "4,5" in text  # the median span, written the French way


def test_the_rules_link_to_their_docs(tmp_path: Path) -> None:
    org = orgroles.load(EXAMPLES / "scaleup_over_time.yaml", today=TODAY)
    data = org.report().to_pdf()
    assert b"https://orgroles.readthedocs.io/en/latest/rules/#k002-tech-line" in data
