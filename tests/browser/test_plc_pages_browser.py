"""The PLC directory, a PLC's page and a school's profile in a real browser: filters and
the URL, search, sort and pages, opening a PLC and a school from the directory, back
and forward, pasted links, CSV files, unknown ids, and axe in English and Welsh.

Known answers come from the fixture's hand workings (tests/dashboard/fixtures.py) or,
on the demo Wales, from the published tables queried here directly.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.request import urlopen

import duckdb
import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import describe, run_axe
from tests.browser.charts import csv_lines, scroll_to_every_chart
from tests.browser.watch import CallbackWatch

pytestmark = pytest.mark.browser

P1 = "Literacy across Môn and Gwynedd"
P2 = "Cardiff numeracy"
P3 = "Maths across the regions"
P4 = "Wellbeing at Heath"
P6 = "Early years"


def _choose(page: Page, dropdown_id: str, option: str) -> None:
    page.locator(f"#{dropdown_id}").click()
    page.get_by_role("option", name=option, exact=True).click()


def _expect_plcs(page: Page, names: list[str]) -> None:
    expect(page.locator("#plcs-directory-table tbody th a")).to_have_text(names)


def test_directory_filters_then_opens_a_plc_and_a_school(page: Page, server_url: str) -> None:
    page.goto(server_url + "/plcs")
    expect(page.locator("h1")).to_have_text("PLC directory")
    expect(page).to_have_title("PLC directory · plcnet")
    _expect_plcs(page, [P1, P3, P4])
    expect(page.locator("#plcs-status")).to_have_text(
        "PLCs 1 to 3 of 3 (0 flagged shallow). Page 1 of 1."
    )
    _choose(page, "plcs-consortium", "GwE")
    expect(page).to_have_url(re.compile(r"/plcs\?year=2018/19&consortium=GWE$"))
    expect(page.locator("#plcs-scope")).to_have_text("PLCs active in 2018/19, GwE")
    _expect_plcs(page, [P1, P3])
    _choose(page, "plcs-focus", "Numeracy")
    expect(page).to_have_url(re.compile(r"consortium=GWE&focus=numeracy$"))
    _expect_plcs(page, [P3])

    page.get_by_role("link", name=P3).click()
    expect(page).to_have_url(re.compile(r"/plc/P3\?year=2018/19$"))
    expect(page.locator("h1")).to_have_text(P3)
    expect(page).to_have_title(f"{P3}: PLC · plcnet")
    # 94 of 100, withheld with the 3 members it would reveal (docs/measures.md).
    expect(page.locator("#plc-card-health .headline-value")).to_have_text("c")
    expect(page.locator("#plc-cycle-summary")).to_have_text("6 of 6 stages reached in 2018/19.")

    page.locator("#plc-members-table").get_by_role("link", name="Fairwater Primary").click()
    expect(page).to_have_url(re.compile(r"/school/6812001\?year=2018/19$"))
    expect(page.locator("h1")).to_have_text("Fairwater Primary")
    expect(page.locator("#school-card-partners .headline-value")).to_have_text("2")

    page.go_back()
    expect(page.locator("h1")).to_have_text(P3)
    page.go_back()
    expect(page.locator("h1")).to_have_text("PLC directory")
    _expect_plcs(page, [P3])
    page.go_forward()
    expect(page.locator("h1")).to_have_text(P3)


def test_directory_searches_sorts_and_shows_shallow(page: Page, server_url: str) -> None:
    page.goto(server_url + "/plcs?year=2017/18")
    _expect_plcs(page, [P2, P1, P3, P4])
    page.get_by_label("Search PLC names").fill("across")
    _expect_plcs(page, [P1, P3])
    expect(page.locator("#plcs-status")).to_have_text(
        "PLCs 1 to 2 of 2 (0 flagged shallow). Page 1 of 1."
    )
    page.get_by_label("Search PLC names").fill("")
    _expect_plcs(page, [P2, P1, P3, P4])
    # Health in 2017/18 (P1 91.67, P3 50, P4 33.33, P2 16.67) is "c" in every row, the
    # members being under 5: sorted by it, the rows keep the order of their names.
    _choose(page, "plcs-sort", "Health score")
    _choose(page, "plcs-order", "Descending")
    expect(page).to_have_url(re.compile(r"\?year=2017/18&sort=health&order=desc$"))
    _expect_plcs(page, [P2, P1, P3, P4])
    expect(page.get_by_role("columnheader", name="Health score")).to_have_attribute(
        "aria-sort", "descending"
    )
    _choose(page, "plcs-show", "Shallow PLCs only")
    _expect_plcs(page, [P2])
    expect(page.locator("#plcs-directory-table tbody td").last).to_have_text(
        "Yes: Met, but never analysed learners' data nor reviewed impact; "
        "Fewer than one activity a term"
    )
    page.go_back()
    _expect_plcs(page, [P2, P1, P3, P4])


def test_pasted_directory_link_reproduces_the_view(page: Page, server_url: str) -> None:
    page.goto(server_url + "/plcs?year=2016/17&consortium=CSC&show=shallow&sort=health&order=desc")
    expect(page.locator("#plcs-year")).to_contain_text("2016/17")
    expect(page.locator("#plcs-consortium")).to_contain_text("Central South Consortium")
    expect(page.locator("#plcs-sort")).to_contain_text("Health score")
    expect(page.locator("#plcs-show")).to_contain_text("Shallow PLCs only")
    _expect_plcs(page, [P2, P6])  # health 39.81 and 16.67, both "c": by name


def test_directory_csv_names_the_view_and_holds_every_plc(page: Page, server_url: str) -> None:
    page.goto(server_url + "/plcs?year=2016/17&show=shallow")
    _expect_plcs(page, [P2, P6, "Gwynedd digital skills"])
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV: every PLC listed for these filters").click()
    download = download_info.value
    assert download.suggested_filename == "plcnet-plcs-directory-2016-17-wales-shallow.csv"
    lines = csv_lines(Path(download.path()))
    assert [line.split(",")[0] for line in lines[1:]] == ["P2", "P6", "P5"]
    # Health 39.8 would tell the 2 members: "c" with them.
    assert lines[1].startswith("P2,Cardiff numeracy,Numeracy,Between schools,Cardiff,1,2,c,3,c,")


def test_directory_pages_from_the_keyboard_on_the_demo(
    page: Page, demo_server_url: str, demo_db: Path
) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        # Independent of the page's SQL: PLCs active by their dates with a member whose
        # membership overlaps the latest year.
        year, total = con.execute(
            """
            SELECT y.year, count(DISTINCT p.plc_id)
            FROM academic_years y
            JOIN plcs p ON p.start_date <= y.end_date
                AND (p.end_date IS NULL OR p.end_date >= y.start_date)
            JOIN plc_memberships m ON m.plc_id = p.plc_id AND m.joined <= y.end_date
                AND (p.end_date IS NULL OR m.joined <= p.end_date)
                AND (m."left" IS NULL OR m."left" >= y.start_date)
                AND (m."left" IS NULL OR m."left" >= p.start_date)
            WHERE y.year = (SELECT max(year) FROM academic_years WHERE has_plc_data)
            GROUP BY y.year
            """
        ).fetchone()
    finally:
        con.close()
    pages = -(-total // 25)
    callbacks = CallbackWatch(page)
    page.goto(demo_server_url + "/plcs")
    # The view's first callback starts the directory again at page 1: a step taken
    # before it has answered is undone (as it would be for a user that quick).
    callbacks.wait_until_quiet()
    status = page.locator("#plcs-status")
    expect(status).to_contain_text(f"PLCs 1 to 25 of {total:,} (")
    expect(status).to_contain_text(f"Page 1 of {pages}.")
    expect(page.locator("#plcs-directory-table tbody tr")).to_have_count(25)
    expect(page.get_by_role("button", name="Previous page")).to_be_disabled()
    page.get_by_role("button", name="Next page").focus()
    page.keyboard.press("Enter")
    expect(status).to_contain_text(f"PLCs 26 to 50 of {total:,} (")
    expect(status).to_contain_text(f"Page 2 of {pages}.")
    expect(page.get_by_role("button", name="Previous page")).to_be_enabled()
    page.get_by_role("button", name="Previous page").press("Enter")
    expect(status).to_contain_text("Page 1 of")
    expect(page).to_have_url(re.compile(rf"/plcs$|/plcs\?year={re.escape(year)}$"))


def test_school_profile_follows_the_year_and_links_to_partners(page: Page, server_url: str) -> None:
    page.goto(server_url + "/school/6612001?year=2018/19")
    expect(page.locator("h1")).to_have_text("Ysgol Caernarfon")
    expect(page).to_have_title("Ysgol Caernarfon: school profile · plcnet")
    expect(page.locator("#school-card-partners .headline-value")).to_have_text("4")
    expect(page.locator("#school-card-category .headline-value")).to_have_text("Yellow")
    _choose(page, "school-year", "2016/17")
    expect(page).to_have_url(re.compile(r"/school/6612001\?year=2016/17$"))
    expect(page.locator("#school-glance-heading")).to_have_text("2016/17 at a glance")
    expect(page.locator("#school-card-partners .headline-value")).to_have_text("1")
    expect(page.locator("#school-card-category .headline-value")).to_have_text("Amber")
    expect(page.locator("#school-partners-table tbody th a")).to_have_text(["Ysgol Aber"])
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV: the school's partner schools").click()
    download = download_info.value
    assert download.suggested_filename == "plcnet-school-6612001-partners-2016-17.csv"
    lines = csv_lines(Path(download.path()))
    assert lines[1] == "Ysgol Aber,6602001,Isle of Anglesey,Primary,Green,1,Yes"

    page.locator("#school-partners-table").get_by_role("link", name="Ysgol Aber").click()
    expect(page).to_have_url(re.compile(r"/school/6602001\?year=2016/17$"))
    expect(page.locator("h1")).to_have_text("Ysgol Aber")
    page.go_back()
    expect(page.locator("h1")).to_have_text("Ysgol Caernarfon")
    expect(page.locator("#school-year")).to_contain_text("2016/17")
    page.go_back()
    expect(page.locator("#school-card-partners .headline-value")).to_have_text("4")


def test_plc_page_follows_the_year_and_downloads_its_review(page: Page, server_url: str) -> None:
    page.goto(server_url + "/plc/P1?year=2018/19")
    # 56 and 50 of 100, withheld with the members (3, 2) they would reveal.
    expect(page.locator("#plc-card-health .headline-value")).to_have_text("c")
    expect(page.locator("#plc-cycle-summary")).to_have_text(
        "3 of 6 stages reached in 2018/19. Missing: Set goals, Research, Plan."
    )
    _choose(page, "plc-year", "2016/17")
    expect(page).to_have_url(re.compile(r"/plc/P1\?year=2016/17$"))
    expect(page.locator("#plc-year-heading")).to_have_text("In 2016/17")
    expect(page.locator("#plc-card-health .headline-value")).to_have_text("c")
    expect(page.locator("#plc-members-table tbody th a")).to_have_text(
        ["Ysgol Aber", "Ysgol Caernarfon"]
    )
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV: review scores by feature and year").click()
    download = download_info.value
    assert download.suggested_filename == "plcnet-plc-P1-review-2016-17.csv"
    lines = csv_lines(Path(download.path()))
    # No PLC was reviewed in 2016/17 but P2: its scores are the mean of all PLCs.
    assert lines[0] == 'Feature,2017/18,2018/19,"Mean of all PLCs, 2016/17"'
    assert lines[1] == "Focus on learners,4,5,2.00"


def test_pasted_welsh_link_keeps_the_language_in_every_link(page: Page, server_url: str) -> None:
    page.goto(server_url + "/plc/P2?year=2016/17&lang=cy")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("#plc-year-heading")).to_have_text("Yn 2016/17")
    expect(page.locator("#plc-card-shallow .headline-value")).to_have_text(
        "Wedi'i nodi'n arwynebol"
    )
    page.locator("#plc-members-table").get_by_role("link", name="Grangetown Primary").click()
    expect(page).to_have_url(re.compile(r"/school/6812002\?year=2016/17&lang=cy$"))
    expect(page.locator("#school-glance-heading")).to_have_text("2016/17 yn gryno")


@pytest.mark.parametrize(
    ("path", "heading", "message"),
    [
        ("/plc/NOPE", "PLC not found", "No PLC has the id NOPE in the published data."),
        ("/school/6619999", "School not found",
         "No school has the number 6619999 in the published data."),
        ("/school/abc?lang=cy", "Ni chafwyd hyd i'r ysgol",
         "Nid oes gan unrhyw ysgol y rhif abc yn y data a gyhoeddwyd."),
    ],
)  # fmt: skip
def test_unknown_ids_get_a_message_and_a_way_back(
    page: Page, server_url: str, path: str, heading: str, message: str
) -> None:
    with urlopen(server_url + path) as response:
        assert response.status == 200
    page.goto(server_url + path)
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.get_by_role("alert")).to_have_text(message)
    expect(page.locator("main p a")).to_have_count(1)


@pytest.mark.parametrize(
    "path",
    [
        "/plcs",
        "/plcs?year=2016/17&consortium=GWE&show=shallow&sort=health&lang=cy",
        "/plc/P1?year=2018/19",
        "/plc/P2?year=2016/17&lang=cy",
        "/school/6612001?year=2018/19",
        "/school/6612001?year=2017/18&lang=cy",
        "/plc/NOPE",
    ],
)
def test_pages_have_no_serious_or_critical_violations(
    page: Page, server_url: str, path: str
) -> None:
    page.goto(server_url + path)
    expect(page.locator("h1")).to_have_count(1)
    lang = "cy" if "lang=cy" in path else "en"
    expect(page.locator("html")).to_have_attribute("lang", lang)
    if "NOPE" not in path:
        expect(page.locator("main table caption").first).to_be_visible()
    # Each chart drawn as the reader scrolls to it (assets/charts-on-demand.js).
    if path.startswith("/plc/P"):
        assert scroll_to_every_chart(page) == 2
        expect(page.locator(".js-plotly-plot")).to_have_count(2)
    if path.startswith("/school/"):
        assert scroll_to_every_chart(page) == 3
        expect(page.locator(".js-plotly-plot")).to_have_count(3)
    violations = run_axe(page)
    assert violations == [], describe(violations)
