"""The overview in a real browser: figures, filters, the URL, back and forward, landmarks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

MEASURES = ("schools-in-plcs", "active-plcs", "cross-la-share", "isolated-schools")


def _expect_headlines(page: Page, values: tuple[str, str, str, str]) -> None:
    for measure, value in zip(MEASURES, values, strict=True):
        expect(page.locator(f"#overview-headline-{measure} .headline-value")).to_have_text(value)


def _choose(page: Page, dropdown_id: str, option: str) -> None:
    page.locator(f"#{dropdown_id}").click()
    page.get_by_role("option", name=option, exact=True).click()


def test_overview_shows_the_headline_figures(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    expect(page.locator("h1")).to_have_text("System overview")
    _expect_headlines(page, ("6", "3", "66.7%", "3"))
    expect(page.locator("#overview-headline-active-plcs .headline-change")).to_have_text(
        "Down 1 on 2017/18"
    )
    expect(page.locator("#shell-demo-notice")).to_contain_text("Demonstration data")
    expect(page.locator("#shell-as-at")).to_have_text(
        "Data as at 1 September 2019 10:16 · refresh 20190901T101500-a1b2"
    )


def test_consortium_filter_changes_figures_and_url(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    _expect_headlines(page, ("6", "3", "66.7%", "3"))
    _choose(page, "overview-consortium", "GwE")
    _expect_headlines(page, ("4", "2", "66.7%", "1"))
    expect(page).to_have_url(re.compile(r"\?year=2018/19&consortium=GWE$"))
    expect(page.locator("#overview-scope")).to_have_text("Headline figures, 2018/19, GwE")
    page.locator("#overview-la").click()
    expect(page.get_by_role("option")).to_have_text(["Gwynedd", "Isle of Anglesey"])


def test_back_and_forward_restore_the_view(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    _choose(page, "overview-consortium", "Central South Consortium")
    _expect_headlines(page, ("2", "2", "100.0%", "2"))
    page.go_back()
    expect(page.locator("#overview-consortium")).to_contain_text("All consortia")
    _expect_headlines(page, ("6", "3", "66.7%", "3"))
    page.go_forward()
    expect(page.locator("#overview-consortium")).to_contain_text("Central South Consortium")
    _expect_headlines(page, ("2", "2", "100.0%", "2"))


def test_pasted_link_reproduces_the_view(page: Page, server_url: str) -> None:
    page.goto(server_url + "/?year=2017/18&la=661")
    expect(page.locator("#overview-year")).to_contain_text("2017/18")
    expect(page.locator("#overview-consortium")).to_contain_text("GwE")
    expect(page.locator("#overview-la")).to_contain_text("Gwynedd")
    _expect_headlines(page, ("1", "2", "100.0%", "2"))
    expect(page.locator("#overview-scope")).to_have_text("Headline figures, 2017/18, Gwynedd")


def test_page_declares_language_landmarks_and_labels(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    expect(page.locator("#overview-headlines .headline")).to_have_count(4)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main")).to_have_count(1)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("button", name="Local authority")).to_have_count(1)
    expect(page.locator("table caption")).to_have_count(2)


def test_skip_link_comes_first_and_moves_focus_to_main(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    expect(page.locator("#overview-headlines .headline")).to_have_count(4)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_language_link_switches_to_welsh_and_keeps_the_view(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    _choose(page, "overview-consortium", "GwE")
    _expect_headlines(page, ("4", "2", "66.7%", "1"))
    page.get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(re.compile(r"\?year=2018/19&consortium=GWE&lang=cy$"))
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("h1")).to_have_text("Trosolwg o'r system")
    expect(page).to_have_title("Trosolwg o'r system · plcnet")
    expect(page.locator("#overview-scope")).to_have_text("Prif ffigurau, 2018/19, GwE")
    _expect_headlines(page, ("4", "2", "66.7%", "1"))
    expect(page.locator("#shell-as-at")).to_have_text(
        "Data fel ar 1 Medi 2019 10:16 · adnewyddiad 20190901T101500-a1b2"
    )
    # Filters chosen in Welsh keep the language in the URL.
    _choose(page, "overview-la", "Ynys Môn")
    expect(page).to_have_url(re.compile(r"\?year=2018/19&consortium=GWE&la=660&lang=cy$"))
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#overview-scope")).to_have_text(
        "Headline figures, 2018/19, Isle of Anglesey"
    )


def test_sector_and_medium_filters_change_figures_and_url(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    _choose(page, "overview-sector", "Primary")
    _expect_headlines(page, ("5", "2", "66.7%", "1"))
    expect(page).to_have_url(re.compile(r"\?year=2018/19&sector=primary$"))
    _choose(page, "overview-medium", "Welsh medium")
    _expect_headlines(page, ("4", "2", "66.7%", "0"))
    expect(page).to_have_url(re.compile(r"\?year=2018/19&sector=primary&medium=welsh$"))
    expect(page.locator("#overview-scope")).to_have_text(
        "Headline figures, 2018/19, Wales, Primary, Welsh medium"
    )
    page.go_back()
    expect(page.locator("#overview-medium")).to_contain_text("All language media")
    _expect_headlines(page, ("5", "2", "66.7%", "1"))


def test_csv_download_names_the_view_and_holds_its_numbers(page: Page, server_url: str) -> None:
    page.goto(server_url + "/?year=2018/19&consortium=GWE")
    _expect_headlines(page, ("4", "2", "66.7%", "1"))
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV: headline figures by year").click()
    download = download_info.value
    assert download.suggested_filename == "plcnet-overview-headlines-2018-19-GWE.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.splitlines()[-1] == "2018/19,4,2,66.7,1"


def test_filters_work_from_the_keyboard(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    _expect_headlines(page, ("6", "3", "66.7%", "3"))
    page.locator("#overview-year").focus()
    page.keyboard.press("Tab")
    expect(page.locator("#overview-consortium")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("option")).to_have_count(2)
    page.get_by_role("option", name="GwE").press("Enter")
    _expect_headlines(page, ("4", "2", "66.7%", "1"))


def test_text_summary_follows_the_filters_and_the_language(page: Page, server_url: str) -> None:
    summary = page.locator("#overview-summary")
    page.goto(server_url + "/")
    expect(summary).to_contain_text(
        "In 2018/19, 6 schools (75.0%) were in at least one PLC, unchanged from 2017/18."
    )
    expect(summary).to_have_attribute("aria-live", "polite")
    _choose(page, "overview-consortium", "Central South Consortium")
    expect(summary).to_contain_text(
        "In 2018/19, 2 schools (66.7%) were in at least one PLC, down 1 on 2017/18."
    )
    expect(summary).to_contain_text("up 50.0 points on 2017/18")
    page.get_by_role("link", name="Cymraeg").click()
    expect(summary).to_contain_text(
        "Yn 2018/19, roedd 2 o ysgolion (66.7%) mewn o leiaf un CDP, gostyngiad o 1 ers 2017/18."
    )
