"""Network measures of the school graph, per academic year.

networkx is the model: betweenness and clustering are unweighted and normalised
exactly as :func:`networkx.betweenness_centrality` and :func:`networkx.clustering`
do on the undirected graph with isolated schools included, and components count
isolated schools as networkx does. They are computed with igraph, which is fast
enough for England-sized graphs; the tests check both libraries agree. Above
:data:`EXACT_BETWEENNESS_WORK` betweenness is estimated from a seeded sample of
source schools (Brandes and Pich 2007), with its standard error.
Eigenvector centrality and communities are :mod:`etl.network.structure`; the
components, communities and assortativity of each LA and consortium are
:mod:`etl.network.groups`. Counts, shares, densities, E-I indices, brokerage
roles, partners by support category, support ties and year-on-year changes are
SQL (``etl/sql/marts/net_*.sql``).
See ``docs/measures.md`` for every definition.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing import get_context

import duckdb
import igraph
import numpy as np
import pyarrow as pa

from etl.load import run_model
from etl.network.build import (
    MEMBERSHIPS_TABLE,
    YearGraph,
    build_igraph,
    build_year_graphs,
    make_working_table,
    project_memberships,
    project_ties,
)
from etl.network.groups import (
    GROUP_STRUCTURE_SCHEMA,
    SchoolAttributes,
    SchoolGroups,
    compute_group_structure,
    fetch_school_attributes,
    fetch_school_groups,
)
from etl.network.structure import Communities, compute_communities, compute_eigenvector

__all__ = [
    "BETWEENNESS_BATCHES",
    "BETWEENNESS_MIN_SOURCES",
    "BETWEENNESS_SEED",
    "BETWEENNESS_SOURCES",
    "BETWEENNESS_WORK",
    "EXACT_BETWEENNESS_WORK",
    "MODELS",
    "NETWORK_TABLES",
    "PARALLEL_WORK",
    "WORKING_TABLES",
    "Betweenness",
    "GraphMeasures",
    "available_cpus",
    "betweenness_sources",
    "compute_betweenness",
    "compute_clustering",
    "compute_components",
    "compute_graph_measures",
    "compute_network",
    "compute_sampled_betweenness",
    "estimate_betweenness",
    "normalise_betweenness",
    "sample_size",
]

# The published tables compute_network fills, in the order it fills them.
NETWORK_TABLES = (
    "net_edges",
    "net_school_metrics",
    "net_group_metrics",
    "net_system_metrics",
    "net_group_pairs",
    "net_changes",
)

# Temporary tables of one run (etl/sql/marts/<name>.sql), never published.
WORKING_TABLES = (MEMBERSHIPS_TABLE, "net_school_groups", "net_brokerage")

# The SQL models run after the igraph measures, in order, each working table
# before the published tables that read it: first the schools', then, once the
# groups' igraph measures are registered (they read the schools' categories),
# the rest.
MODELS = (
    ("net_school_groups", "net_brokerage", "net_school_metrics"),
    ("net_group_metrics", "net_system_metrics", "net_group_pairs", "net_changes"),
)

# Above this much betweenness work (source vertices times edges, summed over
# years; about 15 s of one CPU) betweenness runs in parallel processes, beside
# the other measures; below it starting them costs more than it saves. Wales is
# about 3e7 a year.
PARALLEL_WORK = 300_000_000

# Betweenness is exact while a year's vertices times edges is at most this (Wales:
# about 3e7; about 16 s of one CPU here); above it, it is estimated from k source
# vertices drawn uniformly at random with BETWEENNESS_SEED, the same sources every
# year (docs/measures.md gives the error). k is BETWEENNESS_SOURCES unless that
# would cost more than BETWEENNESS_WORK (sources times edges, summed over the
# graphs of one step: every year, or every year and focus area), at about 50 ns
# of one CPU each; then fewer, but never fewer than BETWEENNESS_MIN_SOURCES.
EXACT_BETWEENNESS_WORK = 1_000_000_000
BETWEENNESS_SOURCES = 2000
BETWEENNESS_MIN_SOURCES = 200
BETWEENNESS_WORK = 1_200_000_000
BETWEENNESS_SEED = 2007
# The sample is split into this many interleaved batches; the spread of their
# estimates gives the standard error.
BETWEENNESS_BATCHES = 20

# The per-school igraph measures handed to net_school_metrics.sql as net_centrality.
CENTRALITY_SCHEMA = pa.schema(
    [
        ("year", pa.string()),
        ("school_id", pa.int32()),
        ("betweenness", pa.float64()),
        ("clustering", pa.float64()),
        ("eigenvector", pa.float64()),
        ("community_id", pa.int32()),
    ]
)


@dataclass(frozen=True)
class Betweenness:
    """Normalised betweenness of every vertex and how it was computed.

    ``method`` is ``"exact"`` or ``"sampled"``; ``sources`` the source vertices
    used (n when exact); ``error`` the largest estimated standard error of any
    vertex's value (0 when exact).
    """

    values: np.ndarray
    method: str
    sources: int
    error: float


@dataclass(frozen=True)
class GraphMeasures:
    """The measures igraph computes for one year's graph, per vertex and overall."""

    betweenness: Betweenness
    clustering: np.ndarray
    n_components: int
    giant_component_size: int
    eigenvector: np.ndarray
    communities: Communities


