"""The LA boundaries as the regions page's choropleth gets them: simplified ring by ring,
islets dropped, one feature per ONS code, built once per published file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from dashboard.core.boundaries import (
    TOLERANCE,
    build_la_geojson,
    load_la_geojson,
    simplify_geometry,
)
from dashboard.core.db import Database
from tests.dashboard.fixtures import build_overview_db

# A 2 x 1 degree rectangle with a point half way along every side (9 points, closed):
# the midpoints lie on the sides, so simplification keeps only the 5 corners.
RECTANGLE = [[0, 0], [1, 0], [2, 0], [2, 0.5], [2, 1], [1, 1], [0, 1], [0, 0.5], [0, 0]]
CORNERS = [[0.0, 0.0], [2.0, 0.0], [2.0, 1.0], [0.0, 1.0], [0.0, 0.0]]
# An islet smaller than the tolerance, and a hole of 0.5 x 0.5 degrees.
ISLET = [[5, 5], [5.001, 5], [5.001, 5.001], [5, 5.001], [5, 5]]
HOLE = [[0.5, 0.25], [0.5, 0.75], [1.0, 0.75], [1.0, 0.25], [0.5, 0.25]]


def test_points_on_a_straight_side_go_and_corners_stay() -> None:
    simplified = simplify_geometry({"type": "Polygon", "coordinates": [RECTANGLE]})
    assert simplified == {"type": "MultiPolygon", "coordinates": [[CORNERS]]}


def test_a_bend_wider_than_the_tolerance_stays() -> None:
    bent = [[0, 0], [1, 3 * TOLERANCE], [2, 0], [2, 1], [0, 1], [0, 0]]
    kept = simplify_geometry({"type": "Polygon", "coordinates": [bent]})["coordinates"][0][0]
    assert [1.0, round(3 * TOLERANCE, 4)] in kept
    flat = [[0, 0], [1, TOLERANCE / 2], [2, 0], [2, 1], [0, 1], [0, 0]]
    kept = simplify_geometry({"type": "Polygon", "coordinates": [flat]})["coordinates"][0][0]
    assert kept == [[0.0, 0.0], [2.0, 0.0], [2.0, 1.0], [0.0, 1.0], [0.0, 0.0]]


def test_islets_vanish_and_holes_stay() -> None:
    geometry = {"type": "MultiPolygon", "coordinates": [[RECTANGLE, HOLE], [ISLET]]}
    simplified = simplify_geometry(geometry)
    assert simplified["coordinates"] == [[CORNERS, [[float(x), y] for x, y in HOLE]]]


def test_one_feature_per_ons_code() -> None:
    frame = pd.DataFrame(
        {
            "ons_code": ["W06000001", "W06000002"],
            "geometry": [
                json.dumps({"type": "Polygon", "coordinates": [RECTANGLE]}),
                json.dumps({"type": "MultiPolygon", "coordinates": [[RECTANGLE], [ISLET]]}),
            ],
        }
    )
    collection = build_la_geojson(frame)
    assert collection is not None
    assert [f["id"] for f in collection["features"]] == ["W06000001", "W06000002"]
    assert collection["features"][1]["geometry"]["coordinates"] == [[CORNERS]]
    assert build_la_geojson(frame.iloc[:0]) is None


def test_built_once_per_published_file(tmp_path: Path) -> None:
    path = build_overview_db(tmp_path / "plcnet.duckdb")
    db = Database(path)
    first = load_la_geojson(db)
    assert first is not None
    assert load_la_geojson(db) is first
    # A refresh renames a new file over the old one: its boundaries are read afresh.
    os.replace(build_overview_db(tmp_path / "new.duckdb"), path)
    assert load_la_geojson(db) is not first
    assert load_la_geojson(db) == first
