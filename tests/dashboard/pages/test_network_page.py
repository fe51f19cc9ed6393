"""The network explorer's page: layout, the parts the callback redraws, the click on a
school, and the CSV, on the hand-made fixture (see test_network_data.py for its ties)."""

from __future__ import annotations

import dataclasses
import sys

import dash
import pytest
from dash import dcc, html

from dashboard.core import ids
from dashboard.core.db import Database
from dashboard.core.filters import Choices, Filters, resolve_filters
from dashboard.core.views import View
from dashboard.pages.network.data import DrawingRule, NetworkSummary, load_network
from dashboard.pages.network.downloads import build_schools_csv
from dashboard.pages.network.layout import (
    OPTIONS,
    NetworkParts,
    build_network_parts,
    describe_rule,
    find_clicked_school,
)
from tests.dashboard.components import text_of, walk


def _rows(table: html.Table) -> list[list[str]]:
    return [[text_of(cell) for cell in row.children] for row in walk(table) if type(row) is html.Tr]


def _render(app: dash.Dash, query: dict[str, str]) -> html.Div:
    page = dash.page_registry["dashboard.pages.network.page"]
    with app.server.test_request_context("/network"):
        return page["layout"](**query)


def _filters(choices: Choices, **query: str) -> Filters:
    return resolve_filters(query, choices, OPTIONS)


def test_page_is_registered_at_network(app: dash.Dash) -> None:
    page = dash.page_registry["dashboard.pages.network.page"]
    assert (page["path"], page["name"], page["name_cy"]) == ("/network", "Network", "Rhwydwaith")


def test_page_has_one_h1_headings_in_order_and_labelled_controls(app: dash.Dash) -> None:
    components = list(walk(_render(app, {})))
    levels = [int(type(c).__name__[1]) for c in components if type(c).__name__ in {"H1", "H2"}]
    assert levels == [1, 2, 2, 2, 2, 2]  # summary, network, isolates, two broker lists
    labelled = {c.htmlFor for c in components if isinstance(c, html.Label)}
    dropdowns = {c.id for c in components if isinstance(c, dcc.Dropdown)}
    assert dropdowns == labelled
    assert dropdowns == {
        ids.filter_control("network", name)
        for name in (
            "year",
            "consortium",
            "la",
            "sector",
            "medium",
            "focus",
            "view",
            "colour",
            "size",
            "school",
        )
    }
    tables = [c for c in components if isinstance(c, html.Table)]
    assert all(isinstance(t.children[0], html.Caption) for t in tables)


def test_pasted_link_sets_the_options_and_the_figure(app: dash.Dash) -> None:
    page = _render(
        app, {"year": "2017/18", "la": "661", "view": "map", "colour": "category", "size": "x"}
    )
    by_id = {c.id: c for c in walk(page) if getattr(c, "id", None)}
    assert by_id[ids.filter_control("network", "colour")].value == "category"
    assert by_id[ids.filter_control("network", "size")].value == "degree"  # unknown: default
    assert text_of(by_id[ids.NETWORK_SUMMARY_HEADING]) == "Summary, 2017/18, Gwynedd"
    figure = by_id[ids.chart_graph("network", "schools")].figure
    # The fixture's 2017/18 categories, A to H: green yellow yellow amber yellow green
    # amber green; so in Gwynedd C yellow, D amber, E yellow.
    assert [trace["name"] for trace in figure["data"][2:]] == ["Yellow (2)", "Amber (1)"]


