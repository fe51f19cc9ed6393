"""The network explorer's lists: isolated schools, brokers by betweenness and by role.

Known answers come from networkx on the fixture's own ties (tests/dashboard/fixtures.py:
in 2017/18 A-B, A-C, B-C, C-F, F-G; D, E and H isolated) and from hand-made frames,
never from the page's own code.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import networkx as nx
import pandas as pd
import pytest
from dash import dcc, html

from dashboard.core.db import Database
from dashboard.core.filters import Choices, Filters, resolve_filters
from dashboard.pages.network import lists
from dashboard.pages.network.data import load_network
from dashboard.pages.network.downloads import (
    build_betweenness_csv,
    build_isolates_csv,
    build_roles_csv,
)
from dashboard.pages.network.layout import OPTIONS, build_network_parts
from dashboard.pages.network.lists import (
    build_betweenness_table,
    build_isolates_table,
    build_roles_table,
    select_betweenness_brokers,
    select_isolates,
    select_role_brokers,
)
from tests.dashboard.components import text_of, walk

A, B, C, D, E, F, G, H = 6602001, 6602002, 6612001, 6612002, 6614001, 6812001, 6812002, 6814001
YEAR = "2017/18"


def _networkx_graph(db_path: Path, year: str) -> nx.Graph:
    """The year's network as networkx builds it from the published ties, every school a
    node (isolated ones included)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        schools = [r[0] for r in con.execute("select school_id from schools").fetchall()]
        ties = con.execute(
            "select school_a, school_b from net_edges where year = $year", {"year": year}
        ).fetchall()
    finally:
        con.close()
    graph = nx.Graph()
    graph.add_nodes_from(schools)
    graph.add_edges_from(ties)
    return graph


def _rows(table: html.Table) -> list[list[str]]:
    return [[text_of(cell) for cell in row.children] for row in walk(table) if type(row) is html.Tr]


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def schools(db: Database) -> pd.DataFrame:
    return load_network(db, Filters(YEAR), "map").schools


def test_isolates_are_networkx_isolates(schools: pd.DataFrame, overview_db_path: Path) -> None:
    graph = _networkx_graph(overview_db_path, YEAR)
    assert set(select_isolates(schools)["school_id"]) == set(nx.isolates(graph)) == {D, E, H}
    # By LA, then name: Gwynedd's Dolgellau and Eryri, then Cardiff's Heath High.
    assert select_isolates(schools)["school_id"].tolist() == [D, E, H]


def test_betweenness_brokers_are_networkx_brokers_highest_first(
    schools: pd.DataFrame, overview_db_path: Path
) -> None:
    expected = nx.betweenness_centrality(_networkx_graph(overview_db_path, YEAR))
    brokers = select_betweenness_brokers(schools)
    assert brokers["school_id"].tolist() == [C, F]  # C cuts A, B from F, G; F cuts G off
    for school_id, value in zip(brokers["school_id"], brokers["betweenness"], strict=True):
        assert value == pytest.approx(expected[school_id], abs=1e-9)
    assert {s for s, v in expected.items() if v > 0} == {C, F}


def test_role_brokers_count_lead_school_ties_ties_broken_by_name(schools: pd.DataFrame) -> None:
    # 2017/18 by hand (fixtures.py): A -> C -> F, C a liaison of three LAs; C -> F -> G,
    # F a gatekeeper for its own Cardiff. One pair each: Fairwater before Ysgol Caernarfon.
    brokers = select_role_brokers(schools)
    assert brokers["school_id"].tolist() == [F, C]
    assert brokers[list(lists.ROLE_COLUMNS)].to_numpy().tolist() == [
        [0, 1, 0, 0, 0],
        [0, 0, 0, 0, 1],
    ]


def test_selection_orders_and_filters_a_hand_made_frame() -> None:
    frame = pd.DataFrame(
        {
            "school_id": [5, 4, 3, 2, 1],
            "name": ["E", "D", "C", "B", "B"],
            "la_code": [661, 660, 661, 660, 661],
            "degree": [0, 0, 3, 2, 0],
            "betweenness": [0.0, 0.0, 0.5, 0.5, 0.0],
            "broker_total": [0, 0, 1, 4, 1],
        }
    )
    assert select_isolates(frame)["school_id"].tolist() == [4, 1, 5]  # 660 first, then B, E
    assert select_betweenness_brokers(frame)["school_id"].tolist() == [2, 3]  # equal: by name
    assert select_role_brokers(frame)["school_id"].tolist() == [2, 1, 3]  # 4 pairs, then B, C


