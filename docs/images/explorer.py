"""Take the screenshot of the explorer in docs/explorer.md (run: python docs/images/explorer.py).

It needs Chromium and chromedriver (see tests/browser.py). The explorer opens the
scale-up example, searches for "product owner", shows the first match's details and fits
the chart beside them.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main() -> None:
    """Write docs/images/explorer.png."""
    from selenium.webdriver.common.keys import Keys

    import orgroles

    from tests.browser import start_chrome

    with tempfile.TemporaryDirectory() as tmp:
        page = orgroles.render(
            orgroles.load(ROOT / "examples" / "scaleup_cto_cpo.yaml"), Path(tmp) / "chart.html"
        )
        driver = start_chrome(Path(tmp) / "profile", width=1440, height=860)
        try:
            driver.get(page.as_uri())
            while not driver.execute_script(
                "return !!(window.__orgroles && window.__orgroles.ready)"
            ):
                time.sleep(0.05)
            driver.find_element("id", "search").send_keys("product owner", Keys.ENTER)
            time.sleep(0.5)
            driver.find_element("css selector", "#nodes > g.node.current").click()
            time.sleep(1.0)  # the view moves to the role
            driver.switch_to.active_element.send_keys("0")  # then shows all of the chart
            time.sleep(1.5)  # the view's move takes a moment (longer on a busy machine)
            driver.save_screenshot(str(HERE / "explorer.png"))
        finally:
            driver.quit()
    print("wrote docs/images/explorer.png")


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    main()
