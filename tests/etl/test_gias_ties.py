"""The tie rule of England's groups, checked by hand on a tiny file.

Schools are tied when in the same open multi-academy trust, federation, trust or
umbrella trust; single-academy trusts and school sponsors tie theirs only when asked.

The drawing (groups and their schools; x: closed):

    10 multi-academy trust   open    1001 1002 1003
    70 multi-academy trust   open    1001 1002            (the pair 1001-1002 again)
    20 federation            open    1003 1004
    60 umbrella trust        open    1002 1004
    30 trust                 CLOSED  1004 1005            x no ties
    50 school sponsor        open    1001 1005            ties only with school_sponsors
    40 single-academy trust  open    1006                 one school: no pair either way
    41 single-academy trust  open    1007 1008            (as GIAS never has it) ties only
                                                          with single_academy_trusts
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from gias_files import LOOKUP, Group, Link, write_gias

from etl.sources.gias import read_gias, tie_types, tied_pairs

JOINED = date(2019, 9, 1)
GROUPS = [
    Group(10, "Oak Multi Academy Trust", "Multi-academy trust"),
    Group(70, "Elm Multi Academy Trust", "Multi-academy trust"),
    Group(20, "Ash Federation", "Federation"),
    Group(60, "Birch Umbrella Trust", "Umbrella trust"),
    Group(30, "Old Trust", "Trust", status="Closed", closed=date(2020, 8, 31)),
    Group(50, "Oak Sponsor", "School sponsor"),
    Group(40, "Lone Academy Trust", "Single-academy trust"),
    Group(41, "Twin Academy Trust", "Single-academy trust"),
]
MEMBERS = {10: [1001, 1002, 1003], 70: [1001, 1002], 20: [1003, 1004], 60: [1002, 1004]}
MEMBERS |= {30: [1004, 1005], 50: [1001, 1005], 40: [1006], 41: [1007, 1008]}

BY_HAND = {
    (1001, 1002, 10), (1001, 1003, 10), (1002, 1003, 10),
    (1001, 1002, 70),
    (1003, 1004, 20),
    (1002, 1004, 60),
}  # fmt: skip


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    links = [
        Link(urn, uid, JOINED, f"School {urn}") for uid, urns in MEMBERS.items() for urn in urns
    ]
    folder = tmp_path_factory.mktemp("ties")
    return read_gias(*write_gias(folder, GROUPS, links), LOOKUP)


def _pairs(frame: pd.DataFrame) -> set[tuple[int, int, int]]:
    return {(int(a), int(b), int(g)) for a, b, g in frame.itertuples(index=False)}


def test_ties_by_default_are_the_open_boards_and_trusts(snapshot):
    ties = tied_pairs(snapshot.memberships, snapshot.groups)
    assert _pairs(ties) == BY_HAND
    assert list(ties.columns) == ["urn_a", "urn_b", "group_uid"]
    assert (ties["urn_a"] < ties["urn_b"]).all()
    # 1001-1002 share two groups: two rows, one pair.
    assert len(ties) == 6 and len(ties[["urn_a", "urn_b"]].drop_duplicates()) == 5


def test_schools_in_no_tie_by_default(snapshot):
    tied = set(tied_pairs(snapshot.memberships, snapshot.groups)[["urn_a", "urn_b"]].stack())
    untied = set(snapshot.schools["urn"]) - tied
    assert untied == {1005, 1006, 1007, 1008}


def test_school_sponsors_tie_when_asked(snapshot):
    ties = tied_pairs(snapshot.memberships, snapshot.groups, school_sponsors=True)
    assert _pairs(ties) == BY_HAND | {(1001, 1005, 50)}


def test_single_academy_trusts_tie_when_asked(snapshot):
    ties = tied_pairs(snapshot.memberships, snapshot.groups, single_academy_trusts=True)
    assert _pairs(ties) == BY_HAND | {(1007, 1008, 41)}


def test_a_closed_group_ties_nothing_whatever_its_type(snapshot):
    groups = snapshot.groups.copy()
    groups.loc[groups["group_uid"] == 10, "status"] = "closed"
    ties = tied_pairs(snapshot.memberships, groups)
    assert _pairs(ties) == {t for t in BY_HAND if t[2] != 10}


def test_the_types_that_tie():
    assert tie_types() == {"multi_academy_trust", "federation", "trust", "umbrella_trust"}
    both = tie_types(single_academy_trusts=True, school_sponsors=True)
    assert both - tie_types() == {"single_academy_trust", "school_sponsor"}


def test_no_memberships_no_ties(snapshot):
    ties = tied_pairs(snapshot.memberships.iloc[0:0], snapshot.groups)
    assert ties.empty and list(ties.columns) == ["urn_a", "urn_b", "group_uid"]
