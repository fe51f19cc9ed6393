"""The overview in a real browser: figures, filters, the URL, back and forward, landmarks."""

from __future__ import annotations

import re

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