def test_summary_and_schools_table_for_gwe(db: Database, choices: Choices) -> None:
    filters = _filters(choices, year="2018/19", consortium="GWE")
    parts = build_network_parts(load_network(db, filters, "map"), filters, choices, "en")
    assert parts.summary_heading == "Summary, 2018/19, GwE"
    assert _rows(parts.summary)[1:] == [
        ["Schools shown", "5"],
        ["Isolated schools (no tie that year)", "1"],
        ["Ties between schools shown", "4"],
        ["Ties to schools outside the selection", "2"],
        # A-C, B-C inside GwE and C-F, D-F leaving it cross LA lines; A-B and C-D do not.
        [
            "Ties of the schools shown that cross LA lines",
            "4 of 6 (66.7%)",
        ],
        ["Density of ties between schools shown", "0.4000"],
        ["Ties drawn (of those between schools shown)", "4"],
        ["Schools without a location (not on the map)", "0"],
    ]
    schools = parts.schools
    assert text_of(schools.children[0]) == "The schools shown by degree, GwE"
    first = _rows(schools)[1]
    # The fixture's brokerage by hand: in 2018/19 C is a gatekeeper for one pair and a
    # liaison for another; the tie goes to the role listed first, gatekeeper.
    assert first == [
        "Ysgol Caernarfon",
        "Gwynedd",
        "Yellow",
        "4",
        "0.19",
        "2",
        "None (no ties)",
        "Gatekeeper",
    ]
    link = next(c for c in walk(schools) if isinstance(c, dcc.Link))
    assert link.href == "/school/6612001?year=2018/19"


