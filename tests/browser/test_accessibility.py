"""axe-core in Chromium: no serious or critical violation on the overview, in English
and in Welsh (tests/browser/axe.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import describe, run_axe

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
    expect(page.locator(".js-plotly-plot")).to_have_count(2)
    violations = run_axe(page)
    assert violations == [], describe(violations)
