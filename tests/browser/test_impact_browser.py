"""The impact page in a real browser on the fixture database (its hand-made impact rows,
tests/dashboard/fixtures.py): figures, the year and exposure in the URL, a pasted link,
back and forward, a CSV, Welsh, and axe-core in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import describe, run_axe
from tests.browser.charts import csv_lines, scroll_to_every_chart

pytestmark = pytest.mark.browser

BANDS_TABLE = "#impact-bands-table"


def _choose(page: Page, dropdown_id: str, option: str) -> None:
    page.locator(f"#{dropdown_id}").click()
    page.get_by_role("option", name=option, exact=True).click()


def _expect_loaded(page: Page) -> None:
    expect(page.locator("#impact-main .headline")).to_have_count(4)
    assert scroll_to_every_chart(page) == 2
    expect(page.locator(".js-plotly-plot")).to_have_count(2)


def test_impact_page_shows_the_main_estimate_and_its_caveats(page: Page, server_url: str) -> None:
    page.goto(server_url + "/impact")
    _expect_loaded(page)
    expect(page.locator("h1")).to_have_text("Collaboration and improvement")
    expect(page).to_have_title("Collaboration and improvement · plcnet")
    expect(page.locator("#impact-main-text")).to_contain_text(
        "Schools improved by 1.25 attainment points more on average"
    )
    expect(page.locator("#impact-main-estimate .headline-value")).to_have_text("1.25 points")
    expect(page.locator("#impact-main-interval .headline-value")).to_have_text("0.86 to 1.64")
    expect(page.locator("#impact-main-schools .headline-value")).to_have_text("40")
    expect(page.locator("#impact-main-observations .headline-value")).to_have_text("80")
    expect(page.locator("#impact-caveats li")).to_have_count(4)
    expect(page.locator("#impact-demo-note")).to_contain_text("adds 1.0 attainment points")
    expect(page.locator("#impact-variants-table tbody tr")).to_have_count(5)
    expect(page.locator(BANDS_TABLE)).to_contain_text("2018/19: schools")


def test_year_and_exposure_change_the_bands_and_the_url(page: Page, server_url: str) -> None:
    page.goto(server_url + "/impact")
    _expect_loaded(page)
    _choose(page, "impact-year", "2017/18")
    expect(page).to_have_url(re.compile(r"/impact\?year=2017/18$"))
    expect(page.locator(BANDS_TABLE)).to_contain_text("2017/18: schools")
    expect(page.locator(f"{BANDS_TABLE} tbody tr").nth(2)).to_contain_text(
        "3.00 (one school: no interval)"
    )
    _choose(page, "impact-exposure", "Partner schools in the green category")
    expect(page).to_have_url(re.compile(r"/impact\?year=2017/18&exposure=green_ties$"))
    expect(page.locator(f"{BANDS_TABLE} caption")).to_contain_text(
        "Partner schools in the green category in the year; all years and 2017/18"
    )
    expect(page.locator(f"{BANDS_TABLE} tbody tr").first).to_contain_text("0.90 (0.50 to 1.30)")
    # The estimates do not follow the view: they pool every year.
    expect(page.locator("#impact-main-estimate .headline-value")).to_have_text("1.25 points")


def test_pasted_link_reproduces_the_view_and_back_and_forward_work(
    page: Page, server_url: str
) -> None:
    page.goto(server_url + "/impact?year=2016/17&exposure=green_ties")
    _expect_loaded(page)
    expect(page.locator("#impact-year")).to_contain_text("2016/17")
    expect(page.locator("#impact-exposure")).to_contain_text("Partner schools in the green")
    expect(page.locator(BANDS_TABLE)).to_contain_text(
        "No change in attainment is recorded for 2016/17."
    )
    _choose(page, "impact-year", "2018/19")
    expect(page.locator(BANDS_TABLE)).to_contain_text("2018/19: schools")
    page.go_back()
    expect(page.locator("#impact-year")).to_contain_text("2016/17")
    expect(page.locator(BANDS_TABLE)).to_contain_text("No change in attainment is recorded")
    page.go_forward()
    expect(page.locator("#impact-year")).to_contain_text("2018/19")
    expect(page.locator(f"{BANDS_TABLE} tbody tr").first).to_contain_text("1.10 (0.50 to 1.70)")


def test_csv_download_names_the_view_and_holds_its_numbers(page: Page, server_url: str) -> None:
    page.goto(server_url + "/impact?year=2017/18")
    _expect_loaded(page)
    with page.expect_download() as download_info:
        page.get_by_role(
            "button", name="Download CSV: improvement by band of collaboration"
        ).click()
    download = download_info.value
    assert download.suggested_filename == "plcnet-impact-bands-2017-18-wales.csv"
    lines = csv_lines(Path(download.path()))
    assert "Deep cross-school PLCs,1,2017/18,15,15,1.25,0.8,1.7" in lines


def test_impact_page_in_welsh(page: Page, server_url: str) -> None:
    page.goto(server_url + "/impact?lang=cy")
    _expect_loaded(page)
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("h1")).to_have_text("Cydweithio a gwella")
    expect(page.locator("#impact-main-text")).to_contain_text(
        "Gwellodd ysgolion 1.25 pwynt cyrhaeddiad yn fwy ar gyfartaledd"
    )
    expect(page.locator("#impact-caveats h2")).to_have_text(
        "Beth mae'r ffigurau hyn yn ei ddangos a beth nad ydynt yn ei ddangos"
    )
    _choose(page, "impact-exposure", "Ysgolion partner yn y categori gwyrdd")
    expect(page).to_have_url(re.compile(r"/impact\?year=2018/19&exposure=green_ties&lang=cy$"))


@pytest.mark.parametrize(
    ("query", "lang"),
    [("", "en"), ("?year=2016/17&exposure=green_ties&lang=cy", "cy")],
    ids=["english", "welsh"],
)
def test_impact_has_no_serious_or_critical_violations(
    page: Page, server_url: str, query: str, lang: str
) -> None:
    page.goto(server_url + "/impact" + query)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    _expect_loaded(page)
    violations = run_axe(page)
    assert violations == [], describe(violations)
