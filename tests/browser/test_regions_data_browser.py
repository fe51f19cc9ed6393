"""The regions and data pages in a real browser on the fixture database: the measure and
the LA in the URL, a pasted link, back and forward, a CSV, Welsh, and axe-core."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import describe, run_axe
from tests.browser.charts import scroll_to_chart

pytestmark = pytest.mark.browser

MEASURE_HEADING = "#regions-measure-heading"


def _choose(page: Page, dropdown_id: str, option: str) -> None:
    page.locator(f"#{dropdown_id}").click()
    page.get_by_role("option", name=option, exact=True).click()


def _expect_regions_loaded(page: Page) -> None:
    expect(page.locator("h1")).to_have_text("Local authorities and consortia")
    expect(page.locator(MEASURE_HEADING)).to_contain_text("2018/19")


def test_measure_and_la_change_the_page_and_the_url(page: Page, server_url: str) -> None:
    page.goto(server_url + "/regions")
    _expect_regions_loaded(page)
    expect(page.locator(MEASURE_HEADING)).to_contain_text("Isolated schools")
    _choose(page, "regions-measure", "Density")
    expect(page).to_have_url(re.compile(r"/regions\?year=2018/19&measure=density$"))
    expect(page.locator(MEASURE_HEADING)).to_contain_text("Density")
    expect(page.locator("#regions-similar-heading")).to_have_text("Local authorities most alike")
    _choose(page, "regions-la", "Gwynedd")
    expect(page).to_have_url(
        re.compile(r"/regions\?year=2018/19&consortium=GWE&la=661&measure=density$")
    )
    expect(page.locator("#regions-similar-heading")).to_have_text(
        "Local authorities most like Gwynedd"
    )


def test_pasted_link_reproduces_the_view_and_back_and_forward_work(
    page: Page, server_url: str
) -> None:
    page.goto(server_url + "/regions?year=2017/18&measure=ei_index")
    expect(page.locator(MEASURE_HEADING)).to_contain_text("E-I index")
    expect(page.locator(MEASURE_HEADING)).to_contain_text("2017/18")
    expect(page.locator("#regions-measure")).to_contain_text("E-I index")
    _choose(page, "regions-year", "2016/17")
    expect(page.locator(MEASURE_HEADING)).to_contain_text("2016/17")
    page.go_back()
    expect(page.locator(MEASURE_HEADING)).to_contain_text("2017/18")
    expect(page.locator("#regions-year")).to_contain_text("2017/18")
    page.go_forward()
    expect(page.locator(MEASURE_HEADING)).to_contain_text("2016/17")


def test_csv_download_names_the_view(page: Page, server_url: str) -> None:
    page.goto(server_url + "/regions?year=2018/19&la=661&measure=density")
    expect(page.locator(MEASURE_HEADING)).to_contain_text("Density")
    with page.expect_download() as download_info:
        page.get_by_role(
            "button", name="Download CSV: the measure shown by local authority"
        ).click()
    download = download_info.value
    assert download.suggested_filename == "plcnet-regions-measure-2018-19-661-density.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    # Density 2018/19: Gwynedd's one tie within among 3 schools, 1/3 (fixtures.py).
    assert "661,Gwynedd,0.333333" in text.splitlines()


def test_map_is_drawn_offline_and_follows_the_measure(page: Page, server_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server_url + "/regions?year=2018/19")
    _expect_regions_loaded(page)
    scroll_to_chart(page.locator("#regions-map-graph"))
    areas = page.locator("#regions-map-graph .scatterlayer path.js-fill")
    expect(areas).to_have_count(3)
    expect(page.locator("#regions-map-graph .cbtitle")).to_contain_text("Isolated schools")
    _choose(page, "regions-measure", "Ties out")
    expect(page.locator("#regions-map-heading")).to_have_text("Map: Ties out, 2018/19")
    # The callback patches values and title only; the boundaries stay drawn.
    expect(page.locator("#regions-map-graph .cbtitle")).to_contain_text("Ties out")
    expect(areas).to_have_count(3)
    expect(page.locator("#regions-map-table")).to_contain_text("W06000015")
    outside = [url for url in requests if not url.startswith(server_url)]
    assert outside == [], "the map must not fetch anything from outside"


def test_consortium_and_sort_change_the_table_and_the_url(page: Page, server_url: str) -> None:
    page.goto(server_url + "/regions?year=2018/19")
    _expect_regions_loaded(page)
    table = page.locator("#regions-measures-table")
    _choose(page, "regions-sort", "E-I index, highest first")
    expect(page).to_have_url(re.compile(r"\?year=2018/19&sort=ei_index-desc$"))
    expect(table.locator("th[aria-sort=descending]")).to_have_text("E-I index")
    # E-I 2018/19: Cardiff 1, Gwynedd 3/5, Anglesey 1/3: the first LA row is Cardiff's.
    expect(table.locator("tbody").first.locator("tr").nth(1).locator("th")).to_have_text("Cardiff")
    _choose(page, "regions-consortium", "GwE")
    expect(page).to_have_url(re.compile(r"\?year=2018/19&consortium=GWE&sort=ei_index-desc$"))
    expect(table.locator("tbody").first).not_to_contain_text("Cardiff")
    expect(table.locator("tbody").first.locator("tr").nth(1).locator("th")).to_have_text("Gwynedd")
    expect(page.locator("#regions-la-pairs-table")).to_contain_text(
        "Ties between the local authorities of GwE"
    )


def test_data_page_lists_refreshes_and_hides_member_ids(page: Page, server_url: str) -> None:
    page.goto(server_url + "/data")
    expect(page.locator("h1")).to_have_text("The data")
    runs = page.locator("#data-runs-table")
    expect(runs).to_contain_text("20190901T101500-a1b2")
    expect(runs).not_to_contain_text("20190902T090000-c3d4")  # the failed run
    rows = page.locator("#data-rejected-rows-table")
    expect(rows).to_contain_text("Hidden (member id)")
    expect(rows).not_to_contain_text("m02")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV: rows set aside by reason").click()
    assert download_info.value.suggested_filename == (
        "plcnet-data-rejected-20190901T101500-a1b2.csv"
    )


@pytest.mark.parametrize(
    "path",
    [
        "/regions",
        "/regions?year=2017/18&la=661&measure=density&lang=cy",
        "/data",
        "/data?lang=cy",
    ],
    ids=["regions-english", "regions-welsh", "data-english", "data-welsh"],
)
def test_regions_and_data_have_no_serious_or_critical_violations(
    page: Page, server_url: str, path: str
) -> None:
    page.goto(server_url + path)
    expect(page.locator("html")).to_have_attribute("lang", "cy" if "cy" in path else "en")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".chart-table").first).to_be_visible()
    violations = run_axe(page)
    assert violations == [], describe(violations)
