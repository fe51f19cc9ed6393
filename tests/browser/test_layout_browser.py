"""Navigation and layout in a real browser (issue 12, items 1-3): the nav keeps the
filters as the reader changes them, every table fits or scrolls in its own named region
with its header kept, and on a phone the nav folds behind a button that works from the
keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import describe, run_axe

pytestmark = pytest.mark.browser

PAGES = (
    "/",
    "/network",
    "/regions",
    "/plcs",
    "/impact",
    "/data",
    "/audit",
    "/school/6612001?year=2018/19",
    "/plc/P1?year=2018/19",
)

# Each table of the page, with where it stands and the region it scrolls in.
TABLES = """() => Array.from(document.querySelectorAll('main table')).map(table => {
    const region = table.closest('[role=region]');
    const box = table.getBoundingClientRect();
    const style = region && getComputedStyle(region);
    const head = table.tHead && table.tHead.rows[0].cells[0];
    return {
        caption: table.caption ? table.caption.textContent : '',
        right: box.right,
        regionRight: region ? region.getBoundingClientRect().right : null,
        scrolls: !!style && ['auto', 'scroll'].includes(style.overflowX),
        focusable: !!region && region.tabIndex === 0,
        named: !!region && !!(region.getAttribute('aria-labelledby')
            || region.getAttribute('aria-label')),
        headKept: !!head && getComputedStyle(head).position === 'sticky',
        narrowest: Math.min(...Array.from(table.querySelectorAll('td, thead th'))
            .filter(cell => cell.colSpan === 1).map(cell => cell.getBoundingClientRect().width)),
    };
})"""


def _choose(page: Page, dropdown_id: str, option: str) -> None:
    page.locator(f"#{dropdown_id}").click()
    page.get_by_role("option", name=option, exact=True).click()


def _nav_link(page: Page, path: str):
    return page.locator(f'#shell-nav-list a[href^="{path}?"], #shell-nav-list a[href="{path}"]')


def test_the_nav_keeps_the_filters_chosen_on_a_page(page: Page, server_url: str) -> None:
    page.goto(server_url + "/network?lang=cy")
    expect(page.locator("#network-year")).to_be_visible()
    _choose(page, "network-year", "2017/18")
    _choose(page, "network-la", "Gwynedd")
    expect(page).to_have_url(re.compile(r"/network\?year=2017/18&consortium=GWE&la=661&lang=cy$"))
    view = "year=2017/18&consortium=GWE&la=661"
    expect(_nav_link(page, "/regions")).to_have_attribute("href", f"/regions?{view}&lang=cy")
    expect(_nav_link(page, "/plcs")).to_have_attribute("href", f"/plcs?{view}&lang=cy")
    # The impact page has the year only, the data page no filter: the rest is dropped.
    expect(_nav_link(page, "/impact")).to_have_attribute("href", "/impact?year=2017/18&lang=cy")
    expect(_nav_link(page, "/data")).to_have_attribute("href", "/data?lang=cy")
    _nav_link(page, "/regions").click()
    expect(page).to_have_url(re.compile(rf"/regions\?{view}&lang=cy$"))
    expect(page.locator("#regions-la")).to_contain_text("Gwynedd")
    expect(page.locator("#regions-year")).to_contain_text("2017/18")
    # Back to the network: the nav follows the URL again.
    page.go_back()
    expect(page.locator("#network-la")).to_contain_text("Gwynedd")
    _choose(page, "network-year", "2018/19")
    expect(_nav_link(page, "/impact")).to_have_attribute("href", "/impact?year=2018/19&lang=cy")


def test_every_table_fits_or_scrolls_in_its_region(page: Page, server_url: str) -> None:
    checked = 0
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path in PAGES:
            page.goto(server_url + path)
            expect(page.get_by_role("heading", level=1).first).to_be_visible()
            page.wait_for_load_state("networkidle")
            for table in page.evaluate(TABLES):
                where = (width, path, table["caption"])
                # In a region that scrolls sideways, can be reached from the keyboard and
                # is named (WCAG: scrollable regions), itself within the page.
                assert table["scrolls"] and table["focusable"] and table["named"], where
                assert table["regionRight"] <= width, where
                assert table["headKept"], where
                # No column squeezed to a word a line (the impact page's 180-pixel rows).
                assert table["narrowest"] >= 64, where
                checked += 1
            size = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert size[0] <= size[1], (width, path, size)
    assert checked >= 2 * 15


def test_the_nav_folds_on_a_phone_and_opens_from_the_keyboard(page: Page, server_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server_url + "/regions?lang=cy")
    toggle = page.get_by_role("button", name="Dewislen")
    links = page.locator("#shell-nav-list")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(links).to_be_visible()
    page.keyboard.press("Space")
    expect(links).to_be_hidden()
    page.keyboard.press("Enter")
    expect(links).to_be_visible()
    violations = run_axe(page)
    assert violations == [], describe(violations)
    # The next stop is the first page of the list; following a link folds the nav again.
    page.keyboard.press("Tab")
    expect(page.locator("#shell-nav-list a").first).to_be_focused()
    _nav_link(page, "/network").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/network\?lang=cy$"))
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links).to_be_hidden()
