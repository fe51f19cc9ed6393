"""axe-core in Chromium: no serious or critical violation on the overview, in English
and in Welsh (tests/browser/axe.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import describe, run_axe
from tests.browser.charts import scroll_to_every_chart

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("query", "lang"),
    [("", "en"), ("?year=2017/18&consortium=GWE&sector=primary&lang=cy", "cy")],
    ids=["english", "welsh"],
)
def test_overview_has_no_serious_or_critical_violations(
    page: Page, server_url: str, query: str, lang: str
) -> None:
    page.goto(server_url + "/" + query)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("#overview-headlines .headline")).to_have_count(4)
    assert scroll_to_every_chart(page) == 2
    violations = run_axe(page)
    assert violations == [], describe(violations)


PHONE_PAGES = (
    "/",
    "/network",
    "/regions",
    "/compare",
    "/plcs",
    "/impact",
    "/data",
    "/audit",
    "/school/6612001?year=2018/19",
    "/plc/P1?year=2018/19",
)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_page_reflows_on_a_phone_without_scrolling_sideways(
    page: Page, server_url: str, lang: str
) -> None:
    # WCAG 2.2, 1.4.10 Reflow: at 390 CSS pixels only data tables (in their own
    # scrolling region) may be wider than the screen, never the page itself. Open mode
    # shows every link of the nav, the widest header there is.
    page.set_viewport_size({"width": 390, "height": 844})
    for path in PHONE_PAGES:
        query = ("&" if "?" in path else "?") + "lang=cy" if lang == "cy" else ""
        page.goto(server_url + path + query)
        expect(page.get_by_role("heading", level=1).first).to_be_visible()
        page.wait_for_load_state("networkidle")
        scroll_to_every_chart(page)  # each drawn as the reader reaches it
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (path, widths)
