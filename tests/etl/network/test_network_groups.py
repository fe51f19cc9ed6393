"""Per group (LA, consortium, Wales): components of the group's induced subgraph,
mean clustering, modularity and NMI, assortativity, support ties, and the E-I
matrix of ties between groups. Known answers by hand on small drawings, and a
cross-check against networkx on seeded random networks.

LAs 660 and 661 are in consortium GWE, LA 662 in ERW.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from network_db import YEAR, NetworkDb, add_random_attributes, add_random_network

from etl.network.build import build_networkx_graph

a, b, c, d, e, f, g = (6600001, 6600002, 6600003, 6610004, 6610005, 6610006, 6620007)
WALES = ("wales", "W92000004")


# --- components of the group's induced subgraph --------------------------------------

COMPONENT_COLUMNS = ("n_schools", "n_components", "giant_component_share")


@pytest.fixture
def broken_la(db: NetworkDb) -> NetworkDb:
    """a, b, c in LA 660 and d in 661: ties a-d and c-d across, b-c inside 660.

    The whole graph is connected, but inside LA 660 only b-c is left: a is cut off.
    """
    db.schools(660, a, b, c).schools(661, d)
    db.draw([(a, d), (c, d), (b, c)]).measure()
    return db


# (level, group_id): schools, components, giant-component share
BROKEN_LA = {
    # {a} and {b, c}: two components, the larger of 2 of 3 schools.
    ("la", "660"): (3, 2, 2 / 3),
    ("la", "661"): (1, 1, 1.0),
    # No schools: no components, no share.
    ("la", "662"): (0, 0, None),
    ("consortium", "GWE"): (4, 1, 1.0),
    ("consortium", "ERW"): (0, 0, None),
    WALES: (4, 1, 1.0),
}


@pytest.mark.parametrize(("level", "group_id"), sorted(BROKEN_LA))
def test_components_are_of_the_groups_own_subgraph(broken_la, level, group_id):
    expected = dict(zip(COMPONENT_COLUMNS, BROKEN_LA[level, group_id], strict=True))
    assert broken_la.group(level, group_id, columns=COMPONENT_COLUMNS) == pytest.approx(expected)


def test_isolated_schools_are_components_of_their_group(db):
    db.schools(660, a, b, c).schools(661, d, e).draw([(a, b)]).measure()
    assert db.group("la", "660", columns=COMPONENT_COLUMNS) == pytest.approx(
        {"n_schools": 3, "n_components": 2, "giant_component_share": 2 / 3}
    )
    assert db.group("la", "661", columns=COMPONENT_COLUMNS) == pytest.approx(
        {"n_schools": 2, "n_components": 2, "giant_component_share": 1 / 2}
    )
    assert db.group(*WALES, columns=COMPONENT_COLUMNS) == pytest.approx(
        {"n_schools": 5, "n_components": 4, "giant_component_share": 2 / 5}
    )


# --- mean clustering -------------------------------------------------------------------


def test_mean_clustering_is_of_the_schools_clustering_in_the_whole_graph(db):
    # Triangle a b d with c hanging from d; a, b in LA 660, c, d in LA 661.
    # Clustering: a 1, b 1, d 1/3 (one tie among its three neighbours' pairs), c 0.
    # Inside LA 661 alone, d and c would both have 0: the whole graph's values count.
    db.schools(660, a, b).schools(661, c, d)
    db.draw([(a, b), (b, d), (a, d), (d, c)]).measure()
    assert db.group("la", "660")["mean_clustering"] == pytest.approx(1.0)
    assert db.group("la", "661")["mean_clustering"] == pytest.approx((1 / 3 + 0) / 2)
    assert db.group(*WALES)["mean_clustering"] == pytest.approx((1 + 1 + 1 / 3 + 0) / 4)
    assert db.group("la", "662")["mean_clustering"] is None


# --- modularity and NMI of consortia and Wales -----------------------------------------

COMMUNITY_COLUMNS = ("modularity_communities", "modularity_la", "nmi_communities_la")
# Two triangles a b c and d e f joined by c-d: m = 7, each triangle's degrees sum
# to 7, so Q = 2 * (3/7 - (7/14)^2) = 5/14 for the two triangles.
TWO_TRIANGLES = [(a, b), (b, c), (a, c), (d, e), (e, f), (d, f), (c, d)]


def test_consortium_communities_follow_las_that_are_the_triangles(db):
    # a b c in LA 660, d e f in LA 661, both GWE; g alone in ERW.
    db.schools(660, a, b, c).schools(661, d, e, f).schools(662, g)
    db.draw(TWO_TRIANGLES).measure()
    expected = {
        "modularity_communities": 5 / 14,
        "modularity_la": 5 / 14,
        "nmi_communities_la": 1.0,
    }
    assert db.group("consortium", "GWE", columns=COMMUNITY_COLUMNS) == pytest.approx(expected)
    # g's isolation changes nothing: it has no ties.
    assert db.group(*WALES, columns=COMMUNITY_COLUMNS) == pytest.approx(expected)
    # ERW has no ties; an LA is one block of its own partition: both NULL.
    assert db.group("consortium", "ERW", columns=COMMUNITY_COLUMNS) == dict.fromkeys(
        COMMUNITY_COLUMNS
    )
    assert db.group("la", "660", columns=COMMUNITY_COLUMNS) == dict.fromkeys(COMMUNITY_COLUMNS)


def test_consortium_communities_cutting_across_las(db):
    # The same two triangles, but LA 660 holds a b c d and LA 661 holds e f.
    # LA 660: 4 ties inside (ab bc ac cd), degrees 2+2+3+3 = 10; LA 661: 1 tie (ef),
    # degrees 2+2 = 4. Q = (4/7 - (10/14)^2) + (1/7 - (4/14)^2) = 6/49.
    # Communities {abc}{def} against LAs {abcd}{ef}, 6 schools: the joint shares
    # are 3/6 (abc, 660), 1/6 (d, 660), 2/6 (ef, 661); H(C) = ln 2,
    # H(L) = -(4/6 ln 4/6 + 2/6 ln 2/6) = ln 3 - 2/3 ln 2, and
    # I = 1/2 ln(3/2) + 1/6 ln(1/2) + 1/3 ln 2 = 1/2 ln 3 - 1/3 ln 2.
    d2 = 6600004
    db.schools(660, a, b, c, d2).schools(661, e, f)
    db.draw([(a, b), (b, c), (a, c), (d2, e), (e, f), (d2, f), (c, d2)]).measure()
    mutual = math.log(3) / 2 - math.log(2) / 3
    nmi = 2 * mutual / (math.log(2) + math.log(3) - 2 / 3 * math.log(2))
    assert db.group("consortium", "GWE", columns=COMMUNITY_COLUMNS) == pytest.approx(
        {"modularity_communities": 5 / 14, "modularity_la": 6 / 49, "nmi_communities_la": nmi}
    )


def test_wales_communities_are_the_systems(db):
    db.years("2019/20")
    add_random_network(db, 5, (YEAR, "2019/20"))
    db.measure()
    assert db.rows(
        "SELECT count(*) FROM net_system_metrics AS s JOIN net_group_metrics AS g "
        "ON g.year = s.year AND g.level = 'wales' "
        "WHERE g.modularity_communities = s.modularity_communities "
        "AND g.modularity_la = s.modularity_la AND g.nmi_communities_la = s.nmi_communities_la "
        "AND g.n_components = s.n_components AND g.giant_component_share = s.giant_component_share"
    ) == [(2,)]


# --- assortativity ---------------------------------------------------------------------

ASSORT_COLUMNS = ("assort_la", "assort_medium", "assort_sector", "assort_category")


@pytest.fixture
def path_of_four(db: NetworkDb) -> NetworkDb:
    """The path a - b - d - e: a, b in LA 660, d, e in LA 661 (all GWE), all primary.

    Language media welsh, english, welsh, english; categories green, green, red, none.
    """
    db.schools(660, a, medium="welsh").schools(660, b).schools(661, d, medium="welsh")
    db.schools(661, e).categories({a: "green", b: "green", d: "red"})
    db.draw([(a, b), (b, d), (d, e)]).measure()
    return db


# With m ties, s of them between equal values, and d_i the tie ends at value i:
# r = (4ms - sum d_i^2) / (4m^2 - sum d_i^2).
# LA: ties 660-660, 660-661, 661-661; m = 3, s = 2, d = 3, 3: (24 - 18) / (36 - 18) = 1/3.
# Medium: w-e, e-w, w-e; s = 0, d = 3, 3: (0 - 18) / (36 - 18) = -1.
# Sector: all primary, one value: 0/0, undefined.
# Category, over the categorised a, b, d: ties g-g, g-r; m = 2, s = 1, d_green = 3,
# d_red = 1: (8 - 10) / (16 - 10) = -1/3.
PATH_OF_FOUR = {"assort_la": 1 / 3, "assort_medium": -1.0, "assort_sector": None}


@pytest.mark.parametrize("group", [("consortium", "GWE"), WALES])
def test_assortativity_by_hand(path_of_four, group):
    found = path_of_four.group(*group, columns=ASSORT_COLUMNS)
    assert found == pytest.approx(PATH_OF_FOUR | {"assort_category": -1 / 3})


def test_assortativity_agrees_with_networkx_on_the_hand_drawing(path_of_four):
    graph = build_networkx_graph(path_of_four.con, YEAR)
    nx.set_node_attributes(graph, {a: 660, b: 660, d: 661, e: 661}, "la")
    nx.set_node_attributes(graph, {a: "w", b: "e", d: "w", e: "e"}, "medium")
    nx.set_node_attributes(graph, {a: "green", b: "green", d: "red"}, "category")
    assert nx.attribute_assortativity_coefficient(graph, "la") == pytest.approx(1 / 3)
    assert nx.attribute_assortativity_coefficient(graph, "medium") == pytest.approx(-1.0)
    categorised = graph.subgraph([a, b, d])
    assert nx.attribute_assortativity_coefficient(categorised, "category") == pytest.approx(-1 / 3)


def test_assortativity_inside_an_la(path_of_four):
    # LA 660's subgraph is the tie a-b: one LA, one category (green); media differ.
    found = path_of_four.group("la", "660", columns=ASSORT_COLUMNS)
    # Medium: one tie w-e, s = 0, d = 1, 1: (0 - 2) / (4 - 2) = -1.
    assert found == {
        "assort_la": None,
        "assort_medium": -1.0,
        "assort_sector": None,
        "assort_category": None,
    }
    # LA 661's one tie d-e has e uncategorised: no categorised tie.
    assert path_of_four.group("la", "661", columns=ASSORT_COLUMNS)["assort_category"] is None


def test_assortativity_of_a_group_without_ties_is_null(db):
    db.schools(660, a, b).measure()
    assert db.group("la", "660", columns=ASSORT_COLUMNS) == dict.fromkeys(ASSORT_COLUMNS)


# --- support ties ----------------------------------------------------------------------

SUPPORT_COLUMNS = ("support_schools", "n_support_tied", "support_tied_share")


def test_support_ties_count_green_partners_anywhere(db):
    # LA 660: a amber tied to d (green, LA 661); b red tied to e (yellow); c amber,
    # alone. LA 661: d green, e yellow, f red tied to d. g (ERW) green, alone.
    db.schools(660, a, b, c).schools(661, d, e, f).schools(662, g)
    db.categories({a: "amber", b: "red", c: "amber", d: "green", e: "yellow", f: "red"})
    db.categories({g: "green"})
    db.draw([(a, d), (b, e), (f, d)]).measure()
    assert db.group("la", "660", columns=SUPPORT_COLUMNS) == pytest.approx(
        {"support_schools": 3, "n_support_tied": 1, "support_tied_share": 1 / 3}
    )
    assert db.group("la", "661", columns=SUPPORT_COLUMNS) == pytest.approx(
        {"support_schools": 1, "n_support_tied": 1, "support_tied_share": 1.0}
    )
    assert db.group("la", "662", columns=SUPPORT_COLUMNS) == {
        "support_schools": 0,
        "n_support_tied": 0,
        "support_tied_share": None,
    }
    assert db.group(*WALES, columns=SUPPORT_COLUMNS) == pytest.approx(
        {"support_schools": 4, "n_support_tied": 2, "support_tied_share": 1 / 2}
    )


def test_a_yellow_partner_is_not_capacity(db):
    db.schools(660, a, b).categories({a: "red", b: "yellow"}).draw([(a, b)]).measure()
    assert db.group("la", "660")["n_support_tied"] == 0


# --- the E-I matrix --------------------------------------------------------------------


def test_group_pairs_count_ties_between_each_pair_of_groups(db):
    # a b c in LA 660, d e in 661 (GWE), g in 662 (ERW). Ties a-b, b-c in 660;
    # d-e in 661; c-d and a-e between 660 and 661; e-g between 661 and 662.
    db.schools(660, a, b, c).schools(661, d, e).schools(662, g)
    db.draw([(a, b), (b, c), (d, e), (c, d), (a, e), (e, g)]).measure()
    pairs = db.rows(
        "SELECT level, group_a, group_b, ties FROM net_group_pairs WHERE year = $year ORDER BY ALL",
        {"year": YEAR},
    )
    assert pairs == [
        ("consortium", "ERW", "ERW", 0),
        ("consortium", "ERW", "GWE", 1),
        ("consortium", "GWE", "GWE", 5),
        ("la", "660", "660", 2),
        ("la", "660", "661", 2),
        ("la", "660", "662", 0),
        ("la", "661", "661", 1),
        ("la", "661", "662", 1),
        ("la", "662", "662", 0),
    ]


def test_group_pairs_agree_with_internal_and_external_ties(db):
    db.years("2019/20")
    add_random_network(db, 11, (YEAR, "2019/20"))
    db.measure()
    disagree = db.rows(
        """
        with ends as (
            select year, level, group_a as group_id, group_a = group_b as inside, ties
            from net_group_pairs
            union all
            select year, level, group_b, false, ties from net_group_pairs where group_a <> group_b
        ),
        sums as (
            select year, level, group_id, sum(ties) filter (where inside) as internal,
                sum(ties) filter (where not inside) as external
            from ends group by all
        )
        select count(*) from net_group_metrics as m join sums as s using (year, level, group_id)
        where m.internal_ties <> coalesce(s.internal, 0)
            or m.external_ties <> coalesce(s.external, 0)
        """
    )
    assert disagree == [(0,)]
    assert db.rows("SELECT count(DISTINCT (level, group_a, group_b)) FROM net_group_pairs") == [
        (6 + 3,)
    ]


# --- against networkx on random networks -----------------------------------------------

YEARS = ("2018/19", "2019/20", "2020/21")


@pytest.fixture(params=[7, 13])
def random_groups(request, db: NetworkDb) -> NetworkDb:
    """About 80 schools over three LAs and three years, with random attributes, seeded."""
    db.years(*YEARS[1:])
    add_random_network(db, request.param, YEARS)
    add_random_attributes(db, request.param, YEARS)
    db.measure()
    return db


def group_members(db: NetworkDb) -> dict[tuple[str, str], list[int]]:
    rows = db.rows(
        "SELECT s.school_id, cast(s.la_code AS VARCHAR), l.consortium_code "
        "FROM schools AS s JOIN local_authorities AS l USING (la_code)"
    )
    members: dict[tuple[str, str], list[int]] = {}
    for school, la, consortium in rows:
        for key in (("la", la), ("consortium", consortium), WALES):
            members.setdefault(key, []).append(school)
    return members


def networkx_assortativity(graph: nx.Graph, attribute: str) -> float | None:
    """networkx's coefficient, None where it is undefined.

    networkx gives nan when every tie end has one value and 0.0 for a graph with
    no ties (its mixing matrix is then empty); both are undefined here.
    """
    if graph.number_of_edges() == 0:
        return None
    with np.errstate(invalid="ignore"):
        r = nx.attribute_assortativity_coefficient(graph, attribute)
    return None if math.isnan(r) else r


def test_group_measures_agree_with_networkx(random_groups):
    db = random_groups
    schools = {
        s: {"la": la, "medium": medium, "sector": sector}
        for s, la, medium, sector in db.rows(
            "SELECT school_id, la_code, language_medium, sector FROM schools"
        )
    }
    members = group_members(db)
    for year in YEARS:
        graph = build_networkx_graph(db.con, year)
        nx.set_node_attributes(graph, schools)
        categories = dict(
            db.rows(
                "SELECT school_id, value FROM school_outcomes WHERE year = $year",
                {"year": year},
            )
        )
        nx.set_node_attributes(graph, categories, "category")
        for (level, group_id), nodes in members.items():
            found = db.group(level, group_id, year)
            sub = graph.subgraph(nodes)
            components = list(nx.connected_components(sub))
            assert found["n_components"] == len(components)
            assert found["giant_component_share"] == pytest.approx(
                max(map(len, components)) / len(nodes), abs=1e-12
            )
            assert found["mean_clustering"] == pytest.approx(
                nx.average_clustering(graph, nodes=nodes), abs=1e-12
            )
            categorised = sub.subgraph([n for n in nodes if n in categories])
            expected = {
                "assort_la": networkx_assortativity(sub, "la"),
                "assort_medium": networkx_assortativity(sub, "medium"),
                "assort_sector": networkx_assortativity(sub, "sector"),
                "assort_category": networkx_assortativity(categorised, "category"),
            }
            assert {k: found[k] for k in expected} == pytest.approx(expected, abs=1e-12)


def test_consortium_modularity_of_las_agrees_with_networkx(random_groups):
    db = random_groups
    la_of = dict(db.rows("SELECT school_id, la_code FROM schools"))
    members = group_members(db)
    for year in YEARS:
        graph = build_networkx_graph(db.con, year)
        for level, group_id in (("consortium", "GWE"), WALES):
            sub = graph.subgraph(members[level, group_id])
            blocks: dict[int, set[int]] = {}
            for school in sub:
                blocks.setdefault(la_of[school], set()).add(school)
            expected = nx.community.modularity(sub, blocks.values(), weight=None)
            found = db.group(level, group_id, year)["modularity_la"]
            assert found == pytest.approx(expected, abs=1e-12)
