"""The projection of PLC membership to ties between schools, and the graphs built from it."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import combinations

import pytest
from network_db import NetworkDb, add_random_network, year_dates

from etl.network.build import build_networkx_graph, build_year_graphs

A, B = 6600001, 6600002  # LA 660, consortium GWE
C = 6610001  # LA 661, consortium GWE
D = 6620001  # LA 662, consortium ERW


@pytest.fixture
def two_years(db: NetworkDb) -> NetworkDb:
    """Four schools and four PLCs over 2018/19 and 2019/20.

    - ``one_year``: A and C, 1 October 2018 to 20 July 2019: a tie in 2018/19 only.
    - ``running``: from 2017, no end. A (member a1), B (b1), D (d1, left
      30 June 2019, so not in 2019/20) and C (c2, joined 15 September 2019, so
      only in 2019/20).
    - ``within``: two members of A only, from September 2018: no tie.
    - ``second``: A and B from January 2019, with a1 again and b2: A-B share two
      PLCs and three distinct members (a1 counts once).
    """
    db.years("2019/20")
    db.schools(660, A, B).schools(661, C).schools(662, D)
    one_year = db.plc(date(2018, 10, 1), date(2019, 7, 20))
    db.member(one_year, A, date(2018, 10, 1))
    db.member(one_year, C, date(2018, 10, 1))
    running = db.plc(date(2017, 9, 1))
    db.member(running, A, date(2017, 9, 1), member_id="a1")
    db.member(running, B, date(2017, 9, 1), member_id="b1")
    db.member(running, D, date(2017, 9, 1), left=date(2019, 6, 30), member_id="d1")
    db.member(running, C, date(2019, 9, 15), member_id="c2")
    within = db.plc(date(2018, 9, 1))
    db.member(within, A, date(2018, 9, 1))
    db.member(within, A, date(2018, 9, 1))
    second = db.plc(date(2019, 1, 1))
    db.member(second, A, date(2019, 1, 1), member_id="a1")
    db.member(second, B, date(2019, 1, 1), member_id="b2")
    db.measure()
    return db


EXPECTED_EDGES = {
    # year: (school_a, school_b, weight, shared_members, cross_la, cross_consortium)
    "2018/19": [
        (A, B, 2, 3, False, False),
        (A, C, 1, 2, True, False),
        (A, D, 1, 2, True, True),
        (B, D, 1, 2, True, True),
    ],
    "2019/20": [
        (A, B, 2, 3, False, False),
        (A, C, 1, 2, True, False),
        (B, C, 1, 2, True, False),
    ],
}


@pytest.mark.parametrize("year", sorted(EXPECTED_EDGES))
def test_ties_are_shared_plcs_active_in_the_year(two_years, year):
    edges = two_years.rows(
        "SELECT school_a, school_b, weight, shared_members, cross_la, cross_consortium "
        "FROM net_edges WHERE year = $year ORDER BY school_a, school_b",
        {"year": year},
    )
    assert edges == EXPECTED_EDGES[year]


@pytest.mark.parametrize(
    ("year", "n_plcs"),
    [
        # A's within-school PLC counts among its PLCs though it makes no tie.
        ("2018/19", {A: 4, B: 2, C: 1, D: 1}),
        # one_year has ended; D's member left before the year began.
        ("2019/20", {A: 3, B: 2, C: 1, D: 0}),
    ],
)
def test_counts_the_plcs_each_school_is_in(two_years, year, n_plcs):
    assert two_years.school_column("n_plcs", year) == n_plcs


def test_within_school_plc_makes_no_tie(db):
    db.schools(660, A, B)
    within = db.plc(date(2018, 9, 1))
    for _ in range(3):
        db.member(within, A, date(2018, 9, 1))
    assert db.measure()["net_edges"] == 0
    assert db.school_column("n_plcs") == {A: 1, B: 0}


def test_plc_ended_before_the_year_makes_no_tie(db):
    db.schools(660, A, B)
    ended = db.plc(date(2017, 9, 1), date(2018, 8, 31))
    db.member(ended, A, date(2017, 9, 1))
    db.member(ended, B, date(2017, 9, 1))
    assert db.measure()["net_edges"] == 0


def test_plc_starting_on_the_last_day_of_the_year_counts(db):
    db.schools(660, A, B)
    late = db.plc(date(2019, 8, 31))
    db.member(late, A, date(2019, 8, 31))
    db.member(late, B, date(2019, 8, 31))
    assert db.measure()["net_edges"] == 1


def project_in_python(db: NetworkDb) -> dict[tuple[str, int, int], tuple[int, int, bool, bool]]:
    """net_edges by the definitions, in plain Python, to check the SQL against."""
    la = dict(db.rows("SELECT school_id, la_code FROM schools"))
    consortium = dict(db.rows("SELECT la_code, consortium_code FROM local_authorities"))
    plcs = {p: (s, e) for p, s, e in db.rows("SELECT plc_id, start_date, end_date FROM plcs")}
    memberships = db.rows(
        'SELECT plc_id, school_id, member_id, joined, "left" FROM plc_memberships'
    )
    edges = {}
    for (year,) in db.rows("SELECT year FROM academic_years"):
        first, last = year_dates(year)
        members = defaultdict(lambda: defaultdict(set))  # plc -> school -> members
        for plc_id, school_id, member_id, joined, left in memberships:
            start, end = plcs[plc_id]
            # The PLC's dates, the member's and the year's share at least one day.
            if max(start, joined, first) <= min(end or last, left or last, last):
                members[plc_id][school_id].add(member_id)
        shared = defaultdict(lambda: [0, set()])
        for by_school in members.values():
            for a, b in combinations(sorted(by_school), 2):
                shared[a, b][0] += 1
                shared[a, b][1] |= by_school[a] | by_school[b]
        for (a, b), (weight, people) in shared.items():
            edges[year, a, b] = (
                weight,
                len(people),
                la[a] != la[b],
                consortium[la[a]] != consortium[la[b]],
            )
    return edges


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ties_match_a_projection_in_python(db, seed):
    db.years("2019/20", "2020/21")
    add_random_network(db, seed, ("2018/19", "2019/20", "2020/21"))
    db.measure()
    edges = {
        (year, a, b): rest
        for year, a, b, *rest in db.rows(
            "SELECT year, school_a, school_b, weight, shared_members, cross_la, cross_consortium "
            "FROM net_edges"
        )
    }
    expected = project_in_python(db)
    assert len(expected) > 50
    assert {k: tuple(v) for k, v in edges.items()} == expected


def test_networkx_graph_has_every_school_and_tie(two_years):
    graph = build_networkx_graph(two_years.con, "2019/20")
    assert sorted(graph.nodes) == [A, B, C, D]
    assert sorted(graph.edges) == [(A, B), (A, C), (B, C)]
    assert graph.degree(D) == 0
    assert graph.edges[A, B] == {
        "weight": 2,
        "shared_members": 3,
        "cross_la": False,
        "cross_consortium": False,
    }


def test_year_graphs_put_schools_in_id_order(two_years):
    graphs = {g.year: g for g in build_year_graphs(two_years.con)}
    assert list(graphs) == ["2018/19", "2019/20"]
    year = graphs["2019/20"]
    assert year.school_ids.tolist() == [A, B, C, D]
    assert year.graph.vcount() == 4
    assert sorted(tuple(e) for e in year.graph.get_edgelist()) == [(0, 1), (0, 2), (1, 2)]


def test_year_graphs_take_ties_in_school_order_whatever_order_they_are_stored_in(db):
    """The order of a graph's edges decides the order of floating-point sums over them,
    so it must not be the order DuckDB's threads stored or returned the ties in."""
    db.years("2019/20", "2020/21")
    add_random_network(db, 1, ("2018/19", "2019/20", "2020/21"))
    db.measure()
    db.con.execute("CREATE TEMP TABLE stored AS SELECT * FROM net_edges")
    db.con.execute("DELETE FROM net_edges")
    db.con.execute(
        "INSERT INTO net_edges BY NAME SELECT * FROM stored ORDER BY school_a DESC, school_b DESC"
    )
    for year in build_year_graphs(db.con):
        edges = [tuple(e) for e in year.edges.tolist()]
        assert len(edges) > 10
        assert edges == sorted(edges)
        assert year.graph.get_edgelist() == edges
    graph = build_networkx_graph(db.con, "2019/20")
    assert list(graph.edges) == sorted(graph.edges)
