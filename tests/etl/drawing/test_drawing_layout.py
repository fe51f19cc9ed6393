"""The force layout and the ties drawn: known answers by hand on small drawings,
numpy as the reference for the eigenvectors, and the demo Wales through the real
refresh (in bounds, deterministic, communities drawn together, every tie drawn).
"""

from __future__ import annotations

import hashlib
import math
import shutil

import duckdb
import igraph
import numpy as np
import pytest
from network_db import NetworkDb

import etl.drawing.layout
from etl.drawing.layout import (
    DRAWING_RADIUS,
    LAYOUT_METHOD,
    LAYOUT_SEED,
    MAX_DRAWN_TIES,
    _leading_eigenvectors,
    align_rotation,
    compute_layout,
    layout_year,
    pivot_mds,
    place_isolates,
    separate_discs,
)

a, b, c, d, e = 6600001, 6600002, 6600003, 6600004, 6600005


def radii(xy: np.ndarray) -> np.ndarray:
    return np.hypot(xy[:, 0], xy[:, 1])


# --- isolated schools on rings ---------------------------------------------------


def test_isolates_go_clockwise_from_the_top_of_one_ring():
    # Four on one ring of radius (0.92 + 1.0) / 2 = 0.96: top, right, bottom, left.
    expected = [[0, 0.96], [0.96, 0], [0, -0.96], [-0.96, 0]]
    assert place_isolates(4).tolist() == pytest.approx(np.array(expected), abs=1e-12)


def test_many_isolates_fill_rings_from_the_inside_out():
    # 1,001 isolates: ceil(1001 / 500) = 3 rings of at most ceil(1001 / 3) = 334,
    # at radii 0.92, 0.96 and 1.0; the last ring holds the remaining 333.
    r = radii(place_isolates(1001)).round(9)
    assert sorted(set(r.tolist())) == [0.92, 0.96, 1.0]
    assert [int((r == ring).sum()) for ring in (0.92, 0.96, 1.0)] == [334, 334, 333]
    assert (np.diff(r) >= 0).all(), "rings are filled in turn"


def test_no_isolates_no_positions():
    assert place_isolates(0).shape == (0, 2)


# --- community discs --------------------------------------------------------------


@pytest.mark.parametrize(
    ("gap", "expected"),
    [
        # Two unit discs one apart overlap by 1: each moves 1/2 away from the other.
        (0.0, [[-0.5, 0.0], [1.5, 0.0]]),
        # With a gap of 5% of the radii they end 2.1 apart, about the same middle.
        (0.05, [[-0.55, 0.0], [1.55, 0.0]]),
    ],
)
def test_overlapping_discs_move_apart_along_the_line_between_them(gap, expected):
    moved = separate_discs(np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([1.0, 1.0]), gap=gap)
    assert moved.tolist() == pytest.approx(np.array(expected), abs=1e-12)


def test_discs_already_apart_do_not_move():
    centres = np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 5.0]])
    assert separate_discs(centres, np.array([1.0, 1.0, 2.0])).tolist() == centres.tolist()


def test_separated_discs_do_not_overlap():
    rng = np.random.default_rng(11)
    centres, sizes = rng.random((40, 2)) * 5, np.sqrt(rng.integers(1, 200, 40)) / 4
    moved = separate_discs(centres, sizes, gap=0.0)
    apart = np.hypot(*(moved[:, None] - moved[None, :]).transpose(2, 0, 1))
    need = sizes[:, None] + sizes[None, :]
    np.fill_diagonal(apart, np.inf)
    assert (apart >= need * (1 - 1e-6)).all()


# --- alignment and PivotMDS --------------------------------------------------------


@pytest.mark.parametrize(
    "turn",
    [
        [[0.0, 1.0], [-1.0, 0.0]],  # a quarter turn
        [[1.0, 0.0], [0.0, -1.0]],  # a reflection in the x axis
        [[math.cos(1), math.sin(1)], [-math.sin(1), math.cos(1)]],  # one radian
    ],
)
def test_alignment_recovers_a_rotation_or_reflection(turn):
    points = np.random.default_rng(5).random((20, 2))
    targets = (points - points.mean(axis=0)) @ np.array(turn) + [3.0, -2.0]
    assert align_rotation(points, targets).tolist() == pytest.approx(np.array(turn), abs=1e-12)


