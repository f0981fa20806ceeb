"""Fixtures shared by every test package."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Debian Chromium for the whole run, driven by Playwright's sync API: a second
    `sync_playwright()` cannot start while another runs in the same thread, so every browser test
    (web app, trends report) shares this one. Skipped only when Playwright or Chromium is missing;
    the `run` script installs both."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright to run the browser tests")
    path = os.environ.get("SENTINELLE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        pytest.skip(f"no Chromium at {path} (apt-get install chromium, or set SENTINELLE_CHROMIUM)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path,
                                    args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        try:
            yield browser
        finally:
            browser.close()
