"""The local authorities' boundaries as one GeoJSON FeatureCollection small enough to send.

The reference boundaries (la_boundaries, about 1.4 MB of GeoJSON for Wales)
are far finer than a map on a screen can show: at the width of a page a pixel is
about 0.005 degrees. Each ring is simplified with the Douglas-Peucker algorithm
(Douglas and Peucker 1973; geometry.simplify_ring, as the network map's outlines
are) to within ``TOLERANCE`` degrees and its coordinates
rounded to four places (about 10 m), which leaves about 90 kB for Wales. Rings
that simplify to fewer than four points (tiny islands) are dropped. The result is
built once per published database and kept.

Maps are drawn as filled outlines on cartesian axes (pages/regions/figures.py), with
no base map or tiles: nothing is fetched from outside.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.core.db import Database, FileIdentity
from dashboard.core.geometry import MAP_TOLERANCE, simplify_ring

__all__ = ["TOLERANCE", "build_la_geojson", "load_la_geojson", "simplify_geometry"]

TOLERANCE = MAP_TOLERANCE  # the network map's: under half a pixel on a page-wide map
DIGITS = 4

Ring = list[list[float]]


def _simplify_closed_ring(ring: Ring, tolerance: float) -> Ring | None:
    """A ring (closed line of [longitude, latitude]) simplified by Douglas-Peucker
    (geometry.simplify_ring) and rounded; None when fewer than four points (a closed
    triangle) remain."""
    kept = simplify_ring(np.asarray(ring, dtype=float)[:, :2], tolerance).round(DIGITS)
    return kept.tolist() if len(kept) >= 4 else None


def simplify_geometry(geometry: dict, tolerance: float = TOLERANCE) -> dict:
    """A Polygon or MultiPolygon simplified ring by ring, as a MultiPolygon; a polygon
    whose outer ring vanishes goes, holes that vanish go."""
    coordinates = geometry["coordinates"]
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    kept = []
    for polygon in polygons:
        rings = [_simplify_closed_ring(ring, tolerance) for ring in polygon]
        if rings and rings[0] is not None:
            kept.append([ring for ring in rings if ring is not None])
    return {"type": "MultiPolygon", "coordinates": kept}


def build_la_geojson(boundaries: pd.DataFrame, tolerance: float = TOLERANCE) -> dict | None:
    """A FeatureCollection of the boundaries (columns ons_code, geometry as GeoJSON text),
    each feature's id its ONS code; None when there are none."""
    if boundaries.empty:
        return None
    features = [
        {
            "type": "Feature",
            "id": str(code),
            "properties": {},
            "geometry": simplify_geometry(json.loads(geometry), tolerance),
        }
        for code, geometry in zip(boundaries["ons_code"], boundaries["geometry"], strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


# The boundaries simplified, by database file: built once per file in service.
SIMPLIFIED_KEPT = 4
_simplified: OrderedDict[tuple[Path, FileIdentity], dict | None] = OrderedDict()
_simplified_lock = threading.Lock()


def load_la_geojson(db: Database) -> dict | None:
    """The simplified boundaries of the database in service (built once per database).

    Keyed by the file that answers (``db.in_service()``), not the file at the path: while
    a damaged file is published the last good one answers, and its boundaries stand.
    """
    key = (db.path, db.in_service())
    with _simplified_lock:
        if key in _simplified:
            return _simplified[key]
    built = build_la_geojson(db.query("regions__boundaries"))
    with _simplified_lock:
        built = _simplified.setdefault(key, built)  # the first built, if two raced
        while len(_simplified) > SIMPLIFIED_KEPT:
            _simplified.popitem(last=False)
    return built
