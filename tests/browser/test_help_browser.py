"""Help, the accessibility statement, the glossary links and the Welsh chart toolbar in
a real Chromium (one page, one loop): both new pages in English and Welsh with no
serious or critical axe violation and linked from the footer; a chart's glossary link
lands on its entry of the data page, focused; the impact page is named for what it
shows; the toolbar's buttons and the reasons rows were set aside are in Welsh on a
Welsh page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from dashboard.i18n import t
from tests.browser.axe import describe, run_axe
from tests.browser.charts import scroll_to_chart

pytestmark = pytest.mark.browser

# A reason of the fixture's rejected rows (tests/dashboard/fixtures.py), in Welsh.
WELSH_REASON = "nid yw'n un o'r gwerthoedd a ganiateir: literacy, numeracy"


def test_help_statement_glossary_links_and_welsh_toolbar(page: Page, server_url: str) -> None:
    for lang in ("en", "cy"):
        query = "?lang=cy" if lang == "cy" else ""
        for path, title in (("/help", "help.title"), ("/accessibility", "accessibility.title")):
            page.goto(server_url + path + query)
            expect(page.locator("html")).to_have_attribute("lang", lang)
            expect(page.get_by_role("heading", level=1)).to_have_text(t(title, lang))
            footer = page.locator("#shell-footer-links")
            expect(footer.get_by_role("link", name=t("help.nav", lang))).to_be_visible()
            expect(footer.get_by_role("link", name=t("accessibility.nav", lang))).to_be_visible()
            violations = run_axe(page)
            assert violations == [], f"{path} {lang}: {describe(violations)}"

    # The impact page's nav label names what it shows; its address is unchanged.
    nav = page.locator("#shell-nav")
    expect(nav.get_by_role("link", name="Cydweithio a gwella")).to_have_attribute(
        "href", "/impact?lang=cy"
    )

    # The overview in Welsh: its chart toolbar speaks Welsh (plotly's data-title, shown
    # on hover) and its first chart's glossary link lands on the entry, focused.
    page.goto(server_url + "/?lang=cy")
    chart = scroll_to_chart(page.locator("#overview-headlines-graph"))
    chart.hover()  # the toolbar shows when the pointer is over the chart
    chart.locator(".modebar-btn").first.hover()
    titles = chart.locator(".modebar-btn").evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('data-title'))"
    )
    assert "Lawrlwytho'r siart fel delwedd PNG" in titles
    assert not [title for title in titles if title in {"Zoom", "Pan", "Autoscale", "Reset axes"}]
    page.locator("#overview-headlines-glossary a").first.click()
    expect(page).to_have_url(server_url + "/data?lang=cy#glossary-schools-in-plcs")
    entry = page.locator("#glossary-schools-in-plcs")
    expect(entry).to_be_focused()
    expect(entry).to_be_in_viewport()
    expect(page.locator("tr.is-target")).to_have_count(1)

    # The rows set aside, with their reasons in Welsh (open mode: the data team's view).
    rejected = page.locator("#data-rejected-rows-table")
    expect(rejected).to_contain_text(WELSH_REASON)
    expect(rejected).not_to_contain_text("not one of the allowed values")
