"""Year-on-year change (net_changes) of the main measures of schools and groups,
worked by hand on two and three years of small drawings.
"""

from __future__ import annotations

import pytest
from network_db import YEAR, NetworkDb

a, b, c, d = (6600001, 6600002, 6600003, 6610004)
NEXT = "2019/20"
SCHOOL_MEASURES = {
    "degree",
    "weighted_degree",
    "betweenness",
    "clustering",
    "eigenvector",
    "cross_la_ties",
}
GROUP_MEASURES = {
    "n_ties",
    "density",
    "ei_index",
    "isolate_share",
    "giant_component_share",
    "mean_clustering",
    "support_tied_share",
    "assort_la",
    "assort_medium",
    "assort_sector",
    "assort_category",
}


def change(db: NetworkDb, year: str, level: str, entity_id: str, measure: str) -> tuple:
    """(value, previous, change) of one measure."""
    rows = db.rows(
        "SELECT value, previous, change FROM net_changes WHERE year = $year AND level = $level "
        "AND entity_id = $entity_id AND measure = $measure",
        {"year": year, "level": level, "entity_id": entity_id, "measure": measure},
    )
    assert len(rows) == 1
    return rows[0]


@pytest.fixture
def two_years(db: NetworkDb) -> NetworkDb:
    """a, b, c in LA 660 and d in LA 661 (GWE).

    2018/19: a-b, b-c (a path). 2019/20: a-b twice (two PLCs), b-c, a-c, c-d.
    """
    db.years(NEXT).schools(660, a, b, c).schools(661, d)
    db.draw([(a, b), (b, c)]).draw([(a, b), (a, b), (b, c), (a, c), (c, d)], year=NEXT)
    db.measure()
    return db


def test_every_measure_of_every_school_and_group_each_year(two_years):
    found = two_years.rows(
        "SELECT level, count(DISTINCT measure), count(*) FROM net_changes "
        "GROUP BY level ORDER BY level"
    )
    # Two years each: 4 schools, 3 LAs (660, 661, 662), 2 consortia, Wales.
    assert found == [
        ("consortium", len(GROUP_MEASURES), 2 * 2 * len(GROUP_MEASURES)),
        ("la", len(GROUP_MEASURES), 2 * 3 * len(GROUP_MEASURES)),
        ("school", len(SCHOOL_MEASURES), 2 * 4 * len(SCHOOL_MEASURES)),
        ("wales", len(GROUP_MEASURES), 2 * 1 * len(GROUP_MEASURES)),
    ]
    measures = {row[0] for row in two_years.rows("SELECT DISTINCT measure FROM net_changes")}
    assert measures == SCHOOL_MEASURES | GROUP_MEASURES


def test_the_first_year_has_no_previous_value(two_years):
    assert two_years.rows(
        "SELECT count(*), count(value), count(previous), count(change) FROM net_changes "
        "WHERE year = $year AND level = 'school'",
        {"year": YEAR},
    ) == [(4 * len(SCHOOL_MEASURES), 4 * len(SCHOOL_MEASURES), 0, 0)]
    assert change(two_years, YEAR, "school", str(b), "degree") == (2.0, None, None)


# measure: school -> (value in 2019/20, value in 2018/19, change)
SCHOOL_CHANGES = {
    "degree": {a: (2.0, 1.0, 1.0), b: (2.0, 2.0, 0.0), c: (3.0, 1.0, 2.0), d: (1.0, 0.0, 1.0)},
    # a-b now through two PLCs.
    "weighted_degree": {a: (3.0, 1.0, 2.0), b: (3.0, 2.0, 1.0)},
    # 2018/19, n = 4: b lies on a-c alone, 2 * 1 / (3 * 2) = 1/3. 2019/20: c lies on
    # a-d and b-d, 2 * 2 / (3 * 2) = 2/3; b on none.
    "betweenness": {b: (0.0, 1 / 3, -1 / 3), c: (2 / 3, 0.0, 2 / 3)},
    # 2019/20: a and b in the triangle, 1; c has one tie among its three neighbours' pairs.
    "clustering": {a: (1.0, 0.0, 1.0), c: (1 / 3, 0.0, 1 / 3), d: (0.0, 0.0, 0.0)},
    "cross_la_ties": {c: (1.0, 0.0, 1.0), d: (1.0, 0.0, 1.0), a: (0.0, 0.0, 0.0)},
}


@pytest.mark.parametrize("measure", sorted(SCHOOL_CHANGES))
def test_school_changes_by_hand(two_years, measure):
    for school, expected in SCHOOL_CHANGES[measure].items():
        found = change(two_years, NEXT, "school", str(school), measure)
        assert found == pytest.approx(expected, abs=1e-12), school


# (level, group_id, measure): (value in 2019/20, value in 2018/19, change)
GROUP_CHANGES = {
    # LA 660: 2 of 3 pairs tied, then all 3.
    ("la", "660", "n_ties"): (3.0, 2.0, 1.0),
    ("la", "660", "density"): (1.0, 2 / 3, 1 / 3),
    # E-I: (0 - 2) / 2, then (1 - 3) / 4.
    ("la", "660", "ei_index"): (-0.5, -1.0, 0.5),
    # d was isolated, then tied.
    ("wales", "W92000004", "isolate_share"): (0.0, 0.25, -0.25),
    ("wales", "W92000004", "giant_component_share"): (1.0, 0.75, 0.25),
    # Mean clustering of a, b, c, d: 0 then (1 + 1 + 1/3 + 0) / 4.
    ("wales", "W92000004", "mean_clustering"): (7 / 12, 0.0, 7 / 12),
    # LA 661 has one school: no density either year, so no change.
    ("la", "661", "density"): (None, None, None),
    # No categories at all: undefined both years.
    ("consortium", "GWE", "support_tied_share"): (None, None, None),
}


@pytest.mark.parametrize(("level", "group_id", "measure"), sorted(GROUP_CHANGES))
def test_group_changes_by_hand(two_years, level, group_id, measure):
    found = change(two_years, NEXT, level, group_id, measure)
    assert found == pytest.approx(GROUP_CHANGES[level, group_id, measure], abs=1e-12)


def test_change_is_null_when_this_years_value_is_undefined(db):
    # a-b tied in 2018/19, no ties in 2019/20: LA 660's E-I index goes from -1 to NULL.
    db.years(NEXT).schools(660, a, b).draw([(a, b)]).measure()
    assert change(db, NEXT, "la", "660", "ei_index") == (None, -1.0, None)
    assert change(db, NEXT, "la", "660", "n_ties") == (0.0, 1.0, -1.0)
