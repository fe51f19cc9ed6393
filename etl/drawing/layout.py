"""Force layout of the school graph of each year, computed at ETL time for the explorer.

On these dense, small-world graphs a force layout of the whole graph at once
(igraph's Fruchterman-Reingold, 1.7 s a year at England scale; DrL about a
minute) draws one undifferentiated ball. So the layout is drawn at two levels
(clustered graph drawing; Eades and Feng 1996), which is faster too:

1. the year's Louvain communities (``net_school_metrics.community_id``) are
   placed by Fruchterman-Reingold (1991) on the graph of communities, each tie
   between two communities pulling them together, then pushed apart until their
   discs, of area proportional to their schools, do not overlap;
2. the schools of each community are placed inside its disc by PivotMDS
   (Brandes and Pich 2007, *Eigensolver methods*) on their own ties, refined by a few iterations of
   Fruchterman-Reingold.

Each year is turned (rotation or reflection only) to match the previous year's
drawing where they share schools, the communities as a whole and the schools
inside each, so that a school stays roughly where it was. Isolated schools go on
rings around the drawing. Everything is seeded (:data:`LAYOUT_SEED`), so the
same data always give the same coordinates. See ``docs/measures.md``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import duckdb
import igraph
import numpy as np
import pyarrow as pa

from etl.load import run_model
from etl.network.build import build_igraph, fetch_edge_indices, fetch_school_ids, fetch_years

__all__ = [
    "DRAWING_RADIUS",
    "ISOLATES_PER_RING",
    "LAYOUT_METHOD",
    "LAYOUT_SEED",
    "LAYOUT_TABLES",
    "MAX_DRAWN_TIES",
    "align_rotation",
    "compute_layout",
    "layout_communities",
    "layout_year",
    "pivot_mds",
    "place_isolates",
    "separate_discs",
]

# The published tables compute_layout fills, in the order it fills them.
LAYOUT_TABLES = ("net_layout", "net_edges_drawn", "net_drawing_rules")

# Seed of every random choice the layout makes (starting positions, first pivots).
LAYOUT_SEED = 2019
# Named in net_drawing_rules so the page can say how the drawing was made.
LAYOUT_METHOD = "communities_fr_pivotmds"
# A browser draws about this many WebGL line segments smoothly; above it only
# the strongest ties of the year are drawn (net_edges_drawn).
MAX_DRAWN_TIES = 20_000

# Tied schools are drawn within this radius of the origin; isolated schools on
# rings from ISOLATE_RING_FIRST out to ISOLATE_RING_LAST, at most
# ISOLATES_PER_RING to a ring, so every coordinate is within [-1, 1].
DRAWING_RADIUS = 0.85
ISOLATE_RING_FIRST = 0.92
ISOLATE_RING_LAST = 1.0
ISOLATES_PER_RING = 500

# PivotMDS pivots per community, and Fruchterman-Reingold iterations refining it.
PIVOTS = 50
REFINE_ITERATIONS = 30
# Above this many schools a community is refined with igraph's grid variant,
# whose repulsion is local; below it the exact all-pairs one is cheap and better.
GRID_ABOVE = 1000
# From the second year the communities start where their schools were and move
# for this many iterations, from a temperature of sqrt(communities) / this
# (igraph's default start is sqrt(n) / 10 over 500 iterations).
SETTLE_ITERATIONS = 50
SETTLE_COOLING = 100
# Community discs are kept this share of their radii apart.
DISC_GAP = 0.05
# Disc separation is all-pairs; above this many communities it is skipped.
MAX_SEPARATED = 1500

NET_LAYOUT_SCHEMA = pa.schema(
    [("year", pa.string()), ("school_id", pa.int32()), ("x", pa.float64()), ("y", pa.float64())]
)


def compute_layout(
    con: duckdb.DuckDBPyConnection, progress: Callable[[str], None] = print
) -> dict[str, int]:
    """Fill ``net_layout``, ``net_edges_drawn`` and ``net_drawing_rules``; return rows per table.

    Reads ``schools``, ``academic_years``, ``net_edges`` and
    ``net_school_metrics`` (the communities), so it runs after
    :func:`etl.network.compute_network`. Replaces any rows the tables hold.
    """
    started = time.perf_counter()
    for table in LAYOUT_TABLES:
        con.execute(f"DELETE FROM {table}")
    school_ids = fetch_school_ids(con)
    previous: np.ndarray | None = None
    parts = []
    for year in fetch_years(con):
        # In vertex order, so the layout's floating-point sums repeat exactly.
        edges = fetch_edge_indices(con, year, school_ids)
        xy = layout_year(len(school_ids), edges, _fetch_communities(con, year), previous)
        parts.append(_layout_table(year, school_ids, xy))
        previous = np.where(_tied(len(school_ids), edges)[:, None], xy, np.nan)
    layout = pa.concat_tables(parts) if parts else NET_LAYOUT_SCHEMA.empty_table()
    con.register("net_layout_arrow", layout)
    try:
        con.execute("INSERT INTO net_layout SELECT * FROM net_layout_arrow")
    finally:
        con.unregister("net_layout_arrow")
    rows = {"net_layout": layout.num_rows}
    params = {"max_ties": MAX_DRAWN_TIES}
    rows["net_edges_drawn"] = run_model(con, "net_edges_drawn", params=params)
    rows["net_drawing_rules"] = run_model(
        con,
        "net_drawing_rules",
        params=params | {"layout_method": LAYOUT_METHOD, "layout_seed": LAYOUT_SEED},
    )
    progress(
        f"    layout of {len(parts)} years, {rows['net_edges_drawn']:,} ties to draw "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return rows


def _fetch_communities(con: duckdb.DuckDBPyConnection, year: str) -> np.ndarray:
    """Each school's community that year, in school_id order; 0 for isolated schools."""
    found = con.execute(
        "SELECT coalesce(community_id, 0) AS community FROM net_school_metrics "
        "WHERE year = $year ORDER BY school_id",
        {"year": year},
    ).fetchnumpy()["community"]
    return np.asarray(found, dtype=np.int64)


