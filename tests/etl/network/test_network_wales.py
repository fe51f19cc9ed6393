"""The measures of the demo Wales (1,498 real schools, five years), checked
against igraph run directly in the test on the published ties: degree,
betweenness, clustering, components and modularity to 1e-9 (counts exactly),
assortativity against igraph's nominal assortativity, and brokerage roles
against a plain Python count of open two-paths.
"""

from __future__ import annotations

from collections import defaultdict

import duckdb
import igraph
import numpy as np
import pandas as pd
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


@pytest.fixture(scope="module")
def wales(demo_db) -> duckdb.DuckDBPyConnection:
    """The session's demo Wales (tests/conftest.py ``demo_db``), opened read-only."""
    con = duckdb.connect(str(demo_db), read_only=True)
    yield con
    con.close()


def years_of(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [y for (y,) in con.execute("SELECT year FROM academic_years ORDER BY year").fetchall()]


def schools_of(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(
        "SELECT s.school_id, s.la_code, s.sector, s.language_medium, l.consortium_code "
        "FROM schools AS s JOIN local_authorities AS l USING (la_code) ORDER BY s.school_id"
    ).df()


def graph_of(con: duckdb.DuckDBPyConnection, year: str, schools: pd.DataFrame) -> igraph.Graph:
    """The year's ties straight from net_edges into igraph, vertices in school order."""
    ties = con.execute(
        "SELECT school_a, school_b, weight FROM net_edges WHERE year = ?", [year]
    ).df()
    index = pd.Series(np.arange(len(schools)), index=schools["school_id"])
    edges = np.column_stack((index[ties["school_a"]], index[ties["school_b"]]))
    graph = igraph.Graph(n=len(schools), edges=edges.tolist())
    graph.es["weight"] = ties["weight"].tolist()
    return graph


def stored(con: duckdb.DuckDBPyConnection, year: str) -> pd.DataFrame:
    return con.execute(
        "SELECT * FROM net_school_metrics WHERE year = ? ORDER BY school_id", [year]
    ).df()


def group_row(con: duckdb.DuckDBPyConnection, year: str, level: str, group_id: str) -> dict:
    frame = con.execute(
        "SELECT * FROM net_group_metrics WHERE year = ? AND level = ? AND group_id = ?",
        [year, level, group_id],
    ).df()
    return frame.iloc[0].to_dict()


def test_the_demo_has_five_years_of_ties(wales):
    assert len(years_of(wales)) == 5
    counts = wales.execute("SELECT year, count(*) FROM net_edges GROUP BY year").fetchall()
    assert all(n > 5000 for _, n in counts)


def test_school_measures_agree_with_igraph(wales):
    schools = schools_of(wales)
    n = len(schools)
    for year in years_of(wales):
        graph = graph_of(wales, year, schools)
        mine = stored(wales, year)
        assert mine["school_id"].tolist() == schools["school_id"].tolist()
        assert mine["degree"].tolist() == graph.degree()
        assert mine["weighted_degree"].tolist() == graph.strength(weights="weight")
        betweenness = np.asarray(graph.betweenness(directed=False)) * 2 / ((n - 1) * (n - 2))
        np.testing.assert_allclose(mine["betweenness"], betweenness, rtol=0, atol=1e-9)
        clustering = graph.transitivity_local_undirected(mode="zero")
        np.testing.assert_allclose(mine["clustering"], clustering, rtol=0, atol=1e-9)


def test_components_agree_with_igraph_at_every_level(wales):
    schools = schools_of(wales)
    levels = {
        "la": schools["la_code"].astype(str).to_numpy(),
        "consortium": schools["consortium_code"].to_numpy(),
        "wales": np.full(len(schools), "W92000004"),
    }
    for year in years_of(wales):
        graph = graph_of(wales, year, schools)
        whole = graph.connected_components()
        system = wales.execute(
            "SELECT n_components, giant_component_share FROM net_system_metrics WHERE year = ?",
            [year],
        ).fetchone()
        assert system[0] == len(whole)
        assert system[1] == pytest.approx(max(whole.sizes()) / len(schools), abs=1e-12)
        for level, labels in levels.items():
            for group_id in np.unique(labels):
                members = np.flatnonzero(labels == group_id).tolist()
                parts = graph.induced_subgraph(members).connected_components()
                row = group_row(wales, year, level, str(group_id))
                assert row["n_components"] == len(parts)
                assert row["giant_component_share"] == pytest.approx(
                    max(parts.sizes()) / len(members), abs=1e-12
                )


def test_modularity_agrees_with_igraph(wales):
    schools = schools_of(wales)
    las = schools["la_code"].to_numpy()
    for year in years_of(wales):
        graph = graph_of(wales, year, schools)
        mine = stored(wales, year)
        # Isolated schools have no community; their label does not change Q.
        community = mine["community_id"].fillna(0).astype(int).tolist()
        system = wales.execute(
            "SELECT modularity_communities, modularity_la FROM net_system_metrics WHERE year = ?",
            [year],
        ).fetchone()
        la_labels = np.unique(las, return_inverse=True)[1].ravel().tolist()
        assert system[0] == pytest.approx(graph.modularity(community), abs=1e-9)
        assert system[1] == pytest.approx(graph.modularity(la_labels), abs=1e-9)
        wales_row = group_row(wales, year, "wales", "W92000004")
        assert wales_row["modularity_communities"] == pytest.approx(system[0], abs=1e-12)
        assert wales_row["modularity_la"] == pytest.approx(system[1], abs=1e-12)
        for consortium in schools["consortium_code"].unique():
            members = np.flatnonzero(schools["consortium_code"] == consortium)
            sub = graph.induced_subgraph(members.tolist())
            labels = np.unique(las[members], return_inverse=True)[1].ravel().tolist()
            row = group_row(wales, year, "consortium", consortium)
            assert row["modularity_la"] == pytest.approx(sub.modularity(labels), abs=1e-9)
            # Louvain's own partition of the consortium scores at least as well as its LAs.
            assert row["modularity_communities"] >= row["modularity_la"] - 1e-9


def test_assortativity_agrees_with_igraph(wales):
    schools = schools_of(wales)
    for year in years_of(wales):
        graph = graph_of(wales, year, schools)
        categories = stored(wales, year)["support_category"].to_numpy()
        for consortium in [*schools["consortium_code"].unique(), None]:
            if consortium is None:
                members, row = np.arange(len(schools)), group_row(wales, year, "wales", "W92000004")
            else:
                members = np.flatnonzero(schools["consortium_code"] == consortium)
                row = group_row(wales, year, "consortium", consortium)
            sub = graph.induced_subgraph(members.tolist())
            for column, values in (
                ("assort_la", schools["la_code"].to_numpy()),
                ("assort_medium", schools["language_medium"].to_numpy()),
                ("assort_sector", schools["sector"].to_numpy()),
            ):
                types = np.unique(values[members], return_inverse=True)[1].ravel().tolist()
                expected = sub.assortativity_nominal(types, directed=False)
                assert row[column] == pytest.approx(expected, abs=1e-9), (year, consortium, column)
            known = members[pd.notna(categories[members])]
            categorised = graph.induced_subgraph(known.tolist())
            types = np.unique(categories[known].astype(str), return_inverse=True)[1].ravel()
            expected = categorised.assortativity_nominal(types.tolist(), directed=False)
            assert row["assort_category"] == pytest.approx(expected, abs=1e-9)


def lead_ties(con: duckdb.DuckDBPyConnection, year: str) -> set[tuple[int, int]]:
    """Ties from each PLC's lead school to its other schools, counted in plain pandas."""
    start, end = con.execute(
        "SELECT start_date, end_date FROM academic_years WHERE year = ?", [year]
    ).fetchone()
    plcs = con.execute("SELECT plc_id, start_date, end_date, lead_school_id FROM plcs").df()
    members = con.execute('SELECT plc_id, school_id, joined, "left" FROM plc_memberships').df()
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    active = plcs[
        (plcs["start_date"] <= end) & (plcs["end_date"].isna() | (plcs["end_date"] >= start))
    ]
    joined = members.merge(active, on="plc_id")
    # The PLC's dates, the member's and the year's share a day.
    joined = joined[
        (joined["joined"] <= end)
        & (joined["end_date"].isna() | (joined["joined"] <= joined["end_date"]))
        & (joined["left"].isna() | (joined["left"] >= start))
        & (joined["left"].isna() | (joined["left"] >= joined["start_date"]))
    ]
    schools_in = joined.groupby("plc_id")["school_id"].agg(set)
    ties = set()
    for plc_id, lead in zip(active["plc_id"], active["lead_school_id"], strict=True):
        present = schools_in.get(plc_id, set())
        if lead in present:
            ties |= {(lead, school) for school in present if school != lead}
    return ties


def count_roles(ties: set[tuple[int, int]], la: dict[int, int]) -> dict[int, dict[str, int]]:
    """Gould-Fernandez roles by brute force: every in-neighbour, out-neighbour pair of a broker."""
    ins, outs = defaultdict(set), defaultdict(set)
    for source, target in ties:
        outs[source].add(target)
        ins[target].add(source)
    found: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for broker in ins.keys() & outs.keys():
        for x in ins[broker]:
            for z in outs[broker]:
                if x == z or (x, z) in ties:
                    continue
                lx, lb, lz = la[x], la[broker], la[z]
                if lx == lb == lz:
                    role = "coordinator"
                elif lx == lz:
                    role = "itinerant"
                elif lb == lz:
                    role = "gatekeeper"
                elif lx == lb:
                    role = "representative"
                else:
                    role = "liaison"
                found[broker][role] += 1
    return found


ROLES = ("coordinator", "gatekeeper", "representative", "itinerant", "liaison")


def test_brokerage_agrees_with_a_plain_count(wales):
    la = dict(wales.execute("SELECT school_id, la_code FROM schools").fetchall())
    for year in years_of(wales):
        expected = count_roles(lead_ties(wales, year), la)
        mine = stored(wales, year).set_index("school_id")
        brokers = mine[mine["broker_total"] > 0]
        assert set(brokers.index) == set(expected)
        for school, roles in expected.items():
            assert [int(mine.at[school, f"broker_{r}"]) for r in ROLES] == [
                roles.get(r, 0) for r in ROLES
            ]
        assert sum(sum(r.values()) for r in expected.values()) > 1000
