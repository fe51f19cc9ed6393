"""The whole path in a real browser: demo Wales -> refresh -> DuckDB -> the overview.

Expected figures are computed here straight from the published tables, so the
test checks that the page shows what the database holds, for Wales and for a
consortium chosen in the page.
"""

from __future__ import annotations

import re

import duckdb
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def _figures(db, year: str, consortium: str | None) -> tuple[str, str]:
    """Schools in at least one PLC and isolated schools, as the page formats them."""
    con = duckdb.connect(str(db), read_only=True)
    in_plcs, isolated = con.execute(
        """
        SELECT count(*) FILTER (WHERE m.n_plcs > 0), count(*) FILTER (WHERE m.is_isolate)
        FROM net_school_metrics m
        JOIN schools s USING (school_id)
        JOIN local_authorities l USING (la_code)
        WHERE m.year = $year AND ($consortium IS NULL OR l.consortium_code = $consortium)
        """,
        {"year": year, "consortium": consortium},
    ).fetchone()
    con.close()
    return f"{in_plcs:,}", f"{isolated:,}"


def _latest_year(db) -> str:
    con = duckdb.connect(str(db), read_only=True)
    year = con.execute("SELECT max(year) FROM academic_years").fetchone()[0]
    con.close()
    return year


def test_demo_overview_shows_what_the_database_holds(page: Page, demo_server_url, demo_db):
    year = _latest_year(demo_db)
    page.goto(demo_server_url + "/")
    expect(page.locator("#shell-demo-notice")).to_contain_text("Demonstration data")
    expect(page.locator("#overview-year")).to_contain_text(year)
    in_plcs, isolated = _figures(demo_db, year, None)
    expect(page.locator("#overview-headline-schools-in-plcs .headline-value")).to_have_text(in_plcs)
    expect(page.locator("#overview-headline-isolated-schools .headline-value")).to_have_text(
        isolated
    )

    page.locator("#overview-consortium").click()
    page.get_by_role("option", name="GwE", exact=True).click()
    expect(page).to_have_url(re.compile(r"consortium=GWE"))
    in_plcs, isolated = _figures(demo_db, year, "GWE")
    expect(page.locator("#overview-headline-schools-in-plcs .headline-value")).to_have_text(in_plcs)
    expect(page.locator("#overview-headline-isolated-schools .headline-value")).to_have_text(
        isolated
    )
    expect(page.locator("#shell-as-at")).to_contain_text("refresh ")
