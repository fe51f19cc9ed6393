"""Per-request subgraph measures: by hand on a tiny drawing, and on the demo Wales
against networkx computed independently on the same subgraph (an LA's induced
subgraph of the published ties; a focus area's PLCs projected by hand).
"""

from __future__ import annotations

import duckdb
import networkx as nx
import pandas as pd
import pytest
from network_db import NetworkDb

from etl.contract import FOCUS_AREAS
from etl.network import compute_focus_networks, load_focus_network, measure_subgraph
from etl.network.build import build_networkx_graph

a, b, c, d = 6600001, 6600002, 6610001, 6620001
TOL = 1e-9


# --- by hand -------------------------------------------------------------------------


@pytest.fixture
def four(db: NetworkDb) -> NetworkDb:
    """a and b in LA 660, c in 661 (both GwE), d in 662 (ERW); ties a-b, a-c, c-d.

    The a-b tie is through two PLCs (weight 2); a-c's PLC has focus wellbeing,
    the others numeracy.
    """
    db.schools(660, a, b).schools(661, c).schools(662, d)
    db.draw([(a, b), (a, b), (a, c), (c, d)])
    db.con.execute(
        "UPDATE plcs SET focus_area = 'wellbeing' WHERE plc_id = "
        "(SELECT plc_id FROM plcs WHERE lead_school_id = $a ORDER BY plc_id DESC LIMIT 1)",
        {"a": a},
    )
    db.measure()
    return db


def per_school(found, column: str) -> dict[int, object]:
    return dict(zip(found.schools["school_id"], found.schools[column], strict=True))


def test_consortium_subgraph_by_hand(four):
    # GwE: a, b, c. Inside: a-b (same LA), a-c (across LAs); c-d leaves it.
    # Ties touching GwE: within an LA 1 (a-b), across LA lines 2 (a-c, c-d):
    # E-I = (2 - 1) / 3. The path b-a-c: a lies on the one path between b and c,
    # betweenness 1 (n = 3: 1 x 2 / ((n-1)(n-2)) = 1).
    found = measure_subgraph(four.con, "2018/19", consortium="GWE")
    s = found.summary
    assert (s.n_schools, s.n_ties, s.external_ties) == (3, 2, 1)
    assert (s.ties_within_la, s.ties_across_la) == (1, 2)
    assert s.ei_index_la == pytest.approx(1 / 3)
    assert s.density == pytest.approx(2 / 3)
    assert (s.n_components, s.giant_component_share, s.isolate_share) == (1, 1.0, 0.0)
    assert per_school(found, "degree") == {a: 2, b: 1, c: 1}
    assert per_school(found, "weighted_degree") == {a: 3, b: 2, c: 1}
    assert per_school(found, "external_ties") == {a: 0, b: 0, c: 1}
    assert per_school(found, "betweenness") == {a: 1.0, b: 0.0, c: 0.0}
    assert per_school(found, "clustering") == {a: 0.0, b: 0.0, c: 0.0}
    assert found.ties.to_dict("records") == [
        {"school_a": a, "school_b": b, "weight": 2, "cross_la": False},
        {"school_a": a, "school_b": c, "weight": 1, "cross_la": True},
    ]


def test_la_subgraph_agrees_with_the_published_group_figures(four):
    # LA 660: a, b. Inside a-b; a-c leaves it: E-I = (1 - 1) / 2 = 0, as in
    # net_group_metrics, which counts the same ties.
    found = measure_subgraph(four.con, "2018/19", la=660)
    group = four.group("la", "660")
    assert found.summary.ei_index_la == group["ei_index"] == 0.0
    assert found.summary.external_ties == group["external_ties"] == 1
    assert found.summary.n_ties == group["internal_ties"] == 1


