"""The first view in Chromium (dashboard/app.py render_first_view,
assets/first-view.js, assets/first-view.js): the page is there with scripts turned
off; with them on it paints before Dash's scripts start, and once React has drawn the
page the first view is gone: one page, no duplicate, axe still clean."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import describe, run_axe
from tests.browser.watch import first_view_gone, watched_page

pytestmark = pytest.mark.browser

PAGES = ("/", "/regions", "/plcs", "/school/6812001?year=2018/19", "/accessibility")

# When the page first painted, and when Dash's scripts had all run (the event
# assets/first-view.js sends Dash's renderer).
TIMES = """
window.__scriptsLoaded = null;
window.addEventListener("plcnet:scripts-loaded", () => {
    window.__scriptsLoaded = performance.now();
});
"""


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A watched page whose ``goto`` returns with the first view still there (the other
    browser tests' pages wait for Dash's page)."""
    with watched_page(browser, first_view=True) as opened:
        yield opened


@pytest.mark.parametrize("path", ["/regions", "/accessibility"])
def test_without_scripts_the_page_is_there(browser: Browser, server_url: str, path: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server_url + path)
        heading = page.get_by_role("heading", level=1)
        expect(heading).to_have_count(1)
        expect(heading).to_be_visible()
        expect(page.get_by_role("navigation").first).to_be_visible()
        if path == "/regions":
            expect(page.get_by_role("table").first).to_be_visible()
            expect(page.get_by_role("rowheader", name="Cardiff").first).to_be_visible()
    finally:
        context.close()


def test_the_first_view_paints_before_dash_scripts_run(page: Page, server_url: str) -> None:
    page.add_init_script(TIMES)
    page.goto(server_url + "/regions")
    first_view_gone(page)
    painted, loaded = page.evaluate(
        """() => [
            performance.getEntriesByName("first-contentful-paint")[0].startTime,
            window.__scriptsLoaded,
        ]"""
    )
    assert loaded is not None, "Dash's scripts never said they had run"
    assert painted < loaded


@pytest.mark.parametrize("path", PAGES)
def test_after_react_draws_the_page_there_is_one_page(
    page: Page, server_url: str, path: str
) -> None:
    page.goto(server_url + path)
    heading = page.get_by_role("heading", level=1).inner_text()
    first_view_gone(page)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    expect(page.locator("h1")).to_have_text(heading)
    assert page.locator("#react-entry-point").evaluate("e => getComputedStyle(e).visibility") == (
        "visible"
    )
    ids = page.evaluate(
        """() => [...document.querySelectorAll("[id]")].map((element) => element.id)"""
    )
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert not [i for i in ids if i.startswith("first-view")]
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_the_first_view_and_react_page_take_the_same_room(page: Page, server_url: str) -> None:
    # What the reader sees should not jump when React's page takes the first view's
    # place: the heading and the first table sit where they were.
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(server_url + "/regions")
    where = """() => [document.querySelector("h1"), document.querySelector("table")]
        .map((element) => Math.round(element.getBoundingClientRect().top))"""
    before = page.locator("#first-view").evaluate(
        """(view) => [view.querySelector("h1"), view.querySelector("table")]
            .map((element) => Math.round(element.getBoundingClientRect().top))"""
    )
    first_view_gone(page)
    after = page.evaluate(where)
    assert abs(after[0] - before[0]) <= 2, (before, after)
    assert abs(after[1] - before[1]) <= 24, (before, after)