def compute_betweenness(graph: igraph.Graph) -> np.ndarray:
    """Unweighted betweenness of every vertex, normalised as networkx normalises it.

    Examples
    --------
    >>> compute_betweenness(igraph.Graph(n=3, edges=[(0, 1), (1, 2)])).tolist()
    [0.0, 1.0, 0.0]
    """
    return normalise_betweenness(np.asarray(graph.betweenness(directed=False), dtype=float))


def normalise_betweenness(raw: np.ndarray) -> np.ndarray:
    """Scale igraph's undirected betweenness to ``networkx.betweenness_centrality``'s.

    igraph counts each unordered pair of endpoints once and does not normalise;
    networkx (``normalized=True``, undirected) counts ordered pairs and divides by
    ``(n-1)(n-2)``, so the factor is ``2 / ((n-1)(n-2))``. With fewer than three
    vertices no path has an inner vertex and every value is 0.
    """
    n = len(raw)
    if n < 3:
        return np.zeros(n)
    return raw * (2.0 / ((n - 1) * (n - 2)))


def betweenness_sources(
    graph: igraph.Graph,
    exact_work: int | None = None,
    k: int | None = None,
    seed: int | None = None,
) -> np.ndarray | None:
    """The source vertices to sample for ``graph``'s betweenness, or None for exact.

    Exact when vertices times edges is at most ``exact_work`` or ``k`` is at least
    the number of vertices; otherwise ``k`` vertices drawn uniformly without
    replacement with ``seed``, in the order drawn. The defaults are
    :data:`EXACT_BETWEENNESS_WORK`, :data:`BETWEENNESS_SOURCES` and
    :data:`BETWEENNESS_SEED`.
    """
    exact_work = EXACT_BETWEENNESS_WORK if exact_work is None else exact_work
    k = BETWEENNESS_SOURCES if k is None else k
    seed = BETWEENNESS_SEED if seed is None else seed
    n = graph.vcount()
    if n * graph.ecount() <= exact_work or k >= n:
        return None
    return np.random.default_rng(seed).choice(n, size=k, replace=False)


def sample_size(edges: int) -> int:
    """Sources to sample in each of graphs that have ``edges`` ties in all.

    :data:`BETWEENNESS_SOURCES`, or fewer when that many would cost more than
    :data:`BETWEENNESS_WORK`, but never fewer than :data:`BETWEENNESS_MIN_SOURCES`.

    Examples
    --------
    >>> sample_size(100_000), sample_size(3_000_000), sample_size(50_000_000)
    (2000, 400, 200)
    """
    affordable = BETWEENNESS_WORK // max(edges, 1)
    return int(min(BETWEENNESS_SOURCES, max(BETWEENNESS_MIN_SOURCES, affordable)))


def compute_sampled_betweenness(
    graph: igraph.Graph, sources: np.ndarray, batches: int | None = None
) -> Betweenness:
    """Betweenness estimated from the dependencies of ``sources`` only (Brandes and Pich 2007).

    Each source's dependencies are what exact betweenness sums over all sources,
    so their sum scaled by n / k is an unbiased estimate; with k = n it is exact.

    Examples
    --------
    >>> path = igraph.Graph(n=3, edges=[(0, 1), (1, 2)])
    >>> compute_sampled_betweenness(path, np.array([0, 1, 2])).values.tolist()
    [0.0, 1.0, 0.0]
    """
    parts = _batch_betweenness(graph, _split(sources, batches or BETWEENNESS_BATCHES))
    return estimate_betweenness(graph.vcount(), parts)


