"""The network explorer's numbers on the hand-made fixture (tests/dashboard/fixtures.py).

Ties of 2018/19 (from the fixture): A-B, A-C, B-C, C-D, C-F, D-F. A and B are in
Anglesey (660), C, D, E in Gwynedd (661), all five in GwE; F, G, H in Cardiff
(681, CSC). H has no location.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.network.data import (
    DrawingRule,
    NetworkSummary,
    TieCounts,
    choose_ties_to_draw,
    load_network,
    load_outlines,
    load_rule,
    load_schools,
    load_ties,
    place_schools,
    place_ties,
    rank_schools,
)

A, B, C, D, E, F, G, H = 6602001, 6602002, 6612001, 6612002, 6614001, 6812001, 6812002, 6814001


def test_schools_are_those_chosen_with_their_measures(db: Database) -> None:
    schools = load_schools(db, Filters("2018/19", "GWE"))
    assert schools["school_id"].tolist() == [A, B, C, D, E]
    by_id = schools.set_index("school_id")
    assert by_id["degree"].to_dict() == {A: 2, B: 2, C: 4, D: 2, E: 0}
    # 2018/19 categories: green green yellow yellow amber (A to E)
    assert by_id["support_category"].tolist() == ["green", "green", "yellow", "yellow", "amber"]
    assert by_id.loc[C, "la_name_cy"] == "Gwynedd"
    assert by_id.loc[A, "la_name_cy"] == "Ynys Môn"
    # C lies on every shortest path from A or B to D or F: 4 pairs of the 7 x 6 / 2.
    assert by_id.loc[C, "betweenness"] == pytest.approx(4 * 2 / (7 * 6))


def test_ties_are_those_between_two_schools_chosen(db: Database) -> None:
    ties, counts = load_ties(db, Filters("2018/19", "GWE"))
    # A-B, A-C, B-C, C-D inside GwE; C-F and D-F leave it.
    assert counts == TieCounts(ties=4, cross_la_ties=2, outside_ties=2, touching_cross_la_ties=4)
    assert list(zip(ties["school_a"], ties["school_b"], strict=True)) == [
        (A, B),
        (A, C),
        (B, C),
        (C, D),
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # schools, isolated, ties, cross-LA, to outside, cross-LA of all the schools' ties,
        # drawn, without a location
        (Filters("2018/19"), NetworkSummary(8, 3, 6, 4, 0, 4, 6, 1)),
        (Filters("2018/19", "GWE"), NetworkSummary(5, 1, 4, 2, 2, 4, 4, 0)),
        (Filters("2018/19", "CSC", 681), NetworkSummary(3, 2, 0, 0, 2, 2, 0, 1)),
        # 2017/18: F-G is not in the fixture's drawn set (its pretend cap of 4).
        (Filters("2017/18", sector="primary"), NetworkSummary(6, 1, 5, 3, 0, 3, 4, 0)),
    ],
    ids=["wales", "gwe", "cardiff", "primary-2017"],
)
def test_summary_counts_by_hand(db: Database, filters: Filters, expected: NetworkSummary) -> None:
    assert load_network(db, filters, "map").summary == expected


def test_density_and_cross_la_share_of_the_summary(db: Database) -> None:
    summary = load_network(db, Filters("2018/19", "GWE"), "map").summary
    assert summary.density == pytest.approx(4 / 10)
    assert summary.cross_la_share == pytest.approx(2 / 4)
    assert NetworkSummary(1, 1, 0, 0, 0, 0, 0, 0).density is None
    assert NetworkSummary(1, 1, 0, 0, 0, 0, 0, 0).cross_la_share is None


def test_on_the_map_schools_are_placed_at_longitude_and_latitude(db: Database) -> None:
    schools = place_schools(load_schools(db, Filters("2018/19", "CSC")), "map")
    placed = schools.set_index("school_id")[["x", "y"]]
    assert placed.loc[F].tolist() == [-3.24, 51.49]
    assert placed.loc[H].isna().all()


def test_unknown_view_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="unknown view"):
        place_schools(load_schools(db, Filters("2018/19")), "globe")


def test_ties_become_one_line_of_segments_with_gaps() -> None:
    schools = pd.DataFrame(
        {"school_id": [1, 2, 3, 4], "x": [0.0, 1.0, 2.0, np.nan], "y": [0.0, 1.0, 0.0, 5.0]}
    )
    ties = pd.DataFrame({"school_a": [1, 1, 2, 3], "school_b": [2, 3, 4, 9]})
    segments = place_ties(ties, schools)
    # 2-4 has an end without a position, 3-9 an end not among the schools: both left out.
    assert len(segments) == 2
    assert np.array_equal(segments.x, [0, 1, np.nan, 0, 2, np.nan], equal_nan=True)
    assert np.array_equal(segments.y, [0, 1, np.nan, 0, 0, np.nan], equal_nan=True)
    assert segments.x.dtype == np.float32


def test_rank_schools_by_measure_then_name(db: Database) -> None:
    schools = load_schools(db, Filters("2018/19"))
    # Degrees: C 4; A, B, D, F 2: ties broken by name (Fairwater before the Ysgolion).
    top = rank_schools(schools, "degree", 3)
    assert top["name"].tolist() == ["Ysgol Caernarfon", "Fairwater Primary", "Ysgol Aber"]
    assert rank_schools(schools, "betweenness", 1)["school_id"].tolist() == [C]


def test_outlines_are_the_boundaries_simplified_islet_left_out(db: Database) -> None:
    outlines = load_outlines(db)
    # Three rectangles of 9 points reduced to their 5 corners, joined by 2 gaps;
    # Anglesey's islet (0.001 degrees) is narrower than the map's tolerance.
    assert len(outlines.lon) == 17
    assert np.isnan(outlines.lon).sum() == 2
    assert outlines.lon[:5].tolist() == pytest.approx([-4.7, -4.0, -4.0, -4.7, -4.7])
    assert outlines.lat[:5].tolist() == pytest.approx([53.15, 53.15, 53.45, 53.45, 53.15])
    assert load_outlines(db) is outlines  # worked out once per published file


def test_force_view_places_schools_at_their_layout(db: Database) -> None:
    # The whole of Wales in the refresh's layout (a region has its own: regional.py).
    schools = load_network(db, Filters("2018/19"), "force").schools.set_index("school_id")
    # The fixture's FORCE_LAYOUT: F (0.2, -0.3), H (-0.9, -0.9), placed though H has no
    # location on the map.
    assert schools.loc[F, ["x", "y"]].tolist() == [0.2, -0.3]
    assert schools.loc[H, ["x", "y"]].tolist() == [-0.9, -0.9]
    assert load_network(db, Filters("2018/19"), "force").summary.unplaced == 0
    assert load_network(db, Filters("2018/19", "CSC"), "force").summary.unplaced == 0


def test_drawn_ties_come_from_the_drawn_set_and_the_rule_says_so(db: Database) -> None:
    # 2017/18: five ties, F-G left out of net_edges_drawn under the fixture's cap of 4.
    data = load_network(db, Filters("2017/18"), "map")
    assert (data.summary.ties, data.summary.ties_drawn) == (5, 4)
    assert data.rule == DrawingRule("strongest", 5, 4, 4, 1)
    assert load_rule(db, "2018/19") == DrawingRule("all", 6, 6, 20_000, 1)


# With a focus area the ties are those through its PLCs only. In 2018/19 the one
# numeracy PLC active is P3 (C, F, and D from 2018-09-01): the triangle C-D, C-F, D-F;
# the one literacy PLC is P1 (A, C, B): the triangle A-B, A-C, B-C.
@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters("2018/19", focus="numeracy"), (8, 5, 3, 2, 0, 3)),
        (Filters("2018/19", "GWE", focus="numeracy"), (5, 3, 1, 0, 2, 1)),
        (Filters("2018/19", "GWE", 660, focus="literacy"), (2, 0, 1, 0, 2, 1)),
    ],
    ids=["wales-numeracy", "gwe-numeracy", "anglesey-literacy"],
)
def test_focus_area_counts_the_ties_through_its_plcs(
    db: Database, filters: Filters, expected: tuple[int, ...]
) -> None:
    summary = load_network(db, filters, "map").summary
    # schools, isolated, ties, cross-LA, to outside, drawn
    found = (
        summary.schools,
        summary.isolated,
        summary.ties,
        summary.cross_la_ties,
        summary.outside_ties,
        summary.ties_drawn,
    )
    assert found == expected


def test_focus_area_measures_its_own_subgraph(db: Database) -> None:
    data = load_network(db, Filters("2018/19", focus="numeracy"), "map")
    measures = data.schools.set_index("school_id")
    assert measures["degree"].to_dict() == {A: 0, B: 0, C: 2, D: 2, E: 0, F: 2, G: 0, H: 0}
    # In a triangle no school lies between two others; C's whole-network betweenness
    # (8/42) does not carry over.
    assert measures["betweenness"].abs().max() == 0
    subgraph = data.summary.subgraph
    assert subgraph is not None
    # The triangle and five isolated schools; the triangle is one community whose
    # modularity is 0 (every tie inside it, as expected by chance).
    assert (subgraph.n_components, subgraph.n_communities) == (6, 1)
    assert subgraph.giant_component_share == pytest.approx(3 / 8)
    assert subgraph.density == pytest.approx(3 / 28)
    assert subgraph.modularity_communities == pytest.approx(0)
    assert data.focus == "numeracy"
    assert data.rule == DrawingRule("all", 3, 3, 20_000, 1)


def test_ties_over_the_cap_are_the_strongest() -> None:
    ties = pd.DataFrame(
        {"school_a": [1, 1, 2, 3, 4], "school_b": [2, 3, 3, 4, 5], "weight": [3, 1, 2, 1, 1]}
    )
    drawn, rule = choose_ties_to_draw(ties, cap=2)
    assert drawn[["school_a", "school_b"]].values.tolist() == [[1, 2], [2, 3]]
    assert rule == DrawingRule("strongest", 5, 2, 2, 2)
    # Among the three ties of weight 1, one is taken by a fixed hash of the pair.
    some, rule = choose_ties_to_draw(ties, cap=3)
    assert len(some) == 3 and rule.min_weight_drawn == 1
    assert some.equals(choose_ties_to_draw(ties.iloc[::-1], cap=3)[0].sort_index())
    every, rule = choose_ties_to_draw(ties, cap=5)
    assert len(every) == 5 and rule == DrawingRule("all", 5, 5, 5, 1)


def test_no_tie_drawn_still_gives_the_counts(db: Database) -> None:
    # Cardiff in 2018/19: F, G, H, no tie between them; C-F and D-F leave it.
    ties, counts = load_ties(db, Filters("2018/19", "CSC", 681))
    assert ties.empty
    assert counts == TieCounts(ties=0, cross_la_ties=0, outside_ties=2, touching_cross_la_ties=2)
