"""Graphs from tables: the school graph of each academic year.

The projection from PLC membership to ties between schools runs in DuckDB
(``etl/sql/marts/net_memberships.sql`` and ``net_edges.sql``); this module runs
it and then reads each year's ties straight into an :class:`igraph.Graph` whose
vertices are every school, in ``school_id`` order, so isolated schools are
vertices too. :func:`build_networkx_graph` gives the same graph in networkx, the
reference the measures are checked against.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb
import igraph
import numpy as np

from etl.load import SQL_DIR, run_model

if TYPE_CHECKING:  # imported where used: a refresh never needs networkx (2 s of start-up)
    import networkx as nx

__all__ = [
    "MEMBERSHIPS_TABLE",
    "YearGraph",
    "build_igraph",
    "build_networkx_graph",
    "build_year_graphs",
    "fetch_edge_indices",
    "fetch_school_ids",
    "fetch_years",
    "make_working_table",
    "project_memberships",
    "project_ties",
]

# The working table of memberships counted per year; temporary, never published.
MEMBERSHIPS_TABLE = "net_memberships"


@dataclass(frozen=True)
class YearGraph:
    """The school graph of one academic year.

    Vertex ``i`` of ``graph`` is the school ``school_ids[i]``.
    """

    year: str
    school_ids: np.ndarray
    edges: np.ndarray
    graph: igraph.Graph


def make_working_table(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """Make the temporary table ``name`` from ``etl/sql/marts/<name>.sql``; return its rows.

    Working tables live for one connection and are never published; the models
    that read them run on the same connection.
    """
    sql = (SQL_DIR / "marts" / f"{name}.sql").read_text(encoding="utf-8")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS ({sql})")
    return int(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])


def project_memberships(con: duckdb.DuckDBPyConnection) -> int:
    """Make the temporary table of memberships counted per year; return its rows."""
    return make_working_table(con, MEMBERSHIPS_TABLE)


def project_ties(con: duckdb.DuckDBPyConnection) -> int:
    """Fill ``net_edges`` from the memberships of each year; return rows inserted.

    Needs the table :func:`project_memberships` makes.
    """
    return run_model(con, "net_edges")


def fetch_years(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The years of the network (the academic years with PLC data), in order."""
    return [
        row[0]
        for row in con.execute(
            "SELECT year FROM academic_years WHERE has_plc_data ORDER BY year"
        ).fetchall()
    ]


def fetch_school_ids(con: duckdb.DuckDBPyConnection) -> np.ndarray:
    """Every school id, ascending: the vertex order of every year's graph."""
    ids = con.execute("SELECT school_id FROM schools ORDER BY school_id").fetchnumpy()["school_id"]
    return np.asarray(ids, dtype=np.int64)


def fetch_edge_indices(
    con: duckdb.DuckDBPyConnection, year: str, school_ids: np.ndarray
) -> np.ndarray:
    """The ties of ``year`` as an ``(m, 2)`` array of vertex indices into ``school_ids``.

    In ``(school_a, school_b)`` order: DuckDB returns rows in whatever order its
    threads finish, and the order of a graph's edges decides the order of
    floating-point sums over them (modularity, the layout), so their last digits.
    """
    ends = con.execute(
        "SELECT school_a, school_b FROM net_edges WHERE year = $year ORDER BY school_a, school_b",
        {"year": year},
    ).fetchnumpy()
    # school_ids is sorted, so a binary search maps ids to vertex indices in bulk.
    a = np.searchsorted(school_ids, np.asarray(ends["school_a"], dtype=np.int64))
    b = np.searchsorted(school_ids, np.asarray(ends["school_b"], dtype=np.int64))
    return np.column_stack((a, b)).astype(np.int64, copy=False)


def build_igraph(n: int, edges: np.ndarray) -> igraph.Graph:
    """An undirected igraph graph on vertices ``0 .. n-1`` with the given edges.

    Examples
    --------
    >>> g = build_igraph(4, np.array([[0, 1], [1, 2]]))
    >>> g.vcount(), g.ecount()
    (4, 2)
    """
    return igraph.Graph(n=n, edges=edges.reshape(-1, 2), directed=False)


def build_year_graphs(con: duckdb.DuckDBPyConnection) -> Iterator[YearGraph]:
    """Yield the school graph of every academic year, from ``net_edges``."""
    school_ids = fetch_school_ids(con)
    for year in fetch_years(con):
        edges = fetch_edge_indices(con, year, school_ids)
        yield YearGraph(year, school_ids, edges, build_igraph(len(school_ids), edges))


def build_networkx_graph(con: duckdb.DuckDBPyConnection, year: str) -> nx.Graph:
    """The school graph of ``year`` in networkx: every school a node, ties as edges.

    Edges carry ``weight``, ``shared_members``, ``cross_la`` and ``cross_consortium``.
    """
    import networkx as nx  # (see the imports above)

    graph = nx.Graph()
    graph.add_nodes_from(int(i) for i in fetch_school_ids(con))
    rows = con.execute(
        "SELECT school_a, school_b, weight, shared_members, cross_la, cross_consortium "
        "FROM net_edges WHERE year = $year ORDER BY school_a, school_b",
        {"year": year},
    ).fetchall()
    graph.add_edges_from(
        (a, b, {"weight": w, "shared_members": s, "cross_la": la, "cross_consortium": c})
        for a, b, w, s, la, c in rows
    )
    return graph
