"""Gould-Fernandez brokerage roles, with the LA as the group, worked by hand.

A PLC drawn as ``(a, b)`` is led by ``a`` with ``b`` a member: the directed tie
a -> b. School ``b`` brokers the ordered pair (a, c) when a -> b -> c, a != c and
not a -> c. Its role follows the LAs of a, b and c:

coordinator    a, b, c in one LA
gatekeeper     a from another LA, b and c in one LA
representative a and b in one LA, c in another
itinerant      a and c in one LA, b in another
liaison        a, b, c in three LAs

No library implements it (networkx has no brokerage roles), so the known answers
here are the reference.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from network_db import YEAR, NetworkDb, year_dates

ROLES = ("coordinator", "gatekeeper", "representative", "itinerant", "liaison")
COLUMNS = (*(f"broker_{role}" for role in ROLES), "broker_total")

a, b, c, d, e, f, g = (6600001, 6600002, 6600003, 6610004, 6610005, 6620006, 6600007)
LETTERS = {a: "a", b: "b", c: "c", d: "d", e: "e", f: "f", g: "g"}


def roles_of(db: NetworkDb, year: str = YEAR) -> dict[str, dict[str, int]]:
    """Every school's brokerage columns, by letter, leaving out all-zero schools."""
    rows = db.rows(
        f"SELECT school_id, {', '.join(COLUMNS)} FROM net_school_metrics WHERE year = $year",
        {"year": year},
    )
    found = {}
    for school, *counts in rows:
        named = {column: n for column, n in zip(COLUMNS, counts, strict=True) if n}
        if named:
            found[LETTERS.get(school, str(school))] = named
    return found


# role: the LAs of a, b (the broker) and c on the two-path a -> b -> c.
THREE_SCHOOLS = {
    "coordinator": (660, 660, 660),
    "gatekeeper": (661, 660, 660),
    "representative": (660, 660, 661),
    "itinerant": (660, 661, 660),
    "liaison": (660, 661, 662),
}


@pytest.mark.parametrize("role", sorted(THREE_SCHOOLS))
def test_three_schools_in_a_line_give_the_middle_one_its_role(db, role):
    x, y, z = 6000001, 6000002, 6000003
    la_x, la_y, la_z = THREE_SCHOOLS[role]
    db.schools(la_x, x).schools(la_y, y).schools(la_z, z)
    db.draw([(x, y), (y, z)]).measure()
    assert roles_of(db) == {str(y): {f"broker_{role}": 1, "broker_total": 1}}


def test_a_direct_tie_from_a_to_c_leaves_nothing_to_broker(db):
    db.schools(660, a, b, c).draw([(a, b), (b, c), (a, c)]).measure()
    assert roles_of(db) == {}


def test_a_tie_from_c_to_a_does_not_close_the_pair_from_a_to_c(db):
    # b brokers a -> c; c -> a is the other direction. And c brokers b -> a.
    db.schools(660, a, b, c).draw([(a, b), (b, c), (c, a)]).measure()
    assert roles_of(db) == {
        "a": {"broker_coordinator": 1, "broker_total": 1},
        "b": {"broker_coordinator": 1, "broker_total": 1},
        "c": {"broker_coordinator": 1, "broker_total": 1},
    }


def test_a_school_does_not_broker_a_pair_with_itself(db):
    # a -> b -> a: a mutual tie brokers nothing.
    db.schools(660, a, b).draw([(a, b), (b, a)]).measure()
    assert roles_of(db) == {}


def test_members_of_a_plc_are_not_tied_to_each_other_in_brokerage(db):
    # One PLC led by a with b and c: a -> b and a -> c, and no tie between b and c.
    db.schools(660, a, b, c)
    db.lead(a, b, c)
    db.measure()
    assert roles_of(db) == {}
    # Undirected, all three are tied: the PLC ties every pair of its schools.
    assert db.rows("SELECT count(*) FROM net_edges") == [(3,)]


def test_a_lead_school_without_a_counting_member_leads_no_tie(db):
    # a leads a PLC of b, but a's only member left before the year began; c leads
    # a PLC with a. Were a -> b a tie, a would broker (c, b).
    start, end = year_dates(YEAR)
    db.schools(660, a, b, c)
    plc_id = db.plc(start, end, lead=a)
    db.member(plc_id, a, start - timedelta(days=400), left=start - timedelta(days=1))
    db.member(plc_id, b, start)
    db.draw([(c, a)]).measure()
    assert roles_of(db) == {}
    assert db.rows("SELECT school_a, school_b FROM net_edges") == [(a, c)]


def test_brokerage_is_counted_per_year(db):
    db.years("2019/20")
    db.schools(660, a, b, c)
    db.draw([(a, b)], year=YEAR).draw([(b, c)], year="2019/20").measure()
    # a -> b and b -> c are never active in the same year.
    assert roles_of(db, YEAR) == {}
    assert roles_of(db, "2019/20") == {}


# Seven schools: a, b, c, g in LA 660; d, e in LA 661 (all GWE); f in LA 662 (ERW).
# Directed ties, each its own PLC led by the first school:
MIXED = [(a, b), (b, c), (a, c), (c, d), (c, g), (d, e), (d, f), (e, b), (f, d), (d, a)]
# Out and in neighbours:
#   a: out b, c; in d         b: out c; in a, e         c: out d, g; in a, b
#   d: out e, f, a; in c, f   e: out b; in d             f: out d; in d      g: in c
# Each broker's pairs (in-neighbour, out-neighbour), the LAs, and the role:
#   a: (d, b) 661-660-660 gatekeeper; (d, c) gatekeeper (c -> d is the other way)
#   b: (a, c) closed by a -> c; (e, c) 661-660-660 gatekeeper
#   c: (a, d) 660-660-661 representative; (b, d) representative;
#      (a, g) 660-660-660 coordinator; (b, g) coordinator
#   d: (c, e) 660-661-661 gatekeeper; (c, f) 660-661-662 liaison;
#      (c, a) 660-661-660 itinerant; (f, e) 662-661-661 gatekeeper;
#      (f, f) the same school, not a pair; (f, a) 662-661-660 liaison
#   e: (d, b) 661-661-660 representative
#   f: (d, d) the same school, not a pair
#   g: no out-neighbours
MIXED_ROLES = {
    "a": {"broker_gatekeeper": 2, "broker_total": 2},
    "b": {"broker_gatekeeper": 1, "broker_total": 1},
    "c": {"broker_coordinator": 2, "broker_representative": 2, "broker_total": 4},
    "d": {
        "broker_gatekeeper": 2,
        "broker_itinerant": 1,
        "broker_liaison": 2,
        "broker_total": 5,
    },
    "e": {"broker_representative": 1, "broker_total": 1},
}


def test_mixed_graph_worked_by_hand(db):
    db.schools(660, a, b, c, g).schools(661, d, e).schools(662, f)
    db.draw(MIXED).measure()
    assert roles_of(db) == MIXED_ROLES


def test_total_is_the_sum_of_the_roles_and_isolates_broker_nothing(db):
    db.schools(660, a, b, c, g).schools(661, d, e).schools(662, f)
    db.schools(660, 6600099)
    db.draw(MIXED).measure()
    rows = db.rows(f"SELECT school_id, {', '.join(COLUMNS)} FROM net_school_metrics")
    for school, *counts in rows:
        assert sum(counts[:-1]) == counts[-1]
        if school == 6600099:
            assert counts == [0] * len(COLUMNS)
