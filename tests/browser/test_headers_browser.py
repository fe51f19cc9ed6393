"""Every page under the dashboard's Content-Security-Policy in Chromium: no violation,
every chart drawn (the network map and the offline maps of LAs included), and
no chart toolbar offering a way out of the dashboard (dashboard/core/headers.py,
components/charts.GRAPH_CONFIG)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.charts import scroll_to_chart, scroll_to_every_chart

pytestmark = pytest.mark.browser

# Every page: the nav's, and the pages of one school and one PLC of the fixture database.
NAV_PAGES = ["/", "/regions", "/network", "/compare", "/plcs", "/impact", "/data", "/audit"]
FOOTER_PAGES = ["/help", "/accessibility"]  # linked from the footer's own nav
# The PLC directory and the audit log draw no chart; help and the statement are words.
TABLE_PAGES = ("/plcs", "/audit", *FOOTER_PAGES)
PAGES = [*NAV_PAGES, *FOOTER_PAGES, "/school/6612001?year=2018/19", "/plc/P1?year=2018/19"]

# Chromium reports some refusals (eval, say) only as this event, not in the console.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
});
"""
# Each drawn plot's toolbar and the settings plotly drew it with.
READ_TOOLBARS = """
() => [...document.querySelectorAll(".js-plotly-plot")].map((plot) => ({
    id: plot.id,
    context: {
        displaylogo: plot._context.displaylogo,
        showSendToCloud: plot._context.showSendToCloud,
        plotlyServerURL: plot._context.plotlyServerURL,
    },
    links: [...plot.querySelectorAll(".modebar [href]")].map((a) => a.getAttribute("href")),
    buttons: [...plot.querySelectorAll(".modebar [data-title]")].map((b) => b.dataset.title),
}))
"""


def _open(page: Page, url: str) -> None:
    """Open ``url`` with the violations recorded; the policy came with the page."""
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(url)
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("#_pages_content h1")).to_have_count(1)  # the page is drawn
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path", PAGES)
def test_page_runs_under_the_policy_with_every_chart_drawn(
    page: Page, server_url: str, path: str
) -> None:
    _open(page, server_url + path)
    # Each chart is drawn as the reader scrolls to it (assets/charts-on-demand.js).
    count = scroll_to_every_chart(page)
    assert count == page.locator(".dash-graph").count()
    assert count > 0 or path in TABLE_PAGES
    assert page.evaluate("window.cspViolations") == []


def test_the_list_covers_every_page_of_the_nav(page: Page, server_url: str) -> None:
    _open(page, server_url + "/")
    hrefs = page.locator("nav a").evaluate_all("links => links.map(a => a.pathname)")
    assert set(hrefs) == {*NAV_PAGES, *FOOTER_PAGES}


def test_maps_are_drawn_from_this_server_alone(page: Page, server_url: str) -> None:
    # The maps are filled outlines on cartesian axes (plotly's cartesian bundle has no geo
    # subplot to fetch a world map for); connect-src 'self' would record any fetch.
    _open(page, server_url + "/regions")
    scroll_to_chart(page.locator("#regions-map-graph"))
    expect(page.locator("#regions-map-graph .scatterlayer path.js-fill").first).to_be_attached(
        timeout=15_000
    )
    _open(page, server_url + "/network")
    scroll_to_chart(page.locator("#network-schools-graph"))
    expect(page.locator(".js-plotly-plot .scatterlayer .point").first).to_be_attached(
        timeout=15_000
    )
    assert page.evaluate("window.cspViolations") == []


@pytest.mark.parametrize("path", ["/", "/network", "/school/6612001?year=2018/19"])
def test_no_chart_toolbar_leads_out_of_the_dashboard(
    page: Page, server_url: str, path: str
) -> None:
    _open(page, server_url + path)
    count = scroll_to_every_chart(page)
    expect(page.locator(".js-plotly-plot .modebar")).to_have_count(count, timeout=15_000)
    toolbars = page.evaluate(READ_TOOLBARS)
    assert len(toolbars) == count > 0
    for toolbar in toolbars:
        assert toolbar["context"] == {
            "displaylogo": False,
            "showSendToCloud": False,
            "plotlyServerURL": "",
        }, toolbar["id"]
        assert toolbar["links"] == [], toolbar["id"]
        titles = " ".join(toolbar["buttons"]).lower()
        assert toolbar["buttons"] and not any(w in titles for w in ("share", "cloud", "studio"))
