"""The network explorer in a real browser: the map, each filter and option in the URL, a
pasted link, back and forward, the CSV, a click on a school, and axe.

Numbers come from the fixture (tests/dashboard/fixtures.py); its 2018/19 ties are
A-B, A-C, B-C, C-D, C-F, D-F (see tests/dashboard/pages/test_network_data.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import describe, run_axe
from tests.browser.charts import csv_lines, scroll_to_chart

pytestmark = pytest.mark.browser

GRAPH = "#network-schools-graph .js-plotly-plot"


def _choose(page: Page, dropdown_id: str, option: str) -> None:
    page.locator(f"#{dropdown_id}").click()
    page.get_by_role("option", name=option, exact=True).click()


def _summary(page: Page, measure: str) -> str:
    row = page.locator("#network-summary tr", has=page.get_by_text(measure, exact=True))
    return row.locator("td").inner_text()


def _expect_schools_shown(page: Page, count: str) -> None:
    row = page.locator("#network-summary tr", has=page.get_by_text("Schools shown", exact=True))
    expect(row.locator("td")).to_have_text(count)


def _trace_names(page: Page) -> list[str]:
    scroll_to_chart(page.locator("#network-schools-graph"))  # drawn as the reader comes to it
    page.wait_for_function(f"document.querySelector('{GRAPH}')?._fullData?.length > 0")
    return page.evaluate(f"document.querySelector('{GRAPH}')._fullData.map(t => t.name)")


def _school_position(page: Page, lon: float, lat: float) -> tuple[float, float]:
    """Where a school's point is on the screen, from the plot's own axes."""
    page.locator(GRAPH).scroll_into_view_if_needed()
    return page.evaluate(
        """([selector, lon, lat]) => {
            const gd = document.querySelector(selector);
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            const box = gd.getBoundingClientRect();
            return [box.left + xa._offset + xa.l2p(lon), box.top + ya._offset + ya.l2p(lat)];
        }""",
        [GRAPH, lon, lat],
    )


def test_network_shows_schools_ties_summary_and_table(page: Page, server_url: str) -> None:
    page.goto(server_url + "/network?view=map")
    expect(page.locator("h1")).to_have_text("Network explorer")
    _expect_schools_shown(page, "8")
    assert _summary(page, "Ties between schools shown") == "6"
    assert _summary(page, "Schools without a location (not on the map)") == "1"
    assert _trace_names(page) == [
        "Local authority boundaries",
        "Ties through 1 PLC (6)",
        "Cardiff (3)",
        "Gwynedd (3)",
        "Isle of Anglesey (2)",
    ]
    expect(page.locator(f"{GRAPH} .legendtext").first).to_have_text("Ties through 1 PLC (6)")
    expect(page.locator("#network-schools-table caption")).to_have_text(
        "The schools shown by degree, Wales"
    )
    expect(page.locator("#network-schools-table tbody tr").first).to_contain_text(
        "Ysgol Caernarfon"
    )


def test_map_draws_offline(page: Page, server_url: str) -> None:
    hosts = set()
    page.on("request", lambda request: hosts.add(re.sub(r"^\w+://([^/:]+).*", r"\1", request.url)))
    page.goto(server_url + "/network?view=map")
    _expect_schools_shown(page, "8")
    _trace_names(page)
    # Drawn in SVG by plotly's cartesian bundle (no WebGL: dashboard/core/static.py).
    expect(page.locator(f"{GRAPH} .scatterlayer .trace").first).to_be_attached()
    assert hosts == {"127.0.0.1"}, "the map fetched something from elsewhere (tiles?)"


def test_each_filter_changes_the_figures_and_the_url(page: Page, server_url: str) -> None:
    page.goto(server_url + "/network")
    _expect_schools_shown(page, "8")
    _choose(page, "network-consortium", "GwE")
    expect(page).to_have_url(re.compile(r"/network\?year=2018/19&consortium=GWE$"))
    _expect_schools_shown(page, "5")
    assert _summary(page, "Ties to schools outside the selection") == "2"
    _choose(page, "network-la", "Gwynedd")
    expect(page).to_have_url(re.compile(r"\?year=2018/19&consortium=GWE&la=661$"))
    _expect_schools_shown(page, "3")
    _choose(page, "network-year", "2016/17")
    expect(page).to_have_url(re.compile(r"\?year=2016/17&consortium=GWE&la=661$"))
    # 2016/17 in Gwynedd: C, D, E; the tie D-E only (A-C leaves the LA).
    expect(page.locator("#network-summary-heading")).to_have_text("Summary, 2016/17, Gwynedd")
    assert _summary(page, "Ties between schools shown") == "1"
    _choose(page, "network-sector", "Primary")
    expect(page).to_have_url(re.compile(r"la=661&sector=primary$"))
    _expect_schools_shown(page, "2")
    _choose(page, "network-medium", "Welsh medium")
    expect(page).to_have_url(re.compile(r"sector=primary&medium=welsh$"))
    _expect_schools_shown(page, "2")
    assert _trace_names(page)[-1] == "Gwynedd (2)"


def test_view_colour_and_size_are_kept_in_the_url(page: Page, server_url: str) -> None:
    page.goto(server_url + "/network?year=2018/19&view=map")
    _expect_schools_shown(page, "8")
    scroll_to_chart(page.locator("#network-schools-graph"))  # drawn as the reader comes to it
    _choose(page, "network-colour", "Support category")
    expect(page).to_have_url(re.compile(r"/network\?year=2018/19&view=map&colour=category$"))
    expect(page.locator(f"{GRAPH} .legendtext")).to_have_text(
        ["Ties through 1 PLC (6)", "Green (4)", "Yellow (3)", "Amber (1)"]
    )
    _choose(page, "network-size", "Betweenness")
    expect(page).to_have_url(re.compile(r"colour=category&size=betweenness$"))
    expect(page.locator("#network-schools-table caption")).to_have_text(
        "The schools shown by betweenness, Wales"
    )
    page.go_back()
    expect(page).to_have_url(re.compile(r"colour=category$"))
    expect(page.locator("#network-size")).to_contain_text("Degree")
    page.go_back()
    expect(page.locator("#network-colour")).to_contain_text("Local authority")
    assert _trace_names(page)[2:] == ["Cardiff (3)", "Gwynedd (3)", "Isle of Anglesey (2)"]
    page.go_forward()
    expect(page.locator("#network-colour")).to_contain_text("Support category")


def test_force_layout_view_is_kept_in_the_url(page: Page, server_url: str) -> None:
    page.goto(server_url + "/network?year=2018/19&view=map")
    rule = page.locator("#network-rule")
    expect(rule).to_have_text("All 6 ties between the schools shown are drawn.")
    _choose(page, "network-view", "Force layout")
    expect(page).to_have_url(re.compile(r"/network\?year=2018/19&view=force$"))
    # No LA outlines in the force layout; H, not on the map, has a place in it.
    scroll_to_chart(page.locator("#network-schools-graph"))  # drawn as the reader comes to it
    expect(page.locator(f"{GRAPH} .legendtext").first).to_have_text("Ties through 1 PLC (6)")
    assert _trace_names(page)[0] == "Ties through 1 PLC (6)"
    assert _summary(page, "Schools not in the force layout") == "0"
    page.go_back()
    expect(page.locator("#network-view")).to_contain_text("Map of Wales")
    assert _trace_names(page)[0] == "Local authority boundaries"


def test_focus_filter_measures_the_focus_area_subgraph(page: Page, server_url: str) -> None:
    page.goto(server_url + "/network?year=2018/19&view=map")
    _expect_schools_shown(page, "8")
    _choose(page, "network-focus", "Numeracy")
    expect(page).to_have_url(re.compile(r"/network\?year=2018/19&focus=numeracy&view=map$"))
    # 2018/19: the one numeracy PLC, P3, ties C, D and F in a triangle.
    expect(page.locator("#network-summary-heading")).to_have_text(
        "Summary, 2018/19, Wales, Numeracy"
    )
    expect(page.locator("#network-rule")).to_contain_text(
        "All 3 ties through Numeracy PLCs are drawn."
    )
    assert _summary(page, "Ties between schools shown") == "3"
    assert _summary(page, "Components (isolated schools count as one each)") == "6"
    assert _trace_names(page)[1] == "Ties through 1 PLC (3)"


def test_pasted_link_reproduces_the_view(page: Page, server_url: str) -> None:
    page.goto(server_url + "/network?year=2017/18&la=681&colour=consortium&size=betweenness")
    expect(page.locator("#network-year")).to_contain_text("2017/18")
    expect(page.locator("#network-consortium")).to_contain_text("Central South Consortium")
    expect(page.locator("#network-la")).to_contain_text("Cardiff")
    expect(page.locator("#network-colour")).to_contain_text("Consortium")
    expect(page.locator("#network-size")).to_contain_text("Betweenness")
    # 2017/18 in Cardiff: F, G, H; the tie F-G; C-F leaves the LA.
    _expect_schools_shown(page, "3")
    assert _summary(page, "Ties between schools shown") == "1"
    assert _summary(page, "Ties to schools outside the selection") == "1"
    assert _trace_names(page)[-1] == "Central South Consortium (3)"


def test_csv_download_names_the_view_and_holds_its_numbers(page: Page, server_url: str) -> None:
    page.goto(server_url + "/network?year=2018/19&consortium=GWE&colour=category")
    _expect_schools_shown(page, "5")
    with page.expect_download() as download_info:
        page.get_by_role(
            "button", name="Download CSV: the schools shown with their figures"
        ).click()
    download = download_info.value
    assert download.suggested_filename == "plcnet-network-schools-2018-19-GWE-category.csv"
    lines = csv_lines(Path(download.path()))
    assert len(lines) == 1 + 5
    assert "6612001,Ysgol Caernarfon,Gwynedd,GwE,Primary,Welsh medium,Yellow,4,4," in lines[3]


def test_hover_names_a_school_and_a_click_opens_its_profile(page: Page, server_url: str) -> None:
    page.goto(server_url + "/network?year=2018/19&view=map&lang=cy")
    expect(page.locator("#network-summary td").first).to_have_text("8")
    _trace_names(page)
    x, y = _school_position(page, -4.27, 53.10)  # Ysgol Caernarfon (C)
    page.mouse.move(x, y)
    expect(page.locator(f"{GRAPH} .hovertext")).to_contain_text("Ysgol Caernarfon")
    expect(page.locator(f"{GRAPH} .hovertext")).to_contain_text("Melyn")
    page.mouse.click(x, y)
    expect(page).to_have_url(re.compile(r"/school/6612001\?year=2018/19&lang=cy$"))
    expect(page.locator("h1")).to_have_text("Ysgol Caernarfon")


def test_table_links_open_a_school_from_the_keyboard(page: Page, server_url: str) -> None:
    page.goto(server_url + "/network?year=2018/19&la=660")
    link = page.get_by_role("link", name="Ysgol Aber")
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/school/6602001\?year=2018/19$"))
    expect(page.locator("h1")).to_have_text("Ysgol Aber")


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("", "en"),
        ("?year=2017/18&consortium=GWE&colour=category&lang=cy", "cy"),
        ("?year=2018/19&focus=numeracy&view=force&colour=role&lang=cy", "cy"),
    ],
    ids=["english", "welsh", "welsh-force-focus"],
)
def test_network_has_no_serious_or_critical_violations(
    page: Page, server_url: str, query: str, lang: str
) -> None:
    page.goto(server_url + "/network" + query)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    _trace_names(page)
    expect(page.locator("#network-schools-table table")).to_have_count(1)
    violations = run_axe(page)
    assert violations == [], describe(violations)
