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

import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, fields
from functools import cache
from multiprocessing import get_context

import duckdb
import igraph
import numpy as np
import pandas as pd

from etl.contract import FOCUS_AREAS
from etl.load import SQL_DIR
from etl.network.build import build_igraph, fetch_years
from etl.network.metrics import (
    PARALLEL_WORK,
    Betweenness,
    available_cpus,
    betweenness_sources,
    compute_betweenness,
    compute_clustering,
    compute_components,
    compute_sampled_betweenness,
    sample_size,
)
from etl.network.structure import compute_communities

__all__ = [
    "FOCUS_TABLES",
    "SubgraphMeasures",
    "SubgraphSummary",
    "compute_focus_networks",
    "load_focus_network",
    "measure_subgraph",
]

# The focus areas' networks across the whole system, measured at ETL time.
FOCUS_TABLES = ("net_focus_schools", "net_focus_ties", "net_focus_summary")

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
    Gwynedd (LA 661) with four schools, three tied in a path 1 - 2 - 3, the fourth
    alone, and school 3 tied to a school of Conwy (LA 662), outside the region:

    >>> from etl.schema import apply_schema
    >>> con = duckdb.connect()
    >>> apply_schema(con)
    >>> _ = con.execute(
    ...     "INSERT INTO local_authorities (la_code, ons_code, name_en, name_cy,"
    ...     " consortium_code, consortium_name_en, consortium_name_cy) VALUES"
    ...     " (661, 'W06000002', 'Gwynedd', 'Gwynedd', 'GWE', 'GwE', 'GwE'),"
    ...     " (662, 'W06000003', 'Conwy', 'Conwy', 'GWE', 'GwE', 'GwE')"
    ... )
    >>> _ = con.execute(
    ...     "INSERT INTO schools (school_id, name, la_code, sector, language_medium,"
    ...     " source_file) SELECT id, 'School ' || id, id // 10000, 'primary', 'welsh', 'x'"
    ...     " FROM unnest([6610001, 6610002, 6610003, 6610004, 6620001]) AS t(id)"
    ... )
    >>> _ = con.execute(
    ...     "INSERT INTO net_edges (year, school_a, school_b, weight, shared_members,"
    ...     " cross_la, cross_consortium) VALUES ('2018/19', 6610001, 6610002, 1, 2, false,"
    ...     " false), ('2018/19', 6610002, 6610003, 1, 2, false, false),"
    ...     " ('2018/19', 6610003, 6620001, 1, 2, true, false)"
    ... )
    >>> found = measure_subgraph(con, "2018/19", la=661)
    >>> s = found.summary
    >>> s.n_schools, s.n_ties, s.external_ties, s.n_components, round(s.density, 4)
    (4, 2, 1, 2, 0.3333)
    >>> found.schools["degree"].tolist(), found.schools["external_ties"].tolist()
    ([1, 2, 1, 0], [0, 0, 1, 0])
    >>> found.schools["betweenness"].round(4).tolist()  # 2 is between 1 and 3: 1 of 3 pairs
    [0.0, 0.3333, 0.0, 0.0]
    """
    school_ids, las = _fetch_schools(con, la, consortium, sector, language_medium)
    ties = _fetch_ties(con, year, school_ids, focus_area)
    return _measure(year, focus_area, school_ids, las, ties)


def compute_focus_networks(
    con: duckdb.DuckDBPyConnection,
    progress: Callable[[str], None] = print,
    workers: int | None = None,
    focus_areas: tuple[str, ...] = FOCUS_AREAS,
) -> dict[str, int]:
    """Fill the FOCUS_TABLES: :func:`measure_subgraph` of every year and focus area
    (the system's: etl/systems.py) with no region chosen; return rows per table.

    At England scale one of these takes from a few hundred milliseconds to seconds
    (its betweenness), too long for a page to wait for; a region's are fast and stay
    per request. Above PARALLEL_WORK the subgraphs are measured in ``workers``
    processes (default: the CPUs available). Replaces any rows the tables hold.
    """
    started = time.perf_counter()
    for table in FOCUS_TABLES:
        con.execute(f"DELETE FROM {table}")
    school_ids, las = _fetch_schools(con)
    years = fetch_years(con)
    ties = (
        (year, focus_area, _fetch_ties(con, year, school_ids, focus_area))
        for year in years
        for focus_area in focus_areas
    )
    workers = workers or available_cpus()
    # One sample size for every subgraph, from all their ties together (about the
    # whole network's), so the step's betweenness costs what the network's does.
    all_ties = _count_ties(con)
    k = sample_size(all_ties)
    if workers < 2 or len(school_ids) * all_ties < PARALLEL_WORK:
        measured = (_measure(y, f, school_ids, las, t, k) for y, f, t in ties)
        for found in measured:
            _store_focus_network(con, found)
    else:
        _measure_in_processes(con, ties, school_ids, las, workers, k)
    rows = {
        table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in FOCUS_TABLES
    }
    progress(
        f"    {len(years)} years x {len(focus_areas)} focus areas measured "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return rows


def _count_ties(con: duckdb.DuckDBPyConnection) -> int:
    # Every year's ties: about the ties of all the focus areas' subgraphs together
    # (their ties add up to about the whole network's); times the schools, the work
    # as the network step counts it.
    return int(con.execute("SELECT count(*) FROM net_edges").fetchone()[0])


def _measure_in_processes(
    con: duckdb.DuckDBPyConnection,
    ties: Iterable[tuple[str, str, dict[str, np.ndarray]]],
    school_ids: np.ndarray,
    las: np.ndarray,
    workers: int,
    k: int,
) -> None:
    """Measure each subgraph in another process (igraph holds the GIL; "spawn", as
    forking with DuckDB's threads running is unsafe) and store the results in order."""
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = [
            pool.submit(_measure, year, focus_area, school_ids, las, found, k)
            for year, focus_area, found in ties
        ]
        for future in futures:
            _store_focus_network(con, future.result())


def _store_focus_network(con: duckdb.DuckDBPyConnection, found: SubgraphMeasures) -> None:
    key = {"year": found.year, "focus_area": found.focus_area}
    summary = pd.DataFrame([key | found.summary.as_dict()])
    for table, frame in (
        ("net_focus_schools", found.schools.assign(**key)),
        ("net_focus_ties", found.ties.assign(**key)),
        ("net_focus_summary", summary),
    ):
        con.register("focus_rows", frame)
        try:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM focus_rows")
        finally:
            con.unregister("focus_rows")


def load_focus_network(
    con: duckdb.DuckDBPyConnection, year: str, focus_area: str
) -> SubgraphMeasures:
    """What :func:`measure_subgraph` gives for ``year`` and ``focus_area`` with no
    region chosen, read from the FOCUS_TABLES (:func:`compute_focus_networks`)."""
    params = {"year": year, "focus_area": focus_area}
    summary = con.execute(
        "SELECT * EXCLUDE (year, focus_area) FROM net_focus_summary "
        "WHERE year = $year AND focus_area = $focus_area",
        params,
    ).fetchdf()
    if summary.empty:
        raise LookupError(
            f"no network of focus area {focus_area!r} in {year} in net_focus_summary: "
            "the database was not built by a refresh that measures focus areas; run "
            "`python -m etl refresh` again."
        )
    schools = con.execute(
        f"SELECT {', '.join(SCHOOL_COLUMNS)} FROM net_focus_schools "
        "WHERE year = $year AND focus_area = $focus_area ORDER BY school_id",
        params,
    ).fetchdf()
    ties = con.execute(
        f"SELECT {', '.join(TIE_COLUMNS)} FROM net_focus_ties "
        "WHERE year = $year AND focus_area = $focus_area ORDER BY school_a, school_b",
        params,
    ).fetchdf()
    return SubgraphMeasures(
        year, focus_area, _as_measured(schools), _as_measured(ties), _summary_of(summary)
    )


def _as_measured(frame: pd.DataFrame) -> pd.DataFrame:
    """The dtypes :func:`measure_subgraph` gives: 64-bit integers, nullable communities."""
    typed = frame.copy()
    for column in typed.columns:
        if column == "community_id":
            typed[column] = typed[column].astype("Int64")
        elif pd.api.types.is_integer_dtype(typed[column]):
            typed[column] = typed[column].astype(np.int64)
    return typed


def _summary_of(row: pd.DataFrame) -> SubgraphSummary:
    values = row.iloc[0]
    return SubgraphSummary(**{f.name: _plain(values[f.name]) for f in fields(SubgraphSummary)})


def _plain(value: object) -> object:
    # NULL back to None; numpy scalars back to Python numbers, as measured.
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    return value.item() if isinstance(value, np.generic) else value


def _fetch_schools(
    con: duckdb.DuckDBPyConnection,
    la: int | None = None,
    consortium: str | None = None,
    sector: str | None = None,
    language_medium: str | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The region's school numbers, in order, and their LA codes."""
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
    return school_ids, np.asarray(schools["la_code"], dtype=np.int64)


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
    k: int | None = None,
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
    betweenness = _compute_betweenness(graph, k)
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


def _compute_betweenness(graph: igraph.Graph, k: int | None = None) -> Betweenness:
    """Exact, or sampled as the whole network's betweenness is above the same work,
    from ``k`` sources (default :func:`etl.network.metrics.sample_size` of its ties)."""
    sources = betweenness_sources(graph, k=sample_size(graph.ecount()) if k is None else k)
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
