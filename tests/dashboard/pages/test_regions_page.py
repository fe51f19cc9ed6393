"""The regions page without a browser: its layout, the parts its callback redraws, its
figures and its CSV files, on the hand-made fixture (numbers worked in
test_regions_data.py)."""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import math
import sys

import dash
import pandas as pd
import plotly.graph_objects as go
import pytest
from dash import Patch, dcc, html

from dashboard.core import ids
from dashboard.core.db import Database
from dashboard.core.downloads import build_csv_name
from dashboard.core.filters import Choices, Filters, resolve_filters
from dashboard.core.views import View, read_view_of_search
from dashboard.pages.regions.data import REGION_MEASURES, load_regions
from dashboard.pages.regions.downloads import (
    build_map_csv,
    build_measure_csv,
    build_measures_csv,
    build_pairs_csv,
    build_similar_csv,
)
from dashboard.pages.regions.figures import MAP_SCALE
from dashboard.pages.regions.layout import (
    MEASURE,
    PAGE_FIELDS,
    SORT,
    RegionsParts,
    build_regions_parts,
    label_groups,
    list_sort_values,
    sort_groups,
)
from tests.dashboard.components import text_of, walk

PAIRS = {
    f"{level}_pairs_{part}"
    for level in ("la", "consortium")
    for part in ("heading", "figure", "table")
}


def _rows(table: html.Table) -> list[list[str]]:
    return [
        [text_of(cell) for cell in row.children]
        for row in walk(table)
        if isinstance(row, html.Tr) and isinstance(row.children, list)
    ]


def _view(choices: Choices, **query: str) -> Filters:
    return resolve_filters(query, choices, PAGE_FIELDS)


def _render(app: dash.Dash, query: dict[str, str]) -> html.Div:
    page = dash.page_registry["dashboard.pages.regions.page"]
    with app.server.test_request_context("/regions"):
        return page["layout"](**query)


def _parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# ---- The page as drawn at load --------------------------------------------------------


def test_page_is_registered_at_regions(app: dash.Dash) -> None:
    page = dash.page_registry["dashboard.pages.regions.page"]
    assert (page["path"], page["name"], page["name_cy"]) == ("/regions", "Regions", "Rhanbarthau")


def test_page_has_one_h1_and_headings_in_order(app: dash.Dash) -> None:
    page = _render(app, {})
    levels = [int(type(c).__name__[1]) for c in walk(page) if type(c).__name__ in {"H1", "H2"}]
    assert levels.count(1) == 1
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_every_control_is_labelled(app: dash.Dash) -> None:
    components = list(walk(_render(app, {})))
    labelled = {c.htmlFor for c in components if isinstance(c, html.Label)}
    dropdowns = {c.id for c in components if isinstance(c, dcc.Dropdown)}
    assert dropdowns == {
        "regions-year",
        "regions-consortium",
        "regions-la",
        "regions-measure",
        "regions-sort",
    }
    assert dropdowns <= labelled


def test_every_chart_has_a_captioned_table_and_a_download(app: dash.Dash) -> None:
    components = list(walk(_render(app, {"la": "660"})))
    graphs = {c.id for c in components if isinstance(c, dcc.Graph)}
    assert graphs == {
        ids.chart_graph("regions", what)
        for what in ("measure", "map", "la-pairs", "consortium-pairs", "similar")
    }
    tables = [c for c in components if isinstance(c, html.Table)]
    assert len(tables) == len(graphs) + 1  # and the table of every measure
    assert all(any(isinstance(x, html.Caption) for x in walk(table)) for table in tables)
    buttons = {c.id for c in components if isinstance(c, html.Button)}
    assert len(buttons) == len(tables)


def test_pasted_link_reproduces_the_view(app: dash.Dash) -> None:
    page = _render(
        app, {"year": "2017/18", "la": "661", "measure": "density", "sort": "ei_index-asc"}
    )
    by_id = {c.id: c for c in walk(page) if getattr(c, "id", None)}
    assert by_id["regions-year"].value == "2017/18"
    assert by_id["regions-consortium"].value == "GWE"
    assert by_id["regions-la"].value == 661
    assert by_id["regions-measure"].value == "density"
    assert by_id["regions-sort"].value == "ei_index-asc"
    assert text_of(by_id[ids.chart_heading("regions", "measure")]) == (
        "Density by local authority, 2017/18"
    )
    assert text_of(by_id[ids.chart_heading("regions", "similar")]) == (
        "Local authorities most like Gwynedd"
    )


