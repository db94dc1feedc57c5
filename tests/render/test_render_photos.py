"""Photos on cards: embedded from the org file's folder or a data URI, size-limited,
initials when there is none, and refused outside the folder or on the web unless allowed."""

from __future__ import annotations

import base64
import io
import os
import struct
import warnings
import zlib
from pathlib import Path

import pytest

import orgroles
from orgroles import Org, Person, Role
from orgroles.errors import RenderError
from orgroles.render import make_plan, render_bytes, render_svg
from orgroles.render.photos import PHOTO_LIMIT, MissingPhotoWarning, photo_uri

from tests.documents import png_size
from tests.helpers import Cli, Write


def png(width: int = 4, height: int = 4, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A small PNG of one colour."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def org_file(write: Write, photo: str | None, name: str = "Ana Lima") -> Path:
    person = f"  - {{id: p, name: {name}" + (f", photo: '{photo}'" if photo else "") + "}\n"
    return write(
        "org/org.yaml",
        "name: Photos\npeople:\n" + person + "roles:\n  - {id: ceo, kind: ceo, holder: p}\n"
        "  - {id: cto, kind: cto, reports_to: ceo}\n",
    )


def test_a_photo_next_to_the_org_file_is_embedded(write: Write) -> None:
    write("org/faces/ana.png", png())
    org = orgroles.load(org_file(write, "faces/ana.png"))
    plan = make_plan(org, show=["photo"])
    ceo = plan.boxes[0]
    assert ceo.photo == "data:image/png;base64," + base64.b64encode(png()).decode()
    assert plan.photos
    assert plan.boxes[1].photo is None  # vacant
    assert plan.boxes[1].initials is None
    svg = render_svg(org, show=["photo"])
    assert svg.count("<image ") == 1
    assert 'clip-path="url(#photo-n0)"' in svg
    assert png_size(render_bytes(org, "png", show=["photo"]))  # typst draws it


def test_without_photos_shown_nothing_is_read(write: Write) -> None:
    org = orgroles.load(org_file(write, "../../etc/passwd"))
    assert "<image" not in render_svg(org)  # the photo is not shown, so not read


def test_initials_stand_in_for_a_missing_photo(write: Write) -> None:
    org = orgroles.load(org_file(write, None, name="Ana María Lima"))
    plan = make_plan(org, show=["photo"])
    assert plan.boxes[0].initials == "AL"
    svg = render_svg(org, show=["photo"])
    assert ">AL</text>" in svg


def test_a_data_uri_photo_is_checked_and_kept() -> None:
    uri = "data:image/png;base64," + base64.b64encode(png()).decode()
    org = Org(
        people=[Person(id="p", name="Ana", photo=uri)],
        roles=[Role(id="a", title="CEO", holder="p")],
    )
    assert make_plan(org, show=["photo"]).boxes[0].photo == uri
    bad = Org(
        people=[
            Person(id="p", photo="data:image/png;base64," + base64.b64encode(b"<svg/>").decode())
        ],
        roles=[Role(id="a", title="CEO", holder="p")],
    )
    # A photo that holds no image is drawn as initials, with a warning that says why: one
    # bad file among many stopped the whole chart.
    with pytest.warns(MissingPhotoWarning, match="is not a PNG, JPEG or GIF image: drawn"):
        assert make_plan(bad, show=["photo"]).boxes[0].photo is None
    svg_uri = Org(
        people=[Person(id="p", photo="data:image/svg+xml;base64,PHN2Zy8+")],
        roles=[Role(id="a", title="CEO", holder="p")],
    )
    with pytest.warns(MissingPhotoWarning, match="not a base64 PNG, JPEG or GIF data URI"):
        assert make_plan(svg_uri, show=["photo"]).boxes[0].photo is None
    with pytest.raises(RenderError, match="is not a PNG, JPEG or GIF image"):
        photo_uri(bad.people["p"].photo or "", None, False)  # the function itself refuses it


@pytest.mark.parametrize("photo", ["../secret.png", "/etc/hosts", "faces/../../secret.png"])
def test_a_photo_outside_the_org_file_s_folder_is_refused(write: Write, photo: str) -> None:
    write("secret.png", png())
    org = orgroles.load(org_file(write, photo))
    with pytest.raises(RenderError, match=r"outside the org file's folder.*--allow-outside-photos"):
        render_svg(org, show=["photo"])


def test_a_link_that_leads_out_of_the_folder_is_refused(write: Write, tmp_path: Path) -> None:
    write("secret.png", png())
    path = org_file(write, "faces/ana.png")
    (tmp_path / "org" / "faces").mkdir()
    os.symlink(tmp_path / "secret.png", tmp_path / "org" / "faces" / "ana.png")
    with pytest.raises(RenderError, match="outside the org file's folder"):
        render_svg(orgroles.load(path), show=["photo"])


def test_outside_photos_when_allowed(write: Write) -> None:
    write("elsewhere.png", png())
    org = orgroles.load(org_file(write, "../elsewhere.png"))
    plan = make_plan(org, show=["photo"], allow_outside_photos=True)
    assert plan.boxes[0].photo is not None


def test_a_photo_on_the_web_is_refused_unless_allowed(write: Write) -> None:
    org = orgroles.load(org_file(write, "https://example.com/ana.png"))
    with pytest.raises(RenderError, match=r"on the web: .*allow_outside_photos=True"):
        render_svg(org, show=["photo"])
    other = orgroles.load(org_file(write, "javascript:alert(1)"))
    with pytest.raises(RenderError, match="neither a file nor a data URI"):
        render_svg(other, show=["photo"], allow_outside_photos=True)


def test_a_photo_too_big_is_drawn_as_initials_with_a_warning(write: Write) -> None:
    write("org/big.png", png() + b"\0" * PHOTO_LIMIT)
    with pytest.warns(MissingPhotoWarning, match=r"has 52\d,\d{3} bytes, more than the 524,288"):
        svg = render_svg(orgroles.load(org_file(write, "big.png")), show=["photo"])
    assert "data:image/png" not in svg


def test_a_corrupt_photo_beside_a_missing_one_is_said_in_one_warning(write: Write) -> None:
    write("org/bad.png", b"not an image")
    people = (
        "  - {id: a, name: Ana Lima, photo: bad.png}\n  - {id: b, name: Bo Diaz, photo: no.png}\n"
    )
    roles = (
        "  - {id: r, title: CEO, holder: a}\n  - {id: s, title: CTO, holder: b, reports_to: r}\n"
    )
    org = orgroles.load(write("org/org.yaml", f"people:\n{people}roles:\n{roles}"))
    with pytest.warns(MissingPhotoWarning) as caught:
        plan = make_plan(org, show=["photo"])
    (warning,) = caught
    assert str(warning.message) == (
        "1 photo file not found ('no.png'); the photo 'bad.png' is not a PNG, JPEG or GIF "
        "image: drawn with the people's initials"
    )
    assert [box.photo for box in plan.boxes] == [None, None]


def test_missing_photo_files_are_drawn_as_initials_with_one_warning(write: Write) -> None:
    # A person whose photo is not there yet: the chart is drawn, and every missing file
    # is named at once, not one per run.
    people = "".join(
        f"  - {{id: p{i}, name: Person {chr(65 + i)}{chr(65 + i)}, photo: faces/p{i}.png}}\n"
        for i in range(7)
    )
    roles = "  - {id: r0, title: CEO, holder: p0}\n" + "".join(
        f"  - {{id: r{i}, title: Job {i}, holder: p{i}, reports_to: r0}}\n" for i in range(1, 7)
    )
    write("org/faces/p3.png", png())
    org = orgroles.load(write("org/org.yaml", f"name: Photos\npeople:\n{people}roles:\n{roles}"))
    with pytest.warns(MissingPhotoWarning) as caught:
        plan = make_plan(org, show=["photo"])
    (warning,) = caught
    assert str(warning.message) == (
        "6 photo files not found ('faces/p0.png', 'faces/p1.png', 'faces/p2.png', "
        "'faces/p4.png', 'faces/p5.png', and 1 more): drawn with the people's initials"
    )
    by_role = {b.role: b for b in plan.boxes}
    assert (by_role["r0"].photo, by_role["r0"].initials) == (None, "PA")
    assert by_role["r3"].photo is not None
    # Said once per org: a deck makes a plan per slide.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        make_plan(org, show=["photo"])


def test_the_cli_draws_a_chart_with_a_missing_photo(write: Write, run: Cli, tmp_path: Path) -> None:
    path = org_file(write, "faces/nobody.png")
    result = run("render", str(path), "-o", str(tmp_path / "chart.svg"), "--show", "photo")
    assert result.exit_code == 0
    assert "1 photo file not found ('faces/nobody.png')" in result.stderr


def test_the_cli_refuses_an_outside_photo_with_exit_2(write: Write, run: Cli) -> None:
    write("secret.png", png())
    path = org_file(write, "../secret.png")
    out = path.parent / "c.svg"
    result = run("render", path, "-o", out, "--show", "photo")
    assert result.exit_code == 2
    assert "outside the org file's folder" in result.stderr
    assert not out.exists()
    allowed = run("render", path, "-o", out, "--show", "photo", "--allow-outside-photos")
    assert allowed.exit_code == 0, allowed.output
    assert "<image " in out.read_text(encoding="utf-8")


def test_powerpoint_puts_the_photo_in_a_circle(write: Write) -> None:
    from pptx import Presentation

    write("org/ana.png", png())
    org = orgroles.load(org_file(write, "ana.png", name="Ana Lima"))
    [slide] = Presentation(io.BytesIO(render_bytes(org, "pptx", show=["photo"]))).slides
    pictures = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == 1
    geometry = pictures[0]._element.spPr.find(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}prstGeom"
    )
    assert geometry.get("prst") == "ellipse"
    assert pictures[0].image.blob == png()
