"""Sampled betweenness, eigenvector centrality and communities: known answers by
hand on small graphs, and cross-checks against networkx and exact betweenness.
"""

from __future__ import annotations

import math

import igraph
import networkx as nx
import numpy as np
import pytest
from network_db import YEAR, NetworkDb, add_random_network

import etl.network.metrics
from etl.network.build import build_networkx_graph
from etl.network.metrics import (
    BETWEENNESS_SEED,
    betweenness_sources,
    compute_betweenness,
    compute_sampled_betweenness,
)
from etl.network.structure import compute_communities, compute_eigenvector

a, b, c, d, e, f, g = (6600001, 6600002, 6600003, 6600004, 6600005, 6600006, 6600007)


def nx_eigenvector(graph: nx.Graph) -> dict[int, float]:
    """networkx's eigenvector centrality, iterated further than its default."""
    return nx.eigenvector_centrality(graph, max_iter=100_000, tol=1e-13, weight=None)


# Eigenvector centrality by hand. Star of a centre and k leaves: eigenvalue
# sqrt(k), centre 1/sqrt(2), each leaf 1/sqrt(2k). Path of three: eigenvalue
# sqrt(2), middle 1/sqrt(2), ends 1/2. Path of four: eigenvalue golden ratio p,
# inner p * outer, outer 1/sqrt(2(1 + p^2)).
PHI = (1 + math.sqrt(5)) / 2
OUTER = 1 / math.sqrt(2 * (1 + PHI**2))
EIGENVECTORS = {
    "star": (5, [(0, 1), (0, 2), (0, 3), (0, 4)], [1 / math.sqrt(2)] + [1 / math.sqrt(8)] * 4),
    "path3": (3, [(0, 1), (1, 2)], [0.5, 1 / math.sqrt(2), 0.5]),
    "path4": (4, [(0, 1), (1, 2), (2, 3)], [OUTER, PHI * OUTER, PHI * OUTER, OUTER]),
    # The star (eigenvalue 2) beats the edge (1): the edge and the isolate get 0.
    "star_edge_isolate": (
        8,
        [(0, 1), (0, 2), (0, 3), (0, 4), (5, 6)],
        [1 / math.sqrt(2)] + [1 / math.sqrt(8)] * 4 + [0.0, 0.0, 0.0],
    ),
    # Two equal edges tie: the uniform start weighs them alike; the isolate gets 0.
    "two_edges_isolate": (5, [(0, 1), (2, 3)], [0.5, 0.5, 0.5, 0.5, 0.0]),
    # No ties: networkx's iteration stops at once, at 1/sqrt(n) each.
    "no_ties": (4, [], [0.5] * 4),
}


@pytest.mark.parametrize("name", sorted(EIGENVECTORS))
def test_eigenvector_centrality_by_hand(name):
    n, edges, expected = EIGENVECTORS[name]
    graph = igraph.Graph(n=n, edges=edges)
    assert compute_eigenvector(graph).tolist() == pytest.approx(expected, abs=1e-9)
    reference = nx_eigenvector(nx.Graph(graph.get_edgelist()) if edges else nx.empty_graph(n))
    reference = [reference.get(v, 0.0) for v in range(n)]
    assert expected == pytest.approx(reference, abs=1e-6)


def test_eigenvector_of_no_schools_is_empty():
    assert compute_eigenvector(igraph.Graph(n=0)).tolist() == []


def test_eigenvector_of_disconnected_random_graph_agrees_with_networkx():
    graph = nx.gnp_random_graph(200, 0.012, seed=3)
    mine = compute_eigenvector(igraph.Graph(n=200, edges=list(graph.edges)))
    reference = nx_eigenvector(graph)
    assert mine.tolist() == pytest.approx([reference[v] for v in range(200)], abs=1e-6)


# Two triangles a b c and d e f joined by c-d, g alone. m = 7; each triangle's
# degrees sum to 7, so Q = 2 * (3/7 - (7/14)^2) = 5/14 for the two triangles.
TWO_TRIANGLES = [(a, b), (b, c), (a, c), (d, e), (e, f), (d, f), (c, d)]


def test_two_triangles_are_two_communities(db):
    db.schools(660, a, b, c).schools(661, d, e, f).schools(662, g).draw(TWO_TRIANGLES).measure()
    assert db.school_column("community_id") == {a: 1, b: 1, c: 1, d: 2, e: 2, f: 2, g: None}
    system = db.system()
    # LAs 660 and 661 are the two triangles and g's LA has no ties: the same Q;
    # over the six tied schools the communities are the LAs, NMI 1.
    assert system["n_communities"] == 2
    assert system["modularity_communities"] == pytest.approx(5 / 14, abs=1e-12)
    assert system["modularity_la"] == pytest.approx(5 / 14, abs=1e-12)
    assert system["nmi_communities_la"] == pytest.approx(1.0, abs=1e-12)


def test_modularity_of_one_group_is_zero_by_hand(db):
    # Every school in one LA: Q = 7/7 - (14/14)^2 = 0.
    db.schools(660, a, b, c, d, e, f).draw(TWO_TRIANGLES).measure()
    assert db.system()["modularity_la"] == pytest.approx(0.0, abs=1e-12)
    # One LA has no entropy: NMI is 0 against any split.
    assert db.system()["nmi_communities_la"] == pytest.approx(0.0, abs=1e-12)