def _layout_table(year: str, school_ids: np.ndarray, xy: np.ndarray) -> pa.Table:
    return pa.table(
        {"year": [year] * len(school_ids), "school_id": school_ids, "x": xy[:, 0], "y": xy[:, 1]},
        schema=NET_LAYOUT_SCHEMA,
    )


def _tied(n: int, edges: np.ndarray) -> np.ndarray:
    return np.bincount(edges.ravel(), minlength=n) > 0


@contextmanager
def _seeded_igraph(seed: int) -> Iterator[None]:
    # igraph draws from a Python random.Random; seeded, its layouts repeat exactly.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def layout_year(
    n: int,
    edges: np.ndarray,
    communities: np.ndarray,
    previous: np.ndarray | None = None,
    seed: int = LAYOUT_SEED,
) -> np.ndarray:
    """Coordinates in [-1, 1] of the ``n`` schools of one year's graph, as an (n, 2) array.

    Parameters
    ----------
    n
        Schools (vertices ``0 .. n-1``).
    edges
        The ties, an (m, 2) array of vertex indices.
    communities
        Each vertex's community (any positive labels; 0 or less for none). A
        tied vertex without one is a community of its own.
    previous
        Last year's coordinates (NaN where a school was not drawn), to turn this
        year's drawing to; None for the first year.
    seed
        Seed of the starting positions and pivots.

    Tied vertices lie within :data:`DRAWING_RADIUS` of the origin; isolated ones
    on rings outside it (:func:`place_isolates`).

    Examples
    --------
    >>> xy = layout_year(4, np.array([[0, 1], [1, 2]]), np.array([1, 1, 1, 0]))
    >>> bool(np.abs(xy[:3]).max() <= DRAWING_RADIUS), float(np.hypot(*xy[3]).round(2))
    (True, 0.96)
    """
    xy = np.zeros((n, 2))
    tied = _tied(n, edges)
    if tied.any():
        vertices = np.flatnonzero(tied)
        local = np.full(n, -1, dtype=np.int64)
        local[vertices] = np.arange(len(vertices))
        labels = _complete_labels(communities[vertices])
        before = None if previous is None else previous[vertices]
        with _seeded_igraph(seed):
            drawn = layout_communities(local[edges], labels, before, seed)
        xy[vertices] = _fit_disc(drawn, DRAWING_RADIUS)
    xy[~tied] = place_isolates(int((~tied).sum()))
    return xy


def _complete_labels(labels: np.ndarray) -> np.ndarray:
    """Labels 0 .. k-1; a vertex without a community (label <= 0) gets one of its own."""
    labels = labels.copy()
    missing = labels <= 0
    labels[missing] = labels.max(initial=0) + 1 + np.arange(missing.sum())
    return np.unique(labels, return_inverse=True)[1].ravel()