def test_pivot_mds_lays_a_path_evenly_on_a_line():
    path = igraph.Graph(n=6, edges=[(i, i + 1) for i in range(5)])
    xy = pivot_mds(path, 4, np.random.default_rng(1))
    steps = np.abs(np.diff(xy[:, 0]))
    assert steps == pytest.approx(np.full(5, steps[0]), rel=1e-9)
    assert np.abs(xy[:, 1]).max() < 1e-9


def test_pivot_mds_of_a_square_keeps_opposite_corners_farthest():
    # The 4-cycle 0-1-2-3: 0 and 2, 1 and 3 are two steps apart, neighbours one.
    xy = pivot_mds(igraph.Graph.Ring(4), 4, np.random.default_rng(0))
    apart = np.hypot(*(xy[:, None] - xy[None, :]).transpose(2, 0, 1))
    assert apart[0, 2] == pytest.approx(apart[1, 3])
    assert apart[0, 2] == pytest.approx(math.sqrt(2) * apart[0, 1])


def test_pivot_mds_of_two_components_is_finite():
    graph = igraph.Graph(n=6, edges=[(0, 1), (1, 2), (3, 4), (4, 5)])
    assert np.isfinite(pivot_mds(graph, 3, np.random.default_rng(2))).all()


def test_leading_eigenvectors_agree_with_numpy():
    m = np.random.default_rng(3).random((200, 30))
    symmetric = m.T @ m
    _, vectors = np.linalg.eigh(symmetric)
    mine = _leading_eigenvectors(symmetric, np.random.default_rng(4))
    # Eigenvectors are defined up to sign.
    assert np.abs(mine.T @ vectors[:, ::-1][:, :2]) == pytest.approx(np.eye(2), abs=1e-8)


# --- one year's layout --------------------------------------------------------------

# Two five-cliques (0-4 and 5-9) joined by the tie 4-5, and two isolated schools.
CLIQUES = np.array(
    [(i, j) for i in range(5) for j in range(i + 1, 5)]
    + [(i, j) for i in range(5, 10) for j in range(i + 1, 10)]
    + [(4, 5)]
)
CLIQUE_COMMUNITIES = np.array([1] * 5 + [2] * 5 + [0, 0])


def test_tied_schools_fill_the_drawing_and_isolates_sit_on_the_ring():
    xy = layout_year(12, CLIQUES, CLIQUE_COMMUNITIES)
    assert radii(xy[:10]).max() == pytest.approx(DRAWING_RADIUS)
    # The two isolates: top and bottom of the ring of radius 0.96.
    assert xy[10:].tolist() == pytest.approx(np.array([[0, 0.96], [0, -0.96]]), abs=1e-12)
    assert np.abs(xy).max() <= 1.0


def test_each_community_is_drawn_apart_from_the_other():
    xy = layout_year(12, CLIQUES, CLIQUE_COMMUNITIES)
    first, second = xy[:5], xy[5:10]
    reach = max(radii(first - first.mean(axis=0)).max(), radii(second - second.mean(axis=0)).max())
    assert np.hypot(*(first.mean(axis=0) - second.mean(axis=0))) > 2 * reach


def test_same_graph_gives_the_same_layout():
    assert np.array_equal(
        layout_year(12, CLIQUES, CLIQUE_COMMUNITIES), layout_year(12, CLIQUES, CLIQUE_COMMUNITIES)
    )


def test_tied_schools_without_a_community_are_still_drawn_inside():
    xy = layout_year(5, np.array([[0, 1], [1, 2], [3, 4]]), np.zeros(5, dtype=np.int64))
    assert radii(xy).max() == pytest.approx(DRAWING_RADIUS)
    assert np.isfinite(xy).all()


