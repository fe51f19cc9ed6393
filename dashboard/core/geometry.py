"""Boundary outlines for maps drawn on plain axes (no tile server, no base map).

The published LA boundaries hold about 70,000 points (1.4 MB of GeoJSON for
Wales): far more than a map a screen wide can show. Each ring is simplified by
Douglas-Peucker (Douglas and Peucker 1973) to a tolerance in degrees, rings
smaller than the tolerance are dropped, and every ring of every boundary goes
into one pair of coordinate arrays, rings separated by NaN, so that the outlines
are one line trace.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import numpy as np

__all__ = ["MAP_TOLERANCE", "build_outlines", "list_rings", "simplify_ring"]

# About 150 m: under a pixel on a map of the whole of Wales 1,000 pixels wide.
MAP_TOLERANCE = 0.002


def _distances_to_chord(points: np.ndarray) -> np.ndarray:
    """Distance of each point from the straight line through the first and last."""
    start, end = points[0], points[-1]
    chord = end - start
    length = np.hypot(*chord)
    offsets = points - start
    if length == 0:
        return np.hypot(offsets[:, 0], offsets[:, 1])
    return np.abs(chord[0] * offsets[:, 1] - chord[1] * offsets[:, 0]) / length


def simplify_ring(points: np.ndarray, tolerance: float) -> np.ndarray:
    """The points of a line kept by Douglas-Peucker: no point dropped lies farther than
    ``tolerance`` from the simplified line. The first and last points are always kept.

    Examples
    --------
    >>> square = np.array([[0, 0], [1, 0], [2, 0], [2, 1], [2, 2], [0, 2], [0, 0]], float)
    >>> simplify_ring(square, 0.1).tolist()
    [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]]
    """
    if len(points) < 3:
        return points
    keep = np.zeros(len(points), dtype=bool)
    keep[[0, -1]] = True
    # An explicit stack of (first, last) spans: rings have thousands of points.
    spans = [(0, len(points) - 1)]
    while spans:
        first, last = spans.pop()
        if last - first < 2:
            continue
        distances = _distances_to_chord(points[first : last + 1])
        farthest = int(np.argmax(distances[1:-1])) + 1
        if distances[farthest] > tolerance:
            middle = first + farthest
            keep[middle] = True
            spans += [(first, middle), (middle, last)]
    return points[keep]


def list_rings(geometry: dict) -> list[np.ndarray]:
    """Every ring (outer and holes) of a GeoJSON Polygon or MultiPolygon, as arrays of
    (longitude, latitude)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry["coordinates"]]
    elif kind == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"not a Polygon or MultiPolygon: {kind!r}")
    return [np.asarray(ring, dtype=float)[:, :2] for polygon in polygons for ring in polygon]


def _spans(ring: np.ndarray) -> float:
    return float(max(np.ptp(ring[:, 0]), np.ptp(ring[:, 1])))


def build_outlines(
    geometries: Iterable[str | dict], tolerance: float = MAP_TOLERANCE
) -> tuple[np.ndarray, np.ndarray]:
    """Longitudes and latitudes of every ring of ``geometries`` (GeoJSON, as text or
    parsed), simplified to ``tolerance`` degrees, rings separated by NaN.

    A ring no wider or taller than ``tolerance`` (an islet) is left out.
    """
    parts: list[np.ndarray] = []
    gap = np.array([[np.nan, np.nan]])
    for geometry in geometries:
        parsed = json.loads(geometry) if isinstance(geometry, str) else geometry
        for ring in list_rings(parsed):
            if len(ring) < 4 or _spans(ring) <= tolerance:
                continue
            parts += [simplify_ring(ring, tolerance), gap]
    if not parts:
        return np.array([]), np.array([])
    joined = np.concatenate(parts[:-1])
    return joined[:, 0], joined[:, 1]
