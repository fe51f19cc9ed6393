"""Charts below the fold are drawn when the reader comes to them, in Chromium
(dashboard/assets/charts-on-demand.js): until then a chart waits, its height kept, and
plotly.js is not loaded; scrolled to, it is drawn where it stood (no layout shift) and
answers clicks; before printing, every chart waiting is drawn."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.charts import scroll_to_chart
from tests.browser.watch import CallbackWatch

pytestmark = pytest.mark.browser

# The layout shifts of the page since it started, as Lighthouse counts them (not those
# right after an input).
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }
}).observe({type: "layout-shift", buffered: true});
"""
# Each chart: its id, its top on the page, its height, waiting or drawn.
READ_CHARTS = """
() => [...document.querySelectorAll(".dash-graph")].map((graph) => ({
    id: graph.id,
    top: graph.getBoundingClientRect().top + window.scrollY,
    height: graph.getBoundingClientRect().height,
    waiting: graph.querySelector("[data-chart-waiting]") !== null,
    drawn: graph.querySelector(".js-plotly-plot .main-svg") !== null,
}))
"""
FOLD = 600  # the viewport's height in these tests: every chart of the pages is below


def _open_quietly(page: Page, url: str) -> list[dict]:
    """Open ``url`` at 1280 x FOLD, wait until no callback has run for a while, and read
    its charts."""
    page.set_viewport_size({"width": 1280, "height": FOLD})
    page.add_init_script(RECORD_SHIFTS)
    watch = CallbackWatch(page)
    page.goto(url)
    watch.wait_until_quiet()
    page.wait_for_timeout(500)
    return page.evaluate(READ_CHARTS)


def test_a_chart_below_the_fold_is_drawn_only_when_scrolled_to(page: Page, server_url: str) -> None:
    plotly: list[str] = []
    page.on("request", lambda r: plotly.append(r.url) if "plotly" in r.url else None)
    charts = _open_quietly(page, server_url + "/regions?year=2018/19")
    assert len(charts) == 5
    assert all(c["top"] >= FOLD for c in charts), charts  # all below the fold
    assert all(c["waiting"] and not c["drawn"] for c in charts), charts
    assert plotly == []  # nothing drawn, so plotly.js not even loaded
    height = page.evaluate("document.documentElement.scrollHeight")

    # The reader scrolls to the last chart: it is drawn where it stood, in its room.
    last = charts[-1]
    scroll_to_chart(page.locator(f"#{last['id']}"))
    assert [url for url in plotly if "plotly-cartesian" in url] == plotly != []
    after = {c["id"]: c for c in page.evaluate(READ_CHARTS)}
    assert after[last["id"]]["drawn"] and not after[last["id"]]["waiting"]
    assert after[last["id"]]["height"] == last["height"]
    assert [after[c["id"]]["top"] for c in charts] == [c["top"] for c in charts]
    assert page.evaluate("document.documentElement.scrollHeight") == height
    # Scrolled past, the first chart is drawn too (within half a viewport); none moved.
    first = page.locator(f"#{charts[0]['id']}")
    scroll_to_chart(first)
    assert page.evaluate("window.__shifts") == []


def test_a_chart_drawn_late_answers_a_click(page: Page, server_url: str) -> None:
    """The network's click on a school opens its profile (dcc.Graph's clickData): the
    listeners it added while the chart waited are plotly's once it is drawn."""
    charts = _open_quietly(page, server_url + "/network?year=2018/19&view=map")
    network = next(c for c in charts if c["id"] == "network-schools-graph")
    assert network["top"] >= FOLD and network["waiting"], network
    graph = scroll_to_chart(page.locator("#network-schools-graph"))
    page.wait_for_function(
        "document.querySelector('#network-schools-graph .js-plotly-plot')?._fullData?.length > 0"
    )
    x, y = page.evaluate(
        """() => {
            const gd = document.querySelector("#network-schools-graph .js-plotly-plot");
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            const box = gd.getBoundingClientRect();
            // Ysgol Caernarfon (tests/dashboard/fixtures.py)
            return [box.left + xa._offset + xa.l2p(-4.27), box.top + ya._offset + ya.l2p(53.10)];
        }"""
    )
    page.mouse.move(x, y)
    expect(graph.locator(".hovertext")).to_contain_text("Ysgol Caernarfon")
    page.mouse.click(x, y)
    expect(page).to_have_url(re.compile(r"/school/6612001\?year=2018/19$"))
    expect(page.locator("h1")).to_have_text("Ysgol Caernarfon")


def test_printing_draws_every_chart_waiting(page: Page, server_url: str) -> None:
    charts = _open_quietly(page, server_url + "/regions?year=2018/19")
    scroll_to_chart(page.locator(f"#{charts[0]['id']}"))  # the reader began to read
    page.evaluate("window.scrollTo(0, 0)")
    waiting = page.evaluate(READ_CHARTS)
    assert any(c["waiting"] for c in waiting), waiting  # the last ones are far below
    page.pdf()  # Chromium prints the page: "beforeprint" first
    printed = page.evaluate(READ_CHARTS)
    assert all(c["drawn"] and not c["waiting"] for c in printed), printed
