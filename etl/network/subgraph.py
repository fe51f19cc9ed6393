"""Measures of a region's subgraph, computed per request for the dashboard.

The published tables hold every measure of the whole network of each year. A
page filtered to a region (an LA, a consortium, a sector, a language medium)
and perhaps to one PLC focus area needs the measures *of that subgraph*: its
schools, the ties between them (through the focus area's PLCs only, when one
is chosen), and betweenness, clustering, components and communities computed
on that graph alone. :func:`measure_subgraph` computes them from a DuckDB
connection it is given (the dashboard's, read-only) with parameterised SQL
(``etl/sql/subgraph/``) and igraph, using the same measure functions as the
whole network, so networkx is the reference here too. See ``docs/measures.md``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache

import duckdb
import igraph
import numpy as np
import pandas as pd

from etl.load import SQL_DIR
from etl.network.build import build_igraph
from etl.network.metrics import (
    Betweenness,
    betweenness_sources,
    compute_betweenness,
    compute_clustering,
    compute_components,
    compute_sampled_betweenness,
)
from etl.network.structure import compute_communities

__all__ = ["SubgraphMeasures", "SubgraphSummary", "measure_subgraph"]

SCHOOL_COLUMNS = (
    "school_id",
    "la_code",
    "degree",
    "weighted_degree",
    "external_ties",
    "betweenness",
    "clustering",
    "community_id",
)
TIE_COLUMNS = ("school_a", "school_b", "weight", "cross_la")


@dataclass(frozen=True)
class SubgraphSummary:
    """The figures of one subgraph; None where a figure is undefined (see docs/measures.md)."""

    n_schools: int
    n_ties: int
    external_ties: int
    density: float | None
    n_components: int
    giant_component_share: float | None
    isolate_share: float | None
    ties_within_la: int
    ties_across_la: int
    ei_index_la: float | None
    n_communities: int
    modularity_communities: float | None
    modularity_la: float | None
    nmi_communities_la: float | None
    betweenness_method: str
    betweenness_sources: int
    betweenness_error: float

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class SubgraphMeasures:
    """A region's subgraph in one year: its schools, its ties, and its figures.

    ``schools`` has one row per school of the region, isolated ones included:
    ``school_id``, ``la_code``, ``degree``, ``weighted_degree`` (within the
    subgraph), ``external_ties`` (ties to schools outside the region),
    ``betweenness``, ``clustering`` and ``community_id`` (Louvain on the
    subgraph, numbered by size, missing for schools without a tie in it).
    ``ties`` has the subgraph's ties: ``school_a`` < ``school_b``, ``weight``
    (PLCs shared, of the focus area when one is chosen) and ``cross_la``.
    """

    year: str
    focus_area: str | None
    schools: pd.DataFrame
    ties: pd.DataFrame
    summary: SubgraphSummary


def measure_subgraph(
    con: duckdb.DuckDBPyConnection,
    year: str,
    *,
    la: int | None = None,
    consortium: str | None = None,
    sector: str | None = None,
    language_medium: str | None = None,
    focus_area: str | None = None,
) -> SubgraphMeasures:
    """Measure the subgraph of the schools a page's filters choose, in one year.

    Parameters
    ----------
    con
        A connection to the published database; read-only is enough. Nothing
        is written, nothing is opened.
    year
        Academic year, e.g. ``"2018/19"``. A year without ties gives a graph of
        isolated schools.
    la, consortium, sector, language_medium
        The region: LA code, consortium code, sector and language medium, None
        meaning all (as the dashboard's ``chosen_schools`` macro).
    focus_area
        When given, only ties through PLCs of this focus area active in the
        year count (projected afresh from ``plcs`` and ``plc_memberships``);
        otherwise the year's ties from ``net_edges``.

    Returns
    -------
    SubgraphMeasures
        Per-school measures, the ties, and the summary. The subgraph's nodes
        are every school of the region (isolated ones too) and its edges the
        ties with both schools in it. Betweenness and clustering are unweighted
        and normalised as networkx normalises them on this subgraph (n = its
        schools); betweenness is sampled only above the work threshold of the
        whole network (:data:`etl.network.metrics.EXACT_BETWEENNESS_WORK`).

    Examples
    --------
    >>> found = measure_subgraph(con, "2018/19", la=661, focus_area="numeracy")  # doctest: +SKIP
    >>> found.summary.n_schools, found.schools.columns.tolist()[:3]  # doctest: +SKIP
    (102, ['school_id', 'la_code', 'degree'])
    """
    schools = con.execute(
        _sql("subgraph_schools"),
        {
            "consortium": consortium,
            "la_code": la,
            "sector": sector,
            "language_medium": language_medium,
        },
    ).fetchnumpy()
    school_ids = np.asarray(schools["school_id"], dtype=np.int64)
    las = np.asarray(schools["la_code"], dtype=np.int64)
    ties = _fetch_ties(con, year, school_ids, focus_area)
    return _measure(year, focus_area, school_ids, las, ties)


@cache
def _sql(name: str) -> str:
    return (SQL_DIR / "subgraph" / f"{name}.sql").read_text(encoding="utf-8")


def _fetch_ties(
    con: duckdb.DuckDBPyConnection, year: str, school_ids: np.ndarray, focus_area: str | None
) -> dict[str, np.ndarray]:
    """The ties of ``year`` touching the region, as arrays; a_in and b_in mark its ends."""
    params: dict[str, object] = {"year": year, "schools": school_ids.tolist()}
    if focus_area is None:
        found = con.execute(_sql("subgraph_ties"), params).fetchnumpy()
    else:
        found = con.execute(
            _sql("subgraph_focus_ties"), params | {"focus_area": focus_area}
        ).fetchnumpy()
    return {name: np.asarray(values) for name, values in found.items()}


def _measure(
    year: str,
    focus_area: str | None,
    school_ids: np.ndarray,
    las: np.ndarray,
    ties: dict[str, np.ndarray],
) -> SubgraphMeasures:
    n = len(school_ids)
    internal = ties["a_in"].astype(bool) & ties["b_in"].astype(bool)
    # school_ids is sorted, so a binary search gives each end's vertex index.
    a = np.searchsorted(school_ids, ties["school_a"][internal].astype(np.int64))
    b = np.searchsorted(school_ids, ties["school_b"][internal].astype(np.int64))
    weights = ties["weight"][internal].astype(np.int64)
    edges = np.column_stack((a, b)).astype(np.int64)
    graph = build_igraph(n, edges)
    degree = np.bincount(edges.ravel(), minlength=n)
    betweenness = _compute_betweenness(graph)
    communities = compute_communities(graph, las)
    n_components, giant = compute_components(graph)

    schools = pd.DataFrame(
        {
            "school_id": school_ids,
            "la_code": las,
            "degree": degree,
            "weighted_degree": np.bincount(a, weights, n) + np.bincount(b, weights, n),
            "external_ties": _count_external_ends(school_ids, ties, internal),
            "betweenness": betweenness.values,
            "clustering": compute_clustering(graph),
            "community_id": pd.array(communities.community_id, dtype="Int64"),
        },
        columns=list(SCHOOL_COLUMNS),
    )
    schools["weighted_degree"] = schools["weighted_degree"].astype(np.int64)
    tie_frame = pd.DataFrame(
        {
            "school_a": ties["school_a"][internal].astype(np.int64),
            "school_b": ties["school_b"][internal].astype(np.int64),
            "weight": weights,
            "cross_la": ties["cross_la"][internal].astype(bool),
        },
        columns=list(TIE_COLUMNS),
    )
    cross_la = ties["cross_la"].astype(bool)
    within, across = int((~cross_la).sum()), int(cross_la.sum())
    summary = SubgraphSummary(
        n_schools=n,
        n_ties=int(internal.sum()),
        external_ties=int((~internal).sum()),
        density=_ratio(int(internal.sum()), n * (n - 1) / 2) if n >= 2 else None,
        n_components=n_components,
        giant_component_share=_ratio(giant, n),
        isolate_share=_ratio(int((degree == 0).sum()), n),
        ties_within_la=within,
        ties_across_la=across,
        ei_index_la=_ratio(across - within, across + within),
        n_communities=communities.n_communities,
        modularity_communities=communities.modularity,
        modularity_la=communities.modularity_groups,
        nmi_communities_la=communities.nmi,
        betweenness_method=betweenness.method,
        betweenness_sources=betweenness.sources,
        betweenness_error=betweenness.error,
    )
    return SubgraphMeasures(year, focus_area, schools, tie_frame, summary)


def _compute_betweenness(graph: igraph.Graph) -> Betweenness:
    """Exact, or sampled as the whole network's betweenness is above the same work."""
    sources = betweenness_sources(graph)
    if sources is None:
        return Betweenness(compute_betweenness(graph), "exact", graph.vcount(), 0.0)
    return compute_sampled_betweenness(graph, sources)


def _count_external_ends(
    school_ids: np.ndarray, ties: dict[str, np.ndarray], internal: np.ndarray
) -> np.ndarray:
    """Per school of the region, its ties to schools outside the region."""
    outside = ~internal
    ends = np.concatenate(
        (
            ties["school_a"][outside & ties["a_in"].astype(bool)],
            ties["school_b"][outside & ties["b_in"].astype(bool)],
        )
    ).astype(np.int64)
    return np.bincount(np.searchsorted(school_ids, ends), minlength=len(school_ids))


def _ratio(numerator: float, denominator: float) -> float | None:
    return float(numerator / denominator) if denominator else None