def estimate_betweenness(n: int, parts: list[tuple[int, np.ndarray]]) -> Betweenness:
    """Betweenness from igraph's raw betweenness of disjoint batches of sampled sources.

    ``parts`` holds (sources in the batch, raw betweenness from them). The
    estimate is the sum times n / k; its standard error is the spread of the
    batches' own estimates over the square root of their number, with the
    finite-population correction (1 - k / n), so 0 when every vertex is a source.
    """
    k = sum(size for size, _ in parts)
    raw = np.sum([part for _, part in parts], axis=0) * (n / k)
    error = 0.0
    if len(parts) > 1 and k < n:
        estimates = np.array([part * (n / size) for size, part in parts])
        variance = estimates.var(axis=0, ddof=1) / len(parts) * (1 - k / n)
        error = float(normalise_betweenness(np.sqrt(variance)).max(initial=0.0))
    return Betweenness(normalise_betweenness(raw), "sampled", k, error)


def _split(sources: np.ndarray, batches: int) -> list[np.ndarray]:
    return [part for part in (sources[i::batches] for i in range(batches)) if len(part)]


def _batch_betweenness(
    graph: igraph.Graph, batches: list[np.ndarray]
) -> list[tuple[int, np.ndarray]]:
    return [
        (len(b), np.asarray(graph.betweenness(directed=False, sources=b.tolist()), dtype=float))
        for b in batches
    ]


def compute_clustering(graph: igraph.Graph) -> np.ndarray:
    """Unweighted local clustering of every vertex, as ``networkx.clustering``.

    Vertices of degree 0 or 1 have clustering 0 (``mode="zero"``), as in networkx.

    Examples
    --------
    >>> triangle_and_pendant = igraph.Graph(n=4, edges=[(0, 1), (1, 2), (0, 2), (2, 3)])
    >>> compute_clustering(triangle_and_pendant).round(4).tolist()
    [1.0, 1.0, 0.3333, 0.0]
    """
    return np.asarray(graph.transitivity_local_undirected(mode="zero"), dtype=float)


def compute_components(graph: igraph.Graph) -> tuple[int, int]:
    """Number of connected components (isolates included) and the largest one's size.

    Examples
    --------
    >>> compute_components(igraph.Graph(n=5, edges=[(0, 1), (1, 2)]))
    (3, 3)
    """
    sizes = graph.connected_components(mode="weak").sizes()
    return len(sizes), max(sizes, default=0)


def compute_graph_measures(
    graph: igraph.Graph,
    groups: np.ndarray | None = None,
    betweenness: Betweenness | None = None,
) -> GraphMeasures:
    """Every igraph measure of one year's graph.

    ``groups`` labels each vertex with its LA (default: all one group), for the
    modularity and NMI of the LA partition. ``betweenness`` is given when it has
    been computed already (in other processes, for large graphs); otherwise it is
    exact or sampled as :func:`betweenness_sources` decides.
    """
    if betweenness is None:
        betweenness = _betweenness_in_process(graph, betweenness_sources(graph))
    if groups is None:
        groups = np.zeros(graph.vcount(), dtype=np.int64)
    n_components, giant = compute_components(graph)
    return GraphMeasures(
        betweenness=betweenness,
        clustering=compute_clustering(graph),
        n_components=n_components,
        giant_component_size=giant,
        eigenvector=compute_eigenvector(graph),
        communities=compute_communities(graph, groups),
    )


