"""The compare page's numbers on the hand-made database (tests/dashboard/fixtures.py).

Ties gained and lost are checked against the set difference of the ties table worked
out here in Python, for every pair of years and several selections; schools that
joined or left PLCs against the hand count of the fixture's memberships; the headline
figures and the area's measures against the overview's and the regions page's own
functions (the same quantity on two pages is the same number); the lists against the
user's scope.
"""

from __future__ import annotations

import itertools

import duckdb
import pytest

from dashboard.access.users import User, acting_as
from dashboard.core.db import Database
from dashboard.core.filters import Choices, Filters
from dashboard.pages.compare.data import (
    GROUP_MEASURES,
    WITH,
    load_changes,
    load_compare,
    load_headline_pairs,
    load_measures,
    order_years,
)
from dashboard.pages.compare.layout import OPTIONS
from dashboard.pages.overview.data import load_overview
from dashboard.pages.regions.data import load_groups

YEARS = ["2016/17", "2017/18", "2018/19"]
SELECTIONS = [
    Filters("2018/19"),
    Filters("2018/19", consortium="GWE"),
    Filters("2018/19", consortium="CSC", la=681),
    Filters("2018/19", consortium="GWE", la=661),
    Filters("2018/19", sector="secondary"),
    Filters("2018/19", medium="welsh"),
]
# The fixture's schools by letter (tests/dashboard/fixtures.py).
SCHOOL = {
    "A": 6602001,
    "B": 6602002,
    "C": 6612001,
    "D": 6612002,
    "E": 6614001,
    "F": 6812001,
    "G": 6812002,
    "H": 6814001,
}


def _with(filters: Filters, year: str, other: str) -> Filters:
    return Filters(
        year,
        filters.consortium,
        filters.la,
        filters.sector,
        filters.medium,
        options=((WITH, other),),
    )


def _chosen(con: duckdb.DuckDBPyConnection, filters: Filters) -> set[int]:
    rows = con.execute(
        "select s.school_id, s.la_code, la.consortium_code, s.sector, s.language_medium "
        "from schools as s join local_authorities as la using (la_code)"
    ).fetchall()
    return {
        school
        for school, la, consortium, sector, medium in rows
        if (filters.la is None or la == filters.la)
        and (filters.consortium is None or consortium == filters.consortium)
        and (filters.sector is None or sector == filters.sector)
        and (filters.medium is None or medium == filters.medium)
    }


def _ties(con: duckdb.DuckDBPyConnection, year: str, chosen: set[int]) -> set[tuple[int, int]]:
    """The year's ties with at least one end among ``chosen``, straight from net_edges."""
    pairs = con.execute("select school_a, school_b from net_edges where year = ?", [year])
    return {(a, b) for a, b in pairs.fetchall() if a in chosen or b in chosen}


@pytest.fixture
def con(db: Database) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db.path), read_only=True)


@pytest.mark.parametrize(
    "filters", SELECTIONS, ids=lambda f: f"{f.consortium}-{f.la}-{f.sector}-{f.medium}"
)
def test_ties_gained_and_lost_are_the_set_differences_of_the_ties_table(
    db: Database, con: duckdb.DuckDBPyConnection, filters: Filters
) -> None:
    chosen = _chosen(con, filters)
    for earlier, later in itertools.combinations(YEARS, 2):
        before, after = _ties(con, earlier, chosen), _ties(con, later, chosen)
        changes = load_changes(db, filters, earlier, later)
        assert changes.ties_gained == len(after - before)
        assert changes.ties_lost == len(before - after)
        assert changes.ties_kept == len(before & after)
        listed = load_compare(db, _with(filters, later, earlier), YEARS).tie_changes
        gained = listed[listed["change"] == "gained"]
        lost = listed[listed["change"] == "lost"]
        # The open user sees every school: each pair listed once, the selection's school first.
        as_pairs = {
            tuple(sorted(pair)) for pair in zip(gained["school_a"], gained["school_b"], strict=True)
        }
        assert as_pairs == after - before
        assert {
            tuple(sorted(pair)) for pair in zip(lost["school_a"], lost["school_b"], strict=True)
        } == before - after
        assert set(listed["school_a"]) <= chosen


def test_wales_from_2016_17_to_2018_19_by_hand(db: Database) -> None:
    data = load_compare(db, Filters("2018/19", options=((WITH, "2016/17"),)), YEARS)
    # Ties: A-B, B-C, C-D, C-F, D-F gained; F-G, D-E lost; A-C kept.
    assert (data.changes.ties_gained, data.changes.ties_lost, data.changes.ties_kept) == (5, 2, 1)
    # In PLCs in 2016/17: A C (P1), F G (P2), D E (P5), G (P6); in 2018/19: A B C (P1),
    # C D F (P3), H (P4). So B and H joined, E and G left; A, C, D, F stayed.
    joined = data.school_changes[data.school_changes["change"] == "joined"]
    left = data.school_changes[data.school_changes["change"] == "left"]
    assert set(joined["school_id"]) == {SCHOOL["B"], SCHOOL["H"]}
    assert set(left["school_id"]) == {SCHOOL["E"], SCHOOL["G"]}
    assert (data.changes.schools_joined, data.changes.schools_left) == (2, 2)
    assert data.changes.schools_stayed == 4


