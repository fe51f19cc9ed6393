"""In Chromium, through the real server (``python -m dashboard``, open mode: the data
team's view): the plain page shown when the published database cannot be read, and
/data's notice of a failed refresh, in English and Welsh, on a desktop and a phone,
with no serious or critical axe violation and no sideways scrolling (issue 10,
classes 10 and 3)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard.i18n import t
from tests.browser.axe import describe, run_axe
from tests.browser.watch import watched_page
from tests.etl.cli_run import run_refresh, tiny_raw
from tests.serving import serving

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
# The browser reports the 503 of the page itself as a failed resource.
STATUS_503 = ("503",)


@pytest.fixture(scope="module")
def damaged_url(tmp_path_factory: pytest.TempPathFactory, browser_db: Path) -> Iterator[str]:
    """The dashboard on a copy of the fixture database cut to half its size."""
    folder = tmp_path_factory.mktemp("damaged")
    db = folder / "plcnet.duckdb"
    shutil.copyfile(browser_db, db)
    os.truncate(db, db.stat().st_size // 2)
    env = {"PLCNET_AUDIT_LOG": str(folder / "audit.jsonl")}
    # "/" answers 503 now: the stylesheet says the server is up.
    with serving(db, env=env, ready_path="/assets/plcnet.css") as served:
        yield served.url


@pytest.fixture(scope="module")
def failed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard on a database the real CLI published, after a refresh that failed on
    a plcs file without its focus_area column."""
    folder = tmp_path_factory.mktemp("failed")
    raw = tiny_raw(folder)
    db = folder / "published" / "plcnet.duckdb"
    db.parent.mkdir()
    assert run_refresh(raw, db).returncode == 0
    plcs = raw / "plcs.csv"
    plcs.write_text(plcs.read_text(encoding="utf-8").replace("focus_area,", "area,", 1))
    assert run_refresh(raw, db).returncode != 0
    with serving(db, env={"PLCNET_AUDIT_LOG": str(folder / "audit.jsonl")}) as served:
        yield served.url


def _fits_the_screen(page: Page) -> bool:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    return widths[0] <= widths[1]


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_data_cannot_be_read_page(
    browser: Browser, damaged_url: str, lang: str, size: str
) -> None:
    with watched_page(browser, expected_errors=STATUS_503) as page:
        page.set_viewport_size(dict(zip(("width", "height"), SIZES[size], strict=True)))
        response = page.goto(f"{damaged_url}/regions?lang={lang}")
        assert response is not None and response.status == 503
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.get_by_role("heading", level=1)).to_have_text(t("unreadable.title", lang))
        expect(page.locator("main")).to_contain_text(t("unreadable.text", lang))
        assert _fits_the_screen(page)
        violations = run_axe(page)
        assert violations == [], describe(violations)


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_failed_refresh_notice_on_data(
    browser: Browser, failed_url: str, lang: str, size: str
) -> None:
    with watched_page(browser) as page:
        page.set_viewport_size(dict(zip(("width", "height"), SIZES[size], strict=True)))
        page.goto(f"{failed_url}/data?lang={lang}")
        notice = page.locator("#data-failure-notice")
        expect(notice).to_contain_text(t("data.failed_label", lang))
        expect(notice).to_contain_text("plcs.csv")
        expect(notice).to_contain_text("focus_area")
        expect(page.locator("#data-runs-table")).to_contain_text(t("data.outcome_failed", lang))
        page.wait_for_load_state("networkidle")
        assert _fits_the_screen(page)
        violations = run_axe(page)
        assert violations == [], describe(violations)
