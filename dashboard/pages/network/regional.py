"""A force layout of one region's schools, computed from the region's own ties.

The refresh lays out the whole network once a year (net_layout); a region cut out
of it keeps the national positions, where a city's tied schools sit in one dot and
its isolated schools on the national rings. Here the region's tied schools are
laid out on their own (igraph's Fruchterman-Reingold, the ties' weights pulling,
the starting positions seeded so that a link draws the same picture every time),
scaled to [-1, 1], and the schools without a tie in the region are set in rows
beneath them, by name, as a shelf the eye reads apart from the network.

A layout is kept per published file and selection (LAYOUTS_KEPT of them): it
changes only with a refresh.
"""

from __future__ import annotations

import math
import random
import threading
from collections import OrderedDict
from collections.abc import Hashable

import igraph as ig
import numpy as np
import pandas as pd

__all__ = ["ISOLATES_TOP", "LAYOUT_SEED", "lay_out_region", "lay_out_region_cached"]

LAYOUT_SEED = 2019  # as the refresh's layout (etl/drawing/layout.py)
LAYOUTS_KEPT = 32
# The shelf of schools without ties starts this far below the network's lowest point.
ISOLATES_TOP = -1.2
# Rows of the shelf are this far apart; columns fill the network's width.
SHELF_STEP = 0.12


_seeded_lock = threading.Lock()


# From this many tied schools (an English region: 900 to 2,000; Wales's consortia stay
# below it, their pictures unchanged), the repulsion is counted on igraph's grid, from
# neighbouring cells only, over 100 iterations: a region of 1,400 tied schools in about
# 0.2 s of CPU instead of 0.8 s.
GRID_FROM = 800


def _iterations(count: int) -> int:
    """Fruchterman-Reingold's iterations: 500 for a small region, fewer for a large one,
    whose every iteration costs the square of its schools (a consortium settles in
    200: its picture changes little after; on the grid, 100)."""
    if count >= GRID_FROM:
        return 100
    return 500 if count <= 200 else 200


def _lay_out_tied(count: int, edges: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Positions of ``count`` schools joined by ``edges`` (index pairs), in [-1, 1]."""
    if count == 1:
        return np.zeros((1, 2))
    start = np.random.default_rng(LAYOUT_SEED).uniform(-1, 1, size=(count, 2))
    graph = ig.Graph(n=count, edges=edges.tolist())
    # igraph draws from one Python random.Random for the whole process: seeded for
    # this layout (and one layout at a time), the picture repeats exactly.
    with _seeded_lock:
        ig.set_random_number_generator(random.Random(LAYOUT_SEED))
        try:
            layout = graph.layout_fruchterman_reingold(
                weights=weights.tolist(),
                seed=start.tolist(),
                niter=_iterations(count),
                grid="grid" if count >= GRID_FROM else "nogrid",
            )
        finally:
            ig.set_random_number_generator(random)
    xy = np.asarray(layout.coords, dtype=float)
    xy -= (xy.max(axis=0) + xy.min(axis=0)) / 2
    extent = np.abs(xy).max()
    return xy / extent if extent > 0 else xy


def _shelve(count: int) -> np.ndarray:
    """``count`` places in rows below the network, left to right, top row first: as wide
    as the network, and with many schools more columns, closer together, so that the
    shelf stays about half as tall as the network."""
    if count == 0:
        return np.zeros((0, 2))
    columns = max(round(2 / SHELF_STEP) + 1, math.ceil(math.sqrt(2 * count)))
    step = SHELF_STEP if count <= columns else 2 / (columns - 1)
    index = np.arange(count)
    row, column = index // columns, index % columns
    width = (min(count, columns) - 1) * step
    return np.column_stack([-width / 2 + column * step, ISOLATES_TOP - row * step])


def lay_out_region(schools: pd.DataFrame, ties: pd.DataFrame) -> pd.DataFrame:
    """``schools`` (school_id, name) with ``x`` and ``y``: the schools tied within the
    region (``ties``: school_a, school_b, weight, between two of ``schools``) in a
    force layout of their own, the others in rows beneath, by name."""
    ids = pd.Index(schools["school_id"])
    a, b = ids.get_indexer(ties["school_a"]), ids.get_indexer(ties["school_b"])
    inside = (a >= 0) & (b >= 0)
    a, b = a[inside], b[inside]
    weights = ties["weight"].to_numpy(dtype=float)[inside]
    tied = np.zeros(len(ids), dtype=bool)
    tied[a] = tied[b] = True
    number = np.cumsum(tied) - 1  # each tied school's place among the tied
    xy = np.full((len(ids), 2), np.nan)
    if tied.any():
        edges = np.column_stack([number[a], number[b]])
        xy[tied] = _lay_out_tied(int(tied.sum()), edges, weights)
    alone = np.flatnonzero(~tied)
    by_name = alone[np.argsort(schools["name"].to_numpy(dtype=str)[alone], kind="stable")]
    xy[by_name] = _shelve(len(by_name))
    return schools.assign(x=xy[:, 0], y=xy[:, 1])


_layouts: OrderedDict[Hashable, pd.DataFrame] = OrderedDict()
_layouts_lock = threading.Lock()


def lay_out_region_cached(key: Hashable, schools: pd.DataFrame, ties: pd.DataFrame) -> pd.DataFrame:
    """lay_out_region, kept under ``key`` (the published file and the selection): the
    same schools and ties give the same layout, so a second asking costs nothing."""
    with _layouts_lock:
        if key in _layouts:
            _layouts.move_to_end(key)
            found = _layouts[key]
            return schools.assign(
                x=schools["school_id"].map(found["x"]), y=schools["school_id"].map(found["y"])
            )
    placed = lay_out_region(schools[["school_id", "name"]], ties)
    kept = placed.set_index("school_id")[["x", "y"]]
    with _layouts_lock:
        _layouts[key] = kept
        while len(_layouts) > LAYOUTS_KEPT:
            _layouts.popitem(last=False)
    return schools.assign(
        x=schools["school_id"].map(kept["x"]), y=schools["school_id"].map(kept["y"])
    )
