"""Draw the PowerPoint slide shown in docs/rendering.md (run: python docs/images/pptx_slide.py).

It writes GitLab's VP of Development, two layers down, as a PowerPoint file, has
LibreOffice Impress convert it to PDF as a user opening it would see it, and draws the
slide as a PNG with poppler's pdftoppm: the image is what a slide program shows, not
orgroles' own drawing. It needs LibreOffice (soffice) and poppler-utils.
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


def main() -> None:
    """Write docs/images/gitlab_vp_pptx.png."""
    import orgroles

    from tests.documents import pdf_to_pngs, pptx_to_pdf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the real file has two roles with broken titles
        gitlab = orgroles.from_gitlab(ROOT / "tests" / "data" / "gitlab-team" / "team.yml")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        deck = orgroles.render(gitlab, folder / "vp.pptx", root=VP, depth=2)
        [png] = pdf_to_pngs(pptx_to_pdf(deck, folder), folder / "slide", dpi=110)
        shutil.copyfile(png, HERE / "gitlab_vp_pptx.png")
    print("wrote docs/images/gitlab_vp_pptx.png")


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    main()
