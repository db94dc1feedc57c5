"""Draw the PowerPoint slides shown in docs/rendering.md (run: python docs/images/pptx_slide.py).

It writes the scale-up example, GitLab's VP of Development two layers down, and the
teams under GitLab's CMO, as PowerPoint files, has LibreOffice Impress convert them to
PDF as a user opening them would see them, and draws slides as PNG with poppler's
pdftoppm: the images are what a slide program shows, not orgroles' own drawing. It
needs LibreOffice (soffice) and poppler-utils.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VP = "tm-816c6d89"
CMO = "tm-7af96e6b"


SLIDES = {
    # image: (org, options, which slide)
    "scaleup_pptx.png": ("scaleup", {}, 1),
    "gitlab_vp_pptx.png": ("gitlab", {"root": VP, "depth": 2}, 1),  # the one slide
    "gitlab_shared_pptx.png": ("gitlab", {"root": CMO}, 28),  # small teams, one slide
}


def main() -> None:
    """Write the images of SLIDES into docs/images."""
    import orgroles

    from tests.documents import pdf_to_pngs, pptx_to_pdf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the real file has two roles with broken titles
        orgs = {
            "gitlab": orgroles.from_gitlab(ROOT / "tests" / "data" / "gitlab-team" / "team.yml"),
            "scaleup": orgroles.load(ROOT / "examples" / "scaleup_cto_cpo.yaml"),
        }
    for image, (org, options, number) in SLIDES.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            deck = orgroles.render(orgs[org], folder / "deck.pptx", **options)  # type: ignore[arg-type]
            pngs = pdf_to_pngs(pptx_to_pdf(deck, folder), folder / "slide", dpi=110)
            shutil.copyfile(pngs[number - 1], HERE / image)
        print(f"wrote docs/images/{image}")


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    main()
