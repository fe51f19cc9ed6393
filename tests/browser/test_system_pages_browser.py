"""The pages of a system with no outcomes, no focus areas and no map, through the real
server in Chromium: the fixture database with the plain island recorded as its system
(tests/data/systems/plain_island.toml, standing for England's GIAS data). Each page
says plainly what the system lacks, draws no empty chart, names the island's levels,
keeps working when a filter changes (the hidden parts still take their callback's
outputs: the page logs no error), and axe finds nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Page, expect

from etl.settings_table import record_system
from etl.systems import load_system
from tests.browser.axe import describe, run_axe
from tests.browser.charts import scroll_to_chart
from tests.browser.watch import CallbackWatch
from tests.dashboard.fixtures import build_overview_db
from tests.serving import serving

pytestmark = pytest.mark.browser

PLAIN_ISLAND = Path(__file__).resolve().parents[1] / "data" / "systems" / "plain_island.toml"
NO_OUTCOMES = "This system has no outcome data"


@pytest.fixture(scope="module")
def island_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard serving the plain island."""
    db = build_overview_db(tmp_path_factory.mktemp("plain_island") / "plcnet.duckdb")
    with duckdb.connect(str(db)) as con:
        record_system(con, load_system(PLAIN_ISLAND))
    with serving(db) as served:
        yield served.url


def open_quiet(page: Page, url: str) -> None:
    """Open ``url`` and wait until the page's callbacks are done."""
    watch = CallbackWatch(page)
    page.goto(url)
    expect(page.locator("h1")).to_be_visible()
    watch.wait_until_quiet()


def assert_axe_clean(page: Page) -> None:
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_the_overview_says_it_has_no_outcomes_and_follows_its_filters(
    page: Page, island_url: str
) -> None:
    open_quiet(page, island_url + "/")
    expect(page.locator("#overview-support-absent")).to_have_text(NO_OUTCOMES)
    expect(page.locator("#overview-support-graph")).to_be_hidden()
    expect(page.locator("#overview-headlines-graph")).to_be_visible()
    expect(page.locator("label", has_text=re.compile("^Parish$"))).to_be_visible()
    expect(page.locator("#overview-headlines")).to_contain_text("Schools in at least one group")
    expect(page.locator("header .tagline")).to_have_text(
        "Groups across the schools of The Plain Island"
    )
    expect(page.locator("#shell-nav-list")).to_contain_text("Groups")
    expect(page.locator("#shell-nav-list")).not_to_contain_text("PLC")
    assert_axe_clean(page)
    # A filter changes: the callback fills the page (and its hidden support parts).
    watch = CallbackWatch(page)
    page.locator("#overview-la").click()
    page.get_by_role("option", name="Cardiff", exact=True).click()
    expect(page).to_have_url(re.compile(r"la=681"))
    expect(page.locator("#overview-scope")).to_contain_text("Cardiff")
    watch.wait_until_quiet()
    expect(page.locator("#overview-support-absent")).to_have_text(NO_OUTCOMES)


def test_the_impact_page_says_it_has_no_outcomes(page: Page, island_url: str) -> None:
    open_quiet(page, island_url + "/impact")
    expect(page.locator("main")).to_contain_text(NO_OUTCOMES)
    expect(page.locator("main")).to_contain_text("hold no attainment of its schools")
    expect(page.locator(".dash-graph:visible")).to_have_count(0)
    assert_axe_clean(page)


def test_the_school_page_has_no_support_chart(page: Page, island_url: str) -> None:
    open_quiet(page, island_url + "/school/6602001")
    expect(page.locator("#school-support-absent")).to_have_text(NO_OUTCOMES)
    expect(page.locator("#school-support-graph")).to_be_hidden()
    expect(page.locator("#school-card-category")).to_have_count(0)
    assert_axe_clean(page)


def test_the_network_has_no_map_and_no_focus_filter(page: Page, island_url: str) -> None:
    open_quiet(page, island_url + "/network?la=681")
    expect(page.locator("#network-focus")).to_be_hidden()
    expect(page.locator("main")).to_contain_text("hold no locations of its schools")
    page.locator("#network-view").click()
    expect(page.get_by_role("option", name=re.compile("^Map"))).to_have_count(0)
    expect(page.get_by_role("option", name="Network of parishes")).to_be_visible()
    page.keyboard.press("Escape")
    scroll_to_chart(page.locator("#network-schools-graph"))
    expect(page.locator("#network-schools-graph .js-plotly-plot")).to_be_visible()
    assert_axe_clean(page)


def test_the_regions_page_has_no_choropleth(page: Page, island_url: str) -> None:
    open_quiet(page, island_url + "/regions")
    expect(page.locator("h1")).to_have_text("Parishes and islands")
    expect(page.locator("#regions-map-absent")).to_have_text("No map for this system")
    expect(page.locator("#regions-map-graph")).to_be_hidden()
    assert_axe_clean(page)


def test_the_directory_names_groups(page: Page, island_url: str) -> None:
    open_quiet(page, island_url + "/plcs")
    expect(page.locator("h1")).to_have_text("Group directory")
    expect(page.locator("#plcs-focus")).to_be_hidden()
    expect(page).to_have_title(re.compile("^Group directory"))
    assert_axe_clean(page)
