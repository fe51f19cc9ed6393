"""The network explorer on the demo Wales built by the real pipeline (tests/conftest.py).

Known answers come from the published tables read directly with DuckDB and from the
handshake lemma (degrees sum to twice the ties), not from the page's own code.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pytest
from plotly.io.json import to_json_plotly

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.network.data import load_network
from dashboard.pages.network.figures import build_network_figure

YEAR = "2018/19"


@pytest.fixture(scope="module")
def published(demo_db: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(demo_db), read_only=True)
    yield con
    con.close()


def test_whole_of_wales_shows_every_school_and_tie(demo_db: Path, published) -> None:
    data = load_network(Database(demo_db), Filters(YEAR), "map")
    schools, ties = published.execute(
        "select (select count(*) from schools), "
        "(select count(*) from net_edges where year = $year)",
        {"year": YEAR},
    ).fetchone()
    assert data.summary.schools == schools
    assert data.summary.ties == ties
    assert int(data.schools["degree"].sum()) == 2 * ties
    assert data.summary.outside_ties == 0
    assert data.summary.unplaced == 0
    assert data.summary.ties_drawn == len(data.segments) <= ties


def test_an_la_counts_its_ties_inside_and_out(demo_db: Path, published) -> None:
    la = 661
    data = load_network(Database(demo_db), Filters(YEAR, "GWE", la), "map")
    inside, outside = published.execute(
        """
        select
            count(*) filter (where a.la_code = $la and b.la_code = $la),
            count(*) filter (where (a.la_code = $la) != (b.la_code = $la))
        from net_edges as e
        join schools as a on a.school_id = e.school_a
        join schools as b on b.school_id = e.school_b
        where e.year = $year
        """,
        {"la": la, "year": YEAR},
    ).fetchone()
    assert (data.summary.ties, data.summary.outside_ties) == (inside, outside)
    assert set(data.schools["la_code"]) == {la}


def test_every_la_boundary_is_drawn(demo_db: Path) -> None:
    outlines = load_network(Database(demo_db), Filters(YEAR), "map").outlines
    rings = np.isnan(outlines.lon).sum() + 1
    assert rings >= 22
    lon = outlines.lon[~np.isnan(outlines.lon)]
    assert -5.7 < lon.min() < lon.max() < -2.6  # Wales: its westernmost islets to Monmouthshire


def test_the_whole_of_wales_is_light_enough_to_send(demo_db: Path) -> None:
    data = load_network(Database(demo_db), Filters(YEAR), "map")
    sent = to_json_plotly(build_network_figure(data, "la", "degree", "en"))
    assert len(sent) < 1_000_000


ROLE_COLUMNS = ["coordinator", "gatekeeper", "representative", "itinerant", "liaison"]


def test_main_brokerage_role_is_the_role_with_most_pairs(demo_db: Path, published) -> None:
    shown = load_network(Database(demo_db), Filters(YEAR), "map").schools
    counts = published.execute(
        "select school_id, broker_total, "
        + ", ".join(f"broker_{role}" for role in ROLE_COLUMNS)
        + " from net_school_metrics where year = $year order by school_id",
        {"year": YEAR},
    ).fetchdf()
    by_role = counts[[f"broker_{role}" for role in ROLE_COLUMNS]].to_numpy()
    # numpy's argmax takes the first of equal counts: the order the page lists them.
    expected = np.where(
        counts["broker_total"] == 0, "none", np.array(ROLE_COLUMNS)[by_role.argmax(axis=1)]
    )
    assert shown["school_id"].tolist() == counts["school_id"].tolist()
    assert shown["broker_role"].tolist() == expected.tolist()
    assert set(expected) > {"none", "coordinator", "liaison"}