def test_table_caps_the_schools_and_says_so(
    db: Database, choices: Choices, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dashboard.pages.network import layout as components

    monkeypatch.setattr(components, "TABLE_LIMIT", 3)
    filters = _filters(choices, year="2018/19", size="betweenness", lang="cy")
    parts = build_network_parts(load_network(db, filters, "map"), filters, choices, "cy")
    assert text_of(parts.schools.children[0]) == (
        "Y 3 ysgol uchaf ar rhyngoldeb, o 8 a ddangosir, Cymru"
    )
    assert len(_rows(parts.schools)) == 1 + 3


@pytest.mark.parametrize(
    ("click", "search", "expected"),
    [
        (
            {"points": [{"customdata": [6612001.0, 4, 0.19, 2]}]},
            "?year=2018/19&lang=cy",
            "/school/6612001?year=2018/19&lang=cy",
        ),
        (
            {"points": [{"customdata": [6602002, 2, 0, 1]}]},
            "?year=2016/17",
            "/school/6602002?year=2016/17",
        ),
        ({"points": [{"x": 1, "y": 2}]}, "?year=2018/19", None),  # a tie, not a school
        (None, "?year=2018/19", None),
    ],
)
def test_a_click_on_a_school_opens_its_profile(
    click: dict | None, search: str, expected: str | None
) -> None:
    assert find_clicked_school(click, search) == expected


def test_csv_has_every_school_shown_with_its_figures(db: Database) -> None:
    schools = load_network(db, Filters("2018/19"), "map").schools
    lines = build_schools_csv(schools, "en").splitlines()
    assert lines[0] == (
        "School number,School,Local authority,Consortium,Sector,Language medium,"
        "Support category,Degree,Weighted degree,Betweenness,PLCs,Community,Pairs brokered,"
        "Main brokerage role (lead-school ties)"
    )
    assert len(lines) == 1 + 8
    # C: degree 4, betweenness 8/42 (see test_network_data), 2 PLCs in 2018/19.
    assert lines[3] == (
        "6612001,Ysgol Caernarfon,Gwynedd,GwE,Primary,Welsh medium,Yellow,4,4,0.19047619,2,,"
        "2,Gatekeeper"
    )
    assert lines[8] == (
        "6814001,Heath High School,Cardiff,Central South Consortium,Secondary,English medium,"
        "Green,0,0,0,1,,0,None: brokers no lead-school ties"
    )


def test_csv_in_welsh_names_in_welsh(db: Database) -> None:
    schools = load_network(db, Filters("2018/19", "GWE", 660), "map").schools
    lines = build_schools_csv(schools, "cy").splitlines()
    assert lines[0].startswith("Rhif yr ysgol,Ysgol,Awdurdod lleol,Consortiwm,Sector")
    assert lines[1] == (
        "6602001,Ysgol Aber,Ynys Môn,GwE,Cynradd,Cyfrwng Cymraeg,Gwyrdd,2,2,0,1,,0,"
        "Dim: nid yw'n broceru cysylltiadau ysgol arweiniol"
    )


def _shown(ties: int, drawn: int, schools: int = 126) -> NetworkSummary:
    """A summary of ``schools`` shown with ``ties`` between them, ``drawn`` of them drawn."""
    return NetworkSummary(schools, 0, ties, 0, 0, 0, drawn, 0)


@pytest.mark.parametrize(
    ("rule", "summary", "focus", "lang", "expected"),
    [
        # Cardiff in 2019/20: the year's 7,598 ties are all drawn, 207 of them Cardiff's.
        (
            DrawingRule("all", 7598, 7598, 20_000, 1),
            _shown(207, 207),
            None,
            "en",
            "All 207 ties between the schools shown are drawn.",
        ),
        (
            DrawingRule("all", 7598, 7598, 20_000, 1),
            _shown(207, 200),
            None,
            "en",
            "200 of the 207 ties between the schools shown are drawn: the others have a school "
            "with no place in this view.",
        ),
        (
            DrawingRule("all", 7598, 7598, 20_000, 1),
            _shown(0, 0),
            None,
            "cy",
            "Nid oes cysylltiad rhwng unrhyw ddwy ysgol a ddangosir, felly ni chaiff yr un "
            "cysylltiad ei luniadu.",
        ),
        (
            DrawingRule("strongest", 143_806, 20_000, 20_000, 1),
            _shown(5_000, 900),
            None,
            "en",
            "900 of the 5,000 ties between the schools shown are drawn. A browser draws about "
            "20,000 lines smoothly, so of the 143,806 ties of 2018/19 the "
            "20,000 strongest are drawn: those through the most shared PLCs (the weakest drawn "
            "through 1), then the most shared members; among ties as strong, a fixed order "
            "spread over the country. The summary counts every tie.",
        ),
        (
            DrawingRule("all", 7598, 7598, 20_000, 1),
            _shown(207, 207, schools=0),
            None,
            "en",
            "",  # no school chosen: the summary says so, once
        ),
        (
            DrawingRule("all", 3, 3, 20_000, 1),
            _shown(3, 3),
            "numeracy",
            "cy",
            "Caiff pob un o'r 3 cysylltiad drwy CDPau Rhifedd eu lluniadu. Gradd, rhyngoldeb a "
            "chymunedau'r is-graff hwn yw'r rhain, wedi'u mesur ar gyfer yr olwg hon; rhai'r "
            "rhwydwaith cyfan yw'r CDPau, y categori cymorth a'r rôl brocera.",
        ),
    ],
)
def test_the_rule_says_which_ties_are_drawn(
    rule: DrawingRule, summary: NetworkSummary, focus: str | None, lang: str, expected: str
) -> None:
    assert describe_rule(rule, summary, "2018/19", focus, lang) == expected


def test_focus_area_adds_its_subgraph_figures_to_the_summary(
    db: Database, choices: Choices
) -> None:
    filters = _filters(choices, year="2018/19", focus="numeracy", view="force")
    parts = build_network_parts(load_network(db, filters, "force"), filters, choices, "en")
    assert parts.summary_heading == "Summary, 2018/19, Wales, Numeracy"
    rows = dict(_rows(parts.summary)[1:])
    assert rows["Isolated schools (no tie through these PLCs)"] == "5"
    assert rows["Ties between schools shown"] == "3"
    assert rows["Schools not in the force layout"] == "0"
    assert rows["Components (isolated schools count as one each)"] == "6"
    assert rows["Schools in the largest component"] == "37.5%"
    assert rows["Modularity of the communities"] == "0.000"
    assert rows["Betweenness"] == "Exact"
    assert parts.rule.startswith("All 3 ties through Numeracy PLCs are drawn.")


@pytest.mark.parametrize(
    ("changed", "sent"),
    [
        ("url", None),
        ("view", None),
        ("la", None),
        ("colour", {"figure"}),
        ("size", {"figure", "schools"}),
        ("school", {"figure"}),
    ],
)
def test_a_change_of_colour_size_or_school_sends_only_what_it_alters(
    app: dash.Dash, db: Database, choices: Choices, changed: str, sent: set[str] | None
) -> None:
    module = sys.modules["dashboard.pages.network.page"]
    filters = _filters(choices, year="2018/19", consortium="GWE", view="map")
    with app.server.test_request_context("/network"):
        values = module.build_parts(View(db, choices, filters, "en", "/network", changed))
    names = [field.name for field in dataclasses.fields(NetworkParts)]
    fresh = {name for name, value in zip(names, values, strict=True) if value is not dash.no_update}
    assert fresh == (sent if sent is not None else set(names))
