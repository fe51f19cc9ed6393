"""Region scope in the data layer: each data function and query, run as a national, an
LA (681, Cardiff), a consortium (CSC), another LA (661, Gwynedd) and a public-only
user, on the hand-made fixture database (tests/dashboard/fixtures.py).

Answers by hand from the fixture's lists:

    GWE  660  A 6602001, B 6602002     CSC  681  F 6812001, G 6812002, H 6814001
         661  C 6612001, D 6612002, E 6614001

so Cardiff and CSC see F, G and H (CSC holds only Cardiff here), Gwynedd C, D and E.
A PLC is in scope when its lead school or one of its member schools (any year) is:
Cardiff and CSC see P2 (F, G), P3 (C, F, D; lead C), P4 (H) and P6 (G); Gwynedd P1
(A, C, B), P3 and P5 (D, E).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager

import dash
import flask
import pytest

from dashboard.access.scope import OutsideScopeError
from dashboard.access.signin import PUBLIC_USER
from dashboard.access.users import G_USER, Scope, User, acting_as, current_scope
from dashboard.core.db import Database
from dashboard.core.filters import Filters, load_choices, resolve_filters
from dashboard.pages.network.data import load_network, measure_focus
from dashboard.pages.plc.data import load_plc, load_plc_profile
from dashboard.pages.plcs.data import OPTIONS, load_directory
from dashboard.pages.school.data import load_school, load_school_profile

A, B, C, D, E = 6602001, 6602002, 6612001, 6612002, 6614001
F, G, H = 6812001, 6812002, 6814001

NATIONAL = User("analyst", "analyst", frozenset({"national"}))
CARDIFF = User("cardiff", "cardiff", frozenset({"la:681"}))
CSC = User("csc", "csc", frozenset({"consortium:CSC"}))
GWYNEDD = User("gwynedd", "gwynedd", frozenset({"la:661"}))
NO_ROLE = User("nobody", "nobody", frozenset())
USERS = {
    "national": NATIONAL,
    "la:681": CARDIFF,
    "consortium:CSC": CSC,
    "la:661": GWYNEDD,
    "public": PUBLIC_USER,
    "no role": NO_ROLE,
    "nobody": None,
}


@pytest.fixture(params=list(USERS))
def user(request: pytest.FixtureRequest) -> Iterator[str]:
    with acting_as(USERS[request.param]):
        yield request.param


def _as(name: str) -> AbstractContextManager[User | None]:
    return acting_as(USERS[name])


VISIBLE_SCHOOLS = {
    "national": {A, B, C, D, E, F, G, H},
    "la:681": {F, G, H},
    "consortium:CSC": {F, G, H},
    "la:661": {C, D, E},
    "public": set(),
    "no role": set(),
    "nobody": set(),
}

VISIBLE_PLCS = {
    "national": {"P1", "P2", "P3", "P4", "P5", "P6"},
    "la:681": {"P2", "P3", "P4", "P6"},
    "consortium:CSC": {"P2", "P3", "P4", "P6"},
    "la:661": {"P1", "P3", "P5"},
    "public": set(),
    "no role": set(),
    "nobody": set(),
}


def test_the_visible_schools_are_those_of_the_scope(db: Database, user: str) -> None:
    assert set(db.query("network__visible")["school_id"]) == VISIBLE_SCHOOLS[user]


@pytest.mark.parametrize("school", [A, C, E, F, H])
def test_school_profile_is_given_in_scope_and_refused_outside(
    db: Database, user: str, school: int
) -> None:
    if school in VISIBLE_SCHOOLS[user]:
        profile = load_school_profile(db, school)
        assert profile is not None and profile.school_id == school
    else:
        with pytest.raises(OutsideScopeError):
            load_school_profile(db, school)


def test_unknown_school_is_unknown_to_everyone(db: Database, user: str) -> None:
    assert load_school_profile(db, 9999999) is None


# Every query of a school's profile, with the school C (Gwynedd) and F (Cardiff).
SCHOOL_QUERIES = [
    ("school__profile", {}),
    ("school__measures", {}),
    ("school__support", {}),
    ("school__brokerage", {}),
    ("school__plcs", {"year": "2018/19"}),
    ("school__partners", {"year": "2018/19"}),
]


@pytest.mark.parametrize(("name", "params"), SCHOOL_QUERIES, ids=[q for q, _ in SCHOOL_QUERIES])
@pytest.mark.parametrize("school", [C, F])
def test_school_queries_give_nothing_outside_the_scope(
    db: Database, user: str, name: str, params: dict[str, object], school: int
) -> None:
    found = db.query(name, school_id=school, **params)
    if school not in VISIBLE_SCHOOLS[user]:
        assert found.empty
    elif name != "school__partners":  # partners may all be outside: see below
        assert not found.empty


# F's partners in 2018/19 are C and D (Gwynedd), in 2017/18 C (Gwynedd) and G (Cardiff).
@pytest.mark.parametrize(
    ("name", "year", "listed", "outside"),
    [
        ("national", "2018/19", {C, D}, 0),
        ("la:681", "2018/19", set(), 2),
        ("consortium:CSC", "2018/19", set(), 2),
        ("la:681", "2017/18", {G}, 1),
    ],
)
def test_partners_outside_the_scope_are_counted_not_listed(
    db: Database, name: str, year: str, listed: set[int], outside: int
) -> None:
    with _as(name):
        data = load_school(db, F, year)
    assert data is not None
    assert set(data.partners["school_id"]) == listed
    assert data.partners_outside == outside


def test_partners_of_a_school_outside_are_not_even_counted(db: Database) -> None:
    with _as("la:661"):
        assert (
            int(db.query("school__partners_outside", school_id=F, year="2018/19").iloc[0, 0]) == 0
        )


@pytest.mark.parametrize("plc", ["P1", "P2", "P3", "P4", "P5", "P6"])
def test_plc_profile_is_given_in_scope_and_refused_outside(
    db: Database, user: str, plc: str
) -> None:
    if plc in VISIBLE_PLCS[user]:
        assert load_plc_profile(db, plc).plc_id == plc
    else:
        with pytest.raises(OutsideScopeError):
            load_plc_profile(db, plc)
        assert db.query("plc__years", plc_id=plc).empty
        assert db.query("plc__members", plc_id=plc, year="2018/19").empty


def test_unknown_plc_is_unknown_to_everyone(db: Database, user: str) -> None:
    assert load_plc_profile(db, "P99") is None


# P3 in 2018/19: members C, D (Gwynedd) and F (Cardiff); led by C.
@pytest.mark.parametrize(
    ("name", "members", "outside", "lead"),
    [
        ("national", {C, D, F}, 0, (C, "Ysgol Caernarfon")),
        ("la:681", {F}, 2, (None, None)),
        ("consortium:CSC", {F}, 2, (None, None)),
        ("la:661", {C, D}, 1, (C, "Ysgol Caernarfon")),
    ],
)
def test_plc_members_outside_the_scope_are_counted_and_the_lead_hidden(
    db: Database, name: str, members: set[int], outside: int, lead: tuple
) -> None:
    with _as(name):
        data = load_plc(db, "P3", "2018/19")
    assert data is not None
    assert set(data.members["school_id"]) == members
    assert data.members_outside == outside
    assert (data.profile.lead_school_id, data.profile.lead_school_name) == lead
    # The PLC's own figures are whole: three member schools that year.
    assert int(data.year_row()["n_schools"]) == 3


# The directory in 2018/19 lists P1 (A, B, C), P3 (C, D, F) and P4 (H) for all Wales.
DIRECTORY = {
    "national": {"P1", "P3", "P4"},
    "la:681": {"P3", "P4"},
    "consortium:CSC": {"P3", "P4"},
    "la:661": {"P1", "P3"},
    "public": set(),
    "no role": set(),
    "nobody": set(),
}


def test_directory_lists_and_counts_the_plcs_in_scope(db: Database, user: str) -> None:
    filters = resolve_filters({"year": "2018/19"}, load_choices(db), OPTIONS)
    page = load_directory(db, filters, page_size=None)
    assert set(page.rows["plc_id"]) == DIRECTORY[user]
    assert page.total == len(DIRECTORY[user])


def test_directory_asked_for_another_region_falls_back_to_the_scope(db: Database) -> None:
    with _as("la:681"):
        choices = load_choices(db, detail=True)
        filters = resolve_filters({"year": "2018/19", "consortium": "GWE"}, choices, OPTIONS)
        page = load_directory(db, filters, page_size=None)
    assert (filters.consortium, filters.la) == ("CSC", 681)
    assert set(page.rows["plc_id"]) == {"P3", "P4"}


def test_network_shows_and_draws_only_the_schools_in_scope(db: Database, user: str) -> None:
    # 2018/19 ties: A-B A-C B-C C-D C-F D-F.
    data = load_network(db, Filters(year="2018/19"), "force")
    visible = VISIBLE_SCHOOLS[user]
    assert set(data.schools["school_id"]) == visible
    drawn_ends = {
        "national": 6,
        "la:681": 0,
        "consortium:CSC": 0,
        "la:661": 1,  # C-D
    }.get(user, 0)
    assert len(data.segments) == drawn_ends
    # Ties from the schools shown to schools not shown are counted, not drawn.
    leaving = {"la:681": 2, "consortium:CSC": 2, "la:661": 4}.get(user, 0)
    assert data.summary.outside_ties == leaving


def test_focus_subgraph_keeps_to_the_scope(db: Database, user: str) -> None:
    # Numeracy PLCs in 2018/19: P3 (C, D, F), ties C-D, C-F, D-F.
    found = measure_focus(db, Filters(year="2018/19", focus="numeracy"))
    visible = VISIBLE_SCHOOLS[user]
    assert set(found.schools["school_id"]) <= visible
    ends = set(found.ties["school_a"]) | set(found.ties["school_b"])
    assert ends <= visible
    expected = {"national": 3, "la:661": 1}.get(user, 0)
    assert len(found.ties) == expected


# LA-level and national aggregates are whole for every user with a role.
AGGREGATES = [
    ("overview__yearly", {"consortium": None, "la": None, "sector": None, "medium": None}),
    ("overview__support", {"consortium": None, "la": None, "sector": None, "medium": None}),
    ("regions__groups", {"year": "2018/19"}),
    ("regions__pairs", {"year": "2018/19", "level": "la", "consortium": None}),
    ("plc__review_means", {"year": "2018/19"}),
]


@pytest.mark.parametrize(("name", "params"), AGGREGATES, ids=[q for q, _ in AGGREGATES])
@pytest.mark.parametrize("who", ["la:681", "consortium:CSC", "public"])
def test_aggregates_are_the_same_for_every_user(
    db: Database, name: str, params: dict[str, object], who: str
) -> None:
    with _as("national"):
        whole = db.query(name, **params)
    with _as(who):
        seen = db.query(name, **params)
    assert not whole.empty
    assert seen.equals(whole)


@pytest.mark.parametrize(
    ("name", "las"),
    [
        ("national", [660, 661, 681]),
        ("la:681", [681]),
        ("consortium:CSC", [681]),
        ("la:661", [661]),
        ("public", []),
    ],
)
def test_filters_of_detail_pages_offer_only_the_scope(db: Database, name: str, las: list) -> None:
    with _as(name):
        assert sorted(load_choices(db, detail=True).las["la_code"]) == las
        # Pages of aggregates offer every LA.
        assert sorted(load_choices(db).las["la_code"]) == [660, 661, 681]


REGIONS_ASKED = [
    ({}, {"national": (None, None), "la:681": ("CSC", 681), "consortium:CSC": ("CSC", None)}),
    (
        {"consortium": "GWE"},
        {"national": ("GWE", None), "la:681": ("CSC", 681), "consortium:CSC": ("CSC", None)},
    ),
    (
        {"la": "660"},
        {"national": ("GWE", 660), "la:681": ("CSC", 681), "consortium:CSC": ("CSC", None)},
    ),
    (
        {"consortium": "CSC"},
        {"national": ("CSC", None), "la:681": ("CSC", 681), "consortium:CSC": ("CSC", None)},
    ),
    ({"la": "681"}, {"la:681": ("CSC", 681), "consortium:CSC": ("CSC", 681)}),
]


@pytest.mark.parametrize(("asked", "expected"), REGIONS_ASKED)
def test_a_region_outside_the_scope_falls_back_to_the_scope(
    db: Database, asked: dict[str, str], expected: dict[str, tuple]
) -> None:
    for name, region in expected.items():
        with _as(name):
            filters = resolve_filters(asked, load_choices(db, detail=True))
        assert (filters.consortium, filters.la) == region, name


def test_a_scope_of_several_regions_keeps_the_region_asked_for_inside_it(db: Database) -> None:
    both = User("both", "both", frozenset({"la:681", "consortium:GWE"}))
    with acting_as(both):
        choices = load_choices(db, detail=True)
        assert resolve_filters({"la": "660"}, choices).la == 660
        # All of Wales is not wholly inside: no region, and the data layer keeps to
        # the scope (here every school of the fixture).
        assert resolve_filters({}, choices).consortium is None


def test_cache_never_answers_one_user_with_another_users_rows(db: Database) -> None:
    with _as("national"):
        assert not db.query("school__profile", school_id=C).empty
    with _as("la:681"):
        assert db.query("school__profile", school_id=C).empty
    with _as("national"):
        assert not db.query("school__profile", school_id=C).empty


def test_call_is_cached_per_scope(db: Database) -> None:
    def count_visible(con: object) -> int:
        return con.execute("select count(*) from visible_schools()").fetchone()[0]  # type: ignore[attr-defined]

    with _as("national"):
        assert db.call(count_visible) == 8
    with _as("la:681"):
        assert db.call(count_visible) == 3
    with _as("public"):
        assert db.call(count_visible) == 0


def test_a_request_the_sign_in_never_saw_has_the_acting_user_and_signed_in_wins(
    app: dash.Dash,
) -> None:
    with app.server.test_request_context("/"), _as("la:681"):
        # A test's or a script's request context: the acting user (none in service).
        assert current_scope() == CARDIFF.scope
        # Once the sign-in layer has named the user, that user, whoever acts.
        setattr(flask.g, G_USER, NATIONAL)
        assert current_scope().everything
        setattr(flask.g, G_USER, None)
        assert current_scope() == Scope.nothing()
