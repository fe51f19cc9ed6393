"""Known answers for the network measures on small hand-drawn graphs, and a
cross-check against networkx on random ones.

Schools ``a`` to ``f`` are drawn as letters; betweenness is normalised as
networkx does for an undirected graph of n schools: 2 / ((n-1)(n-2)) per
unordered pair of schools whose shortest paths run through the school.
"""

from __future__ import annotations

import igraph
import networkx as nx
import pytest
from network_db import YEAR, NetworkDb, add_random_network

import etl.network.metrics
from etl.network import NETWORK_TABLES
from etl.network.build import build_networkx_graph
from etl.network.metrics import (
    WORKING_TABLES,
    compute_betweenness,
    compute_clustering,
    compute_components,
)

a, b, c, d, e, f = (6600001, 6600002, 6600003, 6600004, 6600005, 6600006)
LETTERS = {a: "a", b: "b", c: "c", d: "d", e: "e", f: "f"}


def by_letter(values: dict[int, object]) -> dict[str, object]:
    return {LETTERS[school]: value for school, value in values.items()}


# name: (schools, ties, expected school measures by letter)
NAMED_GRAPHS = {
    # a - b - c - d: b and c each lie on two of the six pairs: 2 * 2 / (3 * 2).
    "path": (
        [a, b, c, d],
        [(a, b), (b, c), (c, d)],
        {
            "degree": {"a": 1, "b": 2, "c": 2, "d": 1},
            "betweenness": {"a": 0.0, "b": 2 / 3, "c": 2 / 3, "d": 0.0},
            "clustering": {"a": 0.0, "b": 0.0, "c": 0.0, "d": 0.0},
            "is_isolate": {"a": False, "b": False, "c": False, "d": False},
        },
    ),
    # a at the centre of four leaves lies on all six pairs of leaves: 2 * 6 / (4 * 3).
    "star": (
        [a, b, c, d, e],
        [(a, b), (a, c), (a, d), (a, e)],
        {
            "degree": {"a": 4, "b": 1, "c": 1, "d": 1, "e": 1},
            "betweenness": {"a": 1.0, "b": 0.0, "c": 0.0, "d": 0.0, "e": 0.0},
            "clustering": {"a": 0.0, "b": 0.0, "c": 0.0, "d": 0.0, "e": 0.0},
            "is_isolate": {"a": False, "b": False, "c": False, "d": False, "e": False},
        },
    ),
    # Triangle a b c with d hanging from c: c lies on a-d and b-d, 2 * 2 / (3 * 2);
    # c's three neighbours have one tie among their three pairs.
    "triangle_and_pendant": (
        [a, b, c, d],
        [(a, b), (b, c), (a, c), (c, d)],
        {
            "degree": {"a": 2, "b": 2, "c": 3, "d": 1},
            "betweenness": {"a": 0.0, "b": 0.0, "c": 2 / 3, "d": 0.0},
            "clustering": {"a": 1.0, "b": 1.0, "c": 1 / 3, "d": 0.0},
            "is_isolate": {"a": False, "b": False, "c": False, "d": False},
        },
    ),
    # a - b - c and d - e, f alone: b lies on a-c only, 2 * 1 / (5 * 4).
    "two_components_and_isolate": (
        [a, b, c, d, e, f],
        [(a, b), (b, c), (d, e)],
        {
            "degree": {"a": 1, "b": 2, "c": 1, "d": 1, "e": 1, "f": 0},
            "betweenness": {"a": 0.0, "b": 0.1, "c": 0.0, "d": 0.0, "e": 0.0, "f": 0.0},
            "clustering": {"a": 0.0, "b": 0.0, "c": 0.0, "d": 0.0, "e": 0.0, "f": 0.0},
            "is_isolate": {"a": False, "b": False, "c": False, "d": False, "e": False, "f": True},
        },
    ),
}