def test_the_two_years_are_ordered_whichever_way_they_are_asked(db: Database) -> None:
    forward = load_compare(db, Filters("2018/19", options=((WITH, "2016/17"),)), YEARS)
    backward = load_compare(db, Filters("2016/17", options=((WITH, "2018/19"),)), YEARS)
    assert (forward.earlier, forward.later) == (backward.earlier, backward.later)
    assert forward.changes == backward.changes
    assert order_years(Filters("2017/18", options=((WITH, "2017/18"),)), YEARS) == (
        "2017/18",
        "2017/18",
    )


def test_the_same_year_twice_changes_nothing(db: Database) -> None:
    data = load_compare(db, Filters("2017/18", options=((WITH, "2017/18"),)), YEARS)
    assert data.same_year
    changes = data.changes
    assert (changes.ties_gained, changes.ties_lost, changes.schools_joined) == (0, 0, 0)
    assert changes.ties_kept == 5
    assert data.tie_changes.empty and data.school_changes.empty


@pytest.mark.parametrize(
    "filters", SELECTIONS, ids=lambda f: f"{f.consortium}-{f.la}-{f.sector}-{f.medium}"
)
def test_changes_add_up_to_the_overview_headlines(db: Database, filters: Filters) -> None:
    """ties(later) - ties(earlier) = gained - lost, and schools in PLCs likewise, with the
    overview's own figures; the headline figures are the overview's for each year."""
    for earlier, later in itertools.combinations(YEARS, 2):
        yearly = load_overview(db, filters).yearly.set_index("year")
        changes = load_changes(db, filters, earlier, later)
        ties = yearly["ties"]
        assert ties[later] - ties[earlier] == changes.ties_gained - changes.ties_lost
        in_plcs = yearly["schools_in_plcs"]
        assert in_plcs[later] - in_plcs[earlier] == changes.schools_joined - changes.schools_left
        for pair in load_headline_pairs(db, filters, earlier, later):
            for year, value in ((earlier, pair.earlier), (later, pair.later)):
                overview = load_overview(db, Filters(year, *_region(filters)))
                shown = next(h for h in overview.headlines if h.measure == pair.measure)
                assert value == shown.value, (pair.measure, year)


def _region(filters: Filters) -> tuple[object, ...]:
    return (filters.consortium, filters.la, filters.sector, filters.medium)


@pytest.mark.parametrize(
    ("filters", "level", "group"),
    [
        (Filters("2018/19", consortium="CSC", la=681), "la", "681"),
        (Filters("2018/19", consortium="GWE"), "consortium", "GWE"),
        (Filters("2018/19"), "wales", None),
    ],
)
def test_the_area_measures_are_the_regions_pages(
    db: Database, filters: Filters, level: str, group: str | None
) -> None:
    measures = load_measures(db, filters, "2016/17", "2018/19").set_index("measure")
    assert list(measures.index) == list(GROUP_MEASURES)
    for year, column in (("2016/17", "earlier"), ("2018/19", "later")):
        groups = load_groups(db, Filters(year))
        row = groups[(groups["level"] == level) & ((group is None) | (groups["group_id"] == group))]
        for measure in GROUP_MEASURES:
            expected = row[measure].iloc[0]
            assert measures.loc[measure, column] == pytest.approx(expected, nan_ok=True)
    # Cardiff's ties within: 1 (F-G) in 2016/17, none in 2018/19 (the fixture's header).
    if level == "la":
        assert measures.loc["internal_ties", "change"] == -1


def test_a_cardiff_officer_sees_only_cardiff_pairs_and_schools(db: Database) -> None:
    with acting_as(User("cardiff", "Cardiff officer", frozenset({"la:681"}))):
        data = load_compare(
            Database(db.path), Filters("2018/19", options=((WITH, "2016/17"),)), YEARS
        )
    # Of the 7 ties that changed, only F-G (lost) joins two Cardiff schools.
    assert data.changes.ties_gained + data.changes.ties_lost == 7
    pairs = list(zip(data.tie_changes["school_a"], data.tie_changes["school_b"], strict=True))
    assert pairs == [(SCHOOL["F"], SCHOOL["G"])]
    assert set(data.school_changes["school_id"]) == {SCHOOL["G"], SCHOOL["H"]}


def test_public_figures_only_list_no_school(db: Database) -> None:
    with acting_as(User("public", "Anyone", frozenset(), public_only=True)):
        data = load_compare(
            Database(db.path), Filters("2018/19", options=((WITH, "2016/17"),)), YEARS
        )
    assert data.tie_changes.empty and data.school_changes.empty
    assert (data.changes.ties_gained, data.changes.schools_joined) == (5, 2)


def test_the_second_year_defaults_to_the_year_before_the_latest(choices: Choices) -> None:
    (option,) = OPTIONS
    assert option.resolve(None, choices.years) == "2017/18"
    assert option.resolve("2016/17", choices.years) == "2016/17"
    assert option.resolve("1999/00", choices.years) == "2017/18"
