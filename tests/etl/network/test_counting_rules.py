"""The counting rules of docs/measures.md ("Counting rules"), one hand-made case each.

The year is 2018/19 (1 September 2018 to 31 August 2019, 365 days) unless a test
adds another; 2019/20 has 366 days (29 February 2020). Schools A and B are in LA
660, C in 661 (consortium GWE), D and E in 662 (ERW). Every expected value is
worked out in the test from the rows it adds.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from network_db import NetworkDb

from etl.network.plcs import compute_plc_measures

A, B, C, D, E = 6600001, 6600002, 6610001, 6620001, 6620002
YEAR_START, YEAR_END = date(2018, 9, 1), date(2019, 8, 31)
MEASURES_MD = Path(__file__).resolve().parents[3] / "docs" / "measures.md"


@pytest.fixture
def world(db: NetworkDb) -> NetworkDb:
    db.schools(660, A, B).schools(661, C).schools(662, D, E)
    return db


def measure(db: NetworkDb) -> None:
    db.measure()
    compute_plc_measures(db.con, progress=lambda _: None)


def ties(db: NetworkDb, year: str = "2018/19") -> list[tuple]:
    return db.rows(
        "SELECT school_a, school_b, weight, shared_members FROM net_edges"
        " WHERE year = $year ORDER BY school_a, school_b",
        {"year": year},
    )


def plc_row(db: NetworkDb, plc_id: str, year: str = "2018/19") -> dict[str, object]:
    cursor = db.con.execute(
        "SELECT * FROM net_plc_metrics WHERE plc_id = ? AND year = ?", [plc_id, year]
    )
    names = [column[0] for column in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def add_activity(db: NetworkDb, plc_id: str, day: date, stage: str, attendance: int) -> None:
    db.con.execute(
        "INSERT INTO plc_activities (activity_id, plc_id, activity_date, stage, attendance)"
        " VALUES (?, ?, ?, ?, ?)",
        [f"{plc_id}-{day:%Y%m%d}-{stage}", plc_id, day, stage, attendance],
    )


# One day counts as the whole year.


def test_a_plc_of_one_day_ties_its_schools_for_the_year(world):
    one_day = world.plc(date(2019, 3, 1), date(2019, 3, 1))
    world.member(one_day, A, date(2019, 3, 1))
    world.member(one_day, C, date(2019, 3, 1))
    measure(world)
    assert ties(world) == [(A, C, 1, 2)]
    assert plc_row(world, one_day)["active_days"] == 1


def test_members_never_there_at_the_same_time_still_tie_their_schools(world):
    # a1 is a member on 1 September 2018 only; c1 from 31 August 2019 only.
    whole_year = world.plc(YEAR_START, YEAR_END)
    world.member(whole_year, A, YEAR_START, left=YEAR_START)
    world.member(whole_year, C, YEAR_END)
    measure(world)
    assert ties(world) == [(A, C, 1, 2)]


# A membership counts when the PLC's, the member's and the year's dates share a day.


def test_a_member_who_joined_after_the_plc_ended_makes_no_tie(world):
    # The PLC ends on 31 January 2019; C's member joins on 1 March 2019, same year.
    ended = world.plc(YEAR_START, date(2019, 1, 31))
    world.member(ended, A, YEAR_START)
    world.member(ended, B, YEAR_START)
    world.member(ended, C, date(2019, 3, 1))
    measure(world)
    assert ties(world) == [(A, B, 1, 2)]
    assert world.school_column("n_plcs") == {A: 1, B: 1, C: 0, D: 0, E: 0}
    row = plc_row(world, ended)
    assert (row["n_schools"], row["n_members"], row["n_las"]) == (2, 2, 1)


def test_a_member_who_left_before_the_plc_started_makes_no_tie(world):
    # The PLC starts on 1 February 2019; D's member left on 15 January 2019.
    late = world.plc(date(2019, 2, 1), YEAR_END)
    world.member(late, D, YEAR_START, left=date(2019, 1, 15))
    world.member(late, C, date(2019, 2, 1))
    measure(world)
    assert ties(world) == []
    assert plc_row(world, late)["n_schools"] == 1


def test_a_member_who_joined_on_the_plcs_last_day_counts(world):
    ended = world.plc(YEAR_START, date(2019, 1, 31))
    world.member(ended, A, YEAR_START)
    world.member(ended, C, date(2019, 1, 31))
    measure(world)
    assert ties(world) == [(A, C, 1, 2)]


# shared_members counts only the memberships that count in the year.


def test_shared_members_counts_only_memberships_counting_that_year(world):
    world.years("2017/18")
    running = world.plc(date(2017, 9, 1))
    world.member(running, A, date(2017, 9, 1), left=date(2018, 6, 30), member_id="a1")
    world.member(running, A, date(2017, 9, 1), member_id="a2")
    world.member(running, B, date(2017, 9, 1), member_id="b1")
    measure(world)
    # 2017/18: a1, a2 and b1. 2018/19: a1 left before 1 September 2018, so a2 and b1.
    assert ties(world, "2017/18") == [(A, B, 1, 3)]
    assert ties(world, "2018/19") == [(A, B, 1, 2)]


# active_days counts both ends; a leap year has 366 days.


@pytest.mark.parametrize(
    ("start", "end", "year", "days"),
    [
        (YEAR_START, YEAR_END, "2018/19", 365),
        (date(2019, 9, 1), date(2020, 8, 31), "2019/20", 366),
        # 28 and 29 February and 1 March 2020.
        (date(2020, 2, 28), date(2020, 3, 1), "2019/20", 3),
        (date(2019, 2, 1), date(2019, 2, 1), "2018/19", 1),
        # Still running: 1 June to 31 August 2019.
        (date(2019, 6, 1), None, "2018/19", 92),
    ],
)
def test_active_days_count_the_first_and_the_last_day(world, start, end, year, days):
    world.years("2019/20")
    plc = world.plc(start, end)
    measure(world)
    assert plc_row(world, plc, year)["active_days"] == days


@pytest.mark.parametrize(
    ("start", "end", "year", "reasons"),
    [
        # 2 May to 31 August 2020: 122 of 366 days; one activity a term is 3 x 122 / 366 = 1.
        (date(2020, 5, 2), date(2020, 8, 31), "2019/20", []),
        # The same dates a year earlier: 122 of 365 days, 3 x 122 / 365 = 1.003 > 1.
        (date(2019, 5, 2), date(2019, 8, 31), "2018/19", ["low_activity"]),
    ],
)
def test_low_activity_prorates_by_the_days_of_the_year(world, start, end, year, reasons):
    world.years("2019/20")
    plc = world.plc(start, end, lead=A)
    world.member(plc, A, start)
    world.member(plc, C, start)
    add_activity(world, plc, start, "analyse_data", 2)
    measure(world)
    row = plc_row(world, plc, year)
    assert (row["active_days"], row["n_activities"]) == (122, 1)
    assert row["shallow_reasons"] == reasons


# A stage is reached only by an activity someone attended.


def test_an_activity_nobody_attended_reaches_no_stage_but_counts_as_an_activity(world):
    plc = world.plc(YEAR_START, YEAR_END, lead=A)
    world.member(plc, A, YEAR_START)
    world.member(plc, C, YEAR_START)
    add_activity(world, plc, date(2018, 10, 1), "analyse_data", 0)
    add_activity(world, plc, date(2019, 6, 10), "review", 3)
    measure(world)
    row = plc_row(world, plc)
    assert row["stages_reached"] == ["review"]
    assert row["reached_analyse_data"] is False
    assert row["cycle_completeness"] == pytest.approx(1 / 6)
    # Both activities count: 2 activities, attendance 0 + 3.
    assert (row["n_activities"], row["attendance"]) == (2, 3)
    assert row["mean_attendance"] == pytest.approx(1.5)


def test_a_plc_whose_activities_nobody_attended_did_no_enquiry(world):
    plc = world.plc(YEAR_START, YEAR_END, lead=A)
    world.member(plc, A, YEAR_START)
    world.member(plc, C, YEAR_START)
    add_activity(world, plc, date(2018, 10, 1), "analyse_data", 0)
    add_activity(world, plc, date(2019, 6, 10), "review", 0)
    measure(world)
    row = plc_row(world, plc)
    assert row["stages_reached"] == []
    # Two activities, fewer than three a year: also low_activity.
    assert row["shallow_reasons"] == ["no_analysis_or_review", "low_activity"]


# A lead school sends brokerage ties only through its own counting membership.


@pytest.mark.parametrize(
    ("lead_member", "brokered"),
    [
        # A -> B (P1); B -> C and B -> D (P2): B brokers (A, C) and (A, D), LAs
        # 660, 660, 661 (representative) and 660, 660, 662 (representative).
        ("counting", 2),
        # B leads P2 without being in it: no B -> C, B -> D, so B brokers nothing.
        ("none", 0),
        # B's membership of P2 ended on 30 June 2018, before the year: the same.
        ("left", 0),
    ],
)
def test_a_lead_school_without_a_counting_membership_sends_no_ties(world, lead_member, brokered):
    world.lead(A, B)
    p2 = world.plc(YEAR_START, YEAR_END, lead=B)
    world.member(p2, C, YEAR_START)
    world.member(p2, D, YEAR_START)
    if lead_member == "counting":
        world.member(p2, B, YEAR_START)
    elif lead_member == "left":
        world.member(p2, B, date(2017, 9, 1), left=date(2018, 6, 30))
    measure(world)
    assert world.school_column("broker_total")[B] == brokered
    assert world.school_column("broker_representative")[B] == brokered
    # C and D are tied through P2 whoever leads it.
    assert (C, D, 1, 2) in ties(world)


# There is no joint-activities column.


def test_a_tie_carries_no_count_of_joint_activities(con):
    columns = [
        name
        for (name,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'net_edges'"
            " ORDER BY column_index"
        ).fetchall()
    ]
    assert columns == [
        "year",
        "school_a",
        "school_b",
        "weight",
        "shared_members",
        "cross_la",
        "cross_consortium",
    ]
    # docs/measures.md's table of net_edges names exactly the columns past the key.
    text = MEASURES_MD.read_text(encoding="utf-8")
    section = text.split("| column | meaning |", 1)[1].split("\n\n", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    assert documented == columns[3:]
