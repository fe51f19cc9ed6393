"""Browser tests: the real server (``python -m dashboard``) on the fixture database,
driven by a real Chromium through Playwright's sync API.

Never skipped: without Chromium the fixture fails and says how to get one
(``make browser``). Chromium comes from the system (PLCNET_CHROMIUM, default
/usr/bin/chromium); Playwright's own download is not needed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.browser.watch import watched_page
from tests.dashboard.fixtures import build_overview_db
from tests.serving import serving

# How long an expect() waits for the page to come true. Playwright's 5 s is too short
# when the tests run in parallel (make test: a Chromium, a server and a refresh per
# worker at once) and a chart takes seconds to draw; an expectation met sooner
# returns sooner, so this costs nothing when the machine is idle.
EXPECT_TIMEOUT_MS = 20_000
expect.set_options(timeout=EXPECT_TIMEOUT_MS)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_overview_db(tmp_path_factory.mktemp("browser") / "plcnet.duckdb")


@pytest.fixture(scope="session")
def server_url(browser_db: Path) -> Iterator[str]:
    """The dashboard on the hand-made fixture database."""
    with serving(browser_db) as served:
        yield served.url


@pytest.fixture(scope="session")
def demo_server_url(demo_db: Path) -> Iterator[str]:
    """The dashboard on the demo Wales."""
    with serving(demo_db) as served:
        yield served.url


@pytest.fixture(scope="session")
def browser(chromium_path: str | None) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        if chromium_path is None and not Path(playwright.chromium.executable_path).exists():
            pytest.fail(
                "No Chromium: the browser tests need one and are never skipped. Run "
                "`make browser` (or apt-get install chromium), or set PLCNET_CHROMIUM."
            )
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def chromium_path() -> str | None:
    """The system's Chromium (PLCNET_CHROMIUM, default /usr/bin/chromium), or None to use
    the build ``make browser`` fetched with Playwright where the system has none."""
    path = os.environ.get("PLCNET_CHROMIUM", "/usr/bin/chromium")
    return path if os.access(path, os.X_OK) else None


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page; the test fails if the page logs an error (a failed callback does)."""
    with watched_page(browser) as opened:
        yield opened
