"""The network's views on the demo Wales in a real browser: the network of LAs for Wales
(the page's default), then an LA's own force layout with a school's ties highlighted,
all in the URL; axe on each, in English and in Welsh. Two page loads."""

from __future__ import annotations

import re

import duckdb
import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import describe, run_axe
from tests.browser.charts import scroll_to_chart

pytestmark = pytest.mark.browser

GRAPH = "#network-schools-graph .js-plotly-plot"


def _traces(page: Page) -> list[dict[str, object]]:
    """Each trace drawn: its name, mode, number of points and whether in the legend."""
    scroll_to_chart(page.locator("#network-schools-graph"))  # drawn as the reader comes to it
    page.wait_for_function(f"document.querySelector('{GRAPH}')?._fullData?.length > 0")
    return page.evaluate(
        f"""document.querySelector('{GRAPH}')._fullData.map(t => ({{
            name: t.name, mode: t.mode, points: (t.x || []).length,
            legend: t.showlegend, colour: t.marker ? t.marker.color : null}}))"""
    )


def _names(page: Page) -> list[str]:
    return [t["name"] for t in _traces(page)]


def _cardiff_hub(demo_db) -> tuple[int, str, str]:
    """Cardiff's school with the most ties that year, and the year."""
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        year = con.execute("select max(year) from net_edges").fetchone()[0]
        school, name = con.execute(
            """select s.school_id, s.name from schools as s
               join net_school_metrics as m on m.school_id = s.school_id and m.year = $year
               where s.la_code = 681 order by m.degree desc, s.school_id limit 1""",
            {"year": year},
        ).fetchone()
    finally:
        con.close()
    return school, name, year


def test_wales_opens_on_the_network_of_las_and_a_region_on_its_own_layout(
    page: Page, demo_server_url: str, demo_db
) -> None:
    school, name, year = _cardiff_hub(demo_db)
    page.goto(demo_server_url + f"/network?year={year}")
    # A cold server reads the LA outlines and counts the groups on its first request.
    expect(page.locator("h1")).to_have_text("Network explorer", timeout=60_000)
    expect(page.locator("#network-view")).to_contain_text("Suggested")
    expect(page.locator("#network-figure-note")).to_contain_text("Each circle is a local authority")
    traces = _traces(page)
    labels = next(t for t in traces if t["mode"] == "markers+text")
    assert labels["points"] == 22
    nodes = [t for t in traces if t["mode"] == "markers" and t["legend"]]
    assert sorted((t["name"] for t in nodes), key=str.casefold) == [
        "Central South Consortium", "Education Achievement Service", "ERW", "GwE",
    ]  # fmt: skip
    assert len({t["colour"] for t in nodes}) == len(nodes)
    bands = [t["name"] for t in traces if t["mode"] == "lines"]
    assert 1 <= len(bands) <= 4 and all(re.search(r"\d ties$", b) for b in bands)
    assert len(traces) <= 10  # a few traces, not one per tie
    violations = run_axe(page)
    assert violations == [], describe(violations)

    # Cardiff chosen: its schools in a layout of their own, the rest on a shelf.
    page.locator("#network-la").click()
    page.get_by_role("option", name="Cardiff", exact=True).click()
    expect(page).to_have_url(re.compile(r"la=681"))
    expect(page.locator("#network-figure-note")).to_contain_text(
        "a force layout of the selection's own ties"
    )
    expect(page.locator(f"{GRAPH} .annotation-text")).to_contain_text("No tie within the selection")
    names = _names(page)
    assert "Ties through 1 PLC" in " ".join(names)
    assert any(n.startswith("Cardiff (") for n in names)

    # A school picked: its ties on top, and in the URL.
    page.locator("#network-school").click()
    page.keyboard.type(name)
    page.get_by_role("option", name=name, exact=True).click()
    expect(page).to_have_url(re.compile(rf"la=681&school={school}$"))
    page.wait_for_function(
        f"document.querySelector('{GRAPH}')._fullData.some(t => t.name.startsWith('Ties of '))"
    )
    picked = [t for t in _traces(page) if str(t["name"]).startswith("Ties of ")]
    assert picked[0]["name"].startswith(f"Ties of {name} (")
    assert picked[0]["points"] > 0
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_welsh_region_with_a_school_picked_from_a_link(
    page: Page, demo_server_url: str, demo_db
) -> None:
    school, name, year = _cardiff_hub(demo_db)
    page.goto(demo_server_url + f"/network?year={year}&la=681&school={school}&lang=cy")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("#network-school")).to_contain_text(name)
    names = _names(page)
    assert any(n.startswith(f"Cysylltiadau {name} (") for n in names)
    assert f"{name} (wedi'i hamlygu)" in names
    expect(page.locator("#network-figure-note")).to_contain_text("cynllun grym")
    violations = run_axe(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_names_of_the_las_stay_apart_on_a_phone(
    page: Page, demo_server_url: str, demo_db, lang: str
) -> None:
    """At 390 pixels the 22 names of the network of LAs lie within the screen, none over
    another (their boxes as Chromium lays them out)."""
    _school, _name, year = _cardiff_hub(demo_db)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_server_url + f"/network?year={year}&lang={lang}")
    scroll_to_chart(page.locator("#network-schools-graph"))  # drawn as the reader comes to it
    page.wait_for_function(
        f"document.querySelectorAll('{GRAPH} .textpoint text').length === 22", timeout=60_000
    )
    boxes = page.evaluate(
        f"""[...document.querySelectorAll('{GRAPH} .textpoint text')].map(e => {{
            const r = e.getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom, e.textContent];
        }})"""
    )
    assert all(left >= 0 and right <= 390 for left, _t, right, _b, _n in boxes), boxes
    for index, (left, top, right, bottom, name) in enumerate(boxes):
        for other in boxes[index + 1 :]:
            apart = right <= other[0] or other[2] <= left or bottom <= other[1] or other[3] <= top
            assert apart, (name, other[4])