# name: (n_schools, n_ties, density, n_components, giant_component_share)
NAMED_SYSTEMS = {
    "path": (4, 3, 3 / 6, 1, 1.0),
    "star": (5, 4, 4 / 10, 1, 1.0),
    "triangle_and_pendant": (4, 4, 4 / 6, 1, 1.0),
    "two_components_and_isolate": (6, 3, 3 / 15, 3, 3 / 6),
}


# The columns of net_system_metrics about ties and components.
TIE_COLUMNS = (
    "year",
    "n_schools",
    "n_ties",
    "density",
    "n_components",
    "giant_component_share",
    "cross_la_share",
    "cross_consortium_share",
)

# Exact betweenness and no communities: a system without ties.
NO_COMMUNITIES = {
    "betweenness_method": "exact",
    "betweenness_error": 0.0,
    "n_communities": 0,
    "modularity_communities": None,
    "modularity_la": None,
    "nmi_communities_la": None,
}


def draw_named(db: NetworkDb, name: str) -> NetworkDb:
    schools, ties, _ = NAMED_GRAPHS[name]
    db.schools(660, *schools).draw(ties).measure()
    return db


@pytest.mark.parametrize("measure", ["degree", "betweenness", "clustering", "is_isolate"])
@pytest.mark.parametrize("name", sorted(NAMED_GRAPHS))
def test_school_measures_of_named_graph(db, name, measure):
    draw_named(db, name)
    expected = NAMED_GRAPHS[name][2][measure]
    assert by_letter(db.school_column(measure)) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("name", sorted(NAMED_SYSTEMS))
def test_system_measures_of_named_graph(db, name):
    draw_named(db, name)
    n_schools, n_ties, density, n_components, giant = NAMED_SYSTEMS[name]
    assert db.system(columns=TIE_COLUMNS) == pytest.approx(
        {
            "year": YEAR,
            "n_schools": n_schools,
            "n_ties": n_ties,
            "density": density,
            "n_components": n_components,
            "giant_component_share": giant,
            "cross_la_share": 0.0,
            "cross_consortium_share": 0.0,
        }
    )


def test_weighted_degree_counts_shared_plcs(db):
    # a and b share two PLCs, b and c one.
    db.schools(660, a, b, c).draw([(a, b), (a, b), (b, c)]).measure()
    assert by_letter(db.school_column("weighted_degree")) == {"a": 2, "b": 3, "c": 1}
    assert by_letter(db.school_column("degree")) == {"a": 1, "b": 2, "c": 1}


@pytest.fixture
def two_las(db: NetworkDb) -> NetworkDb:
    """a b c in LA 660 and d e in LA 661 (both GWE), f alone in LA 662 (ERW).

    Ties a-b, b-c inside 660; d-e inside 661; c-d and a-e across the two.
    """
    db.schools(660, a, b, c).schools(661, d, e).schools(662, f)
    db.draw([(a, b), (b, c), (d, e), (c, d), (a, e)]).measure()
    return db


# The columns of net_group_metrics about schools and ties.
TIE_GROUP_COLUMNS = (
    "year",
    "level",
    "group_id",
    "n_schools",
    "n_ties",
    "density",
    "internal_ties",
    "external_ties",
    "ei_index",
    "isolate_share",
)

# (level, group_id): n_schools, n_ties, density, internal, external, E-I, isolate share
TWO_LAS_GROUPS = {
    # 2 of 3 possible ties; E-I (2 - 2) / 4.
    ("la", "660"): (3, 2, 2 / 3, 2, 2, 0.0, 0.0),
    # 1 of 1 possible tie; E-I (2 - 1) / 3.
    ("la", "661"): (2, 1, 1.0, 1, 2, 1 / 3, 0.0),
    # One school: no density, no ties, no E-I.
    ("la", "662"): (1, 0, None, 0, 0, None, 1.0),
    # All five ties inside GWE: 5 of 10 possible; E-I (0 - 5) / 5.
    ("consortium", "GWE"): (5, 5, 0.5, 5, 0, -1.0, 0.0),
    ("consortium", "ERW"): (1, 0, None, 0, 0, None, 1.0),
    # 5 of 15 possible ties; f is isolated.
    ("wales", "W92000004"): (6, 5, 1 / 3, 5, 0, -1.0, 1 / 6),
}