def test_focus_area_keeps_only_its_plcs_ties(four):
    # Only a-c runs through a wellbeing PLC: in GwE, b is then isolated.
    found = measure_subgraph(four.con, "2018/19", consortium="GWE", focus_area="wellbeing")
    assert found.ties[["school_a", "school_b", "weight"]].values.tolist() == [[a, c, 1]]
    assert per_school(found, "degree") == {a: 1, b: 0, c: 1}
    assert found.summary.isolate_share == pytest.approx(1 / 3)
    assert found.summary.n_components == 2
    assert found.summary.ei_index_la == 1.0
    assert found.focus_area == "wellbeing"


def test_numeracy_ties_leave_out_wellbeing(four):
    found = measure_subgraph(four.con, "2018/19", focus_area="numeracy")
    assert found.ties[["school_a", "school_b", "weight"]].values.tolist() == [
        [a, b, 2],
        [c, d, 1],
    ]
    assert found.summary.external_ties == 0


def test_region_without_schools_gives_empty_measures(four):
    found = measure_subgraph(four.con, "2018/19", sector="nursery")
    s = found.summary
    assert (s.n_schools, s.n_ties, s.n_components, s.n_communities) == (0, 0, 0, 0)
    assert (s.density, s.giant_component_share, s.isolate_share, s.ei_index_la) == (None,) * 4
    assert found.schools.empty and found.ties.empty


def test_year_without_ties_gives_isolated_schools(four):
    four.years("2019/20")
    found = measure_subgraph(four.con, "2019/20")
    assert found.summary.n_ties == 0
    assert found.summary.isolate_share == 1.0
    assert found.summary.modularity_communities is None
    assert found.schools["community_id"].isna().all()


def test_works_on_a_read_only_connection(four, tmp_path):
    path = tmp_path / "copy.duckdb"
    four.con.execute(f"ATTACH '{path}' AS copy")
    four.con.execute("COPY FROM DATABASE memory TO copy")
    four.con.execute("DETACH copy")
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert measure_subgraph(con, "2018/19", consortium="GWE").summary.n_ties == 2
    finally:
        con.close()


def assert_same_measures(kept, live) -> None:
    pd.testing.assert_frame_equal(kept.schools, live.schools)
    pd.testing.assert_frame_equal(kept.ties, live.ties)
    assert kept.summary == live.summary


def test_focus_networks_kept_at_etl_time_are_those_measured_live(four):
    rows = compute_focus_networks(four.con, progress=lambda _: None)
    # One year: 4 schools for each focus area; the ties a-c (wellbeing) and a-b, c-d
    # (numeracy).
    assert rows == {
        "net_focus_schools": 4 * len(FOCUS_AREAS),
        "net_focus_ties": 3,
        "net_focus_summary": len(FOCUS_AREAS),
    }
    for focus_area in ("wellbeing", "numeracy", "literacy"):
        kept = load_focus_network(four.con, "2018/19", focus_area)
        assert_same_measures(kept, measure_subgraph(four.con, "2018/19", focus_area=focus_area))
    assert load_focus_network(four.con, "2018/19", "wellbeing").summary.n_ties == 1


def test_focus_networks_measured_in_processes_are_the_same(four, monkeypatch):
    compute_focus_networks(four.con, progress=lambda _: None, workers=1)
    serial = four.rows("SELECT * FROM net_focus_schools ORDER BY ALL")
    # As if the system were large: the subgraphs go to two processes.
    monkeypatch.setattr("etl.network.subgraph.PARALLEL_WORK", 0)
    compute_focus_networks(four.con, progress=lambda _: None, workers=2)
    assert four.rows("SELECT * FROM net_focus_schools ORDER BY ALL") == serial
    kept = load_focus_network(four.con, "2018/19", "numeracy")
    assert_same_measures(kept, measure_subgraph(four.con, "2018/19", focus_area="numeracy"))


def test_a_focus_network_not_kept_is_named(four):
    compute_focus_networks(four.con, progress=lambda _: None)
    with pytest.raises(LookupError, match=r"'numeracy' in 2030/31.*python -m etl refresh"):
        load_focus_network(four.con, "2030/31", "numeracy")