def test_a_year_is_turned_towards_the_previous_one():
    # The same graph laid out again with last year's drawing turned a quarter:
    # this year's drawing follows it, so each school lands where it was.
    first = layout_year(12, CLIQUES, CLIQUE_COMMUNITIES)
    quarter = np.array([[0.0, 1.0], [-1.0, 0.0]])
    previous = np.where(np.arange(12)[:, None] < 10, first @ quarter, np.nan)
    second = layout_year(12, CLIQUES, CLIQUE_COMMUNITIES, previous)
    moved = radii(second[:10] - previous[:10])
    unturned = radii(first[:10] - previous[:10])
    assert np.median(moved) < 0.5 * np.median(unturned)


# --- the published tables -----------------------------------------------------------


@pytest.fixture
def weighted(db: NetworkDb) -> NetworkDb:
    """Five schools in LA 660 and ties whose weights are the PLCs drawn for them.

    a-b 3 PLCs; a-e, b-c and c-d 2 each; d-e 1. Each PLC has one member from
    each school, so shared members = 2 x weight, except c-d, which gets a third
    member in one of its PLCs (5 shared members).
    """
    db.schools(660, a, b, c, d, e)
    db.draw([(a, b)] * 3 + [(a, e)] * 2 + [(b, c)] * 2 + [(c, d)] * 2 + [(d, e)])
    plc_c_d = db.rows("SELECT plc_id FROM plcs WHERE lead_school_id = $c", {"c": c})[0][0]
    db.member(plc_c_d, d, db.rows("SELECT start_date FROM plcs LIMIT 1")[0][0])
    db.measure()
    return db


def drawn(db: NetworkDb) -> list[tuple]:
    return db.rows("SELECT school_a, school_b, weight FROM net_edges_drawn ORDER BY ALL")


def rules(db: NetworkDb) -> tuple:
    return db.rows(
        "SELECT ties_total, ties_drawn, max_ties_drawn, min_weight_drawn, rule, "
        "layout_method, layout_seed FROM net_drawing_rules"
    )[0]


def test_every_tie_is_drawn_under_the_cap(weighted):
    rows = compute_layout(weighted.con, progress=lambda _: None)
    assert rows == {"net_layout": 5, "net_edges_drawn": 5, "net_drawing_rules": 1}
    assert drawn(weighted) == [(a, b, 3), (a, e, 2), (b, c, 2), (c, d, 2), (d, e, 1)]
    assert rules(weighted) == (5, 5, MAX_DRAWN_TIES, 1, "all", LAYOUT_METHOD, LAYOUT_SEED)


def pair_digest(x: int, y: int) -> str:
    return hashlib.md5(f"{x}-{y}".encode()).hexdigest()


@pytest.mark.parametrize("cap", [2, 3, 4])
def test_over_the_cap_the_strongest_ties_are_drawn(weighted, monkeypatch, cap):
    # a-b (weight 3) first; of the three of weight 2, c-d has the most shared
    # members (5 against 4); then a-e and b-c in the order of their pairs' MD5
    # digests (hashlib here, independently of DuckDB). d-e (weight 1) never.
    after = sorted([(a, e), (b, c)], key=lambda pair: pair_digest(*pair))
    strongest = [(a, b, 3), (c, d, 2)] + [(x, y, 2) for x, y in after]
    monkeypatch.setattr(etl.drawing.layout, "MAX_DRAWN_TIES", cap)
    compute_layout(weighted.con, progress=lambda _: None)
    assert drawn(weighted) == sorted(strongest[:cap])
    assert rules(weighted)[:5] == (5, cap, cap, 2, "strongest")


def test_a_year_without_ties_draws_nothing(db):
    db.schools(660, a, b, c)
    db.measure()
    compute_layout(db.con, progress=lambda _: None)
    assert drawn(db) == []
    assert rules(db)[:5] == (0, 0, MAX_DRAWN_TIES, None, "all")
    positions = db.rows("SELECT x, y FROM net_layout ORDER BY school_id")
    assert radii(np.array(positions)) == pytest.approx(np.full(3, 0.96))


def test_layout_replaces_its_rows_when_run_again(weighted):
    first = compute_layout(weighted.con, progress=lambda _: None)
    assert compute_layout(weighted.con, progress=lambda _: None) == first
    assert weighted.rows("SELECT count(*) FROM net_layout")[0][0] == 5


# --- the demo Wales -----------------------------------------------------------------