@pytest.mark.parametrize(("level", "group_id"), sorted(TWO_LAS_GROUPS))
def test_group_measures_across_two_las(two_las, level, group_id):
    n_schools, n_ties, density, internal, external, ei, isolates = TWO_LAS_GROUPS[level, group_id]
    assert two_las.group(level, group_id, columns=TIE_GROUP_COLUMNS) == pytest.approx(
        {
            "year": YEAR,
            "level": level,
            "group_id": group_id,
            "n_schools": n_schools,
            "n_ties": n_ties,
            "density": density,
            "internal_ties": internal,
            "external_ties": external,
            "ei_index": ei,
            "isolate_share": isolates,
        }
    )


def test_every_group_has_a_row_each_year(two_las):
    assert two_las.rows("SELECT count(*) FROM net_group_metrics") == [(len(TWO_LAS_GROUPS),)]


def test_cross_boundary_ties_across_two_las(two_las):
    assert by_letter(two_las.school_column("cross_la_ties")) == {
        "a": 1,
        "b": 0,
        "c": 1,
        "d": 1,
        "e": 1,
        "f": 0,
    }
    assert set(two_las.school_column("cross_consortium_ties").values()) == {0}
    assert two_las.system(columns=TIE_COLUMNS) == pytest.approx(
        {
            "year": YEAR,
            "n_schools": 6,
            "n_ties": 5,
            "density": 5 / 15,
            "n_components": 2,
            "giant_component_share": 5 / 6,
            "cross_la_share": 2 / 5,
            "cross_consortium_share": 0.0,
        }
    )


def test_tie_across_consortia_is_external_to_both(db):
    db.schools(660, a, b).schools(662, f).draw([(a, f)]).measure()
    assert db.group("consortium", "GWE")["ei_index"] == 1.0
    assert db.group("consortium", "ERW")["ei_index"] == 1.0
    assert db.group("wales", "W92000004")["ei_index"] == -1.0
    assert by_letter(db.school_column("cross_consortium_ties")) == {"a": 1, "b": 0, "f": 1}
    assert db.system()["cross_consortium_share"] == 1.0


def test_schools_without_plcs_are_isolates(db):
    db.schools(660, a, b, c).measure()
    assert db.system() == {
        "year": YEAR,
        "n_schools": 3,
        "n_ties": 0,
        "density": 0.0,
        "n_components": 3,
        "giant_component_share": pytest.approx(1 / 3),
        "cross_la_share": None,
        "cross_consortium_share": None,
        "betweenness_sources": 3,
        **NO_COMMUNITIES,
    }
    assert set(db.school_column("is_isolate").values()) == {True}
    assert db.group("la", "660")["ei_index"] is None
    assert db.group("la", "660")["isolate_share"] == 1.0


def test_no_schools_gives_empty_measures(db):
    # Every group still has a row, and every pair of LAs (6 of 3) and of consortia (3 of 2).
    assert db.measure() == dict.fromkeys(NETWORK_TABLES, 0) | {
        "net_group_metrics": 6,
        "net_system_metrics": 1,
        "net_group_pairs": 6 + 3,
        "net_changes": 6 * 11,
    }
    assert db.system() == {
        "year": YEAR,
        "n_schools": 0,
        "n_ties": 0,
        "density": None,
        "n_components": 0,
        "giant_component_share": None,
        "cross_la_share": None,
        "cross_consortium_share": None,
        "betweenness_sources": 0,
        **NO_COMMUNITIES,
    }
    assert db.group("la", "660")["isolate_share"] is None


def test_returns_rows_per_table_and_replaces_them_when_run_again(two_las):
    again = two_las.measure()
    counted = {t: two_las.rows(f"SELECT count(*) FROM {t}")[0][0] for t in NETWORK_TABLES}
    assert (
        again
        == counted
        == {
            "net_edges": 5,
            "net_school_metrics": 6,
            "net_group_metrics": 6,
            "net_system_metrics": 1,
            "net_group_pairs": 6 + 3,
            # 6 measures of 6 schools and 11 of 6 groups.
            "net_changes": 6 * 6 + 6 * 11,
        }
    )