def compute_network(
    con: duckdb.DuckDBPyConnection,
    progress: Callable[[str], None] = print,
    workers: int | None = None,
) -> dict[str, int]:
    """Fill the network tables for every year of the network (``academic_years`` with
    ``has_plc_data``: a year without PLC data gets no rows); return rows per table.

    Fills the tables of :data:`NETWORK_TABLES` from ``schools``,
    ``local_authorities``, ``plcs``, ``plc_memberships``, ``school_outcomes`` and
    ``academic_years``, replacing any rows they hold.

    Parameters
    ----------
    con
        A database with the published schema and its input tables loaded.
    progress
        Called with a line of text as each stage ends.
    workers
        Processes that share the betweenness of large graphs; default: the CPUs
        available. Small graphs are always measured in this process.
    """
    started = time.perf_counter()
    for table in NETWORK_TABLES:
        con.execute(f"DELETE FROM {table}")
    memberships = project_memberships(con)
    rows = {"net_edges": project_ties(con)}
    progress(
        f"    {memberships:,} memberships counted by year, {rows['net_edges']:,} ties "
        f"({time.perf_counter() - started:.1f} s)"
    )

    graphs = list(build_year_graphs(con))
    groups = fetch_school_groups(con)
    measured = time.perf_counter()
    measures = _measure_graphs(graphs, groups.la.codes, workers)
    for graph, result in zip(graphs, measures, strict=True):
        b = result.betweenness
        progress(
            f"    {graph.year}: {graph.graph.vcount():,} schools, {graph.graph.ecount():,} ties, "
            f"{result.n_components:,} components, {result.communities.n_communities:,} "
            f"communities, betweenness {b.method} ({b.sources:,} sources)"
        )
    progress(
        f"    betweenness, clustering, components, eigenvector, communities "
        f"({time.perf_counter() - measured:.1f} s)"
    )

    con.register("net_centrality", _centrality_table(graphs, measures))
    con.register("net_components", _components_table(graphs, measures))
    try:
        filled = time.perf_counter()
        rows |= _run_models(con, MODELS[0])
        progress(
            f"    brokerage, partners, ties gained and lost ({time.perf_counter() - filled:.1f} s)"
        )
        measured = time.perf_counter()
        attributes = fetch_school_attributes(con)
        con.register(
            "net_group_structure", _group_structure_table(graphs, measures, groups, attributes)
        )
        progress(
            f"    components and assortativity of every group, communities of consortia "
            f"({time.perf_counter() - measured:.1f} s)"
        )
        filled = time.perf_counter()
        rows |= _run_models(con, MODELS[1])
        progress(f"    group, system, E-I and change tables ({time.perf_counter() - filled:.1f} s)")
    finally:
        for name in ("net_centrality", "net_components", "net_group_structure"):
            con.unregister(name)
        for table in WORKING_TABLES:
            con.execute(f"DROP TABLE IF EXISTS {table}")
    progress(f"    network tables filled ({time.perf_counter() - started:.1f} s)")
    return rows


def _measure_graphs(
    graphs: list[YearGraph], groups: np.ndarray, workers: int | None
) -> list[GraphMeasures]:
    """Measure every year; betweenness shared among processes when the work is large."""
    workers = workers or available_cpus()
    k = sample_size(sum(g.graph.ecount() for g in graphs))
    plans = [betweenness_sources(g.graph, k=k) for g in graphs]
    work = sum(
        (g.graph.vcount() if p is None else len(p)) * g.graph.ecount()
        for g, p in zip(graphs, plans, strict=True)
    )
    if workers < 2 or work < PARALLEL_WORK:
        return [
            compute_graph_measures(g.graph, groups, _betweenness_in_process(g.graph, sources))
            for g, sources in zip(graphs, plans, strict=True)
        ]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = _submit_betweenness(pool, graphs, plans, workers)
        # The other measures meanwhile, here, with the betweenness yet to come.
        pending = Betweenness(np.zeros(0), "pending", 0, 0.0)
        measured = [compute_graph_measures(g.graph, groups, pending) for g in graphs]
        betweenness = _collect_betweenness(graphs, plans, futures)
    return [replace(m, betweenness=b) for m, b in zip(measured, betweenness, strict=True)]


def _betweenness_in_process(graph: igraph.Graph, sources: np.ndarray | None) -> Betweenness:
    """Exact betweenness, or sampled from ``sources``."""
    if sources is None:
        return Betweenness(compute_betweenness(graph), "exact", graph.vcount(), 0.0)
    return compute_sampled_betweenness(graph, sources)


