"""The network explorer's lists on the demo Wales in a real browser: one page load of
Cardiff, its isolated schools and brokers as tables with their CSV buttons, one CSV
downloaded, and the summary's cross-LA share as the overview states it.

Expected figures come straight from the published tables.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Page, expect

from dashboard.ui.labels import format_share

pytestmark = pytest.mark.browser

YEAR = "2018/19"
CARDIFF = 681


def _cardiff(demo_db: Path) -> tuple[int, int, int, float]:
    """Cardiff's isolated schools, schools with betweenness above 0, schools that broker
    lead-school ties, and its ties crossing LA lines of all its ties, in YEAR."""
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        isolated, between, brokers = con.execute(
            """
            select count(*) filter (where m.is_isolate),
                   count(*) filter (where m.betweenness > 0),
                   count(*) filter (where m.broker_total > 0)
            from net_school_metrics as m join schools as s using (school_id)
            where m.year = $year and s.la_code = $la
            """,
            {"year": YEAR, "la": CARDIFF},
        ).fetchone()
        internal, external = con.execute(
            "select internal_ties, external_ties from net_group_metrics "
            "where year = $year and level = 'la' and group_id = $la",
            {"year": YEAR, "la": str(CARDIFF)},
        ).fetchone()
    finally:
        con.close()
    return isolated, between, brokers, external / (internal + external)


def test_cardiff_lists_its_isolates_and_brokers_with_csvs(
    page: Page, demo_server_url: str, demo_db: Path
) -> None:
    isolated, between, brokers, cross_la = _cardiff(demo_db)
    assert min(isolated, between, brokers) > 0  # the demo has each kind in Cardiff
    page.goto(f"{demo_server_url}/network?year={YEAR}&consortium=CSC&la={CARDIFF}")
    for what, heading, count in (
        ("isolates", "Schools with no tie", isolated),
        ("betweenness", "Brokers by betweenness", between),
        ("roles", "Brokers by brokerage role", brokers),
    ):
        expect(page.locator(f"#network-{what}-heading")).to_have_text(heading)
        rows = page.locator(f"#network-{what}-table tbody tr")
        expect(rows).to_have_count(min(count, 100))
        expect(page.locator(f"#network-{what}-table caption")).to_contain_text(f"{count:,}")
        expect(page.locator(f"#network-{what}-csv-button")).to_be_visible()
    # Every tie leaving Cardiff crosses an LA line: the share the overview states.
    expect(page.locator("#network-summary")).to_contain_text(format_share(cross_la))
    with page.expect_download() as download_info:
        page.locator("#network-isolates-csv-button").click()
    download = download_info.value
    assert download.suggested_filename == f"plcnet-network-isolates-2018-19-{CARDIFF}.csv"
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    data_rows = [row for row in rows if row and row[0].isdigit()]
    assert len(data_rows) == isolated
    assert all(row[2] == "Cardiff" for row in data_rows)
