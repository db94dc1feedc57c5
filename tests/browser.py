"""Headless Chromium for the explorer's tests and benchmark, driven by selenium.

It uses the system's browser and driver (Debian: ``apt-get install chromium
chromium-driver``); nothing is downloaded. ``ORGROLES_CHROMIUM`` and
``ORGROLES_CHROMEDRIVER`` name other binaries.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

__all__ = ["CHROME_FLAGS", "chromedriver", "chromium", "missing", "start_chrome"]

# Headless, as root in a container, and quiet: no first-run page, no call to Google.
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def _find(variable: str, names: tuple[str, ...]) -> str | None:
    chosen = os.environ.get(variable)
    if chosen:
        return chosen if Path(chosen).exists() else None
    for name in names:
        found = shutil.which(name) or (
            f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None
        )
        if found:
            return found
    return None


def chromium() -> str | None:
    """The Chromium executable, or None."""
    return _find("ORGROLES_CHROMIUM", ("chromium", "chromium-browser"))


def chromedriver() -> str | None:
    """The chromedriver executable, or None."""
    return _find("ORGROLES_CHROMEDRIVER", ("chromedriver",))


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install -e '.[browser]')"
    if chromium() is None:
        return "Chromium is not installed (apt-get install chromium)"
    if chromedriver() is None:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    return None


def start_chrome(
    profile: Path, *, width: int = 1280, height: int = 800, downloads: Path | None = None
) -> WebDriver:
    """A fresh headless Chromium with its own profile folder, logging console messages."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    reason = missing()
    if reason is not None:
        raise RuntimeError(reason)
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium())
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(chromedriver())), options=options)
    if downloads is not None:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
    return driver