def layout_communities(
    edges: np.ndarray, labels: np.ndarray, previous: np.ndarray | None, seed: int
) -> np.ndarray:
    """Two-level layout of a graph whose every vertex is tied: communities, then schools.

    ``labels`` numbers each vertex's community 0 .. k-1. Returns unnormalised
    coordinates: community ``j`` fills a disc of radius sqrt(its size).
    """
    n, k = len(labels), int(labels.max()) + 1
    sizes = np.bincount(labels, minlength=k)
    radii = np.sqrt(sizes)
    rng = np.random.default_rng(seed)
    centres = _place_community_centres(edges, labels, k, radii, previous, rng)
    xy = np.zeros((n, 2))
    order = np.argsort(labels, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(sizes)))
    vertex_edges = _edges_by_community(edges, labels, k)
    for j in range(k):
        members = order[bounds[j] : bounds[j + 1]]
        inner = _layout_community(members, vertex_edges[j], rng)
        if previous is not None:
            inner = _turn_to(inner, previous[members], about=np.zeros(2))
        xy[members] = inner * radii[j] + centres[j]
    return xy


def _edges_by_community(edges: np.ndarray, labels: np.ndarray, k: int) -> list[np.ndarray]:
    """The ties inside each community, as vertex pairs, grouped by community in one sort."""
    inside = edges[labels[edges[:, 0]] == labels[edges[:, 1]]]
    community = labels[inside[:, 0]]
    order = np.argsort(community, kind="stable")
    bounds = np.searchsorted(community[order], np.arange(k + 1))
    return [inside[order[bounds[j] : bounds[j + 1]]] for j in range(k)]