def test_the_tables_list_link_and_explain(schools: pd.DataFrame) -> None:
    isolates = build_isolates_table(schools, YEAR, "Wales", "en")
    assert text_of(isolates.children[0]) == "The 3 schools with no tie, Wales, 2017/18"
    assert _rows(isolates)[1:] == [
        ["Ysgol Dolgellau", "Gwynedd", "Primary", "Welsh medium", "Amber", "0"],
        ["Ysgol Eryri", "Gwynedd", "Secondary", "Bilingual", "Yellow", "0"],
        # H is in P4, a PLC within its own school: in a PLC, yet tied to no school.
        ["Heath High School", "Cardiff", "Secondary", "English medium", "Green", "1"],
    ]
    link = next(c for c in walk(isolates) if isinstance(c, dcc.Link))
    assert link.href == f"/school/{D}?year=2017/18"
    between = _rows(build_betweenness_table(schools, YEAR, "Wales", "en"))
    assert between[0][-1] == "Main brokerage role (lead-school ties)"
    assert between[1:] == [
        ["Ysgol Caernarfon", "Gwynedd", "0.19", "3", "Liaison"],
        ["Fairwater Primary", "Cardiff", "0.143", "2", "Gatekeeper"],
    ]
    roles = _rows(build_roles_table(schools, YEAR, "Wales", "cy"))
    assert roles[0][2:] == [
        "Cydlynydd",
        "Porthor",
        "Cynrychiolydd",
        "Teithiol",
        "Cyswllt",
        "Pob pâr a froceriwyd",
        "Rhyngoldeb",
    ]
    assert roles[1] == ["Fairwater Primary", "Caerdydd", "0", "1", "0", "0", "0", "1", "0.143"]


def test_a_school_high_on_betweenness_may_broker_no_lead_school_tie() -> None:
    frame = pd.DataFrame(
        {
            "school_id": [1],
            "name": ["Ysgol Ganol"],
            "la_code": [661],
            "la_name_en": ["Gwynedd"],
            "degree": [4],
            "betweenness": [0.6],
            "broker_total": [0],
            "broker_role": ["none"],
        }
    )
    rows = _rows(build_betweenness_table(frame, YEAR, "Wales", "en"))
    assert rows[1][-1] == "None: brokers no lead-school ties"
    empty = build_roles_table(frame, YEAR, "Gwynedd", "en")
    assert (
        text_of(empty) == "No school shown brokers a pair of lead-school ties (Gwynedd, 2017/18)."
    )


def test_long_lists_show_the_first_rows_and_say_the_csv_has_all(
    schools: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lists, "LIST_LIMIT", 2)
    table = build_isolates_table(schools, YEAR, "Wales", "en")
    assert len(_rows(table)) == 1 + 2
    assert text_of(table.children[0]) == (
        "The first 2 of 3 schools with no tie, by LA and name, Wales, 2017/18 "
        "(the CSV lists them all)"
    )
    assert len(_csv(build_isolates_csv(schools, "en"))) == 1 + 3


def test_the_csvs_hold_every_row_of_each_list(schools: pd.DataFrame) -> None:
    isolates = _csv(build_isolates_csv(schools, "en"))
    assert isolates[0] == [
        "School number",
        "School",
        "Local authority",
        "Consortium",
        "Sector",
        "Language medium",
        "Support category",
        "PLCs (within-school ones included)",
    ]
    assert [row[0] for row in isolates[1:]] == [str(D), str(E), str(H)]
    between = _csv(build_betweenness_csv(schools, "cy"))
    assert between[1] == [
        str(C),
        "Ysgol Caernarfon",
        "Gwynedd",
        "GwE",
        "0.19047619",
        "3",
        "1",
        "Cyswllt",
    ]
    roles = _csv(build_roles_csv(schools, "en"))
    assert roles[0][4:] == [
        "Coordinator",
        "Gatekeeper",
        "Representative",
        "Itinerant",
        "Liaison",
        "All pairs brokered",
        "Betweenness",
    ]
    assert [row[0] for row in roles[1:]] == [str(F), str(C)]


def test_the_lists_follow_the_filters(db: Database, choices: Choices) -> None:
    filters = resolve_filters({"year": YEAR, "consortium": "CSC", "la": "681"}, choices, OPTIONS)
    parts = build_network_parts(load_network(db, filters, "map"), filters, choices, "en")
    assert [r[0] for r in _rows(parts.isolates)[1:]] == ["Heath High School"]
    assert [r[0] for r in _rows(parts.betweenness)[1:]] == ["Fairwater Primary"]
    assert text_of(parts.isolates.children[0]) == "The one school with no tie, Cardiff, 2017/18"
    assert parts.detail_hidden is False
