"""Boundary outlines for the map: Douglas-Peucker simplification, rings joined by gaps.

Known answers worked by hand: the distance of a point from a chord is
|chord x offset| / |chord|.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.core.geometry import build_outlines, list_rings, simplify_ring

# A spike: (2, 1) is 1 from the chord (0,0)-(4,0); once it is kept, (1, 0) and (3, 0)
# are each 1/sqrt(5) = 0.447 from the chords (0,0)-(2,1) and (2,1)-(4,0).
SPIKE = np.array([[0, 0], [1, 0], [2, 1], [3, 0], [4, 0]], dtype=float)


@pytest.mark.parametrize(
    ("tolerance", "kept"),
    [
        (0.5, [[0, 0], [2, 1], [4, 0]]),
        (1 / math.sqrt(5) - 0.001, [[0, 0], [1, 0], [2, 1], [3, 0], [4, 0]]),
        (1.0, [[0, 0], [4, 0]]),
    ],
)
def test_simplify_keeps_the_points_farther_than_the_tolerance(
    tolerance: float, kept: list[list[float]]
) -> None:
    assert simplify_ring(SPIKE, tolerance).tolist() == kept


def test_simplify_reduces_a_closed_square_to_its_corners() -> None:
    # First and last points are the same: the first chord has no length, so the
    # farthest point from (0, 0), the corner (2, 2), is kept first.
    square = np.array([[0, 0], [1, 0], [2, 0], [2, 1], [2, 2], [1, 2], [0, 2], [0, 1], [0, 0]])
    assert simplify_ring(square.astype(float), 0.01).tolist() == [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
    ]


def test_simplify_leaves_two_points_alone() -> None:
    line = np.array([[0.0, 0.0], [5.0, 5.0]])
    assert simplify_ring(line, 10).tolist() == line.tolist()


def test_rings_of_a_polygon_with_a_hole_and_of_a_multipolygon() -> None:
    outer = [[0, 0], [4, 0], [4, 4], [0, 0]]
    hole = [[1, 1], [2, 1], [2, 2], [1, 1]]
    assert len(list_rings({"type": "Polygon", "coordinates": [outer, hole]})) == 2
    multi = {"type": "MultiPolygon", "coordinates": [[outer], [hole]]}
    assert [ring.shape for ring in list_rings(multi)] == [(4, 2), (4, 2)]


def test_rings_refuse_what_is_not_an_area() -> None:
    with pytest.raises(ValueError, match="not a Polygon"):
        list_rings({"type": "Point", "coordinates": [0, 0]})


def test_outlines_join_rings_with_gaps_and_leave_out_islets() -> None:
    big = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]}
    islet = {"type": "Polygon", "coordinates": [[[5, 5], [5.001, 5], [5.001, 5.001], [5, 5]]]}
    other = '{"type": "Polygon", "coordinates": [[[3, 0], [4, 0], [4, 1], [3, 0]]]}'
    lon, lat = build_outlines([big, islet, other], tolerance=0.01)
    # (1, 0) lies on the edge and goes; the islet is narrower than the tolerance.
    assert np.isnan(lon).sum() == 1
    assert lon[~np.isnan(lon)].tolist() == [0, 2, 2, 0, 0, 3, 4, 4, 3]
    assert lat[~np.isnan(lat)].tolist() == [0, 0, 2, 2, 0, 0, 0, 1, 0]


def test_no_boundaries_give_no_outline() -> None:
    lon, lat = build_outlines([])
    assert len(lon) == len(lat) == 0