# --- the demo Wales against networkx ---------------------------------------------------


def assert_school_measures_match(found, graph: nx.Graph) -> None:
    """degree, weighted degree, betweenness and clustering equal networkx's on ``graph``."""
    schools = found.schools.set_index("school_id")
    assert sorted(schools.index) == sorted(graph.nodes)
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    clustering = nx.clustering(graph)
    for school, row in schools.iterrows():
        assert row["degree"] == graph.degree(school)
        assert row["weighted_degree"] == graph.degree(school, weight="weight")
        assert row["betweenness"] == pytest.approx(betweenness[school], abs=TOL)
        assert row["clustering"] == pytest.approx(clustering[school], abs=TOL)


def assert_summary_matches(found, graph: nx.Graph, las: dict[int, int]) -> None:
    s = found.summary
    n = graph.number_of_nodes()
    assert (s.n_schools, s.n_ties) == (n, graph.number_of_edges())
    assert s.density == pytest.approx(nx.density(graph), abs=TOL)
    components = list(nx.connected_components(graph))
    assert s.n_components == len(components)
    assert s.giant_component_share == pytest.approx(max(map(len, components)) / n, abs=TOL)
    assert s.isolate_share == pytest.approx(len(list(nx.isolates(graph))) / n, abs=TOL)
    # Modularity of the communities found, and of the LAs, as networkx computes it;
    # isolated schools are communities of their own.
    community = per_school(found, "community_id")
    groups: dict[object, set[int]] = {}
    for school, number in community.items():
        groups.setdefault(("c", number) if not pd.isna(number) else ("i", school), set()).add(
            school
        )
    if graph.number_of_edges():
        q = nx.community.modularity(graph, list(groups.values()), weight=None)
        assert s.modularity_communities == pytest.approx(q, abs=TOL)
        by_la: dict[int, set[int]] = {}
        for school in graph.nodes:
            by_la.setdefault(las[school], set()).add(school)
        q_la = nx.community.modularity(graph, list(by_la.values()), weight=None)
        assert s.modularity_la == pytest.approx(q_la, abs=TOL)


@pytest.fixture
def school_las(demo_wales: duckdb.DuckDBPyConnection) -> dict[int, int]:
    return dict(demo_wales.execute("SELECT school_id, la_code FROM schools").fetchall())


@pytest.mark.parametrize(("year", "la"), [("2016/17", 674), ("2018/19", 661), ("2019/20", 681)])
def test_la_subgraph_agrees_with_networkx(demo_wales, school_las, year, la):
    found = measure_subgraph(demo_wales, year, la=la)
    whole = build_networkx_graph(demo_wales, year)
    graph = whole.subgraph(s for s, school_la in school_las.items() if school_la == la)
    assert graph.number_of_edges() > 50, "a real test needs a real subgraph"
    assert_school_measures_match(found, graph)
    assert_summary_matches(found, graph, school_las)
    # Its E-I index counts the ties that leave the LA, as net_group_metrics does.
    ei, external = demo_wales.execute(
        "SELECT ei_index, external_ties FROM net_group_metrics "
        "WHERE year = $year AND level = 'la' AND group_id = $la",
        {"year": year, "la": str(la)},
    ).fetchone()
    assert found.summary.ei_index_la == pytest.approx(ei, abs=TOL)
    assert found.summary.external_ties == external


