"""Take the screenshots of the health report in docs/report.md (run: python docs/images/report.py).

It needs Chromium (see tests/browser.py). The pages are those of the dated example as of
2026-05-15 (``report.png``, the top of the page: headline, spans, layers) and of the
GitLab import (``report_gitlab.png``), each 1280 px wide, as headless Chromium draws them.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def shoot(page: Path, out: Path, height: int) -> None:
    """A screenshot of ``page``, 1280 px wide and ``height`` px high, into ``out``."""
    from tests.browser import CHROME_FLAGS, chromium

    browser = chromium()
    if browser is None:
        raise SystemExit("Chromium is not installed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                *CHROME_FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size=1280,{height}",
                f"--screenshot={out}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )


def main() -> None:
    """Write docs/images/report.png and docs/images/report_gitlab.png."""
    import orgroles

    dated = orgroles.load(ROOT / "examples" / "scaleup_over_time.yaml", today="2026-05-15")
    with warnings.catch_warnings():  # two roles of the export have broken HTML: known
        warnings.simplefilter("ignore", orgroles.OrgImportWarning)
        gitlab = orgroles.from_gitlab(
            ROOT / "tests" / "data" / "gitlab-team" / "team.yml", name="GitLab"
        )
    with tempfile.TemporaryDirectory() as tmp:
        for org, name, height in ((dated, "report", 2400), (gitlab, "report_gitlab", 2400)):
            page = org.report().write(Path(tmp) / f"{name}.html")
            shoot(page, HERE / f"{name}.png", height)
            print(f"wrote docs/images/{name}.png")


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    main()
