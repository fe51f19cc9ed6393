"""The overview's text summary: the year's figures and changes in words, on the fixture
database, every number worked out by hand from fixtures.py."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Choices, Filters
from dashboard.pages.overview.data import SummaryFact, compute_summary, load_overview
from dashboard.pages.overview.layout import build_overview_parts, describe_summary

SUMMARY_CASES = [
    # All of Wales, 8 schools. In PLCs: 6 both years. Active PLCs: P1, P3, P4 (P2
    # ended in 2017/18). Cross-LA ties: 4 of 6 against 3 of 5 (+6.7 points).
    # Isolated: E, G, H both years (3 of 8). Green: A, B, F, H (4 of 8) against
    # A, F, H (3 of 8).
    pytest.param(
        Filters("2018/19"),
        "en",
        "In 2018/19, 6 schools (75.0%) were in at least one PLC, unchanged from 2017/18. "
        "3 PLCs were active, down 1 on 2017/18. "
        "66.7% of the ties of these schools crossed LA lines, up 6.7 points on 2017/18. "
        "3 schools (37.5%) were tied to no other school, unchanged from 2017/18. "
        "50.0% of schools with a support category were green, up 12.5 points on 2017/18.",
        id="wales",
    ),
    # The first year: nothing to compare with. Ties A-C*, F-G, D-E; B and H isolated;
    # green A and F.
    pytest.param(
        Filters("2016/17"),
        "en",
        "In 2016/17, 6 schools (75.0%) were in at least one PLC. "
        "4 PLCs were active. "
        "33.3% of the ties of these schools crossed LA lines. "
        "2 schools (25.0%) were tied to no other school. "
        "25.0% of schools with a support category were green.",
        id="first-year",
    ),
    # Cardiff's F, G, H: in PLCs F (P3) and H (P4), against all three in 2017/18;
    # ties C-F*, D-F* against C-F*, F-G; G and H isolated against H alone;
    # green F and H both years.
    pytest.param(
        Filters("2018/19", consortium="CSC"),
        "en",
        "In 2018/19, 2 schools (66.7%) were in at least one PLC, down 1 on 2017/18. "
        "2 PLCs were active, down 1 on 2017/18. "
        "100.0% of the ties of these schools crossed LA lines, up 50.0 points on 2017/18. "
        "2 schools (66.7%) were tied to no other school, up 1 on 2017/18. "
        "66.7% of schools with a support category were green, unchanged from 2017/18.",
        id="consortium-csc",
    ),
    # Gwynedd's C, D, E in 2017/18: only C in a PLC (P1, P3; one school: singular),
    # against all three in 2016/17 (P1, P5); its ties A-C*, B-C*, C-F* all cross,
    # against A-C* and D-E; D and E isolated, none before; none green either year.
    pytest.param(
        Filters("2017/18", consortium="GWE", la=661),
        "en",
        "In 2017/18, 1 school (33.3%) was in at least one PLC, down 2 on 2016/17. "
        "2 PLCs were active, unchanged from 2016/17. "
        "100.0% of the ties of these schools crossed LA lines, up 50.0 points on 2016/17. "
        "2 schools (66.7%) were tied to no other school, up 2 on 2016/17. "
        "0.0% of schools with a support category were green, unchanged from 2016/17.",
        id="la-gwynedd",
    ),
    # Secondary E and H: H alone in P4 both years, so one PLC (singular); no tie at
    # all, so no cross-LA share to tell; green H of the two both years.
    pytest.param(
        Filters("2018/19", sector="secondary"),
        "en",
        "In 2018/19, 1 school (50.0%) was in at least one PLC, unchanged from 2017/18. "
        "1 PLC was active, unchanged from 2017/18. "
        "2 schools (100.0%) were tied to no other school, unchanged from 2017/18. "
        "50.0% of schools with a support category were green, unchanged from 2017/18.",
        id="secondary-no-ties",
    ),
    pytest.param(
        Filters("2018/19"),
        "cy",
        "Yn 2018/19, roedd 6 o ysgolion (75.0%) mewn o leiaf un CDP, dim newid ers 2017/18. "
        "Roedd 3 o CDPau yn weithredol, gostyngiad o 1 ers 2017/18. "
        "Roedd 66.7% o gysylltiadau'r ysgolion hyn yn croesi ffiniau awdurdodau lleol, "
        "cynnydd o 6.7 pwynt ers 2017/18. "
        "Nid oedd gan 3 o ysgolion (37.5%) gysylltiad ag unrhyw ysgol arall, "
        "dim newid ers 2017/18. "
        "Roedd 50.0% o'r ysgolion â chategori cymorth yn y categori gwyrdd, "
        "cynnydd o 12.5 pwynt ers 2017/18.",
        id="wales-in-welsh",
    ),
]


@pytest.mark.parametrize(("filters", "lang", "expected"), SUMMARY_CASES)
def test_summary_tells_the_years_figures_and_changes(
    db: Database, filters: Filters, lang: str, expected: str
) -> None:
    data = load_overview(db, filters)
    assert describe_summary(data.summary, filters.year, lang) == expected


def test_summary_facts_carry_the_share_of_the_regions_schools(db: Database) -> None:
    facts = load_overview(db, Filters("2018/19", consortium="GWE")).summary
    # GwE: A-E. In PLCs A, B, C, D (E in nothing); isolated E alone.
    by_measure = {fact.measure: fact for fact in facts}
    assert by_measure["schools_in_plcs"].share_of_schools == pytest.approx(4 / 5)
    assert by_measure["isolated_schools"].share_of_schools == pytest.approx(1 / 5)
    assert by_measure["active_plcs"].share_of_schools is None
    assert [fact.measure for fact in facts] == [
        "schools_in_plcs",
        "active_plcs",
        "cross_la_share",
        "isolated_schools",
        "green_share",
    ]


def test_green_share_is_not_compared_with_a_year_without_categories() -> None:
    yearly = pd.DataFrame(
        {
            "year": ["2017/18", "2018/19"],
            "schools": [4, 4],
            "schools_in_plcs": [2, 3],
            "active_plcs": [1, 1],
            "ties": [1, 1],
            "cross_la_share": [0.0, 0.0],
            "isolated_schools": [2, 1],
        }
    )
    support = pd.DataFrame(
        {
            "year": ["2018/19"] * 4,
            "category": ["green", "yellow", "amber", "red"],
            "schools": [1, 3, 0, 0],
            "share": [0.25, 0.75, 0.0, 0.0],
        }
    )
    green = compute_summary(yearly, support, "2018/19")[-1]
    assert green == SummaryFact("green_share", 0.25, None, None)
    assert describe_summary([green], "2018/19", "en") == (
        "25.0% of schools with a support category were green."
    )


def test_year_without_figures_says_so(db: Database) -> None:
    data = load_overview(db, Filters("2018/19"))
    facts = compute_summary(data.yearly, data.support, "1999/00")
    assert facts == []
    assert describe_summary(facts, "1999/00", "en") == "No figures for 1999/00 in this selection."
    assert describe_summary(facts, "1999/00", "cy") == (
        "Dim ffigurau ar gyfer 1999/00 yn y detholiad hwn."
    )


def test_summary_is_among_the_parts_the_callback_returns(db: Database, choices: Choices) -> None:
    filters = Filters("2018/19", consortium="CSC")
    outputs = build_overview_parts(load_overview(db, filters), filters, choices, "en").as_outputs()
    assert outputs[1].startswith("In 2018/19, 2 schools (66.7%) were in at least one PLC")