def test_nmi_by_hand():
    # Communities {0,1,2} {3,4,5}; groups {0,1} {2,3,4,5}. Over six schools:
    # H(C) = ln 2; H(G) = -(1/3 ln 1/3 + 2/3 ln 2/3); joint cells 2, 1, 3 of six.
    graph = igraph.Graph(n=6, edges=[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    found = compute_communities(graph, np.array([7, 7, 9, 9, 9, 9]))
    assert found.community_id == [1, 1, 1, 2, 2, 2]
    h_c = math.log(2)
    h_g = -(1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3))
    joint = -(2 / 6 * math.log(2 / 6) + 1 / 6 * math.log(1 / 6) + 3 / 6 * math.log(3 / 6))
    expected = 2 * (h_c + h_g - joint) / (h_c + h_g)
    assert found.nmi == pytest.approx(expected, abs=1e-12)


def test_communities_are_repeatable_and_numbered_by_size():
    graph = igraph.Graph.Erdos_Renyi(n=300, m=600)
    first = compute_communities(graph, np.zeros(300))
    assert compute_communities(graph, np.zeros(300)) == first
    sizes = np.bincount([c for c in first.community_id if c is not None])[1:]
    assert (np.diff(sizes) <= 0).all()
    assert len(sizes) == first.n_communities


@pytest.fixture(params=[7, 11])
def random_network(request, db: NetworkDb) -> NetworkDb:
    """About 80 schools and 60 PLCs, seeded."""
    add_random_network(db, request.param, (YEAR,))
    db.measure()
    return db


def test_modularity_and_eigenvector_agree_with_networkx(random_network):
    graph = build_networkx_graph(random_network.con, YEAR)
    communities = random_network.school_column("community_id")
    parts: dict[object, set[int]] = {}
    for school, community in communities.items():
        parts.setdefault(community if community is not None else ("alone", school), set()).add(
            school
        )
    las = dict(random_network.rows("SELECT school_id, la_code FROM schools"))
    by_la: dict[int, set[int]] = {}
    for school, la in las.items():
        by_la.setdefault(la, set()).add(school)
    system = random_network.system()
    modularity = nx.community.modularity(graph, parts.values(), weight=None)
    assert system["modularity_communities"] == pytest.approx(modularity, abs=1e-9)
    assert system["modularity_la"] == pytest.approx(
        nx.community.modularity(graph, by_la.values(), weight=None), abs=1e-9
    )
    # Louvain finds a better split than the LAs here; networkx's own is close.
    louvain = nx.community.louvain_communities(graph, weight=None, seed=1)
    assert modularity > nx.community.modularity(graph, louvain, weight=None) - 0.05
    assert random_network.school_column("eigenvector") == pytest.approx(
        nx_eigenvector(graph), abs=1e-6
    )


def test_small_graphs_get_exact_betweenness(random_network):
    system = random_network.system()
    assert (system["betweenness_method"], system["betweenness_error"]) == ("exact", 0.0)
    assert system["betweenness_sources"] == system["n_schools"]


def test_sampled_betweenness_with_every_source_is_exact():
    graph = igraph.Graph.Erdos_Renyi(n=200, m=500)
    sampled = compute_sampled_betweenness(graph, np.random.default_rng(1).permutation(200))
    assert sampled.values.tolist() == pytest.approx(compute_betweenness(graph).tolist(), abs=1e-12)
    assert (sampled.method, sampled.sources, sampled.error) == ("sampled", 200, 0.0)


def test_sources_are_sampled_above_the_threshold_with_a_fixed_seed():
    graph = igraph.Graph.Erdos_Renyi(n=100, m=300)
    assert betweenness_sources(graph) is None
    sources = betweenness_sources(graph, exact_work=0, k=10)
    assert len(set(sources.tolist())) == 10
    assert sources.tolist() == betweenness_sources(graph, exact_work=0, k=10).tolist()
    assert betweenness_sources(graph, exact_work=0, k=100) is None


# Sampling error on a seeded preferential-attachment graph of 3,000 vertices with
# k = 300 (10%): measured max absolute error 1.8e-2 against a largest exact value
# of 0.22, mean absolute error 3.3e-4 against a mean of 1.2e-3, and an estimated
# standard error (largest over vertices) of 1.1e-2.
def test_sampled_betweenness_error_is_within_its_bound():
    n, k = 3000, 300
    graph = igraph.Graph(n=n, edges=list(nx.barabasi_albert_graph(n, 2, seed=1).edges))
    exact = compute_betweenness(graph)
    sources = np.random.default_rng(BETWEENNESS_SEED).choice(n, size=k, replace=False)
    sampled = compute_sampled_betweenness(graph, sources)
    error = np.abs(sampled.values - exact)
    assert error.max() < 0.1 * exact.max()
    assert error.mean() < 0.5 * exact.mean()
    assert sampled.error < 0.1 * exact.max()
    assert error.max() < 3 * sampled.error


def test_sampled_betweenness_is_stored_with_its_method(db, monkeypatch):
    add_random_network(db, 7, (YEAR,))
    monkeypatch.setattr(etl.network.metrics, "EXACT_BETWEENNESS_WORK", 0)
    monkeypatch.setattr(etl.network.metrics, "BETWEENNESS_SOURCES", 30)
    db.measure()
    system = db.system()
    assert (system["betweenness_method"], system["betweenness_sources"]) == ("sampled", 30)
    assert 0 < system["betweenness_error"] < 0.1
    exact = nx.betweenness_centrality(build_networkx_graph(db.con, YEAR))
    sampled = db.school_column("betweenness")
    assert max(abs(sampled[s] - exact[s]) for s in exact) < 6 * system["betweenness_error"]
    # And in processes, the same estimate.
    monkeypatch.setattr(etl.network.metrics, "PARALLEL_WORK", 0)
    etl.network.metrics.compute_network(db.con, progress=lambda _: None, workers=2)
    assert db.school_column("betweenness") == pytest.approx(sampled, abs=1e-12)
    assert db.system() == pytest.approx(system, abs=1e-12)
