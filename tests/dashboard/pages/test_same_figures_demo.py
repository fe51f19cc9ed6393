"""The same quantity has the same value on every page (issue 12, item 7), on the demo Wales.

For every LA and consortium: the share of ties crossing LA lines, the ties counted and the
isolated schools, as the overview, the network explorer and the regions page read them,
and as they print them. Cardiff in 2019/20 is the case the issue found: the overview said
50.7% and the network "0 (0.0%)", because the network counted only ties inside Cardiff.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.network.data import NetworkSummary, load_network
from dashboard.pages.network.layout import build_summary_table
from dashboard.pages.network.lists import select_isolates
from dashboard.pages.overview.data import OverviewData, load_overview
from dashboard.pages.overview.layout import describe_summary
from dashboard.pages.regions.data import load_groups
from dashboard.ui.labels import format_share
from tests.dashboard.components import text_of

YEARS = ("2018/19", "2019/20")


@pytest.fixture(scope="module")
def las(demo_db: Path) -> list[tuple[int, str]]:
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        return con.execute(
            "select la_code, consortium_code from local_authorities order by la_code"
        ).fetchall()
    finally:
        con.close()


def _headline(overview: OverviewData, measure: str) -> float | None:
    return next(h.value for h in overview.headlines if h.measure == measure)


def _overview_ties(overview: OverviewData, year: str) -> int:
    return int(overview.yearly.loc[overview.yearly["year"] == year, "ties"].iloc[0])


def _group(groups: pd.DataFrame, level: str, group_id: str) -> pd.Series:
    return groups[(groups["level"] == level) & (groups["group_id"] == group_id)].iloc[0]


def _assert_the_pages_agree(
    overview: OverviewData, network: NetworkSummary, group: pd.Series, year: str
) -> None:
    internal, external = int(group["internal_ties"]), int(group["external_ties"])
    # Ties: between two of the group's schools, leaving it, and all with one end in it.
    assert network.ties == internal
    assert network.outside_ties == external
    assert _overview_ties(overview, year) == network.touching_ties == internal + external
    # The share of those ties crossing LA lines (for an LA or a consortium, every tie
    # leaving it crosses an LA line).
    share = _headline(overview, "cross_la_share")
    if internal + external == 0:
        assert share is None and network.touching_cross_la_share is None
    else:
        assert share == pytest.approx(network.touching_cross_la_share, abs=1e-12)
    # Isolated schools: degree 0 in the whole network of the year.
    isolated = _headline(overview, "isolated_schools")
    assert isolated == network.isolated
    assert network.isolated == round(group["isolate_share"] * group["n_schools"])


@pytest.mark.parametrize("year", YEARS)
def test_every_la_has_the_same_figures_on_overview_network_and_regions(
    demo_db: Path, las: list[tuple[int, str]], year: str
) -> None:
    db = Database(demo_db)
    groups = load_groups(db, Filters(year))
    for la, consortium in las:
        filters = Filters(year, consortium, la)
        network = load_network(db, filters, "map")
        _assert_the_pages_agree(
            load_overview(db, filters), network.summary, _group(groups, "la", str(la)), year
        )
        assert len(select_isolates(network.schools)) == network.summary.isolated


@pytest.mark.parametrize("year", YEARS)
def test_every_consortium_has_the_same_figures_on_overview_network_and_regions(
    demo_db: Path, las: list[tuple[int, str]], year: str
) -> None:
    db = Database(demo_db)
    groups = load_groups(db, Filters(year))
    for consortium in sorted({c for _, c in las}):
        filters = Filters(year, consortium)
        network = load_network(db, filters, "map").summary
        _assert_the_pages_agree(
            load_overview(db, filters), network, _group(groups, "consortium", consortium), year
        )


def test_wales_has_the_same_figures_on_overview_network_and_regions(demo_db: Path) -> None:
    db = Database(demo_db)
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        ties, share = con.execute(
            "select n_ties, cross_la_share from net_system_metrics where year = '2018/19'"
        ).fetchone()
    finally:
        con.close()
    overview = load_overview(db, Filters("2018/19"))
    network = load_network(db, Filters("2018/19"), "map").summary
    wales = _group(load_groups(db, Filters("2018/19")), "wales", "W92000004")
    _assert_the_pages_agree(overview, network, wales, "2018/19")
    assert network.ties == ties
    assert network.touching_cross_la_share == pytest.approx(share, abs=1e-12)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_cardiff_2019_20_prints_the_same_share_on_both_pages(demo_db: Path, lang: str) -> None:
    db = Database(demo_db)
    filters = Filters("2019/20", "CSC", 681)
    overview = load_overview(db, filters)
    network = load_network(db, filters, "map").summary
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        internal, external = con.execute(
            "select internal_ties, external_ties from net_group_metrics "
            "where year = '2019/20' and level = 'la' and group_id = '681'"
        ).fetchone()
    finally:
        con.close()
    share = format_share(_headline(overview, "cross_la_share"))
    assert share == format_share(external / (internal + external))  # the 50.7%
    assert share in describe_summary(overview.summary, "2019/20", lang)
    printed = text_of(build_summary_table(network, "map", "Caerdydd", lang))
    assert share in printed
    assert "0.0%" not in printed
