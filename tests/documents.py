"""Reading the PDF and PowerPoint files that charts make: a few facts straight from a PDF's
bytes, and the outside programs that read them as a person's tools would.

- poppler's ``pdftotext`` and ``pdftoppm`` (Debian: ``apt-get install poppler-utils``)
  read back the text of a PDF and draw its pages;
- LibreOffice's ``soffice`` (Debian: ``apt-get install libreoffice-impress``) converts a
  PowerPoint file to PDF, as a user opening it would see it.

Tests that need them are marked ``office``; without the programs they are skipped,
unless ``ORGROLES_REQUIRE_OFFICE=1`` (as in CI) makes that an error.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = [
    "missing",
    "pdf_fonts",
    "pdf_page_count",
    "pdf_pages",
    "pdf_text",
    "pdf_to_pngs",
    "png_size",
    "pptx_to_pdf",
    "soffice",
]

_PROGRAMS = {
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
}


def soffice() -> str | None:
    """LibreOffice's command, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def missing() -> str | None:
    """Why the ``office`` tests cannot run here, or None when they can."""
    absent = sorted({package for name, package in _PROGRAMS.items() if not shutil.which(name)})
    if soffice() is None:
        absent.append("libreoffice-impress")
    if absent:
        return f"needs {' and '.join(absent)} (apt-get install {' '.join(absent)})"
    return None


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels, from its header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:8]
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """The width and height, in points, of every page of a PDF made by typst."""
    boxes = re.findall(rb"/MediaBox ?\[ ?0 0 ([\d.]+) ([\d.]+) ?\]", data)
    return [(float(w), float(h)) for w, h in boxes]


def pdf_page_count(data: bytes) -> int:
    """How many pages a PDF has (its page objects, whoever made it)."""
    return len(re.findall(rb"/Type ?/Page(?!s)\b", data))


def pdf_fonts(data: bytes) -> set[str]:
    """The fonts a PDF uses, without their subset tags (``DejaVuSans-Bold``)."""
    return {name.split(b"+")[-1].decode() for name in re.findall(rb"/BaseFont ?/([\w+-]+)", data)}


def pdf_text(data: bytes) -> list[str]:
    """The text of each page of a PDF, as ``pdftotext`` reads it (in reading order)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chart.pdf"
        path.write_bytes(data)
        out = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
    return out.split("\f")[: pdf_page_count(data)]


def pdf_to_pngs(pdf: Path, prefix: Path, dpi: int = 80) -> list[Path]:
    """Each page of a PDF as a PNG (``pdftoppm -png -r dpi``), in page order."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def pptx_to_pdf(pptx: Path, folder: Path, timeout: float = 300) -> Path:
    """Convert a PowerPoint file to PDF with LibreOffice in headless mode; the PDF's path.

    LibreOffice gets a profile folder of its own, so that runs in parallel do not share
    (and lock) one.
    """
    command = soffice()
    assert command is not None, "LibreOffice is not installed"
    profile = folder / "lo-profile"
    subprocess.run(
        [
            command,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(pptx),
        ],
        capture_output=True,
        check=True,
        timeout=timeout,
    )
    out = folder / (pptx.stem + ".pdf")
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out
