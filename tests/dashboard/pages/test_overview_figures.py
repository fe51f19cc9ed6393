"""The overview's numbers on the fixture database, worked out by hand (see fixtures.py)."""

from __future__ import annotations

import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.overview.data import Headline, compute_headlines, load_overview, load_support

# (filters, expected headlines as (value, change)); the year before is always 2017/18.
HEADLINE_CASES = [
    pytest.param(
        Filters("2018/19"),
        {
            "schools_in_plcs": (6, 0),
            "active_plcs": (3, -1),
            "cross_la_share": (4 / 6, 4 / 6 - 3 / 5),
            "isolated_schools": (3, 0),
        },
        id="wales",
    ),
    pytest.param(
        Filters("2018/19", consortium="GWE"),
        {
            "schools_in_plcs": (4, 1),
            "active_plcs": (2, 0),
            "cross_la_share": (4 / 6, 4 / 6 - 3 / 4),
            "isolated_schools": (1, -1),
        },
        id="consortium-gwe",
    ),
    pytest.param(
        Filters("2018/19", consortium="GWE", la=661),
        {
            "schools_in_plcs": (2, 1),
            "active_plcs": (2, 0),
            "cross_la_share": (4 / 5, 4 / 5 - 1),
            "isolated_schools": (1, -1),
        },
        id="la-gwynedd",
    ),
    pytest.param(
        Filters("2018/19", consortium="CSC"),
        {
            "schools_in_plcs": (2, -1),
            "active_plcs": (2, -1),
            "cross_la_share": (1, 1 - 1 / 2),
            "isolated_schools": (2, 1),
        },
        id="consortium-csc",
    ),
    # Primary schools: A, B, C, D, F, G. PLCs P1 and P3 in 2018/19 (P2 ended), with
    # P2 in 2017/18 too; every tie of either year touches a primary school.
    pytest.param(
        Filters("2018/19", sector="primary"),
        {
            "schools_in_plcs": (5, 0),
            "active_plcs": (2, -1),
            "cross_la_share": (4 / 6, 4 / 6 - 3 / 5),
            "isolated_schools": (1, 0),
        },
        id="sector-primary",
    ),
    # English medium: F, G, H, the schools of Cardiff.
    pytest.param(
        Filters("2018/19", medium="english"),
        {
            "schools_in_plcs": (2, -1),
            "active_plcs": (2, -1),
            "cross_la_share": (1, 1 - 1 / 2),
            "isolated_schools": (2, 1),
        },
        id="medium-english",
    ),
    # Primary and Welsh medium: A, B, C, D, none isolated in 2018/19 (D was in 2017/18).
    pytest.param(
        Filters("2018/19", sector="primary", medium="welsh"),
        {
            "schools_in_plcs": (4, 1),
            "active_plcs": (2, 0),
            "cross_la_share": (4 / 6, 4 / 6 - 3 / 4),
            "isolated_schools": (0, -1),
        },
        id="primary-welsh",
    ),
]


@pytest.mark.parametrize(("filters", "expected"), HEADLINE_CASES)
def test_headlines_and_changes_match_hand_counts(
    db: Database, filters: Filters, expected: dict[str, tuple[float, float]]
) -> None:
    headlines = load_overview(db, filters).headlines
    assert [h.measure for h in headlines] == list(expected)
    for headline in headlines:
        value, change = expected[headline.measure]
        assert headline.value == pytest.approx(value), headline.measure
        assert headline.change == pytest.approx(change), headline.measure
        assert headline.previous_year == "2017/18"


def test_first_year_has_no_change(db: Database) -> None:
    headlines = load_overview(db, Filters("2016/17")).headlines
    assert [(h.value, h.change, h.previous_year) for h in headlines] == [
        (6, None, None),
        (4, None, None),
        (pytest.approx(1 / 3), None, None),
        (2, None, None),
    ]


def test_plc_without_an_active_membership_is_not_active(db: Database) -> None:
    # P6 runs on after 2016/17 but its one member left on 31 August 2017.
    yearly = load_overview(db, Filters("2017/18", consortium="CSC")).yearly
    assert yearly.set_index("year")["active_plcs"].to_dict() == {
        "2016/17": 2,  # P2 and P6
        "2017/18": 3,  # P2, P3 and P4
        "2018/19": 2,  # P3 and P4
    }


def test_trend_covers_every_year_oldest_first(db: Database) -> None:
    yearly = load_overview(db, Filters("2018/19")).yearly
    assert yearly["year"].tolist() == ["2016/17", "2017/18", "2018/19"]
    assert yearly["schools_in_plcs"].tolist() == [6, 6, 6]
    assert yearly["active_plcs"].tolist() == [4, 4, 3]
    assert yearly["cross_la_share"].tolist() == pytest.approx([1 / 3, 3 / 5, 4 / 6])
    assert yearly["isolated_schools"].tolist() == [2, 3, 3]


def test_support_shares_per_year_fill_missing_categories_with_zero(db: Database) -> None:
    support = load_support(db, Filters("2018/19")).set_index(["year", "category"])
    assert support.loc["2018/19", "schools"].to_dict() == {
        "green": 4,
        "yellow": 3,
        "amber": 1,
        "red": 0,
    }
    assert support.loc["2016/17", "share"].to_dict() == pytest.approx(
        {"green": 0.25, "yellow": 0.375, "amber": 0.25, "red": 0.125}
    )


def test_support_follows_the_region(db: Database) -> None:
    support = load_support(db, Filters("2018/19", consortium="GWE", la=660))
    in_2018 = support[support["year"] == "2018/19"].set_index("category")["schools"]
    assert in_2018.to_dict() == {"green": 2, "yellow": 0, "amber": 0, "red": 0}


def test_secondary_schools_without_ties_have_no_cross_la_share(db: Database) -> None:
    # E and H: H alone in P4 in 2018/19, E in nothing; neither has a tie.
    yearly = load_overview(db, Filters("2018/19", sector="secondary")).yearly
    latest = yearly.set_index("year").loc["2018/19"]
    assert (latest["schools_in_plcs"], latest["active_plcs"], latest["ties"]) == (1, 1, 0)
    assert latest["isolated_schools"] == 2
    assert latest["cross_la_share"] is None or latest["cross_la_share"] != latest["cross_la_share"]


def test_support_follows_sector(db: Database) -> None:
    support = load_support(db, Filters("2018/19", sector="primary"))
    in_2018 = support[support["year"] == "2018/19"].set_index("category")["share"]
    assert in_2018.to_dict() == pytest.approx({"green": 0.5, "yellow": 0.5, "amber": 0, "red": 0})


def test_unknown_year_gives_empty_headlines(db: Database) -> None:
    yearly = load_overview(db, Filters("2018/19")).yearly
    assert compute_headlines(yearly, "1999/00")[0] == Headline("schools_in_plcs", None, None, None)
