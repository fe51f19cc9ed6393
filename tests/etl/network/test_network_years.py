"""The years of the network are the years with PLC data (docs/measures.md, "The years
of the network"): a year that only the outcome files reach has outcomes, but no
network, no ties lost into it and no measures.

The load, by hand: schools A and B in LA 660, C in 661.

- ``ended``: 1 September 2017 to 20 July 2019, members from A, B and C.
- ``running``: from 1 September 2017, no end date, members from A and B.
- Outcomes: A's attainment in 2016/17 (40.0), 2017/18 (42.5) and 2018/19 (43.0); a
  support category for every school in 2019/20 (a categorisation list published in
  January 2020, after the PLC data end).

So the PLC files carry dates in 2017/18 and 2018/19 only, and the outcome files
reach 2016/17 and 2019/20 as well: four academic years, two of them years of the
network.
"""

from __future__ import annotations

from datetime import date

import pytest
from network_db import NetworkDb

from etl.drawing import compute_layout
from etl.load import run_model
from etl.network.plcs import compute_plc_measures
from etl.network.subgraph import compute_focus_networks

A, B = 6600001, 6600002
C = 6610001
NETWORK_YEARS = ["2017/18", "2018/19"]

# Every table the network, PLC, layout and focus steps fill by year.
YEARLY_TABLES = (
    "net_edges",
    "net_school_metrics",
    "net_group_metrics",
    "net_group_pairs",
    "net_system_metrics",
    "net_changes",
    "net_plc_metrics",
    "net_school_exposure",
    "net_layout",
    "net_edges_drawn",
    "net_drawing_rules",
    "net_focus_summary",
)


def quiet(_line: str) -> None:
    pass


@pytest.fixture
def load(con) -> NetworkDb:
    """The load of the module's docstring, its years built by the refresh's own model
    and measured by the refresh's steps."""
    db = NetworkDb(con)
    db.schools(660, A, B).schools(661, C)
    ended = db.plc(date(2017, 9, 1), date(2019, 7, 20), lead=A)
    running = db.plc(date(2017, 9, 1), lead=A)
    for school in (A, B, C):
        db.member(ended, school, date(2017, 9, 1))
    for school in (A, B):
        db.member(running, school, date(2017, 9, 1))
    con.executemany(
        "INSERT INTO school_outcomes (school_id, year, measure, value, source)"
        " VALUES (?, ?, ?, ?, 'local')",
        [
            (A, "2016/17", "attainment", "40.0"),
            (A, "2017/18", "attainment", "42.5"),
            (A, "2018/19", "attainment", "43.0"),
            *((school, "2019/20", "support_category", "green") for school in (A, B, C)),
        ],
    )
    run_model(con, "academic_years")
    db.measure()
    compute_layout(con, progress=quiet)
    compute_focus_networks(con, progress=quiet)
    compute_plc_measures(con, progress=quiet)
    return db


def test_years_the_outcomes_alone_reach_are_years_without_plc_data(load):
    assert load.rows("SELECT year, has_plc_data FROM academic_years ORDER BY year") == [
        ("2016/17", False),
        ("2017/18", True),
        ("2018/19", True),
        ("2019/20", False),
    ]


@pytest.mark.parametrize("table", YEARLY_TABLES)
def test_only_the_years_with_plc_data_have_a_network(load, table):
    years = [year for (year,) in load.rows(f"SELECT DISTINCT year FROM {table} ORDER BY year")]
    assert years == NETWORK_YEARS


def test_no_ties_are_lost_into_a_year_without_plc_data(load):
    # Under the old rule 2019/20 had every school isolated and A lost its two ties.
    lost = load.rows("SELECT year, sum(ties_lost) FROM net_school_metrics GROUP BY 1 ORDER BY 1")
    # 2017/18 is the first year of the network, though 2016/17 has outcomes: NULL.
    assert lost == [("2017/18", None), ("2018/19", 0)]
    assert load.rows("SELECT count(*) FROM net_changes WHERE year = '2019/20'") == [(0,)]


def test_a_plc_without_an_end_date_runs_to_the_last_year_of_plc_data(load):
    years = load.rows(
        "SELECT plc_id, list(year ORDER BY year) FROM net_plc_metrics GROUP BY 1 ORDER BY 1"
    )
    assert years == [("PLC-00001", NETWORK_YEARS), ("PLC-00002", NETWORK_YEARS)]


def test_the_first_change_of_attainment_is_still_from_the_year_before(load):
    # 2017/18: 42.5 - 40.0 (2016/17 has no network but has A's attainment); 2018/19: 0.5.
    change = load.rows(
        "SELECT year, attainment_change FROM net_school_exposure WHERE school_id = ? ORDER BY 1",
        [A],
    )
    assert change == [("2017/18", pytest.approx(2.5)), ("2018/19", pytest.approx(0.5))]


def test_a_load_without_any_plc_has_no_year_of_the_network(con):
    db = NetworkDb(con)
    db.schools(660, A, B)
    con.execute(
        "INSERT INTO school_outcomes (school_id, year, measure, value, source)"
        " VALUES (?, '2019/20', 'support_category', 'green', 'local')",
        [A],
    )
    run_model(con, "academic_years")
    db.measure()
    assert db.rows("SELECT year, has_plc_data FROM academic_years") == [("2019/20", False)]
    assert db.rows("SELECT count(*) FROM net_school_metrics") == [(0,)]
