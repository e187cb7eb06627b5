"""Headless Chromium for the tests of what a browser shows: the page (web/test_page.py) and the report (archives/report).

Debian's ``/usr/bin/chromium`` (or ``$CHROMIUM``) is driven through the
playwright package; no browser is ever downloaded, and the tests skip when
there is none (``conftest.py`` says so loudly at the end of the run).
Screenshots go to ``test-artifacts/`` on every run, and with
``UPDATE_SCREENSHOT=1`` to ``tests/screenshots/`` too, where the README
shows them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ROOT / "tests" / "screenshots"

def chromium() -> Iterator[Any]:
    """A headless Chromium, launched, until the generator is closed (``conftest.py``'s ``browser`` fixture)."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"no Chromium at {CHROMIUM}: install Debian's chromium (sudo apt-get install chromium, "
            "as .ci/run does) or set CHROMIUM to a Chromium binary"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def keep_screenshot(page: Any, name: str, *, full_page: bool) -> None:
    """A screenshot in test-artifacts/; in tests/screenshots/ too with UPDATE_SCREENSHOT=1."""
    artifact = ARTIFACTS / name
    artifact.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(artifact), full_page=full_page, animations="disabled")
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / name).write_bytes(artifact.read_bytes())
    assert artifact.stat().st_size > 10_000