def test_unknown_measure_and_sort_fall_back_to_their_defaults(app: dash.Dash) -> None:
    page = _render(app, {"measure": "astrology", "sort": "nothing-desc"})
    by_id = {c.id: c for c in walk(page) if getattr(c, "id", None)}
    assert by_id["regions-measure"].value == MEASURE.values[0] == "isolate_share"
    assert by_id["regions-sort"].value == SORT.values[0] == "name"


def test_page_in_welsh(app: dash.Dash) -> None:
    page = _render(app, {"lang": "cy", "la": "681"})
    assert text_of(next(c for c in walk(page) if isinstance(c, html.H1))) == (
        "Awdurdodau lleol a chonsortia"
    )
    by_id = {c.id: c for c in walk(page) if getattr(c, "id", None)}
    assert text_of(by_id[ids.chart_heading("regions", "similar")]) == (
        "Yr awdurdodau lleol tebycaf i Caerdydd"
    )


# ---- The parts the callback redraws ------------------------------------------------------


def test_measure_by_la_is_sorted_largest_first_with_wales(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    # Isolated shares 2018/19: 681 2/3, 661 1/3, 660 0; Wales 3/8.
    assert _rows(parts.measure_table)[1:] == [
        ["Cardiff", "66.7%"],
        ["Gwynedd", "33.3%"],
        ["Isle of Anglesey", "0.0%"],
        ["Wales", "37.5%"],
    ]
    bar = go.Bar(parts.measure_figure["data"][0])  # plotly checks the dict is a valid bar
    assert list(bar.y) == ["Cardiff", "Gwynedd", "Isle of Anglesey"]
    assert list(bar.x) == pytest.approx([200 / 3, 100 / 3, 0.0])
    layout = go.Layout(parts.measure_figure["layout"])
    assert layout.shapes[0].x0 == pytest.approx(37.5)
    assert layout.annotations[0].text == "Wales: 37.5%"


def test_measures_table_sorted_by_a_measure_marks_its_column(
    db: Database, choices: Choices
) -> None:
    filters = _view(choices, year="2018/19", sort="ei_index-desc")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    rows = _rows(parts.measures_table)
    header = rows[0]
    assert header[:3] == ["Name", "Consortium", "Schools"]
    las = [row[0] for row in rows[1:4]]  # group headings are single cells, left out
    assert las == ["Cardiff", "Gwynedd", "Isle of Anglesey"]  # E-I 1, 3/5, 1/3
    assert rows[1][header.index("E-I index")] == "1.000"
    heads = [c for c in walk(parts.measures_table) if isinstance(c, html.Th)]
    marked = [(text_of(c), getattr(c, "aria-sort", None)) for c in heads]
    assert [m for m in marked if m[1]] == [("E-I index", "descending")]


def test_the_la_and_consortium_chosen_are_marked(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19", la="661")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    names = [row[0] for row in _rows(parts.measures_table)]
    assert "Gwynedd (chosen)" in names
    assert "GwE (chosen)" in names
    assert "Cardiff" not in names  # only the LAs of the consortium chosen are listed
    assert "Central South Consortium" in names  # every consortium is


def test_map_fills_each_la_on_its_own_boundaries(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19", consortium="GWE")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    figure = go.Figure(parts.map_figure)  # plotly checks the dict is a valid figure
    *areas, bar = figure.data
    # One filled outline per LA (cartesian: the cartesian plotly bundle has no geo).
    assert [trace.type for trace in figure.data] == ["scatter"] * 4
    assert [area.fill for area in areas] == ["toself"] * 3
    assert figure.layout.yaxis.scaleanchor == "x"
    by_code = {area.name: area for area in areas}
    # Values 2018/19: the highest LA darkest (the scale's top), the lowest lightest.
    assert by_code["W06000015"].text.endswith("66.7%")
    assert by_code["W06000015"].fillcolor == MAP_SCALE[-1][1]
    assert bar.marker.showscale is True
    assert bar.marker.cmax == pytest.approx(200 / 3)
    # The LAs of the consortium chosen are ringed.
    widths = {code: area.line.width for code, area in by_code.items()}
    assert widths["W06000001"] == widths["W06000002"] > widths["W06000015"]


def test_callbacks_patch_the_map_without_its_boundaries(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2016/17", measure="external_ties", la="681")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en", patch_map=True)
    assert isinstance(parts.map_figure, Patch)
    operations = parts.map_figure.to_plotly_json()["operations"]
    changed = {tuple(op["location"]): op["params"]["value"] for op in operations}
    assert not any(location[-1] in ("x", "y") for location in changed)
    # 2016/17: A-C crosses 660-661; F-G and D-E stay inside their LAs: two LAs at the
    # top of the scale, one at its bottom, in the boundaries' order.
    fills = [changed[("data", i, "fillcolor")] for i in range(3)]
    assert sorted(fills) == sorted([MAP_SCALE[-1][1], MAP_SCALE[-1][1], MAP_SCALE[0][1]])
    assert changed[("data", 3, "marker", "colorbar", "title", "text")] == "Ties out"


def test_matrix_colours_by_share_of_the_row_and_writes_the_counts(
    db: Database, choices: Choices
) -> None:
    filters = _view(choices, year="2018/19")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    heatmap = go.Figure(parts.la_pairs_figure).data[0]
    assert list(heatmap.y) == ["Cardiff", "Gwynedd", "Isle of Anglesey"]
    # Cardiff's 2 ties both go to Gwynedd; Anglesey: 1 within, 2 to Gwynedd.
    assert heatmap.z[0].tolist() == pytest.approx([0.0, 1.0, 0.0])
    assert heatmap.z[2].tolist() == pytest.approx([0.0, 2 / 3, 1 / 3])
    assert heatmap.text[2].tolist() == [0, 2, 1]
    rows = _rows(parts.la_pairs_table)
    assert rows[0] == [
        "",
        "Cardiff",
        "Gwynedd",
        "Isle of Anglesey",
        "Ties within",
        "Ties out",
        "E-I index",
    ]
    assert rows[3] == ["Isle of Anglesey", "0", "2", "1", "1", "2", "0.333"]


def test_similar_las_with_their_figures_and_wales(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19", la="660", measure="ei_index")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    assert parts.similar_heading == "Local authorities most like Isle of Anglesey"
    assert parts.similar_intro.startswith("The 2 local authorities nearest to Isle of Anglesey")
    assert "free school meals" in parts.similar_intro
    assert _rows(parts.similar_table)[1:] == [
        ["Isle of Anglesey (chosen)", "0.000", "2", "100.0%", "0.333"],
        ["Gwynedd", f"{math.sqrt(24 / 7):.3f}", "3", "66.7%", "0.600"],
        ["Cardiff", f"{math.sqrt(48 / 7):.3f}", "3", "0.0%", "1.000"],
        ["Wales", "", "8", "50.0%", "-1.000"],
    ]


def test_without_an_la_the_similar_section_asks_for_one(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    assert parts.similar_heading == "Local authorities most alike"
    assert text_of(parts.similar_table).startswith("Choose a local authority")


def test_outputs_follow_the_order_of_the_callback(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    outputs = parts.as_outputs()
    assert len(outputs) == 20  # with the glossary links of the measure's chart and map
    assert outputs[0] == "Every measure, 2018/19"
    assert outputs[-3] == parts.similar_intro


@pytest.mark.parametrize(
    ("changed", "kept"),
    [
        ("url", set()),
        ("year", set()),
        ("la", set()),
        ("measure", {"table_heading", "measures_table", *PAIRS}),
        ("sort", {"table_heading", *PAIRS}),
    ],
)
def test_a_change_leaves_unsent_what_does_not_follow_it(
    app: dash.Dash, db: Database, choices: Choices, changed: str, kept: set[str]
) -> None:
    module = sys.modules["dashboard.pages.regions.page"]
    filters = _view(choices, year="2018/19", la="661")
    with app.server.test_request_context("/"):
        sent = module.build_parts(View(db, choices, filters, "en", "/regions", changed))
    names = [field.name for field in dataclasses.fields(RegionsParts)]
    unsent = {name for name, value in zip(names, sent, strict=True) if value is dash.no_update}
    assert unsent == kept
    # What is sent is what a page load draws.
    drawn = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    assert sent[names.index("measure_heading")] == drawn.measure_heading


# ---- Sorting and labels --------------------------------------------------------------------


def test_sort_puts_missing_values_last_either_way() -> None:
    rows = pd.DataFrame({"name": ["b", "A", "c"], "density": [0.5, None, 0.1]})
    assert sort_groups(rows, "density-desc")["name"].tolist() == ["b", "c", "A"]
    assert sort_groups(rows, "density-asc")["name"].tolist() == ["c", "b", "A"]
    assert sort_groups(rows, "name")["name"].tolist() == ["A", "b", "c"]


def test_sort_values_cover_every_measure_both_ways() -> None:
    values = list_sort_values(REGION_MEASURES)
    assert values[0] == "name"
    assert len(values) == 1 + 2 * len(REGION_MEASURES)
    assert SORT.values == tuple(values)


def test_labels_are_in_the_language_asked(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19", consortium="CSC")
    groups = load_regions(db, filters).groups
    labelled = label_groups(groups, filters, "cy").set_index(["level", "group_id"])
    assert labelled.loc[("la", "660"), "label"] == "Ynys Môn"
    assert labelled.loc[("consortium", "CSC"), "label"] == (
        "Consortiwm Canolbarth y De (a ddewiswyd)"
    )
    assert labelled.loc[("wales", "W92000004"), "label"] == "Cymru"
    assert labelled.loc[("la", "681"), "ringed"]


# ---- CSV files -------------------------------------------------------------------------------


MEASURE_COLUMNS = (
    "Schools",
    "Ties within",
    "Ties out",
    "E-I index",
    "Density",
    "Isolated schools (share) (%)",
)
SUPPORT_COLUMNS = (
    "Schools needing support",
    "Schools needing support tied to a green school",
    "Support ties (share) (%)",
)


def test_csv_of_every_measure_follows_the_table(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19", consortium="GWE", sort="external_ties-desc")
    text = build_measures_csv(load_regions(db, filters), filters, "en")
    # The columns in the table's order: the region, then every measure.
    header = _parse(text)[0]
    assert header[:5] == ["Level", "Code", "Name", "Consortium", "Schools"]
    assert header[-1] == "Support ties (share) (%)"
    assert len(header) == len(set(header)) == 4 + len(REGION_MEASURES)
    # The cells read by their column's name.
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["Code"] for row in rows] == ["661", "660", "CSC", "GWE", "W92000004"]
    gwynedd, anglesey = rows[0], rows[1]
    assert (gwynedd["Level"], gwynedd["Name"], gwynedd["Consortium"]) == (
        "Local authority", "Gwynedd", "GWE"
    )  # fmt: skip
    assert {name: gwynedd[name] for name in MEASURE_COLUMNS} == {
        "Schools": "3",
        "Ties within": "1",
        "Ties out": "4",
        "E-I index": "0.600000",
        "Density": "0.333333",
        "Isolated schools (share) (%)": "33.3",
    }
    # In 2018/19 only E (amber, Gwynedd) needs support, and E is isolated: 0 of 1.
    assert [gwynedd[name] for name in SUPPORT_COLUMNS] == ["1", "0", "0.0"]
    assert [anglesey[name] for name in SUPPORT_COLUMNS] == ["0", "0", ""]  # none needs support


def test_csv_of_the_measure_and_the_map(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19", measure="density")
    data = load_regions(db, filters)
    assert _parse(build_measure_csv(data, filters, "en")) == [
        ["Code", "Local authority", "Density"],
        ["660", "Isle of Anglesey", "1.000000"],
        ["661", "Gwynedd", "0.333333"],
        ["681", "Cardiff", "0.000000"],
        ["W92000004", "Wales", f"{6 / 28:.6f}"],
    ]
    assert _parse(build_map_csv(data, filters, "cy"))[1] == [
        "W06000015",
        "681",
        "Caerdydd",
        "0.000000",
    ]


def test_csv_of_the_matrices_lists_each_pair_both_ways(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19")
    data = load_regions(db, filters)
    rows = _parse(build_pairs_csv(data, filters, "la", "en"))
    assert rows[0] == ["From code", "From", "To code", "To", "Ties between two groups"]
    assert ["660", "Isle of Anglesey", "661", "Gwynedd", "2"] in rows
    assert ["661", "Gwynedd", "660", "Isle of Anglesey", "2"] in rows
    assert len(rows) == 1 + 9
    consortia = _parse(build_pairs_csv(data, filters, "consortium", "en"))
    assert ["GWE", "GwE", "GWE", "GwE", "4"] in consortia


def test_csv_of_the_similar_las(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19", la="660")
    text = build_similar_csv(load_regions(db, filters), filters, "en")
    assert _parse(text)[0][:3] == ["Rank", "Code", "Name"]
    rows = list(csv.DictReader(io.StringIO(text)))
    shown = ("Rank", "Code", "Name", "Distance between LAs", "Schools", "Welsh-medium share (%)")
    # The LA itself first, at distance 0; Wales last, with no rank or distance.
    assert [rows[0][name] for name in shown] == [
        "0",
        "660",
        "Isle of Anglesey",
        "0.000000",
        "2",
        "100.0",
    ]
    assert [rows[-1][name] for name in shown] == ["", "", "Wales", "", "8", "50.0"]


def test_csv_names_carry_the_view_and_the_measure(choices: Choices) -> None:
    filters = _view(choices, year="2018/19", la="661", measure="density")
    assert build_csv_name("regions", "measure", filters, PAGE_FIELDS) == (
        "plcnet-regions-measure-2018-19-661-density.csv"
    )


# ---- The measures of net_group_metrics beyond ties ---------------------------------------


def test_every_group_measure_of_the_database_is_compared(db: Database) -> None:
    columns = set(db.query("regions__groups", year="2018/19").columns)
    numeric = columns - {"year", "level", "group_id", "name_en", "name_cy", "consortium_code",
                         "ons_code"}  # fmt: skip
    # n_ties is internal_ties by another name for a group.
    assert numeric - {"n_ties"} == set(REGION_MEASURES)


def test_support_ties_by_la(db: Database, choices: Choices) -> None:
    # 2016/17 (fixtures.py): Gwynedd's C and D need support, C is tied to green A;
    # Cardiff's G needs support and is tied to green F; Anglesey has none; Wales 2 of 3.
    filters = _view(choices, year="2016/17", measure="support_tied_share")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    assert _rows(parts.measure_table)[1:] == [
        ["Cardiff", "100.0%"],
        ["Gwynedd", "50.0%"],
        ["Isle of Anglesey", "No data"],
        ["Wales", "66.7%"],
    ]


def test_a_measure_for_consortia_only_says_so_instead_of_empty_bars(
    db: Database, choices: Choices
) -> None:
    filters = _view(choices, year="2018/19", la="661", measure="modularity_la")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    for figure in (parts.measure_figure, parts.similar_figure):
        assert figure["data"] == []
        assert figure["layout"]["annotations"][0]["text"].startswith(
            "Modularity of the LAs has no value for any single local authority"
        )
    assert text_of(parts.measure_table).startswith("Modularity of the LAs has no value")


def test_callback_keeps_the_matrices_while_measure_sort_or_la_change(app: dash.Dash) -> None:
    module = sys.modules[dash.page_registry["dashboard.pages.regions.page"]["module"]]
    position = list(RegionsParts.__dataclass_fields__).index("la_pairs_figure")

    def matrix_of(search: str) -> object:
        with app.server.test_request_context("/regions"):
            view = read_view_of_search(search, module.FIELDS, "/regions", PAGE_FIELDS)
            return module.build_parts(view)[position]

    first = matrix_of("?year=2018/19&consortium=GWE&measure=density")
    assert matrix_of("?year=2018/19&consortium=GWE&measure=ei_index&sort=density-desc") is first
    assert matrix_of("?year=2018/19&la=661") is first  # the same consortium's rows
    # Another consortium has other rows, another year other ties.
    cardiff = go.Figure(matrix_of("?year=2018/19&la=681")).data[0]
    assert list(cardiff.y) == ["Cardiff"]
    assert cardiff.text.tolist() == [[0, 2, 0]]  # C-F, D-F to Gwynedd
    other_year = go.Figure(matrix_of("?year=2016/17&consortium=GWE")).data[0]
    # 2016/17: A-C between Anglesey and Gwynedd; D-E within Gwynedd (rows: Gwynedd,
    # Anglesey; columns: Cardiff, Gwynedd, Anglesey).
    assert other_year.text.tolist() == [[0, 1, 1], [0, 1, 0]]