def test_leaves_no_working_tables(two_las):
    names = {row[0] for row in two_las.rows("SELECT table_name FROM duckdb_tables()")}
    names |= {row[0] for row in two_las.rows("SELECT view_name FROM duckdb_views()")}
    assert not names & {
        *WORKING_TABLES,
        "net_centrality",
        "net_components",
        "net_group_structure",
    }


@pytest.mark.parametrize("n", [0, 1, 2])
def test_betweenness_of_graphs_too_small_for_paths_is_zero(n):
    graph = igraph.Graph(n=n, edges=[(0, 1)] if n == 2 else [])
    assert compute_betweenness(graph).tolist() == [0.0] * n


YEARS = ("2018/19", "2019/20", "2020/21")


@pytest.fixture(params=[7, 11, 13])
def random_network(request, db: NetworkDb) -> NetworkDb:
    """About 80 schools and 60 PLCs over three years, seeded."""
    db.years(*YEARS[1:])
    add_random_network(db, request.param, YEARS)
    db.measure()
    return db


# Each school column and how networkx computes it.
NETWORKX_MEASURES = {
    "betweenness": lambda g: nx.betweenness_centrality(g, normalized=True),
    "clustering": nx.clustering,
    "degree": lambda g: dict(g.degree()),
    "weighted_degree": lambda g: dict(g.degree(weight="weight")),
}


@pytest.mark.parametrize("column", sorted(NETWORKX_MEASURES))
def test_school_measures_agree_with_networkx(random_network, column):
    for year in YEARS:
        graph = build_networkx_graph(random_network.con, year)
        assert graph.number_of_edges() > 20
        expected = NETWORKX_MEASURES[column](graph)
        assert random_network.school_column(column, year) == pytest.approx(expected, abs=1e-9)


def test_system_measures_agree_with_networkx(random_network):
    for year in YEARS:
        graph = build_networkx_graph(random_network.con, year)
        system = random_network.system(year)
        assert system["n_components"] == nx.number_connected_components(graph)
        assert system["giant_component_share"] == pytest.approx(
            max(map(len, nx.connected_components(graph))) / graph.number_of_nodes(), abs=1e-9
        )
        assert system["density"] == pytest.approx(nx.density(graph), abs=1e-9)


def test_measures_of_a_disconnected_graph_agree_with_networkx():
    graph = nx.gnp_random_graph(60, 0.04, seed=5)
    mine = igraph.Graph(n=60, edges=list(graph.edges))
    betweenness = nx.betweenness_centrality(graph)
    clustering = nx.clustering(graph)
    assert compute_betweenness(mine).tolist() == pytest.approx(
        [betweenness[v] for v in range(60)], abs=1e-9
    )
    assert compute_clustering(mine).tolist() == pytest.approx(
        [clustering[v] for v in range(60)], abs=1e-9
    )
    assert compute_components(mine) == (
        nx.number_connected_components(graph),
        max(map(len, nx.connected_components(graph))),
    )


def test_betweenness_shared_among_processes_gives_the_same_tables(db, monkeypatch):
    db.years(*YEARS[1:])
    add_random_network(db, 7, YEARS)
    # Sums of the parts differ from the whole in the last bits only.
    schools = "SELECT * REPLACE (round(betweenness, 12) AS betweenness) FROM net_school_metrics"
    db.measure()
    serial = db.rows(f"{schools} ORDER BY year, school_id")
    serial_system = db.rows("SELECT * FROM net_system_metrics ORDER BY year")
    monkeypatch.setattr(etl.network.metrics, "PARALLEL_WORK", 0)
    etl.network.metrics.compute_network(db.con, progress=lambda _: None, workers=3)
    assert db.rows(f"{schools} ORDER BY year, school_id") == serial
    assert db.rows("SELECT * FROM net_system_metrics ORDER BY year") == serial_system