def focus_projection(
    con: duckdb.DuckDBPyConnection, year: str, focus_area: str, schools: list[int]
) -> nx.Graph:
    """The focus area's ties among ``schools`` in ``year``, projected by hand in networkx.

    Read the base tables, keep the PLCs of the focus area active in the year and
    the memberships counting in it (as docs/measures.md defines them), build the
    bipartite school-PLC graph and project it onto schools with networkx, weights
    counting shared PLCs; then keep the region's schools, isolated ones included.
    """
    start, end = con.execute(
        "SELECT start_date, end_date FROM academic_years WHERE year = $year", {"year": year}
    ).fetchone()
    plcs = con.execute("SELECT * FROM plcs WHERE focus_area = $f", {"f": focus_area}).df()
    active = plcs[
        (plcs["start_date"].dt.date <= end)
        & (plcs["end_date"].isna() | (plcs["end_date"].dt.date >= start))
    ]
    members = con.execute("SELECT * FROM plc_memberships").df()
    members = members.merge(
        active[["plc_id", "start_date", "end_date"]].rename(
            columns={"start_date": "plc_start", "end_date": "plc_end"}
        ),
        on="plc_id",
    )
    # The PLC's dates, the member's and the year's share a day.
    counting = members[
        (members["joined"].dt.date <= end)
        & (members["plc_end"].isna() | (members["joined"] <= members["plc_end"]))
        & (members["left"].isna() | (members["left"].dt.date >= start))
        & (members["left"].isna() | (members["left"] >= members["plc_start"]))
    ]
    bipartite = nx.Graph()
    school_nodes = {int(s) for s in counting["school_id"]}
    bipartite.add_nodes_from(school_nodes, bipartite=0)
    bipartite.add_nodes_from(("plc", p) for p in counting["plc_id"])
    bipartite.add_edges_from(
        (int(s), ("plc", p)) for s, p in zip(counting["school_id"], counting["plc_id"], strict=True)
    )
    projected = nx.bipartite.weighted_projected_graph(bipartite, school_nodes)
    graph = nx.Graph()
    graph.add_nodes_from(schools)
    graph.add_edges_from(
        (u, v, data) for u, v, data in projected.edges(data=True) if u in graph and v in graph
    )
    return graph


@pytest.mark.parametrize(
    ("year", "region", "focus_area"),
    [
        ("2018/19", {}, "numeracy"),
        ("2017/18", {"consortium": "CSC"}, "wellbeing"),
        ("2016/17", {"la": 669}, "literacy"),
    ],
)
def test_focus_area_subgraph_agrees_with_a_networkx_projection(
    demo_wales, school_las, year, region, focus_area
):
    found = measure_subgraph(demo_wales, year, focus_area=focus_area, **region)
    graph = focus_projection(demo_wales, year, focus_area, found.schools["school_id"].tolist())
    assert graph.number_of_edges() > 20, "a real test needs a real subgraph"
    assert_school_measures_match(found, graph)
    assert_summary_matches(found, graph, school_las)
    mine = {(r.school_a, r.school_b): r.weight for r in found.ties.itertuples()}
    expected = {(min(u, v), max(u, v)): w["weight"] for u, v, w in graph.edges(data=True)}
    assert mine == expected


@pytest.mark.parametrize("focus_area", ["wellbeing", "literacy"])
def test_the_refresh_keeps_each_focus_network_as_measured_live(demo_wales, focus_area):
    years = [r[0] for r in demo_wales.execute("SELECT year FROM academic_years").fetchall()]
    for year in years:
        live = measure_subgraph(demo_wales, year, focus_area=focus_area)
        assert_same_measures(load_focus_network(demo_wales, year, focus_area), live)


def test_focus_area_ties_add_up_to_the_published_ties(demo_wales):
    # Every PLC has one focus area, so a pair's shared PLCs summed over focus
    # areas is its weight in net_edges: the two projections agree.
    year = "2017/18"
    areas = [r[0] for r in demo_wales.execute("SELECT DISTINCT focus_area FROM plcs").fetchall()]
    summed: dict[tuple[int, int], int] = {}
    for area in areas:
        for tie in measure_subgraph(demo_wales, year, focus_area=area).ties.itertuples():
            key = (tie.school_a, tie.school_b)
            summed[key] = summed.get(key, 0) + tie.weight
    published = demo_wales.execute(
        "SELECT school_a, school_b, weight FROM net_edges WHERE year = $year", {"year": year}
    ).fetchall()
    assert summed == {(x, y): w for x, y, w in published}
