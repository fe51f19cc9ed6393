"""Tables drawn as one component each (dashboard/ui/tables.py, assets/compact-table.js):
in Chromium they keep their caption and header scopes, and a link in a cell opens its
page inside the dashboard, as dcc.Link does, without reloading it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# The partners table of a school's profile: its caption, its header cells' scopes.
READ_TABLE = """
(id) => {
    const table = document.querySelector(`#${id} table`);
    return {
        caption: table.caption ? table.caption.textContent : null,
        columns: [...table.tHead.rows[0].cells].map((c) => [c.tagName, c.scope]),
        rows: [...table.tBodies[0].rows].map((r) => [r.cells[0].tagName, r.cells[0].scope]),
        links: [...table.querySelectorAll("a")].map((a) => a.getAttribute("href")),
    };
}
"""


def test_a_table_keeps_its_semantics_and_its_links_open_in_the_page(
    page: Page, server_url: str
) -> None:
    page.goto(server_url + "/school/6612001?year=2016/17")
    expect(page.locator("#school-partners-table tbody th a")).to_have_text(["Ysgol Aber"])
    table = page.evaluate(READ_TABLE, "school-partners-table")
    assert table["caption"]
    assert {tuple(c) for c in table["columns"]} == {("TH", "col")}
    assert {tuple(r) for r in table["rows"]} == {("TH", "row")}
    assert table["links"] == ["/school/6602001?year=2016/17"]

    # A mark on the window survives only if the page is not reloaded.
    page.evaluate("window.notReloaded = true")
    page.locator("#school-partners-table").get_by_role("link", name="Ysgol Aber").click()
    expect(page).to_have_url(re.compile(r"/school/6602001\?year=2016/17$"))
    expect(page.locator("h1")).to_have_text("Ysgol Aber")
    assert page.evaluate("window.notReloaded === true")
    page.go_back()
    expect(page.locator("h1")).to_have_text("Ysgol Caernarfon")
    assert page.evaluate("window.notReloaded === true")