def _place_community_centres(
    edges: np.ndarray,
    labels: np.ndarray,
    k: int,
    radii: np.ndarray,
    previous: np.ndarray | None,
    rng: np.random.Generator,
) -> np.ndarray:
    """Fruchterman-Reingold on the graph of communities, then discs pushed apart."""
    a, b = labels[edges[:, 0]], labels[edges[:, 1]]
    across = a != b
    pairs, counts = np.unique(
        np.minimum(a, b)[across] * k + np.maximum(a, b)[across], return_counts=True
    )
    quotient = igraph.Graph(n=k, edges=np.column_stack((pairs // k, pairs % k)), directed=False)
    start = (rng.random((k, 2)) - 0.5) * np.sqrt(k)
    seeds = _previous_centres(labels, k, previous)
    known = ~np.isnan(seeds[:, 0])
    settle = {}
    if known.sum() >= 2:
        # Last year's centres, brought to the scale of the random start; a cooler,
        # shorter run then moves them only as far as this year's ties ask.
        spread = np.ptp(seeds[known], axis=0).max() or 1.0
        start[known] = (seeds[known] - seeds[known].mean(axis=0)) / spread * np.sqrt(k)
        settle = {"niter": SETTLE_ITERATIONS, "start_temp": np.sqrt(k) / SETTLE_COOLING}
    centres = np.asarray(
        quotient.layout_fruchterman_reingold(
            weights=np.log1p(counts).tolist(), seed=start.tolist(), grid="auto", **settle
        ).coords,
        dtype=float,
    ).reshape(k, 2)
    if known.sum() >= 2:
        centres = _turn_to(centres, seeds)
    if k > MAX_SEPARATED:
        # Thousands of communities (mostly pairs of schools): comparing every
        # pair of discs would cost more than it gives; keep igraph's spacing.
        return centres * radii.mean()
    return separate_discs(centres * _touching_scale(centres, radii), radii)


def _touching_scale(centres: np.ndarray, radii: np.ndarray) -> float:
    """The scale at which a typical disc just touches its nearest neighbour.

    The median over communities of (radii of the two) / (distance between
    centres), nearest neighbours only, times 1 + :data:`DISC_GAP`: the drawing is
    as compact as its discs allow, whatever the unit of the community layout.
    """
    if len(centres) < 2:
        return 1.0
    apart = np.hypot(*(centres[:, None, :] - centres[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(apart, np.inf)
    nearest = np.argmin(apart, axis=1)
    distance = apart[np.arange(len(centres)), nearest]
    ratio = (radii + radii[nearest]) / np.maximum(distance, 1e-12)
    return float(np.median(ratio)) * (1 + DISC_GAP)


def _previous_centres(labels: np.ndarray, k: int, previous: np.ndarray | None) -> np.ndarray:
    """Mean of last year's positions of each community's schools; NaN where none was drawn."""
    centres = np.full((k, 2), np.nan)
    if previous is None:
        return centres
    drawn = ~np.isnan(previous[:, 0])
    counts = np.bincount(labels[drawn], minlength=k)
    for axis in (0, 1):
        sums = np.bincount(labels[drawn], weights=previous[drawn, axis], minlength=k)
        centres[counts > 0, axis] = sums[counts > 0] / counts[counts > 0]
    return centres


def _layout_community(
    members: np.ndarray, edges: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """The schools of one community in the unit disc: PivotMDS refined by Fruchterman-Reingold."""
    m = len(members)
    if m == 1:
        return np.zeros((1, 2))
    if m == 2:
        return np.array([[-1.0, 0.0], [1.0, 0.0]])
    # members are ascending (a stable sort by community), so a binary search
    # turns the ties' vertex numbers into the community's own.
    local = np.searchsorted(members, edges) if len(edges) else edges
    graph = build_igraph(m, local)
    start = pivot_mds(graph, min(PIVOTS, m), rng)
    spread = np.abs(start).max() or 1.0
    refined = graph.layout_fruchterman_reingold(
        seed=(start / spread * np.sqrt(m) / 2).tolist(),
        niter=REFINE_ITERATIONS,
        start_temp=np.sqrt(m) / 20,
        grid=m > GRID_ABOVE,
    )
    return _fit_disc(np.asarray(refined.coords, dtype=float).reshape(m, 2), 1.0)


def pivot_mds(graph: igraph.Graph, pivots: int, rng: np.random.Generator) -> np.ndarray:
    """PivotMDS (Brandes and Pich 2007): a 2D embedding of a graph's shortest-path distances.

    The first pivot is drawn with ``rng``; each next one is the vertex farthest
    from those chosen (max-min). The embedding is classical MDS of the
    double-centred squared distances to the pivots, through the eigenvectors of
    their k x k product. Vertices in another component than a pivot are taken
    to be one step beyond the farthest vertex reached.

    Examples
    --------
    >>> path = igraph.Graph(n=5, edges=[(0, 1), (1, 2), (2, 3), (3, 4)])
    >>> xy = pivot_mds(path, 3, np.random.default_rng(0))
    >>> # a path becomes evenly spaced points on a straight line
    >>> (np.abs(np.diff(xy[:, 0])) / np.abs(xy).max()).round(6).tolist()
    [0.5, 0.5, 0.5, 0.5]
    >>> bool(np.abs(xy[:, 1]).max() < 1e-9)
    True
    """
    n = graph.vcount()
    distances = np.empty((pivots, n))
    nearest = np.full(n, np.inf)
    chosen = int(rng.integers(n))
    for i in range(pivots):
        row = np.asarray(graph.distances(source=[chosen])[0], dtype=float)
        finite = np.isfinite(row)
        row[~finite] = row[finite].max() + 1
        distances[i] = row
        nearest = np.minimum(nearest, row)
        chosen = int(np.argmax(nearest))
    squared = distances.T**2
    centred = -0.5 * (
        squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None] + squared.mean()
    )
    return centred @ _leading_eigenvectors(centred.T @ centred, rng)


def _leading_eigenvectors(
    symmetric: np.ndarray, rng: np.random.Generator, iterations: int = 500
) -> np.ndarray:
    """The two leading eigenvectors of a small positive semi-definite matrix, as columns.

    Orthogonal (subspace) iteration in plain numpy from a seeded start. LAPACK's
    eigh would do, but on a busy machine its threads cost tens of milliseconds
    for a 50 x 50 matrix, and the layout solves one per community per year.
    With a single row and column the second vector is 0.
    """
    k = len(symmetric)
    basis = rng.standard_normal((k, 2))
    for _ in range(iterations):
        moved = _orthonormal(symmetric @ basis)
        # Converged when each column keeps its direction (a vanished one stays 0).
        if np.abs(np.abs((moved * basis).sum(axis=0)) - (moved * moved).sum(axis=0)).max() < 1e-12:
            return moved
        basis = moved
    return basis


def _orthonormal(columns: np.ndarray) -> np.ndarray:
    """Gram-Schmidt on two columns; a column that vanishes (to rounding) becomes 0."""
    scale = np.linalg.norm(columns[:, 0])
    first = columns[:, 0] / (scale or 1.0)
    second = columns[:, 1] - (first @ columns[:, 1]) * first
    length = np.linalg.norm(second)
    if length <= 1e-12 * scale:
        return np.column_stack((first, np.zeros_like(first)))
    return np.column_stack((first, second / length))


def align_rotation(points: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """The 2 x 2 rotation or reflection that best turns centred ``points`` onto ``targets``.

    Orthogonal Procrustes: with U S V' the SVD of points' targets (both centred),
    U V' minimises the squared distance between the turned points and the targets.

    Examples
    --------
    >>> square = np.array([[1.0, 0], [0, 1], [-1, 0], [0, -1]])
    >>> align_rotation(square, square @ np.array([[0.0, 1], [-1, 0]])).round(6).tolist()
    [[0.0, 1.0], [-1.0, 0.0]]
    """
    p = points - points.mean(axis=0)
    t = targets - targets.mean(axis=0)
    u, _, vt = np.linalg.svd(p.T @ t)
    return u @ vt


def _turn_to(
    points: np.ndarray, targets: np.ndarray, about: np.ndarray | None = None
) -> np.ndarray:
    """Turn ``points`` about ``about`` (default their mean) to match ``targets`` where given.

    Targets are NaN where unknown; with fewer than two known, the points are
    returned as they are. (igraph turns every layout it returns to its principal
    axes, so a layout started from last year's positions must be turned back.)
    """
    known = ~np.isnan(targets[:, 0])
    if known.sum() < 2:
        return points
    rotation = align_rotation(points[known], targets[known])
    centre = points.mean(axis=0) if about is None else about
    return (points - centre) @ rotation + centre


def separate_discs(
    centres: np.ndarray, radii: np.ndarray, gap: float = DISC_GAP, rounds: int = 200
) -> np.ndarray:
    """Push overlapping discs apart along the line between their centres.

    Each round every overlapping pair moves apart by half their overlap (radii
    plus ``gap`` of them); it stops when none overlap or after ``rounds``.

    Examples
    --------
    >>> separate_discs(np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([1.0, 1.0]), gap=0).tolist()
    [[-0.5, 0.0], [1.5, 0.0]]
    """
    centres = centres.astype(float, copy=True)
    if len(centres) < 2:
        return centres
    need = (radii[:, None] + radii[None, :]) * (1 + gap)
    for _ in range(rounds):
        apart = centres[:, None, :] - centres[None, :, :]
        distance = np.hypot(apart[..., 0], apart[..., 1])
        overlap = np.clip(need - distance, 0.0, None)
        np.fill_diagonal(overlap, 0.0)
        if overlap.max() <= 1e-9 * need.max():
            break
        # Coincident centres get a fixed direction, so the result never depends on chance.
        direction = np.where(
            distance[..., None] > 0, apart / np.maximum(distance, 1e-12)[..., None], [1.0, 0.0]
        )
        centres += (direction * (overlap / 2)[..., None]).sum(axis=1)
    return centres


def _fit_disc(xy: np.ndarray, radius: float) -> np.ndarray:
    """Centre ``xy`` on its bounding box and scale it into a disc of ``radius``."""
    centred = xy - (xy.min(axis=0) + xy.max(axis=0)) / 2
    reach = np.hypot(centred[:, 0], centred[:, 1]).max(initial=0.0)
    return centred * (radius / reach) if reach > 0 else centred


def place_isolates(n: int) -> np.ndarray:
    """Positions of ``n`` isolated schools on rings around the drawing, in the order given.

    Rings run from radius 0.92 to 1.0, at most :data:`ISOLATES_PER_RING` schools
    to a ring, filled in turn (a single ring lies midway, at 0.96); on each the
    schools go clockwise from the top, evenly spaced, alternate rings offset by half a
    step.

    Examples
    --------
    >>> place_isolates(4).round(2).tolist()
    [[0.0, 0.96], [0.96, 0.0], [0.0, -0.96], [-0.96, -0.0]]
    """
    if n == 0:
        return np.zeros((0, 2))
    rings = -(-n // ISOLATES_PER_RING)
    radii = (
        np.linspace(ISOLATE_RING_FIRST, ISOLATE_RING_LAST, rings)
        if rings > 1
        else np.array([(ISOLATE_RING_FIRST + ISOLATE_RING_LAST) / 2])
    )
    per_ring = -(-n // rings)
    ring = np.arange(n) // per_ring
    place = np.arange(n) % per_ring
    on_ring = np.minimum(per_ring, n - ring * per_ring)
    angle = np.pi / 2 - 2 * np.pi * (place + 0.5 * (ring % 2)) / on_ring
    return np.column_stack((radii[ring] * np.cos(angle), radii[ring] * np.sin(angle)))
