"""Every page on England, through the real server in Chromium: the shipped GIAS snapshot
of 21 March 2022 refreshed through the real CLI (tests/conftest.py
``england_published``). Each page opens with no failed callback and no error in the
console, axe finds nothing, and the page shows England's own figures, counted here
with SQL written in the test: the overview's schools in a group that ties, groups and
schools in no tie; the network drawn in a force layout (no map); 153 LAs and 9 regions;
a trust's page with its kind, schools and LAs spanned; a school's page with its
groups."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import describe, run_axe
from tests.browser.charts import scroll_to_chart
from tests.browser.watch import CallbackWatch
from tests.serving import serving

pytestmark = pytest.mark.browser

YEAR = "2021/22"
# A multi-academy trust whose three schools are in three LAs, and one of its schools.
TRUST, TRUST_NAME = "3956", "NAS ACADEMIES TRUST"
SCHOOL = 141559


@pytest.fixture(scope="module")
def england_url(england_published: Path) -> Iterator[str]:
    with serving(england_published) as served:
        yield served.url


@pytest.fixture(scope="module")
def counted(england_published: Path) -> dict[str, int]:
    """England's figures by SQL of the test's own over the loaded rows: groups of the
    kinds that tie (group_kinds.ties) and open that year."""
    tying = """
        select m.plc_id, m.school_id from plc_memberships as m
        join plcs as p using (plc_id)
        join group_kinds as k on k.kind = p.group_kind
        join group_status as g on g.plc_id = p.plc_id and g.year = $year
        where k.ties and g.status = 'open'
    """
    with duckdb.connect(str(england_published), read_only=True) as con:

        def one(sql: str) -> int:
            params = {"year": YEAR} if "$year" in sql else {}
            return int(con.execute(sql, params).fetchone()[0])

        return {
            "in_groups": one(f"select count(distinct school_id) from ({tying})"),
            "groups": one(f"select count(distinct plc_id) from ({tying})"),
            "schools": one("select count(*) from schools"),
            "members": one("select count(distinct school_id) from plc_memberships"),
            "las": one("select count(*) from local_authorities"),
            "regions": one("select count(distinct consortium_code) from local_authorities"),
            "untied": one(
                "select count(*) from schools as s where not exists (select 1 from net_edges"
                " as e where e.year = $year and s.school_id in (e.school_a, e.school_b))"
            ),
        }


class Failures:
    """The failed responses (a callback's 500) and console errors of a page."""

    def __init__(self, page: Page) -> None:
        self.seen: list[str] = []
        page.on("console", lambda m: self.seen.append(m.text) if m.type == "error" else None)
        page.on(
            "response",
            lambda r: self.seen.append(f"{r.status} {r.url}") if r.status >= 500 else None,
        )


def open_page(page: Page, url: str) -> Failures:
    """Open ``url``, wait until its callbacks are done, and check it failed nowhere and
    axe finds nothing."""
    failures = Failures(page)
    watch = CallbackWatch(page)
    page.goto(url)
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    watch.wait_until_quiet()
    assert failures.seen == [], failures.seen
    violations = run_axe(page)
    assert violations == [], describe(violations)
    return failures


def test_the_overview_gives_englands_figures(
    page: Page, england_url: str, counted: dict[str, int]
) -> None:
    open_page(page, england_url + "/")
    expect(page.locator("header .tagline")).to_contain_text("England")
    headlines = page.locator("#overview-headlines")
    expect(headlines).to_contain_text(f"{counted['in_groups']:,}")
    expect(headlines).to_contain_text(f"{counted['groups']:,}")
    expect(headlines).to_contain_text(f"{counted['untied']:,}")
    # Schools only in single-academy trusts or sponsors are in no group that ties.
    assert counted["in_groups"] < counted["members"]
    expect(headlines).not_to_contain_text(f"{counted['members']:,}")


@pytest.mark.parametrize("width", [1366, 390])
def test_the_network_is_drawn_without_a_map(page: Page, england_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, england_url + "/network?la=330")  # Birmingham
    expect(page.locator("main")).to_contain_text("force layout, not on a map")
    scroll_to_chart(page.locator("#network-schools-graph"))
    expect(page.locator("#network-schools-graph .js-plotly-plot")).to_be_visible()
    page.locator("#network-view").click()
    expect(page.get_by_role("option", name=re.compile("^Map"))).to_have_count(0)
    page.keyboard.press("Escape")


def test_the_network_of_las_names_the_largest(page: Page, england_url: str) -> None:
    open_page(page, england_url + "/network")
    scroll_to_chart(page.locator("#network-schools-graph"))
    drawn = page.locator(".js-plotly-plot .textpoint")
    expect(drawn.first).to_be_visible()
    assert 10 < drawn.count() < 60  # not 153 names one over the other


def test_regions_lists_153_las_and_9_regions(
    page: Page, england_url: str, counted: dict[str, int]
) -> None:
    assert (counted["las"], counted["regions"]) == (153, 9)
    open_page(page, england_url + "/regions")
    expect(page.locator("h1")).to_have_text("Local authorities and regions")
    expect(page.locator("#regions-map-absent")).to_be_visible()
    expect(page.locator("main")).to_contain_text("There are 153 local authorities")


def test_a_regions_las_and_the_similar_las(page: Page, england_url: str) -> None:
    open_page(page, england_url + "/regions?consortium=E12000005&la=330")
    expect(page.locator("main")).to_contain_text("Birmingham")
    scroll_to_chart(page.locator(".dash-graph:visible").first)
    expect(page.locator(".js-plotly-plot").first).to_be_visible()


def test_the_group_directory_lists_englands_groups(page: Page, england_url: str) -> None:
    open_page(page, england_url + "/plcs")
    expect(page.locator("h1")).to_have_text("Group directory")
    expect(page.locator("main table").first).to_be_visible()


def test_a_trusts_page_gives_its_kind_schools_and_las(page: Page, england_url: str) -> None:
    open_page(page, england_url + f"/plc/{TRUST}")
    expect(page.locator("h1")).to_have_text(TRUST_NAME)
    expect(page.locator("#plc-card-kind")).to_contain_text("Multi-academy trust")
    expect(page.locator("#plc-card-schools")).to_contain_text("3")
    expect(page.locator("#plc-card-las")).to_contain_text("3")
    expect(page.get_by_role("heading", name="Enquiry cycle")).to_be_hidden()
    members = page.get_by_role("table", name=re.compile("^Member schools of"))
    expect(members).to_contain_text("Lambeth")
    # No lead school and no support category in England's groups: no such columns.
    expect(members.get_by_role("columnheader")).to_have_count(4)


def test_a_schools_page_lists_its_groups(page: Page, england_url: str) -> None:
    open_page(page, england_url + f"/school/{SCHOOL}")
    expect(page.locator("h1")).to_have_text("NAS Church Lawton School")
    expect(page.locator("main")).to_contain_text(TRUST_NAME)


@pytest.mark.parametrize(
    "path", ["/compare", "/impact", "/data", "/help", "/accessibility", "/audit"]
)
def test_every_other_page_opens_on_england(page: Page, england_url: str, path: str) -> None:
    open_page(page, england_url + path)
    # English only: England's system offers no other language.
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Cymraeg")).to_have_count(0)


@pytest.mark.parametrize("path", ["/", "/network", "/regions", "/plcs", f"/plc/{TRUST}"])
def test_pages_reflow_on_a_phone(page: Page, england_url: str, path: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, england_url + path)
    width, room = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width <= room, (path, width, room)


# Wales's words, where England's pages say their own: groups, regions, England.
WALES_WORDS = re.compile(r"\bWales\b|\bWelsh\b|Cymru|consorti|\bPLCs?\b")
# Every page but the accessibility statement, which still says it was tested in Welsh.
ENGLISH_PAGES = [
    "/", "/network", "/network?la=330", "/regions", "/regions?consortium=E12000005&la=330",
    "/compare", "/plcs", f"/plc/{TRUST}", f"/school/{SCHOOL}", "/impact", "/data", "/help",
]  # fmt: skip


def open_every_detail(page: Page) -> None:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")


@pytest.mark.parametrize("path", ENGLISH_PAGES)
def test_no_page_speaks_of_wales_or_of_what_england_lacks(
    page: Page, england_url: str, path: str
) -> None:
    open_page(page, england_url + path)
    open_every_detail(page)
    main = page.locator("#main")
    assert WALES_WORDS.findall(main.inner_text()) == []
    # No language medium and no support category in GIAS: no column of either, and no
    # language-medium filter (the page keeps it hidden, for its callback).
    only_wales = re.compile("Support category|Language medium")
    expect(main.get_by_role("columnheader", name=only_wales)).to_have_count(0)
    expect(page.get_by_text("Language medium", exact=True)).to_be_hidden()


def glossary_links(page: Page) -> set[str]:
    """The anchors of the glossary links a reader sees on the page."""
    return set(
        page.evaluate(
            """() => Array.from(document.querySelectorAll('#main a[href*="#glossary-"]'))
                .filter(a => a.checkVisibility())
                .map(a => a.getAttribute('href').split('#')[1])"""
        )
    )


def test_every_glossary_link_on_england_leads_to_its_entry(page: Page, england_url: str) -> None:
    # The glossary leaves out what England lacks (support categories, a PLC's practice):
    # no page may link to an entry it left out.
    open_page(page, england_url + "/data")
    entries = set(
        page.evaluate(
            "() => Array.from(document.querySelectorAll('[id^=glossary-]')).map(e => e.id)"
        )
    )
    assert "glossary-support-category" not in entries and "glossary-ei-index" in entries
    linked: set[str] = set()
    for path in [p for p in ENGLISH_PAGES if p != "/data"]:
        watch = CallbackWatch(page)
        page.goto(england_url + path)
        expect(page.get_by_role("heading", level=1).first).to_be_visible()
        watch.wait_until_quiet()
        linked |= glossary_links(page)
    assert linked and linked <= entries, sorted(linked - entries)