def test_demo_layout_has_every_school_every_year_within_bounds(demo_wales):
    counts = demo_wales.execute(
        "SELECT count(*), count(DISTINCT (year, school_id)), max(greatest(abs(x), abs(y))) "
        "FROM net_layout"
    ).fetchone()
    expected = demo_wales.execute(
        "SELECT (SELECT count(*) FROM schools) * (SELECT count(*) FROM academic_years)"
    ).fetchone()[0]
    assert counts[:2] == (expected, expected)
    assert counts[2] <= 1.0
    reach = dict(
        demo_wales.execute(
            "SELECT m.is_isolate, [min(sqrt(x * x + y * y)), max(sqrt(x * x + y * y))] "
            "FROM net_layout AS l JOIN net_school_metrics AS m USING (year, school_id) "
            "GROUP BY 1"
        ).fetchall()
    )
    assert reach[False][1] == pytest.approx(DRAWING_RADIUS)
    assert reach[True][0] >= 0.92 - 1e-12


def test_demo_layout_is_the_same_from_ties_in_another_order(demo_wales_db, tmp_path):
    copy = tmp_path / "again.duckdb"
    shutil.copy(demo_wales_db, copy)
    con = duckdb.connect(str(copy))
    try:
        published = con.execute("SELECT * FROM net_layout ORDER BY year, school_id").fetchall()
        # The same ties stored in another order (DuckDB's threads may return them
        # in any order) must give the same drawing.
        con.execute("CREATE TEMP TABLE ties AS SELECT * FROM net_edges")
        con.execute("DELETE FROM net_edges")
        con.execute(
            "INSERT INTO net_edges BY NAME SELECT * FROM ties ORDER BY md5(school_b || year)"
        )
        compute_layout(con, progress=lambda _: None)
        again = con.execute("SELECT * FROM net_layout ORDER BY year, school_id").fetchall()
    finally:
        con.close()
    assert again == published


def test_demo_layout_draws_communities_together_and_ties_short(demo_wales):
    for year in [r[0] for r in demo_wales.execute("SELECT year FROM academic_years").fetchall()]:
        found = demo_wales.execute(
            "SELECT x, y, community_id FROM net_layout JOIN net_school_metrics "
            "USING (year, school_id) WHERE year = $year AND NOT is_isolate ORDER BY school_id",
            {"year": year},
        ).fetchnumpy()
        xy = np.column_stack((found["x"], found["y"]))
        community = np.asarray(found["community_id"])
        labels = np.unique(community)
        centres = np.array([xy[community == k].mean(axis=0) for k in labels])
        to_centres = np.hypot(*(xy[:, None] - centres[None, :]).transpose(2, 0, 1))
        own = to_centres[np.arange(len(xy)), np.searchsorted(labels, community)]
        # Nearly every school is nearer its own community's centre than any other's.
        assert (own <= to_centres.min(axis=1) + 1e-12).mean() > 0.95, year
        tie_length = demo_wales.execute(
            "SELECT avg(sqrt((la.x - lb.x) ^ 2 + (la.y - lb.y) ^ 2)) FROM net_edges AS e "
            "JOIN net_layout AS la ON la.year = e.year AND la.school_id = e.school_a "
            "JOIN net_layout AS lb ON lb.year = e.year AND lb.school_id = e.school_b "
            "WHERE e.year = $year",
            {"year": year},
        ).fetchone()[0]
        pairs = np.random.default_rng(0).integers(len(xy), size=(5000, 2))
        random_length = np.hypot(*(xy[pairs[:, 0]] - xy[pairs[:, 1]]).T).mean()
        assert tie_length < 0.6 * random_length, year


def test_demo_draws_every_tie_of_wales(demo_wales):
    # Wales has at most about 11,000 ties a year, under the cap of 20,000.
    assert (
        demo_wales.execute(
            "SELECT count(*) FROM (SELECT year, school_a, school_b, weight FROM net_edges "
            "EXCEPT SELECT * FROM net_edges_drawn)"
        ).fetchone()[0]
        == 0
    )
    assert demo_wales.execute(
        "SELECT list(DISTINCT rule), bool_and(ties_drawn = ties_total) FROM net_drawing_rules"
    ).fetchone() == (["all"], True)
