"""Per school: support category, partners in each support category, ties gained
and lost since the year before. Known answers by hand on small drawings.
"""

from __future__ import annotations

from network_db import YEAR, NetworkDb

a, b, c, d, e, f = (6600001, 6600002, 6600003, 6600004, 6600005, 6600006)
LETTERS = {a: "a", b: "b", c: "c", d: "d", e: "e", f: "f"}
NEXT = "2019/20"


def by_letter(values: dict[int, object]) -> dict[str, object]:
    return {LETTERS[school]: value for school, value in values.items()}


def test_support_category_is_the_years_category_or_null(db: NetworkDb):
    db.years(NEXT).schools(660, a, b, c)
    db.categories({a: "green", b: "red"}).categories({a: "yellow"}, NEXT).measure()
    assert by_letter(db.school_column("support_category")) == {"a": "green", "b": "red", "c": None}
    assert by_letter(db.school_column("support_category", NEXT)) == {
        "a": "yellow",
        "b": None,
        "c": None,
    }


def test_other_outcomes_are_not_support_categories(db: NetworkDb):
    db.schools(660, a)
    db.con.execute(
        "INSERT INTO school_outcomes (school_id, year, measure, value, source)"
        " VALUES (?, ?, 'attainment', '55.0', 'local')",
        [a, YEAR],
    )
    db.measure()
    assert db.school_column("support_category") == {a: None}


# a (yellow) is tied to b (green), c (green), d (amber) and e (no category); f (red)
# is alone. (green, yellow, amber, red) partners of each school:
PARTNERS = {
    "a": (2, 0, 1, 0),
    "b": (0, 1, 0, 0),
    "c": (0, 1, 0, 0),
    "d": (0, 1, 0, 0),
    "e": (0, 1, 0, 0),
    "f": (0, 0, 0, 0),
}
PARTNER_COLUMNS = ("partners_green", "partners_yellow", "partners_amber", "partners_red")


def test_partners_are_counted_by_their_support_category(db: NetworkDb):
    db.schools(660, a, b, c, d, e, f)
    db.categories({a: "yellow", b: "green", c: "green", d: "amber", f: "red"})
    db.draw([(a, b), (a, c), (a, d), (a, e)]).measure()
    rows = db.rows(f"SELECT school_id, {', '.join(PARTNER_COLUMNS)} FROM net_school_metrics")
    assert {LETTERS[school]: tuple(counts) for school, *counts in rows} == PARTNERS


def test_a_partner_counts_once_however_many_plcs_they_share(db: NetworkDb):
    db.schools(660, a, b).categories({b: "red"}).draw([(a, b), (b, a), (a, b)]).measure()
    assert db.school_column("partners_red") == {a: 1, b: 0}


def test_partners_follow_the_category_of_the_same_year(db: NetworkDb):
    db.years(NEXT).schools(660, a, b)
    db.categories({b: "green"}).categories({b: "amber"}, NEXT)
    db.draw([(a, b)]).draw([(a, b)], year=NEXT).measure()
    assert db.school_column("partners_green")[a] == 1
    assert db.school_column("partners_amber")[a] == 0
    assert db.school_column("partners_green", NEXT)[a] == 0
    assert db.school_column("partners_amber", NEXT)[a] == 1


def test_ties_gained_and_lost_since_the_year_before(db: NetworkDb):
    # 2018/19: a-b, a-c, d-e. 2019/20: a-b, a-d, d-e kept through a new PLC.
    db.years(NEXT).schools(660, a, b, c, d, e, f)
    db.draw([(a, b), (a, c), (d, e)]).draw([(a, b), (a, d), (e, d)], year=NEXT).measure()
    # The first year has no year before it.
    assert set(db.school_column("ties_gained").values()) == {None}
    assert set(db.school_column("ties_lost").values()) == {None}
    # a: gained d, lost c. b: kept a. c: lost a. d: gained a, kept e. e: kept d. f: none.
    assert by_letter(db.school_column("ties_gained", NEXT)) == {
        "a": 1,
        "b": 0,
        "c": 0,
        "d": 1,
        "e": 0,
        "f": 0,
    }
    assert by_letter(db.school_column("ties_lost", NEXT)) == {
        "a": 1,
        "b": 0,
        "c": 1,
        "d": 0,
        "e": 0,
        "f": 0,
    }


def test_ties_gained_and_lost_compare_with_the_year_just_before(db: NetworkDb):
    # Three years: a-b in the first and third only; the third compares with the second.
    db.years(NEXT, "2020/21").schools(660, a, b)
    db.draw([(a, b)]).draw([(a, b)], year="2020/21").measure()
    assert db.school_column("ties_lost", NEXT) == {a: 1, b: 1}
    assert db.school_column("ties_gained", NEXT) == {a: 0, b: 0}
    assert db.school_column("ties_gained", "2020/21") == {a: 1, b: 1}
    assert db.school_column("ties_lost", "2020/21") == {a: 0, b: 0}
