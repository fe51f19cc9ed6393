"""Known answers for net_plc_metrics and net_school_exposure on hand-made PLCs.

The year is 2018/19 (1 September 2018 to 31 August 2019, 365 days). Schools
``a`` and ``b`` are in LA 660, ``c`` in 661 (both consortium GWE) and ``d`` in
662 (ERW); ``e`` is in 660 and in no PLC. Every expected value is worked out
in the test from the rows it adds.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pytest
from network_db import YEAR, NetworkDb

from etl.contract import ENQUIRY_STAGES, REVIEW_FEATURES, SCOPES
from etl.load import SQL_DIR
from etl.network.plcs import SHALLOW_REASONS, compute_plc_measures
from etl.schema import apply_schema

a, b, c, d, e = 6600001, 6600002, 6610001, 6620001, 6600003
YEAR_START, YEAR_END = date(2018, 9, 1), date(2019, 8, 31)
# One full enquiry cycle in term time, in cycle order.
FULL_CYCLE = [
    (date(2018, 10, 1), "analyse_data"),
    (date(2018, 11, 5), "set_goals"),
    (date(2019, 1, 14), "research"),
    (date(2019, 2, 11), "plan"),
    (date(2019, 3, 11), "act"),
    (date(2019, 6, 10), "review"),
]


@pytest.fixture
def world(db: NetworkDb) -> NetworkDb:
    db.schools(660, a, b, e).schools(661, c).schools(662, d)
    return db


def add_plc(
    db: NetworkDb,
    members: list[int],
    scope: str = "between_schools",
    start: date = YEAR_START,
    end: date | None = YEAR_END,
) -> str:
    """A PLC with one member from each school listed (a school listed twice sends two)."""
    plc_id = db.plc(start, end, lead=members[0])
    db.con.execute("UPDATE plcs SET scope = ? WHERE plc_id = ?", [scope, plc_id])
    for school in members:
        db.member(plc_id, school, start)
    return plc_id


def add_activities(
    db: NetworkDb, plc_id: str, activities: list[tuple[date, str]], attendance: int = 2
) -> None:
    if not activities:
        return
    db.con.executemany(
        "INSERT INTO plc_activities (activity_id, plc_id, activity_date, stage, attendance)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (f"{plc_id}-{day:%Y%m%d}-{i}", plc_id, day, stage, attendance)
            for i, (day, stage) in enumerate(activities)
        ],
    )


def add_review(db: NetworkDb, plc_id: str, year: str = YEAR, **scores: int) -> None:
    """A review scoring every feature 4 unless given."""
    values = [scores.get(feature, 4) for feature in REVIEW_FEATURES]
    db.con.execute(
        f"INSERT INTO plc_reviews (plc_id, year, {', '.join(REVIEW_FEATURES)})"
        f" VALUES (?, ?, {', '.join('?' * len(values))})",
        [plc_id, year, *values],
    )


def measure(db: NetworkDb) -> None:
    db.measure()
    compute_plc_measures(db.con, progress=lambda _: None)


def plc_row(db: NetworkDb, plc_id: str, year: str = YEAR) -> dict[str, object]:
    cursor = db.con.execute(
        "SELECT * FROM net_plc_metrics WHERE plc_id = ? AND year = ?", [plc_id, year]
    )
    names = [column[0] for column in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def exposure(db: NetworkDb, column: str, year: str = YEAR) -> dict[int, object]:
    return dict(
        db.rows(
            f"SELECT school_id, {column} FROM net_school_exposure WHERE year = $year",
            {"year": year},
        )
    )


def test_counts_members_schools_areas_and_activity_of_the_year(world):
    # Started the year before, so the whole year (365 days) is active.
    plc = world.plc(date(2017, 9, 4), None, lead=a)
    world.con.execute("UPDATE plcs SET scope = 'across_consortia' WHERE plc_id = ?", [plc])
    for school in (a, a, c, d):
        world.member(plc, school, date(2017, 9, 4))
    # b's member left before the year began: b does not count in 2018/19.
    world.member(plc, b, date(2017, 9, 4), left=date(2018, 8, 31))
    # Inserted out of cycle order; the June 2018 activity belongs to 2017/18.
    world.con.executemany(
        "INSERT INTO plc_activities (activity_id, plc_id, activity_date, stage, attendance)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            ("x1", plc, date(2019, 6, 10), "review", 4),
            ("x2", plc, date(2018, 6, 1), "act", 4),
            ("x3", plc, date(2018, 10, 1), "analyse_data", 4),
            ("x4", plc, date(2018, 11, 5), "set_goals", 3),
            ("x5", plc, date(2019, 1, 14), "plan", 2),
            ("x6", plc, date(2019, 3, 4), "act", 3),
        ],
    )
    add_review(
        world,
        plc,
        learner_focus=4,
        trust=5,
        data_informed=4,
        innovation=3,
        distributed_leadership=4,
        broad_involvement=3,
        critical_enquiry=4,
        reciprocal_accountability=3,
        dissemination=5,
    )
    measure(world)
    row = plc_row(world, plc)
    assert row["scope"] == "across_consortia"
    assert row["lead_school_id"] == a
    assert row["active_days"] == 365
    # Two members from a, one each from c and d; LAs 660, 661, 662; GWE and ERW.
    assert (row["n_members"], row["n_schools"], row["n_las"], row["n_consortia"]) == (4, 3, 3, 2)
    # Five activities in the year: attendance 4 + 4 + 3 + 2 + 3 = 16.
    assert (row["n_activities"], row["attendance"]) == (5, 16)
    assert row["mean_attendance"] == pytest.approx(16 / 5)
    assert row["activity_per_member"] == pytest.approx(16 / 4)
    # research never happened: five of six stages, listed in cycle order.
    assert row["stages_reached"] == ["analyse_data", "set_goals", "plan", "act", "review"]
    assert [row[f"reached_{s}"] for s in ENQUIRY_STAGES] == [True, True, False, True, True, True]
    assert row["cycle_completeness"] == pytest.approx(5 / 6)
    # Scores 4+5+4+3+4+3+4+3+5 = 35.
    assert row["review_mean"] == pytest.approx(35 / 9)
    # Health: review (35/9 - 1) / 4 = 13/18, cycle 5/6 = 15/18, activity min(4/6, 1) = 12/18;
    # their mean is 40/54, times 100.
    assert row["health_score"] == pytest.approx(100 * 40 / 54)
    assert (row["is_shallow"], row["shallow_reasons"]) == (False, [])


def test_a_plc_without_members_or_review_has_no_activity_rate_and_a_smaller_health(world):
    plc = add_plc(world, [a, b])
    world.con.execute("DELETE FROM plc_memberships WHERE plc_id = ?", [plc])
    add_activities(world, plc, FULL_CYCLE[:3])
    measure(world)
    row = plc_row(world, plc)
    assert (row["n_members"], row["n_schools"], row["n_las"], row["n_consortia"]) == (0, 0, 0, 0)
    assert row["activity_per_member"] is None
    assert row["review_mean"] is None
    # Only the cycle is left to score: 3 of 6 stages.
    assert row["health_score"] == pytest.approx(50.0)


# name: (schools, scope, start, activities, review scores or None, expected reasons)
SHALLOW_CASES = {
    "deep": ([a, c], "across_las", YEAR_START, FULL_CYCLE, {}, []),
    "meetings without analysis or review": (
        [a, b],
        "between_schools",
        YEAR_START,
        [FULL_CYCLE[1], FULL_CYCLE[3], FULL_CYCLE[4]],
        {},
        ["no_analysis_or_review"],
    ),
    "analysis without review is enquiry": (
        [a, b],
        "between_schools",
        YEAR_START,
        [FULL_CYCLE[0], FULL_CYCLE[3], FULL_CYCLE[4]],
        {},
        [],
    ),
    "review without analysis is enquiry": (
        [a, b],
        "between_schools",
        YEAR_START,
        [FULL_CYCLE[1], FULL_CYCLE[4], FULL_CYCLE[5]],
        {},
        [],
    ),
    "learner focus 2": (
        [a, b],
        "between_schools",
        YEAR_START,
        FULL_CYCLE,
        {"learner_focus": 2},
        ["low_learner_focus"],
    ),
    "learner focus 3": (
        [a, b],
        "between_schools",
        YEAR_START,
        FULL_CYCLE,
        {"learner_focus": 3},
        [],
    ),
    "between schools from one school": (
        [a, a],
        "between_schools",
        YEAR_START,
        FULL_CYCLE,
        {},
        ["between_one_school"],
    ),
    "across consortia from one school": (
        [d, d],
        "across_consortia",
        YEAR_START,
        FULL_CYCLE,
        {},
        ["between_one_school"],
    ),
    "within one school": ([a, a], "within_school", YEAR_START, FULL_CYCLE, {}, []),
    "members and nothing else": ([a, b], "between_schools", YEAR_START, [], None, ["no_activity"]),
    # Two activities in a whole year: fewer than one a term (three a year).
    "two in a year": (
        [a, b],
        "between_schools",
        YEAR_START,
        [FULL_CYCLE[0], FULL_CYCLE[5]],
        {},
        ["low_activity"],
    ),
    "three in a year": (
        [a, b],
        "between_schools",
        YEAR_START,
        [FULL_CYCLE[0], FULL_CYCLE[4], FULL_CYCLE[5]],
        {},
        [],
    ),
    # Started 1 March: 184 days of 365, so fewer than 3 * 184 / 365 = 1.51 is low.
    "one since March": (
        [a, b],
        "between_schools",
        date(2019, 3, 1),
        [FULL_CYCLE[5]],
        {},
        ["low_activity"],
    ),
    "two since March": (
        [a, b],
        "between_schools",
        date(2019, 3, 1),
        [FULL_CYCLE[4], FULL_CYCLE[5]],
        {},
        [],
    ),
    # The demo's no_enquiry kind: a few meetings, never analysing or reviewing, low scores.
    "shallow on every count": (
        [a, a],
        "between_schools",
        YEAR_START,
        [FULL_CYCLE[1], FULL_CYCLE[4]],
        {"learner_focus": 1},
        ["no_analysis_or_review", "low_learner_focus", "between_one_school", "low_activity"],
    ),
}


@pytest.mark.parametrize("case", sorted(SHALLOW_CASES))
def test_shallow_reasons(world, case):
    schools, scope, start, activities, scores, expected = SHALLOW_CASES[case]
    plc = add_plc(world, schools, scope=scope, start=start)
    add_activities(world, plc, activities)
    if scores is not None:
        add_review(world, plc, **scores)
    measure(world)
    row = plc_row(world, plc)
    assert row["shallow_reasons"] == expected
    assert row["is_shallow"] == bool(expected)


def test_a_plc_without_members_is_not_flagged_for_having_no_activity(world):
    plc = add_plc(world, [a, b])
    world.con.execute("DELETE FROM plc_memberships WHERE plc_id = ?", [plc])
    measure(world)
    assert plc_row(world, plc)["shallow_reasons"] == []


def test_one_row_per_active_plc_year(db):
    db.years("2017/18", "2019/20").schools(660, a, b)
    # Active from June 2018 to September 2019: 2017/18, 2018/19 and 2019/20.
    plc = add_plc(db, [a, b], start=date(2018, 6, 1), end=date(2019, 9, 2))
    # Ended before 2018/19.
    gone = add_plc(db, [a, b], start=date(2017, 9, 4), end=date(2018, 7, 20))
    measure(db)
    years = db.rows("SELECT plc_id, list(year ORDER BY year) FROM net_plc_metrics GROUP BY 1")
    assert dict(years) == {
        plc: ["2017/18", "2018/19", "2019/20"],
        gone: ["2017/18"],
    }
    # 1 June to 31 August 2018, and 1 to 2 September 2019.
    assert plc_row(db, plc, "2017/18")["active_days"] == 92
    assert plc_row(db, plc, "2019/20")["active_days"] == 2


def test_exposure_counts_deep_cross_school_plcs_and_their_ties(world):
    world.years("2017/18")
    deep_three = add_plc(world, [a, b, c])
    shallow = add_plc(world, [a, d], scope="across_las")
    within = add_plc(world, [a, a], scope="within_school")
    deep_two = add_plc(world, [a, b])
    for plc in (deep_three, within, deep_two):
        add_activities(world, plc, FULL_CYCLE)
        add_review(world, plc)
    add_activities(world, shallow, FULL_CYCLE)
    add_review(world, shallow, learner_focus=2)
    measure(world)
    assert plc_row(world, within)["is_shallow"] is False
    assert plc_row(world, shallow)["shallow_reasons"] == ["low_learner_focus"]
    # a: deep_three and deep_two (not the shallow one, not the within-school one).
    assert exposure(world, "deep_cross_plcs") == {a: 2, b: 2, c: 1, d: 0, e: 0}
    assert exposure(world, "any_cross_plcs") == {a: 3, b: 2, c: 1, d: 1, e: 0}
    # Partners through deep PLCs: a with b and c (b counted once though shared twice).
    assert exposure(world, "deep_cross_ties") == {a: 2, b: 2, c: 2, d: 0, e: 0}
    # Nothing in 2017/18.
    assert set(exposure(world, "deep_cross_plcs", "2017/18").values()) == {0}


def test_green_ties_count_partners_green_that_year(world):
    world.years("2017/18")
    add_plc(world, [a, b, c])
    add_plc(world, [a, d])
    # Ties: a-b, a-c, b-c, a-d. Green in 2018/19: b, c, d and the isolated e; a is amber.
    categories = {a: "amber", b: "green", c: "green", d: "green", e: "green"}
    world.con.executemany(
        "INSERT INTO school_outcomes (school_id, year, measure, value, source)"
        " VALUES (?, ?, 'support_category', ?, 'demo')",
        [(school, YEAR, category) for school, category in categories.items()],
    )
    # In 2017/18 a was green: it has no ties that year, so no one gains from it.
    world.con.execute(
        "INSERT INTO school_outcomes (school_id, year, measure, value, source)"
        " VALUES (?, '2017/18', 'support_category', 'green', 'demo')",
        [a],
    )
    measure(world)
    assert exposure(world, "green_ties") == {a: 3, b: 1, c: 1, d: 0, e: 0}
    assert exposure(world, "support_category") == categories
    assert set(exposure(world, "green_ties", "2017/18").values()) == {0}


def test_attainment_change_is_from_the_previous_year(world):
    world.years("2016/17", "2017/18")
    rows = [
        (a, "2016/17", "40.0"),
        (a, "2017/18", "41.5"),
        (a, YEAR, "45.0"),
        # b misses 2017/18: no change in 2017/18 nor in 2018/19.
        (b, "2016/17", "50.0"),
        (b, YEAR, "52.0"),
        (c, YEAR, "60.0"),
    ]
    world.con.executemany(
        "INSERT INTO school_outcomes (school_id, year, measure, value, source)"
        " VALUES (?, ?, 'attainment', ?, 'local')",
        rows,
    )
    measure(world)
    change = dict(
        world.rows(
            "SELECT (school_id, year), attainment_change FROM net_school_exposure "
            "WHERE school_id IN (?, ?, ?)",
            [a, b, c],
        )
    )
    assert change[(a, "2016/17")] is None
    assert change[(a, "2017/18")] == pytest.approx(1.5)
    assert change[(a, YEAR)] == pytest.approx(3.5)
    assert change[(b, "2017/18")] is None
    assert change[(b, YEAR)] is None
    assert change[(c, YEAR)] is None
    assert exposure(world, "attainment")[a] == 45.0
    assert world.rows("SELECT count(*) FROM net_school_exposure")[0][0] == 3 * 5


def test_the_sql_uses_the_contract_names():
    con = duckdb.connect()
    apply_schema(con)
    columns = [
        r[0]
        for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'net_plc_metrics' "
            "ORDER BY column_index"
        ).fetchall()
    ]
    stages = [name.removeprefix("reached_") for name in columns if name.startswith("reached_")]
    assert stages == list(ENQUIRY_STAGES)
    assert [f for f in columns if f in REVIEW_FEATURES] == list(REVIEW_FEATURES)
    sql = (SQL_DIR / "marts" / "net_plc_metrics.sql").read_text(encoding="utf-8")
    for code in (*SHALLOW_REASONS, *ENQUIRY_STAGES, SCOPES[0]):
        assert f"'{code}'" in sql


def plc_change(db: NetworkDb, plc_id: str, year: str, measure: str) -> tuple:
    """(value, previous, change) of one measure of a PLC in net_changes."""
    rows = db.rows(
        "SELECT value, previous, change FROM net_changes WHERE level = 'plc' "
        "AND entity_id = $plc AND year = $year AND measure = $measure",
        {"plc": plc_id, "year": year, "measure": measure},
    )
    assert len(rows) == 1
    return rows[0]


def test_plc_changes_from_year_to_year(db):
    db.years("2019/20", "2020/21").schools(660, a, b).schools(661, c)
    # Active in 2018/19 and 2019/20, not in 2020/21; c joins in 2019/20.
    plc = add_plc(db, [a, b], start=YEAR_START, end=date(2020, 8, 31))
    db.member(plc, c, date(2019, 9, 1))
    add_activities(db, plc, FULL_CYCLE[:2])  # 2018/19: two activities, 2 attending each
    add_activities(db, plc, [(date(2019, 10, 7), "analyse_data")], attendance=3)
    measure(db)
    # 2018/19 is the first year of the PLC: no previous value.
    assert plc_change(db, plc, YEAR, "n_schools") == (2.0, None, None)
    assert plc_change(db, plc, "2019/20", "n_schools") == (3.0, 2.0, 1.0)
    assert plc_change(db, plc, "2019/20", "n_las") == (2.0, 1.0, 1.0)
    assert plc_change(db, plc, "2019/20", "n_activities") == (1.0, 2.0, -1.0)
    # Attendance per member: 4 / 2 in 2018/19, 3 / 3 in 2019/20.
    assert plc_change(db, plc, "2019/20", "activity_per_member") == (1.0, 2.0, -1.0)
    # Stages: analyse_data and set_goals of six, then analyse_data alone.
    assert plc_change(db, plc, "2019/20", "cycle_completeness") == pytest.approx(
        (1 / 6, 2 / 6, -1 / 6), abs=1e-12
    )
    # No review either year.
    assert plc_change(db, plc, "2019/20", "review_mean") == (None, None, None)
    # Not active in 2020/21: no rows; members are never among the measures.
    assert db.rows(
        "SELECT count(*) FILTER (WHERE year = '2020/21'), "
        "count(*) FILTER (WHERE measure = 'n_members') FROM net_changes WHERE level = 'plc'"
    ) == [(0, 0)]


def test_measuring_plcs_again_replaces_their_changes(world):
    plc = add_plc(world, [a, b])
    measure(world)
    compute_plc_measures(world.con, progress=lambda _: None)
    assert plc_change(world, plc, YEAR, "n_schools") == (2.0, None, None)
