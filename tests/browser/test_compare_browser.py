"""The compare page in a real browser on the fixture database: one load, one change of the
second year, the comparison drawn and both years in the URL; axe-core in both languages.

The fixture (tests/dashboard/fixtures.py), all of Wales: 2016/17 to 2018/19 gains A-B,
B-C, C-D, C-F, D-F and loses F-G, D-E (A-C kept); 2017/18 to 2018/19 gains C-D, D-F and
loses F-G (A-B, A-C, B-C, C-F kept).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import describe, run_axe
from tests.browser.charts import scroll_to_chart, scroll_to_every_chart

pytestmark = pytest.mark.browser


def _choose(page: Page, dropdown_id: str, option: str) -> None:
    page.locator(f"#{dropdown_id}").click()
    page.get_by_role("option", name=option, exact=True).click()


def test_the_comparison_draws_and_follows_the_second_year(page: Page, server_url: str) -> None:
    page.goto(server_url + "/compare?year=2018/19&with=2016/17")
    expect(page.locator("h1")).to_have_text("Compare two years")
    expect(page.locator("#compare-summary")).to_have_text(
        "From 2016/17 to 2018/19: ties gained 5, lost 2, kept 1; schools that joined PLCs 2, "
        "that left them 2."
    )
    # The network in brief: three bars a year, in two charts.
    scroll_to_chart(page.locator("#compare-network-graph"))
    expect(page.locator("#compare-network-graph .barlayer .trace")).to_have_count(6)
    expect(page.locator("#compare-ties-table tbody tr")).to_have_count(7)
    _choose(page, "compare-with", "2017/18")
    expect(page).to_have_url(re.compile(r"/compare\?year=2018/19&with=2017/18$"))
    expect(page.locator("#compare-summary")).to_have_text(
        "From 2017/18 to 2018/19: ties gained 2, lost 1, kept 4; schools that joined PLCs 1, "
        "that left them 1."
    )
    expect(page.locator("#compare-ties-table tbody tr")).to_have_count(3)
    expect(page.locator("#compare-scope")).to_have_text("2017/18 and 2018/19, Wales")
    # Each year's network drawn: for Wales, its LAs (3 with schools), both years.
    for which in ("earlier", "later"):
        graph = scroll_to_chart(page.locator(f"#compare-drawing-{which}-graph"))
        expect(graph.locator(".js-plotly-plot")).to_have_count(1)
        expect(graph.locator(".scatterlayer .point")).not_to_have_count(0)
    expect(page.locator("#compare-drawing-earlier-heading")).to_have_text("2017/18")


def test_the_focus_area_follows_into_every_part_and_the_url(page: Page, server_url: str) -> None:
    """Numeracy only: F-G (P2) and C-F (P3) in 2017/18; C-F, C-D and D-F (P3) in 2018/19;
    in numeracy PLCs C, F, G, then C, D, F. Touching GwE: C-F kept, C-D and D-F gained,
    D joined; drawn between two schools of GwE, C-D is the one tie gained."""
    page.goto(server_url + "/compare?year=2018/19&with=2017/18&consortium=GWE")
    scroll_to_chart(page.locator("#compare-drawing-later-graph"))
    _choose(page, "compare-focus", "Numeracy")
    expect(page).to_have_url(re.compile(r"focus=numeracy"))
    expect(page).to_have_url(re.compile(r"with=2017/18"))
    expect(page.locator("#compare-summary")).to_have_text(
        "From 2017/18 to 2018/19: ties gained 2, lost 0, kept 1; schools that joined PLCs 1, "
        "that left them 0."
    )
    legend = page.locator("#compare-drawing-later-graph .legend")
    expect(legend).to_contain_text("Ties gained (1)")
    page.reload()
    expect(page.locator("#compare-focus")).to_contain_text("Numeracy")
    scroll_to_chart(page.locator("#compare-drawing-later-graph"))
    expect(legend).to_contain_text("Ties gained (1)")
    # No tie of numeracy within GwE in 2017/18: none drawn, none lost.
    scroll_to_chart(page.locator("#compare-drawing-earlier-graph"))
    expect(page.locator("#compare-drawing-earlier-graph .legend")).not_to_contain_text("Ties")


@pytest.mark.parametrize(
    ("query", "lang", "title"),
    [
        ("?year=2018/19&with=2016/17", "en", "Compare two years"),
        ("?year=2017/18&with=2018/19&consortium=CSC&la=681&lang=cy", "cy", "Cymharu dwy flynedd"),
    ],
    ids=["english", "welsh"],
)
def test_compare_has_no_serious_or_critical_violations(
    page: Page, server_url: str, query: str, lang: str, title: str
) -> None:
    page.goto(server_url + "/compare" + query)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1")).to_have_text(title)
    assert scroll_to_every_chart(page) == 3
    violations = run_axe(page)
    assert violations == [], describe(violations)
