"""orgroles render: options, exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgroles
from orgroles.render import render_bytes

from tests.helpers import DATA, SCALEUP, Cli, Write


def test_render_writes_the_chart_and_says_so(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    result = run("render", SCALEUP, "-o", out, "--engine", "builtin")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: chart of 20 roles\n"
    assert "Chief Technical Officer" in out.read_text(encoding="utf-8")


def test_render_options_reach_the_chart(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "chart.mmd"
    result = run(
        "render", SCALEUP, "-o", out, "--root", "cto", "--depth", "1", "--lang", "fr",
        "--show", "responsibilities", "--fold", "3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Directeur technique" in text
    assert "Chief Executive Officer" not in text
    assert "Définir la stratégie technique" in text
    assert "+4 en dessous" in text


def test_an_unknown_root_exits_2_with_did_you_mean(run: Cli, tmp_path: Path) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "c.svg", "--root", "ctoo")
    assert result.exit_code == 2
    assert result.stderr == "orgroles: unknown role 'ctoo' (did you mean 'cto'?)\n"
    assert not (tmp_path / "c.svg").exists()


def test_only_draws_the_roles_a_selector_matches(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "product.mmd"
    result = run("render", SCALEUP, "-o", out, "--only", "family:product")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: chart of 7 roles\n"
    text = out.read_text(encoding="utf-8")
    assert "Product Owner" in text
    assert "Chief Technical Officer" not in text
    svg = tmp_path / "product.svg"  # its title says which roles it shows
    assert run("render", SCALEUP, "-o", svg, "--only", "family:product").exit_code == 0
    assert "<title>Northwind Labs: family:product</title>" in svg.read_text(encoding="utf-8")
    bad = run("render", SCALEUP, "-o", out, "--only", "famly:product")
    assert bad.exit_code == 2
    assert "unknown term 'famly' (did you mean 'family'?)" in bad.stderr
    both = run("render", SCALEUP, "-o", out, "--only", "vacant", "--diff", SCALEUP)
    assert both.exit_code == 2
    assert "--only draws a part of one org: a change chart draws all of it" in both.stderr


def test_a_root_outside_only_is_drawn_with_the_roles_only_picks(run: Cli, tmp_path: Path) -> None:
    # "Draw the product org from the CPO": the CPO is in the executive family, so --only
    # left it out and --root called it unknown (with a did-you-mean of another role).
    out = tmp_path / "product.mmd"
    result = run(
        "render", SCALEUP, "-o", out, "--root", "Chief Product Officer", "--only", "family:product"
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.count("Chief Product Officer") == 1
    assert "Designer" in text
    assert "Chief Technical Officer" not in text
    assert "Product Owner" not in text  # in the product family, but under the CTO


def test_bad_usage_exits_2(run: Cli, tmp_path: Path) -> None:
    assert run("render", SCALEUP).exit_code == 2  # no -o
    assert run("render", SCALEUP, "-o", tmp_path / "c.svg", "--lang", "de").exit_code == 2
    assert run("render", SCALEUP, "-o", tmp_path / "c.svg", "--depth", "-1").exit_code == 2
    result = run("render", SCALEUP, "-o", tmp_path / "c.bmp")
    assert result.exit_code == 2
    assert "unknown suffix '.bmp'" in result.stderr


@pytest.mark.nodot
@pytest.mark.parametrize("name", ["chart.svg", "chart.png", "chart.pdf"])
def test_without_dot_every_image_format_works(run: Cli, tmp_path: Path, name: str) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / name)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{tmp_path / name}: chart of 20 roles\n"


@pytest.mark.nodot
def test_png_of_dot_without_dot_exits_2_and_says_what_to_install(run: Cli, tmp_path: Path) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "chart.png", "--engine", "dot")
    assert result.exit_code == 2
    assert "apt-get install graphviz" in result.stderr
    assert "brew install graphviz" in result.stderr
    assert "conda install graphviz" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.nodot
def test_svg_without_dot_works(run: Cli, tmp_path: Path) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "chart.svg")
    assert result.exit_code == 0, result.output


@pytest.mark.dot
def test_png_with_dot_works(run: Cli, tmp_path: Path) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "chart.png", "--engine", "dot")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")


def test_check_highlights_the_violations(run: Cli, write: Write, tmp_path: Path) -> None:
    path = write(
        "org.yaml",
        "roles:\n"
        "  - {id: ceo, kind: ceo}\n"
        "  - {id: cto, kind: cto, reports_to: ceo}\n"  # K004: a team of 2, not hands-on
        "  - {id: dev, kind: developer, reports_to: cto, holder: ghost}\n",  # S002: no such person
    )
    out = tmp_path / "chart.svg"
    result = run("render", path, "-o", out, "--check", "--engine", "builtin")
    assert result.exit_code == 0, result.output
    counts = orgroles.load(path).check().severity_counts()
    assert counts["error"] == 1
    assert (counts["warning"], counts["info"]) == (3, 2)
    assert result.stdout.endswith("violations highlighted: 1 error, 3 warnings, 2 infos\n")
    svg = out.read_text(encoding="utf-8")
    assert 'class="role error fam-tech"' in svg  # dev: S002
    assert svg.count('class="role vacant warning fam-executive"') == 2  # ceo and cto
    assert "⚠ C002 · H001 · K004" in svg  # the codes of a role, in order
    assert "⚠ S002" in svg


def test_render_counts_the_roles_it_draws(run: Cli, tmp_path: Path) -> None:
    org = tmp_path / "gitlab.yaml"
    imported = run("import", "gitlab", DATA / "gitlab-team" / "team.yml", "-o", org)
    assert imported.exit_code == 0, imported.output
    assert "1,368 roles" in imported.output
    out = tmp_path / "vp.svg"
    result = run("render", org, "--root", "tm-816c6d89", "-o", out, "--engine", "builtin")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: chart of 189 roles\n"  # the VP and the 188 below
    result = run("render", SCALEUP, "--root", "cto", "--depth", "1", "-o", out)
    assert result.stdout == f"{out}: chart of 4 roles\n"  # the CTO and its three reports
    result = run("render", SCALEUP, "--root", "security-officer", "-o", out)
    assert result.stdout == f"{out}: chart of 1 role\n"
    result = run("render", SCALEUP, "--fold", "1", "-o", tmp_path / "folded.mmd")
    assert result.stdout == f"{tmp_path / 'folded.mmd'}: chart of 20 roles\n"  # folded ones too


def test_render_layout_options(run: Cli, tmp_path: Path) -> None:
    sizes = {}
    for layout in ("compact", "tree"):
        out = tmp_path / f"{layout}.svg"
        result = run("render", SCALEUP, "-o", out, "--engine", "builtin", "--layout", layout)
        assert result.exit_code == 0, result.output
        head = out.read_text(encoding="utf-8").split("<svg", 1)[1]
        sizes[layout] = int(head.split('width="', 1)[1].split('"', 1)[0])
    assert sizes["compact"] < sizes["tree"]
    out = tmp_path / "narrow.svg"
    result = run("render", SCALEUP, "-o", out, "--engine", "builtin", "--max-aspect", "1.5")
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == render_bytes(
        orgroles.load(SCALEUP), "svg", engine="builtin", max_aspect=1.5
    )
    for bad in (["--max-aspect", "0"], ["--max-aspect", "wide"], ["--layout", "grid"]):
        assert run("render", SCALEUP, "-o", out, *bad).exit_code == 2


def test_png_and_pdf_options_reach_the_chart(run: Cli, tmp_path: Path) -> None:
    from tests.documents import pdf_pages, png_size

    png = tmp_path / "c.png"
    assert run("render", SCALEUP, "-o", png, "--scale", "1").exit_code == 0
    small = png_size(png.read_bytes())
    assert run("render", SCALEUP, "-o", png).exit_code == 0
    assert png_size(png.read_bytes()) == (2 * small[0], 2 * small[1])
    pdf = tmp_path / "c.pdf"
    result = run("render", SCALEUP, "-o", pdf, "--page", "a4", "--orientation", "portrait")
    assert result.exit_code == 0, result.output
    assert set(pdf_pages(pdf.read_bytes())) == {(595.28, 841.89)}


def test_a_png_too_big_is_drawn_smaller_and_says_so_on_stderr(run: Cli, tmp_path: Path) -> None:
    result = run("render", SCALEUP, "-o", tmp_path / "c.png", "--max-megapixels", "0.5")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("orgroles: warning: a PNG of this chart (")
    assert "--root" in result.stderr
    assert result.stdout == f"{tmp_path / 'c.png'}: chart of 20 roles\n"


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_a_chart_of_thousands_of_boxes_says_how_big_and_what_to_do(
    run: Cli, tmp_path: Path, suffix: str
) -> None:
    from benchmarks.generate import generate

    org = orgroles.Org(**generate(3200))
    path = tmp_path / "big.json"
    org.dump(path)
    result = run("render", path, "-o", tmp_path / f"big{suffix}")
    assert result.exit_code == 0, result.output
    assert "orgroles: warning: this chart has 3,200 boxes (" in result.stderr
    for hint in ("--root", "--depth", "--fold", ".html"):
        assert hint in result.stderr


def test_a_deck_says_how_many_slides_it_has(run: Cli, tmp_path: Path) -> None:
    out = tmp_path / "org.pptx"
    result = run("render", SCALEUP, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: chart of 20 roles on 4 slides\n"
    result = run("render", SCALEUP, "-o", out, "--depth", "1")
    assert result.stdout.endswith(": chart of 4 roles on 1 slide\n")  # CEO, assistant, CTO, CPO
