"""Network measures of the school graph, per academic year.

networkx is the model: betweenness and clustering are unweighted and normalised
exactly as :func:`networkx.betweenness_centrality` and :func:`networkx.clustering`
do on the undirected graph with isolated schools included, and components count
isolated schools as networkx does. They are computed with igraph, which is fast
enough for England-sized graphs; the tests check both libraries agree. Counts,
shares, densities and E-I indices are SQL (``etl/sql/marts/net_*.sql``).
See ``docs/measures.md`` for every definition.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
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
    project_memberships,
    project_ties,
)

__all__ = [
    "NETWORK_TABLES",
    "GraphMeasures",
    "compute_betweenness",
    "compute_clustering",
    "compute_components",
    "compute_graph_measures",
    "compute_network",
    "normalise_betweenness",
]

# The published tables compute_network fills, in the order it fills them.
NETWORK_TABLES = ("net_edges", "net_school_metrics", "net_group_metrics", "net_system_metrics")

# Above this much betweenness work (vertices times edges, summed over years)
# betweenness runs in parallel processes; below it starting them costs more than
# it saves. Wales is about 3e7 a year, England about 1.4e10.
PARALLEL_WORK = 2_000_000_000

# The per-school igraph measures handed to net_school_metrics.sql as net_centrality.
CENTRALITY_SCHEMA = pa.schema(
    [
        ("year", pa.string()),
        ("school_id", pa.int32()),
        ("betweenness", pa.float64()),
        ("clustering", pa.float64()),
    ]
)


@dataclass(frozen=True)
class GraphMeasures:
    """The measures igraph computes for one year's graph, per vertex and overall."""

    betweenness: np.ndarray
    clustering: np.ndarray
    n_components: int
    giant_component_size: int


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
    graph: igraph.Graph, raw_betweenness: np.ndarray | None = None
) -> GraphMeasures:
    """Betweenness, clustering and components of one year's graph.

    ``raw_betweenness`` is igraph's unnormalised betweenness when it has been
    computed already (in other processes, for large graphs).
    """
    n_components, giant = compute_components(graph)
    return GraphMeasures(
        betweenness=compute_betweenness(graph)
        if raw_betweenness is None
        else normalise_betweenness(raw_betweenness),
        clustering=compute_clustering(graph),
        n_components=n_components,
        giant_component_size=giant,
    )


def compute_network(
    con: duckdb.DuckDBPyConnection,
    progress: Callable[[str], None] = print,
    workers: int | None = None,
) -> dict[str, int]:
    """Fill the network tables for every year in ``academic_years``; return rows per table.

    Fills ``net_edges``, ``net_school_metrics``, ``net_group_metrics`` and
    ``net_system_metrics`` from ``schools``, ``local_authorities``, ``plcs``,
    ``plc_memberships`` and ``academic_years``, replacing any rows they hold.

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
    measured = time.perf_counter()
    measures = _measure_graphs(graphs, workers)
    for graph, result in zip(graphs, measures, strict=True):
        progress(
            f"    {graph.year}: {graph.graph.vcount():,} schools, {graph.graph.ecount():,} ties, "
            f"{result.n_components:,} components"
        )
    progress(f"    betweenness, clustering, components ({time.perf_counter() - measured:.1f} s)")

    con.register("net_centrality", _centrality_table(graphs, measures))
    con.register("net_components", _components_table(graphs, measures))
    try:
        for table in NETWORK_TABLES[1:]:
            rows[table] = run_model(con, table)
    finally:
        con.unregister("net_centrality")
        con.unregister("net_components")
        con.execute(f"DROP TABLE IF EXISTS {MEMBERSHIPS_TABLE}")
    progress(f"    network tables filled ({time.perf_counter() - started:.1f} s)")
    return rows


def _measure_graphs(graphs: list[YearGraph], workers: int | None) -> list[GraphMeasures]:
    workers = workers or _available_cpus()
    work = sum(g.graph.vcount() * g.graph.ecount() for g in graphs)
    if workers < 2 or work < PARALLEL_WORK:
        return [compute_graph_measures(g.graph) for g in graphs]
    raw = _compute_betweenness_in_processes(graphs, workers)
    return [compute_graph_measures(g.graph, r) for g, r in zip(graphs, raw, strict=True)]


def _compute_betweenness_in_processes(graphs: list[YearGraph], workers: int) -> list[np.ndarray]:
    """igraph's raw betweenness of each graph, its sources shared among processes.

    Betweenness is a sum over source vertices, so each process takes every
    ``workers``-th source of every year and the parts add up; interleaved sources
    keep the parts about equal. igraph holds the GIL, hence processes, started by
    "spawn" because forking a process with DuckDB's threads running is unsafe.
    """
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        parts = [
            [
                pool.submit(_partial_betweenness, g.graph.vcount(), g.edges, first, workers)
                for first in range(workers)
            ]
            for g in graphs
        ]
        return [np.sum([part.result() for part in year], axis=0) for year in parts]


def _partial_betweenness(n: int, edges: np.ndarray, first: int, step: int) -> np.ndarray:
    # Plain arrays pickle cheaply to another process; the graph is rebuilt there.
    graph = build_igraph(n, edges)
    sources = list(range(first, n, step))
    return np.asarray(graph.betweenness(directed=False, sources=sources), dtype=float)


def _available_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _centrality_table(graphs: Iterable[YearGraph], measures: Iterable[GraphMeasures]) -> pa.Table:
    parts = [
        pa.table(
            {
                "year": [g.year] * len(g.school_ids),
                "school_id": g.school_ids,
                "betweenness": m.betweenness,
                "clustering": m.clustering,
            },
            schema=CENTRALITY_SCHEMA,
        )
        for g, m in zip(graphs, measures, strict=True)
    ]
    return pa.concat_tables(parts) if parts else CENTRALITY_SCHEMA.empty_table()


def _components_table(graphs: Iterable[YearGraph], measures: Iterable[GraphMeasures]) -> pa.Table:
    pairs = list(zip(graphs, measures, strict=True))
    return pa.table(
        {
            "year": pa.array([g.year for g, _ in pairs], pa.string()),
            "n_components": pa.array([m.n_components for _, m in pairs], pa.int64()),
            "giant_component_size": pa.array(
                [m.giant_component_size for _, m in pairs], pa.int64()
            ),
        }
    )
