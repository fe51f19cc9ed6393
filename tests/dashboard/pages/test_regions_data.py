"""The regions page's numbers: group measures, the E-I matrices and the LAs most alike, on
the hand-made fixture (worked by hand below) and on the demo Wales (checked against
the ETL's own group measures and against numpy)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import duckdb
import numpy as np
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.regions import data as regions_data
from dashboard.pages.regions.data import (
    load_groups,
    load_pairs,
    load_regions,
    load_similar,
    pivot_pairs,
    select_shown_las,
)

# 2018/19 ties (fixtures.py): A-B, A-C*, B-C*, C-D, C-F*, D-F* (* across LAs).
# LAs: 660 = {A, B}, 661 = {C, D, E}, 681 = {F, G, H}; GWE = 660 + 661, CSC = 681.
#   660: within A-B = 1; out A-C, B-C = 2; E-I (2 - 1) / 3 = 1/3; density 1/1; no isolate
#   661: within C-D = 1; out A-C, B-C, C-F, D-F = 4; E-I 3/5; density 1/3; E isolated: 1/3
#   681: within 0; out C-F, D-F = 2; E-I 1; density 0/3; G, H isolated: 2/3
#   GWE: within A-B, A-C, B-C, C-D = 4; out 2; E-I -1/3.  CSC: within 0; out 2; E-I 1
#   Wales: within 6; out 0; E-I -1; density 6/28; isolated E, G, H: 3/8
EXPECTED_2018 = {
    ("la", "660"): (2, 1, 2, 1 / 3, 1.0, 0.0),
    ("la", "661"): (3, 1, 4, 3 / 5, 1 / 3, 1 / 3),
    ("la", "681"): (3, 0, 2, 1.0, 0.0, 2 / 3),
    ("consortium", "GWE"): (5, 4, 2, -1 / 3, 4 / 10, 1 / 5),
    ("consortium", "CSC"): (3, 0, 2, 1.0, 0.0, 2 / 3),
    ("wales", "W92000004"): (8, 6, 0, -1.0, 6 / 28, 3 / 8),
}
COLUMNS = ["n_schools", "internal_ties", "external_ties", "ei_index", "density", "isolate_share"]


def test_every_group_has_its_measures_and_names(db: Database) -> None:
    groups = load_groups(db, Filters("2018/19")).set_index(["level", "group_id"])
    assert set(groups.index) == set(EXPECTED_2018)
    for key, expected in EXPECTED_2018.items():
        assert groups.loc[key, COLUMNS].tolist() == pytest.approx(expected), key
    assert groups.loc[("la", "661"), ["name_cy", "consortium_code", "ons_code"]].tolist() == [
        "Gwynedd",
        "GWE",
        "W06000002",
    ]
    assert groups.loc[("consortium", "CSC"), "name_cy"] == "Consortiwm Canolbarth y De"


def test_the_las_listed_are_those_of_the_consortium_chosen(db: Database) -> None:
    groups = load_groups(db, Filters("2018/19"))
    assert sorted(select_shown_las(groups, Filters("2018/19"))["group_id"]) == [
        "660",
        "661",
        "681",
    ]
    assert sorted(select_shown_las(groups, Filters("2018/19", "GWE", 661))["group_id"]) == [
        "660",
        "661",
    ]


def test_la_matrix_counts_ties_both_ways_with_internal_ties_on_the_diagonal(
    db: Database,
) -> None:
    matrix = pivot_pairs(load_pairs(db, Filters("2018/19"), "la"))
    # By hand from the 2018/19 ties above: 660-661 A-C, B-C; 661-681 C-F, D-F.
    assert matrix.loc[["660", "661", "681"], ["660", "661", "681"]].to_numpy().tolist() == [
        [1, 2, 0],
        [2, 1, 2],
        [0, 2, 0],
    ]


def test_consortium_matrix(db: Database) -> None:
    matrix = pivot_pairs(load_pairs(db, Filters("2018/19"), "consortium"))
    assert matrix.loc[["CSC", "GWE"], ["CSC", "GWE"]].to_numpy().tolist() == [[0, 2], [2, 4]]


def test_a_consortium_keeps_its_rows_and_every_column(db: Database) -> None:
    pairs = load_pairs(db, Filters("2018/19", "GWE"), "la")
    assert sorted(pairs["row_group"].unique()) == ["660", "661"]
    assert sorted(pairs["column_group"].unique()) == ["660", "661", "681"]
    # The consortium level always lists every consortium.
    consortia = load_pairs(db, Filters("2018/19", "GWE"), "consortium")
    assert sorted(consortia["row_group"].unique()) == ["CSC", "GWE"]


def test_ties_of_another_year(db: Database) -> None:
    # 2016/17: A-C* (660-661), F-G (681 within), D-E (661 within).
    matrix = pivot_pairs(load_pairs(db, Filters("2016/17"), "la"))
    assert matrix.loc["660", "661"] == 1
    assert matrix.loc["681", "681"] == 1
    assert matrix.loc["661", "661"] == 1
    assert matrix.loc["660", "681"] == 0


def test_similar_las_by_standardised_distance(db: Database) -> None:
    # Schools per LA: 660 2, 661 3, 681 3 (mean 8/3; sample variance 1/3).
    # Welsh-medium share: 660 2/2, 661 2/3, 681 0/3 (mean 5/9; sample variance 7/27).
    # From 660: to 661, 1 / (1/3) + (1/3)^2 / (7/27) = 3 + 3/7 = 24/7;
    #           to 681, 3 + 1 / (7/27) = 3 + 27/7 = 48/7 (squared distances).
    similar = load_similar(db, Filters("2018/19", "GWE", 660))
    las = similar[similar["la_code"].notna()]
    assert las["la_code"].tolist() == [660, 661, 681]
    assert las["rank"].tolist() == [0, 1, 2]
    assert las["distance"].tolist() == pytest.approx([0.0, math.sqrt(24 / 7), math.sqrt(48 / 7)])
    assert las["n_schools"].tolist() == [2, 3, 3]
    assert las["welsh_medium_share"].tolist() == pytest.approx([1.0, 2 / 3, 0.0])
    wales = similar[similar["la_code"].isna()].iloc[0]
    assert (wales["n_schools"], wales["welsh_medium_share"]) == (8, pytest.approx(4 / 8))


def test_no_la_chosen_lists_no_similar_las(db: Database) -> None:
    assert load_similar(db, Filters("2018/19", "GWE")).empty


def test_the_la_matrix_asks_for_a_consortium_above_its_limit(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regions_data, "MAX_MATRIX_LAS", 2)
    assert load_regions(db, Filters("2018/19")).la_pairs is None
    assert load_regions(db, Filters("2018/19", "GWE")).la_pairs is not None


def test_regions_data_hold_boundaries_and_every_measure(db: Database) -> None:
    data = load_regions(db, Filters("2018/19", "GWE", 661))
    assert data.measures == regions_data.REGION_MEASURES
    assert data.boundaries is not None
    assert sorted(f["id"] for f in data.boundaries["features"]) == [
        "W06000001",
        "W06000002",
        "W06000015",
    ]
    assert data.similar["la_code"].iloc[0] == 661


# ---- On the demo Wales, against independent computations ---------------------------------


@pytest.fixture(scope="module")
def demo(demo_db: Path) -> Database:
    return Database(demo_db)


def test_each_la_row_of_the_matrix_holds_its_internal_and_external_ties(demo: Database) -> None:
    # net_group_metrics is computed by the ETL from the same ties, independently.
    year = demo.query("shell__years")["year"].iloc[-2]
    matrix = pivot_pairs(load_pairs(demo, Filters(year), "la"))
    groups = load_groups(demo, Filters(year)).query("level == 'la'").set_index("group_id")
    assert len(matrix) == 22
    for la, row in matrix.iterrows():
        assert row[la] == groups.loc[la, "internal_ties"], la
        assert row.drop(la).sum() == groups.loc[la, "external_ties"], la
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()


def test_similar_las_match_numpy_on_the_demo(demo: Database, demo_db: Path) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    schools = con.execute("SELECT la_code, language_medium FROM schools").fetchdf()
    con.close()
    features = schools.groupby("la_code").agg(
        n=("language_medium", "size"), welsh=("language_medium", lambda m: (m == "welsh").mean())
    )
    z = (features - features.mean()) / features.std(ddof=1)  # sample standard deviation
    chosen = 661
    expected = np.sqrt(((z - z.loc[chosen]) ** 2).sum(axis=1)).sort_values(kind="stable")
    similar = load_similar(demo, Filters("2018/19", "GWE", chosen))
    las = similar[similar["la_code"].notna()]
    assert las["la_code"].tolist() == expected.index[:6].tolist()
    assert las["distance"].tolist() == pytest.approx(expected.iloc[:6].tolist())
    wales = similar[similar["la_code"].isna()].iloc[0]
    assert wales["n_schools"] == len(schools)
    welsh_share = (schools["language_medium"] == "welsh").mean()
    assert wales["welsh_medium_share"] == pytest.approx(welsh_share)


def test_regions_data_on_the_demo_are_small_enough_to_send(demo: Database) -> None:
    data = load_regions(demo, Filters("2018/19"))
    assert data.boundaries is not None
    size = len(json.dumps(data.boundaries))
    assert 20_000 < size < 150_000  # simplified from about 1.4 MB