def _submit_betweenness(
    pool: ProcessPoolExecutor,
    graphs: list[YearGraph],
    plans: list[np.ndarray | None],
    workers: int,
) -> list[list[Future]]:
    """Start the betweenness of each graph, its sources shared among processes.

    Betweenness is a sum over source vertices, so each process takes every
    ``workers``-th source (exact) or batch of sampled sources (sampled) of every
    year and the parts add up; interleaved sources keep the parts about equal.
    igraph holds the GIL, hence processes, started by "spawn" because forking a
    process with DuckDB's threads running is unsafe.
    """
    futures = []
    for g, sources in zip(graphs, plans, strict=True):
        n = g.graph.vcount()
        if sources is None:
            batches = [np.arange(first, n, workers) for first in range(workers)]
        else:
            batches = _split(sources, BETWEENNESS_BATCHES)
        futures.append(
            [
                pool.submit(_partial_betweenness, n, g.edges, batches[first::workers])
                for first in range(workers)
            ]
        )
    return futures


def _collect_betweenness(
    graphs: list[YearGraph], plans: list[np.ndarray | None], futures: list[list[Future]]
) -> list[Betweenness]:
    """Add up the parts :func:`_submit_betweenness` started, graph by graph."""
    results = []
    for g, sources, year in zip(graphs, plans, futures, strict=True):
        parts = [part for future in year for part in future.result()]
        if sources is None:
            raw = np.sum([part for _, part in parts], axis=0)
            n = g.graph.vcount()
            results.append(Betweenness(normalise_betweenness(raw), "exact", n, 0.0))
        else:
            results.append(estimate_betweenness(g.graph.vcount(), parts))
    return results


def _partial_betweenness(
    n: int, edges: np.ndarray, batches: list[np.ndarray]
) -> list[tuple[int, np.ndarray]]:
    # Plain arrays pickle cheaply to another process; the graph is rebuilt there.
    return _batch_betweenness(build_igraph(n, edges), [b for b in batches if len(b)])


def available_cpus() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _centrality_table(graphs: Iterable[YearGraph], measures: Iterable[GraphMeasures]) -> pa.Table:
    parts = [
        pa.table(
            {
                "year": [g.year] * len(g.school_ids),
                "school_id": g.school_ids,
                "betweenness": m.betweenness.values,
                "clustering": m.clustering,
                "eigenvector": m.eigenvector,
                "community_id": pa.array(m.communities.community_id, pa.int32()),
            },
            schema=CENTRALITY_SCHEMA,
        )
        for g, m in zip(graphs, measures, strict=True)
    ]
    return pa.concat_tables(parts) if parts else CENTRALITY_SCHEMA.empty_table()


def _run_models(con: duckdb.DuckDBPyConnection, models: Iterable[str]) -> dict[str, int]:
    """Run SQL models in order; return rows of the published ones."""
    rows = {}
    for model in models:
        if model in WORKING_TABLES:
            make_working_table(con, model)
        else:
            rows[model] = run_model(con, model)
    return rows


def _group_structure_table(
    graphs: Iterable[YearGraph],
    measures: Iterable[GraphMeasures],
    groups: SchoolGroups,
    attributes: SchoolAttributes,
) -> pa.Table:
    parts = [
        compute_group_structure(g.year, g.graph, g.edges, groups, attributes, m.communities)
        for g, m in zip(graphs, measures, strict=True)
    ]
    return pa.concat_tables(parts) if parts else GROUP_STRUCTURE_SCHEMA.empty_table()


def _components_table(graphs: Iterable[YearGraph], measures: Iterable[GraphMeasures]) -> pa.Table:
    pairs = list(zip(graphs, measures, strict=True))
    return pa.table(
        {
            "year": pa.array([g.year for g, _ in pairs], pa.string()),
            "n_components": pa.array([m.n_components for _, m in pairs], pa.int64()),
            "giant_component_size": pa.array(
                [m.giant_component_size for _, m in pairs], pa.int64()
            ),
            "betweenness_method": pa.array([m.betweenness.method for _, m in pairs], pa.string()),
            "betweenness_sources": pa.array([m.betweenness.sources for _, m in pairs], pa.int64()),
            "betweenness_error": pa.array(
                [_finite(m.betweenness.error) for _, m in pairs], pa.float64()
            ),
            "n_communities": pa.array([m.communities.n_communities for _, m in pairs], pa.int64()),
            "modularity_communities": pa.array(
                [m.communities.modularity for _, m in pairs], pa.float64()
            ),
            "modularity_la": pa.array(
                [m.communities.modularity_groups for _, m in pairs], pa.float64()
            ),
            "nmi_communities_la": pa.array([m.communities.nmi for _, m in pairs], pa.float64()),
        }
    )


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None
