"""What issue 12 asked of speed, in Chromium: every page draws its figures with the
partial plotly bundle alone (dashboard/assets/plotly-cartesian-*.min.js), and a
callback at work shows a polite status and marks the page busy
(dashboard/assets/loading-status.js)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.charts import scroll_to_every_chart

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/regions",
    "/network",
    "/impact",
    "/data",
    "/school/6612001?year=2018/19",
    "/plc/P1?year=2018/19",
]
# Each drawn plot's trace types, beside the types the loaded plotly.js knows.
READ_TYPES = """
() => ({
    known: Object.keys(window.Plotly.PlotSchema.get().traces),
    used: [...document.querySelectorAll(".js-plotly-plot")].flatMap(
        (plot) => plot.data.map((trace) => trace.type || "scatter")),
    drawn: document.querySelectorAll(".js-plotly-plot .main-svg").length,
    graphs: document.querySelectorAll(".dash-graph").length,
})
"""
# Every callback's answer held back DELAY_MS in the page, as on a slow line: the
# server's answer itself is real.
DELAY_MS = 1500
SLOW_CALLBACKS = f"""
const realFetch = window.fetch;
window.fetch = (input, init) => {{
    const url = typeof input === "string" ? input : input.url;
    const answer = realFetch(input, init);
    if (!url.includes("_dash-update-component") || !window.slowCallbacks) return answer;
    return answer.then((r) => new Promise((done) => setTimeout(() => done(r), {DELAY_MS})));
}};
"""


def test_every_page_draws_with_the_partial_bundle_alone(page: Page, server_url: str) -> None:
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    for path in PAGES:
        page.goto(server_url + path)
        expect(page.locator("#_pages_content h1")).to_have_count(1)
        graphs = page.locator(".dash-graph")
        expect(graphs.first).to_be_attached()
        # Each chart is drawn as the reader scrolls to it (assets/charts-on-demand.js).
        assert scroll_to_every_chart(page) == graphs.count()
        found = page.evaluate(READ_TYPES)
        assert found["used"], path
        assert set(found["used"]) <= set(found["known"]), path
        assert "choropleth" not in found["known"]  # the partial bundle, not the whole
    plotly = [url for url in scripts if "plotly" in url]
    assert plotly and all("plotly-cartesian" in url for url in plotly), plotly


def test_a_slow_callback_shows_the_status_and_marks_the_page_busy(
    page: Page, server_url: str
) -> None:
    page.add_init_script(SLOW_CALLBACKS)
    page.goto(server_url + "/regions?year=2018/19")
    status = page.locator("#shell-loading")
    main = page.locator("main#main")
    expect(page.locator("#regions-measure-heading")).to_contain_text("Isolated schools")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text("")
    expect(main).not_to_have_attribute("aria-busy", "true")
    page.evaluate("window.slowCallbacks = true")
    page.locator("#regions-measure").click()
    page.get_by_role("option", name="Density", exact=True).click()
    expect(main).to_have_attribute("aria-busy", "true")
    expect(status).to_have_text("Updating the page…")
    expect(status).to_be_visible()
    expect(page.locator("#regions-measure-heading")).to_contain_text("Density")
    expect(main).not_to_have_attribute("aria-busy", "true")
    expect(status).to_have_text("")
